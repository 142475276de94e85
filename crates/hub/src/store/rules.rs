//! How the hub judges a sign-up, whatever stores it: only canonical forms, a session that
//! meets and has not started, seats confirmed up to capacity, then a waiting list a quarter
//! of the capacity long, then full. The same UUID always gets its first answer; the
//! fingerprint tells a resend from a UUID reused for another sign-up.

use chrono::NaiveDate;
use learning_core::catalogue::{Activity, SessionLookup};
use learning_core::domain::card::CardNumber;
use learning_core::domain::time::parse_moment;
use learning_wire::{Answer, AnswerStatus, InvalidReason, SignupItem};
use sha2::{Digest, Sha256};

/// A waiting list as long as a quarter of the seats (at least one).
pub fn waitlist_len(capacity: u32) -> u32 {
    capacity.div_ceil(4).max(1)
}

/// What a sign-up says, as one hash: the same UUID with another payload is not a resend.
pub fn fingerprint(item: &SignupItem) -> String {
    let mut h = Sha256::new();
    for part in [&item.card, &item.activity, &item.date, &item.created_at] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// A status as it is stored.
pub fn status_name(s: AnswerStatus) -> &'static str {
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

/// A refusal for this reason.
pub fn invalid(reason: InvalidReason) -> Answer {
    Answer {
        status: AnswerStatus::Invalid,
        reason: Some(reason),
        existing: None,
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

/// Everything about a sign-up that needs no count of seats: its forms and its session.
/// Returns the activity and the session's date, or the refusal.
pub fn check<'a>(
    activity: Option<&'a Activity>,
    item: &SignupItem,
) -> Result<(&'a Activity, NaiveDate), Answer> {
    // Only the canonical forms: "2026-12-7" or a card written with spaces would be stored
    // beside "2026-12-07" and the bare digits, and one card could hold a session twice.
    let (Some(date), Some(created)) = (
        NaiveDate::parse_from_str(&item.date, "%Y-%m-%d")
            .ok()
            .filter(|d| d.format("%Y-%m-%d").to_string() == item.date),
        parse_moment(&item.created_at),
    ) else {
        return Err(invalid(InvalidReason::Malformed));
    };
    if uuid::Uuid::parse_str(&item.uuid).is_err() {
        return Err(invalid(InvalidReason::Malformed));
    }
    if canonical_card(&item.card).as_deref() != Some(item.card.as_str()) {
        return Err(invalid(InvalidReason::BadCard));
    }
    let Some(activity) = activity else {
        return Err(invalid(InvalidReason::UnknownActivity));
    };
    if activity.is_cancelled() {
        return Err(invalid(InvalidReason::Cancelled));
    }
    let SessionLookup::Meets(session) = activity.session_on(date) else {
        return Err(invalid(InvalidReason::NoSession));
    };
    // Judged by when the kiosk took it: a sign-up saved offline before the start stands.
    if created >= session.start {
        return Err(invalid(InvalidReason::Started));
    }
    Ok((activity, date))
}

/// Where a new sign-up goes, given the seats the catalogue books on that date and the
/// sign-ups the hub has confirmed and waitlisted for the session.
pub fn place(activity: &Activity, date: NaiveDate, confirmed: u32, waitlisted: u32) -> Answer {
    let taken = activity.booked_on(date) + confirmed;
    let status = if taken < activity.capacity {
        AnswerStatus::Confirmed
    } else if waitlisted < waitlist_len(activity.capacity) {
        AnswerStatus::Waitlisted
    } else {
        AnswerStatus::Full
    };
    Answer {
        status,
        reason: None,
        existing: None,
    }
}
