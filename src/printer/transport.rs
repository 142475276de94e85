//! How a printout's bytes reach the printer, within a deadline: the usblp device written as a
//! file, a serial tty, or raw TCP. Serial and network printers are first asked for their paper
//! status (DLE EOT 4); a printer that does not answer it in time counts as not answering.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

use crate::config::site::PrinterLink;
use crate::printer::PrintOutcome;
use crate::printer::escpos::{PAPER_STATUS, paper_out};

/// Sends a printout; how it ended. The details of a failure go to the log.
pub fn send(link: &PrinterLink, bytes: &[u8], timeout: Duration) -> PrintOutcome {
    let deadline = Instant::now() + timeout;
    let result = match link {
        PrinterLink::Usb { device } => usb(device, bytes),
        PrinterLink::Serial { device, baud } => serial(device, *baud, bytes, deadline),
        PrinterLink::Network { address } => network(address, bytes, deadline),
    };
    match result {
        Ok(outcome) => outcome,
        Err(fault) => {
            tracing::warn!(kind = link.kind(), error = %fault.error, "the receipt was not printed");
            fault.outcome
        }
    }
}

/// An I/O error and what it means for the person.
struct Fault {
    outcome: PrintOutcome,
    error: io::Error,
}

/// A failure to reach the printer at all: off or unplugged, unless time ran out.
fn unreachable(error: io::Error) -> Fault {
    let outcome = if timed_out(&error) {
        PrintOutcome::TimedOut
    } else {
        PrintOutcome::Off
    };
    Fault { outcome, error }
}

fn timed_out(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

/// The kernel's usblp driver: open and write. It reports a printer out of paper as ENOSPC
/// (and some printers' faults as EIO) on the write; a missing device fails the open.
fn usb(device: &Path, bytes: &[u8]) -> Result<PrintOutcome, Fault> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(device)
        .map_err(unreachable)?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|error| {
            let outcome = match Errno::from_io_error(&error) {
                Some(Errno::NOSPC | Errno::IO) => PrintOutcome::NoPaper,
                _ if timed_out(&error) => PrintOutcome::TimedOut,
                _ => PrintOutcome::Off,
            };
            Fault { outcome, error }
        })?;
    Ok(PrintOutcome::Printed)
}

/// Raw TCP (port 9100): ask for the paper status, then send the printout.
fn network(
    address: &std::net::SocketAddr,
    bytes: &[u8],
    deadline: Instant,
) -> Result<PrintOutcome, Fault> {
    let mut stream = TcpStream::connect_timeout(address, left(deadline)?).map_err(unreachable)?;
    let _ = stream.set_nodelay(true);
    stream
        .set_write_timeout(Some(left(deadline)?))
        .map_err(unreachable)?;
    stream.write_all(&PAPER_STATUS).map_err(unreachable)?;
    stream
        .set_read_timeout(Some(left(deadline)?))
        .map_err(unreachable)?;
    let mut status = [0u8; 1];
    match stream.read(&mut status) {
        Ok(0) => return Err(unreachable(io::ErrorKind::ConnectionAborted.into())),
        Ok(_) if paper_out(status[0]) => return Ok(PrintOutcome::NoPaper),
        Ok(_) => {}
        Err(error) => return Err(unreachable(error)),
    }
    stream
        .set_write_timeout(Some(left(deadline)?))
        .map_err(unreachable)?;
    stream.write_all(bytes).map_err(unreachable)?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(PrintOutcome::Printed)
}

/// A serial printer: raw mode at its speed, ask for the paper status, then send the printout.
/// The tty is opened non-blocking so that a printer that stops reading cannot hold the thread
/// past the deadline.
fn serial(
    device: &Path,
    baud: u32,
    bytes: &[u8],
    deadline: Instant,
) -> Result<PrintOutcome, Fault> {
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    let mut tty = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(flags.bits() as i32)
        .open(device)
        .map_err(unreachable)?;
    raw_mode(&tty, baud).map_err(unreachable)?;
    // A status byte left from an earlier, cut-off printout must not be read as this answer.
    let _ = rustix::termios::tcflush(&tty, rustix::termios::QueueSelector::IFlush);
    write_by(&mut tty, &PAPER_STATUS, deadline)?;
    let mut status = [0u8; 1];
    loop {
        wait_for(&tty, PollFlags::IN, deadline)?;
        match tty.read(&mut status) {
            Ok(0) => return Err(unreachable(io::ErrorKind::UnexpectedEof.into())),
            Ok(_) => break,
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => continue,
            Err(error) => return Err(unreachable(error)),
        }
    }
    if paper_out(status[0]) {
        return Ok(PrintOutcome::NoPaper);
    }
    write_by(&mut tty, bytes, deadline)?;
    Ok(PrintOutcome::Printed)
}

/// Raw bytes both ways (no newline translation, no echo) at `baud`.
fn raw_mode(tty: &File, baud: u32) -> io::Result<()> {
    let mut termios = rustix::termios::tcgetattr(tty)?;
    termios.make_raw();
    termios.set_speed(baud)?;
    rustix::termios::tcsetattr(tty, rustix::termios::OptionalActions::Now, &termios)?;
    Ok(())
}

/// Writes all of `bytes` to a non-blocking file by the deadline.
fn write_by(file: &mut File, mut bytes: &[u8], deadline: Instant) -> Result<(), Fault> {
    while !bytes.is_empty() {
        wait_for(file, PollFlags::OUT, deadline)?;
        match file.write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {}
            Err(error) => return Err(unreachable(error)),
        }
    }
    Ok(())
}

/// Waits until the file is ready for `what` or the deadline passes.
fn wait_for(file: &File, what: PollFlags, deadline: Instant) -> Result<(), Fault> {
    let left = left(deadline)?;
    let timeout = Timespec {
        tv_sec: left.as_secs() as i64,
        tv_nsec: i64::from(left.subsec_nanos()),
    };
    let mut fds = [PollFd::new(file, what)];
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Ok(0) => Err(unreachable(io::ErrorKind::TimedOut.into())),
        Ok(_) => {
            let got = fds[0].revents();
            // A hung-up tty (the adapter pulled out) has nothing more to say.
            if got.contains(PollFlags::HUP) && !got.contains(what) {
                Err(unreachable(io::ErrorKind::BrokenPipe.into()))
            } else {
                Ok(())
            }
        }
        Err(Errno::INTR) => Ok(()),
        Err(errno) => Err(unreachable(errno.into())),
    }
}

/// The time left before the deadline; none left is a time-out.
fn left(deadline: Instant) -> Result<Duration, Fault> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        Err(unreachable(io::ErrorKind::TimedOut.into()))
    } else {
        Ok(left)
    }
}
