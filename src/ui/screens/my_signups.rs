//! This card's sign-ups on this kiosk, with their status.

use ratatui::layout::Rect;

use crate::app::State;
use crate::ui::list::{self, Page};
use crate::ui::model::my_signups::MySignups;
use crate::ui::painter::Painter;
use crate::ui::text::width;

/// Draws "My sign-ups".
pub fn draw(p: &mut Painter<'_>, state: &State, m: &MySignups, area: Rect) {
    let title = p.t("my-signups-title");
    let list_area = super::list_screen(p, area, &title);
    let Some(rows) = &m.rows else {
        let reading = p.t("my-signups-loading");
        p.text(
            area.x + 2,
            area.y + 2,
            area.width,
            &reading,
            p.theme.muted.style(),
        );
        return;
    };
    if rows.count == 0 {
        let none = p.t("my-signups-none");
        p.paragraph(
            Rect::new(area.x + 2, area.y + 2, area.width.saturating_sub(4), 2),
            &none,
            p.theme.text.style(),
        );
        return;
    }
    let page = Page::new(state, list_area, rows.count);
    for ((index, pos), (_, row)) in page.items().zip(&rows.rows) {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        let status_w = (width(&row.status) as u16).min(rect.width / 2);
        p.text(rect.x + 1, rect.y, 8, &row.code, pair.bold());
        p.text(
            rect.x + 10,
            rect.y,
            rect.width.saturating_sub(status_w + 12),
            &row.title,
            pair.bold(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            status_w,
            &row.status,
            pair.style(),
        );
        if rect.height >= 2 {
            // A refusal's reason matters more than the place it would have been at.
            let detail = row.reason.as_deref().unwrap_or(&row.venue);
            let when = format!("{}  {}   {detail}", row.day, row.time);
            p.text(
                rect.x + 10,
                rect.y + 1,
                rect.width.saturating_sub(11),
                &when,
                pair.style(),
            );
        }
    }
    list::pager(p, state, &page);
    if let Some(note) = &m.needs_link {
        // Under the list, where the pager leaves room.
        let y = list_area.bottom().saturating_sub(1);
        p.text(
            area.x + 2,
            y,
            area.width.saturating_sub(4),
            note,
            p.theme.muted.style(),
        );
    }
}
