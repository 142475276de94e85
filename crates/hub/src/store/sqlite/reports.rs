//! What `export` and `status` read: every sign-up with its answer, and the counts.

use rusqlite::Connection;

use crate::store::{Attendance, Mended, Status, StoredSignup};

/// Every sign-up with its card, activity, date, kiosk and answer, in the order received.
pub fn signups(conn: &Connection) -> rusqlite::Result<Vec<StoredSignup>> {
    let mut stmt = conn.prepare(
        "SELECT uuid, kiosk, card, activity, date, created_at, status, reason, existing, received_at
         FROM signups ORDER BY received_at, uuid",
    )?;
    let rows = stmt.query_map([], row)?;
    rows.collect()
}

/// Every sign-up set aside by mending, as it was stored, with why.
pub fn set_aside(conn: &Connection) -> rusqlite::Result<Vec<(StoredSignup, String)>> {
    let mut stmt = conn.prepare(
        "SELECT uuid, kiosk, card, activity, date, created_at, status, reason, existing, received_at, why
         FROM set_aside ORDER BY received_at, uuid",
    )?;
    let rows = stmt.query_map([], |r| Ok((row(r)?, r.get(10)?)))?;
    rows.collect()
}

/// One stored sign-up, from the ten columns in the order `signups` selects them.
fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredSignup> {
    Ok(StoredSignup {
        uuid: r.get(0)?,
        kiosk: r.get(1)?,
        card: r.get(2)?,
        activity: r.get(3)?,
        date: r.get(4)?,
        created_at: r.get(5)?,
        status: r.get(6)?,
        reason: r.get(7)?,
        existing: r.get(8)?,
        received_at: r.get(9)?,
    })
}

/// The counts of what the hub holds.
pub fn status(conn: &Connection) -> rusqlite::Result<Status> {
    let count = |sql: &str| -> rusqlite::Result<i64> { conn.query_row(sql, [], |r| r.get(0)) };
    let meta = |key: &str| -> rusqlite::Result<i64> {
        conn.query_row(
            "SELECT COALESCE(max(value), 0) FROM meta WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
    };
    let by_status = |table: &str| -> rusqlite::Result<Vec<(String, i64)>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT status, count(*) FROM {table} GROUP BY status ORDER BY status"
        ))?;
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
            .collect()
    };
    Ok(Status {
        kiosks: count("SELECT count(*) FROM kiosks")?,
        venues: count("SELECT count(*) FROM objects WHERE kind = 'venue' AND body IS NOT NULL")?,
        activities: count(
            "SELECT count(*) FROM objects WHERE kind = 'activity' AND body IS NOT NULL",
        )?,
        last_seq: super::last_seq(conn)?,
        signups: by_status("signups")?,
        cancels: by_status("cancels")?,
        checkins: by_status("attendance")?,
        promoted: count("SELECT count(*) FROM signups WHERE promoted_at IS NOT NULL")?,
        mended: Mended {
            mended: meta("mended_signups")? as u64,
            set_aside: meta("set_aside_signups")? as u64,
            duplicates: meta("duplicate_signups")? as u64,
            over_capacity: meta("over_capacity_signups")? as u64,
        },
        earlier_set_aside: meta("earlier_set_aside")?,
    })
}

/// Every attendance recorded (checked in, once a card and session), oldest session first,
/// from the date `since` on.
pub fn attendance(conn: &Connection, since: Option<&str>) -> rusqlite::Result<Vec<Attendance>> {
    let mut stmt = conn.prepare(
        "SELECT card, activity, title_zh, title_en, date, minutes, credits, venue, district,
                kiosk, created_at
         FROM attendance WHERE status = 'checked_in' AND date >= ?1
         ORDER BY date, created_at, uuid",
    )?;
    let rows = stmt.query_map([since.unwrap_or("0000-01-01")], |r| {
        Ok(Attendance {
            card: r.get(0)?,
            activity: r.get(1)?,
            title_zh: r.get(2)?,
            title_en: r.get(3)?,
            date: r.get(4)?,
            hours: r.get::<_, i64>(5)? as f64 / 60.0,
            credits: r.get(6)?,
            venue: r.get(7)?,
            district: r.get(8)?,
            kiosk: r.get(9)?,
            time: r.get(10)?,
        })
    })?;
    rows.collect()
}
