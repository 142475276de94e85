//! Choosing a value for one of the nearby filters.

use crate::app::effect::Effect;
use crate::app::filters::{self, FilterKind, FilterOption};
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::state::State;

/// The choices for a filter, "all" first.
pub fn options(state: &State, kind: FilterKind) -> Vec<FilterOption> {
    filters::options(kind, &state.clock.now, state.site.days)
}

/// The index of the choice in force.
pub fn selected_index(state: &State, kind: FilterKind) -> usize {
    options(state, kind)
        .iter()
        .position(|o| state.visit.filters.is_selected(kind, *o))
        .unwrap_or(0)
}

/// The filter menu: a number opens that filter's chooser in its place, so a choice goes
/// straight back to the list.
pub fn menu_action(state: &mut State, action: Action) -> Vec<Effect> {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Vec::new(),
    };
    let Some(kind) = FilterKind::ALL.get(index).copied() else {
        return Vec::new();
    };
    let effects = nav::replace(state, crate::app::Screen::Filter(kind));
    state.visit.focus = selected_index(state, kind);
    effects
}

/// What a filter chooser does with actions: a choice applies and goes back to the list.
pub fn on_action(state: &mut State, kind: FilterKind, action: Action) -> Vec<Effect> {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Vec::new(),
    };
    let Some(option) = options(state, kind).get(index).copied() else {
        return Vec::new();
    };
    state.visit.filters.clear(kind);
    state.visit.filters.apply(option);
    let effects = nav::back(state);
    // The list changed under the old focus: start at its top.
    state.visit.focus = 0;
    effects
}
