//! The catalogue change feed: the changes after a cursor, oldest first, a page at a time.

use learning_wire::Seats;
use rusqlite::Connection;
use serde::de::IgnoredAny;

use crate::store::{Cursor, FeedAnswer, etag};

/// The page after the cursor, at most `limit` changes.
pub fn page(
    conn: &Connection,
    cursor: Cursor,
    limit: u32,
    if_none_match: Option<&str>,
) -> rusqlite::Result<FeedAnswer> {
    let after = cursor.after;
    // A cursor below the purged tombstones may have missed a deletion; a kiosk that started
    // from 0 into an empty catalogue cannot have (it never had what was deleted).
    if after > 0 && !cursor.rebuild && after < super::purge_floor(conn)? {
        return Ok(FeedAnswer::CursorExpired);
    }
    let last = super::last_seq(conn)?;
    let tag = etag(last);
    if after >= last && if_none_match == Some(tag.as_str()) {
        return Ok(FeedAnswer::NotModified(tag));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT seq, kind, key, body FROM objects WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![after as i64, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    // The stored bodies are JSON already: the page is written around them rather than
    // parsed and printed again (a first sync is mostly this).
    let mut out = String::from("{\"items\":[");
    let mut next = after;
    let mut first = true;
    let mut item = |tag: &str, json: &str| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        out.push_str("{\"");
        out.push_str(tag);
        out.push_str("\":");
        out.push_str(json);
        out.push('}');
    };
    for row in rows {
        let (seq, kind, key, body) = row?;
        next = seq as u64;
        // A body that does not read (a damaged file) is left out rather than breaking the
        // page for every kiosk.
        let body = body.filter(|b| match kind.as_str() {
            "seats" => serde_json::from_str::<Seats>(b).is_ok(),
            _ => serde_json::from_str::<IgnoredAny>(b).is_ok(),
        });
        // A tombstone's key, as a JSON string (escaped).
        let key = || serde_json::Value::from(key.as_str()).to_string();
        match (kind.as_str(), body.as_deref()) {
            ("venue", Some(b)) => item("venue", b),
            ("venue", None) => item("deleted_venue", &key()),
            ("activity", Some(b)) => item("activity", b),
            ("activity", None) => item("deleted_activity", &key()),
            ("seats", Some(b)) => item("seats", b),
            _ => {}
        }
    }
    out.push_str(&format!("],\"next\":{next}}}"));
    Ok(FeedAnswer::Page(out, tag))
}
