//! Taking over the terminal, and always giving it back: on return, on drop and on panic.

use std::io::IsTerminal;
use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::os::fd::OwnedFd;
use std::sync::Mutex;
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
/// The terminal's stderr while the kiosk draws; stderr itself points at /dev/null then.
static SCREEN_STDERR: Mutex<Option<OwnedFd>> = Mutex::new(None);

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
        silence_stderr();
        // Half-way is no state to leave a terminal in: undo what was done, and give stderr
        // back so the caller can say why.
        Self::take_over(touch).inspect_err(|_| restore())
    }

    fn take_over(touch: bool) -> io::Result<TerminalGuard> {
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
    // A panic can come while the lock is held; then stderr stays where it is.
    if let Ok(mut saved) = SCREEN_STDERR.try_lock()
        && let Some(fd) = saved.take()
    {
        let _ = rustix::stdio::dup2_stderr(&fd);
    }
}

/// Nothing but the kiosk may draw on its screen: while it does, what any library writes to a
/// stderr that is the terminal (tracing's own complaints, a dependency's `eprintln!`) goes
/// nowhere. A stderr that is a file or a journal is left alone.
fn silence_stderr() {
    if !io::stderr().is_terminal() {
        return;
    }
    let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") else {
        return;
    };
    // Close-on-exec: the speech program (and any daemon it starts) must not keep the
    // terminal open.
    let Ok(saved) = rustix::io::fcntl_dupfd_cloexec(io::stderr(), 3) else {
        return;
    };
    if rustix::stdio::dup2_stderr(&null).is_ok()
        && let Ok(mut slot) = SCREEN_STDERR.lock()
    {
        *slot = Some(saved);
    }
}
