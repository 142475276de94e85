//! Reading large glyphs back with an OCR engine, against an ideal: the same words drawn from
//! the same fonts with square pixels. The screen's cells are turned into pixels as a
//! terminal shows them (each cell twice as tall as wide; half and quadrant blocks as solid
//! parts of the cell, braille as dots), so stretched or dotted glyphs score as they read.

use std::path::Path;
use std::process::Command;

use learning_kiosk::ui::painter::LargeText;
use ratatui::buffer::Buffer;

/// Pixels across a cell (it is twice as many down); one font pixel at the large sizes.
const CELL: usize = 4;
/// White margin around an image, in pixels.
const MARGIN: usize = 24;
/// White rows between lines, in pixels.
const LEADING: usize = 16;

/// A grey image: true is ink.
pub struct Image {
    width: usize,
    rows: Vec<Vec<bool>>,
}

impl Image {
    /// Lines stacked under each other, left-aligned, with margins.
    fn stack(lines: Vec<Vec<Vec<bool>>>) -> Image {
        let width = lines
            .iter()
            .map(|l| l.first().map_or(0, Vec::len))
            .max()
            .unwrap_or(0);
        let mut rows = vec![vec![false; width + 2 * MARGIN]; MARGIN];
        for line in lines {
            for row in line {
                let mut r = vec![false; MARGIN];
                r.extend(&row);
                r.resize(width + 2 * MARGIN, false);
                rows.push(r);
            }
            rows.extend(vec![vec![false; width + 2 * MARGIN]; LEADING]);
        }
        rows.extend(vec![vec![false; width + 2 * MARGIN]; MARGIN]);
        Image {
            width: width + 2 * MARGIN,
            rows,
        }
    }

    /// Writes a binary PGM, which tesseract reads.
    pub fn write_pgm(&self, path: &Path) {
        let mut out = format!("P5 {} {} 255\n", self.width, self.rows.len()).into_bytes();
        for row in &self.rows {
            out.extend(row.iter().map(|&ink| if ink { 0u8 } else { 255 }));
        }
        std::fs::write(path, out).unwrap();
    }
}

/// The pixels of one cell's symbol, `CELL` across and `2 * CELL` down.
fn cell_pixels(symbol: &str) -> Vec<Vec<bool>> {
    let (w, h) = (CELL, 2 * CELL);
    let mut px = vec![vec![false; w]; h];
    let Some(c) = symbol.chars().next() else {
        return px;
    };
    let mut fill = |x0: usize, y0: usize, x1: usize, y1: usize| {
        for row in px.iter_mut().take(y1).skip(y0) {
            for p in row.iter_mut().take(x1).skip(x0) {
                *p = true;
            }
        }
    };
    let (hw, hh) = (w / 2, h / 2);
    // Quadrants by bits: 1 top left, 2 top right, 4 bottom left, 8 bottom right.
    let quadrants = match c {
        '▀' => 3,
        '▄' => 12,
        '█' => 15,
        '▌' => 5,
        '▐' => 10,
        '▘' => 1,
        '▝' => 2,
        '▖' => 4,
        '▗' => 8,
        '▚' => 9,
        '▞' => 6,
        '▙' => 13,
        '▛' => 7,
        '▜' => 11,
        '▟' => 14,
        _ => 0,
    };
    for (bit, (x, y)) in [(1, (0, 0)), (2, (hw, 0)), (4, (0, hh)), (8, (hw, hh))] {
        if quadrants & bit != 0 {
            fill(x, y, x + hw, y + hh);
        }
    }
    if ('\u{2801}'..='\u{28FF}').contains(&c) {
        // Braille: a dot in the middle of each of 2 x 4 places, as a terminal draws them.
        let bits = c as u32 - 0x2800;
        let dots = [
            (0, 0),
            (0, 1),
            (0, 2),
            (1, 0),
            (1, 1),
            (1, 2),
            (0, 3),
            (1, 3),
        ];
        for (i, (dx, dy)) in dots.iter().enumerate() {
            if bits & (1 << i) != 0 {
                let (x, y) = (dx * hw + hw / 4, dy * (h / 4) + (h / 4) / 4);
                fill(x, y, x + hw / 2, y + (h / 4) / 2);
            }
        }
    }
    px
}

