//! Large glyph text for the assisted mode, for learners who find normal terminal text too
//! small. Glyphs are drawn with block elements and braille so any terminal font shows them;
//! Latin takes half the width of Chinese and both take the same rows at each scale.

mod font;

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use self::font::{Glyph, glyph};

/// How tall large text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Eight rows: Latin as half blocks, Chinese as quadrant blocks.
    Large,
    /// Four rows: Latin as quadrant blocks, Chinese as braille.
    Medium,
}

/// Rows large text takes at `scale`.
pub fn rows(scale: Scale) -> u16 {
    match scale {
        Scale::Large => 8,
        Scale::Medium => 4,
    }
}

/// Columns a space takes: narrower than a Latin glyph, as in normal text.
const SPACE_COLUMNS: u16 = 2;

/// What one character of the text becomes on screen.
enum Piece {
    /// A gap.
    Space,
    /// A large glyph.
    Glyph(Glyph),
    /// No glyph: the character itself at normal size, taking this many columns.
    Plain(char, u16),
}

impl Piece {
    fn of(c: char) -> Piece {
        if c == ' ' {
            return Piece::Space;
        }
        match glyph(c) {
            Some(g) => Piece::Glyph(g),
            // Control characters have no width; they are left out like combining marks.
            None => Piece::Plain(c, c.width().unwrap_or(0) as u16),
        }
    }

    fn columns(&self) -> u16 {
        match self {
            Piece::Space => SPACE_COLUMNS,
            Piece::Glyph(Glyph::Half(_)) => 4,
            Piece::Glyph(Glyph::Full(_)) => 8,
            Piece::Plain(_, w) => *w,
        }
    }
}

/// Columns `s` takes at any scale: 4 per Latin/ASCII glyph, 8 per CJK glyph, 2 per space; a character with no glyph takes its own display width (unicode-width, which is already a dependency).
pub fn width(s: &str) -> u16 {
    s.chars()
        .map(|c| Piece::of(c).columns())
        .fold(0, u16::saturating_add)
}

/// True when every character of `s` has a large glyph (space counts as covered).
pub fn covers(s: &str) -> bool {
    s.chars().all(|c| !matches!(Piece::of(c), Piece::Plain(..)))
}

/// Draws `s` at (x, y) in `style`, at most `max_width` columns (stop before a glyph that would not fit whole), never outside the buffer's area; returns columns used. A character without a glyph is drawn as itself in normal size on the glyph box's middle row, never as a blank.
pub fn draw(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_width: u16,
    s: &str,
    scale: Scale,
    style: Style,
) -> u16 {
    // Glyphs must fit whole across; rows below the buffer are simply cut, so a glyph near
    // the bottom still shows its top rather than vanishing.
    let limit = max_width.min(buf.area.right().saturating_sub(x));
    let height = rows(scale);
    let mut used: u16 = 0;
    for c in s.chars() {
        let piece = Piece::of(c);
        let w = piece.columns();
        if w == 0 {
            continue;
        }
        if w > limit - used {
            break;
        }
        let left = x + used;
        for row in 0..height {
            for col in 0..w {
                let symbol = match &piece {
                    Piece::Space => ' ',
                    Piece::Glyph(g) => glyph_cell(g, scale, col, row),
                    Piece::Plain(c, _) => {
                        if row == (height - 1) / 2 && col == 0 {
                            *c
                        } else {
                            // Includes a wide character's second column, which must be blank
                            // for the terminal diff to stay right.
                            ' '
                        }
                    }
                };
                put(buf, left + col, y.saturating_add(row), symbol, style);
            }
        }
        used += w;
    }
    used
}

/// Writes one cell if it is inside the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, symbol: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(symbol).set_style(style);
    }
}

/// How a cell shows a block of glyph pixels.
#[derive(Clone, Copy)]
enum Cells {
    /// 2 across, 1 down: half blocks.
    Halves,
    /// 2 across, 2 down: quadrant blocks.
    Quadrants,
    /// 2 across, 4 down: braille dots.
    Braille,
}

/// Half blocks by pixel bits: 1 left, 2 right.
const HALVES: [char; 4] = [' ', '▌', '▐', '█'];

/// Quadrant blocks by pixel bits: 1 top left, 2 top right, 4 bottom left, 8 bottom right.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

