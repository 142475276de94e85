//! The nearby list, with its filter tabs.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::keymap::FILTER_KEY;
use crate::app::{Action, State};
use crate::ui::list::{self, Page};
use crate::ui::model::nearby::Nearby;
use crate::ui::painter::{ButtonKind, Painter, button_width, row_of_buttons};
use crate::ui::text::width;

/// Draws the nearby list with its filter tabs.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &Nearby, area: Rect) {
    // The heading, the tabs, a gap under them (so no two touch targets meet), the list.
    let [heading, tabs, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let w = super::heading(p, heading, &m.title);
    p.text(
        area.x + w + 3,
        heading.y,
        area.width.saturating_sub(w + 4),
        &m.scope,
        p.theme.muted.style(),
    );

    // On the keypad, "." opens the filter menu and a digit picks the filter: the tab says so.
    let keys: Vec<String> = (1..=m.tabs.len())
        .map(|n| format!("{FILTER_KEY}{n}"))
        .collect();
    let widths: Vec<u16> = m
        .tabs
        .iter()
        .zip(&keys)
        .map(|((_, label), key)| button_width(key, label))
        .collect();
    for (rect, ((kind, label), key)) in row_of_buttons(area.x + 1, tabs.y, area.right(), &widths)
        .into_iter()
        .zip(m.tabs.iter().zip(&keys))
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

    if let Some(empty) = &m.empty {
        let text = Rect::new(
            list_area.x + 2,
            list_area.y + 1,
            list_area.width.saturating_sub(4),
            3,
        );
        p.paragraph(text, empty, p.theme.text.style());
        return;
    }
    let page = Page::new(state, list_area, m.rows.count);
    // The second line's columns (when, how far) line up across the page, sized to fit it.
    let when_w = m
        .rows
        .rows
        .iter()
        .map(|(_, r)| width(&r.when))
        .max()
        .unwrap_or(0) as u16;
    let dist_w = m
        .rows
        .rows
        .iter()
        .map(|(_, r)| width(&r.distance))
        .max()
        .unwrap_or(0) as u16;
    // A touch row has a third line: when a venue's name would be cut beside the time, the
    // page gives the name the second line to itself and the time and distance the third.
    let venue_room = |rect: Rect| {
        let dist_x = rect.right().saturating_sub(1 + dist_w);
        dist_x.saturating_sub(when_w + 3 + rect.x + 6)
    };
    let three_lines = page.items().zip(&m.rows.rows).any(|((_, pos), (_, row))| {
        let rect = page.row(pos);
        rect.height >= 3 && width(&row.venue) as u16 > venue_room(rect)
    });
    for ((index, pos), (_, row)) in page.items().zip(&m.rows.rows) {
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
        // The venue takes the rest of its line, or (a touch row with a third line) the
        // whole second line; a branch is told by its end, among the other venues listed.
        let (venue, when_y) = if three_lines {
            (
                Rect::new(rect.x + 4, y, rect.width.saturating_sub(5), 1),
                y + 1,
            )
        } else {
            let h = rect.bottom().saturating_sub(y);
            (Rect::new(rect.x + 4, y, venue_room(rect), h), y)
        };
        let siblings = m.venues.iter().map(String::as_str);
        p.name(venue, &row.venue, siblings, pair.style());
        p.text(when_x, when_y, when_w, &row.when, pair.style());
        p.text(dist_x, when_y, dist_w, &row.distance, pair.style());
    }
    list::pager(p, state, &page);
}
