//! `learning-kiosk` / `learning-kiosk run`: the kiosk itself.

use std::io::IsTerminal;
use std::sync::Arc;

use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::problem::{FileProblems, Problem, ProblemKind};
use crate::runtime::boot::{self, Options};
use crate::runtime::clock::ClockSource;
use crate::runtime::effects::Executor;
use crate::runtime::event_loop::{self, Kiosk};
use crate::runtime::terminal::TerminalGuard;
use crate::runtime::{crashes, logging, out_of_service, panic, terminal_check};

/// Runs the kiosk; returns the exit code.
pub fn run(options: &Options, test_panic: bool) -> u8 {
    let data_dir = boot::data_dir(options);
    logging::init(&data_dir);
    panic::install(data_dir.clone());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "kiosk starting");
    // Chinese line breaking needs a segmenter that takes about 0.15 s (and 32 MiB) to
    // build: build it while the site, catalogue and outbox load, not on the first frame.
    std::thread::spawn(crate::breaks::warm_up);
    // Nothing else is worth drawing on a terminal that would show it as garbage.
    if std::io::stdout().is_terminal()
        && let Some(fault) = terminal_fault()
    {
        return cannot_draw(&fault);
    }
    // After a crash loop, wait longer each time rather than spin.
    let recent_crashes = crashes::pace(&data_dir);

    let loaded = boot::load_site(options).and_then(|site| {
        let catalogue = boot::load_catalogue(&site, options)?;
        Ok((site, catalogue))
    });
    let (site, catalogue) = match loaded {
        Ok(loaded) => loaded,
        Err(problems) => return cannot_serve(&problems, exit::CONFIG),
    };
    let (outbox, report) = match boot::open_outbox(options) {
        Ok(opened) => opened,
        Err(err) => {
            let problems = FileProblems {
                file: boot::outbox_path(&data_dir).display().to_string(),
                problems: vec![Problem::at("", ProblemKind::Unreadable(err.fault()))],
            };
            return cannot_serve(&problems, exit::STORAGE);
        }
    };
    tracing::info!(
        site = %site.id,
        venues = catalogue.venue_count(),
        activities = catalogue.activity_count(),
        "kiosk ready"
    );
    let site = Arc::new(site);
    let catalogue = Arc::new(catalogue);
    let (reload_site, reload_options) = (site.clone(), options.clone());
    let kiosk = Kiosk {
        executor: Executor {
            outbox,
            pin_hash: site.staff_pin_hash.clone(),
        },
        reload: Box::new(move || {
            boot::load_catalogue(&reload_site, &reload_options).unwrap_or_else(|problems| {
                // The seed loaded at start; if even that fails now, an empty catalogue
                // keeps the kiosk answering (sign-ups are refused, not lost).
                tracing::error!(%problems, "no catalogue loads; the kiosk lists nothing");
                crate::catalogue::Catalogue::empty(crate::domain::time::now_beijing())
            })
        }),
        site,
        catalogue,
        report,
        clock: ClockSource::new(options.now),
        data_dir,
        test_panic,
        recent_crashes,
    };
    match event_loop::run(kiosk) {
        Ok(code) => {
            tracing::info!(code, "kiosk closed");
            code
        }
        Err(err) => {
            tracing::error!(error = %err, "the kiosk could not use the terminal");
            crate::say_err!("学习亭无法使用终端 / The kiosk could not use the terminal: {err}");
            exit::INTERNAL
        }
    }
}

/// What is wrong with the terminal, if anything: its locale, then how it draws.
fn terminal_fault() -> Option<terminal_check::Fault> {
    if let Some(fault) = terminal_check::locale_fault(|var| std::env::var(var).ok()) {
        return Some(fault);
    }
    let probed = TerminalGuard::enter(false).and_then(|_guard| terminal_check::probe_fault());
    probed.unwrap_or_else(|err| {
        tracing::warn!(error = %err, "could not check how the terminal draws");
        None
    })
}

/// The terminal cannot show the kiosk: say what to fix, in ASCII, until stopped.
fn cannot_draw(fault: &terminal_check::Fault) -> u8 {
    let lines = fault.lines();
    tracing::error!(fault = ?fault, "the terminal cannot show the kiosk: {}", lines.join(" "));
    let mut shown = vec![
        "LEARNING KIOSK: THIS TERMINAL CANNOT SHOW THE KIOSK".to_string(),
        String::new(),
    ];
    shown.extend(lines);
    shown.extend([
        String::new(),
        "Staff: see docs/deploy.md, \"What to check after\".".to_string(),
    ]);
    match out_of_service::run_ascii(&shown) {
        Ok(true) => exit::CONFIG,
        Ok(false) => exit::TERMINAL_LOST,
        Err(err) => {
            tracing::error!(error = %err, "could not show the terminal's fault");
            exit::TERMINAL_LOST
        }
    }
}

/// The kiosk cannot serve: say why, in both languages, on the screen if there is one.
fn cannot_serve(problems: &FileProblems, code: u8) -> u8 {
    tracing::error!(%problems, "the kiosk cannot start");
    crate::cli::report::problems(problems, Lang::Zh);
    if !std::io::stdout().is_terminal() {
        return code;
    }
    match out_of_service::run(problems) {
        Ok(true) => code,
        // Like every screen: a lost terminal is exit 1, so the supervisor starts afresh.
        Ok(false) => exit::TERMINAL_LOST,
        Err(err) => {
            tracing::error!(error = %err, "could not show the out-of-service screen");
            exit::TERMINAL_LOST
        }
    }
}
