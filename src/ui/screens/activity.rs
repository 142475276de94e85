//! One activity: where, how far, how to get in, and its next sessions.

use chrono::Weekday;
use ratatui::layout::Rect;

use crate::app::State;
use crate::app::screens::activity::sessions;
use crate::app::state::SessionRef;
use crate::args;
use crate::catalogue::ActivityId;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::list::{self, Page};
use crate::ui::painter::Painter;
use crate::ui::text::width;
use crate::ui::words;

/// Draws the activity screen.
pub fn draw(p: &mut Painter<'_>, state: &State, id: ActivityId, area: Rect) {
    let lang = p.lang;
    let catalogue = &state.catalogue;
    let activity = catalogue.activity(id);
    let texts = catalogue.texts(id);
    let venue = catalogue.venue(activity.venue);
    let inner = area.width.saturating_sub(2);
    let x = area.x + 1;

    // Line 1: title, and what kind of activity it is.
    let mut facts = vec![words::category(lang, activity.category)];
    facts.extend(activity.audience.iter().map(|a| words::audience(lang, a)));
    if let Some(credits) = activity.credits {
        let credits = format!("{credits}");
        facts.push(ta(lang, "activity-credits", args!["credits" => &credits]));
    }
    let facts = facts.join("   ");
    let facts_w = (width(&facts) as u16).min(inner / 2);
    let title_w = inner.saturating_sub(facts_w + 2);
    p.text(
        x,
        area.y,
        title_w,
        texts.title.get(lang),
        p.theme.text.bold(),
    );
    p.text_right(
        area.right().saturating_sub(1),
        area.y,
        facts_w,
        &facts,
        p.theme.muted.style(),
    );

    // Line 2: the venue and its address.
    // Addresses often name their district already; say it once.
    let place = format!("{}   {}", venue.name.get(lang), words::address(lang, venue));
    p.text(x, area.y + 1, inner, &place, p.theme.text.style());

    // Line 3: how far, which way, and step-free access.
    let way = words::way_there(lang, state.site.position, venue);
    p.text(x, area.y + 2, inner, &way, p.theme.text.style());

    // Line 4: when it meets.
    p.text(
        x,
        area.y + 3,
        inner,
        &schedule(lang, activity),
        p.theme.text.style(),
    );

    // Lines 5-6: what it is.
    if let Some(summary) = &texts.summary {
        p.paragraph(
            Rect::new(x, area.y + 4, inner, 2),
            summary.get(lang),
            p.theme.muted.style(),
        );
    }

    // Line 7: what to do, or why not.
    let prompt = if activity.is_cancelled() {
        p.t("activity-cancelled")
    } else {
        p.t("activity-choose")
    };
    let pair = if activity.is_cancelled() {
        p.theme.problem
    } else {
        p.theme.text
    };
    p.text(x, area.y + 6, inner, &prompt, pair.bold());

    let list_area = Rect::new(
        area.x,
        area.y + 7,
        area.width,
        area.height.saturating_sub(7),
    );
    let upcoming = sessions(state, id);
    if upcoming.is_empty() {
        let none = p.t("activity-no-sessions");
        p.text(x + 3, list_area.y + 1, inner, &none, p.theme.text.style());
        return;
    }
    let today = local_date(&state.clock.now);
    let page = Page::new(state, list_area, upcoming.len());
    for (index, pos) in page.items() {
        let session = upcoming[index];
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        let left = state.seats_left(SessionRef {
            activity: id,
            date: session.date,
        });
        let seats = words::seats(lang, left, activity.is_cancelled());
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let when = format!(
            "{}   {}",
            words::day(lang, session.date, today),
            words::time_range(&session)
        );
        let seats_w = width(&seats) as u16;
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(seats_w + 8),
            &when,
            pair.style(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            seats_w,
            &seats,
            pair.style(),
        );
    }
    list::pager(p, state, &page, list_area);
}

/// When an activity meets, in words: 每周一、三 09:30-11:00 / Every Mon, Wed 09:30-11:00.
pub fn schedule(lang: Lang, activity: &crate::catalogue::Activity) -> String {
    match &activity.repeat {
        Some(r) => {
            let days: Vec<String> = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]
            .into_iter()
            .filter(|d| r.on_weekday(*d))
            .map(|d| {
                t(
                    lang,
                    &format!("weekday-short-{}", d.to_string().to_lowercase()),
                )
            })
            .collect();
            let days = days.join(&t(lang, "list-separator"));
            let time = format!(
                "{}-{}",
                r.start_time().format("%H:%M"),
                r.end_time().format("%H:%M")
            );
            ta(
                lang,
                "schedule-weekly",
                args!["days" => &days, "time" => &time],
            )
        }
        None => t(lang, "schedule-dates"),
    }
}
