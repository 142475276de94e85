//! "My sign-ups": this card's sign-ups held on this kiosk.

use crate::app::effect::Effect;
use crate::app::state::{Notice, Screen, State};
use crate::domain::card::CardNumber;
use crate::outbox::SignupView;

/// The list arrived from the outbox.
pub fn loaded(
    state: &mut State,
    card: CardNumber,
    records: Result<Vec<SignupView>, String>,
) -> Vec<Effect> {
    if state.visit.card != Some(card) || state.visit.screen != Screen::MySignups {
        return Vec::new();
    }
    match records {
        Ok(records) => {
            state.visit.my_signups = Some(records);
        }
        Err(_) => {
            state.visit.my_signups = Some(Vec::new());
            state.visit.notice = Some(Notice::SignupsUnavailable);
        }
    }
    super::clamp_focus(state);
    Vec::new()
}
