//! Which filter to set: the keypad's way to the nearby list's filters.

use crate::app::filters::FilterKind;
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::screens::filter;
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-filter";
/// How its choices page.
pub const PAGING: Paging = Paging::List {
    reserved: paging::FILTER_RESERVED,
    assisted: None,
};

/// How many filters there are to choose from.
pub fn items() -> usize {
    FilterKind::ALL.len()
}

/// A number opens that filter's chooser in the menu's place, so a choice goes straight back
/// to the list.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some(kind) = FilterKind::ALL.get(index).copied() else {
        return Step::stay();
    };
    let focus = filter::selected_index(state, kind);
    Step::to(Next::Replace(Screen::Filter(kind), focus))
}
