//! The kiosks and their token hashes (the token itself is never stored).

use rusqlite::{Connection, OptionalExtension, params};

use crate::tokens;

/// The kiosk whose token this is, if any.
pub fn by_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT id FROM kiosks WHERE token_hash = ?1",
        [tokens::hash(token)],
        |r| r.get(0),
    )
    .optional()
}

/// True when a kiosk with this id has a token.
pub fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT count(*) > 0 FROM kiosks WHERE id = ?1", [id], |r| {
        r.get(0)
    })
}

/// Gives the kiosk this token (its old one, if any, stops working).
pub fn set_token(conn: &Connection, id: &str, token: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO kiosks (id, token_hash, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET token_hash = ?2",
        params![id, tokens::hash(token), chrono::Utc::now().to_rfc3339()],
    )?;
    Ok(())
}

/// Keeps the clock offset a request measured, as the kiosk's latest.
pub fn note_clock(conn: &Connection, from: &crate::store::Arrival) -> rusqlite::Result<()> {
    if let Some(offset) = from.clock_offset_ms {
        conn.prepare_cached(
            "UPDATE kiosks SET clock_offset_ms = ?1, clock_seen_at = ?2 WHERE id = ?3",
        )?
        .execute(params![offset, chrono::Utc::now().to_rfc3339(), from.kiosk])?;
    }
    Ok(())
}

/// The offset to take from a kiosk's times: the one measured on this request, else the
/// kiosk's last measured one (a kiosk before protocol 2 has none: its times are taken as
/// they are).
pub fn clock_offset(
    conn: &Connection,
    from: &crate::store::Arrival,
) -> rusqlite::Result<Option<i64>> {
    if from.clock_offset_ms.is_some() {
        return Ok(from.clock_offset_ms);
    }
    Ok(conn
        .prepare_cached("SELECT clock_offset_ms FROM kiosks WHERE id = ?1")?
        .query_row([&from.kiosk], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}
