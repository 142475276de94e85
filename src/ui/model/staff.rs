//! The staff page: the kiosk's facts, its link and outbox, what needs staff, and the buttons.
//! It has one form (staff screens are not for the public, so no assisted page).

use crate::app::State;
use crate::app::screens::staff_menu::{StaffItem, menu_items};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::words;

/// The staff page's words.
pub struct Staff {
    /// The kiosk, its catalogue, its link and its outbox, a line each.
    pub facts: Vec<String>,
    /// Problems staff should know of, each with its system detail on a line of its own.
    pub problems: Vec<String>,
    /// A notice kept for staff across idle resets (a rebuilt outbox).
    pub notice: Option<String>,
    /// The buttons, in order.
    pub items: Vec<String>,
    /// The sign-ups that need staff, then the rows that cannot be read.
    pub attention: Vec<String>,
}

/// The staff page as it stands.
pub fn build(state: &State, lang: Lang) -> Staff {
    Staff {
        facts: facts(state, lang),
        problems: problems(state, lang),
        notice: state
            .staff_notice
            .as_ref()
            .map(|n| crate::ui::overlays::notice_text(lang, state, n)),
        items: menu_items(state)
            .iter()
            .map(|item| {
                t(
                    lang,
                    match item {
                        StaffItem::Close => "staff-exit",
                        StaffItem::SyncNow => "staff-sync-now",
                        StaffItem::ResendHeld => "staff-resend-held",
                    },
                )
            })
            .collect(),
        attention: attention(state, lang),
    }
}

fn facts(state: &State, lang: Lang) -> Vec<String> {
    let today = state.clock.now.date_naive();
    let link = match &state.site.hub {
        Some(hub) => ta(
            lang,
            "staff-hub",
            args!["url" => &hub.url, "status" => &words::link(lang, &state.link, today)],
        ),
        None => t(lang, "staff-no-hub"),
    };
    let mut lines = vec![
        ta(
            lang,
            "staff-kiosk",
            args![
                "id" => &state.site.id,
                "source" => &state
                    .site
                    .source
                    .clone()
                    .unwrap_or_else(|| t(lang, "staff-config-demo"))
            ],
        ),
        ta(
            lang,
            "staff-catalogue",
            args![
                "venues" => state.catalogue.venue_count(),
                "activities" => state.catalogue.activity_count()
            ],
        ),
        link,
        printer(state, lang, today),
    ];
    if state.link.waiting_for_allowance {
        lines.push(t(lang, "staff-allowance-spent"));
    }
    let counts: Vec<String> = state
        .queue
        .counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(status, n)| words::labelled(lang, &words::status_short(lang, *status), n))
        .collect();
    lines.push(if counts.is_empty() {
        t(lang, "staff-outbox-empty")
    } else {
        ta(
            lang,
            "staff-outbox",
            args!["counts" => &words::list(lang, &counts)],
        )
    });
    lines.extend(sessions_here(state, lang));
    lines
}

/// The printer: where it is and how its last printout ended, and when; or that there is none.
fn printer(state: &State, lang: Lang, today: chrono::NaiveDate) -> String {
    let Some(printer) = &state.site.printer else {
        return t(lang, "staff-no-printer");
    };
    let status = match &state.printer_last {
        Some((outcome, at)) => ta(
            lang,
            "staff-printer-last",
            args![
                "outcome" => &words::print_outcome(lang, *outcome),
                "time" => &words::moment(lang, at, today)
            ],
        ),
        None => t(lang, "staff-printer-unused"),
    };
    ta(
        lang,
        "staff-printer",
        args![
            "kind" => printer.link.kind(),
            "target" => &printer.link.target(),
            "status" => &status
        ],
    )
}

/// The most of today's sessions at this venue the page lists (it must fit 80x24).
const SESSIONS_HERE: usize = 4;

