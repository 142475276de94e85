//! When the site config or catalogue is broken, the kiosk cannot serve. Rather than crash
//! to a blank screen (and be restarted into the same fault), it shows staff what is wrong,
//! in both languages, until it is closed.

use std::io;

use crossterm::event::{Event, EventStream};
use futures::StreamExt;
use ratatui::layout::Rect;
use tokio::signal::unix::{SignalKind, signal};

use crate::config::KeyChord;
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::input::keys::is_chord;
use crate::problem::FileProblems;
use crate::runtime::terminal::TerminalGuard;
use crate::ui::hitmap::HitMap;
use crate::ui::painter::Painter;
use crate::ui::theme::STANDARD;

/// The exit code when the kiosk could not start because of its files.
pub const CONFIG_EXIT: u8 = 3;

/// Shows the problems until SIGTERM or the default staff chord; returns the exit code.
pub fn run(problems: &FileProblems) -> io::Result<u8> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(async {
            let mut guard = TerminalGuard::enter(false)?;
            let mut events = EventStream::new();
            let mut sigterm = signal(SignalKind::terminate())?;
            let chord = KeyChord::default();
            loop {
                guard
                    .terminal
                    .draw(|frame| draw(frame.buffer_mut(), problems))?;
                tokio::select! {
                    event = events.next() => match event {
                        Some(Ok(Event::Key(key))) if is_chord(&key, &chord) => break,
                        Some(Ok(_)) => {}
                        Some(Err(_)) | None => break,
                    },
                    _ = sigterm.recv() => break,
                }
            }
            Ok(CONFIG_EXIT)
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
    };
    p.fill(area, p.theme.text);
    let mut y = area.y + 1;
    for lang in Lang::ALL {
        let title = t(lang, "out-of-service-title");
        p.text(
            area.x + 2,
            y,
            area.width.saturating_sub(4),
            &title,
            p.theme.problem.bold(),
        );
        y += 1;
    }
    y += 1;
    let w = area.width.saturating_sub(4);
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
