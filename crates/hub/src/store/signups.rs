//! Judging sign-ups: the same UUID always gets its first answer; seats are counted per
//! session, confirmed up to capacity, then waitlisted, then full.

use chrono::NaiveDate;
use learning_core::catalogue::{Activity, SessionLookup};
use learning_core::domain::card::CardNumber;
use learning_core::domain::time::parse_moment;
use learning_wire::{Answer, AnswerStatus, InvalidReason, SignupItem};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::store;

/// A waiting list as long as a quarter of the seats (at least one).
pub fn waitlist_len(capacity: u32) -> u32 {
    capacity.div_ceil(4).max(1)
}

fn fingerprint(item: &SignupItem) -> String {
    let mut h = Sha256::new();
    for part in [&item.card, &item.activity, &item.date, &item.created_at] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

fn status_name(s: AnswerStatus) -> &'static str {
    match s {
        AnswerStatus::Confirmed => "confirmed",
        AnswerStatus::Waitlisted => "waitlisted",
        AnswerStatus::Full => "full",
        AnswerStatus::Duplicate => "duplicate",
        AnswerStatus::Invalid => "invalid",
    }
}

/// Reads a stored answer back.
pub fn answer_from(status: &str, reason: Option<&str>, existing: Option<String>) -> Answer {
    let status = match status {
        "confirmed" => AnswerStatus::Confirmed,
        "waitlisted" => AnswerStatus::Waitlisted,
        "full" => AnswerStatus::Full,
        "duplicate" => AnswerStatus::Duplicate,
        _ => AnswerStatus::Invalid,
    };
    let reason = reason.and_then(|r| InvalidReason::ALL.into_iter().find(|x| x.as_str() == r));
    Answer {
        status,
        reason,
        existing,
    }
}

fn invalid(reason: InvalidReason) -> Answer {
    Answer {
        status: AnswerStatus::Invalid,
        reason: Some(reason),
        existing: None,
    }
}

/// Answers one sign-up inside the batch's transaction, and records it.
pub fn answer(tx: &Connection, kiosk: &str, item: &SignupItem) -> rusqlite::Result<Answer> {
    let print = fingerprint(item);
    let seen: Option<(String, String, Option<String>, Option<String>)> = tx
        .prepare_cached(
            "SELECT fingerprint, status, reason, existing FROM signups WHERE uuid = ?1",
        )?
        .query_row([&item.uuid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    if let Some((stored, status, reason, existing)) = seen {
        // The same UUID gets its first answer, forever; with another payload, it is refused
        // (and that refusal is not recorded: the first sign-up keeps its UUID).
        return Ok(if stored == print {
            answer_from(&status, reason.as_deref(), existing)
        } else {
            invalid(InvalidReason::UuidReused)
        });
    }
    // Only this sign-up's activity is read: the work is the request's, not the catalogue's.
    let activity = super::catalogue::activity(tx, &item.activity)?;
    let decided = decide(tx, activity.as_ref(), item)?;
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
            status_name(decided.status),
            decided.reason.map(InvalidReason::as_str),
            decided.existing,
            chrono::Utc::now().to_rfc3339()
    ])?;
    if decided.status == AnswerStatus::Confirmed {
        publish_seats(tx, activity.as_ref(), &item.activity, &item.date)?;
    }
    Ok(decided)
}

fn decide(
    tx: &Connection,
    activity: Option<&Activity>,
    item: &SignupItem,
) -> rusqlite::Result<Answer> {
    // Only the canonical forms: "2026-12-7" or a card written with spaces would be stored
    // beside "2026-12-07" and the bare digits, and one card could hold a session twice.
    let (Some(date), Some(created)) = (
        NaiveDate::parse_from_str(&item.date, "%Y-%m-%d")
            .ok()
            .filter(|d| d.format("%Y-%m-%d").to_string() == item.date),
        parse_moment(&item.created_at),
    ) else {
        return Ok(invalid(InvalidReason::Malformed));
    };
    if uuid::Uuid::parse_str(&item.uuid).is_err() {
        return Ok(invalid(InvalidReason::Malformed));
    }
    if !CardNumber::parse(&item.card).is_ok_and(|c| c.digits() == item.card) {
        return Ok(invalid(InvalidReason::BadCard));
    }
    let Some(activity) = activity else {
        return Ok(invalid(InvalidReason::UnknownActivity));
    };
    if activity.is_cancelled() {
        return Ok(invalid(InvalidReason::Cancelled));
    }
    let SessionLookup::Meets(session) = activity.session_on(date) else {
        return Ok(invalid(InvalidReason::NoSession));
    };
    // Judged by when the kiosk took it: a sign-up saved offline before the start stands.
    if created >= session.start {
        return Ok(invalid(InvalidReason::Started));
    }
    let holding: Option<String> = tx
        .prepare_cached(
            "SELECT uuid FROM signups WHERE card = ?1 AND activity = ?2 AND date = ?3
             AND status IN ('confirmed', 'waitlisted') LIMIT 1",
        )?
        .query_row(params![item.card, item.activity, item.date], |r| r.get(0))
        .optional()?;
    if let Some(existing) = holding {
        return Ok(Answer {
            status: AnswerStatus::Duplicate,
            reason: None,
            existing: Some(existing),
        });
    }
    let (confirmed, waitlisted) = counts(tx, &item.activity, &item.date)?;
    let taken = activity.booked_on(date) + confirmed;
    let status = if taken < activity.capacity {
        AnswerStatus::Confirmed
    } else if waitlisted < waitlist_len(activity.capacity) {
        AnswerStatus::Waitlisted
    } else {
        AnswerStatus::Full
    };
    Ok(Answer {
        status,
        reason: None,
        existing: None,
    })
}

fn counts(tx: &Connection, activity: &str, date: &str) -> rusqlite::Result<(u32, u32)> {
    tx.prepare_cached(
        "SELECT COALESCE(SUM(status = 'confirmed'), 0), COALESCE(SUM(status = 'waitlisted'), 0)
         FROM signups WHERE activity = ?1 AND date = ?2",
    )?
    .query_row(params![activity, date], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// Puts a session's seats taken (booked plus confirmed) on the feed; `found` is the
/// activity as the catalogue has it now (none: deleted, so nothing is booked).
pub fn publish_seats(
    tx: &Connection,
    found: Option<&Activity>,
    activity: &str,
    date: &str,
) -> rusqlite::Result<()> {
    let booked = found
        .zip(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
        .map_or(0, |(a, d)| a.booked_on(d));
    let (confirmed, _) = counts(tx, activity, date)?;
    let body = serde_json::json!({"activity": activity, "date": date, "taken": booked + confirmed});
    store::put(
        tx,
        "seats",
        &format!("{activity}|{date}"),
        Some(&body.to_string()),
    )?;
    Ok(())
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