/// Today's sessions at the venue this kiosk stands at, a line each: when, what, seats taken
/// of capacity, how many wait, how many checked in here.
fn sessions_here(state: &State, lang: Lang) -> Vec<String> {
    let Some(venue) = state
        .site
        .venue
        .as_deref()
        .and_then(|v| state.catalogue.venue_by_id(v))
    else {
        return Vec::new();
    };
    let today = crate::domain::time::local_date(&state.clock.now);
    let mut sessions: Vec<_> = state
        .catalogue
        .activities_at(venue)
        .iter()
        .filter_map(|id| match state.catalogue.activity(*id).session_on(today) {
            crate::catalogue::SessionLookup::Meets(s) => Some((*id, s)),
            _ => None,
        })
        .collect();
    sessions.sort_by_key(|(_, s)| s.start);
    let mut lines = vec![t(lang, "staff-today-here")];
    if sessions.is_empty() {
        lines.push(format!("  {}", t(lang, "staff-today-none")));
    }
    for (id, session) in sessions.iter().take(SESSIONS_HERE) {
        let activity = state.catalogue.activity(*id);
        let time = session.start.format("%H:%M").to_string();
        let texts = state.catalogue.texts(*id);
        let title = texts.title.get(lang);
        // A cancelled session has no seats to count: it says so instead.
        if activity.is_cancelled() {
            let line = ta(
                lang,
                "staff-session-cancelled",
                args!["time" => &time, "title" => title],
            );
            lines.push(format!("  {line}"));
            continue;
        }
        let key = (activity.id.to_string(), today);
        let taken =
            activity
                .capacity
                .saturating_sub(state.seats_left(crate::app::state::SessionRef {
                    activity: *id,
                    date: today,
                }));
        lines.push(format!(
            "  {}",
            ta(
                lang,
                "staff-session-line",
                args![
                    "time" => &time,
                    "title" => title,
                    "taken" => taken as usize,
                    "capacity" => activity.capacity as usize,
                    "waiting" => state.catalogue.waiting_on(&activity.id, today) as usize,
                    "checked" => state.queue.checked_in.get(&key).copied().unwrap_or(0) as usize
                ],
            )
        ));
    }
    lines
}

fn problems(state: &State, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(problem) = &state.link.last_error {
        let (said, detail) = words::link_problem(lang, problem);
        lines.push(ta(lang, "staff-last-problem", args!["problem" => &said]));
        lines.extend(detail.map(|d| format!("  {}", words::detail(lang, &d))));
    }
    if let Some(why) = &state.speech_problem {
        lines.push(t(lang, "staff-speech-missing"));
        lines.push(format!("  {}", words::detail(lang, why)));
    }
    if let Some(why) = &state.reader_problem {
        lines.push(t(lang, "staff-reader-missing"));
        lines.push(format!("  {}", words::detail(lang, why)));
    }
    if let Some(crashes) = &state.crashes {
        lines.push(ta(
            lang,
            "staff-crashes",
            args![
                "count" => crashes.count,
                "time" => &crashes.last_at.format("%m-%d %H:%M").to_string()
            ],
        ));
        lines.push(format!("  {}", words::detail(lang, &crashes.what)));
    }
    if state.log_failures > 0 {
        lines.push(ta(
            lang,
            "staff-log-failing",
            args!["count" => state.log_failures],
        ));
    }
    lines
}

/// The latest sign-ups that need staff, newest first, without card numbers, then the rows
/// that cannot be read. A system's detail goes on a line of its own.
fn attention(state: &State, lang: Lang) -> Vec<String> {
    let queue = &state.queue;
    let mut lines = Vec::new();
    for item in &queue.attention {
        let (why, detail) = item
            .reason
            .as_deref()
            .map(|r| words::held_reason(lang, r))
            .unwrap_or_default();
        // What staff act on first; the activity last, where a narrow screen may cut it.
        lines.push(format!(
            "{}  {}  ({} {})",
            item.code,
            words::labelled(lang, &words::status_short(lang, item.status), why),
            item.activity_id,
            item.date,
        ));
        lines.extend(detail.map(|d| format!("    {}", words::detail(lang, &d))));
    }
    for (code, problem) in &queue.damaged {
        lines.push(format!("{code}  {}", t(lang, "staff-damaged-row")));
        lines.push(format!("    {}", words::detail(lang, problem)));
    }
    lines
}
