//! Rescuing what can be read from a damaged outbox file.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use crate::domain::card::CardNumber;
use crate::outbox::store::{OutboxError, row_to_record};

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

/// Copies every sign-up that can still be read from the damaged file into `into`, and
/// returns how many. Rows are probed one by one past a damaged stretch, so one bad page
/// costs only the rows on it.
pub(super) fn recover_into(damaged: &Path, into: &mut Connection) -> usize {
    let Ok(old) = Connection::open_with_flags(damaged, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    let max_id: i64 = old
        .query_row("SELECT max(id) FROM signups", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .ok()
        .flatten()
        .unwrap_or(0);
    let Ok(mut probe) = old.prepare(
        "SELECT uuid, code, card, activity, date, created_at, status FROM signups WHERE id = ?1",
    ) else {
        return 0;
    };
    let Ok(tx) = into.transaction() else {
        return 0;
    };
    let mut recovered = 0;
    // A damaged b-tree can hide max(id); look a little past it as well.
    for id in 1..=max_id.max(0) + 1000 {
        let Ok(record) = probe.query_row([id], row_to_record) else {
            continue;
        };
        // A row whose card no longer passes its check digit was garbled: leave it in the
        // set-aside file rather than send a wrong sign-up.
        if CardNumber::parse(&record.card_digits).is_err()
            || uuid::Uuid::parse_str(&record.uuid).is_err()
        {
            continue;
        }
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO signups (uuid, code, card, activity, date, created_at, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                record.uuid,
                record.code,
                record.card_digits,
                record.activity_id,
                record.date.to_string(),
                record.created_at.to_rfc3339(),
                record.status.as_str()
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
