//! A TOML syntax error as staff can act on it: the line where the broken setting starts,
//! its dotted key (`kiosk.district`), and what is expected there, in the kiosk's own words.
//! Only the first error is told: after it the parser guesses, and its further errors are
//! echoes of the first.

use crate::problem::{Problem, ProblemKind, Slip};

/// The first syntax error of a file, at the setting it breaks.
pub fn first_slip(text: &str, offset: usize, words: &str) -> Problem {
    let (line, key) = setting_at(text, offset);
    Problem::at_line(line, key, ProblemKind::Syntax(slip(words)))
}

/// What the parser's words mean (the `toml` crate has no finer kinds than its messages).
fn slip(words: &str) -> Slip {
    const SLIPS: [(&str, Slip); 12] = [
        ("invalid basic string", Slip::OpenText),
        ("invalid literal string", Slip::OpenText),
        ("missing opening quote", Slip::Value),
        ("must be quoted", Slip::Value),
        ("missing value", Slip::Value),
        ("key with no value", Slip::NoSeparator),
        ("missing assignment", Slip::NoSeparator),
        ("duplicate key", Slip::Twice),
        ("escape", Slip::Escape),
        ("invalid float", Slip::Number),
        ("invalid integer", Slip::Number),
        ("unclosed", Slip::Unclosed),
    ];
    if words.contains("missing comma") {
        return Slip::Unclosed;
    }
    SLIPS
        .iter()
        .find(|(start, _)| words.contains(start))
        .map_or(Slip::Other, |(_, slip)| *slip)
}

/// The line (1-based) where the setting holding `offset` starts, and its dotted key: a
/// setting runs on while a `[` or `{` of its value is open.
fn setting_at(text: &str, offset: usize) -> (usize, String) {
    let mut section = String::new();
    let mut start = (1, String::new());
    let mut depth = 0usize;
    let mut at = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if at > offset {
            break;
        }
        let trimmed = line.trim();
        if depth == 0 && !trimmed.is_empty() && !trimmed.starts_with('#') {
            if let Some(header) = header(trimmed) {
                section = header.to_string();
                start = (index + 1, section.clone());
            } else {
                let key = trimmed
                    .split_once('=')
                    .map_or(trimmed, |(k, _)| k)
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches('"');
                let dotted = match section.as_str() {
                    "" => key.to_string(),
                    s => format!("{s}.{key}"),
                };
                start = (index + 1, dotted);
            }
        }
        depth = depth
            .saturating_add(opened(line))
            .saturating_sub(closed(line));
        at += line.len();
    }
    start
}

/// The name of a `[section]` or `[[section]]` header line, closed or not.
fn header(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('[')?.trim_start_matches('[');
    let name = inner.split(']').next().unwrap_or(inner);
    Some(name.trim().trim_matches('"'))
}

/// Brackets a line opens outside its quotes and comments.
fn opened(line: &str) -> usize {
    outside_quotes(line)
        .filter(|c| matches!(c, '[' | '{'))
        .count()
}

/// Brackets a line closes outside its quotes and comments.
fn closed(line: &str) -> usize {
    outside_quotes(line)
        .filter(|c| matches!(c, ']' | '}'))
        .count()
}

/// The characters of a line that are not in a quoted text or a comment.
fn outside_quotes(line: &str) -> impl Iterator<Item = char> + '_ {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut comment = false;
    line.chars().filter(move |&c| {
        if comment {
            return false;
        }
        match quote {
            Some(_) if escaped => {
                escaped = false;
                false
            }
            Some('"') if c == '\\' => {
                escaped = true;
                false
            }
            Some(q) if c == q => {
                quote = None;
                false
            }
            Some(_) => false,
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                false
            }
            None if c == '#' => {
                comment = true;
                false
            }
            None => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::setting_at;

    #[test]
    fn a_setting_is_named_where_it_starts() {
        let text = "[kiosk]\nid = \"x\"\nname = { en-US = \"X\"\nlat = 39.9\n";
        let offset = text.find("lat").unwrap_or(0);
        assert_eq!(setting_at(text, offset), (3, "kiosk.name".into()));
        let text = "[kiosk]\nid = \"x\" # [a\ndistrict = \"1101\nlat = 1\n";
        let offset = text.find("1101").unwrap_or(0);
        assert_eq!(setting_at(text, offset), (3, "kiosk.district".into()));
        let text = "[kiosk\nid = 1\n";
        assert_eq!(setting_at(text, 3), (1, "kiosk".into()));
    }
}
