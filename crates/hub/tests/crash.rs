//! The kiosk killed outright (SIGKILL) at random moments while saving sign-ups, cancelling,
//! checking in and uploading. Afterwards every sign-up, cancel and check-in it reported saved
//! is on the hub exactly once, each cancel applied, and the hub holds nothing the kiosk does
//! not.
//!
//! The normal run kills at least 200 times; `LEARNING_KIOSK_SOAK=N` kills N times (a soak of
//! 1,000 or more takes a few minutes).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::collections::{HashMap, HashSet};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{Kiosk, Setup, card};
use fault_proxy::Proxy;

/// Kills in the normal test run.
const KILLS: usize = 200;

/// What a kill interrupted.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Job {
    Save,
    Cancel,
    Checkin,
    Upload,
}

/// When check-ins are taken: the small catalogue's "early" session (08:00) is open for
/// check-in from 07:30 to 08:30.
const CHECKIN_NOW: &str = "2026-11-23T07:45:00+08:00";

/// The cards that check in (a few, so some check in again).
const CHECKIN_CARDS: u64 = 12;

/// How long a job takes when left alone, so kills land across the whole of it.
fn calibrate(k: &Kiosk, serial: &mut u64) -> HashMap<Job, Duration> {
    let mut times = HashMap::new();
    let mut save = Vec::new();
    let mut upload = Vec::new();
    for _ in 0..5 {
        *serial += 1;
        let start = Instant::now();
        k.sign_up(&card(*serial), "big", &date(*serial));
        save.push(start.elapsed());
        let start = Instant::now();
        assert!(k.sync().status.success());
        upload.push(start.elapsed());
    }
    save.sort();
    upload.sort();
    times.insert(Job::Save, save[2]);
    // A cancel is one small transaction too, after reading the same files; a check-in asks
    // the hub what the card holds first, so it is timed on its own.
    times.insert(Job::Cancel, save[2]);
    let start = Instant::now();
    let out = checkin_command(k, &card(899_999)).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    times.insert(Job::Checkin, start.elapsed());
    times.insert(Job::Upload, upload[2]);
    times
}

/// `checkin` for a card, with the kiosk's clock within the "early" session's window.
fn checkin_command(k: &Kiosk, who: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(common::kiosk_bin());
    cmd.arg("--data-dir")
        .arg(k.dir.join("data"))
        .args(["--hub", &k.hub, "--token-file"])
        .arg(&k.token_file)
        .args(["--now", CHECKIN_NOW, "--lang", "en-US"])
        .args(["checkin", "--card", who, "--activity", "early"]);
    cmd
}

/// Sessions spread over a fortnight, so no session fills.
fn date(serial: u64) -> String {
    format!("2026-11-{}", 24 + serial % 7)
}

/// Runs a job and SIGKILLs it at a random moment within its usual length (and a little
/// after). True if it was still running when killed; its output either way.
fn run_and_kill(mut child: Child, usual: Duration) -> (bool, std::process::Output) {
    let at = usual.mul_f64(fastrand::f64() * 1.2);
    std::thread::sleep(at);
    let running = child.try_wait().unwrap().is_none();
    if running {
        child.kill().unwrap();
    }
    (running, child.wait_with_output().unwrap())
}

/// Sign-ups the kiosk still has waiting that the hub has already answered.
fn committed_but_unanswered(s: &Setup, k: &Kiosk) -> usize {
    let outbox = rusqlite::Connection::open(k.dir.join("data/outbox.sqlite")).unwrap();
    let mut stmt = outbox
        .prepare("SELECT uuid FROM signups WHERE status = 'waiting'")
        .unwrap();
    let waiting: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let hub = rusqlite::Connection::open(s.db()).unwrap();
    waiting
        .iter()
        .filter(|uuid| {
            hub.query_row("SELECT 1 FROM signups WHERE uuid = ?1", [uuid], |_| Ok(()))
                .is_ok()
        })
        .count()
}

