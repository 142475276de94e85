//! Glyph lookup: printable ASCII from `font8x8` (8x8), Chinese and full-width punctuation from
//! a GNU Unifont subset (16x16, `assets/unifont-subset.hex`, made by
//! `scripts/unifont_subset.py`; GPL-2+, licence in `assets/unifont.LICENSE`).

use std::sync::LazyLock;

/// The embedded Unifont subset: `XXXX:<64 hex digits>` lines, sorted by code point.
const UNIFONT_SUBSET: &str = include_str!("../../../assets/unifont-subset.hex");

/// One glyph's pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// 8x8 half-width glyph, one byte a row from the top, bit 0 the leftmost pixel.
    Half([u8; 8]),
    /// 16x16 full-width glyph, one `u16` a row from the top, the high bit the leftmost pixel.
    Full([u16; 16]),
}

impl Glyph {
    /// Whether the pixel at (x, y) is ink; outside the glyph is blank.
    pub fn pixel(&self, x: usize, y: usize) -> bool {
        match self {
            Glyph::Half(rows) => x < 8 && rows.get(y).is_some_and(|row| row >> x & 1 == 1),
            Glyph::Full(rows) => x < 16 && rows.get(y).is_some_and(|row| row >> (15 - x) & 1 == 1),
        }
    }
}

/// The Unifont subset, parsed on first use; sorted by character for binary search.
static FULL: LazyLock<Vec<(char, [u16; 16])>> = LazyLock::new(|| parse(UNIFONT_SUBSET));

/// Parses hex lines; a malformed line is skipped (its character then falls back to
/// normal-size text) rather than taking the kiosk down. A test checks none is skipped.
fn parse(hex: &str) -> Vec<(char, [u16; 16])> {
    let mut glyphs: Vec<(char, [u16; 16])> = hex.lines().filter_map(parse_line).collect();
    // The script writes them sorted; sorting again keeps the lookup right if someone edits
    // the file by hand.
    glyphs.sort_unstable_by_key(|(c, _)| *c);
    glyphs.dedup_by_key(|(c, _)| *c);
    glyphs
}

fn parse_line(line: &str) -> Option<(char, [u16; 16])> {
    let (code, bits) = line.trim().split_once(':')?;
    let c = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
    if bits.len() != 64 {
        return None;
    }
    let mut rows = [0u16; 16];
    for (i, row) in rows.iter_mut().enumerate() {
        *row = u16::from_str_radix(bits.get(i * 4..i * 4 + 4)?, 16).ok()?;
    }
    Some((c, rows))
}

/// The large glyph for `c`, if there is one (space has none: it is drawn as a gap).
pub fn glyph(c: char) -> Option<Glyph> {
    if c.is_ascii_graphic() {
        return Some(Glyph::Half(font8x8::legacy::BASIC_LEGACY[c as usize]));
    }
    let full = &*FULL;
    full.binary_search_by_key(&c, |(k, _)| *k)
        .ok()
        .and_then(|i| full.get(i))
        .map(|(_, rows)| Glyph::Full(*rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_subset_parses() {
        let lines = UNIFONT_SUBSET.lines().count();
        assert!(
            lines > 3755,
            "GB2312 level 1 alone has 3755 hanzi, got {lines}"
        );
        assert_eq!(FULL.len(), lines);
        assert!(FULL.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn ascii_comes_from_font8x8_and_chinese_from_unifont() {
        assert!(matches!(glyph('A'), Some(Glyph::Half(_))));
        assert!(matches!(glyph('学'), Some(Glyph::Full(_))));
        assert!(matches!(glyph('，'), Some(Glyph::Full(_))));
        assert_eq!(glyph(' '), None);
        assert_eq!(glyph('é'), None);
    }
}
