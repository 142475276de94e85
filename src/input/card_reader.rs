//! Telling a card reader from a person typing.
//!
//! Keyboard-wedge and magnetic-stripe readers "type" a whole card in a few milliseconds and
//! end with Enter (sometimes Tab); people type a key every 80 ms or more. Printable keys are
//! held briefly: a run of at least [`MIN_BURST`] keys, each within the gap of the one before,
//! is a card read; anything slower is released as ordinary keys. Time is passed in, so this
//! is pure and testable.

use crate::app::Key;

/// The fewest keys that make a reader burst (a card number is 16 digits).
pub const MIN_BURST: usize = 6;

/// The most characters one burst holds; beyond it (a paste bomb) the rest is dropped.
pub const MAX_BURST: usize = 128;

/// What the detector lets through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// An ordinary key press.
    Key(Key),
    /// What a card reader sent, without its terminator.
    Card(String),
}

/// Holds printable keys until it knows whether they are typing or a reader.
#[derive(Clone, Debug)]
pub struct BurstDetector {
    gap_ms: u64,
    pending: String,
    pending_len: usize,
    last_ms: u64,
}

impl BurstDetector {
    /// A detector that treats keys at most `gap_ms` apart as one burst.
    pub fn new(gap_ms: u64) -> BurstDetector {
        BurstDetector {
            gap_ms,
            pending: String::new(),
            pending_len: 0,
            last_ms: 0,
        }
    }

    /// A key arrived at `now_ms`; returns what is ready to pass on.
    pub fn push(&mut self, key: Key, now_ms: u64) -> Vec<Input> {
        let mut out = Vec::new();
        let in_burst = self.pending_len > 0 && now_ms.saturating_sub(self.last_ms) <= self.gap_ms;
        if self.pending_len > 0 && !in_burst {
            self.release(&mut out);
        }
        match key {
            Key::Char(c) => {
                if self.pending_len < MAX_BURST {
                    self.pending.push(c);
                }
                self.pending_len += 1;
                self.last_ms = now_ms;
            }
            Key::Enter | Key::Tab if in_burst && self.pending_len >= MIN_BURST => {
                out.push(Input::Card(std::mem::take(&mut self.pending)));
                self.pending_len = 0;
            }
            other => {
                self.release(&mut out);
                out.push(Input::Key(other));
            }
        }
        out
    }

    /// Time passed with no key; releases held keys whose gap has run out.
    pub fn flush_due(&mut self, now_ms: u64) -> Vec<Input> {
        let mut out = Vec::new();
        if self.pending_len > 0 && now_ms.saturating_sub(self.last_ms) > self.gap_ms {
            self.release(&mut out);
        }
        out
    }

    /// When [`BurstDetector::flush_due`] should next be called, if keys are held.
    pub fn deadline(&self) -> Option<u64> {
        (self.pending_len > 0).then_some(self.last_ms + self.gap_ms + 1)
    }

    /// Lets held keys go: a short run as keys, a burst with no terminator as a card read
    /// (which the card rules then accept or refuse with a reason).
    fn release(&mut self, out: &mut Vec<Input>) {
        let held = std::mem::take(&mut self.pending);
        let len = std::mem::take(&mut self.pending_len);
        if len >= MIN_BURST {
            out.push(Input::Card(held));
        } else {
            out.extend(held.chars().map(|c| Input::Key(Key::Char(c))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(d: &mut BurstDetector, keys: &[(Key, u64)]) -> Vec<Input> {
        let mut out = Vec::new();
        for (k, t) in keys {
            out.extend(d.push(*k, *t));
        }
        out
    }

    #[test]
    fn a_wedge_burst_is_one_card_read() {
        let mut d = BurstDetector::new(30);
        let mut keys: Vec<(Key, u64)> = "1101080000000016"
            .chars()
            .enumerate()
            .map(|(i, c)| (Key::Char(c), 1000 + i as u64 * 3))
            .collect();
        keys.push((Key::Enter, 1050));
        assert_eq!(
            feed(&mut d, &keys),
            [Input::Card("1101080000000016".into())]
        );
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn typing_comes_through_as_keys() {
        let mut d = BurstDetector::new(30);
        let out = feed(&mut d, &[(Key::Char('1'), 0), (Key::Char('2'), 150)]);
        assert_eq!(out, [Input::Key(Key::Char('1'))]);
        assert_eq!(d.flush_due(160), []);
        assert_eq!(d.flush_due(200), [Input::Key(Key::Char('2'))]);
        let out = feed(&mut d, &[(Key::Char('3'), 400), (Key::Enter, 600)]);
        assert_eq!(out, [Input::Key(Key::Char('3')), Input::Key(Key::Enter)]);
    }

    #[test]
    fn two_cards_in_one_read() {
        let mut d = BurstDetector::new(30);
        let mut keys = Vec::new();
        for card in ["1101080000000016", ";1101080000000016=2912?"] {
            keys.extend(card.chars().map(|c| (Key::Char(c), 5)));
            keys.push((Key::Enter, 5));
        }
        assert_eq!(
            feed(&mut d, &keys),
            [
                Input::Card("1101080000000016".into()),
                Input::Card(";1101080000000016=2912?".into())
            ]
        );
    }

    #[test]
    fn a_paste_bomb_is_capped_and_never_typed() {
        let mut d = BurstDetector::new(30);
        let keys: Vec<(Key, u64)> = (0..10_000).map(|i| (Key::Char('x'), i / 100)).collect();
        let out = feed(&mut d, &keys);
        assert!(out.is_empty());
        let out = d.flush_due(1000);
        assert_eq!(out.len(), 1);
        let Input::Card(held) = &out[0] else { panic!() };
        assert_eq!(held.len(), MAX_BURST);
    }
}
