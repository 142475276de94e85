//! What `export` and `status` read: every sign-up with its answer, and the counts.

use rusqlite::Connection;
use serde_json::{Value, json};

/// Every sign-up with its card, activity, date, kiosk and answer, in the order received.
pub fn signups(conn: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare(
        "SELECT uuid, kiosk, card, activity, date, created_at, status, reason, existing, received_at
         FROM signups ORDER BY received_at, uuid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(json!({
            "uuid": r.get::<_, String>(0)?,
            "kiosk": r.get::<_, String>(1)?,
            "card": r.get::<_, String>(2)?,
            "activity": r.get::<_, String>(3)?,
            "date": r.get::<_, String>(4)?,
            "created_at": r.get::<_, String>(5)?,
            "status": r.get::<_, String>(6)?,
            "reason": r.get::<_, Option<String>>(7)?,
            "existing": r.get::<_, Option<String>>(8)?,
            "received_at": r.get::<_, String>(9)?,
        }))
    })?;
    rows.collect()
}

/// The counts `status` prints.
#[derive(Debug, Default)]
pub struct Status {
    /// Kiosks with a token.
    pub kiosks: i64,
    /// Venues and activities in the catalogue (not deleted).
    pub venues: i64,
    /// Activities in the catalogue (not deleted).
    pub activities: i64,
    /// The feed's last change.
    pub last_seq: u64,
    /// Sign-ups per status, by name.
    pub signups: Vec<(String, i64)>,
    /// Sign-ups mended from old forms, and set aside, by the one-time migration.
    pub mended: i64,
    /// See `mended`.
    pub set_aside: i64,
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
    let mut stmt =
        conn.prepare("SELECT status, count(*) FROM signups GROUP BY status ORDER BY status")?;
    let signups = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Status {
        kiosks: count("SELECT count(*) FROM kiosks")?,
        venues: count("SELECT count(*) FROM objects WHERE kind = 'venue' AND body IS NOT NULL")?,
        activities: count(
            "SELECT count(*) FROM objects WHERE kind = 'activity' AND body IS NOT NULL",
        )?,
        last_seq: super::last_seq(conn)?,
        signups,
        mended: meta("mended_signups")?,
        set_aside: meta("set_aside_signups")?,
    })
}
