//! Writing to standard output and standard error without ever panicking, and without letting
//! any text drive the terminal: a closed pipe (`learning-kiosk queue | head -1`) or a lost
//! terminal is not worth dying for, least of all inside the panic hook, and a title, a value or
//! an argument that carries escape sequences (a screen clear, a window title, a clipboard
//! write) must reach the person as visible characters. `println!` fails on both counts.

use std::borrow::Cow;

/// The text with every control character but newline and tab made visible (`\u{1b}` for ESC):
/// nothing in it can move the cursor, clear the screen or talk to the terminal.
pub fn harmless(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes a line to standard output, made harmless; does nothing if it cannot.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let line = ::std::format!($($arg)*);
        let _ = ::std::writeln!(::std::io::stdout().lock(), "{}", $crate::output::harmless(&line));
    }};
}

/// Writes a line to standard error, made harmless; does nothing if it cannot.
#[macro_export]
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let line = ::std::format!($($arg)*);
        let _ = ::std::writeln!(::std::io::stderr().lock(), "{}", $crate::output::harmless(&line));
    }};
}

#[cfg(test)]
mod tests {
    use super::harmless;

    #[test]
    fn escapes_and_other_controls_become_visible_and_the_rest_stays() {
        assert_eq!(harmless("学习 ok\n\tnext"), "学习 ok\n\tnext");
        assert_eq!(
            harmless("a\u{1b}]52;c;cHduZWQ=\u{7}b\u{1b}[2J\u{9b}c\r"),
            "a\\u{1b}]52;c;cHduZWQ=\\u{7}b\\u{1b}[2J\\u{9b}c\\u{d}"
        );
    }
}
