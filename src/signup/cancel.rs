//! Cancelling a sign-up: allowed until its session starts, saved durably as its own outbox
//! item (the hub applies it once, whichever arrives first). The screen and
//! `learning-kiosk cancel` both come through here.

use crate::catalogue::{Catalogue, SessionLookup};
use crate::domain::time::Moment;
use crate::outbox::{CancelOf, Outbox, SaveError, Saved};

/// Why a cancel was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancelRefusal {
    /// The session has started: the place is used or lost, not given back.
    Started,
}

/// Why a cancel was not saved: the rule's reason, or the outbox's failure.
pub type CancelError = SaveError<CancelRefusal>;

/// Whether a session has started at `now` (an activity this kiosk no longer lists is left
/// to the hub to judge).
pub fn has_started(catalogue: &Catalogue, of: &CancelOf, now: &Moment) -> bool {
    catalogue
        .activity_by_id(&of.activity_id)
        .map(|id| catalogue.activity(id))
        .and_then(|a| match a.session_on(of.date) {
            SessionLookup::Meets(s) => Some(*now >= s.start),
            _ => None,
        })
        .unwrap_or(false)
}

/// Saves a cancel of a sign-up, or gives back the one already saved.
pub fn cancel(
    outbox: &mut Outbox,
    catalogue: &Catalogue,
    of: &CancelOf,
    now: &Moment,
) -> Result<Saved, CancelError> {
    if has_started(catalogue, of, now) {
        return Err(SaveError::Refused(CancelRefusal::Started));
    }
    Ok(outbox.save_cancel(of, now)?)
}
