//! Signing up: check the rules against the catalogue and what the outbox holds, then save
//! durably. The screen and `learning-kiosk signup` both come through here.

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::{Outbox, Saved};
use crate::signup::rules::{Refusal, check_session};

/// Why a sign-up was not saved: the rules' reason, or the outbox's failure.
pub type SignupError = crate::outbox::SaveError<Refusal>;

/// Signs a card up for a session, or gives back the sign-up it already has.
pub fn sign_up(
    outbox: &mut Outbox,
    catalogue: &Catalogue,
    card: &CardNumber,
    activity_id: &str,
    date: NaiveDate,
    now: &Moment,
) -> Result<Saved, SignupError> {
    outbox.save(card, activity_id, date, now, |held| {
        check_session(catalogue, activity_id, date, now, held).map(|_| ())
    })
}