/// Braille dot bits by pixel row, left and right column (dots 1,2,3,7 and 4,5,6,8).
const BRAILLE_DOTS: [[u32; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];

impl Cells {
    fn choose(glyph: &Glyph, scale: Scale) -> Cells {
        match (glyph, scale) {
            (Glyph::Half(_), Scale::Large) => Cells::Halves,
            (Glyph::Half(_), Scale::Medium) | (Glyph::Full(_), Scale::Large) => Cells::Quadrants,
            (Glyph::Full(_), Scale::Medium) => Cells::Braille,
        }
    }

    /// Pixels a cell holds, across and down.
    fn pixels(self) -> (usize, usize) {
        match self {
            Cells::Halves => (2, 1),
            Cells::Quadrants => (2, 2),
            Cells::Braille => (2, 4),
        }
    }
}

/// The symbol for the cell at (col, row) of a glyph's box.
fn glyph_cell(glyph: &Glyph, scale: Scale, col: u16, row: u16) -> char {
    let cells = Cells::choose(glyph, scale);
    let (across, down) = cells.pixels();
    let (x0, y0) = (usize::from(col) * across, usize::from(row) * down);
    let on = |dx: usize, dy: usize| glyph.pixel(x0 + dx, y0 + dy);
    match cells {
        Cells::Halves => HALVES[usize::from(on(0, 0)) | usize::from(on(1, 0)) << 1],
        Cells::Quadrants => {
            QUADRANTS[usize::from(on(0, 0))
                | usize::from(on(1, 0)) << 1
                | usize::from(on(0, 1)) << 2
                | usize::from(on(1, 1)) << 3]
        }
        Cells::Braille => {
            let mut dots = 0;
            for (dy, bits) in BRAILLE_DOTS.iter().enumerate() {
                for (dx, bit) in bits.iter().enumerate() {
                    if on(dx, dy) {
                        dots |= bit;
                    }
                }
            }
            // An empty braille cell would look blank but is not a space; keep blanks plain.
            if dots == 0 {
                ' '
            } else {
                char::from_u32(0x2800 + dots).unwrap_or(' ')
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Color;

    use super::*;

    /// Draws `s` into a fresh buffer just big enough; returns its rows as strings.
    fn render(s: &str, scale: Scale) -> Vec<String> {
        let area = Rect::new(0, 0, width(s), rows(scale));
        let mut buf = Buffer::empty(area);
        assert_eq!(
            draw(&mut buf, 0, 0, area.width, s, scale, Style::new()),
            width(s)
        );
        lines(&buf)
    }

    fn lines(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (area.top()..area.bottom())
            .map(|y| {
                (area.left()..area.right())
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    fn is_blank(lines: &[String]) -> bool {
        lines.iter().all(|l| l.chars().all(|c| c == ' '))
    }

    #[test]
    fn rows_per_scale() {
        assert_eq!(rows(Scale::Large), 8);
        assert_eq!(rows(Scale::Medium), 4);
    }

    #[test]
    fn h_at_large_has_two_strokes_and_a_crossbar() {
        let h = render("H", Scale::Large);
        assert_eq!(h.len(), 8);
        // font8x8's H: columns 0-1 and 4-5 on every row but the last, row 3 filled 0-5.
        for (y, line) in h.iter().enumerate() {
            let want = match y {
                3 => "███ ",
                7 => "    ",
                _ => "█ █ ",
            };
            assert_eq!(line, want, "row {y} of H: {h:#?}");
        }
    }

    #[test]
    fn medium_latin_uses_quadrants_in_four_rows() {
        let h = render("H", Scale::Medium);
        assert_eq!(h, ["█ █ ", "█▄█ ", "█ █ ", "▀ ▀ "]);
    }

    #[test]
    fn l_and_1_look_different() {
        for scale in [Scale::Large, Scale::Medium] {
            let l = render("L", scale);
            let one = render("1", scale);
            assert!(!is_blank(&l) && !is_blank(&one));
            assert_ne!(l, one, "{scale:?}");
        }
    }

    #[test]
    fn chinese_is_eight_columns_and_drawn_at_both_scales() {
        for scale in [Scale::Large, Scale::Medium] {
            let xue = render("学", scale);
            assert_eq!(xue.len(), usize::from(rows(scale)));
            assert!(xue.iter().all(|l| l.chars().count() == 8), "{xue:#?}");
            assert!(!is_blank(&xue), "{scale:?}");
            // Only block elements, braille and spaces.
            assert!(
                xue.iter().flat_map(|l| l.chars()).all(|c| c == ' '
                    || ('\u{2580}'..='\u{259F}').contains(&c)
                    || ('\u{2800}'..='\u{28FF}').contains(&c)),
                "{xue:#?}"
            );
        }
        assert_eq!(width("学"), 8);
    }

    #[test]
    fn width_and_covers_on_mixed_text() {
        let s = "11月27日 Tai chi";
        // 2 digits, 月, 2 digits, 日, space, 3 letters, space, 3 letters.
        assert_eq!(width(s), 8 + 8 + 8 + 8 + 2 + 12 + 2 + 12);
        assert!(covers(s));
        assert!(covers("第 3 页，共 5 页"));
        assert!(covers(""));
        assert!(!covers("café"));
        assert_eq!(width("café"), 12 + 1);
        assert!(!covers("龘"));
        assert_eq!(width("龘"), 2);
        assert_eq!(width("a\nb"), 8);
    }

    #[test]
    fn a_character_outside_the_subset_is_drawn_as_itself() {
        // 龘 (U+9F98) is in Unifont but not GB2312 level 1 nor the kiosk's text; 𠀀 (U+20000)
        // is outside Unifont's plane 0.
        for c in ['龘', '𠀀', 'é'] {
            assert!(!covers(&c.to_string()));
            for scale in [Scale::Large, Scale::Medium] {
                let s = format!("A{c}A");
                let drawn = render(&s, scale);
                let middle = usize::from((rows(scale) - 1) / 2);
                assert_eq!(drawn[middle].chars().nth(4), Some(c), "{drawn:#?}");
                assert!(
                    drawn
                        .iter()
                        .flat_map(|l| l.chars())
                        .filter(|&x| x == c)
                        .count()
                        == 1
                );
                // The glyphs either side still come after it at the right columns.
                let w = c.width().unwrap_or(0);
                assert_eq!(width(&s), 8 + w as u16);
            }
        }
    }

    #[test]
    fn every_covered_cell_gets_the_style() {
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        let s = "学 H龘";
        let area = Rect::new(0, 0, width(s) + 3, 9);
        let mut buf = Buffer::empty(area);
        let used = draw(&mut buf, 1, 0, area.width, s, Scale::Large, style);
        assert_eq!(used, width(s));
        for y in 0..9 {
            for x in 0..area.width {
                let inside = (1..1 + used).contains(&x) && y < 8;
                let bg = buf[(x, y)].bg;
                assert_eq!(bg == Color::Yellow, inside, "cell ({x}, {y})");
            }
        }
    }

    #[test]
    fn stops_before_a_glyph_that_does_not_fit() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        // H (4) + 学 (8) = 12; 学 would need 8 more but only 7 are allowed.
        assert_eq!(
            draw(&mut buf, 0, 0, 11, "H学H", Scale::Large, Style::new()),
            4
        );
        assert_eq!(
            draw(&mut buf, 0, 0, 12, "H学H", Scale::Large, Style::new()),
            12
        );
        assert_eq!(draw(&mut buf, 0, 0, 0, "H", Scale::Large, Style::new()), 0);
        // The buffer's right edge counts the same as max_width.
        assert_eq!(
            draw(&mut buf, 30, 0, 100, "学学", Scale::Large, Style::new()),
            8
        );
    }

    #[test]
    fn never_writes_outside_its_box_or_the_buffer() {
        let s = "11月27日 Tai chi 太极拳 龘𠀀 with a long tail";
        // A marked buffer: anything draw touches outside its box shows up.
        let area = Rect::new(0, 0, 40, 12);
        let mut buf = Buffer::empty(area);
        for pos in area.positions() {
            buf[pos].set_char('x');
        }
        let used = draw(&mut buf, 3, 2, 10, s, Scale::Large, Style::new());
        assert!(used <= 10);
        for pos in area.positions() {
            let inside = (3..3 + used).contains(&pos.x) && (2..10).contains(&pos.y);
            assert_eq!(buf[pos].symbol() != "x", inside, "cell {pos:?}");
        }

        // A small buffer away from the origin, drawn at and around its edges: never panics.
        let small = Rect::new(5, 7, 10, 3);
        let mut buf = Buffer::empty(small);
        for scale in [Scale::Large, Scale::Medium] {
            for x in [0, 4, 5, 6, 12, 14, 15, 40, u16::MAX - 1, u16::MAX] {
                for y in [0, 6, 7, 8, 9, 10, u16::MAX] {
                    for max in [0, 1, 3, 4, 8, 10, u16::MAX] {
                        let used = draw(&mut buf, x, y, max, s, scale, Style::new());
                        assert!(used <= max.min(small.right().saturating_sub(x)));
                    }
                }
            }
        }
        assert_eq!(buf.area, small);
    }

    /// Text values of a pattern, placeables left out but select variants kept, as those are
    /// phrases too.
    fn pattern_text(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
        use fluent_syntax::ast::{Expression, PatternElement};
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push((*value).to_string()),
                PatternElement::Placeable { expression } => {
                    if let Expression::Select { variants, .. } = expression {
                        for v in variants {
                            pattern_text(&v.value, out);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_chinese_kiosk_phrase_is_covered() {
        use fluent_syntax::ast::Entry;
        let source = include_str!("../../../locales/zh-CN/kiosk.ftl");
        let resource = fluent_syntax::parser::parse(source).expect("zh-CN parses");
        let mut texts = Vec::new();
        for entry in &resource.body {
            let (value, attributes) = match entry {
                Entry::Message(m) => (m.value.as_ref(), &m.attributes),
                Entry::Term(t) => (Some(&t.value), &t.attributes),
                _ => continue,
            };
            if let Some(v) = value {
                pattern_text(v, &mut texts);
            }
            for a in attributes {
                pattern_text(&a.value, &mut texts);
            }
        }
        assert!(texts.len() > 150);
        let missing: String = texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(|c| !c.is_ascii() && !covers(&c.to_string()))
            .collect();
        assert!(missing.is_empty(), "no large glyph for {missing:?}");
    }

    #[test]
    fn every_chinese_character_of_the_demo_catalogue_is_covered() {
        let missing: String = crate::catalogue::demo::DEMO_CATALOGUE
            .chars()
            .filter(|c| c.width() == Some(2) && !covers(&c.to_string()))
            .collect();
        assert!(missing.is_empty(), "no large glyph for {missing:?}");
    }
}
