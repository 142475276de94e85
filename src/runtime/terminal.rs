//! Taking over the terminal, and always giving it back: on return, on drop and on panic.

use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicU8 = AtomicU8::new(0);

/// The kiosk's terminal; restores the terminal when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal. Never dropped: its drop shows the cursor and, if the terminal is
    /// gone, reports that with `eprintln!`, which panics when stderr is gone too. [`restore`]
    /// shows the cursor instead, ignoring errors; the memory goes with the process.
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl TerminalGuard {
    /// Raw mode (so Ctrl-C, Ctrl-Z and Ctrl-\ are keys, not signals), the alternate screen,
    /// a hidden cursor, and touch reporting if the site has a touchscreen.
    pub fn enter(touch: bool) -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        execute!(stdout, EnterAlternateScreen, cursor::Hide)?;
        if touch {
            execute!(stdout, EnableMouseCapture)?;
            MOUSE.store(1, Ordering::SeqCst);
        }
        let terminal = ManuallyDrop::new(Terminal::new(CrosstermBackend::new(stdout))?);
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back as it was. Safe to call more than once, from a panic hook too.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    if MOUSE.swap(0, Ordering::SeqCst) == 1 {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(stdout, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}
