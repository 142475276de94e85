//! The filter menu, and a filter's choices.

use ratatui::layout::Rect;

use crate::app::State;
use crate::ui::list::{self, Page};
use crate::ui::model::filter::{FilterList, MenuRow, OptionRow};
use crate::ui::painter::Painter;

/// The filter menu: the keypad's way to the three filters.
pub fn menu(p: &mut Painter<'_>, state: &State, m: &FilterList<MenuRow>, area: Rect) {
    let list_area = super::list_screen(p, area, &m.title);
    let page = Page::new(state, list_area, m.rows.count);
    for ((index, pos), (_, row)) in page.items().zip(&m.rows.rows) {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(5),
            &row.label,
            pair.style(),
        );
    }
}

/// A filter's choices; the one in force says so in words.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &FilterList<OptionRow>, area: Rect) {
    let list_area = super::list_screen(p, area, &m.title);
    let page = Page::new(state, list_area, m.rows.count);
    let current = p.t("filter-current");
    for ((index, pos), (_, row)) in page.items().zip(&m.rows.rows) {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let label = if row.current {
            format!("{}   ({current})", row.label)
        } else {
            row.label.clone()
        };
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(5),
            &label,
            pair.style(),
        );
    }
    list::pager(p, state, &page);
}
