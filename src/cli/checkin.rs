//! `learning-kiosk checkin`: checks a card in to a session open now, as the screen does at a
//! venue: someone holding a seat is checked in; someone without a place takes a free seat
//! first; a full session or a waiting place is refused, said plainly.

use chrono::NaiveDate;

use crate::args;
use crate::catalogue::ActivityId;
use crate::cli::desk::{self, Desk};
use crate::cli::report;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::exit_code as exit;
use crate::i18n::{t, ta};
use crate::outbox::{Saved, SignupView, Status};
use crate::runtime::boot::Options;
use crate::signup::checkin::{self, CheckinError, CheckinRefusal};
use crate::signup::{Ask, SignupError, sign_up};
use crate::ui::words;

/// Checks a card in to a session open now at this kiosk's venue (or of `activity`); prints
/// the check-in's code. Exit 0 when checked in (now or before).
pub fn run(options: &Options, lang: Lang, card: &str, activity: Option<&str>) -> u8 {
    let mut desk = match desk::open(options, lang, card) {
        Ok(desk) => desk,
        Err(code) => return code,
    };
    let open = open_sessions(&desk, activity);
    if open.is_empty() {
        let id = match (activity, &desk.site.venue) {
            (None, None) => "cli-checkin-no-venue",
            _ => "cli-checkin-none-open",
        };
        report::both(lang, |l| t(l, id));
        return exit::REFUSED;
    }
    let (places, _) = match desk.places() {
        Ok(found) => found,
        Err(err) => return desk::storage_failed(lang, &err),
    };
    let held = |id: &str, date: NaiveDate| {
        places
            .iter()
            .rev()
            .find(|p| p.activity_id == id && p.date == date && !p.cancelling && live(p))
    };
    // The session the card holds a place in; with none, the only one open.
    let chosen = open
        .iter()
        .find(|(id, date)| held(id, *date).is_some())
        .or(if open.len() == 1 { open.first() } else { None });
    let Some((id, date)) = chosen.cloned() else {
        report::both(lang, |l| t(l, "cli-checkin-choose"));
        return exit::REFUSED;
    };
    match held(&id, date) {
        Some(place) if place.status == Status::Waitlisted => {
            let n = place.place.unwrap_or(0);
            report::both(lang, |l| ta(l, "cli-checkin-waiting", args!["place" => n]));
            return exit::REFUSED;
        }
        Some(_) => {}
        None => {
            // No place: a free seat is taken first, through the sign-up's own rules.
            match sign_up(
                &mut desk.outbox,
                &desk.catalogue,
                &desk.card,
                &id,
                date,
                &desk.now,
                Ask::Seat,
            ) {
                Ok(saved) => {
                    let code = saved.record().code.clone();
                    report::both(lang, |l| {
                        ta(l, "cli-checkin-signed-up", args!["code" => code.as_str()])
                    });
                }
                Err(SignupError::Refused(refusal)) => {
                    report::both(lang, |l| words::refusal(l, &refusal));
                    return exit::REFUSED;
                }
                Err(SignupError::Storage(err)) => return desk::storage_failed(lang, &err),
            }
        }
    }
    save(&mut desk, lang, &id, date)
}

/// A place not given up or refused.
fn live(place: &SignupView) -> bool {
    !matches!(
        place.status,
        Status::Cancelled | Status::Full | Status::Invalid
    )
}

/// The sessions open for check-in now: of `activity` if named, else at this kiosk's venue.
fn open_sessions(desk: &Desk, activity: Option<&str>) -> Vec<(String, NaiveDate)> {
    let catalogue = &desk.catalogue;
    let id_of = |a: ActivityId| catalogue.activity(a).id.to_string();
    match activity {
        Some(activity) => {
            let today = local_date(&desk.now);
            [
                today,
                today.succ_opt().unwrap_or(today),
                today.pred_opt().unwrap_or(today),
            ]
            .into_iter()
            .filter_map(|date| {
                let a = catalogue.activity(catalogue.activity_by_id(activity)?);
                match a.session_on(date) {
                    crate::catalogue::SessionLookup::Meets(s)
                        if checkin::is_open(&s, &desk.now) =>
                    {
                        Some((activity.to_string(), date))
                    }
                    _ => None,
                }
            })
            .collect()
        }
        None => desk
            .site
            .venue
            .as_deref()
            .map(|venue| checkin::open_at(catalogue, venue, &desk.now))
            .unwrap_or_default()
            .into_iter()
            .map(|(a, s)| (id_of(a), s.date))
            .collect(),
    }
}

fn save(desk: &mut Desk, lang: Lang, activity: &str, date: NaiveDate) -> u8 {
    let saved = checkin::check_in(
        &mut desk.outbox,
        &desk.catalogue,
        &desk.card,
        activity,
        date,
        &desk.now,
    );
    match saved {
        Ok(saved) => {
            let id = match saved {
                Saved::New(_) => "cli-checkin-saved",
                Saved::Existing(_) => "cli-checkin-existing",
            };
            let code = saved.record().code.clone();
            crate::say!("{code}");
            crate::say_err!("{}", ta(lang, id, args!["code" => code.as_str()]));
            exit::OK
        }
        Err(CheckinError::Refused(CheckinRefusal::NotNow | CheckinRefusal::NoSession)) => {
            report::both(lang, |l| t(l, "cli-checkin-none-open"));
            exit::REFUSED
        }
        Err(CheckinError::Storage(err)) => desk::storage_failed(lang, &err),
    }
}
