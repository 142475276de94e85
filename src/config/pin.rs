//! The staff PIN: only its Argon2 hash is kept, in the site config.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

/// True when the hash is an Argon2 PHC string this kiosk can check.
pub fn valid_hash(hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| h.algorithm.as_str().starts_with("argon2"))
}

/// True when the PIN matches the hash.
pub fn verify(pin: &str, hash: &str) -> bool {
    valid_hash(hash)
        && Argon2::default()
            .verify_password(pin.as_bytes(), hash)
            .is_ok()
}

/// Hashes a PIN for a site config, with a fresh random salt.
pub fn hash(pin: &str) -> Result<String, String> {
    // A v4 UUID is 122 random bits from the OS generator: a good 16-byte salt.
    let salt = *uuid::Uuid::new_v4().as_bytes();
    Argon2::default()
        .hash_password_with_salt(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let h = hash("2468").unwrap();
        assert!(valid_hash(&h));
        assert!(verify("2468", &h));
        assert!(!verify("2469", &h));
        assert!(!valid_hash("2468"));
        assert!(!verify("2468", "not a hash"));
    }
}
