//! The kiosk checks how its terminal draws before drawing anything. Here the terminal is a
//! pseudo-terminal whose other end answers the kiosk's cursor-position questions as a
//! terminal with a fault would: one that draws box lines (ambiguous-width characters) two
//! columns wide, and one that is not decoding UTF-8 (a Chinese character three columns).
//! The kiosk must then show, in ASCII, what to fix; a sound terminal gets the welcome.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_learning-kiosk");

/// Runs the kiosk in a pseudo-terminal whose answers to "where is the cursor?" are
/// `columns` (1-based, in order), and returns what it drew once `until` appears.
fn run_with_answers(columns: &[u16], until: &str) -> String {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(["--data-dir", &data.path().display().to_string()]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_CTYPE");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut answers = columns.iter();
    let mut answered = 0;
    let start = Instant::now();
    let text = loop {
        if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(100)) {
            seen.extend_from_slice(&chunk);
            // Counted over all that was seen: a question may be split across two reads.
            let asked = seen.windows(4).filter(|w| w == b"\x1b[6n").count();
            while answered < asked {
                if let Some(col) = answers.next() {
                    write!(writer, "\x1b[1;{col}R").unwrap();
                    writer.flush().unwrap();
                }
                answered += 1;
            }
        }
        let text = drawn(&String::from_utf8_lossy(&seen));
        if text.contains(&drawn(until)) {
            break text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never drew {until:?}: {text}"
        );
    };
    let _ = child.kill();
    text
}

/// The characters drawn, without escape sequences or spaces (the screen moves the cursor over
/// blanks rather than writing them).
fn drawn(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters, then a letter (or ~).
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn box_lines_drawn_two_columns_wide_are_refused_in_ascii() {
    // 中 at column 3 (right), then ─ at column 3 (two columns: wrong).
    let text = run_with_answers(&[3, 3], "then restart it.");
    assert!(
        text.contains(&drawn("THIS TERMINAL CANNOT SHOW THE KIOSK")),
        "{text}"
    );
    assert!(
        text.contains(&drawn("draws box lines 2 columns wide")),
        "{text}"
    );
    assert!(
        !text.contains(&drawn("Welcome to learning!")),
        "nothing else is drawn: {text}"
    );
}

#[test]
fn a_terminal_not_decoding_utf8_is_refused_in_ascii() {
    // 中's three bytes taken as three characters.
    let text = run_with_answers(&[4], "then restart it.");
    assert!(
        text.contains(&drawn("Chinese character 3 column(s) wide")),
        "{text}"
    );
}

#[test]
fn a_sound_terminal_gets_the_welcome() {
    let text = run_with_answers(&[3, 2], "Welcome to learning!");
    assert!(!text.contains(&drawn("CANNOT SHOW")), "{text}");
}
