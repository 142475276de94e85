//! The kiosk killed outright (SIGKILL) at random moments while saving sign-ups and while
//! uploading them. Afterwards every sign-up it reported saved is on the hub exactly once,
//! and the hub holds nothing the kiosk does not.
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
    Upload,
}

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
    times.insert(Job::Upload, upload[2]);
    times
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
    while kills.values().sum::<usize>() < target {
        let job = if fastrand::u8(0..10) < 6 {
            Job::Save
        } else {
            Job::Upload
        };
        let mut cmd = match job {
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
        if job == Job::Save && out.status.success() {
            let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(!code.is_empty());
            reported.insert(code);
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

    // The link stays up; the kiosk, started again, uploads what is left.
    k.sync_until_drained();
    let queue = k.queue();
    let on_kiosk = queue["signups"].as_array().unwrap();
    let codes: HashSet<&str> = on_kiosk
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    for code in &reported {
        assert!(
            codes.contains(code.as_str()),
            "{code} was reported saved but is gone"
        );
    }
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
    assert!(held.iter().all(|h| h["status"] == "confirmed"));
    eprintln!(
        "{} kills ({:?}); {caught_between} times the hub had committed what the kiosk had \
         not recorded; {} sign-ups reported saved, {} on the kiosk and the hub; {:.1} s",
        kills.values().sum::<usize>(),
        kills,
        reported.len(),
        held.len(),
        started.elapsed().as_secs_f64()
    );
}
