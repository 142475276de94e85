//! The nearby list.

use ratatui::layout::Rect;

use crate::app::keymap::FILTER_KEY;
use crate::app::state::SessionRef;
use crate::app::{Action, State};
use crate::args;
use crate::domain::time::local_date;
use crate::i18n::ta;
use crate::ui::list::{self, Page};
use crate::ui::painter::{ButtonKind, Painter, button_width, row_of_buttons};
use crate::ui::text::width;
use crate::ui::words;

/// The words of one row.
struct Row {
    title: String,
    seats: String,
    venue: String,
    when: String,
    distance: String,
}

impl Row {
    fn new(
        state: &State,
        lang: crate::domain::lang::Lang,
        index: usize,
        today: chrono::NaiveDate,
    ) -> Row {
        let item = state.visit.nearby[index];
        let activity = state.catalogue.activity(item.activity);
        let venue = state.catalogue.venue(item.venue);
        let session = SessionRef {
            activity: item.activity,
            date: item.session.date,
        };
        let direction = state.site.position.direction_to(venue.position);
        Row {
            title: state
                .catalogue
                .texts(item.activity)
                .title
                .get(lang)
                .to_string(),
            seats: words::seats(lang, state.seats_left(session), activity.is_cancelled()),
            venue: venue.name.get(lang).to_string(),
            when: words::when(lang, &item.session, today),
            distance: words::distance_direction(lang, item.distance_km, direction),
        }
    }
}

/// Draws the nearby list with its filter tabs.
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    let title = p.t("nearby-title");
    let w = super::heading(p, area, &title);
    let radius = format!("{:.0}", state.site.radius_km);
    let scope = ta(
        lang,
        "nearby-scope",
        args!["km" => &radius, "days" => state.site.days],
    );
    p.text(
        area.x + w + 3,
        area.y,
        area.width.saturating_sub(w + 4),
        &scope,
        p.theme.muted.style(),
    );

    let today = local_date(&state.clock.now);
    let tabs = super::filter::labels(state, lang);
    // On the keypad, "." opens the filter menu and a digit picks the filter: the tab says so.
    let keys: Vec<String> = (1..=tabs.len())
        .map(|n| format!("{FILTER_KEY}{n}"))
        .collect();
    let widths: Vec<u16> = tabs
        .iter()
        .zip(&keys)
        .map(|((_, label), key)| button_width(key, label))
        .collect();
    for (rect, ((kind, label), key)) in
        row_of_buttons(area.x + 1, area.y + 1, area.right(), &widths)
            .into_iter()
            .zip(tabs.iter().zip(&keys))
    {
        p.button(
            rect,
            key,
            label,
            Action::OpenFilter(*kind),
            ButtonKind::Normal,
            false,
        );
    }

    // The list starts after a gap under the tabs, so no two touch targets meet.
    let list_area = Rect::new(
        area.x,
        area.y + 5,
        area.width,
        area.height.saturating_sub(5),
    );
    if state.visit.nearby.is_empty() {
        let empty = p.t("nearby-empty");
        let text = Rect::new(
            list_area.x + 2,
            list_area.y + 1,
            list_area.width.saturating_sub(4),
            3,
        );
        p.paragraph(text, &empty, p.theme.text.style());
        return;
    }
    let page = Page::new(state, list_area, state.visit.nearby.len());
    // The second line's columns (when, how far) line up across the page, sized to fit it.
    let rows: Vec<Row> = page
        .items()
        .map(|(index, _)| Row::new(state, lang, index, today))
        .collect();
    let when_w = rows.iter().map(|r| width(&r.when)).max().unwrap_or(0) as u16;
    let dist_w = rows.iter().map(|r| width(&r.distance)).max().unwrap_or(0) as u16;
    for ((index, pos), row) in page.items().zip(rows) {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        let right = rect.right().saturating_sub(1);
        let seats_w = width(&row.seats) as u16;
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let title_room = rect.width.saturating_sub(seats_w + 8);
        p.text(rect.x + 4, rect.y, title_room, &row.title, pair.bold());
        p.text_right(right, rect.y, seats_w, &row.seats, pair.style());
        if rect.height < 2 {
            continue;
        }
        let y = rect.y + 1;
        let dist_x = right.saturating_sub(dist_w);
        let when_x = dist_x.saturating_sub(when_w + 3);
        p.text(
            rect.x + 4,
            y,
            when_x.saturating_sub(rect.x + 6),
            &row.venue,
            pair.style(),
        );
        p.text(when_x, y, when_w, &row.when, pair.style());
        p.text(dist_x, y, dist_w, &row.distance, pair.style());
    }
    list::pager(p, state, &page, list_area);
}
