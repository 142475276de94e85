//! `learning-kiosk cancel`: gives up a place, through the same rule as the screen (until
//! the session starts), saved durably as its own item for the hub.

use chrono::NaiveDate;

use crate::args;
use crate::cli::desk::{self, Desk};
use crate::cli::report;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::{t, ta};
use crate::outbox::{CancelOf, Saved, SignupView, Status};
use crate::runtime::boot::Options;
use crate::signup::cancel::{CancelError, CancelRefusal, cancel};

/// Which place to cancel.
pub enum Which {
    /// The sign-up with this code, made on this kiosk.
    Code(String),
    /// The card's place in this session, made here or (online) anywhere in the district.
    Session {
        /// The card.
        card: String,
        /// The activity's id.
        activity: String,
        /// The session's date.
        date: NaiveDate,
    },
}

/// Cancels a place; prints the cancelled sign-up's code. Exit 0 when the cancel is saved (or
/// was already).
pub fn run(options: &Options, lang: Lang, which: &Which) -> u8 {
    match which {
        Which::Code(code) => by_code(options, lang, code),
        Which::Session {
            card,
            activity,
            date,
        } => {
            let mut desk = match desk::open(options, lang, card) {
                Ok(desk) => desk,
                Err(code) => return code,
            };
            let (places, _) = match desk.places() {
                Ok(found) => found,
                Err(err) => return desk::storage_failed(lang, &err),
            };
            // The place it holds; else one whose cancel is already saved (said again, not
            // saved twice).
            let mut candidates = places
                .iter()
                .filter(|p| p.activity_id == *activity && p.date == *date && holds(p));
            let Some(place) = candidates
                .clone()
                .rfind(|p| !p.cancelling)
                .or_else(|| candidates.next_back())
            else {
                let date = date.to_string();
                report::both(lang, |l| {
                    ta(
                        l,
                        "cli-cancel-no-place",
                        args!["activity" => activity.as_str(), "date" => &date],
                    )
                });
                return exit::REFUSED;
            };
            let of = CancelOf {
                uuid: place.uuid.clone(),
                card: desk.card,
                activity_id: place.activity_id.clone(),
                date: place.date,
            };
            save(&mut desk, lang, &of, &place.code)
        }
    }
}

/// A place not yet given up or refused.
fn holds(place: &SignupView) -> bool {
    !matches!(
        place.status,
        Status::Cancelled | Status::Full | Status::Invalid
    )
}

fn by_code(options: &Options, lang: Lang, code: &str) -> u8 {
    let outbox = match desk::open_outbox(options, lang) {
        Ok(outbox) => outbox,
        Err(code) => return code,
    };
    let record = match outbox.by_code(code) {
        Ok(found) => found.filter(|r| r.kind.takes_a_place()),
        Err(err) => return desk::storage_failed(lang, &err),
    };
    let Some(record) = record else {
        report::both(lang, |l| ta(l, "cli-cancel-no-code", args!["code" => code]));
        return exit::REFUSED;
    };
    drop(outbox);
    let mut desk = match desk::open(options, lang, &record.card_digits) {
        Ok(desk) => desk,
        Err(code) => return code,
    };
    let of = CancelOf {
        uuid: record.uuid.clone(),
        card: desk.card,
        activity_id: record.activity_id.clone(),
        date: record.date,
    };
    save(&mut desk, lang, &of, &record.code)
}

fn save(desk: &mut Desk, lang: Lang, of: &CancelOf, code: &str) -> u8 {
    match cancel(&mut desk.outbox, &desk.catalogue, of, &desk.now) {
        Ok(saved) => {
            let id = match saved {
                Saved::New(_) => "cli-cancel-saved",
                Saved::Existing(_) => "cli-cancel-existing",
            };
            crate::say!("{code}");
            crate::say_err!("{}", ta(lang, id, args!["code" => code]));
            exit::OK
        }
        Err(CancelError::Refused(CancelRefusal::Started)) => {
            report::both(lang, |l| t(l, "cli-cancel-started"));
            exit::REFUSED
        }
        Err(CancelError::Storage(err)) => desk::storage_failed(lang, &err),
    }
}
