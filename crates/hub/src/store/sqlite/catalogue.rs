//! The hub's catalogue: imported from a `learning-catalogue/1` file (checked by the very
//! loader the kiosks use), kept as objects in the change log, and read one activity at a
//! time to judge sign-ups. Nothing of it is held in memory: the hub's memory does not grow
//! with the catalogue.

use std::path::Path;

use learning_core::catalogue::load::{Sink, check_reader, open_file, read_activity};
use learning_core::catalogue::{Activity, ActivityTexts, Venue};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use crate::store::{ImportError, Imported};

/// Writes each checked item's JSON into the import's staging table as the file streams by.
struct Stage<'c> {
    conn: &'c Connection,
    failed: Option<rusqlite::Error>,
}

impl Stage<'_> {
    fn put(&mut self, kind: &str, id: &str, raw: &Value) {
        if self.failed.is_some() {
            return;
        }
        let body = raw.to_string();
        let done = self
            .conn
            .prepare_cached(
                "INSERT OR REPLACE INTO temp.staged (kind, key, body) VALUES (?1, ?2, ?3)",
            )
            .and_then(|mut stmt| stmt.execute(params![kind, id, body]));
        if let Err(e) = done {
            self.failed = Some(e);
        }
    }
}

impl Sink for Stage<'_> {
    fn venue(&mut self, venue: Venue, raw: &Value) {
        self.put("venue", &venue.id, raw);
    }

    fn activity(&mut self, activity: Activity, _: ActivityTexts, raw: &Value) {
        self.put("activity", &activity.id, raw);
    }

    fn late_venue(&mut self, _: usize, _: u32) {}
}

const STAGING: &str = "
DROP TABLE IF EXISTS temp.staged;
DROP TABLE IF EXISTS temp.changes;
CREATE TEMP TABLE staged (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, key));
CREATE TEMP TABLE changes (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT);
";

/// Imports a catalogue file whole, or not at all. `recount` is run, in the import's
/// transaction, for each session with places of an activity that changed (its seats are
/// published again and its waiting list moved into any seat that came free).
///
/// The file streams through the kiosks' own checks into a staging table on disk, so memory
/// stays flat whatever its size. What differs from the feed is worked out while serving goes
/// on; only the changes themselves are written under the write lock, so a re-import that
/// changes one activity holds sign-ups up for one activity's worth of work.
pub fn import(
    conn: &mut Connection,
    path: &Path,
    recount: &dyn Fn(&Connection, &str, &str) -> rusqlite::Result<()>,
) -> Result<Imported, ImportError> {
    let label = path.display().to_string();
    let reader = open_file(path).map_err(ImportError::Problems)?;
    conn.execute_batch(STAGING)?;
    let staged = {
        let tx = conn.transaction()?;
        let stage = Stage {
            conn: &tx,
            failed: None,
        };
        let (stage, _) = check_reader(reader, &label, stage).map_err(ImportError::Problems)?;
        if let Some(e) = stage.failed {
            return Err(e.into());
        }
        tx.commit()?;
        conn.query_row("SELECT count(*) FROM temp.staged", [], |r| {
            r.get::<_, i64>(0)
        })? as usize
    };
    // Another import may land between working out the changes and writing them: then the
    // changes are worked out again against what it left.
    loop {
        let seen = super::catalogue_version(conn)?;
        conn.execute_batch(
            "DELETE FROM temp.changes;
             INSERT INTO temp.changes (kind, key, body)
                SELECT s.kind, s.key, s.body FROM temp.staged s
                LEFT JOIN objects o ON o.kind = s.kind AND o.key = s.key
                WHERE o.body IS NOT s.body;
             INSERT INTO temp.changes (kind, key, body)
                SELECT o.kind, o.key, NULL FROM objects o
                WHERE o.kind IN ('venue', 'activity') AND o.body IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM temp.staged s WHERE s.kind = o.kind AND s.key = o.key);",
        )?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if super::catalogue_version(&tx)? != seen {
            continue;
        }
        let mut result = Imported::default();
        {
            let mut changes = tx.prepare("SELECT kind, key, body FROM temp.changes")?;
            let mut rows = changes.query([])?;
            while let Some(row) = rows.next()? {
                let (kind, key, body): (String, String, Option<String>) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                super::put(&tx, &kind, &key, body.as_deref())?;
                if body.is_some() {
                    result.changed += 1;
                } else {
                    result.deleted += 1;
                }
            }
        }
        result.same = staged - result.changed;
        // Booked seats or capacity may have changed under sessions with places of the
        // activities that changed: count those again, and move their waiting lists up into
        // any seat that came free.
        let sessions: Vec<(String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT DISTINCT s.activity, s.date FROM signups s
                 JOIN temp.changes c ON c.kind = 'activity' AND c.key = s.activity
                 WHERE s.status IN ('confirmed', 'waitlisted')",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (activity_id, date) in sessions {
            recount(&tx, &activity_id, &date)?;
        }
        if result.changed + result.deleted > 0 {
            super::bump_catalogue_version(&tx)?;
        }
        tx.commit()?;
        conn.execute_batch("DROP TABLE temp.staged; DROP TABLE temp.changes;")?;
        return Ok(result);
    }
}

/// One activity as the hub holds it now, read and checked on its own; `None` when the
/// catalogue has no such activity (or a deleted one).
pub fn activity(conn: &Connection, id: &str) -> rusqlite::Result<Option<Activity>> {
    let body = object(conn, "activity", id)?;
    if body.is_null() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let parsed = read_activity(&body, "activity", &mut problems)
        .1
        .map(|(activity, _)| activity);
    if parsed.is_none() {
        // Every object was checked on import: this is a damaged file, and the sign-up is
        // refused rather than judged against something unreadable.
        tracing::error!(activity = id, ?problems, "a stored activity does not read");
    }
    Ok(parsed)
}

/// An activity's venue id and its title in Chinese and English, as the catalogue has them
/// now (empty when it has not).
pub fn activity_names(conn: &Connection, id: &str) -> rusqlite::Result<(String, String, String)> {
    let body = object(conn, "activity", id)?;
    let field = |path: &[&str]| {
        let mut v = &body;
        for p in path {
            v = &v[*p];
        }
        v.as_str().unwrap_or_default().to_string()
    };
    Ok((
        field(&["venue"]),
        field(&["title", "zh-CN"]),
        field(&["title", "en-US"]),
    ))
}

/// A venue's district code, as the catalogue has it now (empty when it has not).
pub fn venue_district(conn: &Connection, id: &str) -> rusqlite::Result<String> {
    let body = object(conn, "venue", id)?;
    Ok(body["district"].as_str().unwrap_or_default().to_string())
}

/// An object's JSON body (`Null` when there is none; a body that is not JSON is damage in
/// the file, logged, and read as none).
fn object(conn: &Connection, kind: &str, id: &str) -> rusqlite::Result<Value> {
    let body: Option<String> = conn
        .prepare_cached(
            "SELECT body FROM objects WHERE kind = ?1 AND key = ?2 AND body IS NOT NULL",
        )?
        .query_row([kind, id], |r| r.get(0))
        .optional()?;
    let Some(body) = body else {
        return Ok(Value::Null);
    };
    Ok(serde_json::from_str(&body).unwrap_or_else(|_| {
        tracing::error!(kind, key = id, "a stored object is not JSON");
        Value::Null
    }))
}
