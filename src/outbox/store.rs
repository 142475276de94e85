//! Opening the outbox and saving to it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::code::code_from;
use crate::outbox::error::{OutboxError, is_corruption};
use crate::outbox::record::{COLUMNS, DamagedRow, read_rows, row_to_record};
use crate::outbox::record::{Kind, SignupRecord, Status};
use crate::outbox::salvage;

const SCHEMA_VERSION: i32 = 3;

/// One table for every item, so they go out oldest first in the same batches. A card may
/// hold a session again after cancelling it, so (card, activity, date) is not unique: the
/// saving transaction decides what a card already holds.
const TABLE: &str = "
CREATE TABLE IF NOT EXISTS signups (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    card        TEXT NOT NULL,
    activity    TEXT NOT NULL,
    date        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT,
    existing    TEXT,
    answered_at TEXT,
    kind        TEXT NOT NULL DEFAULT 'signup',
    target      TEXT,
    place       INTEGER
);
";

const INDEXES: &str = "
CREATE INDEX IF NOT EXISTS signups_session ON signups (activity, date);
CREATE INDEX IF NOT EXISTS signups_status ON signups (status, id);
CREATE INDEX IF NOT EXISTS signups_card ON signups (card, activity, date);
CREATE INDEX IF NOT EXISTS signups_target ON signups (target);
";

/// Version 1 had no hub answers.
const FROM_V1: &str = "
ALTER TABLE signups ADD COLUMN reason TEXT;
ALTER TABLE signups ADD COLUMN existing TEXT;
ALTER TABLE signups ADD COLUMN answered_at TEXT;
";

/// Version 2 held only sign-ups, one a card and session: the table is built again without
/// that constraint, its rows copied in order (the ids keep the sending order).
const FROM_V2: &str = "
ALTER TABLE signups RENAME TO signups_v2;
DROP INDEX IF EXISTS signups_session;
DROP INDEX IF EXISTS signups_status;
";
const FROM_V2_COPY: &str = "
INSERT INTO signups (id, uuid, code, card, activity, date, created_at, status, reason, existing, answered_at)
    SELECT id, uuid, code, card, activity, date, created_at, status, reason, existing, answered_at
    FROM signups_v2;
DROP TABLE signups_v2;
";

/// A place-kind row `s` that still holds (or may hold) its place: not refused, not full, not
/// cancelled, and no cancel of it saved that the hub has not refused.
const HOLDING: &str = "s.kind IN ('signup', 'waitlist')
    AND s.status NOT IN ('cancelled', 'full', 'invalid')
    AND NOT EXISTS (SELECT 1 FROM signups c WHERE c.kind = 'cancel' AND c.target = s.uuid
                    AND c.status NOT IN ('invalid'))";

/// The outbox, open.
pub struct Outbox {
    conn: Connection,
    path: PathBuf,
    /// A shared lock held while open: repairing a damaged file needs it exclusively, so the
    /// file is never moved away from a kiosk that is using it.
    _lock: std::fs::File,
}

/// What happened when the outbox was opened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// A damaged file that was moved aside, if any.
    pub set_aside: Option<PathBuf>,
    /// Sign-ups read back out of the damaged file into the new one.
    pub recovered: usize,
}

/// Why a save did not happen: the one error type of the save path, from the outbox up to the
/// screen (`signup::SignupError` is this with the rules' reasons).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError<R> {
    /// The rules refused the sign-up, for this reason.
    #[error("refused: {0:?}")]
    Refused(R),
    /// The outbox could not save.
    #[error(transparent)]
    Storage(#[from] OutboxError),
}

/// The result of a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// A new sign-up, now durable.
    New(SignupRecord),
    /// The card already held this session: the existing sign-up.
    Existing(SignupRecord),
}

impl Saved {
    /// The sign-up, new or existing.
    pub fn record(&self) -> &SignupRecord {
        match self {
            Saved::New(r) | Saved::Existing(r) => r,
        }
    }
}

