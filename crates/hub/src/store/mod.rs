//! The hub's storage seam: everything the hub keeps (kiosks and their token hashes, the
//! catalogue as a compacted change log, seat counts, every sign-up with its answer) goes
//! through the [`Store`] trait. It takes `&self`, so a backend with a pool of connections
//! serves requests side by side (SQLite's one connection sits behind a mutex). `sqlite/` is
//! the one implementation today and the only place SQL lives; a second backend (Postgres) is
//! a second implementation of the trait, judging sign-ups by the same `rules`.

pub mod rules;
pub mod sqlite;

use std::path::Path;

use learning_core::problem::FileProblems;
use learning_wire::{BatchAnswer, CardAnswer, SignupItem};
use serde::Serialize;

/// What the hub keeps, whichever database keeps it.
pub trait Store: Send + Sync {
    /// The kiosk a bearer token belongs to, if any.
    fn kiosk_by_token(&self, token: &str) -> Result<Option<String>, StoreError>;
    /// Whether a kiosk with this id has a token.
    fn kiosk_exists(&self, id: &str) -> Result<bool, StoreError>;
    /// Gives a kiosk this token (only its hash is kept), replacing any it had.
    fn set_kiosk_token(&self, id: &str, token: &str) -> Result<(), StoreError>;
    /// The feed's page after a cursor: at most `limit` changes, oldest first.
    fn feed_page(
        &self,
        cursor: Cursor,
        limit: u32,
        if_none_match: Option<&str>,
    ) -> Result<FeedAnswer, StoreError>;
    /// Answers a batch (sign-ups, waiting-list joins, cancels, check-ins) and records every
    /// answer before returning (all or none).
    fn answer_batch(&self, from: &Arrival, items: &[SignupItem])
    -> Result<BatchAnswer, StoreError>;
    /// What the hub knows of a card: its live places and its learning record. A place moved
    /// up from a waiting list is said once (marked told as it is answered).
    fn card(&self, from: &Arrival, card: &str) -> Result<CardAnswer, StoreError>;
    /// Notes how far a kiosk's clock is off, as measured on a request.
    fn note_clock(&self, from: &Arrival) -> Result<(), StoreError>;
    /// Every attendance with what the Credit Bank needs, oldest first, from `since` on.
    fn attendance(&self, since: Option<&str>) -> Result<Vec<Attendance>, StoreError>;
    /// Imports a catalogue file whole, or not at all, publishing only what changed.
    fn import(&self, path: &Path) -> Result<Imported, ImportError>;
    /// The feed's newest change number.
    fn last_seq(&self) -> Result<u64, StoreError>;
    /// Forgets tombstones older than `days`; returns how many went.
    fn purge_tombstones(&self, days: i64) -> Result<usize, StoreError>;
    /// Every sign-up with its answer, in the order received (for `export`).
    fn signups(&self) -> Result<Vec<StoredSignup>, StoreError>;
    /// What an older hub stored in forms that do not read, set aside as it was, with why
    /// (for `export set-aside`; a backend with no such past has none).
    fn set_aside(&self) -> Result<Vec<(StoredSignup, String)>, StoreError>;
    /// The counts `status` prints.
    fn status(&self) -> Result<Status, StoreError>;
}

/// Who a request came from and how far its clock is off, as measured on that request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// The token's kiosk.
    pub kiosk: String,
    /// The kiosk's clock minus the hub's, in milliseconds, when the request said its clock
    /// (a kiosk before protocol 2 does not: its last measured offset is used, or none).
    pub clock_offset_ms: Option<i64>,
}

/// One attendance as the Credit Bank takes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attendance {
    /// The card, in full (this is the record handed over).
    pub card: String,
    /// The activity's id.
    pub activity: String,
    /// Its title in Chinese.
    pub title_zh: String,
    /// Its title in English.
    pub title_en: String,
    /// The session's date.
    pub date: String,
    /// The session's length in hours.
    pub hours: f64,
    /// Credits awarded.
    pub credits: f64,
    /// The venue's id.
    pub venue: String,
    /// The venue's district code.
    pub district: String,
    /// The kiosk that checked the card in.
    pub kiosk: String,
    /// When it did, as the kiosk said (RFC 3339).
    pub time: String,
}

/// The database failed (the backend's own words inside).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(#[source] Box<dyn std::error::Error + Send + Sync>);

impl StoreError {
    /// A backend's error.
    pub fn new(e: impl std::error::Error + Send + Sync + 'static) -> StoreError {
        StoreError(Box::new(e))
    }
}

/// Where a kiosk is in the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The last change it has.
    pub after: u64,
    /// It is rebuilding from 0 into an empty catalogue.
    pub rebuild: bool,
}

/// What the feed answers.
#[derive(Debug, PartialEq)]
pub enum FeedAnswer {
    /// A page (empty: caught up) as the JSON of a `FeedPage`, with the ETag of the
    /// catalogue's current state.
    Page(String, String),
    /// Nothing changed since the ETag the kiosk sent.
    NotModified(String),
    /// The cursor is older than the tombstones kept: rebuild from 0.
    CursorExpired,
}

/// The ETag of the feed's state after change `last_seq`.
pub fn etag(last_seq: u64) -> String {
    format!("\"{last_seq}\"")
}

/// What an import changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Venues and activities new or changed.
    pub changed: usize,
    /// Venues and activities no longer in the catalogue (now tombstones).
    pub deleted: usize,
    /// Unchanged.
    pub same: usize,
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The catalogue has problems; nothing was imported.
    #[error("{0}")]
    Problems(FileProblems),
    /// The hub's database failed.
    #[error("the hub's database failed: {0}")]
    Store(#[from] StoreError),
}

/// What mending did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mended {
    /// Sign-ups now held in canonical form.
    pub mended: u64,
    /// Sign-ups that did not read, moved out of the sign-ups as they were.
    pub set_aside: u64,
    /// Mended sign-ups that turned out to be a second hold of a session by one card.
    pub duplicates: u64,
    /// Mended sign-ups that overran their session and now wait, or are full.
    pub over_capacity: u64,
}

/// One sign-up as the hub holds it, with its answer (the card in full: this is the record).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredSignup {
    /// The kiosk's UUID for it.
    pub uuid: String,
    /// The kiosk that sent it.
    pub kiosk: String,
    /// The card, canonical.
    pub card: String,
    /// The activity's id.
    pub activity: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: String,
    /// When the kiosk took it (RFC 3339).
    pub created_at: String,
    /// The answer's status.
    pub status: String,
    /// Why it was refused, if it was.
    pub reason: Option<String>,
    /// The sign-up it duplicates, if it does.
    pub existing: Option<String>,
    /// When the hub received it (RFC 3339).
    pub received_at: String,
}

/// The counts `status` prints.
#[derive(Debug, Default)]
pub struct Status {
    /// Kiosks with a token.
    pub kiosks: i64,
    /// Venues in the catalogue (not deleted).
    pub venues: i64,
    /// Activities in the catalogue (not deleted).
    pub activities: i64,
    /// The feed's last change.
    pub last_seq: u64,
    /// Sign-ups per status, by name.
    pub signups: Vec<(String, i64)>,
    /// What mending old forms did, added over every time it ran.
    pub mended: Mended,
    /// What the first mending (an older hub's) set aside, second holds and unreadable rows
    /// counted together.
    pub earlier_set_aside: i64,
    /// Cancels received, by status.
    pub cancels: Vec<(String, i64)>,
    /// Check-ins received, by status.
    pub checkins: Vec<(String, i64)>,
    /// Places moved up from a waiting list.
    pub promoted: i64,
}
