//! When the site config or catalogue is broken, the kiosk cannot serve. Rather than crash
//! to a blank screen (and be restarted into the same fault), it shows staff what is wrong,
//! in both languages, until its supervisor stops it (SIGTERM). No key closes it: a broken
//! config has no staff PIN to check, and the kiosk must not be left by a member of the public.

use std::io;

use ratatui::layout::Rect;
use tokio::signal::unix::{SignalKind, signal};

use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::problem::FileProblems;
use crate::runtime::terminal::TerminalGuard;
use crate::runtime::tty_input::{self, TtyInput};
use crate::ui::hitmap::HitMap;
use crate::ui::painter::Painter;
use crate::ui::theme::STANDARD;

/// Shows the problems until SIGTERM; `Ok(false)` when the terminal went away first.
pub fn run(problems: &FileProblems) -> io::Result<bool> {
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
                guard
                    .terminal
                    .draw(|frame| draw(frame.buffer_mut(), problems))?;
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

/// Draws the out-of-service page.
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
    let mut y = area.y + 1;
    for lang in Lang::ALL {
        let title = t(lang, "out-of-service-title");
        y += p.paragraph(
            Rect::new(area.x + 2, y, w, 2),
            &title,
            p.theme.problem.bold(),
        );
    }
    y += 1;
    for lang in Lang::ALL {
        let hint = t(lang, "out-of-service-hint");
        y += p.paragraph(Rect::new(area.x + 2, y, w, 2), &hint, p.theme.text.style());
    }
    y += 1;
    for lang in Lang::ALL {
        let report = problems.report(lang);
        let rows = area.bottom().saturating_sub(y + 1) / 2;
        y += p.paragraph(
            Rect::new(area.x + 2, y, w, rows.max(1)),
            &report,
            p.theme.text.style(),
        ) + 1;
    }
}
