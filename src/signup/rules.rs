//! Whether a session can be signed up for: the same rules for the screen, the command line
//! and the outbox's final check.

use chrono::NaiveDate;

use crate::catalogue::model::{Activity, ActivityId, Catalogue};
use crate::catalogue::schedule::{Session, SessionLookup};
use crate::domain::time::Moment;

/// Why a sign-up was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No activity with that id.
    UnknownActivity(String),
    /// The activity does not meet on that date.
    NoSession(NaiveDate),
    /// The activity's weekly schedule skips that date.
    Excepted(NaiveDate),
    /// The whole activity is cancelled.
    Cancelled,
    /// The session has already ended.
    Ended,
    /// The session has started.
    Started,
    /// No seats left.
    Full,
}

/// Seats left for a session: capacity, minus the catalogue's booked count, minus sign-ups this
/// kiosk holds that the hub has not yet counted. Never below zero.
pub fn seats_left(activity: &Activity, date: NaiveDate, held: u32) -> u32 {
    activity
        .capacity
        .saturating_sub(activity.booked_on(date))
        .saturating_sub(held)
}

/// Checks that a session can be signed up for at `now`, given `held` sign-ups this kiosk
/// holds for it.
pub fn check_session(
    catalogue: &Catalogue,
    activity_id: &str,
    date: NaiveDate,
    now: &Moment,
    held: u32,
) -> Result<(ActivityId, Session), Refusal> {
    let id = catalogue
        .activity_by_id(activity_id)
        .ok_or_else(|| Refusal::UnknownActivity(activity_id.to_string()))?;
    let activity = catalogue.activity(id);
    if activity.is_cancelled() {
        return Err(Refusal::Cancelled);
    }
    let session = match activity.session_on(date) {
        SessionLookup::Meets(s) => s,
        SessionLookup::Excepted => return Err(Refusal::Excepted(date)),
        SessionLookup::NoSession => return Err(Refusal::NoSession(date)),
    };
    if *now >= session.end {
        return Err(Refusal::Ended);
    }
    if *now >= session.start {
        return Err(Refusal::Started);
    }
    if seats_left(activity, date, held) == 0 {
        return Err(Refusal::Full);
    }
    Ok((id, session))
}
