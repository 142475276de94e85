//! Draws an assisted page: the question, the choices and the key facts large, using the
//! rows the screen has. Each page is tried at a ladder of sizes; of those that fit, the one
//! that leaves the fewest parts in normal text wins (the question counting most, then the
//! choices, then the facts), so on a small screen things step down in size one at a time
//! rather than being cut off. Chinese is drawn large only at the size where its strokes stay
//! solid, else as normal text.

use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::paging;
use crate::app::receipt::QrImage;
use crate::app::{Action, Screen, State};
use crate::big_text::{self, Scale};
use crate::ui::card_field;
use crate::ui::model::{Choice, Page};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::text::wrap;

/// How large each part may be drawn (each steps down further on its own if it does not fit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sizes {
    title: Option<Scale>,
    /// Rows the title may take when large.
    title_rows: u16,
    choices: Option<Scale>,
    /// Rows a choice's label may take when large.
    choice_rows: u16,
    facts: Option<Scale>,
}

const fn sizes(
    title: Option<Scale>,
    title_rows: u16,
    choices: Option<Scale>,
    choice_rows: u16,
    facts: Option<Scale>,
) -> Sizes {
    Sizes {
        title,
        title_rows,
        choices,
        choice_rows,
        facts,
    }
}

const L: Option<Scale> = Some(Scale::Large);
const M: Option<Scale> = Some(Scale::Medium);
/// Two large lines (or four of the 8-pixel size).
const TWO: u16 = paging::LARGE_TEXT_ROWS;
/// One large line (or two of the 8-pixel size).
const ONE: u16 = paging::LARGE_ROWS;
/// One line of the 8-pixel size.
const HALF: u16 = paging::LARGE_ROWS / 2;

/// From largest to smallest; ties in what is left normal go to the larger. A long choice may
/// keep two lines while the question gives up its second (the app gave it a page of its
/// own).
const LADDER: [Sizes; 14] = [
    sizes(L, TWO, L, TWO, L),
    sizes(L, TWO, L, ONE, L),
    sizes(L, TWO, L, TWO, M),
    sizes(L, TWO, L, ONE, M),
    sizes(L, TWO, L, TWO, None),
    sizes(L, ONE, L, TWO, None),
    sizes(L, TWO, L, ONE, None),
    sizes(L, ONE, L, ONE, None),
    sizes(L, TWO, M, ONE, None),
    sizes(L, TWO, M, HALF, None),
    sizes(M, ONE, M, HALF, None),
    sizes(L, TWO, None, ONE, None),
    sizes(M, ONE, None, ONE, None),
    sizes(None, ONE, None, ONE, None),
];

/// The fewest rows a button takes, whatever its words: a touch target (kiosk UX rules).
const MIN_TARGET_ROWS: u16 = 3;

/// Rows between the parts of a page.
const GAP: u16 = 1;

/// How a text is set: in large lines at a scale, or as wrapped normal text.
#[derive(Clone, Debug, PartialEq)]
enum Set {
    Large(Scale, Vec<String>),
    Normal(Vec<String>),
}

impl Set {
    /// Sets `s` in `room` columns at the largest scale from `from` down at which it fits in
    /// `max_rows`; else as normal text.
    fn of(s: &str, room: u16, from: Option<Scale>, max_rows: u16) -> Set {
        let scales: &[Scale] = match from {
            Some(Scale::Large) => &[Scale::Large, Scale::Medium],
            Some(Scale::Medium) => &[Scale::Medium],
            None => &[],
        };
        let large = paging::set_large(s, room, scales, max_rows);
        match large {
            Some((scale, lines)) => Set::Large(scale, lines),
            None => Set::Normal(wrap(s, usize::from(room))),
        }
    }

    fn rows(&self) -> u16 {
        match self {
            Set::Large(scale, lines) => big_text::rows(*scale) * lines.len() as u16,
            Set::Normal(lines) => lines.len().max(1) as u16,
        }
    }

    /// Draws the text at (x, y); returns the rows used. Large lines are recorded.
    fn draw(&self, p: &mut Painter<'_>, x: u16, y: u16, room: u16, style: Style) -> u16 {
        match self {
            Set::Large(scale, lines) => {
                let h = big_text::rows(*scale);
                for (i, line) in lines.iter().enumerate() {
                    let top = y + i as u16 * h;
                    let used = big_text::draw(p.buf, x, top, room, line, *scale, style);
                    p.note_large(Rect::new(x, top, used, h), line);
                }
                self.rows()
            }
            Set::Normal(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    p.text(x, y + i as u16, room, line, style);
                }
                self.rows()
            }
        }
    }

    fn is_large(&self) -> bool {
        matches!(self, Set::Large(..))
    }
}

