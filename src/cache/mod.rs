//! The catalogue as the hub's feed has delivered it, kept in its own SQLite file.
//!
//! Each feed page is stored with its cursor in one transaction, so an interruption costs at
//! most one page. After "cursor expired" the catalogue is rebuilt beside the old one, in
//! shadow tables, and swapped in only once it has caught up: the kiosk never shows a
//! half-built catalogue. Until a first sync has caught up, the seed catalogue stays in use.

pub mod facts;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use learning_wire::{FeedItem, FeedPage};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde_json::Value;

use crate::catalogue::change::Change;
use crate::catalogue::load::{parse_date, read_activity, read_venue};
use crate::catalogue::{ActivityTexts, Catalogue, TextStore};
use crate::domain::card::Masked;
use crate::problem::{FileProblems, Problem, ProblemKind};

/// Venues and activities in their compact form (`facts`), activity texts apart (a screen
/// reads the few it shows), the hub's seat counts; the same again under `next_` while a
/// rebuild fills them.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS venues (key TEXT PRIMARY KEY, facts BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS activities (key TEXT PRIMARY KEY, venue TEXT NOT NULL, facts BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS texts (key TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS seats (activity TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL, waiting INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (activity, date));
CREATE TABLE IF NOT EXISTS next_venues (key TEXT PRIMARY KEY, facts BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS next_activities (key TEXT PRIMARY KEY, venue TEXT NOT NULL, facts BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS next_texts (key TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS next_seats (activity TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL, waiting INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (activity, date));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

/// The tables a rebuild fills and then swaps in.
const TABLES: [&str; 4] = ["venues", "activities", "texts", "seats"];

/// More changes than this in one sync are put in place by loading the catalogue again (when
/// nobody is at the kiosk) rather than held in memory to apply one by one.
pub const MAX_CHANGES_IN_PLACE: usize = 5_000;

/// The catalogue the hub delivered to the cache at `path`, with its texts left in the file;
/// `None` until a first sync has caught up (or when there is no cache).
pub fn load_cached(path: &Path) -> Result<Option<Catalogue>, FileProblems> {
    if !path.exists() {
        return Ok(None);
    }
    let unreadable = |e: rusqlite::Error| FileProblems {
        file: path.display().to_string(),
        problems: vec![Problem::at(
            "",
            ProblemKind::Unreadable(crate::outbox::sqlite_fault(&e)),
        )],
    };
    let cache = CatalogueCache::open(path).map_err(unreadable)?;
    let texts = CacheTexts::open(path).map_err(unreadable)?;
    cache.load(Box::new(texts))
}

/// What storing a page did.
#[derive(Debug, Default)]
pub struct Applied {
    /// The changes for the catalogue in use (none while a rebuild fills the shadow tables).
    pub changes: Vec<Change>,
    /// Items the kiosk could not read, left out and logged.
    pub set_aside: usize,
}

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
        // Pages are written once and the catalogue is read in one scan at start: a large
        // page cache would only stay resident (SQLite's default is 2 MB a connection).
        conn.pragma_update(None, "cache_size", -512)?;
        conn.execute_batch(SCHEMA)?;
        // A cache from before the waiting counts: the column is added, every count 0 until
        // the hub's next word.
        for table in ["seats", "next_seats"] {
            if conn
                .prepare(&format!("SELECT waiting FROM {table} LIMIT 1"))
                .is_err()
            {
                conn.execute_batch(&format!(
                    "ALTER TABLE {table} ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0"
                ))?;
            }
        }
        let cache = CatalogueCache { conn };
        cache.migrate_json_objects()?;
        Ok(cache)
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

    /// Stores a feed page and its cursor together, and gives back the changes for the
    /// catalogue in use. An empty page means caught up: a rebuild in progress is swapped in,
    /// and the catalogue counts as whole.
    pub fn apply_page(&mut self, page: &FeedPage, etag: Option<&str>) -> rusqlite::Result<Applied> {
        self.apply_items(page, etag, page.items.is_empty())
    }

    /// The same, told whether the feed is caught up: a page whose every item was left out
    /// (unreadable) is empty here but was not empty on the wire, and more may follow.
    pub fn apply_items(
        &mut self,
        page: &FeedPage,
        etag: Option<&str>,
        caught_up: bool,
    ) -> rusqlite::Result<Applied> {
        let state = self.state()?;
        let tx = self.conn.transaction()?;
        let prefix = if state.rebuilding.is_some() {
            "next_"
        } else {
            ""
        };
        let mut applied = Applied::default();
        for item in &page.items {
            store_item(&tx, prefix, item, &mut applied)?;
        }
        if state.rebuilding.is_some() {
            // Nothing of a rebuild reaches the catalogue in use until it is swapped in whole.
            applied.changes.clear();
        }
        match state.rebuilding {
            Some(_) if caught_up => {
                // The rebuilt catalogue is whole: swap it in, all at once.
                for table in TABLES {
                    tx.execute_batch(&format!(
                        "DELETE FROM {table}; INSERT INTO {table} SELECT * FROM next_{table}; DELETE FROM next_{table};"
                    ))?;
                }
                tx.execute("DELETE FROM meta WHERE key = 'rebuilding'", [])?;
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
        tx.commit()?;
        Ok(applied)
    }

    /// The feed said nothing has changed: the catalogue is whole and current.
    pub fn caught_up(&mut self) -> rusqlite::Result<()> {
        Self::set_meta(&self.conn, "complete", "1")
    }

    /// The cursor expired: rebuild from 0 beside the catalogue in use.
    pub fn start_rebuild(&mut self) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        for table in TABLES {
            tx.execute(&format!("DELETE FROM next_{table}"), [])?;
        }
        Self::set_meta(&tx, "rebuilding", "0")?;
        tx.commit()
    }

    /// A cache written before the compact form held each object as JSON: turn what it
    /// holds into facts and texts once, so the kiosk keeps its catalogue over the upgrade.
    fn migrate_json_objects(&self) -> rusqlite::Result<()> {
        let old: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'objects'",
            [],
            |r| r.get(0),
        )?;
        if !old {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction()?;
        let mut applied = Applied::default();
        {
            // Venues first, so that each activity finds its venue.
            let mut stmt = tx.prepare("SELECT kind, body FROM objects ORDER BY kind DESC")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let value: Value =
                    serde_json::from_str(row.get_ref(1)?.as_str()?).unwrap_or_default();
                let item = if row.get_ref(0)?.as_str()? == "venue" {
                    FeedItem::Venue(value)
                } else {
                    FeedItem::Activity(value)
                };
                store_item(&tx, "", &item, &mut applied)?;
                applied.changes.clear();
            }
        }
        // A rebuild under way starts again from 0 in the new form.
        tx.execute_batch(
            "DROP TABLE objects; DROP TABLE IF EXISTS next_objects;
             DELETE FROM next_venues; DELETE FROM next_activities; DELETE FROM next_texts; DELETE FROM next_seats;
             UPDATE meta SET value = '0' WHERE key = 'rebuilding';",
        )?;
        tx.commit()?;
        tracing::info!(
            set_aside = applied.set_aside,
            "the catalogue cache was turned into its compact form"
        );
        Ok(())
    }

    /// The cached catalogue, with the hub's seat counts, once a sync has caught up; `None`
    /// before that (the seed catalogue is still the one to use). Its activity texts stay in
    /// the file and are read through `texts`. Rows that do not read are left out and logged.
    pub fn load(&self, texts: Box<dyn TextStore>) -> Result<Option<Catalogue>, FileProblems> {
        let storage = |e: rusqlite::Error| FileProblems {
            file: "catalogue cache".into(),
            problems: vec![Problem::at(
                "",
                ProblemKind::Unreadable(crate::outbox::sqlite_fault(&e)),
            )],
        };
        if !self.state().map_err(storage)?.complete {
            return Ok(None);
        }
        self.load_rows(texts).map(Some).map_err(storage)
    }

    fn load_rows(&self, texts: Box<dyn TextStore>) -> rusqlite::Result<Catalogue> {
        let mut set_aside = 0usize;
        let mut venues = Vec::new();
        let mut venue_index: HashMap<Box<str>, u32> = HashMap::new();
        let mut stmt = self.conn.prepare("SELECT key, facts FROM venues")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key = row.get_ref(0)?.as_str()?;
            match facts::decode_venue(key, row.get_ref(1)?.as_blob()?) {
                Some(v) => {
                    venue_index.insert(key.into(), venues.len() as u32);
                    venues.push(v);
                }
                None => set_aside += 1,
            }
        }
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM activities", [], |r| r.get(0))?;
        // Exactly as many as there are: growing a vector of 300,000 would hold two at once.
        let mut activities = Vec::with_capacity(count.max(0) as usize);
        // In key order (the table is kept in it), so the catalogue has nothing to sort.
        let mut stmt = self
            .conn
            .prepare("SELECT key, venue, facts FROM activities ORDER BY key")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key = row.get_ref(0)?.as_str()?;
            let venue = venue_index.get(row.get_ref(1)?.as_str()?).copied();
            let facts = row.get_ref(2)?.as_blob()?;
            match venue.and_then(|v| facts::decode_activity(key, v, facts)) {
                Some(a) => activities.push(a),
                None => set_aside += 1,
            }
        }
        let generated_at = crate::domain::time::now_beijing();
        let mut catalogue = Catalogue::with_store(generated_at, venues, activities, texts);
        let mut stmt = self
            .conn
            .prepare("SELECT activity, date, taken, waiting FROM seats")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let activity = row.get_ref(0)?.as_str()?;
            let date = parse_date(row.get_ref(1)?.as_str()?);
            let (taken, waiting): (u32, u32) = (row.get(2)?, row.get(3)?);
            if let Some(date) = date {
                catalogue.set_seats(activity, date, taken, waiting);
            }
        }
        if set_aside > 0 {
            tracing::warn!(
                set_aside,
                "rows of the catalogue cache did not read and were left out"
            );
        }
        Ok(catalogue)
    }
}

