//! Large glyph text for the assisted mode, for learners who find normal terminal text too
//! small. Glyphs are drawn with half blocks, one column and half a row a pixel, so on a cell
//! twice as tall as wide every pixel is square and every stroke solid: any terminal font
//! shows them, and they read as the font they come from rather than stretched or dotted.

mod font;
mod lines;

pub use lines::{lines, title};

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use self::font::Glyph;

/// How tall large text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Eight rows: 16-pixel glyphs, Chinese (16 columns) and Latin (about 7) alike.
    Large,
    /// Four rows: 8-pixel Latin glyphs (about 7 columns). Chinese has no glyph this small
    /// that stays legible, so Chinese text is never drawn at this size.
    Medium,
}

/// Rows large text takes at `scale`.
pub fn rows(scale: Scale) -> u16 {
    match scale {
        Scale::Large => 8,
        Scale::Medium => 4,
    }
}

/// What one character of the text becomes on screen.
enum Piece {
    /// A gap this many columns wide.
    Space(u16),
    /// A large glyph, set as its line sets Latin.
    Glyph(Glyph, Setting),
    /// No glyph: the character itself at normal size, taking this many columns.
    Plain(char, u16),
}

/// How Latin is set in a line: proportionally in a Latin line; in a line with Chinese in
/// the font's own half-width boxes, as Chinese type sets digits and letters (tight digits
/// beside hanzi read as one blur: "14:00" came back from OCR as "143").
#[derive(Clone, Copy)]
enum Setting {
    Proportional,
    HalfWidth,
}

impl Setting {
    fn of(s: &str) -> Setting {
        if s.chars().any(|c| c.width() == Some(2)) {
            Setting::HalfWidth
        } else {
            Setting::Proportional
        }
    }
}

impl Piece {
    fn of(c: char, scale: Scale, setting: Setting) -> Piece {
        if c == ' ' {
            return Piece::Space(match setting {
                // A word space: about half a letter's width, as in a printed font.
                Setting::Proportional => rows(scale) / 2 + 1,
                // Beside Chinese a half-width box: a narrower gap between a choice's number
                // and its first hanzi made OCR read "1 继续" as "1 炙红".
                Setting::HalfWidth => rows(scale),
            });
        }
        let glyph = match scale {
            Scale::Large => font::large(c),
            Scale::Medium => font::medium(c),
        };
        match glyph {
            Some(g) => Piece::Glyph(g, setting),
            // Control characters have no width; they are left out like combining marks.
            None => Piece::Plain(c, c.width().unwrap_or(0) as u16),
        }
    }

    fn columns(&self) -> u16 {
        match self {
            Piece::Space(w) | Piece::Plain(_, w) => *w,
            Piece::Glyph(g, setting) => g.columns(*setting).len() as u16,
        }
    }
}

/// Columns `s` takes at `scale`: 16 a Chinese glyph, each Latin glyph its own ink and a
/// blank column, a few a space; a character with no glyph its own display width.
pub fn width(s: &str, scale: Scale) -> u16 {
    let setting = Setting::of(s);
    s.chars()
        .map(|c| Piece::of(c, scale, setting).columns())
        .fold(0, u16::saturating_add)
}

