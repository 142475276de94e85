//! What judging an item needs, whatever its kind: who sent it and how far their clock is
//! off, and what its forms say once checked.

use chrono::NaiveDate;
use learning_core::domain::time::Moment;

/// Who is judged, and by what: the kiosk, its clock's offset, and when waiting lists stop
/// moving up.
pub struct Judge<'a> {
    /// The token's kiosk.
    pub kiosk: &'a str,
    /// The kiosk's clock minus the hub's, in ms, if known.
    pub offset_ms: Option<i64>,
    /// How long before a session's start its waiting list stops moving up.
    pub promote_until: chrono::Duration,
    /// The hub's clock now.
    pub now: chrono::DateTime<chrono::Utc>,
}

/// What an item looks like once its forms are checked: the session's date, when the kiosk
/// took it on the hub's clock, and when it arrived.
pub struct Taken {
    /// The session's date.
    pub date: NaiveDate,
    /// When it was taken, the kiosk's clock corrected.
    pub at: Moment,
    /// Its place in waiting order: ms since 1970 on the hub's clock.
    pub queue_ms: i64,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
}
