//! Card numbers as the spec defines them, from every way they arrive, and reader bursts told
//! apart from typing whatever the timing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use learning_kiosk::app::Key;
use learning_kiosk::domain::card::{CardError, CardNumber, luhn_check_digit};
use learning_kiosk::domain::district::District;
use learning_kiosk::input::card_reader::{BurstDetector, Input, MIN_BURST};
use proptest::prelude::*;

fn valid_card() -> impl Strategy<Value = String> {
    (
        prop::sample::select(District::all().collect::<Vec<_>>()),
        0u64..1_000_000_000,
    )
        .prop_map(|(d, serial)| {
            let first = format!("{}{serial:09}", d.code());
            format!("{first}{}", luhn_check_digit(&first).unwrap())
        })
}

/// Spaces and hyphens, as people type them.
fn with_separators(card: &str, seps: &[u8]) -> String {
    let mut out = String::new();
    for (i, ch) in card.chars().enumerate() {
        if let Some(s) = seps.get(i) {
            match s % 4 {
                0 => out.push(' '),
                1 => out.push('-'),
                _ => {}
            }
        }
        out.push(ch);
    }
    out
}

proptest! {
    #[test]
    fn valid_cards_read_every_way(card in valid_card(), seps in prop::collection::vec(any::<u8>(), 16), extra in "[0-9]{0,12}") {
        let expected = CardNumber::parse(&card).unwrap();
        prop_assert_eq!(CardNumber::parse(&with_separators(&card, &seps)).unwrap(), expected);
        prop_assert_eq!(CardNumber::from_reader(&format!(";{card}?")).unwrap(), expected);
        prop_assert_eq!(CardNumber::from_reader(&format!(";{card}={extra}?")).unwrap(), expected);
        prop_assert_eq!(CardNumber::from_reader(&card).unwrap(), expected);
        let masked = expected.masked();
        prop_assert_eq!(&masked[..4], &card[..4]);
        prop_assert_eq!(&masked[masked.len() - 4..], &card[12..]);
        prop_assert!(!masked.contains(&card[4..12]));
        let debug = format!("{:?}", expected);
        prop_assert!(!debug.contains(&card));
    }

    /// Luhn catches every single-digit slip: each one is refused with a reason.
    #[test]
    fn any_one_wrong_digit_is_refused(card in valid_card(), pos in 0usize..16, bump in 1u8..10) {
        let mut digits = card.into_bytes();
        digits[pos] = b'0' + (digits[pos] - b'0' + bump) % 10;
        let typo = String::from_utf8(digits).unwrap();
        let err = CardNumber::parse(&typo).unwrap_err();
        prop_assert!(matches!(err, CardError::CheckDigit | CardError::UnknownDistrict(_)), "{err:?}");
        if pos >= 6 {
            prop_assert_eq!(err, CardError::CheckDigit);
        }
    }

    #[test]
    fn wrong_lengths_and_letters_say_so(digits in "[0-9]{1,30}", letter in "[A-Za-z]") {
        if digits.len() != 16 {
            prop_assert_eq!(CardNumber::parse(&digits), Err(CardError::WrongLength(digits.len())));
        }
        let with_letter = format!("{digits}{letter}");
        prop_assert_eq!(CardNumber::parse(&with_letter), Err(CardError::NotDigit(letter.chars().next().unwrap())));
    }

    #[test]
    fn parsing_never_panics(text in ".{0,40}") {
        let _ = CardNumber::parse(&text);
        let _ = CardNumber::from_reader(&text);
    }

    /// A reader types a card in a few ms a key; it is always one card read and never keys,
    /// whatever the typing around it.
    #[test]
    fn reader_bursts_are_never_keystrokes(
        card in valid_card(),
        gaps in prop::collection::vec(0u64..=30, 16),
        before in prop::collection::vec((prop::sample::select(vec!['1', '5', '+', '-', '*']), 120u64..2000), 0..4),
        after in prop::collection::vec((prop::sample::select(vec!['2', '7', '/', '.']), 120u64..2000), 0..4),
        terminator in prop::sample::select(vec![Key::Enter, Key::Tab]),
    ) {
        let mut d = BurstDetector::new(30);
        let mut t = 1_000;
        let mut out = Vec::new();
        let feed = |d: &mut BurstDetector, key: Key, t: u64, out: &mut Vec<Input>| {
            out.extend(d.flush_due(t));
            out.extend(d.push(key, t));
        };
        for (c, gap) in &before {
            t += gap;
            feed(&mut d, Key::Char(*c), t, &mut out);
        }
        t += 500;
        for (c, gap) in card.chars().zip(&gaps) {
            t += gap;
            feed(&mut d, Key::Char(c), t, &mut out);
        }
        t += 5;
        feed(&mut d, terminator, t, &mut out);
        for (c, gap) in &after {
            t += gap;
            feed(&mut d, Key::Char(*c), t, &mut out);
        }
        out.extend(d.flush_due(t + 1_000));

        let cards: Vec<Input> = out.iter().filter(|i| matches!(i, Input::Card(_))).cloned().collect();
        prop_assert_eq!(cards, vec![Input::Card(card.clone())]);
        let keys: Vec<char> = out.iter().filter_map(|i| match i { Input::Key(Key::Char(c)) => Some(*c), _ => None }).collect();
        let typed: Vec<char> = before.iter().chain(after.iter()).map(|(c, _)| *c).collect();
        prop_assert_eq!(keys, typed, "typing passes through, in order, and no card digit leaks");
        prop_assert!(!out.contains(&Input::Key(terminator)));
    }

    /// People type slower than the gap: every key comes through as itself.
    #[test]
    fn typing_is_never_a_card(keys in prop::collection::vec((prop::sample::select(vec!['0','1','2','3','4','5','6','7','8','9']), 40u64..600), 1..40)) {
        let mut d = BurstDetector::new(30);
        let mut t = 0;
        let mut out = Vec::new();
        for (c, gap) in &keys {
            t += gap;
            out.extend(d.flush_due(t));
            out.extend(d.push(Key::Char(*c), t));
        }
        out.extend(d.flush_due(t + 100));
        prop_assert!(out.iter().all(|i| matches!(i, Input::Key(_))));
        prop_assert_eq!(out.len(), keys.len());
    }

    /// Short fast runs (a double tap on the keypad) are still typing.
    #[test]
    fn short_fast_runs_stay_keys(n in 1usize..MIN_BURST) {
        let mut d = BurstDetector::new(30);
        let mut out = Vec::new();
        for i in 0..n {
            out.extend(d.push(Key::Char('9'), i as u64));
        }
        out.extend(d.push(Key::Enter, n as u64));
        prop_assert_eq!(out.len(), n + 1);
        prop_assert_eq!(out.last(), Some(&Input::Key(Key::Enter)));
    }
}
