//! The kiosk's loop: terminal events, timers, signals and effect results become messages;
//! `update` changes the state; the view is drawn; effects go to the worker.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::Duration;

use crossterm::event::Event;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use crate::app::dispatch::{Carrier, dispatch};
use crate::app::{Effect, Msg, State};
use crate::catalogue::Catalogue;
use crate::config::Site;
use crate::input::card_reader::{BurstDetector, Input};
use crate::input::decoder::Decoder;
use crate::input::keys::{Pointer, is_chord, to_key, to_pointer};
use crate::outbox::OpenReport;
use crate::runtime::clock::ClockSource;
use crate::runtime::effects::Executor;
use crate::runtime::printer_worker;
use crate::runtime::sync_worker;
use crate::runtime::terminal::TerminalGuard;
use crate::runtime::tty_input::{self, TtyInput};
use crate::runtime::voice::Voice;
use crate::ui::hitmap::HitMap;

/// How often time is told to the core (the countdown counts in seconds).
const TICK: Duration = Duration::from_millis(250);

/// Everything the loop runs on.
pub struct Kiosk {
    /// The site.
    pub site: Arc<Site>,
    /// The catalogue.
    pub catalogue: Arc<Catalogue>,
    /// Carries out effects.
    pub executor: Executor,
    /// Loads the catalogue afresh (the hub's cache, else the seed).
    pub reload: Box<dyn FnMut() -> Catalogue + Send>,
    /// What opening the outbox found.
    pub report: OpenReport,
    /// The clock.
    pub clock: ClockSource,
    /// The folder the kiosk keeps its files in (the sync worker opens its own connections).
    pub data_dir: std::path::PathBuf,
    /// The crashes of the day before this start, for the staff page.
    pub recent_crashes: Option<crate::app::msg::RecentCrashes>,
    /// Panic after the first frame (for the crash test only; hidden from help).
    pub test_panic: bool,
}

/// Runs the kiosk until staff leave or the system asks it to close; returns the exit code.
pub fn run(kiosk: Kiosk) -> io::Result<u8> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(run_async(kiosk))
}

