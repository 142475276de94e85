//! `learning-hub backup FILE` on a hub that is serving and writing, and the restore that
//! `packaging/hub/README.md` describes (stop the hub, copy the backup over the database
//! path, start): every sign-up the hub answered before the backup started is in the
//! restored hub exactly once, and the restored file passes SQLite's integrity check.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use common::{Hub, Setup, card, exported, hub};
use learning_wire::{AnswerStatus, BatchAnswer, SIGNUPS_PATH, SignupBatch, SignupItem};
use reqwest::StatusCode;
use reqwest::header::AUTHORIZATION;

/// Sign-ups a batch carries (the protocol's largest).
const BATCH: u64 = 200;

/// One batch the kiosk sent during the backups.
struct Batch {
    first: u64,
    sent: Instant,
    answered: Instant,
}

fn item(n: u64) -> SignupItem {
    SignupItem {
        kind: learning_wire::Kind::Signup,
        target: None,
        uuid: format!("00000000-0000-4000-8000-{n:012}"),
        card: card(n),
        activity: "big".into(),
        // Spread over a fortnight of the "big" class (10,000 seats a session): all confirmed.
        date: format!("2026-11-{}", 24 + n % 7),
        created_at: common::NOW.into(),
    }
}

/// Whether the hub confirmed every sign-up of a batch.
fn all_confirmed(answer: &BatchAnswer) -> bool {
    answer
        .answers
        .iter()
        .all(|r| r.status == AnswerStatus::Confirmed)
}

