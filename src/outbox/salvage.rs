//! Rescuing what can be read from a damaged outbox file.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use crate::domain::card::CardNumber;
use crate::outbox::error::OutboxError;
use crate::outbox::page_scan;
use crate::outbox::record::{COLUMNS, Kind, SignupRecord, Status, row_to_record};

/// How many missing ids in a row end the search past the highest id seen (a page of the
/// table holds a few dozen rows, so this spans dozens of lost pages).
const PROBE_PAST_GAP: u32 = 2000;

/// Moves a damaged outbox (with its WAL and shared-memory files) aside, next to itself, and
/// returns the new path. Nothing is deleted: staff can still take it away for a closer look.
pub(super) fn set_aside(path: &Path) -> Result<PathBuf, OutboxError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "outbox".into());
    let mut aside = path.with_file_name(format!("{stem}.damaged-{stamp}.sqlite"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{stem}.damaged-{stamp}-{n}.sqlite"));
        n += 1;
    }
    std::fs::rename(path, &aside).map_err(|e| OutboxError::Other(e.to_string()))?;
    for suffix in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&from, &to).map_err(|e| OutboxError::Other(e.to_string()))?;
        }
    }
    Ok(aside)
}

/// The highest id we can see in the damaged file, by asking for it and by walking the ids as
/// far as the damage lets us.
fn highest_id(old: &Connection) -> i64 {
    let mut max_id: i64 = old
        .query_row("SELECT max(id) FROM signups", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .ok()
        .flatten()
        .unwrap_or(0);
    if let Ok(mut walk) = old.prepare("SELECT id FROM signups ORDER BY id")
        && let Ok(mut rows) = walk.query([])
    {
        while let Ok(Some(row)) = rows.next() {
            if let Ok(id) = row.get::<_, i64>(0) {
                max_id = max_id.max(id);
            }
        }
    }
    max_id
}

/// Copies every sign-up that can still be read from the damaged file into `into`, and
/// returns how many. First through SQLite (one row at a time, so one bad page costs only
/// its rows), then straight off the table's leaf pages for rows a damaged b-tree hides.
pub(super) fn recover_into(damaged: &Path, into: &mut Connection) -> usize {
    let mut found = read_through_sqlite(damaged);
    found.extend(
        page_scan::scan(damaged)
            .into_iter()
            .filter_map(|raw| raw_to_record(&raw)),
    );
    let Ok(tx) = into.transaction() else {
        return 0;
    };
    let mut recovered = 0;
    for record in found {
        // A row whose card no longer passes its check digit was garbled: leave it in the
        // set-aside file rather than send a wrong sign-up.
        if CardNumber::parse(&record.card_digits).is_err()
            || uuid::Uuid::parse_str(&record.uuid).is_err()
        {
            continue;
        }
        // The first copy of a sign-up wins: SQLite's own reading, then the newest pages.
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO signups (uuid, code, card, activity, date, created_at, status, reason, existing, kind, target, place)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                record.uuid,
                record.code,
                record.card_digits,
                record.activity_id,
                record.date.to_string(),
                record.created_at.to_rfc3339(),
                record.status.as_str(),
                record.reason,
                record.existing,
                record.kind.as_str(),
                record.target,
                record.place
            ],
        );
        if matches!(inserted, Ok(1)) {
            recovered += 1;
        }
    }
    match tx.commit() {
        Ok(()) => recovered,
        Err(_) => 0,
    }
}

/// Every row SQLite can still read by id.
fn read_through_sqlite(damaged: &Path) -> Vec<SignupRecord> {
    let Ok(old) = Connection::open_with_flags(damaged, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return Vec::new();
    };
    let max_id = highest_id(&old);
    // A file from an older version has fewer columns: read what it has.
    let has = |columns: &str| {
        old.prepare(&format!("SELECT {columns} FROM signups LIMIT 1"))
            .is_ok()
    };
    let columns = if has("kind, target, place") {
        COLUMNS.to_string()
    } else if has("reason, existing") {
        "uuid, code, card, activity, date, created_at, status, reason, existing, 'signup', NULL, NULL"
            .to_string()
    } else {
        "uuid, code, card, activity, date, created_at, status, NULL, NULL, 'signup', NULL, NULL"
            .to_string()
    };
    let Ok(mut probe) = old.prepare(&format!("SELECT {columns} FROM signups WHERE id = ?1")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // Every id up to the highest seen, then on past it until a long run of gaps: a damaged
    // b-tree can hide the end of the table from both questions in `highest_id`.
    let mut id = 0;
    let mut misses = 0;
    while id < max_id || misses < PROBE_PAST_GAP {
        id += 1;
        match probe.query_row([id], row_to_record) {
            Ok(record) => {
                misses = 0;
                found.push(record);
            }
            Err(_) => misses += 1,
        }
    }
    found
}

/// A row read off a page, as a record, if every column reads as it should.
fn raw_to_record(raw: &page_scan::RawRow) -> Option<SignupRecord> {
    let [uuid, code, card, activity, date, created_at, status] = &raw.texts;
    let extra = |i: usize| raw.extra.get(i).cloned().flatten();
    Some(SignupRecord {
        uuid: uuid.clone(),
        code: code.clone(),
        card_digits: card.clone(),
        activity_id: activity.clone(),
        date: crate::catalogue::load::parse_date(date)?,
        created_at: crate::domain::time::parse_moment(created_at)?,
        status: Status::parse(status)?,
        reason: extra(0),
        existing: extra(1),
        // A row from before cancels and check-ins is a sign-up.
        kind: extra(3).map_or(Some(Kind::Signup), |k| Kind::parse(&k))?,
        target: extra(4),
        place: extra(5).and_then(|p| p.parse().ok()),
    })
}
