//! What the kiosk and its district hub say to each other (see the team's
//! `spec/sync-protocol.md`). Both sides use these types, so they cannot drift apart.
//!
//! Two endpoints, both behind a per-kiosk bearer token:
//! - `GET /v1/feed?after=N&limit=L`: the catalogue change feed, a [`FeedPage`]. A caught-up
//!   poll that sends the last `ETag` as `If-None-Match` gets `304 Not Modified`. A cursor whose
//!   tombstones have been purged gets `410 Gone` with [`ErrorBody`] `cursor_expired`; the kiosk
//!   then reads the feed from 0 into an empty catalogue with `rebuild=true`, whose cursors
//!   never expire (it never had what the purged tombstones deleted).
//! - `POST /v1/signups`: a [`SignupBatch`] of sign-ups, waiting-list joins, cancellations and
//!   check-ins ([`Kind`]), answered by a [`BatchAnswer`] with one answer per item, in the
//!   same order.
//! - `POST /v1/card`: a [`CardQuery`] (the card in the body, never the URL), answered by a
//!   [`CardAnswer`]: the card's live places in the district and its learning record.
//!
//! Every request carries the kiosk's clock in [`CLOCK_HEADER`], so the hub can measure how
//! far it is off; every answer carries [`PROTOCOL_HEADER`], so a kiosk sends the newer kinds
//! only to a hub that knows them. The repository's `docs/protocol.md` is the contract.
//!
//! Bodies may be compressed both ways (`zstd` preferred, `gzip` accepted).

use serde::{Deserialize, Serialize};

/// The feed's path.
pub const FEED_PATH: &str = "/v1/feed";
/// The sign-up batch path.
pub const SIGNUPS_PATH: &str = "/v1/signups";
/// The card look-up path.
pub const CARD_PATH: &str = "/v1/card";
/// The request header with the kiosk's clock when it sent the request (RFC 3339).
pub const CLOCK_HEADER: &str = "kiosk-time";
/// The answer header with the protocol version the hub speaks.
pub const PROTOCOL_HEADER: &str = "learning-protocol";
/// This protocol's version: 2 added waiting-list joins, cancels, check-ins and the card
/// look-up.
pub const PROTOCOL_VERSION: u32 = 2;
/// A check-in is taken from this many minutes before a session's start...
pub const CHECKIN_BEFORE_MIN: i64 = 30;
/// ...until this many minutes after it.
pub const CHECKIN_AFTER_MIN: i64 = 30;
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
    /// People on the session's waiting list (left out when none; a hub before protocol 2
    /// never sends it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub waiting: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Sign-ups sent together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupBatch {
    /// The sign-ups, oldest first.
    pub signups: Vec<SignupItem>,
}

/// One item as the kiosk sends it: a sign-up, a waiting-list join, a cancel or a check-in.
/// The kiosk keeps the same UUID on every retry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupItem {
    /// Made on the kiosk; the hub answers the same UUID the same way forever.
    pub uuid: String,
    /// What the item is (left out for a sign-up, as kiosks before protocol 2 send it).
    #[serde(default, skip_serializing_if = "Kind::is_signup")]
    pub kind: Kind,
    /// For a cancel: the UUID of the sign-up (or waiting-list join) it cancels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The learning card number (never in a URL or a log).
    pub card: String,
    /// The activity's id.
    pub activity: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    /// When the kiosk saved it, RFC 3339.
    pub created_at: String,
}

/// What an item in a batch is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A seat, or the waiting list when the hub has no seat left.
    #[default]
    Signup,
    /// A place on a full session's waiting list (a seat if one has come free).
    Waitlist,
    /// Gives up the place `target` holds.
    Cancel,
    /// The card is at the session.
    Checkin,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 4] = [Kind::Signup, Kind::Waitlist, Kind::Cancel, Kind::Checkin];

    /// A sign-up, the kind left out on the wire.
    pub fn is_signup(&self) -> bool {
        *self == Kind::Signup
    }

    /// Whether it asks for a place (a sign-up or a waiting-list join).
    pub fn takes_a_place(self) -> bool {
        matches!(self, Kind::Signup | Kind::Waitlist)
    }

    /// The kind as it travels and is stored (`signup`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Signup => "signup",
            Kind::Waitlist => "waitlist",
            Kind::Cancel => "cancel",
            Kind::Checkin => "checkin",
        }
    }

    /// The kind with this name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
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
    /// For `duplicate`: the UUID of the sign-up the card already holds (or, for a
    /// check-in, of the check-in already recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<String>,
    /// For `waitlisted`: the place in line when the hub answered, 1 first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<u32>,
}

