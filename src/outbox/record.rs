//! One sign-up as the outbox holds it.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::card::mask_digits;
use crate::domain::time::Moment;
use crate::domain::time::parse_moment;

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Saved on this kiosk; no hub has confirmed it yet.
    Waiting,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 1] = [Status::Waiting];

    /// The name stored in the database and printed by `queue --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
        }
    }

    /// The status with this stored name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// A saved sign-up.
#[derive(Clone, PartialEq, Eq)]
pub struct SignupRecord {
    /// The UUID made on this kiosk; it never changes, on any retry.
    pub uuid: String,
    /// The short code shown to the citizen.
    pub code: String,
    /// The card number in full (needed to send it); never shown.
    pub card_digits: String,
    /// The activity's catalogue id.
    pub activity_id: String,
    /// The session's local date.
    pub date: NaiveDate,
    /// When the sign-up was saved.
    pub created_at: Moment,
    /// Where it stands.
    pub status: Status,
}

impl SignupRecord {
    /// The card as people may see it.
    pub fn card_masked(&self) -> String {
        mask_digits(&self.card_digits)
    }
}

impl fmt::Debug for SignupRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignupRecord")
            .field("uuid", &self.uuid)
            .field("code", &self.code)
            .field("card", &self.card_masked())
            .field("activity_id", &self.activity_id)
            .field("date", &self.date)
            .field("created_at", &self.created_at)
            .field("status", &self.status)
            .finish()
    }
}

/// Reads a row of `uuid, code, card, activity, date, created_at, status`.
pub(super) fn row_to_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<SignupRecord> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("bad {what}").into(),
        )
    };
    let date: String = r.get(4)?;
    let created: String = r.get(5)?;
    let status: String = r.get(6)?;
    Ok(SignupRecord {
        uuid: r.get(0)?,
        code: r.get(1)?,
        card_digits: r.get(2)?,
        activity_id: r.get(3)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| bad(4, "date"))?,
        created_at: parse_moment(&created).ok_or_else(|| bad(5, "time"))?,
        status: Status::parse(&status).ok_or_else(|| bad(6, "status"))?,
    })
}