async fn run_async(kiosk: Kiosk) -> io::Result<u8> {
    let Kiosk {
        site,
        catalogue,
        mut executor,
        mut reload,
        report,
        clock,
        data_dir,
        test_panic,
        recent_crashes,
    } = kiosk;
    let mut guard = TerminalGuard::enter(site.touchscreen)?;

    // Effects run in order on one thread, so a save is never overtaken by a later read.
    let (msg_tx, mut msg_rx) = mpsc::channel::<Msg>(64);
    let (fx_tx, fx_rx) = std_mpsc::channel::<Effect>();
    let sync = site.hub.clone().and_then(|hub| {
        sync_worker::spawn(hub, data_dir, clock.clone(), msg_tx.clone())
            .map_err(|e| tracing::error!(error = %e, "the sync worker did not start"))
            .ok()
    });
    let printer = site.printer.clone().and_then(|settings| {
        let answers = msg_tx.clone();
        printer_worker::spawn(settings, crate::printer::PRINT_TIMEOUT, move |msg| {
            answers.blocking_send(msg).is_ok()
        })
        .map_err(|e| tracing::error!(error = %e, "the printer worker did not start"))
        .ok()
    });
    if let Some(device) = site.reader_device.clone()
        && let Err(err) = crate::input::reader_device::spawn(device, msg_tx.clone())
    {
        tracing::error!(error = %err, "the card reader's thread did not start");
    }
    let worker = std::thread::spawn(move || {
        for effect in fx_rx {
            if let Some(msg) = executor.run(effect)
                && msg_tx.blocking_send(msg).is_err()
            {
                break;
            }
        }
    });

    let mut state = State::new(site.clone(), catalogue, clock.now());
    let size = guard.terminal.size()?;
    let mut first: Vec<Msg> = vec![Msg::Resize(size.width, size.height)];
    if report.set_aside.is_some() {
        first.push(Msg::OutboxRebuilt {
            recovered: report.recovered,
        });
    }
    // The speech program is checked at start, so staff learn of a missing one even where
    // nobody has turned assisted mode on yet.
    let (mut voice, speech_problem) = Voice::new(&site.speech_command);
    if let Some(why) = speech_problem {
        first.push(Msg::SpeechUnavailable(why));
    }
    first.extend(recent_crashes.map(Msg::RecentCrashes));
    let _ = fx_tx.send(Effect::RefreshQueue);

    let mut tty = tty_input::spawn(clock.clone())?;
    let mut decoder = Decoder::new();
    let mut detector = BurstDetector::new(u64::from(site.reader_gap_ms));
    let mut ticker = tokio::time::interval(TICK);
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigwinch = signal(SignalKind::window_change())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut hits = HitMap::default();
    let mut quit: Option<u8> = None;
    let mut pending = first;

    let mut held_only = false;
    let mut log_failures = 0;
    loop {
        // After a key the burst detector holds, nothing changed on screen: straight back to
        // reading input.
        if !std::mem::take(&mut held_only) {
            // Time first, so every input is judged against the time it came.
            let mut msgs = vec![Msg::Tick(clock.now())];
            let failures = crate::runtime::logging::failures();
            if failures != log_failures {
                log_failures = failures;
                msgs.push(Msg::LogFailures(failures));
            }
            msgs.append(&mut pending);
            let mut carrier = LoopCarrier {
                quit: &mut quit,
                bell: false,
                voice: &mut voice,
                sync: sync.as_ref(),
                printer: printer.as_ref(),
                reload: &mut reload,
                worker: &fx_tx,
            };
            dispatch(&mut state, msgs, &mut carrier);
            let bell = carrier.bell;
            if quit.is_some() {
                break;
            }
            guard
                .terminal
                .draw(|frame| hits = crate::ui::view(&state, frame))?;
            if bell {
                use std::io::Write;
                let out = guard.terminal.backend_mut();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            if let Some(why) = voice.follow(&state) {
                pending.push(Msg::SpeechUnavailable(why));
            }
            if test_panic {
                panic!("crash requested by --test-panic");
            }
        }

        // The earlier of an unfinished escape sequence's wait and a held burst's.
        let flush_in = [decoder.deadline(), detector.deadline()]
            .into_iter()
            .flatten()
            .min()
            .map(|d| Duration::from_millis(d.saturating_sub(clock.mono_ms())));
        tokio::select! {
            // Input first: a card reader's burst already waiting must not be cut in two by
            // a flush deadline that passed while a frame was being drawn.
            biased;
            input = tty.recv() => match input {
                Some(TtyInput::Bytes(bytes, at)) => {
                    let events = decoder.push(&bytes, at);
                    let msgs = translate_all(events, &site, &mut detector, &hits, at);
                    // A key the burst detector holds changes nothing on screen yet: read
                    // the next one at once, so a slow frame cannot make a reader's keys
                    // look far apart.
                    held_only = msgs.is_empty()
                        && (detector.deadline().is_some() || decoder.deadline().is_some());
                    pending.extend(msgs);
                }
                // The terminal is gone.
                Some(TtyInput::Lost) | None => pending.push(Msg::TerminalLost),
            },
            _ = tokio::time::sleep(flush_in.unwrap_or_default()), if flush_in.is_some() => {
                let now = clock.mono_ms();
                let events = decoder.flush_due(now);
                pending.extend(translate_all(events, &site, &mut detector, &hits, now));
                pending.extend(detector.flush_due(now).into_iter().map(input_msg));
            }
            _ = sigwinch.recv() => {
                if let Ok((columns, rows)) = crossterm::terminal::size() {
                    pending.push(Msg::Resize(columns, rows));
                }
            }
            _ = ticker.tick() => {}
            Some(msg) = msg_rx.recv() => pending.push(msg),
            _ = sigterm.recv() => pending.push(Msg::Terminate),
            _ = sighup.recv() => pending.push(Msg::TerminalLost),
            _ = sigint.recv() => pending.push(Msg::Terminate),
        }
    }

    // Let a save in progress finish before the process ends; a sync in flight is simply cut
    // off (the hub's idempotency makes the retry safe).
    drop(sync);
    drop(fx_tx);
    msg_rx.close();
    let _ = tokio::task::spawn_blocking(move || worker.join()).await;
    drop(guard);
    Ok(quit.unwrap_or(0))
}

/// Where the event loop sends each effect.
struct LoopCarrier<'a> {
    quit: &'a mut Option<u8>,
    bell: bool,
    voice: &'a mut Voice,
    sync: Option<&'a sync_worker::SyncTrigger>,
    printer: Option<&'a printer_worker::PrinterWorker>,
    reload: &'a mut Box<dyn FnMut() -> Catalogue + Send>,
    worker: &'a std_mpsc::Sender<Effect>,
}

