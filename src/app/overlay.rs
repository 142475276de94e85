//! Opening what is drawn over a screen: help, and the call for staff.

use crate::app::effect::Effect;
use crate::app::state::{Overlay, State};

/// Calls staff: a clear message over the screen and the terminal bell.
pub fn ask_staff(state: &mut State) -> Vec<Effect> {
    tracing::info!("a person asked for staff");
    state.visit.overlay = Some(Overlay::AskStaff);
    vec![Effect::Bell]
}

/// Opens help for the screen, or closes it.
pub fn toggle_help(state: &mut State) {
    state.visit.overlay = match state.visit.overlay {
        Some(Overlay::Help) => None,
        _ => Some(Overlay::Help),
    };
}
