//! The digit field: the card number on the welcome and card screens, the staff PIN.

use crate::app::msg::Key;
use crate::app::state::State;

/// The most digits of a card number typed into the field.
pub const CARD_DIGITS: usize = 16;
/// The most digits of a staff PIN.
pub const PIN_DIGITS: usize = 12;

/// Types into a field of `capacity` digits; true when the key was used. Digits go in, Backspace takes the last
/// one out (and goes back only once the field is empty).
pub fn edit(state: &mut State, capacity: usize, key: Key) -> bool {
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
