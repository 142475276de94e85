//! Prints receipts on a thread of its own, so a slow or silent printer never holds the screen
//! or a save: each job runs on a short-lived thread, and a job not done by its deadline is
//! answered as timed out (a thread stuck in the kernel is left to finish by itself).

use std::sync::mpsc;
use std::time::Duration;

use crate::app::Msg;
use crate::config::site::PrinterSettings;
use crate::printer::{PrintJob, PrintOutcome, print};

/// Grace past the transport's own deadline, for its specific answer to arrive first.
const GRACE: Duration = Duration::from_millis(500);

/// Where the runtime sends print jobs.
pub struct PrinterWorker {
    jobs: mpsc::Sender<(String, PrintJob)>,
}

impl PrinterWorker {
    /// Queues a job; its answer comes back as [`Msg::Printed`] with the sign-up's code.
    pub fn print(&self, code: String, job: PrintJob) {
        let _ = self.jobs.send((code, job));
    }
}

/// Starts the worker for this printer; `answer` hands each result on (and says `false` once
/// nobody listens, which ends the worker).
pub fn spawn(
    settings: PrinterSettings,
    timeout: Duration,
    answer: impl Fn(Msg) -> bool + Send + 'static,
) -> std::io::Result<PrinterWorker> {
    let (jobs, queue) = mpsc::channel::<(String, PrintJob)>();
    std::thread::Builder::new()
        .name("printer".into())
        .spawn(move || {
            for (code, job) in queue {
                let outcome = run_one(&settings, job, timeout);
                tracing::info!(?outcome, "receipt printout");
                if !answer(Msg::Printed { code, outcome }) {
                    break;
                }
            }
        })?;
    Ok(PrinterWorker { jobs })
}

/// One printout, bounded by `timeout` whatever the device does.
fn run_one(settings: &PrinterSettings, job: PrintJob, timeout: Duration) -> PrintOutcome {
    let (done, outcome) = mpsc::channel();
    let settings = settings.clone();
    let started = std::thread::Builder::new()
        .name("printout".into())
        .spawn(move || {
            let _ = done.send(print(&settings, &job, timeout));
        });
    if started.is_err() {
        return PrintOutcome::Off;
    }
    outcome
        .recv_timeout(timeout + GRACE)
        .unwrap_or(PrintOutcome::TimedOut)
}
