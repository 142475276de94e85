//! The welcome screen: no card yet. Enter looks around, or uses the typed card number.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::screens::{card, map, nearby};
use crate::app::state::State;
use crate::app::step::Step;

/// Help for this screen (a message id).
pub const HELP: &str = "help-welcome";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// What the welcome screen does with actions.
pub fn on_action(state: &mut State, action: Action) -> Step {
    match action {
        Action::Primary if !state.visit.field.is_empty() => card::typed(state),
        Action::OpenMap => map::open(state),
        Action::Primary => nearby::open(state),
        _ => Step::stay(),
    }
}
