//! The terminal's bytes, read on a thread of their own and decoded on the event loop.
//!
//! A blocking read on a thread is the plainest way to learn that the terminal is gone: the
//! read ends (end of file or an error) instead of reporting "ready" with nothing to read,
//! which is how a poller can spin.

use std::io::{self, Read};
use std::os::fd::AsFd;

use tokio::sync::mpsc;

use crate::runtime::clock::ClockSource;

/// What the reader thread passes on.
pub enum TtyInput {
    /// Bytes as the terminal sent them, and when they came (monotonic ms): a busy loop must
    /// not make keys pressed apart look like one sequence.
    Bytes(Vec<u8>, u64),
    /// The terminal is gone (end of file or a read error).
    Lost,
}

/// Starts reading standard input (the kiosk's terminal); the channel ends after `Lost`.
pub fn spawn(clock: ClockSource) -> io::Result<mpsc::Receiver<TtyInput>> {
    let mut tty = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned()?);
    let (tx, rx) = mpsc::channel(64);
    std::thread::Builder::new()
        .name("tty-input".into())
        .spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                let input = match tty.read(&mut buf) {
                    Ok(0) => TtyInput::Lost,
                    Ok(n) => TtyInput::Bytes(buf[..n].to_vec(), clock.mono_ms()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => TtyInput::Lost,
                };
                let lost = matches!(input, TtyInput::Lost);
                if tx.blocking_send(input).is_err() || lost {
                    break;
                }
            }
        })?;
    Ok(rx)
}
