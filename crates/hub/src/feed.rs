//! The catalogue change feed: the changes after a cursor, oldest first, a page at a time.

use learning_wire::{FeedItem, FeedPage, Seats};
use rusqlite::Connection;

/// What the feed answers.
#[derive(Debug, PartialEq)]
pub enum FeedAnswer {
    /// A page (empty: caught up), with the ETag of the catalogue's current state.
    Page(FeedPage, String),
    /// Nothing changed since the ETag the kiosk sent.
    NotModified(String),
    /// The cursor is older than the tombstones kept: rebuild from 0.
    CursorExpired,
}

/// The ETag of the feed's current state.
pub fn etag(last_seq: u64) -> String {
    format!("\"{last_seq}\"")
}

/// Where a kiosk is in the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The last change it has.
    pub after: u64,
    /// It is rebuilding from 0 into an empty catalogue.
    pub rebuild: bool,
}

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
    if after > 0 && !cursor.rebuild && after < crate::store::purge_floor(conn)? {
        return Ok(FeedAnswer::CursorExpired);
    }
    let last = crate::store::last_seq(conn)?;
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
    let mut items = Vec::new();
    let mut next = after;
    for row in rows {
        let (seq, kind, key, body) = row?;
        next = seq as u64;
        let value = body
            .as_deref()
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok());
        let item = match (kind.as_str(), value) {
            ("venue", Some(v)) => FeedItem::Venue(v),
            ("venue", None) => FeedItem::DeletedVenue(key),
            ("activity", Some(v)) => FeedItem::Activity(v),
            ("activity", None) => FeedItem::DeletedActivity(key),
            ("seats", Some(v)) => match serde_json::from_value::<Seats>(v) {
                Ok(seats) => FeedItem::Seats(seats),
                Err(_) => continue,
            },
            _ => continue,
        };
        items.push(item);
    }
    Ok(FeedAnswer::Page(FeedPage { items, next }, tag))
}
