//! Which key does what, as data: one table for the screens, one for the help box, one for
//! the moment a sign-up is being saved. The first binding that matches wins. `update` looks
//! keys up here, and `ui/` reads the keypad's keys from here to label its buttons.

use crate::app::msg::{Action, Key};
use crate::app::state::{Screen, State};

/// The keypad's help key (beside F1): a numeric keypad has no function keys.
pub const HELP_KEY: char = '/';
/// The keypad's language key (beside F2).
pub const LANGUAGE_KEY: char = '*';
/// In the help box, the keypad's key for assisted mode (on and off).
pub const HELP_ASSISTED_KEY: char = '3';
/// The keypad's map key (beside F4), outside the card and PIN fields; on the map itself it
/// brings the view back to the kiosk.
pub const MAP_KEY: char = '0';
/// The keypad's map key on the welcome screen, where 0 is a digit of the card number.
pub const WELCOME_MAP_KEY: char = '+';
/// The keypad's filter key on the nearby list.
pub const FILTER_KEY: char = '.';
/// The keypad's "say it again" key in assisted mode (where the filter tabs give way to one
/// question a screen).
pub const SAY_AGAIN_KEY: char = '.';
/// The keypad's "ask staff" key in assisted mode, outside the card and PIN fields (assisted
/// pages never number a choice above four).
pub const ASK_STAFF_KEY: char = '9';

/// Where a binding holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Everywhere the table is used.
    Always,
    /// In assisted mode.
    Assisted,
    /// On the map.
    Map,
    /// On the nearby list.
    Nearby,
    /// On the welcome screen.
    Welcome,
    /// Anywhere but the staff PIN prompt and the staff page.
    OutsideStaff,
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Does {
    /// This action.
    Act(Action),
    /// Move the focus by this many items.
    Focus(i8),
    /// Choose the item with the key's number on this page.
    ChooseNumber,
}

/// Keys, where they hold, and what they do.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The keys.
    pub keys: &'static [Key],
    /// Where.
    pub when: When,
    /// What.
    pub does: Does,
}

const fn bind(keys: &'static [Key], when: When, does: Does) -> Binding {
    Binding { keys, when, does }
}

use Action as A;
use Does::{Act, ChooseNumber, Focus};
use Key::{Backspace, Down, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up};
use When::{Always, Assisted, Map, Nearby, OutsideStaff, Welcome};

/// The screens' keys, first match first.
pub const SCREEN_KEYS: &[Binding] = &[
    bind(&[F(1), Key::Char(HELP_KEY)], Always, Act(A::Help)),
    bind(
        &[F(2), Key::Char(LANGUAGE_KEY)],
        Always,
        Act(A::ToggleLanguage),
    ),
    bind(&[F(3)], Always, Act(A::ToggleAssisted)),
    bind(&[F(4)], Always, Act(A::OpenMap)),
    bind(
        &[F(5), Key::Char(SAY_AGAIN_KEY)],
        Assisted,
        Act(A::SayAgain),
    ),
    bind(&[Key::Char(ASK_STAFF_KEY)], Assisted, Act(A::AskStaff)),
    bind(&[Key::Char('+'), PageDown], Map, Act(A::ZoomIn)),
    bind(&[Key::Char('-'), PageUp], Map, Act(A::ZoomOut)),
    bind(&[Key::Char(MAP_KEY)], Map, Act(A::BackToHere)),
    // The keypad's way to the map (it has no F4); digit fields took their digits before.
    bind(&[Key::Char(MAP_KEY)], OutsideStaff, Act(A::OpenMap)),
    bind(&[Key::Char(WELCOME_MAP_KEY)], Welcome, Act(A::OpenMap)),
    bind(&[Up], Map, Act(A::Pan(0, 1))),
    bind(&[Down], Map, Act(A::Pan(0, -1))),
    bind(&[Left], Map, Act(A::Pan(-1, 0))),
    bind(&[Right], Map, Act(A::Pan(1, 0))),
    bind(&[Esc, Backspace], Always, Act(A::Back)),
    bind(&[Home], Always, Act(A::Home)),
    bind(&[Enter], Always, Act(A::Primary)),
    bind(&[Key::Char('+'), PageDown], Always, Act(A::NextPage)),
    bind(&[Key::Char('-'), PageUp], Always, Act(A::PrevPage)),
    bind(&[Up, Left], Always, Focus(-1)),
    bind(&[Down, Right, Tab], Always, Focus(1)),
    bind(
        &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
            Key::Char('6'),
            Key::Char('7'),
            Key::Char('8'),
            Key::Char('9'),
        ],
        Always,
        ChooseNumber,
    ),
    bind(&[Key::Char(FILTER_KEY)], Nearby, Act(A::OpenFilterMenu)),
];

