//! The receipt printer: what a printout holds ([`PrintJob`]), its ESC/POS bytes
//! ([`escpos`]), and how they reach the printer ([`transport`]). The app builds the job (pure
//! data); the runtime's printer worker carries it out off the UI thread.

pub mod escpos;
pub mod transport;

use std::time::Duration;

use crate::config::site::PrinterSettings;

/// How long a printout may take before the kiosk says the printer did not answer.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(5);

/// What a printed receipt says: the same facts as the screen's receipt, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintJob {
    /// The activity's title.
    pub title: String,
    /// The session's date and time.
    pub when: String,
    /// The venue's name.
    pub place: String,
    /// The venue's address.
    pub address: String,
    /// "Sign-up code", in the job's language.
    pub code_label: String,
    /// The sign-up code, printed large.
    pub code: String,
    /// The QR code's payload: the same bytes the screen's most detailed code carries.
    pub qr: Vec<u8>,
}

/// How a printout ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintOutcome {
    /// Sent whole to a printer that said it has paper.
    Printed,
    /// The printer could not be reached: off, unplugged, or refusing.
    Off,
    /// The printer says it is out of paper (or, on usb, refused the write).
    NoPaper,
    /// The printer did not answer within [`PRINT_TIMEOUT`].
    TimedOut,
}

/// Prints a job on the configured printer within `timeout` (a blocking call: the runtime
/// runs it on a thread of its own).
pub fn print(settings: &PrinterSettings, job: &PrintJob, timeout: Duration) -> PrintOutcome {
    let bytes = escpos::receipt(job, settings.code_page, settings.columns);
    transport::send(&settings.link, &bytes, timeout)
}
