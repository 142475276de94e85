//! The digit field: the card number on the welcome and card screens, the staff PIN.

use crate::app::msg::Key;
use crate::app::state::{Screen, State};

/// Longest card entry (16 digits) and PIN.
const CARD_DIGITS: usize = 16;
const PIN_DIGITS: usize = 12;

/// How many digits the current screen's field takes, if it has one.
pub fn capacity(screen: &Screen) -> Option<usize> {
    match screen {
        Screen::Welcome | Screen::CardEntry(_) => Some(CARD_DIGITS),
        Screen::StaffPin => Some(PIN_DIGITS),
        Screen::Home
        | Screen::When
        | Screen::Nearby
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::Activity(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::MySignups
        | Screen::Map
        | Screen::Venue(_)
        | Screen::StaffMenu => None,
    }
}

/// Types into the field; true when the key was used. Digits go in, Backspace takes the last
/// one out (and goes back only once the field is empty).
pub fn edit(state: &mut State, key: Key) -> bool {
    let Some(capacity) = capacity(&state.visit.screen) else {
        return false;
    };
    match key {
        Key::Char(c) if c.is_ascii_digit() => {
            if state.visit.field.len() < capacity {
                state.visit.field.push(c);
            }
            state.visit.notice = None;
            true
        }
        // Typed card numbers may carry the spaces and hyphens printed on the card.
        Key::Char(' ' | '-') if capacity == CARD_DIGITS => true,
        Key::Backspace if !state.visit.field.is_empty() => {
            state.visit.field.pop();
            state.visit.notice = None;
            true
        }
        _ => false,
    }
}
