//! The map's legend: each venue kind's letter with a short name, and "@ you are here", laid
//! out in lines that fit a width. Both the layout (how many rows it takes) and the view (what
//! goes on each row) use it, so they agree.

use crate::catalogue::VenueKind;
use crate::domain::lang::Lang;
use crate::i18n::t;

/// The letter each kind of venue is marked with, in [`VenueKind::ALL`] order.
pub const KIND_LETTERS: [char; 10] = ['C', 'L', 'A', 'E', 'B', 'U', 'D', 'M', 'W', 'O'];

/// Columns between two entries on a line.
pub const GAP: u16 = 2;

/// What an entry marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A kind of venue.
    Kind(VenueKind),
    /// The kiosk.
    Here,
}

/// One entry: its mark, the letter drawn, its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// What it marks.
    pub mark: Mark,
    /// The character on the map.
    pub letter: char,
    /// Its short name.
    pub name: String,
}

impl Entry {
    /// Columns it takes: the letter, a space, the name.
    pub fn width(&self) -> u16 {
        2 + unicode_width::UnicodeWidthStr::width(self.name.as_str()) as u16
    }
}

/// The letter of a kind.
pub fn letter(kind: VenueKind) -> char {
    VenueKind::ALL
        .iter()
        .position(|k| *k == kind)
        .map_or('O', |i| KIND_LETTERS[i])
}

/// Every entry, kinds in their order and then the kiosk.
pub fn entries(lang: Lang) -> Vec<Entry> {
    let mut all: Vec<Entry> = VenueKind::ALL
        .iter()
        .map(|k| Entry {
            mark: Mark::Kind(*k),
            letter: letter(*k),
            name: t(lang, &format!("map-kind-{}", k.wire())),
        })
        .collect();
    all.push(Entry {
        mark: Mark::Here,
        letter: '@',
        name: t(lang, "map-here"),
    });
    all
}

/// The entries laid out in lines of at most `width` columns, in order: for each line, each
/// entry's index and its column from the line's start. In even columns when that takes no
/// more lines (it reads as a table), else flowed [`GAP`] apart. An entry wider than the
/// width has a line of its own.
pub fn lines(entries: &[Entry], width: u16) -> Vec<Vec<(usize, u16)>> {
    let flowed = flow(entries, width);
    let widest = entries.iter().map(Entry::width).max().unwrap_or(1);
    let columns = usize::from((width + GAP) / (widest + GAP));
    if columns >= 2 && entries.len().div_ceil(columns) <= flowed.len() {
        let step = widest + GAP;
        (0..entries.len())
            .collect::<Vec<_>>()
            .chunks(columns)
            .map(|line| {
                line.iter()
                    .enumerate()
                    .map(|(c, i)| (*i, c as u16 * step))
                    .collect()
            })
            .collect()
    } else {
        flowed
    }
}

/// The entries flowed into lines, each [`GAP`] after the one before.
fn flow(entries: &[Entry], width: u16) -> Vec<Vec<(usize, u16)>> {
    let mut out: Vec<Vec<(usize, u16)>> = Vec::new();
    let mut used = 0u16;
    for (i, entry) in entries.iter().enumerate() {
        let w = entry.width();
        match out.last_mut() {
            Some(line) if used + GAP + w <= width => {
                line.push((i, used + GAP));
                used += GAP + w;
            }
            _ => {
                out.push(vec![(i, 0)]);
                used = w;
            }
        }
    }
    out
}

/// How many rows the legend takes at `width` in this language.
pub fn rows(lang: Lang, width: u16) -> u16 {
    lines(&entries(lang), width).len() as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_the_width_and_keep_the_order() {
        for lang in Lang::ALL {
            let all = entries(lang);
            for width in [30, 40, 58, 78, 120] {
                let laid = lines(&all, width);
                let order: Vec<usize> = laid.iter().flatten().map(|(i, _)| *i).collect();
                assert_eq!(order, (0..all.len()).collect::<Vec<_>>());
                for line in &laid {
                    // Each entry ends inside the width and before the next begins.
                    for pair in line.windows(2) {
                        let ((a, x), (_, next)) = (pair[0], pair[1]);
                        assert!(
                            x + all[a].width() + GAP <= next,
                            "{lang:?} {width}: {line:?}"
                        );
                    }
                    let (last, x) = line[line.len() - 1];
                    assert!(
                        x + all[last].width() <= width,
                        "{lang:?} at {width}: {line:?}"
                    );
                }
            }
        }
    }
}
