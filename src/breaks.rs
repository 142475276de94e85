//! Where a line may break. English breaks at spaces; Chinese has no spaces, so it breaks
//! between the words a segmenter made for Chinese finds (jieba, with its embedded
//! dictionary). Closing punctuation never begins a line and opening punctuation never ends
//! one, so each stays with its word.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use unicode_width::UnicodeWidthChar;

/// The segmenter, built on first use: loading its dictionary takes a moment and memory, and
/// a kiosk that only ever shows English need not pay for it.
static SEGMENTER: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Builds the segmenter now, so that its first use does not delay a screen.
pub fn warm_up() {
    LazyLock::force(&SEGMENTER);
}

/// Closing punctuation, Chinese and ASCII, that must not begin a line.
pub fn is_closing(ch: char) -> bool {
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
            | '】'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
    )
}

/// Opening punctuation that must not end a line.
fn is_opening(ch: char) -> bool {
    matches!(ch, '（' | '「' | '『' | '《' | '〈' | '【' | '(' | '[')
}

/// A double-width character: Chinese text and its punctuation.
fn is_wide(ch: char) -> bool {
    ch.width() == Some(2)
}

/// Whether a line may break between `before` and `after`, two neighbours with no space
/// between them that the segmenter put in different words. Between narrow characters (an
/// English word, a time, a code) never; a number keeps its measure word (5个, 11月).
fn may_break(before: char, after: char) -> bool {
    (is_wide(before) || is_wide(after))
        && !is_closing(after)
        && !is_opening(before)
        && !(before.is_ascii_digit() && is_wide(after))
}

/// The pieces of a text that a line may not split, in order: each English word and each
/// Chinese word with the punctuation that must stay with it, and every space (`" "`) and
/// newline (`"\n"`) as a piece of its own. Concatenated they give the text back, with
/// other whitespace as plain spaces.
pub fn break_units(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(&s[start..i], &mut out);
            }
            out.push(if ch == '\n' { "\n" } else { " " }.to_string());
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(&s[start..], &mut out);
    }
    out
}

/// Splits a run without spaces at the word boundaries where a line may break.
fn split_chunk(chunk: &str, out: &mut Vec<String>) {
    if !chunk.chars().any(is_wide) {
        out.push(chunk.to_string());
        return;
    }
    let mut unit_start = 0;
    for token in SEGMENTER.cut(chunk, true) {
        let at = token.byte_start;
        if at == 0 {
            continue;
        }
        let before = chunk[..at].chars().next_back();
        let after = chunk[at..].chars().next();
        if let (Some(before), Some(after)) = (before, after)
            && may_break(before, after)
        {
            out.push(chunk[unit_start..at].to_string());
            unit_start = at;
        }
    }
    out.push(chunk[unit_start..].to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_comes_apart_into_words_with_their_punctuation() {
        assert_eq!(
            break_units("需要帮助请找工作人员。"),
            ["需要", "帮助", "请", "找", "工作人员。"]
        );
    }

    #[test]
    fn english_words_and_spaces_are_pieces() {
        assert_eq!(
            break_units("Tap your card, 09:30"),
            ["Tap", " ", "your", " ", "card,", " ", "09:30"]
        );
    }

    #[test]
    fn quotes_stay_with_their_words_and_numbers_with_their_units() {
        let units = break_units("请按「确定」报名，还剩5个座位");
        assert!(
            units.iter().all(|u| !u.starts_with(is_closing)),
            "{units:?}"
        );
        assert!(units.iter().all(|u| !u.ends_with(is_opening)), "{units:?}");
        assert!(units.iter().any(|u| u.starts_with("5个")), "{units:?}");
        assert_eq!(units.concat(), "请按「确定」报名，还剩5个座位");
    }
}
