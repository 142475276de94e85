//! The home menu, once a card has been read.

use crate::app::filters::Filters;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::screens::{map, nearby};
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};
use crate::config::site::HomeKind;

/// Help for this screen (a message id).
pub const HELP: &str = "help-home";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The home menu's choices, in order. Finish keeps its number (4) from before the learning
/// record came (5), so what people and the README learned still holds.
pub const HOME_ITEMS: [Action; 5] = [
    Action::OpenNearby,
    Action::OpenMap,
    Action::OpenMySignups,
    Action::Finish,
    Action::OpenRecord,
];

/// A rural station's home menu: farming and activities for farmers first; the map stays on
/// `F4`.
pub const FARMING_HOME_ITEMS: [Action; 5] = [
    Action::OpenFarming,
    Action::OpenNearby,
    Action::OpenMySignups,
    Action::Finish,
    Action::OpenRecord,
];

/// The home menu's choices on this site.
pub fn home_items(state: &State) -> &'static [Action; 5] {
    match state.site.home {
        HomeKind::Standard => &HOME_ITEMS,
        HomeKind::Farming => &FARMING_HOME_ITEMS,
    }
}

/// How many choices the menu has.
pub fn items(state: &State) -> usize {
    home_items(state).len()
}

/// What the home menu does with actions.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let items = home_items(state);
    let action = match action {
        Action::Primary => items[state.visit.focus.min(items.len() - 1)],
        Action::Choose(i) => match items.get(i) {
            Some(a) => *a,
            None => return Step::stay(),
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
        Action::OpenMap => map::open(state),
        Action::OpenMySignups => Step::to(Next::Go(Screen::MySignups, 0)),
        Action::OpenRecord => Step::to(Next::Go(Screen::Record, 0)),
        Action::Finish => Step::to(Next::Finish),
        _ => Step::stay(),
    }
}
