//! Which items the page in view holds. Most lists page evenly; an assisted list of
//! activities gives a long title a page of its own so that it stays large. Such a list is
//! cut into blocks of as many one-line choices as fit, and a block whose titles need two
//! lines is split further: only the block in view is measured, so a list of thousands reads
//! no more titles than the screen shows.

use std::ops::Range;

use crate::app::paging::{self, Paging};
use crate::app::screens::{item_count, my_signups, paging_of, venue};
use crate::app::state::{Screen, State};

/// The items of the page that holds `index`.
pub fn page_of(state: &State, index: usize) -> Range<usize> {
    let (rows, touch) = (state.size.1, state.site.touchscreen);
    let assisted = state.visit.assisted;
    // A page's length is what it can hold, not what is left: a menu's choices are not all
    // counted as items (the welcome's).
    let even = |len: usize| {
        let start = paging::page_start(index, len);
        start..start + len
    };
    match paging_of(&state.visit.screen) {
        // Assisted mode: as many large choices as fit, but a question's answers (yes or no)
        // are never split across pages; a short menu keeps room for its question to stay
        // large rather than taking more normal-size choices a page.
        Paging::Menu if assisted => even(
            paging::assisted_large_choices(
                rows,
                paging::ASSISTED_RESERVED,
                false,
                paging::LARGE_ROWS,
            )
            .max(2),
        ),
        Paging::Menu | Paging::Staff => even(paging::MAX_PAGE),
        // Lists of choices with a detail line (when, where, seats) take a row each.
        Paging::List {
            assisted: Some(reserved),
            ..
        } if assisted => titled_page(state, index, reserved),
        // Short lists (the filters) take a two-by-two grid and always show four.
        Paging::List { assisted: None, .. } if assisted => even(paging::assisted_page_size(
            rows,
            paging::ASSISTED_RESERVED,
            false,
            paging::LARGE_ROWS,
        )),
        Paging::List { reserved, .. } => even(paging::page_size(rows, reserved, touch)),
        Paging::Map => even(crate::app::map_layout::list_capacity(
            state.size.0,
            rows,
            touch,
            state.visit.lang,
        )),
    }
}

/// The page of an assisted list with detail lines that holds `index`: its block of
/// one-line choices, or the part of it that fits when the block's titles need two lines.
fn titled_page(state: &State, index: usize, reserved: u16) -> Range<usize> {
    let (cols, rows) = state.size;
    let one_line = paging::assisted_page_size(rows, reserved, true, paging::LARGE_ROWS);
    let start = paging::page_start(index, one_line);
    let block = start..start + one_line;
    let titles = titles(state, block.clone());
    let label_rows = paging::list_label_rows(cols, titles.iter().map(String::as_str));
    if label_rows <= paging::LARGE_ROWS {
        return block;
    }
    let fits = paging::assisted_large_choices(rows, reserved, true, label_rows);
    if fits == 0 || fits >= block.len() {
        return block;
    }
    let sub = block.start + (index - block.start) / fits * fits;
    sub..(sub + fits).min(block.end)
}

/// The titles of the list's items in `range` (activities, as their choices show them).
fn titles(state: &State, range: Range<usize>) -> Vec<String> {
    let lang = state.visit.lang;
    let title = |id| state.catalogue.texts(id).title.get(lang).to_string();
    match &state.visit.screen {
        Screen::Nearby => state.visit.nearby
            [range.start.min(state.visit.nearby.len())..range.end.min(state.visit.nearby.len())]
            .iter()
            .map(|item| title(item.activity))
            .collect(),
        Screen::Venue(v) => venue::activities(state, *v)
            .into_iter()
            .skip(range.start)
            .take(range.len())
            .map(|(id, _)| title(id))
            .collect(),
        Screen::MySignups => state
            .visit
            .my_signups()
            .unwrap_or_default()
            .iter()
            .skip(range.start)
            .take(range.len())
            .map(|s| my_signups::title(state, s))
            .collect(),
        // Other lists' labels (times, filter names) are short.
        _ => Vec::new(),
    }
}

/// Turns the page forward (`1`) or back (`-1`): the focus goes to the first item of the
/// next page, or of the page before.
pub fn turn(state: &mut State, direction: isize) {
    let count = item_count(state);
    if count == 0 {
        return;
    }
    let page = page_of(state, state.visit.focus);
    state.visit.focus = if direction > 0 {
        if page.end < count {
            page.end
        } else {
            state.visit.focus
        }
    } else if page.start > 0 {
        page_of(state, page.start - 1).start
    } else {
        0
    };
}
