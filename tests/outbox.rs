//! The outbox on a real SQLite file: durable, one sign-up per card and session, and a damaged
//! file set aside with what can be read kept.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::io::{Seek, SeekFrom, Write};

use chrono::NaiveDate;
use common::{CARD, card_for, moment, rules_catalogue};
use learning_kiosk::domain::card::CardNumber;
use learning_kiosk::outbox::{CancelOf, Kind, Outbox, Saved, Status};
use learning_kiosk::signup::{Refusal, SignupError, sign_up};

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn saved_means_on_disk_and_in_wal_mode_with_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let card = CardNumber::parse(CARD).unwrap();
    let code = {
        let (mut outbox, report) = Outbox::open(&path).unwrap();
        assert_eq!(report.set_aside, None);
        // WAL, and every commit synced (2 = FULL), on the very connection that saves.
        assert_eq!(outbox.durability().unwrap(), ("wal".to_string(), 2));
        let saved = sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            monday(),
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .unwrap();
        assert!(matches!(saved, Saved::New(_)));
        saved.record().code.clone()
        // (The end-to-end tests kill the real kiosk with SIGKILL after "saved".)
    };
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let (outbox, _) = Outbox::open(&path).unwrap();
    let all = outbox.all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].code, code);
    assert_eq!(all[0].status, Status::Waiting);
    assert_eq!(
        outbox
            .held()
            .unwrap()
            .get(&("weekly".to_string(), monday())),
        Some(&1)
    );
}

#[test]
fn the_same_card_and_session_is_never_saved_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut outbox, _) = Outbox::open(&dir.path().join("o.sqlite")).unwrap();
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let card = CardNumber::parse(CARD).unwrap();
    let first = sign_up(
        &mut outbox,
        &cat,
        &card,
        "weekly",
        monday(),
        &now,
        learning_kiosk::signup::Ask::Seat,
    )
    .unwrap();
    for _ in 0..5 {
        let again = sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            monday(),
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .unwrap();
        assert_eq!(again, Saved::Existing(first.record().clone()));
    }
    // Another session of the same activity is a new sign-up.
    let next = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert!(matches!(
        sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            next,
            &now,
            learning_kiosk::signup::Ask::Seat
        )
        .unwrap(),
        Saved::New(_)
    ));
    assert_eq!(outbox.all().unwrap().len(), 2);
    // The exception date and a day it does not meet are refused with their reasons.
    let excepted = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert!(matches!(
        sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            excepted,
            &now,
            learning_kiosk::signup::Ask::Seat
        ),
        Err(SignupError::Refused(Refusal::Excepted(_)))
    ));
    let tuesday = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert!(matches!(
        sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            tuesday,
            &now,
            learning_kiosk::signup::Ask::Seat
        ),
        Err(SignupError::Refused(Refusal::NoSession(_)))
    ));
}

#[test]
fn capacity_counts_what_this_kiosk_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut outbox, _) = Outbox::open(&dir.path().join("o.sqlite")).unwrap();
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let a = CardNumber::parse(&card_for("110101", 7)).unwrap();
    let b = CardNumber::parse(&card_for("110101", 8)).unwrap();
    assert!(
        sign_up(
            &mut outbox,
            &cat,
            &a,
            "one-seat",
            today,
            &now,
            learning_kiosk::signup::Ask::Seat
        )
        .is_ok()
    );
    assert!(matches!(
        sign_up(
            &mut outbox,
            &cat,
            &b,
            "one-seat",
            today,
            &now,
            learning_kiosk::signup::Ask::Seat
        ),
        Err(SignupError::Refused(Refusal::Full))
    ));
}

