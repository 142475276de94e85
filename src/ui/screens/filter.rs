//! Choosing a filter's value.

use ratatui::layout::Rect;

use crate::app::State;
use crate::app::filters::FilterKind;
use crate::app::screens::filter::options;
use crate::args;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::ta;
use crate::ui::list::{self, Page};
use crate::ui::painter::Painter;
use crate::ui::words;

/// Each filter with its value in force: "Category: All".
pub(super) fn labels(state: &State, lang: Lang) -> Vec<(FilterKind, String)> {
    let today = local_date(&state.clock.now);
    FilterKind::ALL
        .iter()
        .map(|kind| {
            let value = match kind {
                FilterKind::Category => state
                    .visit
                    .filters
                    .category
                    .map(|c| words::category(lang, c)),
                FilterKind::Audience => state
                    .visit
                    .filters
                    .audience
                    .map(|a| words::audience(lang, a)),
                FilterKind::Day => state.visit.filters.day.map(|d| words::day(lang, d, today)),
            }
            .unwrap_or_else(|| crate::i18n::t(lang, "filter-all"));
            (
                *kind,
                format!("{}: {value}", words::filter_name(lang, *kind)),
            )
        })
        .collect()
}

/// The filter menu: the keypad's way to the three filters.
pub fn menu(p: &mut Painter<'_>, state: &State, area: Rect) {
    let title = p.t("filter-menu-title");
    let list_area = super::list_screen(p, area, &title);
    let entries = labels(state, p.lang);
    let page = Page::new(state, list_area, entries.len());
    for (index, pos) in page.items() {
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(5),
            &entries[index].1,
            pair.style(),
        );
    }
}

/// Draws a filter's choices; the one in force says so in words.
pub fn draw(p: &mut Painter<'_>, state: &State, kind: FilterKind, area: Rect) {
    let lang = p.lang;
    let name = words::filter_name(lang, kind);
    let title = ta(lang, "filter-title", args!["filter" => &name]);
    let list_area = super::list_screen(p, area, &title);
    let choices = options(state, kind);
    let page = Page::new(state, list_area, choices.len());
    let today = local_date(&state.clock.now);
    let current = p.t("filter-current");
    for (index, pos) in page.items() {
        let option = choices[index];
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        p.text(rect.x + 1, rect.y, 2, &(pos + 1).to_string(), pair.bold());
        let mut label = words::filter_option(lang, option, today);
        if state.visit.filters.is_selected(kind, option) {
            label = format!("{label}   ({current})");
        }
        p.text(
            rect.x + 4,
            rect.y,
            rect.width.saturating_sub(5),
            &label,
            pair.style(),
        );
    }
    list::pager(p, state, &page, list_area);
}
