//! Check-ins: attendance at a session, taken from 30 minutes before its start until 30
//! minutes after, counted once a card and session, with the session's length, the
//! activity's credits and where it was, for the Credit Bank.

use learning_core::catalogue::SessionLookup;
use learning_wire::{
    Answer, AnswerStatus, CHECKIN_AFTER_MIN, CHECKIN_BEFORE_MIN, InvalidReason, SignupItem,
};
use rusqlite::{Connection, OptionalExtension, params};

use super::catalogue;
use super::judge::{Judge, Taken};
use crate::store::rules;

/// The fingerprint and answer of a check-in with this UUID, if there is one.
pub fn seen(tx: &Connection, uuid: &str) -> rusqlite::Result<Option<(String, Answer)>> {
    tx.prepare_cached(
        "SELECT fingerprint, status, reason, existing FROM attendance WHERE uuid = ?1",
    )?
    .query_row([uuid], |r| {
        let (print, status, reason, existing): (String, String, Option<String>, Option<String>) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        Ok((
            print,
            rules::answer_from(&status, reason.as_deref(), existing),
        ))
    })
    .optional()
}

/// What the record keeps of the session: its length, credits, venue, district and title.
#[derive(Default)]
struct Facts {
    minutes: i64,
    credits: f64,
    venue: String,
    district: String,
    title_zh: String,
    title_en: String,
}

/// Answers a check-in, and records it.
pub fn answer(
    tx: &Connection,
    judge: &Judge<'_>,
    item: &SignupItem,
    print: &str,
    taken: &Taken,
) -> rusqlite::Result<Answer> {
    let (decided, facts) = decide(tx, item, taken)?;
    tx.prepare_cached(
        "INSERT INTO attendance (uuid, fingerprint, kiosk, card, activity, date, created_at,
                                 status, reason, existing, minutes, credits, venue, district,
                                 title_zh, title_en, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
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
        facts.minutes,
        facts.credits,
        facts.venue,
        facts.district,
        facts.title_zh,
        facts.title_en,
        taken.received_at,
    ])?;
    Ok(decided)
}

fn decide(tx: &Connection, item: &SignupItem, taken: &Taken) -> rusqlite::Result<(Answer, Facts)> {
    let refused = |reason| Ok((rules::invalid(reason), Facts::default()));
    let Some(activity) = catalogue::activity(tx, &item.activity)? else {
        return refused(InvalidReason::UnknownActivity);
    };
    if activity.is_cancelled() {
        return refused(InvalidReason::Cancelled);
    }
    let SessionLookup::Meets(session) = activity.session_on(taken.date) else {
        return refused(InvalidReason::NoSession);
    };
    let opens = session.start - chrono::Duration::minutes(CHECKIN_BEFORE_MIN);
    let closes = session.start + chrono::Duration::minutes(CHECKIN_AFTER_MIN);
    if !(opens..=closes).contains(&taken.at) {
        return refused(InvalidReason::NotNow);
    }
    let first: Option<String> = tx
        .prepare_cached(
            "SELECT uuid FROM attendance WHERE card = ?1 AND activity = ?2 AND date = ?3
             AND status = 'checked_in' LIMIT 1",
        )?
        .query_row(params![item.card, item.activity, item.date], |r| r.get(0))
        .optional()?;
    if let Some(first) = first {
        let answer = Answer {
            existing: Some(first),
            ..Answer::status(AnswerStatus::Duplicate)
        };
        return Ok((answer, Facts::default()));
    }
    let (venue, title_zh, title_en) = catalogue::activity_names(tx, &item.activity)?;
    let facts = Facts {
        minutes: (session.end - session.start).num_minutes(),
        credits: f64::from(activity.credits.unwrap_or(0.0)),
        district: catalogue::venue_district(tx, &venue)?,
        venue,
        title_zh,
        title_en,
    };
    Ok((Answer::status(AnswerStatus::CheckedIn), facts))
}
