//! How the hub judges a sign-up, whatever stores it: only canonical forms, a session that
//! meets and has not started, seats confirmed up to capacity, then a waiting list a quarter
//! of the capacity long, then full. The same UUID always gets its first answer; the
//! fingerprint tells a resend from a UUID reused for another sign-up.

use chrono::{DateTime, NaiveDate, SecondsFormat};
use learning_core::catalogue::{Activity, SessionLookup};
use learning_core::domain::card::CardNumber;
use learning_core::domain::time::{Moment, parse_moment};
use learning_wire::{Answer, AnswerStatus, InvalidReason, Kind, SignupItem};
use sha2::{Digest, Sha256};

/// A waiting list as long as a quarter of the seats (at least one).
pub fn waitlist_len(capacity: u32) -> u32 {
    capacity.div_ceil(4).max(1)
}

/// What an item says, as one hash: the same UUID with another payload is not a resend. A
/// plain sign-up hashes as it always has, so resends from kiosks of every age still match.
pub fn fingerprint(item: &SignupItem) -> String {
    let mut h = Sha256::new();
    for part in [&item.card, &item.activity, &item.date, &item.created_at] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    if item.kind != Kind::Signup || item.target.is_some() {
        h.update(item.kind.as_str().as_bytes());
        h.update([0u8]);
        h.update(item.target.as_deref().unwrap_or("").as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// How far back a kiosk's word on when it took an item is believed: a kiosk offline for
/// longer queues as if it had taken the item this long before it arrived.
pub const QUEUE_WINDOW_MS: i64 = 14 * 24 * 3600 * 1000;

/// When an item was taken, on the hub's clock, in milliseconds since 1970: the kiosk's time
/// less its measured clock offset, never later than it arrived and never more than
/// [`QUEUE_WINDOW_MS`] before. This orders waiting lists (see `docs/protocol.md`).
pub fn queue_ms(created: &Moment, offset_ms: Option<i64>, received_ms: i64) -> i64 {
    let corrected = created.timestamp_millis() - offset_ms.unwrap_or(0);
    corrected.clamp(received_ms - QUEUE_WINDOW_MS, received_ms)
}

/// A kiosk's time with its clock's offset taken away (the hub's clock).
pub fn corrected(created: Moment, offset_ms: Option<i64>) -> Moment {
    created - chrono::Duration::milliseconds(offset_ms.unwrap_or(0))
}

/// The kiosk's clock minus the hub's, from the time a request said it was sent.
pub fn clock_offset_ms(said: &str, hub_now: DateTime<chrono::Utc>) -> Option<i64> {
    let said = DateTime::parse_from_rfc3339(said.trim()).ok()?;
    Some(said.timestamp_millis() - hub_now.timestamp_millis())
}

/// Reads a stored answer back.
pub fn answer_from(status: &str, reason: Option<&str>, existing: Option<String>) -> Answer {
    let status = AnswerStatus::parse(status).unwrap_or(AnswerStatus::Invalid);
    let reason = reason.and_then(|r| InvalidReason::ALL.into_iter().find(|x| x.as_str() == r));
    Answer {
        status,
        reason,
        existing,
        place: None,
    }
}

/// A refusal for this reason.
pub fn invalid(reason: InvalidReason) -> Answer {
    Answer {
        reason: Some(reason),
        ..Answer::status(AnswerStatus::Invalid)
    }
}

/// A card in its one canonical form (16 digits, no spaces or dashes), if it is a card.
pub fn canonical_card(card: &str) -> Option<String> {
    CardNumber::parse(card).ok().map(|c| c.digits().to_string())
}

/// A date in its one canonical form (`YYYY-MM-DD`), if it is a date.
pub fn canonical_date(date: &str) -> Option<String> {
    NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A time in the one spelling of RFC 3339 the hub keeps (upper-case `T`, seconds below 60,
/// `Z` or an offset), if it is a time at all in any spelling RFC 3339 allows.
pub fn canonical_time(time: &str) -> Option<String> {
    let parsed = DateTime::parse_from_rfc3339(time).ok()?;
    // A leap second reads as :59.999...; written back it is another time, so not kept.
    if time.get(17..19) == Some("60") {
        return None;
    }
    let zulu = time.ends_with(['Z', 'z']);
    let fraction = time
        .get(19..)
        .and_then(|rest| rest.strip_prefix('.'))
        .map_or(0, |f| f.bytes().take_while(u8::is_ascii_digit).count());
    let format = match fraction {
        0 => SecondsFormat::Secs,
        1..=3 => SecondsFormat::Millis,
        4..=6 => SecondsFormat::Micros,
        _ => SecondsFormat::Nanos,
    };
    Some(parsed.to_rfc3339_opts(format, zulu))
}

/// A UUID in its one form (lower-case hex with hyphens), if it is a UUID.
pub fn canonical_uuid(uuid: &str) -> Option<String> {
    uuid::Uuid::parse_str(uuid)
        .ok()
        .map(|u| u.hyphenated().to_string())
}

/// Whether `text` is already in the form `canonical` makes of it.
fn is_canonical(text: &str, canonical: fn(&str) -> Option<String>) -> bool {
    canonical(text).as_deref() == Some(text)
}

/// The forms a sign-up must be written in, checked before anything is read or stored:
/// "2026-12-7" or a card written with spaces would be stored beside "2026-12-07" and the
/// bare digits, and one card could hold a session twice. Returns the session's date and
/// when the kiosk took it, or the refusal (which is not stored: the same payload always
/// gets it again).
pub fn check_forms(item: &SignupItem) -> Result<(NaiveDate, Moment), Answer> {
    if !is_canonical(&item.uuid, canonical_uuid) {
        return Err(invalid(InvalidReason::BadUuid));
    }
    let date = NaiveDate::parse_from_str(&item.date, "%Y-%m-%d")
        .ok()
        .filter(|_| is_canonical(&item.date, canonical_date))
        .ok_or(invalid(InvalidReason::BadDate))?;
    let created = parse_moment(&item.created_at)
        .filter(|_| is_canonical(&item.created_at, canonical_time))
        .ok_or(invalid(InvalidReason::BadTime))?;
    if !is_canonical(&item.card, canonical_card) {
        return Err(invalid(InvalidReason::BadCard));
    }
    Ok((date, created))
}

/// Whether the activity has that session and it had not started when the kiosk took the
/// sign-up (a sign-up saved offline before the start stands).
pub fn check_session(
    activity: Option<&Activity>,
    date: NaiveDate,
    created: Moment,
) -> Result<&Activity, Answer> {
    let Some(activity) = activity else {
        return Err(invalid(InvalidReason::UnknownActivity));
    };
    if activity.is_cancelled() {
        return Err(invalid(InvalidReason::Cancelled));
    }
    let SessionLookup::Meets(session) = activity.session_on(date) else {
        return Err(invalid(InvalidReason::NoSession));
    };
    if created >= session.start {
        return Err(invalid(InvalidReason::Started));
    }
    Ok(activity)
}

/// Where a new sign-up goes, given the seats the catalogue books on that date, the sign-ups
/// the hub has confirmed and waitlisted for the session, and how many of those waiting were
/// taken after this one: a seat while one is free, then the waiting list up to its length,
/// and past it only ahead of someone taken later (an offline kiosk's sign-up never loses
/// its place to later ones).
pub fn place(
    activity: &Activity,
    date: NaiveDate,
    confirmed: u32,
    waitlisted: u32,
    waiting_behind: u32,
) -> Answer {
    let taken = activity.booked_on(date) + confirmed;
    let status = if taken < activity.capacity {
        AnswerStatus::Confirmed
    } else if waitlisted < waitlist_len(activity.capacity) || waiting_behind > 0 {
        AnswerStatus::Waitlisted
    } else {
        AnswerStatus::Full
    };
    Answer::status(status)
}
