//! The card is needed to sign up for a session: type it or read it.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::screens::card;
use crate::app::state::State;
use crate::app::step::Step;

/// Help for this screen (a message id).
pub const HELP: &str = "help-card-entry";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// What the card-entry screen does with actions: Enter uses the typed number.
pub fn on_action(state: &mut State, action: Action) -> Step {
    match action {
        Action::Primary => card::typed(state),
        _ => Step::stay(),
    }
}