/// Stores one feed item in the tables named with `prefix` (`""` or `"next_"`), adding the
/// change it makes to `applied`. An item that does not pass the catalogue's checks is left
/// out and logged, and the rest of the page goes on.
fn store_item(
    tx: &Connection,
    prefix: &str,
    item: &FeedItem,
    applied: &mut Applied,
) -> rusqlite::Result<()> {
    let mut problems = Vec::new();
    match item {
        FeedItem::Venue(v) => match read_venue(v, "venue", &mut problems) {
            Some(venue) => {
                tx.prepare_cached(&format!(
                    "INSERT INTO {prefix}venues (key, facts) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET facts = ?2"
                ))?
                .execute(params![&*venue.id, facts::encode_venue(&venue)])?;
                applied.changes.push(Change::Venue(venue));
            }
            None => set_aside(applied, "venue", v, &problems),
        },
        FeedItem::Activity(v) => match read_activity(v, "activity", &mut problems) {
            (Some(venue), Some((mut activity, texts))) => {
                tx.prepare_cached(&format!(
                    "INSERT INTO {prefix}activities (key, venue, facts) VALUES (?1, ?2, ?3)
                     ON CONFLICT (key) DO UPDATE SET venue = ?2, facts = ?3"
                ))?
                .execute(params![
                    &*activity.id,
                    &*venue,
                    facts::encode_activity(&activity)
                ])?;
                tx.prepare_cached(&format!(
                    "INSERT INTO {prefix}texts (key, body) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET body = ?2"
                ))?
                .execute(params![&*activity.id, facts::encode_texts(&texts)])?;
                // The hub's seat counts stay apart in the file; the catalogue in memory
                // gets them folded in, as a load would.
                let mut stmt = tx.prepare_cached(&format!(
                    "SELECT date, taken FROM {prefix}seats WHERE activity = ?1"
                ))?;
                let seats = stmt.query_map([&*activity.id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
                })?;
                for seat in seats {
                    let (date, taken) = seat?;
                    if let Some(date) = parse_date(&date) {
                        activity.set_taken(date, taken);
                    }
                }
                applied.changes.push(Change::Activity { activity, venue });
            }
            _ => set_aside(applied, "activity", v, &problems),
        },
        FeedItem::DeletedVenue(key) => {
            tx.prepare_cached(&format!("DELETE FROM {prefix}venues WHERE key = ?1"))?
                .execute([key])?;
            applied.changes.push(Change::VenueGone(key.as_str().into()));
        }
        FeedItem::DeletedActivity(key) => {
            for table in ["activities", "texts"] {
                tx.prepare_cached(&format!("DELETE FROM {prefix}{table} WHERE key = ?1"))?
                    .execute([key])?;
            }
            tx.prepare_cached(&format!("DELETE FROM {prefix}seats WHERE activity = ?1"))?
                .execute([key])?;
            applied
                .changes
                .push(Change::ActivityGone(key.as_str().into()));
        }
        FeedItem::Seats(s) => match parse_date(&s.date) {
            Some(date) => {
                tx.prepare_cached(&format!(
                    "INSERT INTO {prefix}seats (activity, date, taken, waiting) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (activity, date) DO UPDATE SET taken = ?3, waiting = ?4"
                ))?
                .execute(params![s.activity, s.date, s.taken, s.waiting])?;
                applied.changes.push(Change::Seats {
                    activity: s.activity.as_str().into(),
                    date,
                    taken: s.taken,
                    waiting: s.waiting,
                });
            }
            None => {
                // The hub's own words are masked: they may hold anything.
                tracing::warn!(
                    activity = %Masked::from(s.activity.as_str()),
                    date = %Masked::from(s.date.as_str()),
                    "a seats row from the hub has no real date; left out"
                );
                applied.set_aside += 1;
            }
        },
    }
    Ok(())
}

