//! Checking in at a venue: a card read from 30 minutes before a session until 30 minutes
//! after its start, saved durably as its own outbox item (attendance counts once). The
//! screen and `learning-kiosk checkin` both come through here.

use chrono::{Duration, NaiveDate};
use learning_wire::{CHECKIN_AFTER_MIN, CHECKIN_BEFORE_MIN};

use crate::catalogue::{ActivityId, Catalogue, Session, SessionLookup};
use crate::domain::card::CardNumber;
use crate::domain::time::{Moment, local_date};
use crate::outbox::{Outbox, SaveError, Saved};

/// Why a check-in was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckinRefusal {
    /// No such activity, or it does not meet that day.
    NoSession,
    /// Outside the session's check-in window.
    NotNow,
}

/// Why a check-in was not saved: the rule's reason, or the outbox's failure.
pub type CheckinError = SaveError<CheckinRefusal>;

/// Whether `now` is inside a session's check-in window.
pub fn is_open(session: &Session, now: &Moment) -> bool {
    let from = session.start - Duration::minutes(CHECKIN_BEFORE_MIN);
    let until = session.start + Duration::minutes(CHECKIN_AFTER_MIN);
    (from..=until).contains(now)
}

/// The sessions at a venue open for check-in at `now`, soonest start first.
pub fn open_at(catalogue: &Catalogue, venue: &str, now: &Moment) -> Vec<(ActivityId, Session)> {
    let Some(venue) = catalogue.venue_by_id(venue) else {
        return Vec::new();
    };
    let today = local_date(now);
    // A window that opens before midnight can hold tomorrow's earliest session.
    let days = [today, today.succ_opt().unwrap_or(today)];
    let mut open: Vec<(ActivityId, Session)> = catalogue
        .activities_at(venue)
        .iter()
        .filter(|id| !catalogue.activity(**id).is_cancelled())
        .flat_map(|id| {
            days.iter()
                .filter_map(move |d| match catalogue.activity(*id).session_on(*d) {
                    SessionLookup::Meets(s) if is_open(&s, now) => Some((*id, s)),
                    _ => None,
                })
        })
        .collect();
    open.sort_by_key(|(_, s)| s.start);
    open.dedup();
    open
}

/// Saves a check-in of a card to a session, or gives back the one already saved.
pub fn check_in(
    outbox: &mut Outbox,
    catalogue: &Catalogue,
    card: &CardNumber,
    activity_id: &str,
    date: NaiveDate,
    now: &Moment,
) -> Result<Saved, CheckinError> {
    let session = catalogue
        .activity_by_id(activity_id)
        .map(|id| catalogue.activity(id))
        .filter(|a| !a.is_cancelled())
        .and_then(|a| match a.session_on(date) {
            SessionLookup::Meets(s) => Some(s),
            _ => None,
        })
        .ok_or(SaveError::Refused(CheckinRefusal::NoSession))?;
    if !is_open(&session, now) {
        return Err(SaveError::Refused(CheckinRefusal::NotNow));
    }
    Ok(outbox.save_checkin(card, activity_id, date, now)?)
}
