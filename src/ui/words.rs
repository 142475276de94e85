//! The kiosk's recurring phrases: days, times, distances, directions, seats and statuses,
//! in the person's language.

use chrono::{Datelike, NaiveDate};

use crate::app::filters::{FilterKind, FilterOption};
use crate::app::link::{LinkProblem, LinkProblemKind, LinkStatus};
use crate::args;
use crate::catalogue::{Audience, Category, Session};
use crate::domain::card::CardError;
use crate::domain::geo::Compass;
use crate::domain::lang::Lang;
use crate::file_fault::FileFault;
use crate::i18n::{t, ta};
use crate::outbox::Status;
use crate::signup::Refusal;

/// The weekday's short name: 周一 / Mon.
pub fn weekday(lang: Lang, date: NaiveDate) -> String {
    let key = match date.weekday() {
        chrono::Weekday::Mon => "weekday-mon",
        chrono::Weekday::Tue => "weekday-tue",
        chrono::Weekday::Wed => "weekday-wed",
        chrono::Weekday::Thu => "weekday-thu",
        chrono::Weekday::Fri => "weekday-fri",
        chrono::Weekday::Sat => "weekday-sat",
        chrono::Weekday::Sun => "weekday-sun",
    };
    t(lang, key)
}

/// Day and month: 11月23日 / 23 Nov.
pub fn day_month(lang: Lang, date: NaiveDate) -> String {
    let month = t(lang, &format!("month-{}", date.month()));
    ta(
        lang,
        "date-day-month",
        args!["day" => date.day(), "month" => &month, "monthnum" => date.month()],
    )
}

/// A date with its weekday: 周一 11月23日 / Mon 23 Nov.
pub fn date(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", weekday(lang, date), day_month(lang, date))
}

/// A date said relative to today where that is clearer: 今天 / 明天 / 周三 11月25日.
pub fn day(lang: Lang, date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => format!("{} {}", t(lang, "day-today"), day_month(lang, date)),
        1 => format!("{} {}", t(lang, "day-tomorrow"), day_month(lang, date)),
        _ => self::date(lang, date),
    }
}

/// When a session starts, briefly: 今天 14:00 / 周三 11月25日 19:00.
pub fn when(lang: Lang, session: &Session, today: NaiveDate) -> String {
    let time = session.start.format("%H:%M").to_string();
    match (session.date - today).num_days() {
        0 => format!("{} {time}", t(lang, "day-today")),
        1 => format!("{} {time}", t(lang, "day-tomorrow")),
        _ => format!("{} {time}", self::date(lang, session.date)),
    }
}

/// The time range of a session: 14:00-15:30.
pub fn time_range(session: &Session) -> String {
    format!(
        "{}-{}",
        session.start.format("%H:%M"),
        session.end.format("%H:%M")
    )
}

/// A distance: 1.2 公里 / 1.2 km, or "right here" for the kiosk's own venue.
pub fn distance(lang: Lang, km: f64) -> String {
    if km < 0.05 {
        t(lang, "distance-here")
    } else {
        let km = format!("{km:.1}");
        ta(lang, "distance-km", args!["km" => &km])
    }
}

/// A compass direction in words: 东北 / north-east.
pub fn direction(lang: Lang, compass: Compass) -> String {
    t(lang, &format!("direction-{}", compass.key()))
}

/// Distance and direction together: 1.2 公里 东北 / 1.2 km north-east.
pub fn distance_direction(lang: Lang, km: f64, compass: Compass) -> String {
    if km < 0.05 {
        return distance(lang, km);
    }
    let km = format!("{km:.1}");
    let dir = direction(lang, compass);
    ta(
        lang,
        "distance-direction",
        args!["km" => &km, "direction" => &dir],
    )
}

/// Seats in words: 还有 15 个名额 / 15 seats left, 已满 / Full, 已取消 / Cancelled.
pub fn seats(lang: Lang, left: u32, cancelled: bool) -> String {
    if cancelled {
        t(lang, "seats-cancelled")
    } else if left == 0 {
        t(lang, "seats-full")
    } else {
        ta(lang, "seats-left", args!["seats" => left])
    }
}

/// A sign-up's status, honestly: saved here, or what the hub answered.
pub fn status(lang: Lang, status: Status) -> String {
    t(lang, &format!("status-{}", status.as_str()))
}