fn set_aside(applied: &mut Applied, kind: &str, value: &Value, problems: &[Problem]) {
    let id = Masked::from(value.get("id").and_then(Value::as_str).unwrap_or("?"));
    // Problems may quote the item's values: masked like every word from the hub.
    let problems = Masked::from(format!("{problems:?}"));
    tracing::warn!(
        kind,
        %id,
        %problems,
        "an item from the hub does not pass the catalogue's checks; left out"
    );
    applied.set_aside += 1;
}

/// Activity texts read from the cache file on their own read-only connection, so a screen
/// never waits for the sync worker's writes.
pub struct CacheTexts {
    conn: Mutex<Connection>,
}

impl CacheTexts {
    /// Opens the cache file for reading texts.
    pub fn open(path: &Path) -> rusqlite::Result<CacheTexts> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(2))?;
        // A few pages of texts are all a screen needs; the default cache would hold 2 MB.
        conn.pragma_update(None, "cache_size", -256)?;
        Ok(CacheTexts {
            conn: Mutex::new(conn),
        })
    }
}

impl TextStore for CacheTexts {
    fn activity_texts(&self, id: &str) -> Option<ActivityTexts> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let body: Option<Vec<u8>> = conn
            .prepare_cached("SELECT body FROM texts WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| tracing::warn!(error = %e, "activity texts could not be read"))
            .ok()
            .flatten();
        facts::decode_texts(&body?)
    }
}