/// The keys while the help box is open; anything else does nothing.
pub const HELP_KEYS: &[Binding] = &[
    bind(
        &[F(2), Key::Char(LANGUAGE_KEY)],
        Always,
        Act(A::ToggleLanguage),
    ),
    // The keypad's way to what has no key of its own: 3 larger and spoken (or back), 9 ask
    // staff; the help box shows both as buttons.
    bind(
        &[F(3), Key::Char(HELP_ASSISTED_KEY)],
        Always,
        Act(A::ToggleAssisted),
    ),
    bind(&[Key::Char(ASK_STAFF_KEY)], Always, Act(A::AskStaff)),
    bind(
        &[F(5), Key::Char(SAY_AGAIN_KEY)],
        Assisted,
        Act(A::SayAgain),
    ),
    bind(
        &[Esc, Backspace, Enter, F(1), Key::Char(HELP_KEY)],
        Always,
        Act(A::Help),
    ),
];

/// The keys while a sign-up is being saved (milliseconds): nothing may take the person away
/// from the answer, so only help and the language switch work.
pub const SAVING_KEYS: &[Binding] = &[
    bind(&[F(1), Key::Char(HELP_KEY)], Always, Act(A::Help)),
    bind(
        &[F(2), Key::Char(LANGUAGE_KEY)],
        Always,
        Act(A::ToggleLanguage),
    ),
];

/// The keys the signage buttons show: on a keypad-only site only the keypad's (it has no
/// function keys, Esc or Home), so no button names a key the station does not have.
#[derive(Clone, Copy, Debug)]
pub struct ShownKeys {
    /// Back.
    pub back: &'static str,
    /// The home menu; `None`: no key for it.
    pub home: Option<&'static str>,
    /// Help.
    pub help: &'static str,
    /// The other language.
    pub language: &'static str,
    /// Larger and spoken, on and off (on the keypad: help, then 3).
    pub assisted: &'static str,
    /// The learning map from the welcome screen.
    pub welcome_map: &'static str,
}

/// The keys the buttons show on a site with a touchscreen and keyboard, or a keypad alone.
pub fn shown_keys(keypad_only: bool) -> ShownKeys {
    if keypad_only {
        ShownKeys {
            back: "\u{232b}",
            home: None,
            help: "/",
            language: "*",
            assisted: "/ 3",
            welcome_map: "+",
        }
    } else {
        ShownKeys {
            back: "Esc",
            home: Some("Home"),
            help: "F1 /",
            language: "F2 *",
            assisted: "F3",
            welcome_map: "F4",
        }
    }
}

/// What `key` does in `table` here, if anything.
pub fn lookup(table: &[Binding], state: &State, key: Key) -> Option<Does> {
    table
        .iter()
        .find(|b| b.keys.contains(&key) && holds(b.when, state))
        .map(|b| b.does)
}

fn holds(when: When, state: &State) -> bool {
    match when {
        Always => true,
        Assisted => state.visit.assisted,
        Map => state.visit.screen == Screen::Map,
        Nearby => state.visit.screen == Screen::Nearby,
        Welcome => state.visit.screen == Screen::Welcome,
        OutsideStaff => !matches!(state.visit.screen, Screen::StaffMenu | Screen::StaffPin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key bound twice in one table under the same condition: the second can never fire.
    #[test]
    fn no_binding_is_shadowed_by_an_earlier_one() {
        for table in [SCREEN_KEYS, HELP_KEYS, SAVING_KEYS] {
            for (i, later) in table.iter().enumerate() {
                for key in later.keys {
                    let earlier = table[..i].iter().find(|b| {
                        b.keys.contains(key) && (b.when == later.when || b.when == Always)
                    });
                    assert!(
                        earlier.is_none(),
                        "{key:?} in {later:?} is shadowed by {earlier:?}"
                    );
                }
            }
        }
    }
}
