//! Glyph lookup. The large size draws everything from a GNU Unifont subset: printable ASCII
//! 8x16, Chinese and full-width punctuation 16x16 (`assets/unifont-subset.hex`, made by
//! `scripts/unifont_subset.py`; GPL-2+, licence in `assets/unifont.LICENSE`). The medium
//! size draws printable ASCII from `font8x8` (8x8) and has no Chinese.

use std::sync::LazyLock;

/// The embedded Unifont subset: `XXXX:<32 or 64 hex digits>` lines, sorted by code point.
const UNIFONT_SUBSET: &str = include_str!("../../assets/unifont-subset.hex");

/// One glyph's pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// 8x8 glyph from font8x8, one byte a row from the top, bit 0 the leftmost pixel.
    Small([u8; 8]),
    /// 8x16 half-width Unifont glyph, one byte a row from the top, the high bit leftmost.
    Narrow([u8; 16]),
    /// 16x16 full-width Unifont glyph, one `u16` a row from the top, the high bit leftmost.
    Wide([u16; 16]),
}

impl Glyph {
    /// Whether the pixel at (x, y) is ink; outside the glyph is blank.
    pub fn pixel(&self, x: usize, y: usize) -> bool {
        match self {
            Glyph::Small(rows) => x < 8 && rows.get(y).is_some_and(|row| row >> x & 1 == 1),
            Glyph::Narrow(rows) => x < 8 && rows.get(y).is_some_and(|row| row >> (7 - x) & 1 == 1),
            Glyph::Wide(rows) => x < 16 && rows.get(y).is_some_and(|row| row >> (15 - x) & 1 == 1),
        }
    }

    /// The glyph's box in pixels, across and down.
    pub fn size(&self) -> (usize, usize) {
        match self {
            Glyph::Small(_) => (8, 8),
            Glyph::Narrow(_) => (8, 16),
            Glyph::Wide(_) => (16, 16),
        }
    }

    /// The pixel columns drawn: a wide glyph, or any glyph in a line with Chinese, keeps its
    /// whole box (Chinese is set solid);
    /// in a Latin line a narrow one keeps its ink and two blank columns after it: Latin reads as a proportional
    /// font, and letters never touch (one blank column made "sign" read as "slen").
    pub fn columns(&self, setting: super::Setting) -> std::ops::Range<usize> {
        let (w, h) = self.size();
        if matches!(self, Glyph::Wide(_)) || matches!(setting, super::Setting::HalfWidth) {
            return 0..w;
        }
        let inked = |x: usize| (0..h).any(|y| self.pixel(x, y));
        match ((0..w).find(|&x| inked(x)), (0..w).rfind(|&x| inked(x))) {
            (Some(left), Some(right)) => left..right + 3,
            _ => 0..w / 2,
        }
    }
}

/// A line of a subset file: a wide or a narrow glyph.
enum Parsed {
    Wide([u16; 16]),
    Narrow([u8; 16]),
}

/// The Unifont subset, parsed on first use; sorted by character for binary search.
static UNIFONT: LazyLock<Vec<(char, Glyph)>> = LazyLock::new(|| parse(UNIFONT_SUBSET));

/// Parses hex lines; a malformed line is skipped (its character then falls back to
/// normal-size text) rather than taking the kiosk down. A test checks none is skipped.
fn parse(hex: &str) -> Vec<(char, Glyph)> {
    let mut glyphs: Vec<(char, Glyph)> = hex
        .lines()
        .filter_map(parse_line)
        .map(|(c, parsed)| match parsed {
            Parsed::Wide(rows) => (c, Glyph::Wide(rows)),
            Parsed::Narrow(rows) => (c, Glyph::Narrow(rows)),
        })
        .collect();
    // The script writes them sorted; sorting again keeps the lookup right if someone edits
    // the file by hand.
    glyphs.sort_unstable_by_key(|(c, _)| *c);
    glyphs.dedup_by_key(|(c, _)| *c);
    glyphs
}

fn parse_line(line: &str) -> Option<(char, Parsed)> {
    let (code, bits) = line.trim().split_once(':')?;
    let c = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
    match bits.len() {
        64 => {
            let mut rows = [0u16; 16];
            for (i, row) in rows.iter_mut().enumerate() {
                *row = u16::from_str_radix(bits.get(i * 4..i * 4 + 4)?, 16).ok()?;
            }
            Some((c, Parsed::Wide(rows)))
        }
        32 => {
            let mut rows = [0u8; 16];
            for (i, row) in rows.iter_mut().enumerate() {
                *row = u8::from_str_radix(bits.get(i * 2..i * 2 + 2)?, 16).ok()?;
            }
            Some((c, Parsed::Narrow(rows)))
        }
        _ => None,
    }
}

/// The 16-pixel glyph for `c` (space has none: it is drawn as a gap).
pub fn large(c: char) -> Option<Glyph> {
    let all = &*UNIFONT;
    all.binary_search_by_key(&c, |(k, _)| *k)
        .ok()
        .and_then(|i| all.get(i))
        .map(|(_, g)| *g)
}

/// The 8-pixel glyph for `c`: printable ASCII only.
pub fn medium(c: char) -> Option<Glyph> {
    c.is_ascii_graphic()
        .then(|| Glyph::Small(font8x8::legacy::BASIC_LEGACY[c as usize]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::big_text::Setting::Proportional as P;

    #[test]
    fn every_line_of_the_subset_parses() {
        let lines = UNIFONT_SUBSET.lines().count();
        assert!(
            lines > 3755 + 94,
            "GB2312 level 1 and printable ASCII alone are 3849 glyphs, got {lines}"
        );
        assert_eq!(UNIFONT.len(), lines);
        assert!(UNIFONT.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn large_draws_from_unifont_and_medium_from_font8x8() {
        assert!(matches!(large('A'), Some(Glyph::Narrow(_))));
        assert!(matches!(large('学'), Some(Glyph::Wide(_))));
        assert!(matches!(large('，'), Some(Glyph::Wide(_))));
        assert!(matches!(medium('A'), Some(Glyph::Small(_))));
        assert_eq!(medium('学'), None);
        assert_eq!(large(' '), None);
        assert_eq!(large('é'), None);
    }

    #[test]
    fn latin_is_proportional_and_chinese_square() {
        let cols = |g: Option<Glyph>| g.map(|g| g.columns(P).len()).unwrap_or(0);
        assert_eq!(cols(large('学')), 16);
        assert_eq!(cols(large('，')), 16);
        assert!(cols(large('i')) < cols(large('m')));
        assert!(cols(medium('i')) < cols(medium('m')));
        // Every letter keeps two blank columns after its ink.
        for c in ('!'..='~').filter_map(large) {
            let r = c.columns(P);
            assert!(
                (0..16).all(|y| !c.pixel(r.end - 1, y) && !c.pixel(r.end - 2, y)),
                "{c:?}"
            );
        }
    }
}
