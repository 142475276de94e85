//! Mends a hub file written before the hub took only canonical cards and dates: a card held
//! with spaces or dashes, or a date like `2026-12-7`, is written in its canonical form; a
//! sign-up that then holds a session its card already holds, or that does not read at all,
//! is set aside (`duplicate` or `invalid`, so it holds no seat); seat counts published under
//! a broken date are withdrawn and the mended sessions' counts published again. Runs once;
//! `status` says what it did.

use rusqlite::{Connection, OptionalExtension, params};

use super::{catalogue, seats};
use crate::store::Mended;
use crate::store::rules::{canonical_card, canonical_date};

/// Mends the file once (later calls do nothing).
pub fn canonical_forms(conn: &mut Connection) -> rusqlite::Result<Mended> {
    let done: Option<i64> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'canonical_forms'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if done.is_some() {
        return Ok(Mended::default());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut result = Mended::default();
    let holding: Vec<(String, String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT uuid, card, activity, date FROM signups
             WHERE status IN ('confirmed', 'waitlisted') ORDER BY received_at, uuid",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut sessions = std::collections::BTreeSet::new();
    for (uuid, card, activity, date) in holding {
        let (Some(good_card), Some(good_date)) = (canonical_card(&card), canonical_date(&date))
        else {
            tx.execute(
                "UPDATE signups SET status = 'invalid', reason = 'malformed' WHERE uuid = ?1",
                [&uuid],
            )?;
            result.set_aside += 1;
            sessions.insert((activity, date));
            continue;
        };
        if good_card == card && good_date == date {
            continue;
        }
        sessions.insert((activity.clone(), date.clone()));
        let first: Option<String> = tx
            .query_row(
                "SELECT uuid FROM signups WHERE card = ?1 AND activity = ?2 AND date = ?3
                 AND status IN ('confirmed', 'waitlisted') AND uuid <> ?4 LIMIT 1",
                params![good_card, activity, good_date, uuid],
                |r| r.get(0),
            )
            .optional()?;
        match first {
            Some(first) => {
                tx.execute(
                    "UPDATE signups SET status = 'duplicate', existing = ?1 WHERE uuid = ?2",
                    params![first, uuid],
                )?;
                result.set_aside += 1;
            }
            None => {
                tx.execute(
                    "UPDATE signups SET card = ?1, date = ?2 WHERE uuid = ?3",
                    params![good_card, good_date, uuid],
                )?;
                result.mended += 1;
            }
        }
        sessions.insert((activity, good_date));
    }
    // Seat counts under a date no kiosk can read are withdrawn; the sessions touched are
    // counted again.
    let broken: Vec<String> = {
        let mut stmt =
            tx.prepare("SELECT key FROM objects WHERE kind = 'seats' AND body IS NOT NULL")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.filter_map(Result::ok)
            .filter(|key| {
                key.rsplit_once('|')
                    .is_none_or(|(_, date)| canonical_date(date).as_deref() != Some(date))
            })
            .collect()
    };
    for key in broken {
        super::put(&tx, "seats", &key, None)?;
    }
    for (activity, date) in sessions {
        if canonical_date(&date).as_deref() == Some(date.as_str()) {
            let found = catalogue::activity(&tx, &activity)?;
            seats::publish_seats(&tx, found.as_ref(), &activity, &date)?;
        }
    }
    for (key, value) in [
        ("canonical_forms", 1),
        ("mended_signups", result.mended as i64),
        ("set_aside_signups", result.set_aside as i64),
    ] {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
    }
    tx.commit()?;
    Ok(result)
}