/// A choice set for drawing: its key and label.
struct SetChoice {
    /// A key drawn in normal size before the label ("Enter", "F4"), when the key is not
    /// part of the large label.
    key: Option<String>,
    /// The label; a digit key is drawn large in the same line ("1 今天").
    label: Set,
    /// Columns the key takes before the label.
    key_w: u16,
}

impl SetChoice {
    fn of(c: &Choice, inner: u16, scale: Option<Scale>, max_rows: u16) -> SetChoice {
        // A digit is drawn as large as its label, as one line with it; a named key is a
        // small tag beside the label, so the label keeps the room.
        if c.key.chars().count() == 1 && scale.is_some() {
            let label = Set::of(&format!("{} {}", c.key, c.label), inner, scale, max_rows);
            if label.is_large() {
                return SetChoice {
                    key: None,
                    label,
                    key_w: 0,
                };
            }
        }
        let key_w = crate::ui::text::width(&c.key) as u16 + 1;
        SetChoice {
            key: Some(c.key.clone()),
            label: Set::of(&c.label, inner.saturating_sub(key_w), scale, max_rows),
            key_w,
        }
    }

    /// Rows of its words: the label beside the key, and the detail line.
    fn content_rows(&self, detail: bool) -> u16 {
        self.label.rows() + u16::from(detail)
    }

    /// Rows of its button: its words, and never less than a finger's touch target.
    fn rows(&self, detail: bool) -> u16 {
        self.content_rows(detail).max(MIN_TARGET_ROWS)
    }
}

/// The page's choices set at a size: how many columns, and each choice.
struct Grid {
    cols: u16,
    set: Vec<SetChoice>,
}

impl Grid {
    fn of(page: &Page, room: u16, sizes: Sizes) -> Grid {
        let detail = page.choices.iter().any(|c| c.detail.is_some());
        let set_all = |cols: u16| -> Vec<SetChoice> {
            let inner = paging::choice_room(room, cols);
            page.choices
                .iter()
                .map(|c| SetChoice::of(c, inner, sizes.choices, sizes.choice_rows))
                .collect()
        };
        // Two columns when there is no detail line and every label is still large there.
        if page.choices.len() >= 2 && !detail {
            let two = set_all(2);
            let one = set_all(1);
            let large = |s: &[SetChoice]| s.iter().filter(|c| c.label.is_large()).count();
            if large(&two) == large(&one) {
                return Grid { cols: 2, set: two };
            }
            return Grid { cols: 1, set: one };
        }
        Grid {
            cols: 1,
            set: set_all(1),
        }
    }

    /// Rows of each line of buttons.
    fn line_rows(&self, page: &Page) -> Vec<u16> {
        self.set
            .chunks(usize::from(self.cols))
            .zip(page.choices.chunks(usize::from(self.cols)))
            .map(|(set, choices)| {
                set.iter()
                    .zip(choices)
                    .map(|(s, c)| s.rows(c.detail.is_some()))
                    .max()
                    .unwrap_or(1)
            })
            .collect()
    }

    fn rows(&self, page: &Page) -> u16 {
        let lines = self.line_rows(page);
        lines.iter().sum::<u16>() + (lines.len() as u16).saturating_sub(1) * GAP
    }
}

/// A page set at one size, with everything's place worked out.
struct Layout {
    title: Set,
    facts: Vec<Set>,
    code: Option<Set>,
    note: Option<Set>,
    grid: Grid,
    /// Columns the text takes (the QR code, if any, stands to its right).
    room: u16,
}

