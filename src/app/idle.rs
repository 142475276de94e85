//! The idle countdown: after a spell with no input, a countdown with one-tap "Continue";
//! then the kiosk forgets the person.

use crate::app::effect::Effect;
use crate::app::state::{Overlay, State};

/// Runs on every tick: starts the countdown, or ends it by forgetting the person.
pub fn on_tick(state: &mut State) -> Vec<Effect> {
    let now = state.clock.mono_ms;
    match state.visit.overlay {
        Some(Overlay::Countdown { since_ms }) => {
            if now.saturating_sub(since_ms) >= state.site.countdown_ms(state.visit.assisted) {
                tracing::info!("idle countdown ended; forgetting the person");
                state.forget_person();
            }
        }
        _ => {
            if !state.is_untouched()
                && now.saturating_sub(state.visit.last_input_ms)
                    >= state.site.idle_ms(state.visit.assisted)
            {
                state.visit.overlay = Some(Overlay::Countdown { since_ms: now });
            }
        }
    }
    Vec::new()
}

/// Whole seconds left on the countdown, if it is running.
pub fn seconds_left(state: &State) -> Option<u64> {
    match state.visit.overlay {
        Some(Overlay::Countdown { since_ms }) => {
            let total = state.site.countdown_ms(state.visit.assisted);
            let gone = state.clock.mono_ms.saturating_sub(since_ms);
            Some(total.saturating_sub(gone).div_ceil(1000))
        }
        _ => None,
    }
}
