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
    // The stored bodies are JSON already: the page is written around them rather than
    // parsed and printed again (a first sync is mostly this).
    let mut out = String::from("{\"items\":[");
    let mut next = after;
    let mut written = 0u32;
    // Rows that are not sent (a seat count withdrawn, a damaged body) are read past, but a
    // page is never empty while changes remain: a kiosk reads an empty page as caught up.
    'pages: loop {
        let rows = stmt.query_map(rusqlite::params![next as i64, limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut read = 0u32;
        for row in rows {
            let (seq, kind, key, body) = row?;
            read += 1;
            next = seq as u64;
            if write_item(&mut out, written == 0, &kind, &key, body.as_deref()) {
                written += 1;
                if written == limit {
                    break 'pages;
                }
            }
        }
        if read < limit {
            break;
        }
    }
    out.push_str(&format!("],\"next\":{next}}}"));
    Ok(FeedAnswer::Page(out, tag))
}

/// Writes one stored row as a feed item (after a comma unless it is the page's `first`);
/// false for a row that is not sent: a seat count withdrawn, or a body that does not read (a
/// damaged file), left out rather than breaking the page for every kiosk.
fn write_item(out: &mut String, first: bool, kind: &str, key: &str, body: Option<&str>) -> bool {
    let body = body.filter(|b| match kind {
        "seats" => serde_json::from_str::<Seats>(b).is_ok(),
        _ => serde_json::from_str::<IgnoredAny>(b).is_ok(),
    });
    // A tombstone's key, as a JSON string (escaped).
    let key = || serde_json::Value::from(key).to_string();
    let (tag, json) = match (kind, body) {
        ("venue", Some(b)) => ("venue", std::borrow::Cow::Borrowed(b)),
        ("venue", None) => ("deleted_venue", key().into()),
        ("activity", Some(b)) => ("activity", std::borrow::Cow::Borrowed(b)),
        ("activity", None) => ("deleted_activity", key().into()),
        ("seats", Some(b)) => ("seats", std::borrow::Cow::Borrowed(b)),
        _ => return false,
    };
    if !first {
        out.push(',');
    }
    out.push_str("{\"");
    out.push_str(tag);
    out.push_str("\":");
    out.push_str(&json);
    out.push('}');
    true
}