impl Layout {
    /// The page set at `sizes` in `room` columns; `below` is the QR code's height and the
    /// width under it, where choices that start below it take the whole width.
    fn of(
        page: &Page,
        room: u16,
        sizes: Sizes,
        below: Option<(u16, u16)>,
        above: Option<&Set>,
    ) -> Layout {
        let mut layout = Layout {
            title: above
                .cloned()
                .unwrap_or_else(|| Set::of(&page.title, room, sizes.title, sizes.title_rows)),
            facts: page
                .facts
                .iter()
                .map(|f| Set::of(f, room, sizes.facts, TWO))
                .collect(),
            // The sign-up code is what the person takes away: as large as the choices.
            code: page
                .code
                .as_ref()
                .map(|(_, code)| Set::of(code, room, sizes.choices.or(sizes.title), ONE)),
            note: page.note.as_ref().map(|n| Set::of(n, room, None, ONE)),
            grid: Grid::of(page, room, sizes),
            room,
        };
        if let Some((qr_rows, full_room)) = below
            && layout.head_rows(page) + GAP >= qr_rows
        {
            layout.grid = Grid::of(page, full_room, sizes);
            layout.room = full_room;
        }
        layout
    }

    /// Rows above the choices.
    fn head_rows(&self, page: &Page) -> u16 {
        let mut h = self.title.rows();
        h += self.facts.iter().map(Set::rows).sum::<u16>();
        if let Some(code) = &self.code {
            h += 1 + code.rows();
        }
        if let Some(note) = &self.note {
            h += GAP + note.rows();
        }
        if page.field {
            h += GAP + 3;
        }
        h
    }

    /// What is left in normal text: the question, how many choices, how many facts.
    fn normal_parts(&self) -> (bool, usize, usize) {
        let normal = |set: &Set| !set.is_large();
        (
            normal(&self.title),
            self.grid.set.iter().filter(|c| normal(&c.label)).count(),
            self.facts.iter().filter(|f| normal(f)).count(),
        )
    }

    /// Rows the page takes.
    fn rows(&self, page: &Page) -> u16 {
        let mut h = self.head_rows(page);
        if !page.choices.is_empty() {
            h += GAP + self.grid.rows(page);
        }
        if page.more.0 || page.more.1 {
            h += GAP + 3;
        }
        h
    }
}

/// The receipt's QR code at the right of the area, if the page has one and it fits beside
/// the words.
fn qr_place<'s>(state: &'s State, page: &Page, area: Rect) -> Option<(Rect, &'s QrImage)> {
    use crate::app::receipt::{qr_beside, qr_min_text, qr_on_its_own};
    let Screen::Receipt(receipt) = &state.visit.screen else {
        return None;
    };
    let (cols, rows) = state.size;
    // Where it does not fit beside the words, a choice shows it on a page of its own.
    (page.qr && !qr_on_its_own(receipt, cols, rows, true))
        .then(|| qr_beside(&receipt.qr, area, qr_min_text(true)))
        .flatten()
}

/// Draws a page into the screen's area.
pub fn draw(p: &mut Painter<'_>, state: &State, page: &Page, area: Rect) {
    let x = area.x + 2;
    let full_room = area.width.saturating_sub(4);
    // A question that fits one large line across the whole width stands above the QR code
    // rather than taking two lines beside it, where the code still fits below it.
    let whole_width = Set::of(&page.title, full_room, Some(Scale::Large), ONE);
    let under_title = Rect {
        y: area.y + ONE,
        height: area.height.saturating_sub(ONE),
        ..area
    };
    let (code_area, above) = match whole_width
        .is_large()
        .then(|| qr_place(state, page, under_title))
        .flatten()
    {
        Some(placed) => (Some(placed), Some(whole_width)),
        None => (qr_place(state, page, area), None),
    };
    let room = match code_area {
        Some((rect, _)) => rect.x.saturating_sub(x + 2),
        None => full_room,
    };
    // Of the sizes that fit, the one that leaves the fewest parts in normal text (the
    // question counting most, then the choices, then the facts), largest first.
    let below = code_area.map(|(rect, _)| (rect.bottom().saturating_sub(area.y), full_room));
    let mut best: Option<Layout> = None;
    for sizes in LADDER {
        let layout = Layout::of(page, room, sizes, below, above.as_ref());
        if layout.rows(page) > area.height {
            continue;
        }
        let all_large = layout.normal_parts() == (false, 0, 0);
        if best
            .as_ref()
            .is_none_or(|b| layout.normal_parts() < b.normal_parts())
        {
            best = Some(layout);
        }
        // Nothing left in normal text: no smaller size can do better.
        if all_large {
            break;
        }
    }
    let layout = best
        .unwrap_or_else(|| Layout::of(page, room, LADDER[LADDER.len() - 1], below, above.as_ref()));
    if let Some((rect, image)) = code_area {
        crate::ui::qr::draw(p, image, rect);
    }
    let bottom = area.bottom();
    let title_pair = if page.good {
        p.theme.good
    } else {
        p.theme.text
    };
    let mut y = area.y;
    let title_room = if above.is_some() { full_room } else { room };
    y += layout.title.draw(p, x, y, title_room, title_pair.bold());
    for fact in &layout.facts {
        y += fact.draw(p, x, y, room, p.theme.text.bold());
    }
    if let (Some(code), Some((label, _))) = (&layout.code, &page.code) {
        p.text(x, y, room, label, p.theme.text.style());
        y += 1;
        y += code.draw(p, x, y, room, p.theme.good.bold());
    }
    if let Some(note) = &layout.note {
        y += GAP;
        y += note.draw(p, x, y, room, p.theme.text.style());
    }
    if page.field {
        y += GAP;
        card_field::draw(p, state, area, y);
        y += 3;
    }
    // The pager keeps its place at the foot of the page, so paging is always in reach.
    let paged = page.more.0 || page.more.1;
    let list_bottom = if paged {
        bottom.saturating_sub(3 + GAP)
    } else {
        bottom
    };
    if !page.choices.is_empty() {
        y += GAP;
        let rect = Rect::new(x, y, layout.room, list_bottom.saturating_sub(y));
        choices(p, page, &layout.grid, rect);
    }
    if paged && bottom >= area.y + 3 {
        pager(p, page, x, bottom - 3, full_room);
    }
}