/// Opens a connection with the durability settings every write relies on.
fn open_connection(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL keeps readers off the writer; FULL syncs the WAL on every commit, so a power cut
    // after "saved" cannot lose the sign-up.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

/// The full check, not `quick_check`: damaged row contents leave the page structure intact
/// and are only caught by comparing rows with their indexes.
fn check_integrity(conn: &Connection) -> rusqlite::Result<bool> {
    let result: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    Ok(result == "ok")
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    // All in one transaction: a power cut mid-way leaves the old file as it was.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if version == 1 {
        tx.execute_batch(FROM_V1)?;
    }
    let copy = (1..=2).contains(&version);
    if copy {
        tx.execute_batch(FROM_V2)?;
    }
    tx.execute_batch(TABLE)?;
    if copy {
        tx.execute_batch(FROM_V2_COPY)?;
    }
    tx.execute_batch(INDEXES)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}

fn open_checked(path: &Path) -> Result<Connection, rusqlite::Error> {
    // SQLite reads a zero-byte file as a new, empty database; but an outbox once made holds
    // its schema at least, so an empty file is one whose sign-ups were lost: damage, said so.
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some("a zero-byte file".into()),
        ));
    }
    let conn = open_connection(path)?;
    if !check_integrity(&conn)? {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some("integrity check failed".into()),
        ));
    }
    let mut conn = conn;
    migrate(&mut conn)?;
    Ok(conn)
}