impl Answer {
    /// An answer with only a status.
    pub fn status(status: AnswerStatus) -> Answer {
        Answer {
            status,
            reason: None,
            existing: None,
            place: None,
        }
    }
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
    /// For a cancel: the place is given up (or will never be held, if the sign-up has not
    /// arrived yet). For a sign-up: it was cancelled before it arrived, or since.
    Cancelled,
    /// For a check-in: attendance recorded.
    CheckedIn,
}

impl AnswerStatus {
    /// Every status.
    pub const ALL: [AnswerStatus; 7] = [
        AnswerStatus::Confirmed,
        AnswerStatus::Waitlisted,
        AnswerStatus::Full,
        AnswerStatus::Duplicate,
        AnswerStatus::Invalid,
        AnswerStatus::Cancelled,
        AnswerStatus::CheckedIn,
    ];

    /// The status as it travels and is stored (`confirmed`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::Confirmed => "confirmed",
            AnswerStatus::Waitlisted => "waitlisted",
            AnswerStatus::Full => "full",
            AnswerStatus::Duplicate => "duplicate",
            AnswerStatus::Invalid => "invalid",
            AnswerStatus::Cancelled => "cancelled",
            AnswerStatus::CheckedIn => "checked_in",
        }
    }

    /// The status with this name.
    pub fn parse(s: &str) -> Option<AnswerStatus> {
        AnswerStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }
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
    /// A cancel names a sign-up of another card or session.
    NotYours,
    /// A check-in outside its window (30 minutes either side of the session's start).
    NotNow,
    /// A cancel or check-in item without what its kind needs (a cancel's `target`).
    Incomplete,
}

impl InvalidReason {
    /// Every reason, for tests and documentation.
    pub const ALL: [InvalidReason; 13] = [
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
        InvalidReason::NotYours,
        InvalidReason::NotNow,
        InvalidReason::Incomplete,
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
            InvalidReason::NotYours => "not_yours",
            InvalidReason::NotNow => "not_now",
            InvalidReason::Incomplete => "incomplete",
        }
    }
}

/// The card look-up's request: the card travels in the body, never the URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardQuery {
    /// The learning card number, canonical (16 digits).
    pub card: String,
}

/// What the district's hub knows of a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardAnswer {
    /// The card's places in sessions from today on, soonest first: live ones (confirmed or
    /// waiting) and cancelled ones (so a kiosk that took a sign-up learns it was cancelled
    /// elsewhere).
    pub places: Vec<Place>,
    /// What the card has attended.
    pub record: LearningRecord,
}

/// One place a card holds, or gave up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The sign-up's UUID (its code is made from it, on any kiosk).
    pub uuid: String,
    /// The activity's id.
    pub activity: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    /// `confirmed`, `waitlisted` or `cancelled`.
    pub status: AnswerStatus,
    /// For `waitlisted`: the place in line now, 1 first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<u32>,
    /// Moved up from the waiting list since the card was last looked up: tell them. Said
    /// once: the hub marks it told as it answers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub promoted: bool,
    /// The card has checked in to this session.
    #[serde(default, skip_serializing_if = "is_false")]
    pub checked_in: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Sessions attended, this calendar year (Beijing time) and in all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LearningRecord {
    /// The year `this_year` counts.
    pub year: i32,
    /// Attended this year.
    pub this_year: Totals,
    /// Attended in all.
    pub all: Totals,
}

/// Attendance added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Sessions attended.
    pub sessions: u32,
    /// Their length added up, in minutes.
    pub minutes: u32,
    /// Credit Bank credits awarded.
    pub credits: f64,
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
        let FeedItem::Seats(seats) = &page.items[2] else {
            panic!("not seats: {:?}", page.items[2]);
        };
        assert_eq!(
            seats.waiting, 0,
            "a hub before protocol 2 sends no waiting count"
        );
    }

    #[test]
    fn a_sign_up_from_a_kiosk_before_protocol_2_reads_as_a_sign_up() {
        let old = r#"{"uuid":"u","card":"c","activity":"a","date":"2026-12-01","created_at":"t"}"#;
        let item: SignupItem = serde_json::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(item.kind, Kind::Signup);
        assert_eq!(item.target, None);
        assert_eq!(serde_json::to_string(&item).unwrap_or_default(), old);
    }

    #[test]
    fn statuses_and_kinds_read_back_by_name() {
        for s in AnswerStatus::ALL {
            let text = serde_json::to_string(&s).unwrap_or_default();
            assert_eq!(text, format!("\"{}\"", s.as_str()));
            assert_eq!(AnswerStatus::parse(s.as_str()), Some(s));
        }
        for k in Kind::ALL {
            let text = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(text, format!("\"{}\"", k.as_str()));
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for r in InvalidReason::ALL {
            let text = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(text, format!("\"{}\"", r.as_str()));
        }
    }

    #[test]
    fn answers_leave_out_what_they_do_not_need() {
        let a = Answer::status(AnswerStatus::Confirmed);
        let text = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(text, r#"{"status":"confirmed"}"#);
    }
}