/// Posts one batch of sign-ups `first..first + BATCH`; their answers.
async fn post(client: &reqwest::Client, url: &str, token: &str, first: u64) -> BatchAnswer {
    let response = client
        .post(format!("{url}{SIGNUPS_PATH}"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .json(&SignupBatch {
            signups: (first..first + BATCH).map(item).collect(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// `PRAGMA integrity_check` on a file.
fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_hub_writes_restores_every_answered_sign_up_once() {
    let mut s = Setup::small();
    let (url, token) = (s.hub.url(), s.token.clone());
    let client = reqwest::Client::new();
    // A database worth copying: some thousands of sign-ups before the backup.
    let mut next = 0;
    while next < 20 * BATCH {
        let answer = post(&client, &url, &token, next).await;
        assert!(all_confirmed(&answer));
        next += BATCH;
    }
    // A kiosk keeps sending while backups run; each batch is noted with when it was sent and
    // when its answer came.
    let stop = Arc::new(AtomicBool::new(false));
    let log: Arc<Mutex<Vec<Batch>>> = Arc::default();
    let writer = tokio::spawn({
        let (client, url, token) = (client.clone(), url.clone(), token.clone());
        let (stop, log) = (stop.clone(), log.clone());
        async move {
            while !stop.load(Ordering::Relaxed) {
                let sent = Instant::now();
                let answer = post(&client, &url, &token, next).await;
                assert!(all_confirmed(&answer));
                log.lock().unwrap().push(Batch {
                    first: next,
                    sent,
                    answered: Instant::now(),
                });
                next += BATCH;
            }
        }
    });
    // Back up again and again until batches were being written during a backup (a copy is
    // quicker than a batch, so one backup alone may fall between two).
    let backup = s.dir.path().join("backups/hub-copy.sqlite");
    std::fs::create_dir(backup.parent().unwrap()).unwrap();
    let (mut started, mut overlapped, mut backups) = (Instant::now(), 0, 0);
    while overlapped < 3 {
        assert!(backups < 100, "no batch was ever written during a backup");
        tokio::time::sleep(std::time::Duration::from_millis(fastrand::u64(0..150))).await;
        started = Instant::now();
        let out = tokio::task::spawn_blocking({
            let (db, backup) = (s.db(), backup.clone());
            move || hub(&db, &["backup", backup.to_str().unwrap()])
        })
        .await
        .unwrap();
        let finished = Instant::now();
        assert!(
            out.status.success(),
            "backup: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("integrity ok"));
        backups += 1;
        // A batch in flight while the copy was taken: sent before it ended, answered after
        // it began (wait for the one in flight now to be answered, to know).
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        overlapped += log
            .lock()
            .unwrap()
            .iter()
            .filter(|b| b.sent < finished && b.answered > started)
            .count();
    }
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    let log = std::mem::take(&mut *log.lock().unwrap());
    // What the last backup must hold: what was answered before it started.
    let before: Vec<u64> = (0..20 * BATCH)
        .chain(
            log.iter()
                .filter(|b| b.answered < started)
                .flat_map(|b| b.first..b.first + BATCH),
        )
        .collect();
    eprintln!(
        "{backups} backups, {overlapped} batches written during one; the last must hold {} sign-ups",
        before.len()
    );
    // Only the whole copy is left: no temporary file, no log beside it.
    let left: Vec<String> = std::fs::read_dir(backup.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["hub-copy.sqlite"]);

    // Restore as the README says: stop the hub, copy the backup over the database path of
    // a fresh data folder, start.
    s.hub.kill();
    let fresh = tempfile::tempdir().unwrap();
    let restored = fresh.path().join("hub.sqlite");
    std::fs::copy(&backup, &restored).unwrap();
    assert_eq!(integrity(&restored), "ok");
    let hub_again = Hub::start(&restored);
    let held: HashMap<String, usize> =
        exported(&restored)
            .iter()
            .fold(HashMap::new(), |mut counts, s| {
                *counts
                    .entry(s["uuid"].as_str().unwrap().to_string())
                    .or_default() += 1;
                counts
            });
    for n in &before {
        assert_eq!(
            held.get(&item(*n).uuid),
            Some(&1),
            "sign-up {n}, answered before the backup, is in the restored hub once"
        );
    }
    // Nothing in it that the kiosk never sent.
    let sent = log.last().map_or(0, |b| b.first + BATCH);
    assert!(held.len() <= usize::try_from(sent).unwrap());
    // The restored hub serves with the old token, and knows the old sign-ups: sent again,
    // they are answered as before, not taken twice.
    let answer = post(&client, &hub_again.url(), &token, 0).await;
    assert!(
        answer
            .answers
            .iter()
            .all(|r| r.status == AnswerStatus::Confirmed)
    );
    assert_eq!(exported(&restored).len(), held.len());
    drop(hub_again);
    assert_eq!(integrity(&restored), "ok");
}

#[test]
fn backup_refuses_the_live_database_and_says_which_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    assert!(hub(&db, &["status"]).status.success());
    let live = db.to_str().unwrap();
    let wal = format!("{live}-wal");
    let dotted = dir.path().join("./hub.sqlite");
    let linked = dir.path().join("linked.sqlite");
    std::fs::hard_link(&db, &linked).unwrap();
    let before = std::fs::read(&db).unwrap();
    for over in [
        live,
        &wal,
        dotted.to_str().unwrap(),
        linked.to_str().unwrap(),
    ] {
        let out = hub(&db, &["backup", over]);
        assert_eq!(out.status.code(), Some(5), "{over}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("will not back up over the hub's live database") && said.contains(live),
            "{over}: {said}"
        );
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the live file is untouched"
    );
    // No database there: said, and none is made.
    let nowhere = dir.path().join("nowhere.sqlite");
    let out = hub(
        &nowhere,
        &["backup", dir.path().join("b").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(5));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cannot read the hub's database") && said.contains("no such file"),
        "{said}"
    );
    assert!(!nowhere.exists());
    // A folder that does not exist: said, naming it.
    let out = hub(&db, &["backup", "/nonexistent-folder/copy.sqlite"]);
    assert_eq!(out.status.code(), Some(5));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("/nonexistent-folder/copy.sqlite"), "{said}");
}
