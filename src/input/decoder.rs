//! The terminal's bytes as key and mouse events.
//!
//! The kiosk reads its terminal itself rather than through crossterm's event reader, whose
//! parser waits for ever for the end of a bracketed paste once it has seen `ESC [ 200 ~`:
//! a scanner could make the kiosk deaf with six bytes. Here nothing waits long. A sequence
//! still unfinished [`WAIT_MS`] after its first byte is given up (a lone `ESC` is the Esc
//! key), one longer than [`MAX_SEQUENCE`] bytes is dropped, and strings that other parsers
//! swallow up to a terminator (device control, operating-system commands) are not special:
//! `ESC P` is Alt+P and what follows is ordinary input. The kiosk turns on no mode whose
//! answers it would have to wait for; paste markers are ignored. Time is passed in, so this
//! is pure and testable.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long an unfinished sequence may wait for its next byte. Terminals send a sequence in
/// one write; a person pressing Esc sends one byte.
pub const WAIT_MS: u64 = 50;

/// The longest escape sequence kept; anything longer is noise and is dropped.
pub const MAX_SEQUENCE: usize = 64;

/// Turns bytes into events.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    since_ms: u64,
}

/// What the front of the buffer holds.
enum Step {
    /// `n` bytes made this event (or nothing worth passing on).
    Done(usize, Option<Event>),
    /// The bytes so far may be the start of something longer.
    NeedMore,
}

impl Decoder {
    /// A decoder with nothing pending.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Bytes arrived at `now_ms`; returns the events they complete.
    pub fn push(&mut self, bytes: &[u8], now_ms: u64) -> Vec<Event> {
        // What waited past its time is judged alone first: an Esc pressed 90 ms before a
        // digit is Esc and the digit, even if both are handed over together.
        let mut events = self.flush_due(now_ms);
        if self.pending.is_empty() {
            self.since_ms = now_ms;
        }
        self.pending.extend_from_slice(bytes);
        if self.drain(&mut events, false) {
            // What is left began in this read: its wait starts now.
            self.since_ms = now_ms;
        }
        events
    }

    /// When [`Decoder::flush_due`] should be called, if something is pending.
    pub fn deadline(&self) -> Option<u64> {
        (!self.pending.is_empty()).then_some(self.since_ms + WAIT_MS)
    }

    /// Gives up on what waited past its deadline: a lone `ESC` is the Esc key, the rest of an
    /// unfinished sequence is dropped.
    pub fn flush_due(&mut self, now_ms: u64) -> Vec<Event> {
        let mut events = Vec::new();
        if self.deadline().is_some_and(|due| now_ms >= due) {
            self.drain(&mut events, true);
        }
        events
    }

    /// Decodes what it can; true if it used some bytes and kept the rest.
    fn drain(&mut self, events: &mut Vec<Event>, give_up: bool) -> bool {
        let mut start = 0;
        while start < self.pending.len() {
            match step(&self.pending[start..]) {
                Step::Done(used, event) => {
                    start += used;
                    events.extend(event);
                }
                Step::NeedMore if give_up => {
                    if self.pending[start..] == [0x1b] {
                        events.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    }
                    start = self.pending.len();
                }
                Step::NeedMore if self.pending.len() - start > MAX_SEQUENCE => {
                    start = self.pending.len();
                }
                Step::NeedMore => break,
            }
        }
        self.pending.drain(..start);
        start > 0 && !self.pending.is_empty()
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Decodes the event at the front of `bytes` (never empty).
fn step(bytes: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    let first = bytes[0];
    let done = |code| Step::Done(1, Some(key(code, none)));
    match first {
        0x1b => escape(bytes),
        b'\r' | b'\n' => done(KeyCode::Enter),
        b'\t' => done(KeyCode::Tab),
        0x7f | 0x08 => done(KeyCode::Backspace),
        0x00 => Step::Done(1, Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL))),
        0x01..=0x1a => Step::Done(
            1,
            Some(key(
                KeyCode::Char(char::from(first - 1 + b'a')),
                KeyModifiers::CONTROL,
            )),
        ),
        0x1c..=0x1f => Step::Done(
            1,
            Some(key(
                KeyCode::Char(char::from(first - 0x1c + b'4')),
                KeyModifiers::CONTROL,
            )),
        ),
        _ => match utf8(bytes) {
            Some(Ok((c, used))) => Step::Done(used, Some(char_key(c, none))),
            Some(Err(used)) => Step::Done(used, None),
            None => Step::NeedMore,
        },
    }
}

