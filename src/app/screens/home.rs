//! The welcome screen (no card) and the home menu (card read).

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::screens::card;
use crate::app::state::{Screen, State};

/// The home menu's choices, in order.
pub const HOME_ITEMS: [Action; 4] = [
    Action::OpenNearby,
    Action::OpenMap,
    Action::OpenMySignups,
    Action::Finish,
];

/// The welcome screen: Enter looks around, or uses the typed card number.
pub fn welcome_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary if !state.field.is_empty() => card::typed(state),
        Action::OpenMap => crate::app::screens::map::open(state),
        Action::Primary => nav::go(state, Screen::Nearby, 0),
        _ => Vec::new(),
    }
}

/// The home menu.
pub fn home_action(state: &mut State, action: Action) -> Vec<Effect> {
    let action = match action {
        Action::Primary => HOME_ITEMS[state.focus.min(HOME_ITEMS.len() - 1)],
        Action::Choose(i) => match HOME_ITEMS.get(i) {
            Some(a) => *a,
            None => return Vec::new(),
        },
        other => other,
    };
    match action {
        Action::OpenNearby => nav::go(state, Screen::Nearby, 0),
        Action::OpenMap => crate::app::screens::map::open(state),
        Action::OpenMySignups => nav::go(state, Screen::MySignups, 0),
        Action::Finish => {
            state.forget_person();
            Vec::new()
        }
        _ => Vec::new(),
    }
}
