//! One activity: where, how far, how to get in, and its next sessions.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::app::State;
use crate::ui::list::{self, Page};
use crate::ui::model::activity::ActivityModel;
use crate::ui::painter::Painter;
use crate::ui::text::width;

/// Draws the activity screen.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &ActivityModel, area: Rect) {
    // Seven lines about the activity, then its sessions.
    let [title, place, way, schedule, summary, prompt, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let text = |r: Rect| r.inner(Margin::new(1, 0));
    // The title, and what kind of activity it is on the right.
    let title = text(title);
    let kind_w = (width(&m.kind) as u16).min(title.width / 2);
    let title_w = title.width.saturating_sub(kind_w + 2);
    p.text(title.x, title.y, title_w, &m.title, p.theme.text.bold());
    p.text_right(
        title.right(),
        title.y,
        kind_w,
        &m.kind,
        p.theme.muted.style(),
    );
    // Addresses often name their district already; say it once.
    let where_words = format!("{}   {}", m.venue, m.address);
    let place = text(place);
    p.text(
        place.x,
        place.y,
        place.width,
        &where_words,
        p.theme.text.style(),
    );
    let way = text(way);
    p.text(way.x, way.y, way.width, &m.way, p.theme.text.style());
    let schedule = text(schedule);
    p.text(
        schedule.x,
        schedule.y,
        schedule.width,
        &m.schedule,
        p.theme.text.style(),
    );
    if let Some(words) = &m.summary {
        p.paragraph(text(summary), words, p.theme.muted.style());
    }
    let pair = if m.cancelled {
        p.theme.problem
    } else {
        p.theme.text
    };
    let prompt = text(prompt);
    let prompt_words = crate::ui::words::for_input(state, p.lang, m.prompt(false));
    p.text(prompt.x, prompt.y, prompt.width, &prompt_words, pair.bold());

    if m.rows.count == 0 {
        let none = p.t("activity-no-sessions");
        p.text(
            prompt.x + 3,
            list_area.y + 1,
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
            &row.day_and_time,
            pair.style(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            seats_w,
            &row.seats,
            pair.style(),
        );
    }
    list::pager(p, state, &page);
}
