//! The citizen's lifelong-learning card number (see `spec/card-number.md`).
//!
//! The full number is private: `Debug` and `Display` show it masked, and only
//! [`CardNumber::digits`] hands out the whole number, for the outbox that must send it.

use std::fmt;

use crate::domain::district::District;

/// A valid 16-digit learning card number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardNumber([u8; 16]);

/// Why a card number was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardError {
    /// Nothing was typed or read.
    Empty,
    /// A character that is not a digit (spaces and hyphens are allowed and ignored).
    NotDigit(char),
    /// Not 16 digits; carries how many there were.
    WrongLength(usize),
    /// The first six digits are not one of Beijing's 16 district codes.
    UnknownDistrict(String),
    /// The Luhn check digit does not match: most likely one digit was mistyped.
    CheckDigit,
}

impl CardNumber {
    /// Reads a number typed by hand: digits, with any spaces or hyphens ignored.
    pub fn parse(typed: &str) -> Result<CardNumber, CardError> {
        let mut digits = Vec::with_capacity(16);
        for ch in typed.chars() {
            match ch {
                ' ' | '-' => {}
                '0'..='9' => digits.push(ch as u8),
                other => return Err(CardError::NotDigit(other)),
            }
        }
        if digits.is_empty() {
            return Err(CardError::Empty);
        }
        let digits: [u8; 16] = digits
            .as_slice()
            .try_into()
            .map_err(|_| CardError::WrongLength(digits.len()))?;
        let district = std::str::from_utf8(&digits[..6]).unwrap_or_default();
        if District::from_code(district).is_none() {
            return Err(CardError::UnknownDistrict(district.to_string()));
        }
        if !luhn_valid(&digits) {
            return Err(CardError::CheckDigit);
        }
        Ok(CardNumber(digits))
    }

    /// Reads what a card reader sent: a magnetic-stripe track 2 (`;NUMBER?` or
    /// `;NUMBER=EXTRA?`) or a keyboard-wedge burst of digits.
    pub fn from_reader(raw: &str) -> Result<CardNumber, CardError> {
        let raw = raw.trim_matches(|c: char| c == '\r' || c == '\n' || c == '\t' || c == ' ');
        match raw.strip_prefix(';') {
            Some(track) => {
                let end = track.find(['=', '?']).unwrap_or(track.len());
                CardNumber::parse(&track[..end])
            }
            None => CardNumber::parse(raw),
        }
    }

    /// The whole number, for storage and upload only: never for a screen or a log.
    pub fn digits(&self) -> &str {
        // Only ASCII digits are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The issuing district.
    pub fn district(&self) -> Option<District> {
        District::from_code(&self.digits()[..6])
    }

    /// The number as shown on screen: first four and last four digits, `1101 **** **** 0016`.
    pub fn masked(&self) -> String {
        mask_digits(self.digits())
    }
}

/// Words that may hold what someone else sent (a hub's answer, a library's error quoting
/// it), kept only with every run of six or more digits masked: made only through
/// [`mask_digit_runs`], so no card number can reach a log, a screen or a terminal through it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masked(String);

impl From<String> for Masked {
    fn from(text: String) -> Masked {
        Masked(mask_digit_runs(&text))
    }
}

impl From<&str> for Masked {
    fn from(text: &str) -> Masked {
        Masked(mask_digit_runs(text))
    }
}

impl std::fmt::Display for Masked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Masked {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// Text from elsewhere (a hub's error message) with every run of six or more digits masked,
/// digit by digit, where single spaces or dashes between digits count as part of the run: a
/// card number in any of its written forms is never logged or shown.
pub fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, and single separators with a digit on each side.
        let mut end = i;
        let mut digits = 0;
        while end < chars.len() {
            if chars[end].is_ascii_digit() {
                digits += 1;
                end += 1;
            } else if matches!(chars[end], ' ' | '-')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit)
            {
                end += 1;
            } else {
                break;
            }
        }
        for c in &chars[i..end] {
            out.push(if digits >= 6 && c.is_ascii_digit() {
                '*'
            } else {
                *c
            });
        }
        i = end;
    }
    out
}

/// Masks a stored 16-digit number for people to read; anything else is masked whole.
pub fn mask_digits(digits: &str) -> String {
    if digits.len() == 16 && digits.is_ascii() {
        format!("{} **** **** {}", &digits[..4], &digits[12..])
    } else {
        "**** **** **** ****".to_string()
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({})", self.masked())
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// True when the ASCII digits pass the Luhn check.
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The Luhn check digit that completes 15 ASCII digits (used by tests and generators).
pub fn luhn_check_digit(first15: &str) -> Option<char> {
    if first15.len() != 15 || !first15.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    (b'0'..=b'9')
        .map(|c| {
            let mut all = first15.as_bytes().to_vec();
            all.push(c);
            (c, all)
        })
        .find(|(_, all)| luhn_valid(all))
        .map(|(c, _)| c as char)
}

#[cfg(test)]
mod mask_tests {
    use super::mask_digit_runs;

    #[test]
    fn runs_of_six_or_more_digits_are_masked_in_any_written_form() {
        assert_eq!(
            mask_digit_runs("card 1101080000000016 refused"),
            "card **************** refused"
        );
        assert_eq!(
            mask_digit_runs("1101 0800 0000 0016; 1101-0800-0000-0016"),
            "**** **** **** ****; ****-****-****-****"
        );
        assert_eq!(
            mask_digit_runs("at most 200 sign-ups, line 3, 2026-12-07"),
            "at most 200 sign-ups, line 3, ****-**-**"
        );
        assert_eq!(mask_digit_runs("12345 ok"), "12345 ok");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        let card = CardNumber::parse("1101080000000016").unwrap();
        assert_eq!(card.masked(), "1101 **** **** 0016");
        assert_eq!(card.district().map(|d| d.name_en()), Some("Haidian"));
        assert_eq!(
            CardNumber::parse("1101080000000017"),
            Err(CardError::CheckDigit)
        );
        assert_eq!(
            CardNumber::parse("1199990000000019"),
            Err(CardError::UnknownDistrict("119999".into()))
        );
    }

    #[test]
    fn typed_with_spaces_and_hyphens() {
        assert!(CardNumber::parse("1101 0800 0000 0016").is_ok());
        assert!(CardNumber::parse("1101-0800-0000-0016").is_ok());
        assert_eq!(
            CardNumber::parse("1101O80000000016"),
            Err(CardError::NotDigit('O'))
        );
        assert_eq!(CardNumber::parse("110108"), Err(CardError::WrongLength(6)));
        assert_eq!(CardNumber::parse("  "), Err(CardError::Empty));
    }

    #[test]
    fn magnetic_stripe_track_two() {
        assert!(CardNumber::from_reader(";1101080000000016?").is_ok());
        assert!(CardNumber::from_reader(";1101080000000016=29120000?").is_ok());
        assert!(CardNumber::from_reader("1101080000000016\r").is_ok());
        assert_eq!(
            CardNumber::from_reader(";1101080000000017?"),
            Err(CardError::CheckDigit)
        );
    }

    #[test]
    fn debug_never_shows_the_number() {
        let card = CardNumber::parse("1101080000000016").unwrap();
        let shown = format!("{card:?} {card}");
        assert!(!shown.contains("1101080000000016"));
        assert!(!shown.contains("08000000"));
    }

    #[test]
    fn check_digit_completes_the_number() {
        assert_eq!(luhn_check_digit("110108000000001"), Some('6'));
    }
}
