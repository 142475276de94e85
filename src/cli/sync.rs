//! `learning-kiosk sync`: one push of the outbox and one pull of the feed, now, with a report
//! of what moved.

use std::time::Duration;

use crate::args;
use crate::cli::report;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::{t, ta};
use crate::runtime::boot::{self, Options};
use crate::runtime::clock::ClockSource;
use crate::sync::{Report, SyncError, Syncer};
use crate::ui::words;

/// The longest `Retry-After` the command waits out itself; longer, and it reports and stops.
const LONGEST_WAIT: Duration = Duration::from_secs(30);
/// Attempts in all when the hub asks to wait.
const ATTEMPTS: u32 = 3;

/// Syncs once; exit 0 only when both the push and the pull finished.
pub fn run(options: &Options, lang: Lang) -> u8 {
    let site = match boot::load_site(options) {
        Ok(site) => site,
        Err(problems) => {
            report::problems(&problems, lang);
            return exit::CONFIG;
        }
    };
    let Some(hub) = site.hub else {
        report::both(lang, |l| t(l, "cli-no-hub"));
        return exit::CONFIG;
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            crate::say_err!("{err}");
            return exit::INTERNAL;
        }
    };
    let mut syncer = match Syncer::open(&hub, &boot::data_dir(options)) {
        Ok(syncer) => syncer,
        Err(err) => return failed(lang, &err),
    };
    let clock = ClockSource::new(options.now);
    let mut attempt = 1;
    let outcome = loop {
        let result = runtime.block_on(syncer.sync_once(&clock.now().now));
        match result {
            Err(SyncError::RetryAfter(wait)) if wait <= LONGEST_WAIT && attempt < ATTEMPTS => {
                let secs = wait.as_secs();
                report::both(lang, |l| {
                    ta(l, "cli-sync-waiting", args!["seconds" => secs])
                });
                std::thread::sleep(wait);
                attempt += 1;
            }
            other => break other,
        }
    };
    match outcome {
        Ok(moved) => {
            print_report(lang, &moved);
            if moved.catalogue_changed
                && let Err(problems) =
                    crate::cache::load_cached(&boot::cache_path(&boot::data_dir(options)))
            {
                // The feed arrived but does not make a catalogue the kiosk can use: the
                // kiosk keeps the one it has, and staff should know.
                report::problems(&problems, lang);
                return exit::SYNC_FAILED;
            }
            exit::OK
        }
        Err(err) => {
            let code = failed(lang, &err);
            // What did move before the failure is kept; say so.
            let (requests, sent, received) = syncer.client.counts();
            crate::say!(
                "{}",
                ta(
                    lang,
                    "cli-sync-bytes",
                    args!["requests" => requests, "sent" => sent, "received" => received]
                )
            );
            code
        }
    }
}

/// Says why the sync did not finish; the exit code for it.
fn failed(lang: Lang, err: &SyncError) -> u8 {
    let problem = crate::runtime::sync_worker::problem(err);
    let detail = words::link_problem(lang, &problem).1.unwrap_or_default();
    report::with_detail(
        lang,
        |l| {
            ta(
                l,
                "cli-sync-failed",
                args!["problem" => &words::link_problem(l, &problem).0],
            )
        },
        &detail,
    );
    match err {
        SyncError::Token(..) => exit::CONFIG,
        SyncError::Storage(..) => exit::STORAGE,
        _ => exit::SYNC_FAILED,
    }
}

fn print_report(lang: Lang, moved: &Report) {
    let sent: usize = moved.answered.values().sum();
    let answers: Vec<String> = moved
        .answered
        .iter()
        .map(|(status, n)| words::labelled(lang, &words::status_short(lang, *status), n))
        .collect();
    if sent == 0 && moved.parked == 0 {
        crate::say!("{}", t(lang, "cli-sync-nothing-sent"));
    } else {
        crate::say!(
            "{}",
            ta(
                lang,
                "cli-sync-pushed",
                args![
                    "count" => sent,
                    "answers" => &words::list(lang, &answers),
                    "parked" => moved.parked
                ]
            )
        );
    }
    crate::say!(
        "{}",
        ta(
            lang,
            "cli-sync-pulled",
            args!["changes" => moved.changes, "pages" => moved.pages]
        )
    );
    if moved.set_aside > 0 {
        crate::say!(
            "{}",
            ta(lang, "cli-sync-left-out", args!["count" => moved.set_aside])
        );
    }
    crate::say!(
        "{}",
        ta(
            lang,
            "cli-sync-bytes",
            args![
                "requests" => moved.requests,
                "sent" => moved.bytes_sent,
                "received" => moved.bytes_received
            ]
        )
    );
}
