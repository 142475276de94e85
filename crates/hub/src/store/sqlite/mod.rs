//! The hub's store in one SQLite file, and the only place the hub's SQL lives: the kiosks
//! and their token hashes, the catalogue as a compacted change log (the feed), seat counts,
//! and every sign-up with the answer it was given.

mod cancels;
mod cards;
mod catalogue;
mod checkins;
mod feed;
mod judge;
mod kiosks;
#[cfg(test)]
mod lifecycle_tests;
mod mend;
mod reports;
mod seats;
mod signups;
mod waiting;

use std::path::Path;
use std::sync::Mutex;

use learning_wire::{BatchAnswer, CardAnswer, SignupItem};
use rusqlite::{Connection, OptionalExtension, params};

use crate::store::{
    Arrival, Attendance, Cursor, FeedAnswer, ImportError, Imported, Mended, Status, Store,
    StoreError, StoredSignup,
};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS kiosks (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
-- The feed: the newest version of each object, numbered by the change that made it.
-- body NULL is a tombstone. kind: venue, activity, seats.
CREATE TABLE IF NOT EXISTS objects (
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    seq         INTEGER NOT NULL UNIQUE,
    body        TEXT,
    changed_at  TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS signups (
    uuid         TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    kiosk        TEXT NOT NULL,
    card         TEXT NOT NULL,
    activity     TEXT NOT NULL,
    date         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT,
    existing     TEXT,
    received_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signups_session ON signups (activity, date, status);
CREATE INDEX IF NOT EXISTS signups_card ON signups (card, activity, date);
-- Sign-ups an older hub stored in forms that do not read, moved here as they were: the
-- columns of signups (taken from it, so the two never drift apart) and why.
CREATE TABLE IF NOT EXISTS set_aside AS SELECT *, '' AS why FROM signups WHERE 0;
CREATE UNIQUE INDEX IF NOT EXISTS set_aside_uuid ON set_aside (uuid);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
-- Cancels: each with the sign-up it gives up (which may not have arrived yet).
CREATE TABLE IF NOT EXISTS cancels (
    uuid         TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    kiosk        TEXT NOT NULL,
    card         TEXT NOT NULL,
    target       TEXT NOT NULL,
    activity     TEXT NOT NULL,
    date         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT,
    received_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cancels_target ON cancels (target);
-- Check-ins: attendance, with what the Credit Bank is handed.
CREATE TABLE IF NOT EXISTS attendance (
    uuid         TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    kiosk        TEXT NOT NULL,
    card         TEXT NOT NULL,
    activity     TEXT NOT NULL,
    date         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT,
    existing     TEXT,
    minutes      INTEGER NOT NULL DEFAULT 0,
    credits      REAL NOT NULL DEFAULT 0,
    venue        TEXT NOT NULL DEFAULT '',
    district     TEXT NOT NULL DEFAULT '',
    title_zh     TEXT NOT NULL DEFAULT '',
    title_en     TEXT NOT NULL DEFAULT '',
    received_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attendance_card ON attendance (card, activity, date);
";

/// Columns protocol 2 added to older files' tables: (table, column, its definition).
const ADDED_COLUMNS: [(&str, &str, &str); 7] = [
    ("signups", "kind", "TEXT NOT NULL DEFAULT 'signup'"),
    // When the sign-up was taken, on the hub's clock (ms since 1970): the waiting order.
    ("signups", "queue_ms", "INTEGER"),
    ("signups", "promoted_at", "TEXT"),
    // 0: moved up from the waiting list and not yet told at a card look-up.
    ("signups", "told", "INTEGER NOT NULL DEFAULT 1"),
    ("signups", "cancelled_by", "TEXT"),
    ("kiosks", "clock_offset_ms", "INTEGER"),
    ("kiosks", "clock_seen_at", "TEXT"),
];

/// Adds the columns an older file lacks (the columns are added at the end, so the rows and
/// every older reader stay as they were).
fn add_columns(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column, definition) in ADDED_COLUMNS {
        let has: bool = conn
            .prepare(&format!(
                "SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1"
            ))?
            .exists([column])?;
        if !has {
            conn.execute_batch(&format!(
                "ALTER TABLE {table} ADD COLUMN {column} {definition}"
            ))?;
        }
    }
    conn.execute_batch(
        "CREATE INDEX IF NOT EXISTS signups_waiting ON signups (activity, date, status, queue_ms)",
    )
}

/// The hub's store in one SQLite file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
    mended: Mended,
    /// How long before a session's start the waiting list stops moving up.
    promote_until: chrono::Duration,
    /// A fixed time for the hub's clock (tests only).
    pinned: Option<chrono::DateTime<chrono::Utc>>,
}

/// By default a waiting list stops moving up two hours before the session.
pub const PROMOTE_UNTIL_HOURS: i64 = 2;

impl SqliteStore {
    /// Opens (or creates) the hub's file; a file from before the hub took only canonical
    /// forms is mended first, once ([`SqliteStore::mended`] says what that did).
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let open = || -> rusqlite::Result<(Connection, Mended)> {
            let mut conn = Connection::open(path)?;
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // An answer sent to a kiosk is durable first: the kiosk forgets nothing it was
            // told.
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.execute_batch(SCHEMA)?;
            add_columns(&conn)?;
            let mended = mend::canonical_forms(&mut conn)?;
            Ok((conn, mended))
        };
        let (conn, mended) = open()?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
            mended,
            promote_until: chrono::Duration::hours(PROMOTE_UNTIL_HOURS),
            pinned: None,
        })
    }

    /// The hub's clock.
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.pinned.unwrap_or_else(chrono::Utc::now)
    }

    /// Pins the hub's clock (for tests of time-bound rules).
    #[cfg(test)]
    pub fn pin_clock(&mut self, at: chrono::DateTime<chrono::Utc>) {
        self.pinned = Some(at);
    }

    /// Sets how many hours before a session's start its waiting list stops moving up (a
    /// freed seat is then open to anyone).
    pub fn promote_until_hours(mut self, hours: i64) -> SqliteStore {
        self.promote_until = chrono::Duration::hours(hours);
        self
    }

    /// What opening mended in an older file (nothing, usually).
    pub fn mended(&self) -> &Mended {
        &self.mended
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::new(e)
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> ImportError {
        ImportError::Store(e.into())
    }
}

