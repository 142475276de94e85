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
    if state.card != Some(card) || state.screen != Screen::MySignups {
        return Vec::new();
    }
    match records {
        Ok(records) => {
            state.my_signups = Some(
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
            state.my_signups = Some(Vec::new());
            state.notice = Some(Notice::SignupsUnavailable);
        }
    }
    super::clamp_focus(state);
    Vec::new()
}
