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
    /// Where the pager goes: under the list, or beside it on a short screen.
    pub pager: Rect,
    /// Whether the pager stands beside the list.
    pub beside: bool,
    /// Total pages.
    pub pages: usize,
}

/// Columns between a list and the pager beside it.
const PAGER_GAP: u16 = 2;

impl Page {
    /// The page of `count` items that holds the focus, laid out in `area` (pager included).
    pub fn new(state: &State, area: Rect, count: usize) -> Page {
        let page_len = crate::app::screens::page_len(state);
        let start = paging::page_start(state.visit.focus, page_len);
        let pages = count.div_ceil(page_len.max(1)).max(1);
        let beside = pages > 1 && paging::pager_beside(state.size.1, area.height);
        let (area, pager) = if beside {
            let w = if area.height >= paging::PAGER_BESIDE_ROWS {
                pager_width(state, pages)
            } else {
                // Too short for one above the other: the two buttons side by side.
                let words = pager_words(state, 1, pages);
                button_width("-", &words.prev) + 2 + button_width("+", &words.next)
            }
            .min(area.width / 2);
            let rows_w = area.width.saturating_sub(w + PAGER_GAP);
            (
                Rect::new(area.x, area.y, rows_w, area.height),
                Rect::new(area.x + rows_w + PAGER_GAP, area.y, w, area.height),
            )
        } else if pages == 1 {
            // One page needs no pager: its rows keep the whole height (as `page_size`,
            // which counted them, assumed on a short screen).
            (area, Rect::new(area.x, area.bottom(), area.width, 0))
        } else {
            let rows_h = area.height.saturating_sub(paging::PAGER_ROWS);
            (
                Rect::new(area.x, area.y, area.width, rows_h),
                Rect::new(area.x, area.y + rows_h, area.width, area.height - rows_h),
            )
        };
        Page {
            start,
            len: count.saturating_sub(start).min(page_len),
            item_height: paging::item_height(state.size.1, state.site.touchscreen),
            area,
            pager,
            beside,
            pages,
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

/// The words and buttons of the pager, in the screen's language.
struct PagerWords {
    words: String,
    prev: String,
    next: String,
}

fn pager_words(state: &State, page: usize, pages: usize) -> PagerWords {
    let lang = state.visit.lang;
    PagerWords {
        words: ta(lang, "page-of", args!["page" => page, "pages" => pages]),
        prev: crate::i18n::t(lang, "button-prev-page"),
        next: crate::i18n::t(lang, "button-next-page"),
    }
}

/// Columns the pager needs beside a list: its widest button or page line.
fn pager_width(state: &State, pages: usize) -> u16 {
    // The widest page line is the one with the most digits.
    let w = pager_words(state, pages, pages);
    button_width("-", &w.prev)
        .max(button_width("+", &w.next))
        .max(crate::ui::text::width(&w.words) as u16)
}

/// Draws the page line and the previous/next buttons under a list, or beside it.
pub fn pager(p: &mut Painter<'_>, state: &State, page: &Page) {
    let area = page.pager;
    if page.pages <= 1 || area.height < paging::PAGER_ROWS {
        return;
    }
    let w = pager_words(state, page.number(state), page.pages);
    let prev_w = button_width("-", &w.prev);
    let next_w = button_width("+", &w.next);
    // Where the page line and each button go: beside the list one above the other (or,
    // too short for that, side by side without the line), else in a row under it.
    let (words_at, prev_x, next_at) = if page.beside && area.height < paging::PAGER_BESIDE_ROWS {
        (None, area.x, (area.x + prev_w + 2, area.y))
    } else if page.beside {
        (Some((area.x, area.y + 3)), area.x, (area.x, area.y + 4))
    } else {
        let x = area.x + 1 + prev_w + 2;
        let words_w = crate::ui::text::width(&w.words) as u16;
        let room = area.width.saturating_sub(x - area.x);
        (
            Some((x, area.y + 1)),
            area.x + 1,
            (x + words_w.min(room) + 2, area.y),
        )
    };
    if page.start > 0 {
        let at = Rect::new(prev_x, area.y, prev_w, 3);
        p.button(
            at,
            "-",
            &w.prev,
            Action::PrevPage,
            ButtonKind::Normal,
            false,
        );
    }
    if let Some((x, y)) = words_at {
        let room = area.right().saturating_sub(x);
        p.text(x, y, room, &w.words, p.theme.muted.style());
    }
    if page.number(state) < page.pages {
        let at = Rect::new(next_at.0, next_at.1, next_w, 3);
        p.button(
            at,
            "+",
            &w.next,
            Action::NextPage,
            ButtonKind::Normal,
            false,
        );
    }
}