impl Store for SqliteStore {
    fn kiosk_by_token(&self, token: &str) -> Result<Option<String>, StoreError> {
        Ok(kiosks::by_token(&self.conn(), token)?)
    }

    fn kiosk_exists(&self, id: &str) -> Result<bool, StoreError> {
        Ok(kiosks::exists(&self.conn(), id)?)
    }

    fn set_kiosk_token(&self, id: &str, token: &str) -> Result<(), StoreError> {
        Ok(kiosks::set_token(&self.conn(), id, token)?)
    }

    fn feed_page(
        &self,
        cursor: Cursor,
        limit: u32,
        if_none_match: Option<&str>,
    ) -> Result<FeedAnswer, StoreError> {
        Ok(feed::page(&self.conn(), cursor, limit, if_none_match)?)
    }

    fn answer_batch(
        &self,
        from: &Arrival,
        items: &[SignupItem],
    ) -> Result<BatchAnswer, StoreError> {
        let mut conn = self.conn();
        kiosks::note_clock(&conn, from)?;
        let offset = kiosks::clock_offset(&conn, from)?;
        Ok(signups::answer_batch(
            &mut conn,
            &judge::Judge {
                kiosk: &from.kiosk,
                offset_ms: offset,
                promote_until: self.promote_until,
                now: self.now(),
            },
            items,
        )?)
    }

    fn card(&self, from: &Arrival, card: &str) -> Result<CardAnswer, StoreError> {
        let mut conn = self.conn();
        kiosks::note_clock(&conn, from)?;
        Ok(cards::look_up(&mut conn, card, self.now())?)
    }

    fn note_clock(&self, from: &Arrival) -> Result<(), StoreError> {
        Ok(kiosks::note_clock(&self.conn(), from)?)
    }

    fn attendance(&self, since: Option<&str>) -> Result<Vec<Attendance>, StoreError> {
        Ok(reports::attendance(&self.conn(), since)?)
    }

