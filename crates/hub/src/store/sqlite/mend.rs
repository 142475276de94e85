//! Mends a hub file written before the hub took only canonical forms. Every sign-up is
//! written in its one form (a card without spaces or dashes, a date like `2026-12-07`, a
//! time and a UUID in one spelling); one that does not read at all is moved to `set_aside`,
//! as it was, for staff to look at. A mended sign-up that then holds a session its card
//! already holds becomes `duplicate`; mended sign-ups that overran their session (they were
//! counted under another spelling of its date) wait or are full, the latest first, so that
//! no session holds more than its seats. Seat counts published under a broken date are
//! withdrawn and the touched sessions counted again. `status` says what it did.

use std::collections::{BTreeSet, HashSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::{catalogue, reports, seats};
use crate::store::Mended;
use crate::store::rules::{
    canonical_card, canonical_date, canonical_time, canonical_uuid, waitlist_len,
};

/// The mark that a file is mended; the number says which mending it has had.
const MENDED_VERSION: i64 = 2;

/// Mends the file once (later calls do nothing).
pub fn canonical_forms(conn: &mut Connection) -> rusqlite::Result<Mended> {
    let done: Option<i64> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'canonical_forms'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if done.is_some_and(|v| v >= MENDED_VERSION) {
        return Ok(Mended::default());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut result = Mended::default();
    // The first mending (mark 1) rewrote cards and dates but never judged seats again, and
    // counted second holds and unreadable rows as one number: that number is kept apart.
    let after_first = done == Some(1);
    if after_first {
        tx.execute(
            "UPDATE meta SET key = 'earlier_set_aside' WHERE key = 'set_aside_signups'",
            [],
        )?;
    }
    let rows = reports::signups(&tx)?;
    // Sessions whose counts change, and the holding sign-ups that moved into them.
    let mut sessions = BTreeSet::new();
    let mut moved_in = HashSet::new();
    for row in rows {
        let holds = matches!(row.status.as_str(), "confirmed" | "waitlisted");
        let forms = (
            canonical_uuid(&row.uuid),
            canonical_card(&row.card),
            canonical_date(&row.date),
            canonical_time(&row.created_at),
        );
        let (Some(uuid), Some(card), Some(date), Some(created)) = forms else {
            set_aside(&tx, &row.uuid, "unreadable")?;
            result.set_aside += 1;
            if holds {
                sessions.insert((row.activity, row.date));
            }
            continue;
        };
        if (&uuid, &card, &date, &created) == (&row.uuid, &row.card, &row.date, &row.created_at) {
            continue;
        }
        if uuid != row.uuid && exists(&tx, &uuid)? {
            set_aside(&tx, &row.uuid, "uuid written twice")?;
            result.set_aside += 1;
            continue;
        }
        tx.execute(
            "UPDATE signups SET uuid = ?1, card = ?2, date = ?3, created_at = ?4 WHERE uuid = ?5",
            params![uuid, card, date, created, row.uuid],
        )?;
        // A duplicate names the sign-up it duplicates by its UUID, now in its one form.
        tx.execute(
            "UPDATE signups SET existing = ?1 WHERE existing = ?2",
            params![uuid, row.uuid],
        )?;
        if !holds || (card == row.card && date == row.date) {
            result.mended += 1;
            continue;
        }
        sessions.insert((row.activity.clone(), row.date.clone()));
        sessions.insert((row.activity.clone(), date.clone()));
        // Only a sign-up that moved to another spelling of its date was never counted
        // against the session; one whose card alone was rewritten always was.
        let moved = date != row.date;
        // Under its new spelling it may hold a session its card already holds.
        let first: Option<String> = tx
            .query_row(
                "SELECT uuid FROM signups WHERE card = ?1 AND activity = ?2 AND date = ?3
                 AND status IN ('confirmed', 'waitlisted') AND uuid <> ?4
                 ORDER BY received_at, uuid LIMIT 1",
                params![card, row.activity, date, uuid],
                |r| r.get(0),
            )
            .optional()?;
        match first {
            Some(first) => {
                tx.execute(
                    "UPDATE signups SET status = 'duplicate', existing = ?1 WHERE uuid = ?2",
                    params![first, uuid],
                )?;
                result.duplicates += 1;
            }
            None => {
                if moved {
                    moved_in.insert(uuid);
                }
                result.mended += 1;
            }
        }
    }
    // Seat counts under a date no kiosk can read are withdrawn.
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
    // After the first mending the sign-ups that moved cannot be told apart any more: every
    // session is judged again, the latest confirmed giving way first.
    if after_first {
        let mut stmt =
            tx.prepare("SELECT DISTINCT activity, date FROM signups WHERE status = 'confirmed'")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for session in rows {
            sessions.insert(session?);
        }
    }
    for (activity, date) in sessions {
        if canonical_date(&date).as_deref() != Some(date.as_str()) {
            continue;
        }
        let may_give_way = (!after_first).then_some(&moved_in);
        result.over_capacity += fit_to_capacity(&tx, &activity, &date, may_give_way)?;
        let found = catalogue::activity(&tx, &activity)?;
        seats::publish_seats(&tx, found.as_ref(), &activity, &date)?;
    }
    for (key, value) in [
        ("mended_signups", result.mended),
        ("set_aside_signups", result.set_aside),
        ("duplicate_signups", result.duplicates),
        ("over_capacity_signups", result.over_capacity),
    ] {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = value + ?2",
            params![key, value as i64],
        )?;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('canonical_forms', ?1)
         ON CONFLICT (key) DO UPDATE SET value = ?1",
        [MENDED_VERSION],
    )?;
    tx.commit()?;
    Ok(result)
}

fn exists(tx: &Connection, uuid: &str) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT count(*) > 0 FROM signups WHERE uuid = ?1",
        [uuid],
        |r| r.get(0),
    )
}

