//! Draws an assisted page: the question large, the key facts large where they fit, and the
//! choices as big numbered buttons. When the screen is small, things step down in size one
//! at a time (the choices first, the title last) rather than being cut off.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::ui::big_text::{self, Scale};
use crate::ui::card_field;
use crate::ui::model::{Choice, Page};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::text::wrap;

/// How large each part is drawn, from largest to smallest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sizes {
    title: Option<Scale>,
    facts: bool,
    choices: bool,
}

const SIZES: [Sizes; 6] = [
    Sizes {
        title: Some(Scale::Large),
        facts: true,
        choices: true,
    },
    Sizes {
        title: Some(Scale::Medium),
        facts: true,
        choices: true,
    },
    Sizes {
        title: Some(Scale::Medium),
        facts: false,
        choices: true,
    },
    Sizes {
        title: Some(Scale::Large),
        facts: false,
        choices: false,
    },
    Sizes {
        title: Some(Scale::Medium),
        facts: false,
        choices: false,
    },
    Sizes {
        title: None,
        facts: false,
        choices: false,
    },
];

/// Rows between the parts of a page.
const GAP: u16 = 1;

/// Whether `s` can be drawn large in `room` columns.
fn fits_large(s: &str, room: u16) -> bool {
    !s.is_empty() && big_text::covers(s) && big_text::width(s) <= room
}

/// The most lines one heading or fact may take when drawn large.
const LARGE_LINES: usize = 2;

