//! Numbered lists that page: each row a touch target, digits pick rows on the page.

use ratatui::layout::Rect;

use crate::app::{Action, State, paging};
use crate::args;
use crate::i18n::ta;
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::theme::Pair;

/// Where the rows of the focused page go, and which items they show.
pub struct Page {
    /// The index of the first item on the page.
    pub start: usize,
    /// Items on this page.
    pub len: usize,
    /// Rows one item takes.
    pub item_height: u16,
    /// The list area (without the pager).
    pub area: Rect,
    /// Total pages.
    pub pages: usize,
}

impl Page {
    /// The page of `count` items that holds the focus, laid out in `area` (pager included).
    pub fn new(state: &State, area: Rect, count: usize) -> Page {
        let page_len = crate::app::screens::page_len(state);
        let start = paging::page_start(state.visit.focus, page_len);
        Page {
            start,
            len: count.saturating_sub(start).min(page_len),
            item_height: paging::item_height(state.size.1, state.site.touchscreen),
            area: Rect::new(
                area.x,
                area.y,
                area.width,
                area.height.saturating_sub(paging::PAGER_ROWS),
            ),
            pages: count.div_ceil(page_len.max(1)).max(1),
        }
    }

    /// The rows of the `i`-th item on the page.
    pub fn row(&self, i: usize) -> Rect {
        let y = self.area.y + self.item_height * i as u16;
        let h = paging::target_height(self.item_height);
        Rect::new(self.area.x, y, self.area.width, h).intersection(self.area)
    }

    /// The items on this page, as (index in the list, position on the page).
    pub fn items(&self) -> impl Iterator<Item = (usize, usize)> + use<> {
        let start = self.start;
        (0..self.len).map(move |i| (start + i, i))
    }

    /// Which page this is, counting from 1.
    pub fn number(&self, state: &State) -> usize {
        self.start / crate::app::screens::page_len(state).max(1) + 1
    }
}

/// Paints a list row (focused rows stand out) and records it as a touch target; returns the
/// colours to write its text in.
pub fn row(p: &mut Painter<'_>, area: Rect, index: usize, focused: bool) -> Pair {
    let pair = if focused { p.theme.focus } else { p.theme.text };
    p.fill(area, pair);
    // Focus is said by a mark as well as by colour.
    if focused {
        p.text(area.x, area.y, 1, ">", pair.bold());
        p.cursor = Some((area.x, area.y));
    }
    p.hits.add(area, Action::Choose(index));
    pair
}

/// Draws the page line and the previous/next buttons under a list.
pub fn pager(p: &mut Painter<'_>, state: &State, page: &Page, area: Rect) {
    let y = page.area.bottom();
    if area.bottom() < y + paging::PAGER_ROWS || page.pages <= 1 {
        return;
    }
    let words = ta(
        p.lang,
        "page-of",
        args!["page" => page.number(state), "pages" => page.pages],
    );
    let prev_label = p.t("button-prev-page");
    let next_label = p.t("button-next-page");
    let prev_w = button_width("-", &prev_label);
    let next_w = button_width("+", &next_label);
    let mut x = area.x + 1;
    if page.start > 0 {
        p.button(
            Rect::new(x, y, prev_w, 3),
            "-",
            &prev_label,
            Action::PrevPage,
            ButtonKind::Normal,
            false,
        );
    }
    x += prev_w + 2;
    let w = p.text(
        x,
        y + 1,
        area.width.saturating_sub(x - area.x),
        &words,
        p.theme.muted.style(),
    );
    x += w + 2;
    if page.number(state) < page.pages {
        p.button(
            Rect::new(x, y, next_w, 3),
            "+",
            &next_label,
            Action::NextPage,
            ButtonKind::Normal,
            false,
        );
    }
}
