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