impl Outbox {
    /// Opens (or creates) the outbox at `path`. A damaged file is moved aside, what can be read
    /// from it is copied into a fresh outbox, and the report says so.
    pub fn open(path: &Path) -> Result<(Outbox, OpenReport), OutboxError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| OutboxError::ReadOnly(e.to_string()))?;
        }
        let lock_path = PathBuf::from(format!("{}.lock", path.display()));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| OutboxError::ReadOnly(e.to_string()))?;
        lock.lock_shared()
            .map_err(|e| OutboxError::Other(e.to_string()))?;
        match open_checked(path) {
            Ok(conn) => Ok((
                Outbox {
                    conn,
                    path: path.to_path_buf(),
                    _lock: lock,
                },
                OpenReport::default(),
            )),
            Err(err) if is_corruption(&err) => {
                // Repair only when nobody else has the file open.
                let _ = lock.unlock();
                if lock.try_lock().is_err() {
                    tracing::error!(path = %path.display(), "outbox damaged but in use");
                    return Err(OutboxError::InUse);
                }
                tracing::error!(error = %err, path = %path.display(), "outbox damaged; setting it aside");
                let set_aside = salvage::set_aside(path)?;
                let mut conn = open_checked(path)?;
                let recovered = salvage::recover_into(&set_aside, &mut conn);
                tracing::warn!(recovered, set_aside = %set_aside.display(), "outbox rebuilt");
                let _ = lock.unlock();
                lock.lock_shared()
                    .map_err(|e| OutboxError::Other(e.to_string()))?;
                Ok((
                    Outbox {
                        conn,
                        path: path.to_path_buf(),
                        _lock: lock,
                    },
                    OpenReport {
                        set_aside: Some(set_aside),
                        recovered,
                    },
                ))
            }
            Err(err) => Err(err.into()),
        }
    }

    /// Where the outbox lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves a sign-up in one transaction, after `rules` accept it given the sign-ups this
    /// kiosk holds for the session that no hub has counted yet; the rules say which kind
    /// (a seat, or a place on the waiting list). A card that already holds the session gets
    /// that place back. When this returns `Ok`, the sign-up is on disk.
    pub fn save<R>(
        &mut self,
        card: &CardNumber,
        activity_id: &str,
        date: NaiveDate,
        now: &Moment,
        rules: impl FnOnce(u32) -> Result<Kind, R>,
    ) -> Result<Saved, SaveError<R>> {
        let storage = |e: rusqlite::Error| SaveError::Storage(e.into());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(storage)?;
        let date_text = date.to_string();
        let existing = tx
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM signups s WHERE card = ?1 AND activity = ?2 AND date = ?3
                     AND {HOLDING} ORDER BY id DESC LIMIT 1"
                ),
                params![card.digits(), activity_id, date_text],
                row_to_record,
            )
            .optional()
            .map_err(storage)?;
        if let Some(record) = existing {
            return Ok(Saved::Existing(record));
        }
        let held = held_in(&tx, activity_id, &date_text).map_err(storage)?;
        let kind = rules(held).map_err(SaveError::Refused)?;
        let new = Item {
            kind,
            card,
            activity_id,
            date,
            target: None,
        };
        let record = insert(&tx, &new, now).map_err(storage)?;
        tx.commit().map_err(storage)?;
        Ok(Saved::New(record))
    }

    /// Saves a cancel of the sign-up `of`, in one transaction; a cancel of it already saved
    /// is given back (a cancel is made once). The caller has checked the session has not
    /// started.
    pub fn save_cancel(&mut self, of: &CancelOf, now: &Moment) -> Result<Saved, OutboxError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM signups WHERE kind = 'cancel' AND target = ?1
                     AND status NOT IN ('invalid') ORDER BY id LIMIT 1"
                ),
                [&of.uuid],
                row_to_record,
            )
            .optional()?;
        if let Some(record) = existing {
            return Ok(Saved::Existing(record));
        }
        let new = Item {
            kind: Kind::Cancel,
            card: &of.card,
            activity_id: &of.activity_id,
            date: of.date,
            target: Some(&of.uuid),
        };
        let record = insert(&tx, &new, now)?;
        tx.commit()?;
        Ok(Saved::New(record))
    }

    /// Saves a check-in of a card to a session, in one transaction; a check-in of the card to
    /// that session already saved is given back (attendance counts once).
    pub fn save_checkin(
        &mut self,
        card: &CardNumber,
        activity_id: &str,
        date: NaiveDate,
        now: &Moment,
    ) -> Result<Saved, OutboxError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM signups WHERE kind = 'checkin' AND card = ?1
                     AND activity = ?2 AND date = ?3 AND status NOT IN ('invalid')
                     ORDER BY id LIMIT 1"
                ),
                params![card.digits(), activity_id, date.to_string()],
                row_to_record,
            )
            .optional()?;
        if let Some(record) = existing {
            return Ok(Saved::Existing(record));
        }
        let new = Item {
            kind: Kind::Checkin,
            card,
            activity_id,
            date,
            target: None,
        };
        let record = insert(&tx, &new, now)?;
        tx.commit()?;
        Ok(Saved::New(record))
    }

    /// The item with this code (as staff type it: any case, with or without the dash).
    pub fn by_code(&self, code: &str) -> Result<Option<SignupRecord>, OutboxError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM signups WHERE replace(upper(code), '-', '') = ?1"
        ))?;
        let found = read_rows(&mut stmt, [code.to_uppercase().replace('-', "")])?.0;
        Ok(found.into_iter().next())
    }

    /// Everything saved for a card (sign-ups, cancels, check-ins), soonest session first.
    pub fn for_card(&self, card: &CardNumber) -> Result<Vec<SignupRecord>, OutboxError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM signups WHERE card = ?1 ORDER BY date, id"
        ))?;
        Ok(read_rows(&mut stmt, [card.digits()])?.0)
    }

    /// Every sign-up, oldest first.
    pub fn all(&self) -> Result<Vec<SignupRecord>, OutboxError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM signups ORDER BY id"))?;
        Ok(read_rows(&mut stmt, [])?.0)
    }

    /// Rows that cannot be read as sign-ups, oldest first (each is also set aside: see
    /// [`Outbox::waiting`]).
    pub fn damaged(&self) -> Result<Vec<DamagedRow>, OutboxError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM signups ORDER BY id"))?;
        Ok(read_rows(&mut stmt, [])?.1)
    }

    /// How many sign-ups there are in each status.
    pub fn counts(&self) -> Result<BTreeMap<Status, u32>, OutboxError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT status, COUNT(*) FROM signups GROUP BY status")?;
        let mut counts = BTreeMap::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
        for row in rows {
            let (status, n) = row?;
            if let Some(status) = Status::parse(&status) {
                counts.insert(status, n);
            }
        }
        Ok(counts)
    }

    /// Sign-ups held per session that no hub has counted yet (a cancelled one holds no
    /// seat).
    pub fn held(&self) -> Result<HashMap<(String, NaiveDate), u32>, OutboxError> {
        self.per_session(&format!("s.status = 'waiting' AND {HOLDING}"))
    }

    /// Check-ins saved on this kiosk per session (activity id, date), refused ones left out.
    pub fn checkins(&self) -> Result<HashMap<(String, NaiveDate), u32>, OutboxError> {
        self.per_session("s.kind = 'checkin' AND s.status NOT IN ('invalid')")
    }

    /// How many rows `s` meet `condition`, per session (activity id, date).
    fn per_session(
        &self,
        condition: &str,
    ) -> Result<HashMap<(String, NaiveDate), u32>, OutboxError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT activity, date, COUNT(*) FROM signups s WHERE {condition}
             GROUP BY activity, date"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut counts = HashMap::new();
        for row in rows {
            let (activity, date, n) = row?;
            if let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                counts.insert((activity, date), n);
            }
        }
        Ok(counts)
    }

    /// Sets `synchronous` (the benchmark's baseline measures what FULL costs; the kiosk never
    /// calls this).
    #[cfg(feature = "test-hooks")]
    pub fn set_synchronous_for_benchmark(&self, mode: &str) {
        let _ = self.conn.pragma_update(None, "synchronous", mode);
    }

    /// Items waiting to be sent, oldest first. A waiting row that does not read is set
    /// aside for staff (parked as damaged), so the rows behind it still go.
    pub fn waiting(&self, limit: usize) -> Result<Vec<SignupRecord>, OutboxError> {
        self.waiting_of(limit, true)
    }

    /// Items waiting to be sent, oldest first: every kind, or (`every_kind` false, for a hub
    /// before protocol 2) only sign-ups.
    pub fn waiting_of(
        &self,
        limit: usize,
        every_kind: bool,
    ) -> Result<Vec<SignupRecord>, OutboxError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM signups WHERE status = 'waiting'
             AND (?2 OR kind = 'signup') ORDER BY id LIMIT ?1"
        ))?;
        let (good, damaged) = read_rows(&mut stmt, params![limit as i64, every_kind])?;
        for row in &damaged {
            tracing::warn!(uuid = %row.uuid, problem = %row.problem, "an outbox row does not read; set aside for staff");
            self.conn.execute(
                "UPDATE signups SET status = 'parked', reason = ?1 WHERE uuid = ?2 AND status = 'waiting'",
                params![format!("damaged: {}", row.problem), row.uuid],
            )?;
        }
        if !damaged.is_empty() && good.len() < limit {
            // The rows set aside left room in this batch for others.
            return self.waiting_of(limit, every_kind);
        }
        Ok(good)
    }

    /// Records the hub's answers, all in one transaction. Only waiting sign-ups take an
    /// answer: an answer is never overwritten.
    pub fn record_answers(
        &mut self,
        answers: &[(String, learning_wire::Answer)],
        now: &Moment,
    ) -> Result<usize, OutboxError> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for (uuid, answer) in answers {
            let reason = answer.reason.map(|r| r.as_str());
            n += tx.execute(
                "UPDATE signups SET status = ?1, reason = ?2, existing = ?3, answered_at = ?4,
                 place = ?6 WHERE uuid = ?5 AND status = 'waiting'",
                params![
                    Status::from_answer(answer.status).as_str(),
                    reason,
                    answer.existing,
                    now.to_rfc3339(),
                    uuid,
                    answer.place
                ],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// The latest sign-ups that need staff (parked, or refused as invalid), newest first.
    pub fn needing_staff(&self, limit: usize) -> Result<Vec<SignupRecord>, OutboxError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM signups WHERE status IN ('parked', 'invalid')
             ORDER BY id DESC LIMIT ?1"
        ))?;
        Ok(read_rows(&mut stmt, [limit as i64])?.0)
    }

    /// Holds a sign-up the hub cannot read for staff; it is not sent again.
    pub fn park(&self, uuid: &str, why: &str, now: &Moment) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE signups SET status = 'parked', reason = ?1, answered_at = ?2
             WHERE uuid = ?3 AND status = 'waiting'",
            params![why, now.to_rfc3339(), uuid],
        )?;
        Ok(())
    }

    /// Held sign-ups that [`Outbox::resend_held`] would send again.
    pub fn resendable(&self) -> Result<u32, OutboxError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM signups
             WHERE status = 'parked' AND coalesce(reason, '') NOT LIKE 'damaged:%'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Sends held sign-ups again at the next sync (all of them, or the one with this code);
    /// how many. A damaged row stays held: it cannot be read, so it cannot be sent. The
    /// hub's idempotency makes a resend of one it already has safe.
    pub fn resend_held(&self, code: Option<&str>) -> Result<usize, OutboxError> {
        Ok(self.conn.execute(
            "UPDATE signups SET status = 'waiting', reason = NULL, answered_at = NULL
             WHERE status = 'parked' AND coalesce(reason, '') NOT LIKE 'damaged:%'
               AND (?1 IS NULL OR replace(upper(code), '-', '') = ?1)",
            // As staff type it: any case, with or without the dash.
            params![code.map(|c| c.to_uppercase().replace('-', ""))],
        )?)
    }

    /// The journal mode and the `synchronous` level (2 = FULL) of this connection, which is
    /// what makes "saved" durable.
    pub fn durability(&self) -> Result<(String, i64), OutboxError> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let sync: i64 = self
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        Ok((mode, sync))
    }

    /// Caps the file's size in pages (tests use it to make the disk "full").
    #[cfg(feature = "test-hooks")]
    pub fn limit_pages(&self, pages: u32) -> Result<(), OutboxError> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }
}

