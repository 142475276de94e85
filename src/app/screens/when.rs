//! Assisted mode's first question on the way to the nearby list: which day. One question
//! with four large choices is easier than a list with filter tabs.

use chrono::Days;

use crate::app::msg::Action;
use crate::app::overlay;
use crate::app::paging::Paging;
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};
use crate::domain::time::local_date;

/// Help for this screen (a message id).
pub const HELP: &str = "help-when";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// One answer to "which day?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenChoice {
    /// Sessions today.
    Today,
    /// Sessions tomorrow.
    Tomorrow,
    /// Every day the nearby list looks ahead.
    AnyDay,
    /// Call staff instead.
    AskStaff,
}

/// The choices, in screen order (and their keypad numbers).
pub const WHEN_ITEMS: [WhenChoice; 4] = [
    WhenChoice::Today,
    WhenChoice::Tomorrow,
    WhenChoice::AnyDay,
    WhenChoice::AskStaff,
];

/// What the day question does with actions.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some(choice) = WHEN_ITEMS.get(index).copied() else {
        return Step::stay();
    };
    state.visit.focus = index;
    let today = local_date(&state.clock.now);
    state.visit.filters.day = match choice {
        WhenChoice::Today => Some(today),
        WhenChoice::Tomorrow => today.checked_add_days(Days::new(1)),
        WhenChoice::AnyDay => None,
        WhenChoice::AskStaff => return Step::work(overlay::ask_staff(state)),
    };
    Step::to(Next::Go(Screen::Nearby, 0))
}
