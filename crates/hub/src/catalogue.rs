//! The hub's catalogue: imported from a `learning-catalogue/1` file (checked by the very
//! loader the kiosks use), kept as objects in the change log, and rebuilt in memory to judge
//! sign-ups.

use std::path::Path;

use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::load::{load_file, load_str};
use learning_kiosk::problem::FileProblems;
use rusqlite::{Connection, params};

use crate::store;

/// What an import changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Venues and activities new or changed.
    pub changed: usize,
    /// Venues and activities no longer in the catalogue (now tombstones).
    pub deleted: usize,
    /// Unchanged.
    pub same: usize,
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The catalogue has problems; nothing was imported.
    #[error("{0}")]
    Problems(FileProblems),
    /// The hub's file failed.
    #[error("the hub's database failed: {0}")]
    Store(#[from] rusqlite::Error),
}

/// Imports a catalogue file whole, or not at all.
pub fn import(conn: &mut Connection, path: &Path) -> Result<Imported, ImportError> {
    // The kiosks' own checks first: a catalogue they would refuse never reaches them.
    load_file(path).map_err(ImportError::Problems)?;
    let text = std::fs::read_to_string(path).map_err(|e| {
        ImportError::Problems(FileProblems {
            file: path.display().to_string(),
            problems: vec![learning_kiosk::problem::Problem::at(
                "",
                learning_kiosk::problem::ProblemKind::Unreadable(e.to_string()),
            )],
        })
    })?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        ImportError::Problems(FileProblems {
            file: path.display().to_string(),
            problems: vec![learning_kiosk::problem::Problem::at(
                "",
                learning_kiosk::problem::ProblemKind::Syntax {
                    detail: e.to_string(),
                },
            )],
        })
    })?;
    let tx = conn.transaction()?;
    let mut result = Imported::default();
    for (kind, list) in [("venue", "venues"), ("activity", "activities")] {
        let items = doc[list].as_array().cloned().unwrap_or_default();
        let mut keep = std::collections::HashSet::new();
        for item in &items {
            let id = item["id"].as_str().unwrap_or_default().to_string();
            let body = serde_json::to_string(item).unwrap_or_default();
            if store::put(&tx, kind, &id, Some(&body))? {
                result.changed += 1;
            } else {
                result.same += 1;
            }
            keep.insert(id);
        }
        let existing: Vec<String> = {
            let mut stmt =
                tx.prepare("SELECT key FROM objects WHERE kind = ?1 AND body IS NOT NULL")?;
            let rows = stmt.query_map([kind], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for key in existing.iter().filter(|k| !keep.contains(*k)) {
            store::put(&tx, kind, key, None)?;
            result.deleted += 1;
        }
    }
    // Booked seats may have changed under sessions with confirmed sign-ups: count again.
    let catalogue = build(&tx)?;
    let sessions: Vec<(String, String)> = {
        let mut stmt =
            tx.prepare("SELECT DISTINCT activity, date FROM signups WHERE status = 'confirmed'")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (activity, date) in sessions {
        crate::signups::publish_seats(&tx, &catalogue, &activity, &date)?;
    }
    tx.commit()?;
    Ok(result)
}

/// The catalogue as the hub holds it now.
pub fn build(conn: &Connection) -> rusqlite::Result<Catalogue> {
    let mut venues = Vec::new();
    let mut activities = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT kind, body FROM objects WHERE kind IN ('venue', 'activity') AND body IS NOT NULL ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (kind, body) = row?;
        let value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        if kind == "venue" {
            venues.push(value);
        } else {
            activities.push(value);
        }
    }
    let doc = serde_json::json!({
        "format": learning_kiosk::catalogue::load::FORMAT,
        "generated_at": chrono::Utc::now().to_rfc3339(),
        "venues": venues,
        "activities": activities,
    });
    // Every object was checked on import, so this cannot fail; an empty catalogue if it
    // somehow does, so that sign-ups are refused rather than the hub stopping.
    Ok(
        load_str(&doc.to_string(), "hub").unwrap_or_else(|problems| {
            tracing::error!(%problems, "the hub's catalogue does not load");
            learning_kiosk::catalogue::Catalogue::new(
                chrono::Utc::now().fixed_offset(),
                Vec::new(),
                Vec::new(),
            )
        }),
    )
}

/// The newest change to venues and activities: when it moves, the catalogue is built again.
pub fn version(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row(
        "SELECT COALESCE(max(seq), 0) FROM objects WHERE kind IN ('venue', 'activity')",
        params![],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n as u64)
}
