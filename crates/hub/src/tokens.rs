//! Per-kiosk bearer tokens. The hub keeps only a SHA-256 of each: a token is 256 random bits,
//! so a fast hash is enough (nothing to guess), and a copy of the hub's file gives nobody a
//! way in.

use sha2::{Digest, Sha256};

/// A new token: 64 hex digits from two v4 UUIDs' randomness (the OS generator).
pub fn new_token() -> String {
    let a = uuid::Uuid::new_v4();
    let b = uuid::Uuid::new_v4();
    hex::encode([a.as_bytes().as_slice(), b.as_bytes().as_slice()].concat())
}

/// What the hub stores for a token.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}
