//! A card reader read straight from its input device (`input.reader_device`), grabbed
//! exclusively so that its keystrokes never reach the terminal, the console or anything
//! else: a number read there can never land in a menu. The keyboard-wedge path (a burst on
//! the terminal, `card_reader`) stays the default.

use std::path::PathBuf;
use std::time::Duration;

use evdev::{Device, EventSummary, KeyCode};

use crate::app::Msg;

/// The most digits a reader may send before Enter; more is noise, and is dropped.
const MOST_DIGITS: usize = 32;

/// How long to wait before opening the device again after it failed or went away (a
/// reader unplugged and plugged back in).
const RETRY: Duration = Duration::from_secs(5);

/// Gathers a reader's key presses into card numbers.
#[derive(Debug, Default)]
pub struct Collector {
    digits: String,
}

impl Collector {
    /// A key pressed on the reader; the number it ends, on Enter.
    pub fn press(&mut self, key: KeyCode) -> Option<String> {
        if let Some(digit) = digit(key) {
            if self.digits.len() < MOST_DIGITS {
                self.digits.push(digit);
            }
            return None;
        }
        if matches!(key, KeyCode::KEY_ENTER | KeyCode::KEY_KPENTER) {
            let number = std::mem::take(&mut self.digits);
            return (!number.is_empty()).then_some(number);
        }
        // Anything else (a shift, a stray letter) is not part of a card number.
        None
    }
}

fn digit(key: KeyCode) -> Option<char> {
    let row = [
        KeyCode::KEY_0,
        KeyCode::KEY_1,
        KeyCode::KEY_2,
        KeyCode::KEY_3,
        KeyCode::KEY_4,
        KeyCode::KEY_5,
        KeyCode::KEY_6,
        KeyCode::KEY_7,
        KeyCode::KEY_8,
        KeyCode::KEY_9,
    ];
    let pad = [
        KeyCode::KEY_KP0,
        KeyCode::KEY_KP1,
        KeyCode::KEY_KP2,
        KeyCode::KEY_KP3,
        KeyCode::KEY_KP4,
        KeyCode::KEY_KP5,
        KeyCode::KEY_KP6,
        KeyCode::KEY_KP7,
        KeyCode::KEY_KP8,
        KeyCode::KEY_KP9,
    ];
    let n = row
        .iter()
        .position(|k| *k == key)
        .or_else(|| pad.iter().position(|k| *k == key))?;
    char::from_digit(n as u32, 10)
}

/// Reads the device on a thread of its own for as long as the kiosk runs, sending each card
/// number read as [`Msg::CardSwiped`]; [`Msg::ReaderProblem`] says why when the device cannot
/// be opened or grabbed (staff see it), and `None` once it reads again.
pub fn spawn(path: PathBuf, tx: tokio::sync::mpsc::Sender<Msg>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("card-reader".into())
        .spawn(move || {
            loop {
                let why = match read(&path, &tx) {
                    Ok(()) => return,
                    Err(err) => format!("{}: {err}", path.display()),
                };
                tracing::warn!(problem = %why, "the card reader's device cannot be read");
                if tx.blocking_send(Msg::ReaderProblem(Some(why))).is_err() {
                    return;
                }
                std::thread::sleep(RETRY);
            }
        })
        .map(|_| ())
}

/// Opens and grabs the device and reads it until it fails; `Ok` only when the kiosk is gone.
fn read(path: &PathBuf, tx: &tokio::sync::mpsc::Sender<Msg>) -> std::io::Result<()> {
    let mut device = Device::open(path)?;
    device.grab()?;
    tracing::info!(device = %path.display(), "reading the card reader directly");
    if tx.blocking_send(Msg::ReaderProblem(None)).is_err() {
        return Ok(());
    }
    let mut collector = Collector::default();
    loop {
        for event in device.fetch_events()? {
            // A press (1); releases (0) and auto-repeats (2) are not new keys.
            if let EventSummary::Key(_, key, 1) = event.destructure()
                && let Some(number) = collector.press(key)
                && tx.blocking_send(Msg::CardSwiped(number)).is_err()
            {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_enter_make_a_number_and_nothing_else_does() {
        let mut c = Collector::default();
        let mut out = Vec::new();
        for key in [
            KeyCode::KEY_1,
            KeyCode::KEY_LEFTSHIFT,
            KeyCode::KEY_KP1,
            KeyCode::KEY_0,
            KeyCode::KEY_A,
            KeyCode::KEY_9,
            KeyCode::KEY_ENTER,
            // Enter alone sends nothing.
            KeyCode::KEY_KPENTER,
        ] {
            out.extend(c.press(key));
        }
        assert_eq!(out, ["1109"]);
    }

    #[test]
    fn a_runaway_reader_is_cut_at_the_longest_number() {
        let mut c = Collector::default();
        for _ in 0..100 {
            c.press(KeyCode::KEY_7);
        }
        assert_eq!(c.press(KeyCode::KEY_ENTER).unwrap().len(), MOST_DIGITS);
    }
}