/// Why the hub refused a sign-up, in words, if the reason is one the kiosk knows.
pub fn answer_reason(lang: Lang, reason: &str) -> Option<String> {
    let id = format!("reason-{reason}");
    crate::i18n::has(lang, &id).then(|| t(lang, &id))
}

/// Why a sign-up is held or was refused: the reason in the person's words, and the system's
/// own detail (which may be in English), to be shown on a line of its own. Reasons are
/// stored as `code` or `code: detail`.
pub fn held_reason(lang: Lang, reason: &str) -> (String, Option<String>) {
    let (code, detail) = match reason.split_once(": ") {
        Some((code, detail)) => (code, Some(detail.to_string())),
        None => (reason, None),
    };
    match answer_reason(lang, code) {
        Some(words) => (words, detail),
        None => (t(lang, "reason-other"), Some(reason.to_string())),
    }
}

/// A system's detail, labelled, for a line of its own.
pub fn detail(lang: Lang, detail: &str) -> String {
    crate::problem::detail_line(lang, detail)
}

/// A sign-up's status in a word or two, for lists and counts.
pub fn status_short(lang: Lang, status: Status) -> String {
    t(lang, &format!("status-short-{}", status.as_str()))
}

/// What an outbox item is, in a word or two: a sign-up, a waiting-list join, a cancel, a
/// check-in.
pub fn item_kind(lang: Lang, kind: crate::outbox::Kind) -> String {
    t(lang, &format!("item-kind-{}", kind.as_str()))
}

/// A message in the words of the site's input: on a keypad-only site (no touchscreen) its
/// `-keypad` form where it has one, which says "press" and never "tap".
pub fn for_input(state: &crate::app::State, lang: Lang, id: &str) -> String {
    let keypad = format!("{id}-keypad");
    if !state.site.touchscreen && crate::i18n::has(lang, &keypad) {
        t(lang, &keypad)
    } else {
        t(lang, id)
    }
}

/// A time of day, with the date too when it is not today: 09:12 / 11月21日 09:12.
pub fn moment(lang: Lang, at: &crate::domain::time::Moment, today: NaiveDate) -> String {
    let time = at.format("%H:%M").to_string();
    if at.date_naive() == today {
        time
    } else {
        format!("{} {time}", day_month(lang, at.date_naive()))
    }
}

/// The link to the hub in a few words: online and when it last synced, or offline since when.
pub fn link(lang: Lang, link: &LinkStatus, today: NaiveDate) -> String {
    // A kiosk without a hub is not cut off from one: it works on its own, for good.
    if !link.hub {
        return t(lang, "link-standalone");
    }
    match (link.online, link.last_sync, link.offline_since) {
        (true, Some(at), _) => ta(
            lang,
            "link-online",
            args!["time" => &moment(lang, &at, today)],
        ),
        (false, _, Some(since)) => ta(
            lang,
            "link-offline-since",
            args!["time" => &moment(lang, &since, today)],
        ),
        _ => t(lang, "link-connecting"),
    }
}

/// What went wrong with the link, for staff: the sentence in words (a wait or a count in
/// it), and the system's own detail, if any, for a line of its own ([`detail`]).
pub fn link_problem(lang: Lang, problem: &LinkProblem) -> (String, Option<String>) {
    let id = format!("link-problem-{}", problem.kind.as_str());
    let number = problem.detail.trim_end_matches('s').parse::<u64>().ok();
    match (problem.kind, number, problem.fault) {
        (LinkProblemKind::Busy, Some(seconds), _) => (
            ta(
                lang,
                "link-problem-busy-for",
                args!["seconds" => seconds as usize],
            ),
            None,
        ),
        (LinkProblemKind::Catalogue, Some(count), _) => {
            (ta(lang, &id, args!["count" => count as usize]), None)
        }
        // A file's fault is said by its kind: the token file by name, the system's own
        // words only when the kind says nothing more.
        (LinkProblemKind::Token, _, Some(fault)) => (
            ta(
                lang,
                "link-problem-token-file",
                args!["file" => &problem.detail, "why" => &fault.words(lang)],
            ),
            None,
        ),
        (_, _, Some(fault)) if fault != FileFault::Other => {
            (labelled(lang, &t(lang, &id), fault.words(lang)), None)
        }
        _ => (
            t(lang, &id),
            (!problem.detail.is_empty()).then(|| problem.detail.clone()),
        ),
    }
}

