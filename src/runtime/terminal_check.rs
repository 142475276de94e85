//! Before drawing anything, the kiosk checks that its terminal will show what it draws: a
//! UTF-8 locale (under a bare systemd service `LANG` is `C`, and every screen turns into
//! mojibake while speech falls silent), and a terminal that draws a Chinese character two
//! columns wide and an ambiguous-width one (the box lines the screens are made of) one
//! column wide. It asks the terminal where the cursor is after drawing each (a cursor
//! position report, `ESC [ 6 n`). When something is wrong it says what to fix in plain
//! ASCII, the only text such a terminal is sure to show, and logs it.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

/// What is wrong with the terminal, as staff would fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The locale is not UTF-8 (the variable that decides it, and its value).
    Locale { var: &'static str, value: String },
    /// A Chinese character took this many columns, not 2.
    WideChar(u16),
    /// An ambiguous-width character (a box line) took this many columns, not 1.
    AmbiguousChar(u16),
}

impl Fault {
    /// What to fix, in ASCII, for the screen and the log.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Fault::Locale { var, value } => vec![
                format!("The kiosk's locale is not UTF-8 ({var}={value})."),
                "Chinese text would show as garbage and speech would be silent.".into(),
                "Set LANG=C.UTF-8 for the kiosk (Environment=LANG=C.UTF-8 in its".into(),
                "systemd unit, see docs/deploy.md), then restart it.".into(),
            ],
            Fault::WideChar(cols) => vec![
                format!("This terminal draws a Chinese character {cols} column(s) wide, not 2."),
                "It is not decoding UTF-8, or has no CJK font.".into(),
                "Run the kiosk in foot (the shipped kiosk session) or another UTF-8".into(),
                "terminal with a CJK font (fonts-noto-cjk), then restart it.".into(),
            ],
            Fault::AmbiguousChar(cols) => vec![
                format!("This terminal draws box lines {cols} columns wide, not 1."),
                "Every screen's layout would break.".into(),
                "Turn off wide drawing of ambiguous-width characters (xterm: cjkWidth".into(),
                "false; other terminals: \"ambiguous width\" = narrow), then restart it.".into(),
            ],
        }
    }
}

/// The locale variable that decides the character set, and whether it is UTF-8: `LC_ALL`,
/// then `LC_CTYPE`, then `LANG`, the first that is set and not empty (none means `C`).
pub fn locale_fault(get: impl Fn(&str) -> Option<String>) -> Option<Fault> {
    let (var, value) = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|var| get(var).filter(|v| !v.is_empty()).map(|v| (var, v)))
        .unwrap_or(("LANG", String::new()));
    let lower = value.to_ascii_lowercase();
    if lower.contains("utf-8") || lower.contains("utf8") {
        None
    } else {
        let value = if value.is_empty() {
            "(not set)".into()
        } else {
            value
        };
        Some(Fault::Locale { var, value })
    }
}

/// How long to wait for the terminal to say where its cursor is. A terminal answers within
/// milliseconds; one that never answers is let through (with a warning in the log) rather
/// than kept from serving.
const ANSWER_WAIT: Duration = Duration::from_millis(700);

/// Draws each probe at the top-left of the (alternate, raw-mode) screen and asks where the
/// cursor went. `None` when all is well or the terminal does not answer.
pub fn probe_fault() -> io::Result<Option<Fault>> {
    let Some(wide) = advance("中")? else {
        tracing::warn!("the terminal does not report its cursor position; widths unchecked");
        return Ok(None);
    };
    if wide != 2 {
        return Ok(Some(Fault::WideChar(wide)));
    }
    match advance("─")? {
        Some(1) | None => Ok(None),
        Some(cols) => Ok(Some(Fault::AmbiguousChar(cols))),
    }
}

/// Columns the cursor moved drawing `s` at the top-left, as the terminal reports it.
fn advance(s: &str) -> io::Result<Option<u16>> {
    let mut out = io::stdout();
    write!(out, "\x1b[H{s}\x1b[6n")?;
    out.flush()?;
    let answer = read_answer()?;
    write!(out, "\x1b[H\x1b[2K")?;
    out.flush()?;
    Ok(answer.map(|(_, col)| col.saturating_sub(1)))
}

/// Reads a cursor position report (`ESC [ row ; col R`), or `None` if none comes in time.
fn read_answer() -> io::Result<Option<(u16, u16)>> {
    let deadline = Instant::now() + ANSWER_WAIT;
    let mut seen: Vec<u8> = Vec::new();
    let stdin = io::stdin();
    let fd = stdin.as_fd();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        let timeout = rustix::event::Timespec::try_from(left).ok();
        let mut fds = [rustix::event::PollFd::new(
            &fd,
            rustix::event::PollFlags::IN,
        )];
        match rustix::event::poll(&mut fds, timeout.as_ref()) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
        let mut buf = [0u8; 64];
        // Straight from the descriptor: std's buffered stdin could keep bytes the kiosk's own
        // reader then never sees.
        let n = match rustix::io::read(fd, &mut buf) {
            Ok(n) => n,
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            return Ok(None);
        }
        seen.extend_from_slice(&buf[..n]);
        if let Some(found) = parse_report(&seen) {
            return Ok(Some(found));
        }
    }
}

/// The last complete cursor position report in `bytes` (anything typed before it, a card
/// swiped during the probe, is skipped).
pub fn parse_report(bytes: &[u8]) -> Option<(u16, u16)> {
    let text = String::from_utf8_lossy(bytes);
    let end = text.rfind('R')?;
    let start = text[..end].rfind("\x1b[")?;
    let (row, col) = text[start + 2..end].split_once(';')?;
    Some((row.parse().ok()?, col.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_locale_that_decides_is_checked_for_utf8() {
        assert_eq!(locale_fault(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(locale_fault(env(&[("LANG", "zh_CN.utf8")])), None);
        assert_eq!(
            locale_fault(env(&[("LANG", "C")])),
            Some(Fault::Locale {
                var: "LANG",
                value: "C".into()
            })
        );
        // LC_ALL wins over a good LANG; an empty one does not count.
        assert!(locale_fault(env(&[("LC_ALL", "POSIX"), ("LANG", "C.UTF-8")])).is_some());
        assert_eq!(
            locale_fault(env(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")])),
            None
        );
        assert!(locale_fault(env(&[])).is_some());
    }

    #[test]
    fn a_cursor_report_is_found_after_stray_bytes() {
        assert_eq!(parse_report(b"\x1b[1;3R"), Some((1, 3)));
        assert_eq!(parse_report(b"12345\x1b[12;40R"), Some((12, 40)));
        assert_eq!(parse_report(b"\x1b[1;3"), None);
        assert_eq!(parse_report(b"R"), None);
    }

    #[test]
    fn every_message_is_plain_ascii() {
        for fault in [
            Fault::Locale {
                var: "LANG",
                value: "C".into(),
            },
            Fault::WideChar(3),
            Fault::AmbiguousChar(2),
        ] {
            for line in fault.lines() {
                assert!(line.is_ascii() && line.len() <= 76, "{line}");
            }
        }
    }
}