/// The large lines as the screen shows them.
pub fn from_screen(buf: &Buffer, lines: &[LargeText]) -> Image {
    let drawn = lines
        .iter()
        .map(|l| {
            let mut rows = vec![Vec::new(); usize::from(l.area.height) * 2 * CELL];
            for y in l.area.top()..l.area.bottom() {
                for x in l.area.left()..l.area.right() {
                    let px = cell_pixels(buf[(x, y)].symbol());
                    for (dy, row) in px.into_iter().enumerate() {
                        rows[usize::from(y - l.area.y) * 2 * CELL + dy].extend(row);
                    }
                }
            }
            rows
        })
        .collect();
    Image::stack(drawn)
}

/// One glyph of the fonts the kiosk draws from, as square pixels: Unifont (8x16 Latin,
/// 16x16 Chinese) for the eight-row size, font8x8 for the four-row size.
fn glyph(c: char, small: bool) -> Vec<Vec<bool>> {
    if small {
        let rows = if c.is_ascii() {
            font8x8::legacy::BASIC_LEGACY[c as usize]
        } else {
            [0; 8]
        };
        return rows
            .iter()
            .map(|r| (0..8).map(|x| r >> x & 1 == 1).collect())
            .collect();
    }
    static FONT: std::sync::LazyLock<std::collections::HashMap<char, String>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../assets/unifont-subset.hex")
                .lines()
                .filter_map(|l| {
                    let (code, bits) = l.split_once(':')?;
                    let c = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
                    Some((c, bits.to_string()))
                })
                .collect()
        });
    let Some(bits) = FONT.get(&c) else {
        // Space, and anything without a glyph: a blank half-width box.
        return vec![vec![false; 8]; 16];
    };
    let w = bits.len() / 4;
    let digits = w / 4;
    (0..16)
        .map(|y| {
            let row = u32::from_str_radix(&bits[y * digits..(y + 1) * digits], 16).unwrap();
            (0..w).map(|x| row >> (w - 1 - x) & 1 == 1).collect()
        })
        .collect()
}

/// The ideal: each large line's words in its font, glyph after glyph, square pixels of
/// `CELL` each.
pub fn ideal(lines: &[LargeText]) -> Image {
    let drawn = lines
        .iter()
        .map(|l| {
            let small = l.area.height == 4;
            let h = if small { 8 } else { 16 };
            let mut rows = vec![Vec::new(); h * CELL];
            for c in l.text.chars() {
                for (y, row) in glyph(c, small).iter().enumerate() {
                    let wide: Vec<bool> = row.iter().flat_map(|&p| [p; CELL]).collect();
                    for r in &mut rows[y * CELL..(y + 1) * CELL] {
                        r.extend(&wide);
                    }
                }
            }
            rows
        })
        .collect();
    Image::stack(drawn)
}

/// What tesseract reads in an image (`chi_sim` or `eng`), or why it could not.
pub fn read(image: &Image, lang: &str, dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.pgm"));
    image.write_pgm(&path);
    let out = Command::new("tesseract")
        .arg(&path)
        .arg("stdout")
        .args(["-l", lang, "--psm", "6"])
        .output()
        .unwrap_or_else(|e| {
            panic!("tesseract could not run ({e}): .ci/run installs tesseract-ocr, -chi-sim, -eng")
        });
    assert!(
        out.status.success(),
        "tesseract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Characters of `want` read right, in order (the longest common subsequence, spaces and
/// line breaks left out of both).
pub fn recognised(want: &str, got: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    // Full-width and ASCII forms of the same sign count as the same (NFKC).
    let plain = |s: &str| -> Vec<char> { s.nfkc().filter(|c| !c.is_whitespace()).collect() };
    let (a, b) = (plain(want), plain(got));
    let mut row = vec![0usize; b.len() + 1];
    for &ca in &a {
        let mut diagonal = 0;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal + 1
            } else {
                up.max(row[j])
            };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Characters that count in `s` (all but spaces).
pub fn counted(s: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().filter(|c| !c.is_whitespace()).count()
}
