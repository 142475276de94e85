//! How many list rows fit on a screen. Both `update` (for paging keys) and the views use
//! these, so a page means the same thing to both.

use crate::big_text::{self, Scale};

/// Rows the shared frame takes: the top bar and its rule, the 2-row notice strip and the
/// 3-row button bar.
pub const FRAME_ROWS: u16 = 7;

/// Rows of the notice strip above the button bar.
pub const NOTICE_ROWS: u16 = 2;

/// Rows of the pager (previous / next page buttons) under a list.
pub const PAGER_ROWS: u16 = 3;

/// The area the current screen draws in, for a terminal of `cols` x `rows`: below the top bar
/// and its rule, above the notice strip and the button bar. The view and `update` both use it.
pub fn body_area(cols: u16, rows: u16) -> ratatui::layout::Rect {
    let top = 2.min(rows);
    ratatui::layout::Rect::new(0, top, cols, rows.saturating_sub(FRAME_ROWS))
}

/// The most rows a page holds: one keypad digit each.
pub const MAX_PAGE: usize = 9;

/// Rows a list item takes. On a touchscreen: a 3-row touch target and a 1-row gap, as the
/// UX rules ask. Without touch (keypad stations): two lines and a gap where there is room,
/// two lines on small screens.
pub fn item_height(screen_rows: u16, touch: bool) -> u16 {
    if touch {
        4
    } else if screen_rows >= 32 {
        3
    } else {
        2
    }
}

/// Rows of an item that belong to it (and to its touch target): all but the gap.
pub fn target_height(item_height: u16) -> u16 {
    if item_height >= 3 {
        item_height - 1
    } else {
        item_height
    }
}

/// Rows the pager takes when it stands beside a list: "previous", the page line, "next".
pub const PAGER_BESIDE_ROWS: u16 = 7;

/// Whether a list of `list_rows` rows (its pager's included) has its pager beside it rather
/// than under it: on a short screen, where three rows under the list would cost it items,
/// when the list is tall enough for the pager's two buttons.
pub fn pager_beside(screen_rows: u16, list_rows: u16) -> bool {
    // Under seven rows the two buttons stand side by side (a list of one row at 60x20 has
    // no room for the pager under it with a gap).
    screen_rows < 32 && list_rows >= PAGER_ROWS
}

/// How many items fit, given the rows the screen's own heading and footer take (its pager's
/// included). With the pager beside the list, the last item needs no gap under it: the
/// notice strip keeps the distance to the buttons below.
pub fn page_size(screen_rows: u16, reserved_rows: u16, touch: bool) -> usize {
    let list_rows =
        screen_rows.saturating_sub(FRAME_ROWS + reserved_rows.saturating_sub(PAGER_ROWS));
    let item = item_height(screen_rows, touch);
    let free = if pager_beside(screen_rows, list_rows) {
        list_rows + (item - target_height(item))
    } else {
        list_rows.saturating_sub(PAGER_ROWS)
    };
    usize::from(free / item).clamp(1, MAX_PAGE)
}

/// The first index of the page that holds `focus`.
pub fn page_start(focus: usize, page: usize) -> usize {
    focus / page.max(1) * page.max(1)
}

/// Rows the nearby screen reserves: heading, filter tabs and the gap under them, pager.
pub const NEARBY_RESERVED: u16 = 1 + 3 + 1 + PAGER_ROWS;
/// Rows the activity screen reserves: seven lines of details, pager.
pub const ACTIVITY_RESERVED: u16 = 7 + PAGER_ROWS;
/// Rows "My sign-ups" reserves: heading, pager.
pub const MY_SIGNUPS_RESERVED: u16 = 1 + PAGER_ROWS;
/// Rows the venue screen reserves: four lines about the venue, a gap, pager.
pub const VENUE_RESERVED: u16 = 4 + 1 + PAGER_ROWS;
/// Rows a filter chooser reserves: heading, pager.
pub const FILTER_RESERVED: u16 = 1 + PAGER_ROWS;

/// The most choices an assisted screen shows at once.
pub const ASSISTED_CHOICES: usize = 4;
/// Rows one line of large text takes: 16-pixel glyphs, two pixels a row (`big_text`).
pub const LARGE_ROWS: u16 = 8;
/// Rows an assisted screen reserves at its smallest: its question on one large line and a
/// gap, the pager and its gap.
pub const ASSISTED_RESERVED: u16 = LARGE_ROWS + 1 + 1 + PAGER_ROWS;
/// Rows an assisted screen with facts above its list reserves (an activity, a venue): the
/// question, two facts and a note in normal size, and the pager.
pub const ASSISTED_FACTS_RESERVED: u16 = ASSISTED_RESERVED + 2 + 2;