/// A typed character; capitals carry Shift, as terminals report them.
fn char_key(c: char, modifiers: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers | shift)
}

/// One UTF-8 character at the front: `Ok((char, len))`, `Err(len)` for bytes to drop, or
/// `None` when the character is not complete yet.
fn utf8(bytes: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    let available = bytes.len().min(len);
    // A byte that cannot continue the character ends it early: drop what came before it.
    if let Some(bad) = bytes[1..available].iter().position(|b| b & 0xc0 != 0x80) {
        return Some(Err(bad + 1));
    }
    if available < len {
        return None;
    }
    Some(match std::str::from_utf8(&bytes[..len]) {
        Ok(s) => Ok((s.chars().next().unwrap_or('\u{fffd}'), len)),
        Err(_) => Err(len),
    })
}

/// What follows an `ESC`.
fn escape(bytes: &[u8]) -> Step {
    let Some(&second) = bytes.get(1) else {
        return Step::NeedMore;
    };
    match second {
        b'[' => csi(bytes),
        b'O' => match bytes.get(2) {
            None => Step::NeedMore,
            // A control byte (another Esc among them) is not part of it: read it afresh.
            Some(&last) if last < 0x20 => Step::Done(2, None),
            Some(&last) => Step::Done(3, ss3(last).map(|code| key(code, KeyModifiers::NONE))),
        },
        // Esc pressed twice: the first is a key of its own.
        0x1b => Step::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
        _ => match step(&bytes[1..]) {
            Step::Done(used, event) => Step::Done(1 + used, event.map(with_alt)),
            Step::NeedMore => Step::NeedMore,
        },
    }
}

/// The same key with Alt held.
fn with_alt(event: Event) -> Event {
    match event {
        Event::Key(mut k) => {
            k.modifiers |= KeyModifiers::ALT;
            Event::Key(k)
        }
        other => other,
    }
}

/// Keys sent as `ESC O x`: cursor keys, F1-F4, and a keypad in application mode (a
/// keypad-only station's digits, `.` and Enter must work whatever mode its terminal is in).
fn ss3(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'p'..=b'y' => KeyCode::Char(char::from(last - b'p' + b'0')),
        b'j' => KeyCode::Char('*'),
        b'k' => KeyCode::Char('+'),
        b'm' => KeyCode::Char('-'),
        b'n' => KeyCode::Char('.'),
        b'o' => KeyCode::Char('/'),
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'M' => KeyCode::Enter,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        _ => return None,
    })
}

/// A control sequence, `ESC [ params intermediates final`.
fn csi(bytes: &[u8]) -> Step {
    let body = &bytes[2..];
    // The Linux console's F1-F5: `ESC [ [ A` to `ESC [ [ E`.
    if body.first() == Some(&b'[') {
        return match body.get(1) {
            None => Step::NeedMore,
            Some(&c @ b'A'..=b'E') => {
                Step::Done(4, Some(key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE)))
            }
            // A control byte (another Esc among them) is not part of it: read it afresh.
            Some(&c) if c < 0x20 => Step::Done(3, None),
            Some(_) => Step::Done(4, None),
        };
    }
    // An old-style mouse report: `ESC [ M` and three bytes.
    if body.first() == Some(&b'M') {
        // Its bytes are 32 and up; a control byte means it is not one.
        if body.iter().skip(1).take(3).any(|&b| b < 0x20) {
            return Step::Done(3, None);
        }
        return match body.get(1..4) {
            Some(&[b, x, y]) => Step::Done(
                6,
                mouse(
                    u16::from(b.wrapping_sub(32)),
                    u16::from(x.wrapping_sub(32)),
                    u16::from(y.wrapping_sub(32)),
                    true,
                ),
            ),
            _ => Step::NeedMore,
        };
    }
    for (i, &b) in body.iter().enumerate() {
        match b {
            0x20..=0x3f => {}
            0x40..=0x7e => return Step::Done(2 + i + 1, csi_event(&body[..i], b)),
            // Not part of a control sequence: the sequence ends here, and this byte is read
            // afresh.
            _ => return Step::Done(2 + i, None),
        }
    }
    Step::NeedMore
}

