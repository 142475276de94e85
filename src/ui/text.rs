//! Measuring and fitting text in display columns. Chinese is double width; both languages
//! wrap at the breaks `breaks` finds (Chinese between words, English at spaces). (ratatui's
//! own wrapping breaks Chinese badly.)

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::breaks::{break_units, is_closing};

/// Display columns a text takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Fits a text into `max` columns, ending in `...` when cut (the one-character ellipsis is
/// ambiguous width on some terminals). It cuts between whole words (a cut word is misread,
/// and a cut name mistaken for its sibling), by characters only when even the first word is
/// too long.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let room = max.saturating_sub(3);
    let mut words = String::new();
    for unit in break_units(s) {
        if width(&words) + width(&unit) > room {
            break;
        }
        words.push_str(&unit);
    }
    // "Library,..." reads worse than "Library...".
    let words = words.trim_end().trim_end_matches(is_closing);
    let mut out = if words.is_empty() {
        cut_chars(s, room)
    } else {
        words.to_string()
    };
    if max >= 3 {
        out.push_str("...");
    }
    out
}

/// The first characters of `s` that fit in `room` columns.
fn cut_chars(s: &str, room: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(ch);
    }
    out
}

/// Wraps a text into lines of at most `max` columns, breaking only between the pieces
/// `break_units` gives; a piece longer than a whole line is cut between its characters.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for piece in break_units(s) {
        if piece == "\n" {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
            continue;
        }
        let w = width(&piece);
        if piece == " " {
            if used > 0 && used < max {
                line.push(' ');
                used += 1;
            }
            continue;
        }
        if used + w > max && used > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
        }
        if w > max {
            for part in cut_long(&piece, max) {
                if used + width(&part) > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                used += width(&part);
                line.push_str(&part);
            }
        } else {
            line.push_str(&piece);
            used += w;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A piece too long for a line, as characters that may be cut apart: each with the closing
/// punctuation after it, unless that alone is wider than the line.
fn cut_long(piece: &str, max: usize) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for ch in piece.chars() {
        match parts.last_mut() {
            Some(last) if is_closing(ch) && width(last) + ch.width().unwrap_or(0) <= max => {
                last.push(ch)
            }
            _ => parts.push(ch.to_string()),
        }
    }
    parts
}

/// Joins two sentences as the language writes them: English with a space, Chinese (whose
/// full-width punctuation carries its own space) without.
pub fn join_sentences(first: &str, second: &str) -> String {
    match first.chars().next_back() {
        Some(ch) if ch.width() == Some(2) => format!("{first}{second}"),
        None => second.to_string(),
        Some(_) => format!("{first} {second}"),
    }
}

/// Groups digits in fours, as printed on the card: `1101 0800 0000 0016`.
pub fn group4(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_between_words_and_keeps_punctuation_off_line_starts() {
        let lines = wrap("请刷学习卡，或输入卡号后按确定键", 10);
        for l in &lines {
            assert!(width(l) <= 10, "{l}");
            assert!(!l.starts_with('，'));
        }
        assert_eq!(lines.concat(), "请刷学习卡，或输入卡号后按确定键");
        // The breaks the issue saw: inside 工作人员 and 一下.
        let text = "卡号的校验位不对，可能有一位输错了。请检查后再输入一次。需要帮助请找工作人员。";
        for max in 10..=40 {
            let lines = wrap(text, max);
            assert_eq!(lines.concat(), text);
            for pair in lines.windows(2) {
                assert!(!pair[1].starts_with("员"), "{lines:?}");
                assert!(!pair[1].starts_with(is_closing), "{lines:?}");
            }
        }
        for max in 6..=24 {
            let lines = wrap("按任意键或点一下屏幕继续", max);
            assert!(
                lines.iter().all(|l| !l.starts_with("下")),
                "{max}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_chinese_word_longer_than_the_line_is_cut_not_overflowing() {
        let lines = wrap("朝阳区老年大学望京分校", 6);
        assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
        assert_eq!(lines.concat(), "朝阳区老年大学望京分校");
    }

    #[test]
    fn sentences_join_as_each_language_writes_them() {
        assert_eq!(
            join_sentences("已满。", "需要帮助请找工作人员。"),
            "已满。需要帮助请找工作人员。"
        );
        assert_eq!(join_sentences("Full.", "Ask staff."), "Full. Ask staff.");
        assert_eq!(join_sentences("", "Ask staff."), "Ask staff.");
    }

    #[test]
    fn english_wraps_by_word() {
        let lines = wrap("Tap your learning card, or type its number", 16);
        assert_eq!(
            lines,
            ["Tap your", "learning card,", "or type its", "number"]
        );
    }

    #[test]
    fn mixed_text_and_long_words() {
        let lines = wrap("报名号 K7Q-4MD 已保存", 8);
        assert!(lines.iter().all(|l| width(l) <= 8), "{lines:?}");
        let lines = wrap("abcdefghijklmnop", 5);
        assert_eq!(lines, ["abcde", "fghij", "klmno", "p"]);
    }

    #[test]
    fn truncation_measures_columns() {
        assert_eq!(truncate("望京社区学习中心", 9), "望京...");
        assert_eq!(truncate("望京社区学习中心", 3), "...");
        assert_eq!(truncate("Xiwengzhuang", 8), "Xiwen...");
        assert_eq!(
            truncate("Chaoyang University for Older People, Wangjing Branch", 40),
            "Chaoyang University for Older People..."
        );
        assert_eq!(truncate("short", 10), "short");
        assert!(width(&truncate("Wangjing Community Learning Centre", 20)) <= 20);
    }

    #[test]
    fn groups_card_digits() {
        assert_eq!(group4("1101080000"), "1101 0800 00");
    }
}
