//! Judging a batch: each item by its kind, in the batch's transaction. The same UUID always
//! finds what it was answered (as it stands now: a cancel or a move up the waiting list
//! changes a sign-up's answer); seats are counted per session, confirmed up to capacity,
//! then the waiting list in its written order (`waiting`), then full.

use learning_core::catalogue::Activity;
use learning_wire::{Answer, AnswerStatus, InvalidReason, Kind, SignupItem};
use rusqlite::{Connection, OptionalExtension, params};

use super::judge::{Judge, Taken};
use super::{cancels, catalogue, checkins, seats, waiting};
use crate::store::rules;

/// Answers a whole batch in one transaction: the answers are durable before they are sent.
pub fn answer_batch(
    conn: &mut Connection,
    judge: &Judge<'_>,
    items: &[SignupItem],
) -> rusqlite::Result<learning_wire::BatchAnswer> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let answers = items
        .iter()
        .map(|item| answer(&tx, judge, item))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(learning_wire::BatchAnswer { answers })
}

/// Answers one item inside the batch's transaction, and records it.
fn answer(tx: &Connection, judge: &Judge<'_>, item: &SignupItem) -> rusqlite::Result<Answer> {
    let print = rules::fingerprint(item);
    // A sign-up stored before the hub kept one spelling of a UUID was rewritten in it: a
    // resend in the old spelling still finds its first answer.
    let uuid = rules::canonical_uuid(&item.uuid).unwrap_or_else(|| item.uuid.clone());
    if let Some((stored, answer)) = seen(tx, &uuid)? {
        // With another payload, it is refused (and that refusal is not recorded: the first
        // item keeps its UUID).
        return Ok(if stored == print {
            answer
        } else {
            rules::invalid(InvalidReason::UuidReused)
        });
    }
    let (date, created) = match rules::check_forms(item) {
        Ok(forms) => forms,
        Err(refusal) => {
            tracing::info!(reason = ?refusal.reason, "an item refused for its form");
            return Ok(refusal);
        }
    };
    let now = judge.now;
    let taken = Taken {
        date,
        at: rules::corrected(created, judge.offset_ms),
        queue_ms: rules::queue_ms(&created, judge.offset_ms, now.timestamp_millis()),
        received_at: now.to_rfc3339(),
    };
    match item.kind {
        Kind::Signup | Kind::Waitlist => place_item(tx, judge, item, &print, &taken),
        Kind::Cancel => cancels::answer(tx, judge, item, &print, &taken),
        Kind::Checkin => checkins::answer(tx, judge, item, &print, &taken),
    }
}

/// The fingerprint an item with this UUID was stored with, and its answer as it stands.
fn seen(tx: &Connection, uuid: &str) -> rusqlite::Result<Option<(String, Answer)>> {
    let signup = tx
        .prepare_cached(
            "SELECT fingerprint, status, reason, existing, activity, date FROM signups WHERE uuid = ?1",
        )?
        .query_row([uuid], |r| {
            let (status, reason): (String, Option<String>) = (r.get(1)?, r.get(2)?);
            let answer = rules::answer_from(&status, reason.as_deref(), r.get(3)?);
            Ok((r.get::<_, String>(0)?, answer, r.get::<_, String>(4)?, r.get::<_, String>(5)?))
        })
        .optional()?;
    if let Some((print, mut answer, activity, date)) = signup {
        if answer.status == AnswerStatus::Waitlisted {
            answer.place = waiting::place_of(tx, &activity, &date, uuid)?;
        }
        return Ok(Some((print, answer)));
    }
    if let Some(found) = cancels::seen(tx, uuid)? {
        return Ok(Some(found));
    }
    checkins::seen(tx, uuid)
}

/// A sign-up or a waiting-list join: a seat, a place in line, full, or refused; a sign-up
/// whose cancel arrived first is stored cancelled and holds nothing.
fn place_item(
    tx: &Connection,
    judge: &Judge<'_>,
    item: &SignupItem,
    print: &str,
    taken: &Taken,
) -> rusqlite::Result<Answer> {
    // Only this sign-up's activity is read: the work is the request's, not the catalogue's.
    let activity = catalogue::activity(tx, &item.activity)?;
    let cancelled_by = cancels::waiting_for(tx, item)?;
    let decided = match &cancelled_by {
        Some(_) => Answer::status(AnswerStatus::Cancelled),
        None => decide(tx, activity.as_ref(), taken, item)?,
    };
    tx.prepare_cached(
        "INSERT INTO signups (uuid, fingerprint, kiosk, card, activity, date, created_at, status,
                              reason, existing, received_at, kind, queue_ms, cancelled_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        item.uuid,
        print,
        judge.kiosk,
        item.card,
        item.activity,
        item.date,
        item.created_at,
        decided.status.as_str(),
        decided.reason.map(InvalidReason::as_str),
        decided.existing,
        taken.received_at,
        item.kind.as_str(),
        taken.queue_ms,
        cancelled_by,
    ])?;
    let mut decided = decided;
    match decided.status {
        AnswerStatus::Confirmed => {
            seats::publish_seats(tx, activity.as_ref(), &item.activity, &item.date)?;
        }
        AnswerStatus::Waitlisted => {
            decided.place = waiting::place_of(tx, &item.activity, &item.date, &item.uuid)?;
            seats::publish_seats(tx, activity.as_ref(), &item.activity, &item.date)?;
        }
        _ => {}
    }
    Ok(decided)
}

fn decide(
    tx: &Connection,
    activity: Option<&Activity>,
    taken: &Taken,
    item: &SignupItem,
) -> rusqlite::Result<Answer> {
    let activity = match rules::check_session(activity, taken.date, taken.at) {
        Ok(activity) => activity,
        Err(refusal) => return Ok(refusal),
    };
    let holding: Option<String> = tx
        .prepare_cached(
            "SELECT uuid FROM signups WHERE card = ?1 AND activity = ?2 AND date = ?3
             AND status IN ('confirmed', 'waitlisted') LIMIT 1",
        )?
        .query_row(params![item.card, item.activity, item.date], |r| r.get(0))
        .optional()?;
    if let Some(existing) = holding {
        return Ok(Answer {
            existing: Some(existing),
            ..Answer::status(AnswerStatus::Duplicate)
        });
    }
    let (confirmed, waitlisted) = seats::counts(tx, &item.activity, &item.date)?;
    let behind = waiting::behind(tx, &item.activity, &item.date, taken.queue_ms)?;
    Ok(rules::place(
        activity, taken.date, confirmed, waitlisted, behind,
    ))
}