/// The numbers of a control sequence (missing ones are 0); `None` if one is not a number.
fn params(raw: &[u8]) -> Option<Vec<u32>> {
    if raw.is_empty() {
        return Some(Vec::new());
    }
    raw.split(|&b| b == b';')
        .map(|p| {
            if p.is_empty() {
                return Some(0);
            }
            std::str::from_utf8(p).ok()?.parse::<u32>().ok()
        })
        .collect()
}

/// The modifiers of an xterm-style parameter (1 + Shift 1, Alt 2, Ctrl 4).
fn modifiers(param: Option<&u32>) -> KeyModifiers {
    modifier_bits(param.copied().unwrap_or(1).saturating_sub(1), [1, 2, 4])
}

/// Shift, Alt and Ctrl from the bits that stand for them, in that order.
fn modifier_bits(bits: u32, [shift, alt, ctrl]: [u32; 3]) -> KeyModifiers {
    [
        (shift, KeyModifiers::SHIFT),
        (alt, KeyModifiers::ALT),
        (ctrl, KeyModifiers::CONTROL),
    ]
    .into_iter()
    .filter(|(bit, _)| bits & bit != 0)
    .fold(KeyModifiers::NONE, |m, (_, modifier)| m | modifier)
}

fn csi_event(raw: &[u8], last: u8) -> Option<Event> {
    if let Some(rest) = raw.strip_prefix(b"<") {
        let p = params(rest)?;
        let [b, x, y] = p.as_slice() else {
            return None;
        };
        return mouse(clamp(*b), clamp(*x), clamp(*y), last == b'M');
    }
    let p = params(raw)?;
    if last == b'M' && p.len() == 3 {
        // rxvt's mouse report: button + 32, column, row.
        return mouse(
            clamp(p[0]).saturating_sub(32),
            clamp(p[1]),
            clamp(p[2]),
            true,
        );
    }
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'~' => tilde(*p.first()?)?,
        // Focus reports, paste markers and the rest: nothing a person pressed.
        _ => return None,
    };
    Some(key(code, modifiers(p.get(1))))
}

/// Keys sent as `ESC [ n ~`.
fn tilde(n: u32) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23 | 24 => KeyCode::F((n - 12) as u8),
        _ => return None,
    })
}

