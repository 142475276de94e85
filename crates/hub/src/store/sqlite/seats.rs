//! Seat counts per session, published on the feed: what the catalogue books plus what the
//! hub has confirmed, and how many wait.

use chrono::NaiveDate;
use learning_core::catalogue::Activity;
use rusqlite::{Connection, params};

/// The session's confirmed and waitlisted sign-ups.
pub fn counts(tx: &Connection, activity: &str, date: &str) -> rusqlite::Result<(u32, u32)> {
    tx.prepare_cached(
        "SELECT COALESCE(SUM(status = 'confirmed'), 0), COALESCE(SUM(status = 'waitlisted'), 0)
         FROM signups WHERE activity = ?1 AND date = ?2",
    )?
    .query_row(params![activity, date], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// Puts a session's seats taken (booked plus confirmed) on the feed; `found` is the
/// activity as the catalogue has it now (none: deleted, so nothing is booked).
pub fn publish_seats(
    tx: &Connection,
    found: Option<&Activity>,
    activity: &str,
    date: &str,
) -> rusqlite::Result<()> {
    let booked = found
        .zip(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
        .map_or(0, |(a, d)| a.booked_on(d));
    let (confirmed, waiting) = counts(tx, activity, date)?;
    let seats = learning_wire::Seats {
        activity: activity.to_string(),
        date: date.to_string(),
        taken: booked + confirmed,
        waiting,
    };
    let body = serde_json::to_value(&seats).unwrap_or_default();
    super::put(
        tx,
        "seats",
        &format!("{activity}|{date}"),
        Some(&body.to_string()),
    )?;
    Ok(())
}
