//! One venue: where it is, how to get in, and what is on there, soonest first.

use ratatui::layout::Rect;

use crate::app::State;
use crate::app::screens::venue::activities;
use crate::app::state::SessionRef;
use crate::args;
use crate::catalogue::VenueId;
use crate::domain::time::local_date;
use crate::i18n::ta;
use crate::ui::list::{self, Page};
use crate::ui::painter::Painter;
use crate::ui::text::width;
use crate::ui::words;

/// Draws the venue screen.
pub fn draw(p: &mut Painter<'_>, state: &State, id: VenueId, area: Rect) {
    let lang = p.lang;
    let venue = state.catalogue.venue(id);
    let x = area.x + 1;
    let w = area.width.saturating_sub(2);
    p.text(x, area.y, w, venue.name.get(lang), p.theme.text.bold());
    let kind = words::venue_kind(lang, venue.kind);
    let place = format!("{kind}   {}", words::address(lang, venue));
    p.text(x, area.y + 1, w, &place, p.theme.text.style());
    let mut way = words::way_there(lang, state.site.position, venue);
    if let Some(phone) = &venue.phone {
        way = format!(
            "{way}   {}",
            ta(lang, "venue-phone", args!["phone" => &phone.to_string()])
        );
    }
    p.text(x, area.y + 2, w, &way, p.theme.text.style());
    let prompt = p.t("venue-choose");
    p.text(x, area.y + 3, w, &prompt, p.theme.text.bold());

    let list_area = Rect::new(
        area.x,
        area.y + 5,
        area.width,
        area.height.saturating_sub(5),
    );
    let items = activities(state, id);
    if items.is_empty() {
        let none = p.t("venue-none");
        p.text(x + 3, list_area.y, w, &none, p.theme.text.style());
        return;
    }
    let today = local_date(&state.clock.now);
    let page = Page::new(state, list_area, items.len());
    for (index, pos) in page.items() {
        let (activity_id, next) = items[index];
        let activity = state.catalogue.activity(activity_id);
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let seats = match next {
            Some(s) => words::seats(
                lang,
                state.seats_left(SessionRef {
                    activity: activity_id,
                    date: s.date,
                }),
                activity.is_cancelled(),
            ),
            None => String::new(),
        };
        let seats_w = width(&seats) as u16;
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(seats_w + 8),
            state.catalogue.texts(activity_id).title.get(lang),
            pair.bold(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            seats_w,
            &seats,
            pair.style(),
        );
        if rect.height >= 2 {
            let when = match next {
                Some(s) => ta(
                    lang,
                    "venue-next",
                    args!["when" => &words::when(lang, &s, today)],
                ),
                None => p.t("map-nothing-next"),
            };
            p.text(
                rect.x + 4,
                rect.y + 1,
                rect.width.saturating_sub(5),
                &when,
                pair.style(),
            );
        }
    }
    list::pager(p, state, &page, list_area);
}