/// True when every character of `s` has a glyph at `scale` (space counts as covered).
pub fn covers(s: &str, scale: Scale) -> bool {
    s.chars()
        .all(|c| !matches!(Piece::of(c, scale, Setting::of(s)), Piece::Plain(..)))
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
    let setting = Setting::of(s);
    for c in s.chars() {
        let piece = Piece::of(c, scale, setting);
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
                    Piece::Space(_) => ' ',
                    Piece::Glyph(g, setting) => glyph_cell(g, *setting, height, col, row),
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

/// Half blocks by pixel bits: 1 top, 2 bottom.
const HALVES: [char; 4] = [' ', '▀', '▄', '█'];

/// The symbol for the cell at (col, row) of a glyph's box `height` rows tall: one pixel
/// column, two pixel rows, the glyph standing on the box's baseline.
fn glyph_cell(glyph: &Glyph, setting: Setting, height: u16, col: u16, row: u16) -> char {
    let (_, h) = glyph.size();
    let x = glyph.columns(setting).start + usize::from(col);
    // A glyph shorter than the box (none today) would sit at its foot.
    let top = (usize::from(height) * 2).saturating_sub(h);
    let on = |dy: usize| {
        let py = usize::from(row) * 2 + dy;
        py >= top && glyph.pixel(x, py - top)
    };
    HALVES[usize::from(on(0)) | usize::from(on(1)) << 1]
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Color;

    use super::*;

    /// Draws `s` into a fresh buffer just big enough; returns its rows as strings.
    fn render(s: &str, scale: Scale) -> Vec<String> {
        let area = Rect::new(0, 0, width(s, scale), rows(scale));
        let mut buf = Buffer::empty(area);
        assert_eq!(
            draw(&mut buf, 0, 0, area.width, s, scale, Style::new()),
            width(s, scale)
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

    /// The pixels drawn: each cell one pixel across and two down.
    fn pixels(lines: &[String]) -> Vec<Vec<bool>> {
        lines
            .iter()
            .flat_map(|l| {
                let top = l.chars().map(|c| c == '▀' || c == '█').collect();
                let bottom = l.chars().map(|c| c == '▄' || c == '█').collect();
                [top, bottom]
            })
            .collect()
    }

    #[test]
    fn rows_per_scale() {
        assert_eq!(rows(Scale::Large), 8);
        assert_eq!(rows(Scale::Medium), 4);
    }

    #[test]
    fn every_pixel_of_the_font_is_drawn_square_and_solid() {
        // The drawing holds the glyph's own pixels, one column by half a row each: nothing
        // stretched, nothing dotted.
        for (c, scale) in [
            ('学', Scale::Large),
            ('H', Scale::Large),
            ('H', Scale::Medium),
        ] {
            let glyph = match scale {
                Scale::Large => font::large(c),
                Scale::Medium => font::medium(c),
            }
            .unwrap();
            let drawn = pixels(&render(&c.to_string(), scale));
            let (_, h) = glyph.size();
            assert_eq!(drawn.len(), h);
            for (y, row) in drawn.iter().enumerate() {
                for (i, &on) in row.iter().enumerate() {
                    let x = glyph.columns(Setting::Proportional).start + i;
                    assert_eq!(on, glyph.pixel(x, y), "{c} at ({x}, {y})");
                }
            }
            let symbols: String = render(&c.to_string(), scale).concat();
            assert!(symbols.chars().all(|s| " ▀▄█".contains(s)), "{symbols}");
        }
    }

    #[test]
    fn medium_h_has_two_strokes_and_a_crossbar() {
        let h = render("H", Scale::Medium);
        assert_eq!(h, ["██  ██  ", "██▄▄██  ", "██  ██  ", "▀▀  ▀▀  "]);
    }

    #[test]
    fn l_and_1_look_different() {
        for scale in [Scale::Large, Scale::Medium] {
            let l = render("l", scale);
            let one = render("1", scale);
            assert!(!is_blank(&l) && !is_blank(&one));
            assert_ne!(l, one, "{scale:?}");
        }
    }

    #[test]
    fn chinese_is_sixteen_columns_at_large_and_not_drawn_at_medium() {
        let xue = render("学", Scale::Large);
        assert_eq!(xue.len(), 8);
        assert!(xue.iter().all(|l| l.chars().count() == 16), "{xue:#?}");
        assert!(!is_blank(&xue));
        assert_eq!(width("学", Scale::Large), 16);
        assert!(covers("学习", Scale::Large));
        assert!(!covers("学习", Scale::Medium));
    }

    #[test]
    fn width_and_covers_on_mixed_text() {
        let s = "11月27日 Tai chi";
        assert!(covers(s, Scale::Large));
        assert!(!covers(s, Scale::Medium));
        assert!(covers("Tai chi", Scale::Medium));
        // Beside Chinese, Latin takes its font's half-width box; alone, only its ink.
        assert_eq!(width("11月", Scale::Large), 8 + 8 + 16);
        assert!(width("11", Scale::Large) < 16);
        assert!(covers("第 3 页，共 5 页", Scale::Large));
        assert!(covers("", Scale::Large));
        assert!(!covers("café", Scale::Large));
        assert_eq!(width("café", Scale::Large), width("caf", Scale::Large) + 1);
        assert!(!covers("龘", Scale::Large));
        assert_eq!(width("龘", Scale::Large), 2);
        assert_eq!(width("a\nb", Scale::Large), width("ab", Scale::Large));
    }

    #[test]
    fn a_character_outside_the_subset_is_drawn_as_itself() {
        // 龘 (U+9F98) is in Unifont but not GB2312 level 1 nor the kiosk's text; 𠀀 (U+20000)
        // is outside Unifont's plane 0.
        for c in ['龘', '𠀀', 'é'] {
            for scale in [Scale::Large, Scale::Medium] {
                assert!(!covers(&c.to_string(), scale));
                let s = format!("A{c}A");
                let drawn = render(&s, scale);
                let middle = usize::from((rows(scale) - 1) / 2);
                let a = usize::from(width("A", scale));
                assert_eq!(drawn[middle].chars().nth(a), Some(c), "{drawn:#?}");
                assert_eq!(
                    drawn
                        .iter()
                        .flat_map(|l| l.chars())
                        .filter(|&x| x == c)
                        .count(),
                    1
                );
                let w = c.width().unwrap_or(0);
                assert_eq!(width(&s, scale), 2 * a as u16 + w as u16);
            }
        }
    }

    #[test]
    fn every_covered_cell_gets_the_style() {
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        let s = "学 H龘";
        let area = Rect::new(0, 0, width(s, Scale::Large) + 3, 9);
        let mut buf = Buffer::empty(area);
        let used = draw(&mut buf, 1, 0, area.width, s, Scale::Large, style);
        assert_eq!(used, width(s, Scale::Large));
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
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 8));
        let h = width("H", Scale::Large);
        let l = Scale::Large;
        assert_eq!(draw(&mut buf, 0, 0, h + 15, "H学H", l, Style::new()), h);
        assert_eq!(
            draw(&mut buf, 0, 0, h + 16, "H学H", l, Style::new()),
            h + 16
        );
        assert_eq!(draw(&mut buf, 0, 0, 0, "H", l, Style::new()), 0);
        // The buffer's right edge counts the same as max_width.
        assert_eq!(draw(&mut buf, 50, 0, 100, "学学", l, Style::new()), 16);
    }

    #[test]
    fn never_writes_outside_its_box_or_the_buffer() {
        let s = "11月27日 Tai chi 太极拳 龘𠀀 with a long tail";
        // A marked buffer: anything draw touches outside its box shows up.
        let area = Rect::new(0, 0, 60, 12);
        let mut buf = Buffer::empty(area);
        for pos in area.positions() {
            buf[pos].set_char('x');
        }
        let used = draw(&mut buf, 3, 2, 30, s, Scale::Large, Style::new());
        assert!(used <= 30);
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
        let source = include_str!("../../locales/zh-CN/kiosk.ftl");
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
            .filter(|c| !c.is_ascii() && !covers(&c.to_string(), Scale::Large))
            .collect();
        assert!(missing.is_empty(), "no large glyph for {missing:?}");
    }

    #[test]
    fn every_chinese_character_of_the_demo_catalogue_is_covered() {
        let missing: String = crate::catalogue::demo::DEMO_CATALOGUE
            .chars()
            .filter(|c| c.width() == Some(2) && !covers(&c.to_string(), Scale::Large))
            .collect();
        assert!(missing.is_empty(), "no large glyph for {missing:?}");
    }
}