/// The choices as buttons, as many as fit.
fn choices(p: &mut Painter<'_>, page: &Page, grid: &Grid, area: Rect) {
    let cols = grid.cols;
    let w = ((area.width + 2) / cols).saturating_sub(2);
    let mut y = area.y;
    let lines = grid.line_rows(page);
    for (line, rows) in lines.iter().enumerate() {
        for col in 0..cols {
            let i = line * usize::from(cols) + usize::from(col);
            let (Some(choice), Some(set)) = (page.choices.get(i), grid.set.get(i)) else {
                break;
            };
            let rect = Rect::new(area.x + col * (w + 2), y, w, *rows);
            if rect.bottom() > area.bottom() {
                return;
            }
            button(p, rect, choice, set);
        }
        y += rows + GAP;
    }
}

/// One large choice: a filled block with its key and label, and a detail line under them.
fn button(p: &mut Painter<'_>, rect: Rect, c: &Choice, set: &SetChoice) {
    let pair = match (c.focused, c.primary) {
        (true, _) => p.theme.focus,
        (false, true) => p.theme.primary,
        (false, false) => p.theme.button,
    };
    p.fill(rect, pair);
    let inner = rect.width.saturating_sub(3);
    // Words shorter than the button sit in its middle.
    let content = set.content_rows(c.detail.is_some());
    let (x, y) = (rect.x + 2, rect.y + rect.height.saturating_sub(content) / 2);
    if c.focused {
        p.text(rect.x, y, 1, ">", pair.bold());
        p.cursor = Some((rect.x, y));
    }
    if let Some(key) = &set.key {
        p.text(x, y, set.key_w, key, pair.bold());
    }
    let rows = set.label.draw(
        p,
        x + set.key_w,
        y,
        inner.saturating_sub(set.key_w),
        pair.bold(),
    );
    if let Some(detail) = &c.detail {
        p.text(x, y + rows, inner, detail, pair.style());
    }
    p.hits.add(rect, c.action);
}

/// Previous and next page, in normal-size buttons under the choices.
fn pager(p: &mut Painter<'_>, page: &Page, x: u16, y: u16, room: u16) {
    let prev = p.t("button-prev-page");
    let next = p.t("button-next-page");
    let prev_w = button_width("-", &prev);
    let next_w = button_width("+", &next);
    if page.more.0 {
        p.button(
            Rect::new(x, y, prev_w, 3),
            "-",
            &prev,
            Action::PrevPage,
            ButtonKind::Normal,
            false,
        );
    }
    if page.more.1 && prev_w + next_w + 2 <= room {
        p.button(
            Rect::new(x + prev_w + 2, y, next_w, 3),
            "+",
            &next,
            Action::NextPage,
            ButtonKind::Normal,
            false,
        );
    }
}