/// A label and its value: "Confirmed: 3" / "已确认：3".
pub fn labelled(lang: Lang, label: &str, value: impl std::fmt::Display) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

/// Items joined as a list in the language's way: "a; b" / "a；b".
pub fn list(lang: Lang, items: &[String]) -> String {
    items.join(match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    })
}

/// A category's name.
pub fn category(lang: Lang, c: Category) -> String {
    t(lang, &format!("category-{}", c.wire()))
}

/// An audience's name.
pub fn audience(lang: Lang, a: Audience) -> String {
    t(lang, &format!("audience-{}", a.wire()))
}

/// A venue's address with its district, said once: 朝阳区望京西园三区 / Chaoyang, 3 Road.
pub fn address(lang: Lang, venue: &crate::catalogue::Venue) -> String {
    let address = venue.address.get(lang);
    let district = venue.district.name(lang);
    if address.contains(district) {
        address.to_string()
    } else {
        format!("{district} {address}")
    }
}

/// How to get to a venue from here: distance, direction and step-free access.
pub fn way_there(
    lang: Lang,
    here: crate::domain::geo::LatLon,
    venue: &crate::catalogue::Venue,
) -> String {
    let access = t(
        lang,
        if venue.step_free {
            "access-step-free"
        } else {
            "access-steps"
        },
    );
    let distance = here.distance_km(venue.position);
    let direction = here.direction_to(venue.position);
    format!(
        "{}   {access}",
        distance_direction(lang, distance, direction)
    )
}

/// A venue kind's name.
pub fn venue_kind(lang: Lang, k: crate::catalogue::VenueKind) -> String {
    t(lang, &format!("kind-{}", k.wire()))
}

/// A filter's name.
pub fn filter_name(lang: Lang, kind: FilterKind) -> String {
    t(lang, &format!("filter-{}", kind.as_str()))
}

/// One choice of a filter.
pub fn filter_option(lang: Lang, option: FilterOption, today: NaiveDate) -> String {
    match option {
        FilterOption::All => t(lang, "filter-all"),
        FilterOption::Category(c) => category(lang, c),
        FilterOption::Audience(a) => audience(lang, a),
        FilterOption::Day(d) => day(lang, d, today),
    }
}

/// Why a card was refused, and what to do.
pub fn card_error(lang: Lang, err: &CardError) -> String {
    match err {
        CardError::Empty => t(lang, "card-error-empty"),
        CardError::NotDigit(_) => t(lang, "card-error-not-digit"),
        CardError::WrongLength(n) => ta(lang, "card-error-length", args!["count" => *n]),
        CardError::UnknownDistrict(code) => ta(lang, "card-error-district", args!["code" => code]),
        CardError::CheckDigit => t(lang, "card-error-check"),
    }
}

/// Why a sign-up was refused, and what to do.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::UnknownActivity(id) => ta(lang, "refusal-unknown", args!["id" => id]),
        Refusal::NoSession(d) => {
            let d = date(lang, *d);
            ta(lang, "refusal-no-session", args!["date" => &d])
        }
        Refusal::Excepted(d) => {
            let d = date(lang, *d);
            ta(lang, "refusal-excepted", args!["date" => &d])
        }
        Refusal::Cancelled => t(lang, "refusal-cancelled"),
        Refusal::Ended => t(lang, "refusal-ended"),
        Refusal::Started => t(lang, "refusal-started"),
        Refusal::Full => t(lang, "refusal-full"),
    }
}

/// The message id of what a printout's end means for the person at the screen.
pub fn print_outcome_notice(outcome: crate::printer::PrintOutcome) -> &'static str {
    use crate::printer::PrintOutcome as O;
    match outcome {
        O::Printed => "notice-printed",
        O::Off => "notice-printer-off",
        O::NoPaper => "notice-printer-no-paper",
        O::TimedOut => "notice-printer-timeout",
    }
}

/// How a printout ended, in a few words for staff.
pub fn print_outcome(lang: Lang, outcome: crate::printer::PrintOutcome) -> String {
    use crate::printer::PrintOutcome as O;
    match outcome {
        O::Printed => t(lang, "printer-outcome-printed"),
        O::Off => t(lang, "printer-outcome-off"),
        O::NoPaper => t(lang, "printer-outcome-no-paper"),
        O::TimedOut => t(lang, "printer-outcome-timeout"),
    }
}