/// What a new row is.
struct Item<'a> {
    kind: Kind,
    card: &'a CardNumber,
    activity_id: &'a str,
    date: NaiveDate,
    target: Option<&'a str>,
}

/// The sign-up a cancel gives up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancelOf {
    /// Its UUID.
    pub uuid: String,
    /// The card that holds it.
    pub card: CardNumber,
    /// Its activity.
    pub activity_id: String,
    /// Its session's date.
    pub date: NaiveDate,
}

/// Sign-ups this kiosk holds for a session that no hub has counted yet.
fn held_in(tx: &Connection, activity_id: &str, date: &str) -> rusqlite::Result<u32> {
    tx.query_row(
        &format!(
            "SELECT COUNT(*) FROM signups s WHERE activity = ?1 AND date = ?2
             AND status = 'waiting' AND {HOLDING}"
        ),
        params![activity_id, date],
        |r| r.get(0),
    )
}

/// Inserts a new waiting row with a fresh UUID and code. The code is short, so on the rare
/// clash with an earlier code, it draws again.
fn insert(tx: &Connection, item: &Item<'_>, now: &Moment) -> rusqlite::Result<SignupRecord> {
    let mut attempt = 0;
    loop {
        let uuid = uuid::Uuid::new_v4();
        let record = SignupRecord {
            uuid: uuid.to_string(),
            kind: item.kind,
            target: item.target.map(str::to_string),
            code: code_from(&uuid),
            card_digits: item.card.digits().to_string(),
            activity_id: item.activity_id.to_string(),
            date: item.date,
            created_at: *now,
            status: Status::Waiting,
            reason: None,
            existing: None,
            place: None,
        };
        let inserted = tx.execute(
            "INSERT INTO signups (uuid, code, card, activity, date, created_at, status, kind, target)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                record.uuid,
                record.code,
                record.card_digits,
                record.activity_id,
                record.date.to_string(),
                record.created_at.to_rfc3339(),
                record.status.as_str(),
                record.kind.as_str(),
                record.target
            ],
        );
        match inserted {
            Ok(_) => return Ok(record),
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) && attempt < 8 =>
            {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}
