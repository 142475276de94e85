//! What the kiosk and its district hub say to each other (see the team's
//! `spec/sync-protocol.md`). Both sides use these types, so they cannot drift apart.
//!
//! Two endpoints, both behind a per-kiosk bearer token:
//! - `GET /v1/feed?after=N&limit=L`: the catalogue change feed, a [`FeedPage`]. A caught-up
//!   poll that sends the last `ETag` as `If-None-Match` gets `304 Not Modified`. A cursor whose
//!   tombstones have been purged gets `410 Gone` with [`ErrorBody`] `cursor_expired`; the kiosk
//!   then reads the feed from 0 into an empty catalogue with `rebuild=true`, whose cursors
//!   never expire (it never had what the purged tombstones deleted).
//! - `POST /v1/signups`: a [`SignupBatch`], answered by a [`BatchAnswer`] with one answer per
//!   sign-up, in the same order.
//!
//! Bodies may be compressed both ways (`zstd` preferred, `gzip` accepted).

use serde::{Deserialize, Serialize};

/// The feed's path.
pub const FEED_PATH: &str = "/v1/feed";
/// The sign-up batch path.
pub const SIGNUPS_PATH: &str = "/v1/signups";
/// The most changes a feed page holds.
pub const MAX_PAGE: u32 = 500;
/// The most sign-ups a batch may carry.
pub const MAX_BATCH: usize = 200;
/// How long tombstones are kept, in days; an older cursor has expired.
pub const TOMBSTONE_DAYS: i64 = 90;

/// One page of the catalogue change feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedPage {
    /// The changes after the cursor asked for, oldest first. Empty: caught up.
    pub items: Vec<FeedItem>,
    /// The cursor to ask for next.
    pub next: u64,
}

/// One change: a whole object, a tombstone, or a session's seat count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedItem {
    /// A venue as in `learning-catalogue/1`, created or changed.
    Venue(serde_json::Value),
    /// An activity as in `learning-catalogue/1`, created, changed or cancelled.
    Activity(serde_json::Value),
    /// A venue was deleted.
    DeletedVenue(String),
    /// An activity was deleted.
    DeletedActivity(String),
    /// Seats taken in a session, as the hub counts them (the catalogue's booked seats and the
    /// sign-ups it confirmed).
    Seats(Seats),
}

/// Seats taken in one session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seats {
    /// The activity's id.
    pub activity: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    /// Seats taken.
    pub taken: u32,
}

/// Sign-ups sent together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupBatch {
    /// The sign-ups, oldest first.
    pub signups: Vec<SignupItem>,
}

/// One sign-up as the kiosk sends it. The kiosk keeps the same UUID on every retry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupItem {
    /// Made on the kiosk; the hub answers the same UUID the same way forever.
    pub uuid: String,
    /// The learning card number (never in a URL or a log).
    pub card: String,
    /// The activity's id.
    pub activity: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    /// When the kiosk saved it, RFC 3339.
    pub created_at: String,
}

/// The hub's answers to a batch, one per sign-up in the batch's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchAnswer {
    /// The answers.
    pub answers: Vec<Answer>,
}

/// The hub's answer to one sign-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// What the hub decided.
    pub status: AnswerStatus,
    /// Why, for `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<InvalidReason>,
    /// For `duplicate`: the UUID of the sign-up the card already holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<String>,
}

/// What the hub decided about a sign-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    /// A seat is the card's.
    Confirmed,
    /// On the waiting list.
    Waitlisted,
    /// The session and its waiting list are full.
    Full,
    /// The card already holds this session (see `existing`).
    Duplicate,
    /// Refused (see `reason`).
    Invalid,
}

/// Why a sign-up is invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvalidReason {
    /// No such activity.
    UnknownActivity,
    /// The activity is cancelled.
    Cancelled,
    /// The activity does not meet that day.
    NoSession,
    /// The session had started when the sign-up was made.
    Started,
    /// The card number is not a valid learning card in its one form (16 digits, nothing else).
    BadCard,
    /// The date is not a real date written `YYYY-MM-DD`.
    BadDate,
    /// `created_at` is not RFC 3339 in its one spelling (`2026-11-23T09:00:00+08:00`: an
    /// upper-case `T`, seconds below 60, a fraction of none, 3, 6 or 9 digits, `Z` or a
    /// `+hh:mm` offset).
    BadTime,
    /// The UUID is not written in its one form (lower-case hex with hyphens).
    BadUuid,
    /// Something else about the sign-up cannot be read: staff should look at it.
    Malformed,
    /// This UUID was already used for a different sign-up.
    UuidReused,
}

impl InvalidReason {
    /// Every reason, for tests and documentation.
    pub const ALL: [InvalidReason; 10] = [
        InvalidReason::UnknownActivity,
        InvalidReason::Cancelled,
        InvalidReason::NoSession,
        InvalidReason::Started,
        InvalidReason::BadCard,
        InvalidReason::BadDate,
        InvalidReason::BadTime,
        InvalidReason::BadUuid,
        InvalidReason::Malformed,
        InvalidReason::UuidReused,
    ];

    /// The reason as it travels (`unknown_activity`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            InvalidReason::UnknownActivity => "unknown_activity",
            InvalidReason::Cancelled => "cancelled",
            InvalidReason::NoSession => "no_session",
            InvalidReason::Started => "started",
            InvalidReason::BadCard => "bad_card",
            InvalidReason::BadDate => "bad_date",
            InvalidReason::BadTime => "bad_time",
            InvalidReason::BadUuid => "bad_uuid",
            InvalidReason::Malformed => "malformed",
            InvalidReason::UuidReused => "uuid_reused",
        }
    }
}

/// The body of an error response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code: `cursor_expired`, `unauthorized`, `bad_request`, `too_large`, `timeout`.
    pub error: String,
    /// Words for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_items_read_as_the_protocol_writes_them() {
        let page: FeedPage = serde_json::from_str(
            r#"{"items":[{"venue":{"id":"v"}},{"deleted_activity":"a"},
                {"seats":{"activity":"a2","date":"2026-11-27","taken":12}}],"next":42}"#,
        )
        .unwrap_or(FeedPage {
            items: vec![],
            next: 0,
        });
        assert_eq!(page.next, 42);
        assert_eq!(page.items.len(), 3);
        assert_eq!(page.items[1], FeedItem::DeletedActivity("a".into()));
    }

    #[test]
    fn answers_leave_out_what_they_do_not_need() {
        let a = Answer {
            status: AnswerStatus::Confirmed,
            reason: None,
            existing: None,
        };
        let text = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(text, r#"{"status":"confirmed"}"#);
    }
}