/// `s` broken into lines that each fit `room` columns when drawn large (Chinese between any
/// two characters, other text at spaces), or `None` if it needs more than [`LARGE_LINES`] or
/// has a character without a large glyph.
fn large_lines(s: &str, room: u16) -> Option<Vec<String>> {
    if s.is_empty() || !big_text::covers(s) {
        return None;
    }
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        let wide = unicode_width::UnicodeWidthChar::width(c) == Some(2);
        if wide || c == ' ' {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        if big_text::width(candidate.trim_end()) <= room {
            line = candidate;
            continue;
        }
        if line.trim().is_empty() {
            return None;
        }
        lines.push(line.trim_end().to_string());
        line = token.trim_start().to_string();
        if big_text::width(&line) > room {
            return None;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    (lines.len() <= LARGE_LINES).then_some(lines)
}

/// Rows a line of text takes at a size: large if asked and it fits (on up to two lines), else
/// wrapped normal text.
fn text_rows(s: &str, large: Option<Scale>, room: u16) -> u16 {
    match large.and_then(|scale| large_lines(s, room).map(|l| (scale, l.len()))) {
        Some((scale, lines)) => big_text::rows(scale) * lines as u16,
        None => wrap(s, usize::from(room)).len().max(1) as u16,
    }
}

/// How the choices are laid out: columns, and rows per button.
fn choice_grid(page: &Page, large: bool, room: u16) -> (u16, u16) {
    let detail = page.choices.iter().any(|c| c.detail.is_some());
    let two = page.choices.len() >= 2 && !detail;
    let cols = if two { 2 } else { 1 };
    let inner = button_inner(room, cols);
    let big = large && page.choices.iter().all(|c| choice_is_large(c, inner));
    let rows = if big {
        big_text::rows(Scale::Medium)
    } else {
        1
    } + u16::from(detail)
        + 2;
    (cols, rows)
}

/// Columns inside a choice button for its label.
fn button_inner(room: u16, cols: u16) -> u16 {
    let w = ((room + 2) / cols).saturating_sub(2);
    w.saturating_sub(4)
}

fn choice_is_large(c: &Choice, inner: u16) -> bool {
    let key = format!("{} ", c.key);
    fits_large(&key, inner) && fits_large(&c.label, inner.saturating_sub(big_text::width(&key)))
}

/// Rows the whole page takes at these sizes.
fn height(page: &Page, sizes: Sizes, room: u16) -> u16 {
    let mut h = text_rows(&page.title, sizes.title, room);
    for fact in &page.facts {
        h += text_rows(fact, sizes.facts.then_some(Scale::Medium), room);
    }
    if let Some(note) = &page.note {
        h += GAP + text_rows(note, None, room);
    }
    if page.field {
        h += GAP + 3;
    }
    if !page.choices.is_empty() {
        let (cols, rows) = choice_grid(page, sizes.choices, room);
        let lines = (page.choices.len() as u16).div_ceil(cols);
        h += GAP + lines * rows + lines.saturating_sub(1);
    }
    if page.more.0 || page.more.1 {
        h += GAP + 3;
    }
    h
}

/// Draws a page into the screen's area.
pub fn draw(p: &mut Painter<'_>, state: &State, page: &Page, area: Rect) {
    let x = area.x + 2;
    let room = area.width.saturating_sub(4);
    let sizes = SIZES
        .iter()
        .copied()
        .find(|s| height(page, *s, room) <= area.height)
        .unwrap_or(SIZES[SIZES.len() - 1]);
    let bottom = area.bottom();
    let title_pair = if page.good {
        p.theme.good
    } else {
        p.theme.text
    };
    let mut y = area.y;
    y += line(p, x, y, room, &page.title, sizes.title, title_pair.bold());
    for fact in &page.facts {
        let scale = sizes.facts.then_some(Scale::Medium);
        y += line(p, x, y, room, fact, scale, p.theme.text.bold());
    }
    if let Some(note) = &page.note {
        y += GAP;
        let rows = bottom.saturating_sub(y);
        y += p.paragraph(Rect::new(x, y, room, rows), note, p.theme.text.style());
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
        let area = Rect::new(x, y, room, list_bottom.saturating_sub(y));
        choices(p, page, sizes.choices, area);
    }
    if paged && bottom >= area.y + 3 {
        pager(p, page, x, bottom - 3, room);
    }
}

/// One line: large if asked and it fits, else wrapped normal text; returns the rows used.
fn line(
    p: &mut Painter<'_>,
    x: u16,
    y: u16,
    room: u16,
    s: &str,
    scale: Option<Scale>,
    style: ratatui::style::Style,
) -> u16 {
    match scale.and_then(|scale| large_lines(s, room).map(|l| (scale, l))) {
        Some((scale, lines)) => {
            let mut rows = 0;
            for l in lines {
                big_text::draw(p.buf, x, y + rows, room, &l, scale, style);
                rows += big_text::rows(scale);
            }
            rows
        }
        None => {
            let rows = text_rows(s, None, room);
            p.paragraph(Rect::new(x, y, room, rows), s, style)
        }
    }
}

/// The choices as buttons, as many as fit.
fn choices(p: &mut Painter<'_>, page: &Page, large: bool, area: Rect) {
    let (cols, rows) = choice_grid(page, large, area.width);
    let w = ((area.width + 2) / cols).saturating_sub(2);
    let big = rows >= big_text::rows(Scale::Medium) + 2;
    for (i, choice) in page.choices.iter().enumerate() {
        let (col, row) = (i as u16 % cols, i as u16 / cols);
        let rect = Rect::new(area.x + col * (w + 2), area.y + row * (rows + 1), w, rows);
        if rect.bottom() > area.bottom() {
            break;
        }
        button(p, rect, choice, big);
    }
}

/// One large choice: a box with its key and label (large if `big`), and a detail line.
fn button(p: &mut Painter<'_>, rect: Rect, c: &Choice, big: bool) {
    let pair = match (c.focused, c.primary) {
        (true, _) => p.theme.focus,
        (false, true) => p.theme.primary,
        (false, false) => p.theme.button,
    };
    p.frame_box(rect, pair);
    let inner = rect.width.saturating_sub(4);
    let (x, y) = (rect.x + 2, rect.y + 1);
    if c.focused {
        p.text(rect.x + 1, y, 1, ">", pair.bold());
        p.cursor = Some((rect.x + 1, y));
    }
    let text_rows = if big {
        let key = format!("{} ", c.key);
        let used = big_text::draw(p.buf, x, y, inner, &key, Scale::Medium, pair.bold());
        big_text::draw(
            p.buf,
            x + used,
            y,
            inner.saturating_sub(used),
            &c.label,
            Scale::Medium,
            pair.bold(),
        );
        big_text::rows(Scale::Medium)
    } else {
        let key_w = p.text(x, y, inner, &c.key, pair.bold()) + 1;
        p.text(
            x + key_w,
            y,
            inner.saturating_sub(key_w),
            &c.label,
            pair.bold(),
        );
        1
    };
    if let Some(detail) = &c.detail {
        p.text(x, y + text_rows, inner, detail, pair.style());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_text_breaks_chinese_anywhere_and_english_at_spaces() {
        // 8 columns a hanzi: 智能手机挂号入门 is 64 columns.
        assert_eq!(large_lines("智能手机挂号入门", 64).unwrap().len(), 1);
        assert_eq!(
            large_lines("智能手机挂号入门", 40).unwrap(),
            vec!["智能手机挂", "号入门"]
        );
        // 4 columns a letter, 2 a space.
        assert_eq!(
            large_lines("Tai chi for all", 40).unwrap(),
            vec!["Tai chi for", "all"]
        );
        assert_eq!(large_lines("Tai chi for everyone at the park", 40), None);
        assert_eq!(large_lines("Supercalifragilistic", 40), None);
        assert_eq!(large_lines("", 40), None);
    }
}