#[test]
fn sigkill_while_saving_and_uploading_loses_nothing_and_counts_nothing_twice() {
    let target: usize = std::env::var("LEARNING_KIOSK_SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(KILLS);
    let s = Setup::small();
    // A little latency widens the moment between the hub's commit and the kiosk's.
    let proxy = Proxy::start(s.hub.addr).unwrap();
    proxy.set(|f| f.latency = Duration::from_millis(3));
    let k = s.kiosk("k", &proxy.url());
    assert!(k.sync().status.success());

    let mut serial = 0;
    let usual = calibrate(&k, &mut serial);
    let mut reported: HashSet<String> = k.queue()["signups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_string())
        .collect();
    let mut kills: HashMap<Job, usize> = HashMap::new();
    // Sign-ups the hub had committed when the kiosk died before recording the answer.
    let mut caught_between = 0;
    let started = Instant::now();
    // What the kiosk reported saved, by kind (the code printed once it was on disk).
    let mut cancelled: HashSet<String> = HashSet::new();
    let mut checked_in: HashSet<String> = HashSet::new();
    let mut cancellable: Vec<String> = reported.iter().cloned().collect();
    while kills.values().sum::<usize>() < target {
        let job = match fastrand::u8(0..10) {
            0..=3 => Job::Save,
            4 => Job::Cancel,
            5 => Job::Checkin,
            _ => Job::Upload,
        };
        let mut cmd = match job {
            Job::Cancel if !cancellable.is_empty() => {
                let code = cancellable[fastrand::usize(..cancellable.len())].clone();
                k.command(&["cancel", "--code", &code])
            }
            Job::Cancel | Job::Checkin => {
                checkin_command(&k, &card(900_000 + fastrand::u64(0..CHECKIN_CARDS)))
            }
            Job::Save => {
                serial += 1;
                k.command(&[
                    "signup",
                    "--card",
                    &card(serial),
                    "--activity",
                    "big",
                    "--date",
                    &date(serial),
                ])
            }
            Job::Upload => k.command(&["sync"]),
        };
        let child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (killed, out) = run_and_kill(child, usual[&job]);
        if killed {
            *kills.entry(job).or_default() += 1;
            if job == Job::Upload {
                caught_between += committed_but_unanswered(&s, &k);
            }
        }
        // "Saved" is the code on standard output: the kiosk prints it only after the commit.
        if job != Job::Upload && out.status.success() {
            let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(!code.is_empty(), "{job:?}");
            let args: Vec<String> = cmd.get_args().map(|a| a.to_string_lossy().into()).collect();
            if args.iter().any(|a| a == "cancel") {
                cancellable.retain(|c| *c != code);
                cancelled.insert(code);
            } else if args.iter().any(|a| a == "checkin") {
                checked_in.insert(code);
            } else {
                cancellable.push(code.clone());
                reported.insert(code);
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the crash run is taking too long: {kills:?}"
        );
    }
    assert!(
        kills[&Job::Save] > 0 && kills[&Job::Upload] > 0,
        "{kills:?}"
    );
    assert!(
        kills.get(&Job::Cancel).copied().unwrap_or(0)
            + kills.get(&Job::Checkin).copied().unwrap_or(0)
            > 0,
        "no cancel or check-in was interrupted: {kills:?}"
    );

    // The link stays up; the kiosk, started again, uploads what is left.
    k.sync_until_drained();
    let queue = k.queue();
    let rows = queue["signups"].as_array().unwrap();
    let codes: HashSet<&str> = rows.iter().map(|s| s["code"].as_str().unwrap()).collect();
    for code in reported.iter().chain(&checked_in) {
        assert!(
            codes.contains(code.as_str()),
            "{code} was reported saved but is gone"
        );
    }
    let of_kind = |kind: &str| -> Vec<&serde_json::Value> {
        rows.iter().filter(|r| r["kind"] == kind).collect()
    };
    let on_kiosk: Vec<&serde_json::Value> = of_kind("signup");
    // Every cancel reported saved is on the kiosk, and on the hub once, applied.
    let hub_db = rusqlite::Connection::open(s.db()).unwrap();
    let uuid_of = |code: &str| {
        rows.iter()
            .find(|r| r["code"] == code && r["kind"] == "signup")
            .map(|r| r["uuid"].as_str().unwrap().to_string())
            .unwrap()
    };
    for code in &cancelled {
        let target = uuid_of(code);
        let cancels: i64 = hub_db
            .query_row(
                "SELECT count(*) FROM cancels WHERE target = ?1 AND status = 'cancelled'",
                [&target],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(cancels, 1, "{code}'s cancel on the hub once");
        let status: String = hub_db
            .query_row(
                "SELECT status FROM signups WHERE uuid = ?1",
                [&target],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(status, "cancelled", "{code} cancelled on the hub");
    }
    // A cancel killed after its commit is kept though never reported; still one a place.
    let targets: HashSet<&str> = of_kind("cancel")
        .iter()
        .map(|r| r["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets.len(),
        of_kind("cancel").len(),
        "one cancel a place, however often asked"
    );
    let hub_cancels: i64 = hub_db
        .query_row("SELECT count(*) FROM cancels", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        hub_cancels as usize,
        targets.len(),
        "every cancel on the hub once"
    );
    // Attendance: once a card, on the kiosk and on the hub.
    let attended: i64 = hub_db
        .query_row(
            "SELECT count(*) FROM attendance WHERE status = 'checked_in'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(attended as usize, of_kind("checkin").len());
    let cards_in: HashSet<&str> = of_kind("checkin")
        .iter()
        .map(|r| r["card"].as_str().unwrap())
        .collect();
    assert_eq!(
        cards_in.len(),
        of_kind("checkin").len(),
        "a card checks in once"
    );
    let held = common::exported(&s.db());
    let mut per_uuid: HashMap<&str, usize> = HashMap::new();
    for h in &held {
        *per_uuid.entry(h["uuid"].as_str().unwrap()).or_default() += 1;
    }
    let kiosk_uuids: HashSet<&str> = on_kiosk
        .iter()
        .map(|s| s["uuid"].as_str().unwrap())
        .collect();
    assert_eq!(
        per_uuid.len(),
        kiosk_uuids.len(),
        "the hub holds what the kiosk holds"
    );
    for uuid in &kiosk_uuids {
        assert_eq!(
            per_uuid.get(uuid),
            Some(&1),
            "{uuid} on the hub exactly once"
        );
    }
    // One card, one session: the kiosk never saved a sign-up twice.
    let sessions: HashSet<(&str, &str, &str)> = held
        .iter()
        .map(|h| {
            (
                h["card"].as_str().unwrap(),
                h["activity"].as_str().unwrap(),
                h["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(sessions.len(), held.len());
    assert!(
        held.iter()
            .all(|h| h["status"] == "confirmed" || h["status"] == "cancelled")
    );
    eprintln!(
        "{} kills ({:?}); {caught_between} times the hub had committed what the kiosk had \
         not recorded; {} sign-ups, {} cancels and {} check-ins reported saved; {} sign-ups \
         on the kiosk and the hub; {:.1} s",
        kills.values().sum::<usize>(),
        kills,
        reported.len(),
        cancelled.len(),
        checked_in.len(),
        held.len(),
        started.elapsed().as_secs_f64()
    );
}