/// Sign-ups are written, the file is damaged in the middle, and the kiosk opens it again.
#[test]
fn a_damaged_file_is_set_aside_and_what_is_good_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let mut saved_rows = std::collections::HashMap::new();
    {
        let (mut outbox, _) = Outbox::open(&path).unwrap();
        for serial in 1..=300 {
            let card = CardNumber::parse(&card_for("110102", serial)).unwrap();
            let saved = sign_up(
                &mut outbox,
                &cat,
                &card,
                "weekly",
                monday(),
                &now,
                learning_kiosk::signup::Ask::Seat,
            )
            .unwrap();
            saved_rows.insert(saved.record().code.clone(), saved.record().clone());
        }
    }
    // Fold the WAL into the file, then scribble over one page in the middle.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let len = std::fs::metadata(&path).unwrap().len();
    assert!(len > 4 * 4096, "the file has several pages");
    // One page wiped whole, and the row content at the end of another page garbled.
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.seek(SeekFrom::Start(4096 * 3)).unwrap();
    f.write_all(&[0xA5; 4096]).unwrap();
    f.seek(SeekFrom::Start(4096 * 9 - 1200)).unwrap();
    f.write_all(&[0x00, 0xFF].repeat(600)).unwrap();
    drop(f);

    let (outbox, report) = Outbox::open(&path).unwrap();
    let aside = report.set_aside.expect("the damaged file was set aside");
    assert!(aside.exists(), "nothing is deleted");
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains("damaged")
    );
    let kept = outbox.all().unwrap();
    assert_eq!(kept.len(), report.recovered);
    assert!(
        report.recovered > 150 && report.recovered < 300,
        "{}",
        report.recovered
    );
    // Everything kept is exactly as saved.
    for r in &kept {
        assert_eq!(
            Some(r),
            saved_rows.get(&r.code),
            "a recovered row differs from what was saved"
        );
    }
    // And the rebuilt outbox works.
    let mut outbox = outbox;
    let card = CardNumber::parse(CARD).unwrap();
    assert!(
        sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            monday(),
            &now,
            learning_kiosk::signup::Ask::Seat
        )
        .is_ok()
    );
}

#[test]
fn a_file_that_is_not_a_database_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    std::fs::write(&path, "this is not a database, it is a shopping list").unwrap();
    let (outbox, report) = Outbox::open(&path).unwrap();
    assert!(report.set_aside.is_some());
    assert_eq!(report.recovered, 0);
    assert!(outbox.all().unwrap().is_empty());
}

#[test]
fn a_zero_byte_outbox_is_damage_set_aside_and_said_not_an_empty_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    std::fs::write(&path, "").unwrap();
    let (outbox, report) = Outbox::open(&path).unwrap();
    let aside = report
        .set_aside
        .expect("the empty file was set aside and reported");
    assert!(aside.exists());
    assert_eq!(report.recovered, 0);
    assert!(outbox.all().unwrap().is_empty());
    drop(outbox);
    // The outbox made in its place opens cleanly next time.
    let (_, again) = Outbox::open(&path).unwrap();
    assert_eq!(again.set_aside, None);
}

#[test]
fn a_folder_that_cannot_be_written_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let err = Outbox::open(&blocker.join("outbox.sqlite"))
        .err()
        .expect("cannot open under a file");
    assert!(
        matches!(err, learning_kiosk::outbox::OutboxError::ReadOnly(_)),
        "{err:?}"
    );
}

/// Ids well past a thousand, and a damaged file that another program holds open.
#[test]
fn repair_finds_rows_far_along_and_waits_for_the_kiosk_to_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    {
        let (mut outbox, _) = Outbox::open(&path).unwrap();
        outbox.set_synchronous_for_benchmark("OFF");
        for serial in 1..=2500 {
            let card = CardNumber::parse(&card_for("110106", serial)).unwrap();
            sign_up(
                &mut outbox,
                &cat,
                &card,
                "weekly",
                monday(),
                &now,
                learning_kiosk::signup::Ask::Seat,
            )
            .unwrap();
        }
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Wipe the table's root page and an interior page: the b-tree loses its way, so neither
    // max(id) nor a walk of the ids gets far.
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    for page in [1u64, 2] {
        f.seek(SeekFrom::Start(4096 * page)).unwrap();
        f.write_all(&[0x5A; 4096]).unwrap();
    }
    drop(f);

    // A running kiosk holds the outbox: it is not moved away under it.
    let kiosk = std::fs::File::open(dir.path().join("outbox.sqlite.lock")).unwrap();
    kiosk.lock_shared().unwrap();
    let err = Outbox::open(&path)
        .err()
        .expect("cannot repair while in use");
    assert!(
        matches!(err, learning_kiosk::outbox::OutboxError::InUse),
        "{err:?}"
    );
    assert!(path.exists());
    drop(kiosk);

    let (outbox, report) = Outbox::open(&path).unwrap();
    assert!(report.set_aside.is_some());
    let kept = outbox.all().unwrap();
    assert_eq!(kept.len(), report.recovered);
    assert!(
        kept.iter()
            .any(|r| r.card_digits == card_for("110106", 2400)),
        "rows past id 1000 are found"
    );
    assert!(report.recovered > 2000, "{}", report.recovered);
}

