//! Signing up: check the rules against the catalogue and what the outbox holds, then save
//! durably. The screen and `learning-kiosk signup` both come through here.

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::{Kind, Outbox, Saved};
use crate::signup::rules::{Refusal, check_session};

/// Why a sign-up was not saved: the rules' reason, or the outbox's failure.
pub type SignupError = crate::outbox::SaveError<Refusal>;

/// What the person asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ask {
    /// A seat: a full session is refused.
    #[default]
    Seat,
    /// A seat, or a place on a full session's waiting list.
    SeatOrWaitingList,
}

/// Signs a card up for a session, or gives back the place it already holds. Asked for the
/// waiting list, a full session takes a waiting-list join; one with a seat left, a sign-up.
pub fn sign_up(
    outbox: &mut Outbox,
    catalogue: &Catalogue,
    card: &CardNumber,
    activity_id: &str,
    date: NaiveDate,
    now: &Moment,
    ask: Ask,
) -> Result<Saved, SignupError> {
    outbox.save(card, activity_id, date, now, |held| {
        match check_session(catalogue, activity_id, date, now, held) {
            Ok(_) => Ok(Kind::Signup),
            Err(Refusal::Full) if ask == Ask::SeatOrWaitingList => Ok(Kind::Waitlist),
            Err(refusal) => Err(refusal),
        }
    })
}
