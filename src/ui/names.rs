//! Fitting a name into little room without losing what tells it apart from its siblings
//! in a list. Cutting at the right end can drop just that ("Chaoyang University for Older
//! People, W..." for every branch of it), so a name is cut only between whole words, and
//! where a sibling shares its beginning, the shared words give way to the ones that differ.

use crate::breaks::break_units;
use crate::ui::text::{truncate, width, wrap};

/// A name in at most `rows` lines of `max` columns: whole when it fits, else over the lines
/// between words (after a comma where one line takes what comes before it), else shortened
/// as [`shorten_among`] does.
pub fn fit_name<'a>(
    name: &str,
    siblings: impl IntoIterator<Item = &'a str>,
    max: usize,
    rows: usize,
) -> Vec<String> {
    if width(name) <= max || rows <= 1 {
        return vec![shorten_among(name, siblings, max)];
    }
    // The strongest place to break a name is after its comma.
    if let Some((head, tail)) = name.rsplit_once(", ").or_else(|| name.rsplit_once('，'))
        && width(head) < max
        && width(tail) <= max
    {
        let comma = &name[head.len()..name.len() - tail.len()];
        return vec![format!("{head}{}", comma.trim_end()), tail.to_string()];
    }
    let mut lines = wrap(name, max);
    if lines.len() > rows {
        let rest = remainder_after(name, &lines[..rows - 1]);
        lines.truncate(rows - 1);
        lines.push(shorten_name(rest, max));
    }
    lines
}

/// A name in one line of at most `max` columns, cut between whole words (with `...`).
pub fn shorten_name(name: &str, max: usize) -> String {
    shorten_among(name, [], max)
}

/// A name in one line of at most `max` columns among the sibling names of its list: cut
/// between whole words at its end, unless that keeps only words a sibling shares; then its
/// first words, `...`, and the words where it differs.
pub fn shorten_among<'a>(
    name: &str,
    siblings: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> String {
    if width(name) <= max {
        return name.to_string();
    }
    let units = break_units(name);
    let shared = siblings
        .into_iter()
        .filter(|s| *s != name)
        .map(|s| shared_units(&units, s))
        .max()
        .unwrap_or(0);
    let cut = leading_words(&units, units.len(), max);
    match cut {
        Some((kept, text)) if kept > shared || shared == 0 => text,
        _ if shared > 0 => middle_cut(&units, shared, max),
        Some((_, text)) => text,
        None => truncate(name, max),
    }
}

/// How many of `units` (a name's words and spaces) begin `sibling` too, word for word.
fn shared_units(units: &[String], sibling: &str) -> usize {
    let theirs = break_units(sibling);
    let same = units
        .iter()
        .zip(&theirs)
        .take_while(|(a, b)| a == b)
        .count();
    // A space shared after the shared words is not a word.
    units[..same]
        .iter()
        .rposition(|u| u != " ")
        .map_or(0, |i| i + 1)
}

/// The leading whole words among the first `limit` units with `...` after them, in at most
/// `max` columns, and how many units that keeps; `None` when not even the first word fits.
fn leading_words(units: &[String], limit: usize, max: usize) -> Option<(usize, String)> {
    let room = max.checked_sub(3)?;
    let mut kept = String::new();
    let mut count = 0;
    for (i, unit) in units.iter().take(limit).enumerate() {
        if width(&kept) + width(unit) > room {
            break;
        }
        kept.push_str(unit);
        // A space kept after the last word adds no word.
        if unit != " " {
            count = i + 1;
        }
    }
    // "Library,..." reads worse than "Library...".
    let trimmed = kept
        .trim_end()
        .trim_end_matches([',', '，', '、', ';', '；', ':', '：']);
    (!trimmed.is_empty()).then(|| (count, format!("{trimmed}...")))
}

/// The first words of a name, `...`, and from where it differs from a sibling (after
/// `shared` units) to its end, cut at the right if need be.
fn middle_cut(units: &[String], shared: usize, max: usize) -> String {
    let differs: String = units[shared..].concat().trim_start().to_string();
    let gap = if differs.chars().next().is_some_and(|c| c.is_ascii()) {
        " "
    } else {
        ""
    };
    let room_for_start = max.saturating_sub(width(&differs) + width(gap));
    match leading_words(units, shared, room_for_start) {
        Some((_, start)) => format!("{start}{gap}{differs}"),
        None => shorten_name(&differs, max),
    }
}

/// What of `name` follows the given lines of its wrapping.
fn remainder_after<'a>(name: &'a str, lines: &[String]) -> &'a str {
    let mut at = 0;
    for line in lines {
        if let Some(found) = name[at..].find(line.as_str()) {
            at += found + line.len();
        }
    }
    name[at..].trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIVERSITY: &str = "Chaoyang University for Older People, Wangjing Branch";
    const TIANTAN: &str = "Chaoyang University for Older People, Tiantan Branch";

    #[test]
    fn a_name_is_cut_between_whole_words() {
        assert_eq!(
            shorten_name("Wangjing Community Learning Centre", 22),
            "Wangjing Community..."
        );
        assert_eq!(
            shorten_name("密云区溪翁庄镇远程教育学习点", 20),
            "密云区溪翁庄镇..."
        );
        assert_eq!(shorten_name(UNIVERSITY, 60), UNIVERSITY);
        assert!(width(&shorten_name("Xiwengzhuang", 5)) <= 5);
    }

    #[test]
    fn where_siblings_share_the_beginning_the_difference_is_kept() {
        let siblings = [
            UNIVERSITY,
            TIANTAN,
            "Chaoyang District Library, Wangjing Branch",
        ];
        assert_eq!(
            shorten_among(UNIVERSITY, siblings, 40),
            "Chaoyang University... Wangjing Branch"
        );
        assert_eq!(
            shorten_among(TIANTAN, siblings, 40),
            "Chaoyang University... Tiantan Branch"
        );
        assert_eq!(shorten_among(UNIVERSITY, siblings, 16), "Wangjing Branch");
        // A sibling sharing only the first word: the end-cut already differs.
        assert_eq!(
            shorten_among(
                "Chaoyang District Library, Wangjing Branch",
                [UNIVERSITY],
                30
            ),
            "Chaoyang District Library..."
        );
        assert_eq!(
            shorten_among("朝阳区老年大学望京分校", ["朝阳区老年大学酒仙桥分校"], 18),
            "朝阳区...望京分校"
        );
    }

    #[test]
    fn with_two_lines_a_name_breaks_after_its_comma() {
        assert_eq!(
            fit_name(UNIVERSITY, [], 40, 2),
            ["Chaoyang University for Older People,", "Wangjing Branch"]
        );
        assert_eq!(
            fit_name(
                "Xiwengzhuang Adult Culture and Technology School",
                [],
                30,
                2
            ),
            ["Xiwengzhuang Adult Culture and", "Technology School"]
        );
        assert_eq!(
            fit_name(
                "Xiwengzhuang Adult Culture and Technology School",
                [],
                16,
                2
            ),
            ["Xiwengzhuang", "Adult Culture..."]
        );
        assert_eq!(fit_name(UNIVERSITY, [], 60, 2), [UNIVERSITY]);
    }
}
