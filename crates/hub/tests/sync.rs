//! A real kiosk and a real hub on loopback: the catalogue reaches the kiosk through the feed,
//! sign-ups reach the hub once, and the hub's answers come back to the kiosk's queue.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{Kiosk, Setup, card};
use serde_json::Value;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The sessions `nearby` lists at the small catalogue's venue, as JSON.
fn nearby(kiosk: &Kiosk) -> Vec<Value> {
    let out = kiosk.run(&[
        "nearby",
        "--at",
        "39.9965,116.4705",
        "--within",
        "1",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn synced(kiosk: &Kiosk) -> String {
    let out = kiosk.sync();
    assert!(out.status.success(), "sync failed: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_catalogue_arrives_sign_ups_go_once_and_answers_come_back() {
    let s = Setup::small();
    let a = s.kiosk("a", &s.hub.url());
    let b = s.kiosk("b", &s.hub.url());
    // Before the first sync the kiosk knows only its seed (the demo): no "seats" here.
    assert!(!nearby(&a).iter().any(|r| r["activity"] == "seats"));
    for k in [&a, &b] {
        let report = synced(k);
        assert!(report.contains("Catalogue changes received: 5"), "{report}");
    }
    assert!(nearby(&a).iter().any(|r| r["activity"] == "seats"));

    // Four seats, a waiting list of one. Each kiosk sees four free seats and takes three.
    for n in 1..=3 {
        a.sign_up(&card(n), "seats", "2026-11-23");
        b.sign_up(&card(10 + n), "seats", "2026-11-23");
    }
    // The kiosk counts what it holds against the seats: a fourth here would be the last.
    let seats_left = |k: &Kiosk| {
        nearby(k)
            .iter()
            .find(|r| r["activity"] == "seats")
            .map(|r| r["seats_left"].as_u64().unwrap())
    };
    assert_eq!(seats_left(&a), Some(1));

    let report = synced(&a);
    assert!(report.contains("Sign-ups sent: 3"), "{report}");
    let report = synced(&b);
    assert!(report.contains("Sign-ups sent: 3"), "{report}");

    let queue = b.queue();
    let statuses: Vec<&str> = queue["signups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["confirmed", "waitlisted", "full"]);
    assert_eq!(queue["counts"]["waiting"], 0);
    // The text form says each status in the reader's words.
    let text = stdout(&b.run(&["queue"]));
    assert!(
        text.contains("Waiting list") && text.contains("Full, no place"),
        "{text}"
    );

    // The hub holds each sign-up once, with the answer the kiosk has.
    let held = common::exported(&s.db());
    assert_eq!(held.len(), 6);
    for k in [&a, &b] {
        for signup in k.queue()["signups"].as_array().unwrap() {
            let on_hub: Vec<&Value> = held
                .iter()
                .filter(|h| h["uuid"] == signup["uuid"])
                .collect();
            assert_eq!(on_hub.len(), 1);
            assert_eq!(on_hub[0]["status"], signup["status"]);
        }
    }
    // Kiosk a pulls the seats b's sign-up took: the session is full everywhere.
    synced(&a);
    assert_eq!(seats_left(&a), Some(0));

    // Caught up: one request, a few hundred bytes.
    let report = synced(&a);
    assert!(report.contains("No sign-ups were waiting"), "{report}");
    assert!(report.contains("Requests: 1;"), "{report}");
}

#[test]
fn catalogue_changes_and_deletions_reach_a_kiosk_even_after_its_cursor_expired() {
    let mut s = Setup::small();
    let k = s.kiosk("k", &s.hub.url());
    synced(&k);
    // The hub's operator renames one class and replaces another.
    let changed = common::small_catalogue("Four seats, in the new room")
        .replace(r#"{"id": "big""#, r#"{"id": "big-2026""#);
    let file = s.dir.path().join("changed.json");
    std::fs::write(&file, changed).unwrap();
    common::import(&s.db(), &file);
    let report = synced(&k);
    assert!(report.contains("Catalogue changes received: 3"), "{report}");
    let rows = nearby(&k);
    assert!(
        rows.iter()
            .any(|r| r["title"]["en-US"] == "Four seats, in the new room")
    );
    assert!(rows.iter().any(|r| r["activity"] == "big-2026"));
    assert!(!rows.iter().any(|r| r["activity"] == "big"));

    // Months pass offline: the hub forgets old tombstones, and this kiosk's cursor with them.
    let back = common::small_catalogue("Four seats");
    std::fs::write(&file, back).unwrap();
    common::import(&s.db(), &file);
    s.age_tombstones_and_restart();
    let k = s.kiosk("k", &s.hub.url());
    let report = synced(&k);
    let rows = nearby(&k);
    assert!(
        rows.iter().any(|r| r["activity"] == "big"),
        "rebuilt from the start: {report} {rows:?}"
    );
    assert!(
        !rows.iter().any(|r| r["activity"] == "big-2026"),
        "the deleted one is gone"
    );
    assert!(rows.iter().any(|r| r["title"]["en-US"] == "Four seats"));
}

#[test]
fn a_sync_that_cannot_finish_says_why_and_exits_6() {
    let s = Setup::small();
    let stranger = common::Kiosk::new(
        &s.dir.path().join("stranger"),
        "0".repeat(64).as_str(),
        &s.hub.url(),
    );
    let out = stranger.sync();
    assert_eq!(out.status.code(), Some(6));
    let err = stderr(&out);
    assert!(err.contains("refused this kiosk's token"), "{err}");
    assert!(err.contains("同步没有完成"), "both languages: {err}");

    // No hub anywhere: a config problem, exit 3.
    let out = std::process::Command::new(common::kiosk_bin())
        .arg("--data-dir")
        .arg(s.dir.path().join("alone"))
        .arg("sync")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("no hub"), "{}", stderr(&out));

    // Card numbers never cross a network in the clear: plain http only on loopback.
    let out = std::process::Command::new(common::kiosk_bin())
        .arg("--data-dir")
        .arg(s.dir.path().join("clear"))
        .args(["--hub", "http://hub.example.cn", "--token-file"])
        .arg(&stranger.token_file)
        .arg("sync")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("--hub") && stderr(&out).contains("https://"),
        "{}",
        stderr(&out)
    );

    // A hub that is not there.
    let gone = s.kiosk("gone", "http://127.0.0.1:9");
    let out = gone.sync();
    assert_eq!(out.status.code(), Some(6));
    assert!(
        stderr(&out).contains("cannot be reached"),
        "{}",
        stderr(&out)
    );
}
