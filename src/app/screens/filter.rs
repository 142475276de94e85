//! Choosing a value for one of the nearby filters.

use crate::app::filters::{self, FilterKind, FilterOption};
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::state::State;
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-filter";
/// How its choices page.
pub const PAGING: Paging = Paging::List {
    reserved: paging::FILTER_RESERVED,
    assisted: None,
};

/// The choices for a filter, "all" first.
pub fn options(state: &State, kind: FilterKind) -> Vec<FilterOption> {
    let farming_first = state.site.home == crate::config::site::HomeKind::Farming;
    filters::options(kind, &state.clock.now, state.site.days, farming_first)
}

/// The index of the choice in force.
pub fn selected_index(state: &State, kind: FilterKind) -> usize {
    options(state, kind)
        .iter()
        .position(|o| state.visit.filters.is_selected(kind, *o))
        .unwrap_or(0)
}

/// What a filter chooser does with actions: a choice applies and goes back to the list,
/// at its top (the list changed under the old focus).
pub fn on_action(state: &mut State, kind: FilterKind, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some(option) = options(state, kind).get(index).copied() else {
        return Step::stay();
    };
    state.visit.filters.clear(kind);
    state.visit.filters.apply(option);
    Step::to(Next::Back).focusing(0)
}
