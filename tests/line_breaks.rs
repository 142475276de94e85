//! Every screen in every snapshot, read as a person reads it: no line of text begins with
//! closing punctuation, and where Chinese text goes on from one line to the next, the break
//! falls between two words, as the segmenter finds them in the joined text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::fs;
use std::path::{Path, PathBuf};

use std::sync::LazyLock;

use jieba_rs::Jieba;
use learning_kiosk::breaks::{break_units, is_closing};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A run of text on a screen row: the column it starts at, and its characters.
#[derive(Debug)]
struct Run {
    column: usize,
    text: String,
}

/// Frames, rules and large glyphs (block and braille characters) are drawing, not text.
fn is_drawing(ch: char) -> bool {
    matches!(ch, '\u{2500}'..='\u{259F}' | '\u{2800}'..='\u{28FF}')
}

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn is_wide(ch: char) -> bool {
    ch.width() == Some(2)
}

/// The runs of text on a row: split at drawing characters and at two or more spaces (a
/// column gap); one space belongs to the text ("按 Enter。").
fn runs(row: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut spaces = 0;
    let mut column = 0;
    for ch in row.chars() {
        let w = ch.width().unwrap_or(0);
        if is_drawing(ch) || (ch == ' ' && spaces >= 1) {
            out.extend(current.take());
            spaces = 0;
        } else if ch == ' ' {
            spaces += 1;
        } else {
            let run = current.get_or_insert_with(|| Run {
                column,
                text: String::new(),
            });
            if spaces == 1 && !run.text.is_empty() {
                run.text.push(' ');
            }
            spaces = 0;
            run.text.push(ch);
        }
        column += w;
    }
    out.extend(current);
    out
}

/// Closing punctuation beginning a run of text. ASCII `.` is left out: alone it is a key's
/// name (`.1`, `按 . 或 F5`), and wrapping never moves a full stop away from its word.
fn starts_with_closing(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|first| is_closing(first) && first != '.')
}

/// An ASCII space after a Chinese sentence and before the next: Chinese full stops carry
/// their own space.
fn has_space_between_sentences(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '。' | '！' | '？' | '；') && w[1] == ' ' && is_wide(w[2]))
}

/// The text of a snapshot file: what follows insta's header.
fn screen_of(file: &str) -> &str {
    let mut parts = file.splitn(3, "---\n");
    match (parts.next(), parts.next(), parts.next()) {
        (Some(""), Some(_header), Some(body)) => body,
        _ => file,
    }
}

/// Every snapshot file of the workspace.
fn snapshot_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/snapshots")];
    if let Ok(crates) = fs::read_dir(root.join("crates")) {
        dirs.extend(crates.flatten().map(|c| c.path().join("tests/snapshots")));
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "snap"))
        .collect();
    files.sort();
    files
}

/// The segmenter the kiosk wraps with, here with its dictionary alone: its guesses at
/// words it does not know (HMM) may join the end of one item to the start of the next
/// ("17:40 起" over "本机的报名" reads as 起本机), and a break between two items is no broken
/// word.
static DICTIONARY: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Whether `at` (a byte offset) falls between two of the words of `text`.
fn is_word_boundary(text: &str, at: usize) -> bool {
    DICTIONARY
        .cut(text, false)
        .iter()
        .any(|token| token.byte_start == at)
}

/// Whether `next` (on the row after `row`) goes on from `before` because the text was
/// wrapped, rather than starting a new item: its first piece would not have fitted after
/// `before` in the widest line of the block of rows that start at the same column.
fn is_wrapped(rows: &[Vec<Run>], row: usize, before: &Run, next: &Run) -> bool {
    let starts_here = |r: &Vec<Run>| {
        r.iter()
            .find(|run| run.column == before.column)
            .map(|run| width(&run.text))
    };
    let up = rows[..=row].iter().rev().map_while(starts_here);
    let down = rows[row + 1..].iter().map_while(starts_here);
    let widest = up.chain(down).max().unwrap_or(0);
    let first_piece = break_units(&next.text)
        .into_iter()
        .next()
        .unwrap_or_default();
    width(&before.text) + width(&first_piece) > widest
}

/// What is wrong with one screen, a line a problem.
fn problems(screen: &str) -> Vec<String> {
    let rows: Vec<Vec<Run>> = screen.lines().map(runs).collect();
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for run in row {
            if starts_with_closing(&run.text) {
                out.push(format!(
                    "row {}: begins with punctuation: {}",
                    i + 1,
                    run.text
                ));
            }
            if has_space_between_sentences(&run.text) {
                out.push(format!(
                    "row {}: a space between sentences: {}",
                    i + 1,
                    run.text
                ));
            }
        }
        let Some(above) = i.checked_sub(1).map(|a| &rows[a]) else {
            continue;
        };
        for run in row {
            let Some(before) = above.iter().find(|r| r.column == run.column) else {
                continue;
            };
            let (Some(last), Some(first)) = (before.text.chars().last(), run.text.chars().next())
            else {
                continue;
            };
            if !(is_wide(last) && is_wide(first) && is_wrapped(&rows, i - 1, before, run)) {
                continue;
            }
            let joined = format!("{}{}", before.text, run.text);
            if !is_word_boundary(&joined, before.text.len()) {
                out.push(format!(
                    "rows {}-{}: a word broken: {} / {}",
                    i,
                    i + 1,
                    before.text,
                    run.text
                ));
            }
        }
    }
    out
}

#[test]
fn no_snapshot_breaks_a_word_spaces_chinese_sentences_or_begins_a_line_with_punctuation() {
    let files = snapshot_files();
    assert!(files.len() > 100, "found only {} snapshots", files.len());
    let mut report = Vec::new();
    for path in &files {
        let file = fs::read_to_string(path).unwrap();
        for problem in problems(screen_of(&file)) {
            let name = path.file_name().unwrap().to_string_lossy();
            report.push(format!("{name}: {problem}"));
        }
    }
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let broken = "│ 需要帮助请找工作人 │\n│ 员。               │\n";
    assert_eq!(problems(broken).len(), 1, "{:?}", problems(broken));
    let punctuation = "│ 请刷学习卡 │\n│ ，或输入卡号 │\n";
    assert_eq!(
        problems(punctuation).len(),
        1,
        "{:?}",
        problems(punctuation)
    );
    let spaced = "  一次。 需要帮助\n";
    assert_eq!(problems(spaced).len(), 1, "{:?}", problems(spaced));
    let mid_word = "  按任意键或点一\n  下屏幕继续\n";
    assert_eq!(problems(mid_word).len(), 1, "{:?}", problems(mid_word));
    let fine = "  需要帮助请找\n  工作人员。\n │ .1 Category: All │  按 . 或 F5\n";
    // A heading over its text is two items, not one wrapped line.
    let items = "  报名需要您的学习卡\n  请刷学习卡，或输入卡号后按 Enter。\n";
    assert!(problems(items).is_empty(), "{:?}", problems(items));
    assert!(problems(fine).is_empty(), "{:?}", problems(fine));
    // Large glyphs are not text.
    assert!(runs("▐▌▗▘ ⣿⡇").is_empty());
}
