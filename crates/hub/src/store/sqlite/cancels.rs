//! Cancels: a place given up until its session starts, applied once. A cancel that arrives
//! before its sign-up is kept; the sign-up, when it comes, is stored cancelled and never
//! holds a place.

use learning_core::catalogue::SessionLookup;
use learning_wire::{Answer, AnswerStatus, InvalidReason, SignupItem};
use rusqlite::{Connection, OptionalExtension, params};

use super::judge::{Judge, Taken};
use super::{catalogue, seats, waiting};
use crate::store::rules;

/// The fingerprint and answer of a cancel with this UUID, if there is one.
pub fn seen(tx: &Connection, uuid: &str) -> rusqlite::Result<Option<(String, Answer)>> {
    tx.prepare_cached("SELECT fingerprint, status, reason FROM cancels WHERE uuid = ?1")?
        .query_row([uuid], |r| {
            let (print, status, reason): (String, String, Option<String>) =
                (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok((print, rules::answer_from(&status, reason.as_deref(), None)))
        })
        .optional()
}

/// The cancel waiting for this sign-up (same card and session), if one came first.
pub fn waiting_for(tx: &Connection, item: &SignupItem) -> rusqlite::Result<Option<String>> {
    tx.prepare_cached(
        "SELECT uuid FROM cancels WHERE target = ?1 AND card = ?2 AND activity = ?3
         AND date = ?4 AND status = 'cancelled' LIMIT 1",
    )?
    .query_row(
        params![item.uuid, item.card, item.activity, item.date],
        |r| r.get(0),
    )
    .optional()
}

/// Answers a cancel, and records it.
pub fn answer(
    tx: &Connection,
    judge: &Judge<'_>,
    item: &SignupItem,
    print: &str,
    taken: &Taken,
) -> rusqlite::Result<Answer> {
    let Some(target) = item.target.as_deref() else {
        return Ok(rules::invalid(InvalidReason::Incomplete));
    };
    if rules::canonical_uuid(target).as_deref() != Some(target) {
        return Ok(rules::invalid(InvalidReason::BadUuid));
    }
    let decided = decide(tx, judge, item, target, taken)?;
    tx.prepare_cached(
        "INSERT INTO cancels (uuid, fingerprint, kiosk, card, target, activity, date, created_at,
                              status, reason, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        item.uuid,
        print,
        judge.kiosk,
        item.card,
        target,
        item.activity,
        item.date,
        item.created_at,
        decided.status.as_str(),
        decided.reason.map(InvalidReason::as_str),
        taken.received_at,
    ])?;
    Ok(decided)
}

fn decide(
    tx: &Connection,
    judge: &Judge<'_>,
    item: &SignupItem,
    target: &str,
    taken: &Taken,
) -> rusqlite::Result<Answer> {
    let held: Option<(String, String, String, String)> = tx
        .prepare_cached("SELECT card, activity, date, status FROM signups WHERE uuid = ?1")?
        .query_row([target], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    if let Some((card, activity, date, _)) = &held
        && (*card != item.card || *activity != item.activity || *date != item.date)
    {
        return Ok(rules::invalid(InvalidReason::NotYours));
    }
    // Until the session starts (by the kiosk's clock, corrected): after, the place is used
    // or lost, not given back.
    let found = catalogue::activity(tx, &item.activity)?;
    if let Some(activity) = &found
        && let SessionLookup::Meets(session) = activity.session_on(taken.date)
        && taken.at >= session.start
    {
        return Ok(rules::invalid(InvalidReason::Started));
    }
    let Some((_, _, _, status)) = held else {
        // Not arrived yet: kept, so the sign-up is stored cancelled when it comes.
        return Ok(Answer::status(AnswerStatus::Cancelled));
    };
    if matches!(status.as_str(), "confirmed" | "waitlisted") {
        tx.prepare_cached(
            "UPDATE signups SET status = 'cancelled', cancelled_by = ?1 WHERE uuid = ?2",
        )?
        .execute(params![item.uuid, target])?;
        if status == "confirmed" {
            waiting::fill(
                tx,
                &item.activity,
                &item.date,
                judge.promote_until,
                judge.now,
            )?;
        } else {
            seats::publish_seats(tx, found.as_ref(), &item.activity, &item.date)?;
        }
    }
    // Cancelled already, or never a place (full, refused): nothing more to give up.
    Ok(Answer::status(AnswerStatus::Cancelled))
}
