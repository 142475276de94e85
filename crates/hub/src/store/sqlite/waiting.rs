//! A session's waiting list in its written order (`docs/protocol.md`): by when each place
//! was taken on the hub's clock (`queue_ms`), then by arrival; and moving it up when a seat
//! frees, exactly once, until the set time before the session.

use chrono::NaiveDate;
use learning_core::catalogue::SessionLookup;
use rusqlite::{Connection, OptionalExtension, params};

use super::{catalogue, seats};

/// The waiting order: places taken before the hub kept `queue_ms` (none) come first, as
/// they arrived first.
const ORDER: &str = "COALESCE(queue_ms, 0), rowid";

/// A waiting place's place in line (1 first), or `None` if it is not waiting.
pub fn place_of(
    tx: &Connection,
    activity: &str,
    date: &str,
    uuid: &str,
) -> rusqlite::Result<Option<u32>> {
    let mine: Option<(i64, i64)> = tx
        .prepare_cached(
            "SELECT COALESCE(queue_ms, 0), rowid FROM signups
             WHERE uuid = ?1 AND status = 'waitlisted'",
        )?
        .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((queue, row)) = mine else {
        return Ok(None);
    };
    let ahead: u32 = tx
        .prepare_cached(
            "SELECT count(*) FROM signups
             WHERE activity = ?1 AND date = ?2 AND status = 'waitlisted'
             AND (COALESCE(queue_ms, 0) < ?3 OR (COALESCE(queue_ms, 0) = ?3 AND rowid < ?4))",
        )?
        .query_row(params![activity, date, queue, row], |r| r.get(0))?;
    Ok(Some(ahead + 1))
}

/// How many waiting places were taken after `queue_ms`.
pub fn behind(tx: &Connection, activity: &str, date: &str, queue_ms: i64) -> rusqlite::Result<u32> {
    tx.prepare_cached(
        "SELECT count(*) FROM signups WHERE activity = ?1 AND date = ?2
         AND status = 'waitlisted' AND COALESCE(queue_ms, 0) > ?3",
    )?
    .query_row(params![activity, date, queue_ms], |r| r.get(0))
}

/// Moves the first in line up while a seat is free and the session is more than
/// `promote_until` away; each is confirmed once, marked to be told at the card's next
/// look-up. Publishes the session's counts. Returns how many moved up.
pub fn fill(
    tx: &Connection,
    activity_id: &str,
    date: &str,
    promote_until: chrono::Duration,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<u32> {
    let activity = catalogue::activity(tx, activity_id)?;
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let mut moved = 0;
    if let (Some(activity), Some(day)) = (&activity, day)
        && let SessionLookup::Meets(session) = activity.session_on(day)
        && !activity.is_cancelled()
    {
        // Until the set time before the start; after it a freed seat is open to anyone.
        let open = now < session.start - promote_until;
        while open && moved < activity.capacity {
            let (confirmed, _) = seats::counts(tx, activity_id, date)?;
            if activity.booked_on(day) + confirmed >= activity.capacity {
                break;
            }
            let first: Option<String> = tx
                .prepare_cached(&format!(
                    "SELECT uuid FROM signups WHERE activity = ?1 AND date = ?2
                     AND status = 'waitlisted' ORDER BY {ORDER} LIMIT 1"
                ))?
                .query_row(params![activity_id, date], |r| r.get(0))
                .optional()?;
            let Some(first) = first else {
                break;
            };
            tx.prepare_cached(
                "UPDATE signups SET status = 'confirmed', promoted_at = ?1, told = 0
                 WHERE uuid = ?2 AND status = 'waitlisted'",
            )?
            .execute(params![now.to_rfc3339(), first])?;
            moved += 1;
        }
    }
    seats::publish_seats(tx, activity.as_ref(), activity_id, date)?;
    Ok(moved)
}
