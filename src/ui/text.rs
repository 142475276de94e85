//! Measuring and fitting text in display columns. Chinese is double width and wraps by
//! character; English wraps by word. (ratatui's own wrapping breaks Chinese badly.)

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display columns a text takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Fits a text into `max` columns, ending in `...` when cut (the one-character ellipsis is
/// ambiguous width on some terminals).
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let room = max.saturating_sub(3);
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
    if max >= 3 {
        out.push_str("...");
    }
    out
}

/// Closing punctuation that must not begin a line.
fn no_line_start(ch: char) -> bool {
    matches!(
        ch,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// Breaks a text into pieces that may not be split: English words (with trailing
/// punctuation), single Chinese characters (with closing punctuation), spaces and newlines.
fn pieces(s: &str) -> Vec<String> {
    fn flush(word: &mut String, out: &mut Vec<String>) {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for ch in s.chars() {
        if ch == '\n' || ch.is_whitespace() {
            flush(&mut word, &mut out);
            out.push(if ch == '\n' { "\n" } else { " " }.to_string());
        } else if no_line_start(ch) {
            match out.last_mut() {
                Some(last) if word.is_empty() && last != " " && last != "\n" => last.push(ch),
                _ => word.push(ch),
            }
        } else if ch.width().unwrap_or(0) > 1 {
            flush(&mut word, &mut out);
            out.push(ch.to_string());
        } else {
            word.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Wraps a text into lines of at most `max` columns.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for piece in pieces(s) {
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
            // A word longer than the line: cut it by columns.
            for ch in piece.chars() {
                let cw = ch.width().unwrap_or(0);
                if used + cw > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(ch);
                used += cw;
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
    fn chinese_wraps_by_character_and_keeps_punctuation_off_line_starts() {
        let lines = wrap("请刷学习卡，或输入卡号后按确定键", 10);
        for l in &lines {
            assert!(width(l) <= 10, "{l}");
            assert!(!l.starts_with('，'));
        }
        assert_eq!(lines.concat(), "请刷学习卡，或输入卡号后按确定键");
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
        assert_eq!(truncate("望京社区学习中心", 9), "望京社...");
        assert_eq!(truncate("short", 10), "short");
        assert!(width(&truncate("Wangjing Community Learning Centre", 20)) <= 20);
    }

    #[test]
    fn groups_card_digits() {
        assert_eq!(group4("1101080000"), "1101 0800 00");
    }
}