#[test]
fn a_row_that_does_not_read_is_set_aside_and_the_rows_behind_it_still_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let (mut outbox, _) = Outbox::open(&path).unwrap();
    let mut codes = Vec::new();
    for serial in 1..=3 {
        let card = CardNumber::parse(&card_for("110108", serial)).unwrap();
        let saved = sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            monday(),
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .unwrap();
        codes.push(saved.record().code.clone());
    }
    // The oldest row's time is damaged on disk.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE signups SET created_at = 'yesterday-ish' WHERE code = ?1",
        [&codes[0]],
    )
    .unwrap();
    drop(conn);
    // Reading never fails: the good rows are there, the damaged one is named.
    let all = outbox.all().unwrap();
    assert_eq!(all.len(), 2);
    let damaged = outbox.damaged().unwrap();
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].code, codes[0]);
    assert!(damaged[0].problem.contains("time"), "{:?}", damaged[0]);
    // Sending moves on past it, and it is held for staff rather than tried again.
    let waiting: Vec<String> = outbox
        .waiting(10)
        .unwrap()
        .into_iter()
        .map(|r| r.code)
        .collect();
    assert_eq!(waiting, codes[1..].to_vec());
    assert_eq!(outbox.counts().unwrap().get(&Status::Parked), Some(&1));
    assert_eq!(outbox.waiting(10).unwrap().len(), 2);
}

/// Held sign-ups go back in the queue when staff ask, all or one by code; a damaged row
/// stays held, since it cannot be read.
#[test]
fn staff_send_held_sign_ups_again_and_a_damaged_one_stays_held() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let (mut outbox, _) = Outbox::open(&path).unwrap();
    let mut saved = Vec::new();
    for serial in 1..=3 {
        let card = CardNumber::parse(&card_for("110108", serial)).unwrap();
        let s = sign_up(
            &mut outbox,
            &cat,
            &card,
            "weekly",
            monday(),
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .unwrap();
        saved.push(s.record().clone());
    }
    outbox.park(&saved[0].uuid, "too_large", &now).unwrap();
    outbox
        .park(&saved[1].uuid, "unreadable: bad_request: bad date", &now)
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE signups SET created_at = 'never' WHERE uuid = ?1",
        [&saved[2].uuid],
    )
    .unwrap();
    drop(conn);
    assert!(
        outbox.waiting(10).unwrap().is_empty(),
        "the damaged row is set aside"
    );
    assert_eq!(outbox.counts().unwrap().get(&Status::Parked), Some(&3));
    assert_eq!(outbox.resendable().unwrap(), 2);

    assert_eq!(outbox.resend_held(Some(&saved[1].code)).unwrap(), 1);
    assert_eq!(outbox.resend_held(Some("NOT-ACODE")).unwrap(), 0);
    assert_eq!(outbox.resend_held(None).unwrap(), 1);
    let waiting: Vec<String> = outbox
        .waiting(10)
        .unwrap()
        .into_iter()
        .map(|r| r.uuid)
        .collect();
    assert_eq!(waiting, vec![saved[0].uuid.clone(), saved[1].uuid.clone()]);
    assert!(outbox.all().unwrap().iter().all(|r| r.reason.is_none()));
    assert_eq!(outbox.counts().unwrap().get(&Status::Parked), Some(&1));
    assert_eq!(outbox.resendable().unwrap(), 0);
}

