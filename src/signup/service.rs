//! Signing up: check the rules against the catalogue and what the outbox holds, then save
//! durably. The screen and `learning-kiosk signup` both come through here.

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::{Outbox, OutboxError, Saved};
use crate::signup::rules::{Refusal, check_session};

/// Why a sign-up was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SignupError {
    /// The rules refuse it.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// The outbox could not save it.
    #[error(transparent)]
    Storage(#[from] OutboxError),
}

/// Signs a card up for a session, or gives back the sign-up it already has.
pub fn sign_up(
    outbox: &mut Outbox,
    catalogue: &Catalogue,
    card: &CardNumber,
    activity_id: &str,
    date: NaiveDate,
    now: &Moment,
) -> Result<Saved, SignupError> {
    outbox
        .save(card, activity_id, date, now, |held| {
            check_session(catalogue, activity_id, date, now, held).map(|_| ())
        })
        .map_err(|e| match e {
            crate::outbox::SaveError::Refused(r) => SignupError::Refused(r),
            crate::outbox::SaveError::Storage(s) => SignupError::Storage(s),
        })
}
