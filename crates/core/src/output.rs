//! Writing to standard output and standard error without ever panicking, and without letting
//! any text drive the terminal: a closed pipe (`learning-kiosk queue | head -1`) or a lost
//! terminal is not worth dying for, least of all inside the panic hook, and a title, a value or
//! an argument that carries escape sequences (a screen clear, a window title, a clipboard
//! write) must reach the person as visible characters. `println!` fails on both counts.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when a line for standard output could not be written for a reason other than its
/// reader going away (a full disk under `> file`).
static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);

/// Notes how writing a line to standard output went. A reader that went away
/// (`| head -1`) is not a failure: the command ends quietly. Anything else (a full disk) is.
pub fn note_stdout(result: std::io::Result<()>) {
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        STDOUT_FAILED.store(true, Ordering::Relaxed);
    }
}

/// A command's exit code, turned to 1 if what it printed could not all be written: a
/// cut-short `export > file` must not look like success.
pub fn exit_code(code: u8) -> u8 {
    if code == 0 && STDOUT_FAILED.load(Ordering::Relaxed) {
        1
    } else {
        code
    }
}

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

/// Writes a line to standard output, made harmless; never panics, and notes a failure
/// other than a closed pipe for [`exit_code`].
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let line = ::std::format!($($arg)*);
        $crate::output::note_stdout(::std::writeln!(
            ::std::io::stdout().lock(),
            "{}",
            $crate::output::harmless(&line)
        ));
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
