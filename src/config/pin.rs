//! The staff PIN: only its Argon2 hash is kept, in the site config.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

/// The most work a PIN check may ask for: 64 MiB of memory, 10 passes, 8 lanes. The default
/// (`hash-pin`) is 19 MiB, 2 passes, 1 lane; a hash asking for more would make every PIN
/// check, and `check-config`, take minutes or exhaust the kiosk's memory.
pub const MAX_MEMORY_KIB: u32 = 64 * 1024;
/// See [`MAX_MEMORY_KIB`].
pub const MAX_PASSES: u32 = 10;
/// See [`MAX_MEMORY_KIB`].
pub const MAX_LANES: u32 = 8;

/// True when the hash is an Argon2 PHC string this kiosk can check, within the bounds above.
pub fn valid_hash(hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        h.algorithm.as_str().starts_with("argon2")
            && argon2::Params::try_from(&h).is_ok_and(|p| {
                p.m_cost() <= MAX_MEMORY_KIB && p.t_cost() <= MAX_PASSES && p.p_cost() <= MAX_LANES
            })
    })
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

    #[test]
    fn a_hash_asking_for_more_work_than_a_kiosk_can_give_is_refused_unchecked() {
        let h = hash("2468").unwrap();
        let huge = h.replace("m=19456,t=2,p=1", "m=4194304,t=4000,p=1");
        assert_ne!(h, huge);
        assert!(!valid_hash(&huge));
        // Refused at once: verify never runs Argon2 with those parameters.
        assert!(!verify("2468", &huge));
        let within = h.replace("m=19456,t=2,p=1", "m=65536,t=10,p=8");
        assert!(valid_hash(&within));
    }
}
