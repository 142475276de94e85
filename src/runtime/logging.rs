//! Logs go to a daily file in the kiosk's data folder, never to the screen, never with a
//! card number (cards are logged masked).

use std::path::Path;

use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::EnvFilter;

/// Log files kept before the oldest is deleted.
const KEEP_FILES: usize = 14;

/// Starts logging into `data_dir/logs`. Logging is best effort: if the folder cannot be
/// written, the kiosk still runs.
pub fn init(data_dir: &Path) {
    let dir = data_dir.join("logs");
    // The appender prunes old files at start and complains if the folder is not there yet.
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(appender) = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("kiosk")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
    else {
        return;
    };
    let filter =
        EnvFilter::try_from_env("LEARNING_KIOSK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(appender)
        .try_init();
}
