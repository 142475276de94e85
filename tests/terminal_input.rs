//! The terminal's bytes, whatever they are: noise from a scanner or a broken device never
//! leaves the kiosk deaf and never reads as a card; what a person or a reader sends after it
//! arrives whole.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use crossterm::event::Event;
use learning_kiosk::domain::card::CardNumber;
use learning_kiosk::input::card_reader::{BurstDetector, Input};
use learning_kiosk::input::decoder::{Decoder, WAIT_MS};
use learning_kiosk::input::keys::to_key;
use proptest::prelude::*;

const CARD: &str = "1101080000000016";
const READER_GAP_MS: u64 = 30;

/// Bytes from a broken or hostile device: mostly the pieces escape sequences are made of,
/// with any byte at all among them.
fn noise() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\x1b".to_vec()),
        Just(b"\x1b[".to_vec()),
        Just(b"\x1b[200~".to_vec()),
        Just(b"\x1b[<".to_vec()),
        Just(b"\x1bP".to_vec()),
        Just(b"\x1b]".to_vec()),
        Just(b"\x1bO".to_vec()),
        Just(b";".to_vec()),
        Just(b"\r".to_vec()),
        prop::collection::vec(b'0'..=b'9', 1..20),
        prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// The bytes cut into reads, each `gap` ms after the one before.
fn reads() -> impl Strategy<Value = (Vec<u8>, Vec<usize>, Vec<u64>)> {
    (
        noise(),
        prop::collection::vec(1usize..32, 1..40),
        prop::collection::vec(0u64..80, 1..40),
    )
}

/// Everything the decoder and the burst detector pass on, given reads at their times.
struct Edge {
    decoder: Decoder,
    detector: BurstDetector,
    now: u64,
    out: Vec<Input>,
}

impl Edge {
    fn new() -> Edge {
        Edge {
            decoder: Decoder::new(),
            detector: BurstDetector::new(READER_GAP_MS),
            now: 0,
            out: Vec::new(),
        }
    }

    fn events(&mut self, events: Vec<Event>) {
        for event in events {
            if let Event::Key(k) = event
                && let Some(key) = to_key(&k)
            {
                let got = self.detector.push(key, self.now);
                self.out.extend(got);
            }
        }
    }

    /// Time passes to `now`, with whatever falls due on the way.
    fn advance(&mut self, now: u64) {
        while let Some(due) = [self.decoder.deadline(), self.detector.deadline()]
            .into_iter()
            .flatten()
            .min()
            .filter(|&d| d <= now)
        {
            self.now = self.now.max(due);
            let events = self.decoder.flush_due(self.now);
            self.events(events);
            let got = self.detector.flush_due(self.now);
            self.out.extend(got);
        }
        self.now = now;
    }

    fn push(&mut self, bytes: &[u8]) {
        let events = self.decoder.push(bytes, self.now);
        self.events(events);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// However noise arrives, the decoder keeps little and waits briefly: nothing is held
    /// longer than its wait after the read that brought it.
    #[test]
    fn noise_is_never_held_for_long((bytes, cuts, gaps) in reads()) {
        let mut edge = Edge::new();
        let mut rest = bytes.as_slice();
        let mut i = 0;
        while !rest.is_empty() {
            let n = cuts[i % cuts.len()].min(rest.len());
            let (read, tail) = rest.split_at(n);
            edge.advance(edge.now + gaps[i % gaps.len()]);
            edge.push(read);
            if let Some(due) = edge.decoder.deadline() {
                prop_assert!(due <= edge.now + WAIT_MS, "held past its wait");
            }
            rest = tail;
            i += 1;
        }
        edge.advance(edge.now + WAIT_MS);
        prop_assert_eq!(edge.decoder.deadline(), None, "something still pending");
    }

    /// After any noise, a card reader's burst a moment later is read whole, and nothing in
    /// the noise was read as a card.
    #[test]
    fn a_card_after_noise_is_read_and_noise_is_never_a_card((bytes, cuts, _) in reads()) {
        let mut edge = Edge::new();
        for chunk in bytes.chunks(cuts[0]) {
            edge.push(chunk);
        }
        // A second of quiet, as the issue allows at most.
        edge.advance(edge.now + 1000);
        for card in edge.out.iter().filter_map(|i| match i {
            Input::Card(raw) => Some(raw),
            Input::Key(_) => None,
        }) {
            prop_assert!(CardNumber::from_reader(card).is_err(), "noise read as card {card:?}");
        }
        edge.out.clear();
        edge.push(format!("{CARD}\r").as_bytes());
        edge.advance(edge.now + 1000);
        prop_assert_eq!(edge.out, vec![Input::Card(CARD.into())]);
    }
}
