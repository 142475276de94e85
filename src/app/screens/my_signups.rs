//! "My sign-ups": this card's sign-ups held on this kiosk.

use crate::app::effect::Effect;
use crate::app::state::{MySignup, Notice, Screen, State};
use crate::domain::card::CardNumber;
use crate::outbox::SignupRecord;

/// The list arrived from the outbox.
pub fn loaded(
    state: &mut State,
    card: CardNumber,
    records: Result<Vec<SignupRecord>, String>,
) -> Vec<Effect> {
    if state.visit.card != Some(card) || state.visit.screen != Screen::MySignups {
        return Vec::new();
    }
    match records {
        Ok(records) => {
            state.visit.my_signups = Some(
                records
                    .into_iter()
                    .map(|r| MySignup {
                        code: r.code,
                        activity_id: r.activity_id,
                        date: r.date,
                        status: r.status,
                        reason: r.reason,
                    })
                    .collect(),
            );
        }
        Err(_) => {
            state.visit.my_signups = Some(Vec::new());
            state.visit.notice = Some(Notice::SignupsUnavailable);
        }
    }
    super::clamp_focus(state);
    Vec::new()
}
