//! One item as the outbox holds it: a sign-up, a waiting-list join, a cancel or a check-in.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::card::mask_digits;
use crate::domain::time::Moment;
use crate::domain::time::parse_moment;

pub use learning_wire::Kind;

/// Where a sign-up stands: waiting to be sent, the hub's answer, or held for staff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Saved on this kiosk; no hub has answered yet.
    #[default]
    Waiting,
    /// The hub confirmed a seat.
    Confirmed,
    /// The hub put it on the waiting list.
    Waitlisted,
    /// The session and its waiting list were full.
    Full,
    /// The card already held the session (the record's `existing` names that sign-up).
    Duplicate,
    /// The hub refused it (the record's `reason` says why).
    Invalid,
    /// The hub could not read it: held for staff, not sent again.
    Parked,
    /// The place is given up (a cancel the hub applied, or a sign-up cancelled).
    Cancelled,
    /// The hub recorded the check-in.
    CheckedIn,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 9] = [
        Status::Waiting,
        Status::Confirmed,
        Status::Waitlisted,
        Status::Full,
        Status::Duplicate,
        Status::Invalid,
        Status::Parked,
        Status::Cancelled,
        Status::CheckedIn,
    ];

    /// The name stored in the database and printed by `queue --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Confirmed => "confirmed",
            Status::Waitlisted => "waitlisted",
            Status::Full => "full",
            Status::Duplicate => "duplicate",
            Status::Invalid => "invalid",
            Status::Parked => "parked",
            Status::Cancelled => "cancelled",
            Status::CheckedIn => "checked_in",
        }
    }

    /// The status the hub's answer puts a sign-up in.
    pub fn from_answer(status: learning_wire::AnswerStatus) -> Status {
        use learning_wire::AnswerStatus as A;
        match status {
            A::Confirmed => Status::Confirmed,
            A::Waitlisted => Status::Waitlisted,
            A::Full => Status::Full,
            A::Duplicate => Status::Duplicate,
            A::Invalid => Status::Invalid,
            A::Cancelled => Status::Cancelled,
            A::CheckedIn => Status::CheckedIn,
        }
    }

    /// The status with this stored name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// A saved item: a sign-up, a waiting-list join, a cancel or a check-in.
#[derive(Clone, PartialEq, Eq)]
pub struct SignupRecord {
    /// The UUID made on this kiosk; it never changes, on any retry.
    pub uuid: String,
    /// What it is.
    pub kind: Kind,
    /// For a cancel: the UUID of the sign-up it cancels.
    pub target: Option<String>,
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
    /// Why the hub refused it, or why it was parked.
    pub reason: Option<String>,
    /// For a duplicate: the UUID of the sign-up the card already holds.
    pub existing: Option<String>,
    /// For a waiting-list place: its place in line when the hub answered, 1 first.
    pub place: Option<u32>,
}

/// A sign-up as the screens, the staff page and the command line show it: no card number
/// (the full digits stay in the outbox and the sync client).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignupView {
    /// The sign-up code.
    pub code: String,
    /// The sign-up's UUID (a cancel names it).
    pub uuid: String,
    /// A sign-up or a waiting-list join.
    pub kind: Kind,
    /// The activity's catalogue id (it may no longer be in the catalogue).
    pub activity_id: String,
    /// The session's date.
    pub date: NaiveDate,
    /// Where it stands.
    pub status: Status,
    /// Why the hub refused it, or why it is held.
    pub reason: Option<String>,
    /// For a waiting place: the place in line, as last heard from the hub.
    pub place: Option<u32>,
    /// A cancel of it is saved (sent, or waiting to be sent).
    pub cancelling: bool,
    /// The card has checked in to it (here, or as the hub says).
    pub checked_in: bool,
    /// It moved up from the waiting list to a seat since the card was last read.
    pub promoted: bool,
    /// Known only from the district's hub (taken at another kiosk).
    pub from_hub: bool,
}

impl SignupRecord {
    /// What may be shown of it.
    pub fn view(&self) -> SignupView {
        SignupView {
            code: self.code.clone(),
            uuid: self.uuid.clone(),
            kind: self.kind,
            activity_id: self.activity_id.clone(),
            date: self.date,
            status: self.status,
            reason: self.reason.clone(),
            place: self.place,
            cancelling: false,
            checked_in: false,
            promoted: false,
            from_hub: false,
        }
    }

    /// The card as people may see it.
    pub fn card_masked(&self) -> String {
        mask_digits(&self.card_digits)
    }
}

impl fmt::Debug for SignupRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignupRecord")
            .field("uuid", &self.uuid)
            .field("kind", &self.kind)
            .field("target", &self.target)
            .field("code", &self.code)
            .field("card", &self.card_masked())
            .field("activity_id", &self.activity_id)
            .field("date", &self.date)
            .field("created_at", &self.created_at)
            .field("status", &self.status)
            .field("reason", &self.reason)
            .finish()
    }
}

/// A row that cannot be read as a sign-up (a damaged date, time or status): shown to staff
/// and set aside, never allowed to stop the rows behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedRow {
    /// Its UUID, as far as it reads.
    pub uuid: String,
    /// Its sign-up code, as far as it reads.
    pub code: String,
    /// What does not read.
    pub problem: String,
}

/// Reads every row of a query of [`COLUMNS`]: the sign-ups that read, and the rows that do not.
pub(super) fn read_rows<P: rusqlite::Params>(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: P,
) -> rusqlite::Result<(Vec<SignupRecord>, Vec<DamagedRow>)> {
    let mut rows = stmt.query(params)?;
    let (mut good, mut damaged) = (Vec::new(), Vec::new());
    while let Some(row) = rows.next()? {
        match row_to_record(row) {
            Ok(record) => good.push(record),
            Err(e) => {
                let text = |i| row.get::<_, String>(i).unwrap_or_default();
                let problem = match &e {
                    rusqlite::Error::FromSqlConversionFailure(_, _, why) => why.to_string(),
                    other => other.to_string(),
                };
                // Said once, when `waiting` sets it aside; every read passes over it quietly.
                tracing::debug!(uuid = %text(0), %problem, "an outbox row does not read");
                damaged.push(DamagedRow {
                    uuid: text(0),
                    code: text(1),
                    problem,
                });
            }
        }
    }
    Ok((good, damaged))
}

/// The columns [`row_to_record`] reads, in order.
pub(super) const COLUMNS: &str =
    "uuid, code, card, activity, date, created_at, status, reason, existing, kind, target, place";

/// Reads a row of [`COLUMNS`].
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
    let kind: String = r.get(9)?;
    Ok(SignupRecord {
        uuid: r.get(0)?,
        kind: Kind::parse(&kind).ok_or_else(|| bad(9, "kind"))?,
        target: r.get(10)?,
        place: r.get(11)?,
        code: r.get(1)?,
        card_digits: r.get(2)?,
        activity_id: r.get(3)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| bad(4, "date"))?,
        created_at: parse_moment(&created).ok_or_else(|| bad(5, "time"))?,
        status: Status::parse(&status).ok_or_else(|| bad(6, "status"))?,
        reason: r.get(7)?,
        existing: r.get(8)?,
    })
}