impl Carrier for LoopCarrier<'_> {
    fn carry(&mut self, effect: Effect, answers: &mut VecDeque<Msg>) {
        match effect {
            Effect::Quit(code) => *self.quit = Some(code),
            Effect::Bell => self.bell = true,
            Effect::SayAgain => self.voice.repeat(),
            Effect::SyncNow => {
                if let Some(sync) = self.sync {
                    sync.now();
                }
            }
            Effect::Print { code, job } => match self.printer {
                Some(printer) => printer.print(code, job),
                // The receipt offers no print without a printer; should one be asked, the
                // answer is plain.
                None => answers.push_back(Msg::Printed {
                    code,
                    outcome: crate::printer::PrintOutcome::Off,
                }),
            },
            Effect::LookUpCard(card) => match self.sync {
                Some(sync) => sync.look_up(card),
                // No hub: the visit shows what this kiosk holds.
                None => answers.push_back(Msg::CardLooked {
                    card,
                    answer: Err("no hub".into()),
                }),
            },
            // Built on this thread, where the catalogue let go was freed: the allocator gives
            // its memory to the new one instead of holding both.
            Effect::ReloadCatalogue => {
                answers.push_back(Msg::CatalogueUpdated(Arc::new((self.reload)())));
            }
            // The outbox and the PIN check, on the worker thread; their answers come back
            // through the loop's channel.
            Effect::SaveSignup { .. }
            | Effect::SaveCancel { .. }
            | Effect::SaveCheckin { .. }
            | Effect::LoadMySignups(_)
            | Effect::RefreshQueue
            | Effect::ResendHeld
            | Effect::CheckStaffPin(_) => {
                let _ = self.worker.send(effect);
            }
        }
    }
}

fn input_msg(input: Input) -> Msg {
    match input {
        Input::Key(key) => Msg::Key(key),
        Input::Card(raw) => Msg::CardSwiped(raw),
    }
}

/// Decoded terminal events as messages.
fn translate_all(
    events: Vec<Event>,
    site: &Site,
    detector: &mut BurstDetector,
    hits: &HitMap,
    now_ms: u64,
) -> Vec<Msg> {
    events
        .into_iter()
        .flat_map(|event| translate(event, site, detector, hits, now_ms))
        .collect()
}

/// A terminal event as messages.
fn translate(
    event: Event,
    site: &Site,
    detector: &mut BurstDetector,
    hits: &HitMap,
    now_ms: u64,
) -> Vec<Msg> {
    match event {
        Event::Key(key) if is_chord(&key, &site.staff_chord) => vec![Msg::StaffChord],
        Event::Key(key) => match to_key(&key) {
            Some(key) => detector
                .push(key, now_ms)
                .into_iter()
                .map(input_msg)
                .collect(),
            None => Vec::new(),
        },
        Event::Mouse(mouse) => match to_pointer(&mouse) {
            Some(Pointer::Tap(column, row)) => {
                vec![hits.at(column, row).map_or(Msg::Touch, Msg::Action)]
            }
            Some(Pointer::Page(action)) => vec![Msg::Action(action)],
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}
