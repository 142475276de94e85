//! Logs go to a daily file in the kiosk's data folder, never to the screen, never with a
//! card number (cards are logged masked). A write that fails is counted for the staff page,
//! not reported on the terminal.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing_appender::rolling::{Builder, RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// Log files kept before the oldest is deleted.
const KEEP_FILES: usize = 14;

/// Log writes that failed since start (a full disk, a folder that cannot be written).
static FAILURES: AtomicU64 = AtomicU64::new(0);

/// How many log writes have failed since the kiosk started.
pub fn failures() -> u64 {
    FAILURES.load(Ordering::Relaxed)
}

/// Starts logging into `data_dir/logs`. Logging is best effort: if the folder cannot be
/// written, the kiosk still runs, and the failure is counted.
pub fn init(data_dir: &Path) {
    let dir = data_dir.join("logs");
    // The appender prunes old files at start and complains if the folder is not there yet.
    if std::fs::create_dir_all(&dir).is_err() {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let Ok(appender) = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("kiosk")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
    else {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        return;
    };
    let filter =
        EnvFilter::try_from_env("LEARNING_KIOSK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        // Its own report of a failed write goes to stderr, which is the kiosk's screen.
        .log_internal_errors(false)
        .with_writer(Counted(appender))
        .try_init();
}

/// The log file, with its failed writes counted.
struct Counted(RollingFileAppender);

impl<'a> MakeWriter<'a> for Counted {
    type Writer = CountedWriter<<RollingFileAppender as MakeWriter<'a>>::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        CountedWriter(self.0.make_writer())
    }
}

/// One log write, counted if it fails.
struct CountedWriter<W>(W);

impl<W: io::Write> CountedWriter<W> {
    fn counted<T>(result: io::Result<T>) -> io::Result<T> {
        if result.is_err() {
            FAILURES.fetch_add(1, Ordering::Relaxed);
        }
        result
    }
}

impl<W: io::Write> io::Write for CountedWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Self::counted(self.0.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        Self::counted(self.0.write_all(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        Self::counted(self.0.flush())
    }
}
