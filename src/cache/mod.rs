//! The catalogue as the hub's feed has delivered it, kept in its own SQLite file.
//!
//! Each feed page is stored with its cursor in one transaction, so an interruption costs at
//! most one page. After "cursor expired" the catalogue is rebuilt beside the old one, in
//! shadow tables, and swapped in only once it has caught up: the kiosk never shows a
//! half-built catalogue. Until a first sync has caught up, the seed catalogue stays in use.

use std::collections::HashMap;
use std::path::Path;

use learning_wire::{FeedItem, FeedPage};
use rusqlite::{Connection, OptionalExtension, params};

use crate::catalogue::Catalogue;
use crate::catalogue::load::{FORMAT, load_str};
use crate::problem::FileProblems;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS objects (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS seats (activity TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL, PRIMARY KEY (activity, date));
CREATE TABLE IF NOT EXISTS next_objects (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS next_seats (activity TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL, PRIMARY KEY (activity, date));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

/// Where the cache stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CacheState {
    /// The cursor of the catalogue in use.
    pub cursor: u64,
    /// The feed's ETag at that cursor.
    pub etag: Option<String>,
    /// True once a sync has caught up at least once: the cached catalogue is whole.
    pub complete: bool,
    /// A rebuild from 0 in progress (after "cursor expired"), and its cursor.
    pub rebuilding: Option<u64>,
    /// Counts every change, so the kiosk knows when to build the catalogue again.
    pub generation: u64,
}

impl CacheState {
    /// The cursor to ask the feed for next.
    pub fn request_cursor(&self) -> u64 {
        self.rebuilding.unwrap_or(self.cursor)
    }
}

/// The cache, open.
pub struct CatalogueCache {
    conn: Connection,
}

impl CatalogueCache {
    /// Opens (or creates) the cache file.
    pub fn open(path: &Path) -> rusqlite::Result<CatalogueCache> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(CatalogueCache { conn })
    }

    fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
    }

    fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        Ok(())
    }

    /// Where the cache stands.
    pub fn state(&self) -> rusqlite::Result<CacheState> {
        let number = |key: &str| -> rusqlite::Result<Option<u64>> {
            Ok(Self::meta(&self.conn, key)?.and_then(|v| v.parse().ok()))
        };
        Ok(CacheState {
            cursor: number("cursor")?.unwrap_or(0),
            etag: Self::meta(&self.conn, "etag")?,
            complete: number("complete")? == Some(1),
            rebuilding: number("rebuilding")?,
            generation: number("generation")?.unwrap_or(0),
        })
    }

    /// Stores a feed page and its cursor together. An empty page means caught up: a rebuild
    /// in progress is swapped in, and the catalogue counts as whole.
    pub fn apply_page(&mut self, page: &FeedPage, etag: Option<&str>) -> rusqlite::Result<()> {
        let state = self.state()?;
        let tx = self.conn.transaction()?;
        let (objects, seats) = if state.rebuilding.is_some() {
            ("next_objects", "next_seats")
        } else {
            ("objects", "seats")
        };
        for item in &page.items {
            match item {
                FeedItem::Venue(v) | FeedItem::Activity(v) => {
                    let kind = if matches!(item, FeedItem::Venue(_)) {
                        "venue"
                    } else {
                        "activity"
                    };
                    let key = v["id"].as_str().unwrap_or_default();
                    tx.execute(
                        &format!(
                            "INSERT INTO {objects} (kind, key, body) VALUES (?1, ?2, ?3)
                                  ON CONFLICT (kind, key) DO UPDATE SET body = ?3"
                        ),
                        params![kind, key, v.to_string()],
                    )?;
                }
                FeedItem::DeletedVenue(key) | FeedItem::DeletedActivity(key) => {
                    let kind = if matches!(item, FeedItem::DeletedVenue(_)) {
                        "venue"
                    } else {
                        "activity"
                    };
                    tx.execute(
                        &format!("DELETE FROM {objects} WHERE kind = ?1 AND key = ?2"),
                        params![kind, key],
                    )?;
                    if kind == "activity" {
                        tx.execute(&format!("DELETE FROM {seats} WHERE activity = ?1"), [key])?;
                    }
                }
                FeedItem::Seats(s) => {
                    tx.execute(
                        &format!(
                            "INSERT INTO {seats} (activity, date, taken) VALUES (?1, ?2, ?3)
                                  ON CONFLICT (activity, date) DO UPDATE SET taken = ?3"
                        ),
                        params![s.activity, s.date, s.taken],
                    )?;
                }
            }
        }
        let caught_up = page.items.is_empty();
        match state.rebuilding {
            Some(_) if caught_up => {
                // The rebuilt catalogue is whole: swap it in, all at once.
                tx.execute_batch(
                    "DELETE FROM objects; INSERT INTO objects SELECT * FROM next_objects; DELETE FROM next_objects;
                     DELETE FROM seats; INSERT INTO seats SELECT * FROM next_seats; DELETE FROM next_seats;
                     DELETE FROM meta WHERE key = 'rebuilding';",
                )?;
                Self::set_meta(&tx, "cursor", &page.next.to_string())?;
                Self::set_meta(&tx, "complete", "1")?;
                Self::set_meta(&tx, "generation", &(state.generation + 1).to_string())?;
            }
            Some(_) => Self::set_meta(&tx, "rebuilding", &page.next.to_string())?,
            None => {
                Self::set_meta(&tx, "cursor", &page.next.to_string())?;
                if caught_up {
                    Self::set_meta(&tx, "complete", "1")?;
                } else {
                    Self::set_meta(&tx, "generation", &(state.generation + 1).to_string())?;
                }
            }
        }
        if let Some(tag) = etag.filter(|_| state.rebuilding.is_none() || caught_up) {
            Self::set_meta(&tx, "etag", tag)?;
        }
        tx.commit()
    }

    /// The feed said nothing has changed: the catalogue is whole and current.
    pub fn caught_up(&mut self) -> rusqlite::Result<()> {
        Self::set_meta(&self.conn, "complete", "1")
    }

    /// The cursor expired: rebuild from 0 beside the catalogue in use.
    pub fn start_rebuild(&mut self) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute_batch("DELETE FROM next_objects; DELETE FROM next_seats;")?;
        Self::set_meta(&tx, "rebuilding", "0")?;
        tx.commit()
    }

    /// The cached catalogue, with the hub's seat counts, once a sync has caught up; `None`
    /// before that (the seed catalogue is still the one to use).
    pub fn build(&self) -> Result<Option<Catalogue>, FileProblems> {
        let storage = |e: rusqlite::Error| FileProblems {
            file: "catalogue cache".into(),
            problems: vec![crate::problem::Problem::at(
                "",
                crate::problem::ProblemKind::Unreadable(e.to_string()),
            )],
        };
        if !self.state().map_err(storage)?.complete {
            return Ok(None);
        }
        let mut seats: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        let rows: Vec<(String, String, u32)> =
            triples(&self.conn, "SELECT activity, date, taken FROM seats").map_err(storage)?;
        for (activity, date, taken) in rows {
            seats.entry(activity).or_default().push((date, taken));
        }
        let mut venues = Vec::new();
        let mut activities = Vec::new();
        let rows: Vec<(String, String, String)> = triples(
            &self.conn,
            "SELECT kind, key, body FROM objects ORDER BY kind, key",
        )
        .map_err(storage)?;
        for (kind, key, body) in rows {
            let mut value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            if kind == "venue" {
                venues.push(value);
                continue;
            }
            // The hub's count of seats taken replaces the catalogue's booked seats.
            if let Some(list) = seats.get(&key) {
                let booked = &mut value["booked"];
                if !booked.is_object() {
                    *booked = serde_json::json!({});
                }
                for (date, taken) in list {
                    booked[date] = serde_json::json!(taken);
                }
            }
            activities.push(value);
        }
        let doc = serde_json::json!({
            "format": FORMAT,
            "generated_at": crate::domain::time::now_beijing().to_rfc3339(),
            "venues": venues,
            "activities": activities,
        });
        load_str(&doc.to_string(), "catalogue cache (from the hub)").map(Some)
    }
}

/// Every row of a three-column query.
fn triples<C: rusqlite::types::FromSql>(
    conn: &Connection,
    sql: &str,
) -> rusqlite::Result<Vec<(String, String, C)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}