/// The outbox of the version before cancels (one row a card and session, no kinds) opens
/// with every sign-up as it was, in the same sending order, and then takes cancels, a second
/// place after a cancel, and check-ins.
#[test]
fn an_outbox_from_before_cancels_keeps_every_sign_up_and_takes_the_new_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE signups (
                id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,
                card TEXT NOT NULL, activity TEXT NOT NULL, date TEXT NOT NULL,
                created_at TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, existing TEXT,
                answered_at TEXT, UNIQUE (card, activity, date));
             CREATE INDEX signups_session ON signups (activity, date);
             CREATE INDEX signups_status ON signups (status, id);
             INSERT INTO signups (id, uuid, code, card, activity, date, created_at, status)
               VALUES (7, '00000000-0000-4000-8000-000000000007', 'AAA-AAA', '1101080000000016',
                       'weekly', '2026-11-30', '2026-11-23T09:00:00+08:00', 'confirmed'),
                      (9, '00000000-0000-4000-8000-000000000009', 'CCC-CCC', '1101080000000024',
                       'weekly', '2026-11-30', '2026-11-23T09:01:00+08:00', 'waiting');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let (mut outbox, report) = Outbox::open(&path).unwrap();
    assert_eq!(report.set_aside, None, "an upgrade, not damage");
    let all = outbox.all().unwrap();
    assert_eq!(
        all.iter()
            .map(|r| (r.code.as_str(), r.kind, r.status))
            .collect::<Vec<_>>(),
        [
            ("AAA-AAA", Kind::Signup, Status::Confirmed),
            ("CCC-CCC", Kind::Signup, Status::Waiting)
        ]
    );
    assert_eq!(outbox.waiting(10).unwrap()[0].code, "CCC-CCC");

    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let card = CardNumber::parse(CARD).unwrap();
    let of = CancelOf {
        uuid: all[0].uuid.clone(),
        card,
        activity_id: "weekly".into(),
        date: monday(),
    };
    let cancel = outbox.save_cancel(&of, &now).unwrap();
    assert!(matches!(cancel, Saved::New(_)));
    assert!(
        matches!(outbox.save_cancel(&of, &now).unwrap(), Saved::Existing(ref r) if r.uuid == cancel.record().uuid),
        "a cancel is made once"
    );
    let again = sign_up(
        &mut outbox,
        &cat,
        &card,
        "weekly",
        monday(),
        &now,
        learning_kiosk::signup::Ask::Seat,
    )
    .unwrap();
    assert!(
        matches!(again, Saved::New(_)),
        "a new place after the cancel"
    );
    let held_again = sign_up(
        &mut outbox,
        &cat,
        &card,
        "weekly",
        monday(),
        &now,
        learning_kiosk::signup::Ask::Seat,
    )
    .unwrap();
    assert!(
        matches!(held_again, Saved::Existing(ref r) if r.uuid == again.record().uuid),
        "and only one"
    );
    let kinds: Vec<Kind> = outbox.waiting(10).unwrap().iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Signup, Kind::Cancel, Kind::Signup],
        "oldest first"
    );
    assert_eq!(
        outbox.waiting_of(10, false).unwrap().len(),
        2,
        "a hub before protocol 2 is sent sign-ups only"
    );
    let held = outbox.held().unwrap();
    assert_eq!(
        held.get(&("weekly".to_string(), monday())),
        Some(&2),
        "the cancelled one holds no seat; the other card's and the new one do"
    );
}

/// Cancels, check-ins and waiting places (with the hub's place in line, a whole number) come
/// back out of a file whose table b-tree is wiped, exactly as saved.
#[test]
fn every_kind_is_read_back_off_the_pages_of_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let cat = rules_catalogue();
    let now = moment(common::NOW);
    let mut saved = std::collections::HashMap::new();
    {
        let (mut outbox, _) = Outbox::open(&path).unwrap();
        let mut answers = Vec::new();
        for serial in 1..=120 {
            let card = CardNumber::parse(&card_for("110102", serial)).unwrap();
            let place = sign_up(
                &mut outbox,
                &cat,
                &card,
                "weekly",
                monday(),
                &now,
                learning_kiosk::signup::Ask::Seat,
            )
            .unwrap()
            .record()
            .clone();
            if serial % 3 == 0 {
                let of = CancelOf {
                    uuid: place.uuid.clone(),
                    card,
                    activity_id: "weekly".into(),
                    date: monday(),
                };
                outbox.save_cancel(&of, &now).unwrap();
            } else if serial % 3 == 1 {
                outbox
                    .save_checkin(
                        &card,
                        "soon",
                        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                        &now,
                    )
                    .unwrap();
            }
            let mut answer = learning_wire::Answer::status(learning_wire::AnswerStatus::Waitlisted);
            answer.place = Some(serial as u32 * 300);
            answers.push((place.uuid, answer));
        }
        outbox.record_answers(&answers, &now).unwrap();
        for r in outbox.all().unwrap() {
            saved.insert(r.uuid.clone(), r);
        }
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let root: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'signups'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.seek(SeekFrom::Start(4096 * (root as u64 - 1))).unwrap();
    f.write_all(&[0xA5; 4096]).unwrap();
    drop(f);

    let (outbox, report) = Outbox::open(&path).unwrap();
    assert!(report.set_aside.is_some());
    let kept = outbox.all().unwrap();
    assert!(
        kept.len() * 10 >= saved.len() * 9,
        "{} of {}",
        kept.len(),
        saved.len()
    );
    for r in &kept {
        assert_eq!(Some(r), saved.get(&r.uuid), "a row came back changed");
    }
    for kind in [Kind::Signup, Kind::Cancel, Kind::Checkin] {
        assert!(kept.iter().any(|r| r.kind == kind), "no {kind:?} came back");
    }
    assert!(
        kept.iter().any(|r| r.place.is_some_and(|p| p > 255)),
        "a place of two bytes"
    );
}