/// The most rows a large label or heading may take: two lines of the 16-pixel glyphs, or
/// four of the 8-pixel ones.
pub const LARGE_TEXT_ROWS: u16 = 2 * LARGE_ROWS;

/// `label` set large in `room` columns within `max_rows`: at the first of `scales` where it
/// fits, `None` when it fits at none. The assisted view sets its words by the same rule, so
/// the app's pages and the view agree.
pub fn set_large(
    label: &str,
    room: u16,
    scales: &[Scale],
    max_rows: u16,
) -> Option<(Scale, Vec<String>)> {
    scales.iter().find_map(|&scale| {
        big_text::lines(label, room, scale)
            .filter(|lines| lines.len() as u16 * big_text::rows(scale) <= max_rows)
            .map(|lines| (scale, lines))
    })
}

/// `label` set by [`set_large`] at the 16-pixel glyphs where they fit, else (Latin only)
/// the 8-pixel ones.
pub fn large_rows(label: &str, room: u16, max_rows: u16) -> Option<(Scale, Vec<String>)> {
    set_large(label, room, &[Scale::Large, Scale::Medium], max_rows)
}

/// Columns inside an assisted choice button for its key and label, when `cols` buttons
/// share `room` columns of text.
pub fn choice_room(room: u16, cols: u16) -> u16 {
    let w = ((room + 2) / cols.max(1)).saturating_sub(2);
    w.saturating_sub(3)
}

/// Rows the longest of a list's labels takes drawn large on a screen `screen_cols` wide, as
/// a one-column choice with its digit: at least one large line.
pub fn list_label_rows<'a>(screen_cols: u16, labels: impl Iterator<Item = &'a str>) -> u16 {
    let room = choice_room(screen_cols.saturating_sub(4), 1);
    labels
        .filter_map(|label| large_rows(&format!("8 {label}"), room, LARGE_TEXT_ROWS))
        .map(|(scale, lines)| lines.len() as u16 * big_text::rows(scale))
        .max()
        .unwrap_or(LARGE_ROWS)
        .max(LARGE_ROWS)
}

/// Rows an assisted choice takes: its label's `label_rows`, a gap, and in lists a detail
/// line (when, where, seats).
pub fn assisted_item(detail: bool, label_rows: u16) -> u16 {
    label_rows + 1 + u16::from(detail)
}

/// How many choices fit with labels of `label_rows` large under a large question: none to
/// four.
pub fn assisted_large_choices(
    screen_rows: u16,
    reserved_rows: u16,
    detail: bool,
    label_rows: u16,
) -> usize {
    // The last choice needs no gap under it.
    let free = screen_rows.saturating_sub(FRAME_ROWS + reserved_rows) + 1;
    usize::from(free / assisted_item(detail, label_rows)).min(ASSISTED_CHOICES)
}

/// Rows an assisted choice in normal-size words takes: a touch target and a gap.
pub const ASSISTED_NORMAL_ITEM: u16 = 3 + 1;

/// How many choices an assisted page holds: as many as fit with their labels large (on as
/// many lines as the longest needs: a long title takes a page of its own rather than
/// shrinking to normal text), up to four. A screen too short for even one large choice
/// under its question (80x24) holds as many normal-size choices as fit, rather than one a
/// page above empty rows.
pub fn assisted_page_size(
    screen_rows: u16,
    reserved_rows: u16,
    detail: bool,
    label_rows: u16,
) -> usize {
    let large = assisted_large_choices(screen_rows, reserved_rows, detail, label_rows);
    if large > 0 {
        return large;
    }
    if label_rows > LARGE_ROWS {
        // Long labels then take one large line, or normal size.
        return assisted_page_size(screen_rows, reserved_rows, detail, LARGE_ROWS);
    }
    // The question then takes one row, not a large line.
    let reserved = reserved_rows.saturating_sub(LARGE_ROWS - 1);
    let free = screen_rows.saturating_sub(FRAME_ROWS + reserved) + 1;
    usize::from(free / ASSISTED_NORMAL_ITEM).clamp(1, ASSISTED_CHOICES)
}

/// How a screen's items make pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// A short menu: all of it on one page (at most four large choices in assisted mode).
    Menu,
    /// A list under `reserved` rows of the screen's own; in assisted mode under `assisted`
    /// rows, or (`None`) four large choices a page.
    List {
        /// Rows the standard screen keeps for itself (heading, tabs, pager).
        reserved: u16,
        /// Rows the assisted screen keeps for itself, if its choices carry detail lines.
        assisted: Option<u16>,
    },
    /// A staff screen: its standard layout in both modes.
    Staff,
    /// The list beside the map: as many venues as fit there.
    Map,
}
