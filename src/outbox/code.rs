//! The short sign-up code a citizen can read out to staff, e.g. `K7Q-4MD`.

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
const ALPHABET: &[u8; 24] = b"ACDEFGHJKMNPQRTUVWXY3479";

/// A code of six symbols from the sign-up's random UUID, shown as `XXX-XXX`.
pub fn code_from(uuid: &uuid::Uuid) -> String {
    let mut n = u128::from_be_bytes(*uuid.as_bytes());
    let mut out = String::with_capacity(7);
    for i in 0..6 {
        if i == 3 {
            out.push('-');
        }
        out.push(ALPHABET[(n % 24) as usize] as char);
        n /= 24;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_and_unambiguous() {
        for _ in 0..200 {
            let code = code_from(&uuid::Uuid::new_v4());
            assert_eq!(code.len(), 7);
            assert_eq!(&code[3..4], "-");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']));
        }
    }
}
