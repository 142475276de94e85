//! The welcome screen (no card) and the home menu (card read).

use crate::app::effect::Effect;
use crate::app::filters::Filters;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::screens::{card, nearby};
use crate::app::state::{Screen, State};
use crate::config::site::HomeKind;

/// The home menu's choices, in order.
pub const HOME_ITEMS: [Action; 4] = [
    Action::OpenNearby,
    Action::OpenMap,
    Action::OpenMySignups,
    Action::Finish,
];

/// A rural station's home menu: farming and activities for farmers first; the map stays on
/// `F4`.
pub const FARMING_HOME_ITEMS: [Action; 4] = [
    Action::OpenFarming,
    Action::OpenNearby,
    Action::OpenMySignups,
    Action::Finish,
];

/// The home menu's choices on this site.
pub fn home_items(state: &State) -> &'static [Action; 4] {
    match state.site.home {
        HomeKind::Standard => &HOME_ITEMS,
        HomeKind::Farming => &FARMING_HOME_ITEMS,
    }
}

/// The welcome screen: Enter looks around, or uses the typed card number.
pub fn welcome_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary if !state.visit.field.is_empty() => card::typed(state),
        Action::OpenMap => crate::app::screens::map::open(state),
        Action::Primary => nearby::open(state),
        _ => Vec::new(),
    }
}

/// The home menu.
pub fn home_action(state: &mut State, action: Action) -> Vec<Effect> {
    let items = home_items(state);
    let action = match action {
        Action::Primary => items[state.visit.focus.min(items.len() - 1)],
        Action::Choose(i) => match items.get(i) {
            Some(a) => *a,
            None => return Vec::new(),
        },
        other => other,
    };
    match action {
        Action::OpenNearby => {
            state.visit.filters.farming = false;
            nearby::open(state)
        }
        Action::OpenFarming => {
            state.visit.filters = Filters {
                farming: true,
                ..Filters::default()
            };
            nearby::open(state)
        }
        Action::OpenMap => crate::app::screens::map::open(state),
        Action::OpenMySignups => nav::go(state, Screen::MySignups, 0),
        Action::Finish => {
            state.forget_person();
            Vec::new()
        }
        _ => Vec::new(),
    }
}