    fn import(&self, path: &Path) -> Result<Imported, ImportError> {
        let (until, now) = (self.promote_until, self.now());
        // Seats an import frees go to those waiting, in the import's transaction.
        catalogue::import(&mut self.conn(), path, &|tx, activity, date| {
            waiting::fill(tx, activity, date, until, now).map(|_| ())
        })
    }

    fn last_seq(&self) -> Result<u64, StoreError> {
        Ok(last_seq(&self.conn())?)
    }

    fn purge_tombstones(&self, days: i64) -> Result<usize, StoreError> {
        Ok(purge_tombstones(&mut self.conn(), days)?)
    }

    fn signups(&self) -> Result<Vec<StoredSignup>, StoreError> {
        Ok(reports::signups(&self.conn())?)
    }

    fn set_aside(&self) -> Result<Vec<(StoredSignup, String)>, StoreError> {
        Ok(reports::set_aside(&self.conn())?)
    }

    fn status(&self) -> Result<Status, StoreError> {
        Ok(reports::status(&self.conn())?)
    }
}

/// The newest change number (0 for an empty catalogue). Purged tombstones count: a number
/// once handed out is never handed out again, or a caught-up kiosk would miss the change
/// that reused it.
fn last_seq(conn: &Connection) -> rusqlite::Result<u64> {
    // max() over the unique index on seq: one step down the index, not a scan.
    let kept: i64 = conn
        .prepare_cached("SELECT COALESCE(max(seq), 0) FROM objects")?
        .query_row([], |r| r.get(0))?;
    Ok((kept as u64).max(purge_floor(conn)?))
}

/// The oldest cursor still served: changes up to it may have lost purged tombstones.
fn purge_floor(conn: &Connection) -> rusqlite::Result<u64> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'purge_floor'")?
        .query_row([], |r| r.get::<_, i64>(0))
        .optional()?
        .unwrap_or(0) as u64)
}

/// How many imports have changed the catalogue: an import checks that none landed while
/// it worked out its changes.
fn catalogue_version(conn: &Connection) -> rusqlite::Result<u64> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'catalogue_version'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .unwrap_or(0) as u64)
}

/// Counts one more import that changed the catalogue.
fn bump_catalogue_version(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('catalogue_version', 1)
         ON CONFLICT (key) DO UPDATE SET value = value + 1",
        [],
    )?;
    Ok(())
}

/// Records a change to an object, numbered after every change so far. Unchanged bodies
/// are not changes.
fn put(conn: &Connection, kind: &str, key: &str, body: Option<&str>) -> rusqlite::Result<bool> {
    let current: Option<Option<String>> = conn
        .prepare_cached("SELECT body FROM objects WHERE kind = ?1 AND key = ?2")?
        .query_row(params![kind, key], |r| r.get(0))
        .optional()?;
    if current.as_ref().map(|b| b.as_deref()) == Some(body) {
        return Ok(false);
    }
    if current.is_none() && body.is_none() {
        return Ok(false);
    }
    let seq = last_seq(conn)? + 1;
    conn.prepare_cached(
        "INSERT INTO objects (kind, key, seq, body, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (kind, key) DO UPDATE SET seq = ?3, body = ?4, changed_at = ?5",
    )?
    .execute(params![
        kind,
        key,
        seq as i64,
        body,
        chrono::Utc::now().to_rfc3339()
    ])?;
    Ok(true)
}

/// Forgets tombstones older than `days` and raises the oldest cursor served past them, in
/// one transaction (the floor first): a crash between the two would let a kiosk below the
/// floor miss a deletion, or hand out a change number again.
fn purge_tombstones(conn: &mut Connection, days: i64) -> rusqlite::Result<usize> {
    let cutoff = (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339();
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let newest_purged: Option<i64> = tx.query_row(
        "SELECT max(seq) FROM objects WHERE body IS NULL AND changed_at < ?1",
        [&cutoff],
        |r| r.get(0),
    )?;
    let Some(newest) = newest_purged else {
        return Ok(0);
    };
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('purge_floor', ?1)
         ON CONFLICT (key) DO UPDATE SET value = max(value, ?1)",
        [newest],
    )?;
    let n = tx.execute(
        "DELETE FROM objects WHERE body IS NULL AND changed_at < ?1",
        [&cutoff],
    )?;
    tx.commit()?;
    Ok(n)
}
