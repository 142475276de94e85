//! When the site config or catalogue is broken, the kiosk cannot serve. Rather than crash
//! to a blank screen (and be restarted into the same fault), it shows staff what is wrong,
//! in both languages, until its supervisor stops it (SIGTERM). No key closes it: a broken
//! config has no staff PIN to check, and the kiosk must not be left by a member of the public.

use std::io;

use ratatui::layout::Rect;
use tokio::signal::unix::{SignalKind, signal};

use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::problem::FileProblems;
use crate::runtime::terminal::TerminalGuard;
use crate::runtime::tty_input::{self, TtyInput};
use crate::ui::hitmap::HitMap;
use crate::ui::painter::Painter;
use crate::ui::text::wrap;
use crate::ui::theme::STANDARD;

/// Shows the problems until SIGTERM; `Ok(false)` when the terminal went away first.
pub fn run(problems: &FileProblems) -> io::Result<bool> {
    hold(|buf| draw(buf, problems))
}

/// Shows a terminal that cannot draw the kiosk what to fix, in plain ASCII (no borders, no
/// colours it may lack), until SIGTERM; `Ok(false)` when the terminal went away first.
pub fn run_ascii(lines: &[String]) -> io::Result<bool> {
    hold(|buf| {
        buf.reset();
        let area = buf.area;
        for (i, line) in lines.iter().enumerate() {
            let y = area.y + 1 + i as u16;
            if y >= area.bottom() {
                break;
            }
            buf.set_stringn(
                area.x + 2,
                y,
                line,
                usize::from(area.width.saturating_sub(4)),
                ratatui::style::Style::default(),
            );
        }
    })
}

/// Draws with `draw` until SIGTERM (`Ok(true)`) or until the terminal goes (`Ok(false)`).
fn hold(draw: impl Fn(&mut ratatui::buffer::Buffer)) -> io::Result<bool> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(async {
            let mut guard = TerminalGuard::enter(false)?;
            let mut tty = tty_input::spawn(crate::runtime::clock::ClockSource::new(None))?;
            let mut sigterm = signal(SignalKind::terminate())?;
            let mut sighup = signal(SignalKind::hangup())?;
            let mut sigwinch = signal(SignalKind::window_change())?;
            loop {
                guard.terminal.draw(|frame| draw(frame.buffer_mut()))?;
                // Keys only redraw (a curious visitor); they never close it.
                tokio::select! {
                    input = tty.recv() => if !matches!(input, Some(TtyInput::Bytes(..))) {
                        return Ok(false);
                    },
                    _ = sigwinch.recv() => {}
                    _ = sigterm.recv() => return Ok(true),
                    _ = sighup.recv() => return Ok(false),
                }
            }
        })
}

/// Draws the out-of-service page: the same problems in both languages, as many as fit
/// whole (each under its file, without the file named again on every line), and how many
/// more `check-config` would list.
pub fn draw(buf: &mut ratatui::buffer::Buffer, problems: &FileProblems) {
    let area = buf.area;
    let mut p = Painter {
        buf,
        theme: STANDARD,
        lang: Lang::Zh,
        hits: HitMap::default(),
        cursor: None,
        large: Vec::new(),
    };
    p.fill(area, p.theme.text);
    let w = area.width.saturating_sub(4);
    let x = area.x + 2;
    let mut y = area.y + 1;
    for lang in Lang::ALL {
        let title = t(lang, "out-of-service-title");
        y += p.paragraph(Rect::new(x, y, w, 2), &title, p.theme.problem.bold());
    }
    y += 1;
    for lang in Lang::ALL {
        let hint = t(lang, "out-of-service-hint");
        y += p.paragraph(Rect::new(x, y, w, 3), &hint, p.theme.text.style());
    }
    y += 1;
    let rows = usize::from(area.bottom().saturating_sub(y));
    let shown = (0..=problems.problems.len())
        .rev()
        .find(|&n| blocks(problems, n, w).iter().map(Vec::len).sum::<usize>() < rows)
        .unwrap_or(0);
    for block in blocks(problems, shown, w) {
        for line in block {
            p.text(x, y, w, &line, p.theme.text.style());
            y += 1;
        }
        y += 1;
    }
}

/// Each language's block of lines: the file's heading, the first `shown` problems (indented
/// under it), and how many are left out.
fn blocks(problems: &FileProblems, shown: usize, width: u16) -> Vec<Vec<String>> {
    let total = problems.problems.len();
    Lang::ALL
        .iter()
        .map(|&lang| {
            let mut lines = vec![ta(
                lang,
                "problems-in-file",
                args!["file" => &problems.file, "count" => total],
            )];
            let inner = usize::from(width.saturating_sub(2));
            for problem in &problems.problems[..shown] {
                lines.extend(
                    wrap(&problem.line(lang), inner)
                        .into_iter()
                        .map(|l| format!("  {l}")),
                );
            }
            if shown < total {
                let more = ta(lang, "out-of-service-more", args!["count" => total - shown]);
                lines.extend(wrap(&more, inner).into_iter().map(|l| format!("  {l}")));
            }
            lines
        })
        .collect()
}
