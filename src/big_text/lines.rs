//! Setting a text in large lines: Chinese broken between words, English at spaces, never
//! before closing punctuation.

use super::Scale;

/// The most lines a question set by [`title`] takes.
pub const TITLE_LINES: usize = 2;

/// `s` set large in `room` columns on at most two lines, at the largest scale that does so
/// (for a title outside a page: an overlay's question).
pub fn title(s: &str, room: u16) -> Option<(Scale, Vec<String>)> {
    [Scale::Large, Scale::Medium].into_iter().find_map(|scale| {
        lines(s, room, scale)
            .filter(|l| l.len() <= TITLE_LINES)
            .map(|l| (scale, l))
    })
}

/// `s` broken into lines that each fit `room` columns when drawn at `scale` (Chinese between
/// words, other text at spaces, never before closing punctuation), or `None` if a character
/// has no glyph at that scale or an English word is wider than the room.
pub fn lines(s: &str, room: u16, scale: Scale) -> Option<Vec<String>> {
    if s.is_empty() || !super::covers(s, scale) {
        return None;
    }
    let fits = |t: &str| crate::big_text::width(t, scale) <= room;
    // Most labels fit one line: no need to find where they may break.
    if fits(s) && !s.contains('\n') {
        return Some(vec![s.to_string()]);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for unit in units(s, room, scale) {
        let candidate = format!("{line}{unit}");
        if fits(candidate.trim_end()) {
            line = candidate;
            continue;
        }
        if line.trim().is_empty() {
            return None;
        }
        lines.push(line.trim_end().to_string());
        line = unit.trim_start().to_string();
        if !fits(&line) {
            return None;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    Some(lines)
}

/// The pieces a large line may not be broken inside: Chinese words (the segmenter's, with
/// their punctuation) and English words, and the spaces between them. A Chinese word wider
/// than the whole line is broken between its characters, never before closing punctuation.
fn units(s: &str, room: u16, scale: Scale) -> Vec<String> {
    let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
    let mut out: Vec<String> = Vec::new();
    for unit in crate::breaks::break_units(s) {
        if unit == "\n" {
            out.push(" ".to_string());
        } else if crate::big_text::width(&unit, scale) <= room || !unit.chars().any(wide) {
            out.push(unit);
        } else {
            let mut chars: Vec<String> = Vec::new();
            for c in unit.chars() {
                match chars.last_mut() {
                    Some(last) if crate::breaks::is_closing(c) => last.push(c),
                    _ => chars.push(c.to_string()),
                }
            }
            out.extend(chars);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_text_breaks_chinese_between_words_and_english_at_spaces() {
        let cjk = crate::big_text::width("智能手机挂号入门", Scale::Large);
        assert_eq!(cjk, 8 * 16);
        assert_eq!(
            lines("智能手机挂号入门", cjk, Scale::Large).unwrap().len(),
            1
        );
        // Between words (智能手机 / 挂号 / 入门), not inside one.
        assert_eq!(
            lines("智能手机挂号入门", 5 * 16, Scale::Large).unwrap(),
            vec!["智能手机", "挂号入门"]
        );
        // A word wider than the line is broken between its characters.
        assert_eq!(
            lines("智能手机", 3 * 16, Scale::Large).unwrap(),
            vec!["智能手", "机"]
        );
        let room = crate::big_text::width("Tai chi for", Scale::Medium);
        assert_eq!(
            lines("Tai chi for all", room, Scale::Medium).unwrap(),
            vec!["Tai chi for", "all"]
        );
        assert_eq!(lines("Supercalifragilistic", 40, Scale::Medium), None);
        assert_eq!(lines("", 40, Scale::Large), None);
        assert_eq!(lines("学习", 400, Scale::Medium), None);
    }

    #[test]
    fn closing_punctuation_never_starts_a_large_line() {
        // Room for three characters: "需要帮" then "助，" rather than a line starting "，".
        let lines = lines("需要帮助，请稍等", 3 * 16, Scale::Large).unwrap();
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }
}
