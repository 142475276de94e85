//! Judging sign-ups: the same UUID always gets its first answer; seats are counted per
//! session, confirmed up to capacity, then waitlisted, then full.

use chrono::NaiveDate;
use learning_core::catalogue::Activity;
use learning_core::domain::time::Moment;
use learning_wire::{Answer, AnswerStatus, InvalidReason, SignupItem};
use rusqlite::{Connection, OptionalExtension, params};

use super::{catalogue, seats};
use crate::store::rules;

/// Answers one sign-up inside the batch's transaction, and records it.
fn answer(tx: &Connection, kiosk: &str, item: &SignupItem) -> rusqlite::Result<Answer> {
    let print = rules::fingerprint(item);
    let seen: Option<(String, String, Option<String>, Option<String>)> = tx
        .prepare_cached(
            "SELECT fingerprint, status, reason, existing FROM signups WHERE uuid = ?1",
        )?
        // A sign-up stored before the hub kept one spelling of a UUID was rewritten in it: a
        // resend in the old spelling still finds its first answer.
        .query_row(
            [rules::canonical_uuid(&item.uuid)
                .as_deref()
                .unwrap_or(&item.uuid)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((stored, status, reason, existing)) = seen {
        // The same UUID gets its first answer, forever; with another payload, it is refused
        // (and that refusal is not recorded: the first sign-up keeps its UUID).
        return Ok(if stored == print {
            rules::answer_from(&status, reason.as_deref(), existing)
        } else {
            rules::invalid(InvalidReason::UuidReused)
        });
    }
    let (date, created) = match rules::check_forms(item) {
        Ok(forms) => forms,
        Err(refusal) => {
            tracing::info!(reason = ?refusal.reason, "a sign-up refused for its form");
            return Ok(refusal);
        }
    };
    // Only this sign-up's activity is read: the work is the request's, not the catalogue's.
    let activity = catalogue::activity(tx, &item.activity)?;
    let decided = decide(tx, activity.as_ref(), date, created, item)?;
    tx.prepare_cached(
        "INSERT INTO signups (uuid, fingerprint, kiosk, card, activity, date, created_at, status, reason, existing, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
            item.uuid,
            print,
            kiosk,
            item.card,
            item.activity,
            item.date,
            item.created_at,
            rules::status_name(decided.status),
            decided.reason.map(InvalidReason::as_str),
            decided.existing,
            chrono::Utc::now().to_rfc3339()
    ])?;
    if decided.status == AnswerStatus::Confirmed {
        seats::publish_seats(tx, activity.as_ref(), &item.activity, &item.date)?;
    }
    Ok(decided)
}

fn decide(
    tx: &Connection,
    activity: Option<&Activity>,
    date: NaiveDate,
    created: Moment,
    item: &SignupItem,
) -> rusqlite::Result<Answer> {
    let activity = match rules::check_session(activity, date, created) {
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
    Ok(rules::place(activity, date, confirmed, waitlisted))
}

/// Answers a whole batch in one transaction: the answers are durable before they are sent.
pub fn answer_batch(
    conn: &mut Connection,
    kiosk: &str,
    items: &[SignupItem],
) -> rusqlite::Result<learning_wire::BatchAnswer> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let answers = items
        .iter()
        .map(|item| answer(&tx, kiosk, item))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(learning_wire::BatchAnswer { answers })
}