fn clamp(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A mouse report (1-based column and row) as an event.
fn mouse(b: u16, column: u16, row: u16, press: bool) -> Option<Event> {
    if column == 0 || row == 0 {
        return None;
    }
    let button = match b & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if b & 64 != 0 {
        match b & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            _ => return None,
        }
    } else if b & 32 != 0 {
        MouseEventKind::Drag(button)
    } else if !press || b & 0b11 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column - 1,
        row: row - 1,
        modifiers: modifier_bits(u32::from(b), [4, 8, 16]),
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn keys_arrows_and_characters() {
        let mut d = Decoder::new();
        let events = d.push("a学\r\x1b[A\x1bOB\x1b[5~\x1b[[A\x7f".as_bytes(), 0);
        assert_eq!(
            keys(&events),
            [
                KeyCode::Char('a'),
                KeyCode::Char('学'),
                KeyCode::Enter,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::F(1),
                KeyCode::Backspace,
            ]
        );
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn a_keypad_in_application_mode_types_digits() {
        let mut d = Decoder::new();
        let events = d.push(b"\x1bOq\x1bOy\x1bOn\x1bOM", 0);
        assert_eq!(
            keys(&events),
            [
                KeyCode::Char('1'),
                KeyCode::Char('9'),
                KeyCode::Char('.'),
                KeyCode::Enter
            ]
        );
    }

    #[test]
    fn a_character_split_across_reads_is_one_key() {
        let mut d = Decoder::new();
        assert!(d.push(&"学".as_bytes()[..2], 0).is_empty());
        assert_eq!(
            keys(&d.push(&"学".as_bytes()[2..], 1)),
            [KeyCode::Char('学')]
        );
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_once_its_wait_is_over() {
        let mut d = Decoder::new();
        assert!(d.push(b"\x1b", 10).is_empty());
        assert_eq!(d.deadline(), Some(10 + WAIT_MS));
        assert!(d.flush_due(10 + WAIT_MS - 1).is_empty());
        assert_eq!(keys(&d.flush_due(10 + WAIT_MS)), [KeyCode::Esc]);
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn a_paste_start_is_ignored_and_what_follows_is_typing() {
        let mut d = Decoder::new();
        let events = d.push(b"\x1b[200~12", 0);
        assert_eq!(keys(&events), [KeyCode::Char('1'), KeyCode::Char('2')]);
    }

    #[test]
    fn strings_other_parsers_swallow_are_ordinary_input() {
        let mut d = Decoder::new();
        let events = d.push(b"\x1bP1\x1b]52;c;x", 0);
        assert_eq!(
            keys(&events),
            [
                KeyCode::Char('P'),
                KeyCode::Char('1'),
                KeyCode::Char(']'),
                KeyCode::Char('5'),
                KeyCode::Char('2'),
                KeyCode::Char(';'),
                KeyCode::Char('c'),
                KeyCode::Char(';'),
                KeyCode::Char('x'),
            ]
        );
    }

    #[test]
    fn an_unfinished_sequence_is_dropped_after_its_wait() {
        let mut d = Decoder::new();
        assert!(d.push(b"\x1b[1;", 0).is_empty());
        assert!(d.flush_due(WAIT_MS).is_empty());
        assert_eq!(keys(&d.push(b"5", WAIT_MS + 1)), [KeyCode::Char('5')]);
    }

    #[test]
    fn an_endless_sequence_is_dropped_at_its_limit() {
        let mut d = Decoder::new();
        d.push(b"\x1b[<0;", 0);
        d.push(&[b'9'; MAX_SEQUENCE], 0);
        assert_eq!(d.deadline(), None, "nothing kept past the limit");
    }

    #[test]
    fn an_esc_overdue_when_the_next_key_comes_is_still_esc() {
        // The loop was busy: Esc at 0, a digit at 90 ms, both handed over at 90 ms.
        let mut d = Decoder::new();
        assert!(d.push(b"\x1b", 0).is_empty());
        assert_eq!(keys(&d.push(b"3", 90)), [KeyCode::Esc, KeyCode::Char('3')]);
    }

    #[test]
    fn a_sequence_cut_by_the_next_escape_gives_that_escape_back() {
        let mut d = Decoder::new();
        assert_eq!(keys(&d.push(b"\x1bO\x1b[A", 0)), [KeyCode::Up]);
        assert_eq!(keys(&d.push(b"\x1b[[\x1b[B", 0)), [KeyCode::Down]);
    }

    #[test]
    fn a_tap_and_the_wheel() {
        let mut d = Decoder::new();
        let events = d.push(b"\x1b[<0;5;3M\x1b[<0;5;3m\x1b[<65;1;1M", 0);
        let kinds: Vec<_> = events
            .iter()
            .map(|e| match e {
                Event::Mouse(m) => (m.kind, m.column, m.row),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (MouseEventKind::Down(MouseButton::Left), 4, 2),
                (MouseEventKind::Up(MouseButton::Left), 4, 2),
                (MouseEventKind::ScrollDown, 0, 0),
            ]
        );
    }

    #[test]
    fn chords_carry_their_modifiers() {
        let mut d = Decoder::new();
        let events = d.push(b"\x0b\x1bk\x1b\x0b\x1b[1;5P", 0);
        let mods: Vec<_> = events
            .iter()
            .map(|e| match e {
                Event::Key(k) => (k.code, k.modifiers),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            mods,
            [
                (KeyCode::Char('k'), KeyModifiers::CONTROL),
                (KeyCode::Char('k'), KeyModifiers::ALT),
                (
                    KeyCode::Char('k'),
                    KeyModifiers::CONTROL | KeyModifiers::ALT
                ),
                (KeyCode::F(1), KeyModifiers::CONTROL),
            ]
        );
    }
}
