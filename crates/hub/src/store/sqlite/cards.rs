//! The card look-up: a card's places in the district in sessions not yet over (live ones
//! with their place in line and a move up said once; cancelled ones, so a kiosk that took
//! the sign-up learns it was given up elsewhere) and its learning record.

use learning_core::domain::time::local_date;
use learning_wire::{AnswerStatus, CardAnswer, LearningRecord, Place, Totals};
use rusqlite::{Connection, params};

use super::waiting;

/// What the hub knows of a card, in one transaction (the moves up it reports are marked
/// told in it, so each is said once).
pub fn look_up(
    conn: &mut Connection,
    card: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<CardAnswer> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let beijing = now.with_timezone(&learning_core::domain::time::BEIJING);
    let today = local_date(&beijing).format("%Y-%m-%d").to_string();
    let rows: Vec<(String, String, String, String, i64)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT uuid, activity, date, status, told FROM signups
             WHERE card = ?1 AND status IN ('confirmed', 'waitlisted', 'cancelled') AND date >= ?2
             ORDER BY date, rowid",
        )?;
        let rows = stmt.query_map(params![card, today], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let mut places = Vec::with_capacity(rows.len());
    for (uuid, activity, date, status, told) in rows {
        let waiting = status == "waitlisted";
        let cancelled = status == "cancelled";
        let checked_in: bool = tx
            .prepare_cached(
                "SELECT count(*) > 0 FROM attendance WHERE card = ?1 AND activity = ?2
                 AND date = ?3 AND status = 'checked_in'",
            )?
            .query_row(params![card, activity, date], |r| r.get(0))?;
        places.push(Place {
            place: if waiting {
                waiting::place_of(&tx, &activity, &date, &uuid)?
            } else {
                None
            },
            status: if waiting {
                AnswerStatus::Waitlisted
            } else if cancelled {
                AnswerStatus::Cancelled
            } else {
                AnswerStatus::Confirmed
            },
            promoted: told == 0,
            checked_in,
            uuid,
            activity,
            date,
        });
    }
    tx.prepare_cached("UPDATE signups SET told = 1 WHERE card = ?1 AND told = 0")?
        .execute([card])?;
    let year = chrono::Datelike::year(&beijing);
    let totals = |from: &str| -> rusqlite::Result<Totals> {
        tx.prepare_cached(
            "SELECT count(*), COALESCE(sum(minutes), 0), COALESCE(sum(credits), 0)
             FROM attendance WHERE card = ?1 AND status = 'checked_in' AND date >= ?2",
        )?
        .query_row(params![card, from], |r| {
            Ok(Totals {
                sessions: r.get(0)?,
                minutes: r.get(1)?,
                credits: r.get(2)?,
            })
        })
    };
    // Dates are `YYYY-MM-DD`: "this year" is every date from its first day (none are later
    // than the year, as sessions are attended by now).
    let record = LearningRecord {
        year,
        this_year: totals(&format!("{year}-01-01"))?,
        all: totals("0000-01-01")?,
    };
    tx.commit()?;
    Ok(CardAnswer { places, record })
}
