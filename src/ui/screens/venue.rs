//! One venue: where it is, how to get in, and what is on there, soonest first.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::app::State;
use crate::ui::list::{self, Page};
use crate::ui::model::venue::VenueModel;
use crate::ui::painter::Painter;
use crate::ui::text::width;

/// Draws the venue screen.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &VenueModel, area: Rect) {
    // Four lines about the venue, a gap, its activities.
    let [name, place, way, prompt, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let text = |r: Rect| r.inner(Margin::new(1, 0));
    let (name, place, way, prompt) = (text(name), text(place), text(way), text(prompt));
    p.text(name.x, name.y, name.width, &m.name, p.theme.text.bold());
    p.text(
        place.x,
        place.y,
        place.width,
        &m.kind_and_address,
        p.theme.text.style(),
    );
    let way_words = match &m.phone {
        Some(phone) => format!("{}   {phone}", m.way),
        None => m.way.clone(),
    };
    p.text(way.x, way.y, way.width, &way_words, p.theme.text.style());
    let choose = crate::ui::words::for_input(state, p.lang, "venue-choose");
    p.text(
        prompt.x,
        prompt.y,
        prompt.width,
        &choose,
        p.theme.text.bold(),
    );

    if m.rows.count == 0 {
        let none = p.t("venue-none");
        p.text(
            prompt.x + 3,
            list_area.y,
            prompt.width,
            &none,
            p.theme.text.style(),
        );
        return;
    }
    let page = Page::new(state, list_area, m.rows.count);
    for ((index, pos), (_, row)) in page.items().zip(&m.rows.rows) {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let seats_w = width(&row.seats) as u16;
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(seats_w + 8),
            &row.title,
            pair.bold(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            seats_w,
            &row.seats,
            pair.style(),
        );
        if rect.height >= 2 {
            p.text(
                rect.x + 4,
                rect.y + 1,
                rect.width.saturating_sub(5),
                &row.next,
                pair.style(),
            );
        }
    }
    list::pager(p, state, &page);
}