/// Moves a stored sign-up, as it is, out of the sign-ups into `set_aside`.
fn set_aside(tx: &Connection, uuid: &str, why: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO set_aside (uuid, fingerprint, kiosk, card, activity, date,
         created_at, status, reason, existing, received_at, why)
         SELECT uuid, fingerprint, kiosk, card, activity, date, created_at, status, reason,
         existing, received_at, ?2 FROM signups WHERE uuid = ?1",
        params![uuid, why],
    )?;
    tx.execute("DELETE FROM signups WHERE uuid = ?1", [uuid])?;
    Ok(())
}

/// A session holds no more than its seats: confirmed sign-ups that moved in from another
/// spelling of its date (`None`: any) give way, the latest first (those always counted keep
/// theirs), to the waiting list while it has room, else to full. Returns how many gave way.
fn fit_to_capacity(
    tx: &Connection,
    activity: &str,
    date: &str,
    moved_in: Option<&HashSet<String>>,
) -> rusqlite::Result<u64> {
    let Some(found) = catalogue::activity(tx, activity)? else {
        return Ok(0);
    };
    let Ok(day) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return Ok(0);
    };
    let (confirmed, mut waitlisted) = seats::counts(tx, activity, date)?;
    let mut over = (found.booked_on(day) + confirmed).saturating_sub(found.capacity);
    if over == 0 {
        return Ok(0);
    }
    let latest: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT uuid FROM signups WHERE activity = ?1 AND date = ?2 AND status = 'confirmed'
             ORDER BY received_at DESC, uuid DESC",
        )?;
        let rows = stmt.query_map(params![activity, date], |r| r.get::<_, String>(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut gave_way = 0;
    for uuid in latest
        .iter()
        .filter(|u| moved_in.is_none_or(|m| m.contains(*u)))
    {
        if over == 0 {
            break;
        }
        let status = if waitlisted < waitlist_len(found.capacity) {
            waitlisted += 1;
            "waitlisted"
        } else {
            "full"
        };
        tx.execute(
            "UPDATE signups SET status = ?1 WHERE uuid = ?2",
            params![status, uuid],
        )?;
        over -= 1;
        gave_way += 1;
    }
    Ok(gave_way)
}
