//! Terminal key and mouse events, as the kiosk understands them.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::{Action, Key};
use crate::config::KeyChord;
use crate::config::chord::ChordKey;

/// True when the event is the staff chord.
pub fn is_chord(event: &KeyEvent, chord: &KeyChord) -> bool {
    let m = event.modifiers;
    let key_matches = match (chord.key, event.code) {
        (ChordKey::Char(want), KeyCode::Char(got)) => want.eq_ignore_ascii_case(&got),
        (ChordKey::F(want), KeyCode::F(got)) => want == got,
        _ => false,
    };
    key_matches
        && m.contains(KeyModifiers::CONTROL) == chord.ctrl
        && m.contains(KeyModifiers::ALT) == chord.alt
        && (!chord.shift || m.contains(KeyModifiers::SHIFT))
}

/// A key press as a kiosk key; releases are ignored. Keys with Ctrl or Alt (Ctrl-C, Ctrl-Z,
/// Ctrl-\ among them) are ordinary input that does nothing.
pub fn to_key(event: &KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return Some(Key::Other);
    }
    Some(match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Tab | KeyCode::BackTab => Key::Tab,
        KeyCode::Backspace | KeyCode::Delete => Key::Backspace,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::F(n) => Key::F(n),
        _ => Key::Other,
    })
}

/// What a mouse event means on a touchscreen: a press is a tap at (column, row); the wheel
/// pages (a bonus: nothing needs it).
pub enum Pointer {
    /// A tap.
    Tap(u16, u16),
    /// A wheel turn, as a paging action.
    Page(Action),
}

/// A mouse event as a touch.
pub fn to_pointer(event: &MouseEvent) -> Option<Pointer> {
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Pointer::Tap(event.column, event.row)),
        MouseEventKind::ScrollDown => Some(Pointer::Page(Action::NextPage)),
        MouseEventKind::ScrollUp => Some(Pointer::Page(Action::PrevPage)),
        _ => None,
    }
}
