//! Drawing primitives that measure in display columns, never draw outside the buffer, and
//! record every button and row as a touch target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::Action;
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::hitmap::HitMap;
use crate::ui::names::fit_name;
use crate::ui::text::{truncate, width, wrap};
use crate::ui::theme::{Pair, Theme};

/// How a button looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonKind {
    /// An ordinary button.
    Normal,
    /// The screen's main button (Enter).
    Primary,
}

/// Draws into a buffer for one frame.
pub struct Painter<'a> {
    /// The frame's buffer.
    pub buf: &'a mut Buffer,
    /// The colours.
    pub theme: Theme,
    /// The language.
    pub lang: Lang,
    /// Touch targets drawn so far.
    pub hits: HitMap,
    /// Where the terminal cursor goes: on the focused choice, so magnifiers and screen
    /// readers follow it.
    pub cursor: Option<(u16, u16)>,
    /// Text drawn in large glyphs so far, where and what (for the legibility test).
    pub large: Vec<LargeText>,
}

/// One line of text drawn in large glyphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LargeText {
    /// The cells it covers.
    pub area: Rect,
    /// What it says.
    pub text: String,
}

impl Painter<'_> {
    /// The message `id` in the painter's language.
    pub fn t(&self, id: &str) -> String {
        t(self.lang, id)
    }

    /// Records a line drawn in large glyphs. A line that carries on the one before it on
    /// the same rows (a choice's label after its number) is kept as one line with it.
    pub fn note_large(&mut self, area: Rect, text: &str) {
        if let Some(last) = self.large.last_mut()
            && last.area.y == area.y
            && last.area.height == area.height
            && (last.area.right()..=last.area.right() + 16).contains(&area.x)
        {
            last.area = last.area.union(area);
            last.text = format!("{} {text}", last.text);
            return;
        }
        self.large.push(LargeText {
            area,
            text: text.to_string(),
        });
    }

    /// Marks an area as covered by what is drawn over it (an overlay): the touch targets
    /// and large text beneath it are no longer there.
    pub fn cover(&mut self, area: Rect) {
        self.hits.cover(area);
        self.large.retain(|l| !l.area.intersects(area));
    }

    /// Paints an area in one colour pair.
    pub fn fill(&mut self, area: Rect, pair: Pair) {
        let area = area.intersection(self.buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = self.buf.cell_mut((x, y)) {
                    cell.reset();
                    cell.set_style(pair.style());
                }
            }
        }
    }

    /// Writes a line of text at (x, y), cut to `max` columns; returns the columns written.
    pub fn text(&mut self, x: u16, y: u16, max: u16, s: &str, style: Style) -> u16 {
        let area = self.buf.area;
        if y < area.top() || y >= area.bottom() || x >= area.right() || max == 0 {
            return 0;
        }
        let max = max.min(area.right() - x);
        let fitted = truncate(s, usize::from(max));
        let (end, _) = self.buf.set_stringn(x, y, &fitted, usize::from(max), style);
        end.saturating_sub(x)
    }

    /// Writes a line of text ending at column `right` (exclusive).
    pub fn text_right(&mut self, right: u16, y: u16, max: u16, s: &str, style: Style) -> u16 {
        let w = (width(s) as u16).min(max);
        self.text(right.saturating_sub(w), y, w, s, style)
    }

    /// Writes a line centred in a row of an area.
    pub fn centred(&mut self, area: Rect, y: u16, s: &str, style: Style) {
        let w = (width(s) as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        self.text(x, y, w, s, style);
    }

    /// Wraps text into an area, top-aligned; returns the rows used.
    pub fn paragraph(&mut self, area: Rect, s: &str, style: Style) -> u16 {
        let mut rows = 0;
        for line in wrap(s, usize::from(area.width)) {
            if rows >= area.height {
                break;
            }
            self.text(area.x, area.y + rows, area.width, &line, style);
            rows += 1;
        }
        rows
    }

    /// Writes a name in up to `area.height` lines, cut only where it keeps what tells it
    /// apart from its `siblings` in the same list (see `names`); returns the rows used.
    pub fn name<'s>(
        &mut self,
        area: Rect,
        s: &str,
        siblings: impl IntoIterator<Item = &'s str>,
        style: Style,
    ) -> u16 {
        let lines = fit_name(
            s,
            siblings,
            usize::from(area.width),
            usize::from(area.height),
        );
        for (row, line) in (0..area.height).zip(&lines) {
            self.text(area.x, area.y + row, area.width, line, style);
        }
        lines.len().min(usize::from(area.height)) as u16
    }

    /// A horizontal rule.
    pub fn rule(&mut self, x: u16, y: u16, w: u16, pair: Pair) {
        let line = "─".repeat(usize::from(w));
        self.text(x, y, w, &line, pair.style());
    }

    /// A box outline in box-drawing characters, filled with `pair`.
    pub fn frame_box(&mut self, area: Rect, pair: Pair) {
        let area = area.intersection(self.buf.area);
        if area.width < 2 || area.height < 2 {
            return;
        }
        self.fill(area, pair);
        let inner = usize::from(area.width - 2);
        let style = pair.style();
        self.text(
            area.x,
            area.y,
            area.width,
            &format!("┌{}┐", "─".repeat(inner)),
            style,
        );
        for y in area.y + 1..area.bottom() - 1 {
            self.text(area.x, y, 1, "│", style);
            self.text(area.right() - 1, y, 1, "│", style);
        }
        self.text(
            area.x,
            area.bottom() - 1,
            area.width,
            &format!("└{}┘", "─".repeat(inner)),
            style,
        );
    }

    /// A button: a 3-row box with its key and label, recorded as a touch target.
    pub fn button(
        &mut self,
        area: Rect,
        key: &str,
        label: &str,
        action: Action,
        kind: ButtonKind,
        focused: bool,
    ) {
        let pair = match (focused, kind) {
            (true, _) => self.theme.focus,
            (false, ButtonKind::Primary) => self.theme.primary,
            (false, ButtonKind::Normal) => self.theme.button,
        };
        let area = area.intersection(self.buf.area);
        if area.height == 0 || area.width == 0 {
            return;
        }
        self.frame_box(area, pair);
        let y = area.y + area.height / 2;
        if focused {
            self.text(area.x + 1, y, 1, ">", pair.bold());
            self.cursor = Some((area.x + 1, y));
        }
        let inner = area.width.saturating_sub(4);
        let key_w = if key.is_empty() {
            0
        } else {
            self.text(area.x + 2, y, inner, key, pair.bold()) + 1
        };
        self.text(
            area.x + 2 + key_w,
            y,
            inner.saturating_sub(key_w),
            label,
            pair.style(),
        );
        self.hits.add(area, action);
    }
}

/// Columns a button needs for its key and label.
pub fn button_width(key: &str, label: &str) -> u16 {
    let key_w = if key.is_empty() { 0 } else { width(key) + 1 };
    ((key_w + width(label) + 4) as u16).max(10)
}

/// Lays out buttons left to right from `x` with one-column gaps; returns their areas and
/// stops at the first that does not fit in `max_right`.
pub fn row_of_buttons(x: u16, y: u16, max_right: u16, widths: &[u16]) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut left = x;
    for w in widths {
        if left + w > max_right {
            break;
        }
        out.push(Rect::new(left, y, *w, 3));
        left += w + 1;
    }
    out
}
