//! The whole life of a sign-up against the store, for any interleaving: sign-ups,
//! waiting-list joins, cancels and check-ins from several kiosks with clocks hours off, in
//! any arrival order, with resends and second sign-ups. After every batch: confirmed never
//! exceeds capacity, a card holds at most one live place a session, a freed seat is given
//! while the list may move (and only then), a cancel applies once, and the waiting list
//! follows the written order (docs/protocol.md).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use learning_wire::{AnswerStatus, Kind, SignupItem};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use super::SqliteStore;
use crate::store::{Arrival, Store, rules};

const CATALOGUE: &str = r#"{
  "format": "learning-catalogue/1",
  "generated_at": "2026-11-22T08:00:00+08:00",
  "venues": [
    {"id": "here", "name": {"zh-CN": "中心", "en-US": "Centre"}, "kind": "community_learning_centre",
     "district": "110105", "address": {"zh-CN": "望京", "en-US": "Wangjing"},
     "lat": 39.9965, "lon": 116.4705}
  ],
  "activities": [
    {"id": "a", "venue": "here", "title": {"zh-CN": "两个座位", "en-US": "Two seats"},
     "category": "science", "capacity": 2, "credits": 0.5,
     "sessions": [{"start": "2026-12-01T14:00:00+08:00", "end": "2026-12-01T15:30:00+08:00"}]},
    {"id": "b", "venue": "here", "title": {"zh-CN": "三个座位", "en-US": "Three seats"},
     "category": "science", "capacity": 3, "booked": {"2026-12-01": 1},
     "sessions": [{"start": "2026-12-01T14:00:00+08:00", "end": "2026-12-01T15:00:00+08:00"}]}
  ]
}"#;

const DATE: &str = "2026-12-01";

/// The hub's clock: 11:30 Beijing time, before the list stops moving (12:00, two hours
/// before the 14:00 sessions), or 12:30, after.
fn hub_clock(late: bool) -> DateTime<Utc> {
    let half_past_eleven = Utc.with_ymd_and_hms(2026, 12, 1, 3, 30, 0).unwrap();
    if late {
        half_past_eleven + Duration::hours(1)
    } else {
        half_past_eleven
    }
}

/// When the lists stop moving: 12:00 Beijing time.
fn lists_stop() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 4, 0, 0).unwrap()
}

fn card(n: u8) -> String {
    let first15 = format!("110108{:09}", u64::from(n) + 1);
    let check = learning_core::domain::card::luhn_check_digit(&first15).unwrap();
    format!("{first15}{check}")
}

/// One thing a person did at a kiosk, in true time.
#[derive(Clone, Debug)]
enum Act {
    /// A sign-up (or waiting-list join) by a card, `minutes` after 06:00 Beijing time.
    Place {
        card: u8,
        activity: bool,
        join: bool,
        minutes: u16,
    },
    /// A cancel of the n-th place made so far (if any).
    Cancel { nth: u8, minutes: u16 },
    /// A check-in by a card at 13:40.
    Checkin { card: u8, activity: bool },
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        5 => (0u8..14, any::<bool>(), any::<bool>(), 0u16..300)
            .prop_map(|(card, activity, join, minutes)| Act::Place { card, activity, join, minutes }),
        3 => (0u8..16, 0u16..300).prop_map(|(nth, minutes)| Act::Cancel { nth, minutes }),
        1 => (0u8..14, any::<bool>()).prop_map(|(card, activity)| Act::Checkin { card, activity }),
    ]
}

/// A case: the acts, which kiosk took each (kiosk k's clock is `offsets[k]` ms off), the
/// order they arrive in (a permutation's keys), batch cuts, resends, and the hub's clock.
#[derive(Clone, Debug)]
struct Case {
    acts: Vec<(Act, usize)>,
    offsets: [i64; 3],
    arrival: Vec<u32>,
    batch: usize,
    resend_every: usize,
    late_hub: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec((act(), 0usize..3), 1..50),
        prop::array::uniform3(-3 * 3600 * 1000i64..3 * 3600 * 1000),
        prop::collection::vec(any::<u32>(), 50),
        1usize..5,
        2usize..6,
        any::<bool>(),
    )
        .prop_map(
            |(acts, offsets, arrival, batch, resend_every, late_hub)| Case {
                acts,
                offsets,
                arrival,
                batch,
                resend_every,
                late_hub,
            },
        )
}

fn at(minutes_after_six: i64, offset_ms: i64) -> String {
    let true_time = learning_core::domain::time::BEIJING
        .with_ymd_and_hms(2026, 12, 1, 6, 0, 0)
        .unwrap()
        + Duration::minutes(minutes_after_six);
    (true_time + Duration::milliseconds(offset_ms)).to_rfc3339()
}

/// The items of a case, each with its kiosk, in the order they were taken.
fn items(case: &Case) -> Vec<(SignupItem, usize)> {
    let mut made: Vec<(SignupItem, usize)> = Vec::new();
    let mut places: Vec<SignupItem> = Vec::new();
    for (i, (act, kiosk)) in case.acts.iter().enumerate() {
        let offset = case.offsets[*kiosk];
        let uuid = format!("00000000-0000-4000-8000-{i:012}");
        let item = match act {
            Act::Place {
                card: c,
                activity,
                join,
                minutes,
            } => SignupItem {
                uuid,
                kind: if *join { Kind::Waitlist } else { Kind::Signup },
                target: None,
                card: card(*c),
                activity: if *activity { "a" } else { "b" }.into(),
                date: DATE.into(),
                created_at: at(i64::from(*minutes), offset),
            },
            Act::Cancel { nth, minutes } => {
                let Some(target) = places.get(usize::from(*nth) % places.len().max(1)) else {
                    continue;
                };
                SignupItem {
                    uuid,
                    kind: Kind::Cancel,
                    target: Some(target.uuid.clone()),
                    card: target.card.clone(),
                    activity: target.activity.clone(),
                    date: DATE.into(),
                    created_at: at(i64::from(*minutes), offset),
                }
            }
            Act::Checkin { card: c, activity } => SignupItem {
                uuid,
                kind: Kind::Checkin,
                target: None,
                card: card(*c),
                activity: if *activity { "a" } else { "b" }.into(),
                date: DATE.into(),
                created_at: at(460, offset),
            },
        };
        if item.kind.takes_a_place() {
            places.push(item.clone());
        }
        made.push((item, *kiosk));
    }
    made
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("hub.sqlite")).unwrap();
    // Before the list stops moving (2 h before 14:00), or after.
    let now = hub_clock(case.late_hub);
    store.pin_clock(now);
    let catalogue = dir.path().join("catalogue.json");
    std::fs::write(&catalogue, CATALOGUE).unwrap();
    store.import(&catalogue).unwrap();
    for k in 0..3 {
        store
            .set_kiosk_token(&format!("k{k}"), &format!("token-{k}"))
            .unwrap();
    }
    let mut items = items(case);
    // Any arrival order.
    let mut keyed: Vec<(u32, (SignupItem, usize))> = items
        .drain(..)
        .enumerate()
        .map(|(i, x)| (case.arrival[i % case.arrival.len()], x))
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    let arriving: Vec<(SignupItem, usize)> = keyed.into_iter().map(|(_, x)| x).collect();

    let mut first: HashMap<String, AnswerStatus> = HashMap::new();
    let mut sent: Vec<SignupItem> = Vec::new();
    for chunk in arriving.chunks(case.batch) {
        // A batch from one kiosk at a time: items grouped by their kiosk, in arrival order.
        for k in 0..3 {
            let mut batch: Vec<SignupItem> = chunk
                .iter()
                .filter(|(_, kk)| *kk == k)
                .map(|(i, _)| i.clone())
                .collect();
            if batch.is_empty() {
                continue;
            }
            // Resends of earlier items ride along.
            for (n, old) in sent.iter().enumerate() {
                if n % case.resend_every == 0 {
                    batch.push(old.clone());
                }
            }
            let from = Arrival {
                kiosk: format!("k{k}"),
                clock_offset_ms: Some(case.offsets[k]),
            };
            let answers = store.answer_batch(&from, &batch).unwrap().answers;
            prop_assert_eq!(answers.len(), batch.len());
            for (item, answer) in batch.iter().zip(&answers) {
                prop_assert_ne!(
                    answer.status,
                    AnswerStatus::Invalid,
                    "{:?} {:?}",
                    item,
                    answer
                );
                first.entry(item.uuid.clone()).or_insert(answer.status);
            }
            sent.extend(
                batch
                    .into_iter()
                    .filter(|i| !sent.iter().any(|s| s.uuid == i.uuid))
                    .collect::<Vec<_>>(),
            );
            check(&store, case, now)?;
        }
    }
    Ok(())
}

/// A stored place: uuid, card, status, queue_ms, rowid, promoted_at.
type Row = (String, String, String, Option<i64>, i64, Option<String>);

/// The invariants, read straight from the file.
fn check(store: &SqliteStore, case: &Case, now: DateTime<Utc>) -> Result<(), TestCaseError> {
    let conn = store.conn();
    for (activity, capacity, booked) in [("a", 2, 0), ("b", 3, 1)] {
        let rows: Vec<Row> = conn
            .prepare(
                "SELECT uuid, card, status, queue_ms, rowid, promoted_at FROM signups
                 WHERE activity = ?1 ORDER BY rowid",
            )
            .unwrap()
            .query_map([activity], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let confirmed = rows.iter().filter(|r| r.2 == "confirmed").count() as u32;
        prop_assert!(
            booked + confirmed <= capacity,
            "{activity}: {confirmed} confirmed"
        );
        let mut live = HashSet::new();
        for r in rows
            .iter()
            .filter(|r| r.2 == "confirmed" || r.2 == "waitlisted")
        {
            prop_assert!(
                live.insert(r.1.clone()),
                "{activity}: a card holds two places"
            );
        }
        let waiting: Vec<_> = rows.iter().filter(|r| r.2 == "waitlisted").collect();
        // A seat free while the list may move: nobody waits for it.
        let moving = now < lists_stop();
        if moving && booked + confirmed < capacity {
            prop_assert!(
                waiting.is_empty(),
                "{activity}: a free seat and {} waiting",
                waiting.len()
            );
        }
        // Nobody moved up once the list stopped moving.
        if !moving {
            prop_assert!(rows.iter().all(|r| r.5.is_none()), "moved up too late");
        }
        // The written order: by when taken on the hub's clock, then arrival; each place as
        // a resend is told.
        let mut order: Vec<_> = waiting
            .iter()
            .map(|r| (r.3.unwrap_or(0), r.4, r.0.clone()))
            .collect();
        order.sort();
        for (n, (_, _, uuid)) in order.iter().enumerate() {
            let place = super::waiting::place_of(&conn, activity, DATE, uuid).unwrap();
            prop_assert_eq!(place, Some(n as u32 + 1));
        }
    }
    // Each stored queue time is the kiosk's time less its clock's offset, within the rule.
    let received = now.timestamp_millis();
    let stored: Vec<(String, String, String, Option<i64>)> = conn
        .prepare("SELECT uuid, kiosk, created_at, queue_ms FROM signups")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (uuid, kiosk, created, queue) in stored {
        let k: usize = kiosk[1..].parse().unwrap();
        let created = learning_core::domain::time::parse_moment(&created).unwrap();
        let expected = rules::queue_ms(&created, Some(case.offsets[k]), received);
        prop_assert_eq!(queue, Some(expected), "{}", uuid);
    }
    // A cancel applies once: what it gives up is cancelled by one cancel, and a sign-up
    // whose cancel came first never holds a place.
    let cancelled: Vec<(String, Option<String>)> = conn
        .prepare("SELECT uuid, cancelled_by FROM signups WHERE status = 'cancelled'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (uuid, by) in cancelled {
        let by = by.expect("cancelled by a cancel");
        let target: String = conn
            .query_row("SELECT target FROM cancels WHERE uuid = ?1", [&by], |r| {
                r.get(0)
            })
            .unwrap();
        prop_assert_eq!(target, uuid);
    }
    let alive_after_cancel: i64 = conn
        .query_row(
            "SELECT count(*) FROM signups s JOIN cancels c ON c.target = s.uuid
             WHERE c.status = 'cancelled' AND s.status IN ('confirmed', 'waitlisted')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    prop_assert_eq!(alive_after_cancel, 0, "a cancelled place is alive");
    // Attendance counts once a card and session.
    let twice: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT card, activity FROM attendance
             WHERE status = 'checked_in' GROUP BY card, activity, date HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    prop_assert_eq!(twice, 0);
    Ok(())
}

/// The same 300 cases every run (a seeded generator): a failure is found again.
#[test]
fn any_interleaving_keeps_every_promise() {
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 300,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[12; 32]),
    );
    runner.run(&case(), |c| run(&c)).unwrap();
}

/// Written out: the first in line moves up when a seat frees, once; the card's next look-up
/// says so once; after the list stops, a freed seat goes to the next sign-up instead.
#[test]
fn a_freed_seat_goes_to_the_first_in_line_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("hub.sqlite")).unwrap();
    store.pin_clock(hub_clock(false));
    let catalogue = dir.path().join("catalogue.json");
    std::fs::write(&catalogue, CATALOGUE).unwrap();
    store.import(&catalogue).unwrap();
    store.set_kiosk_token("k0", "t").unwrap();
    let from = Arrival {
        kiosk: "k0".into(),
        clock_offset_ms: Some(0),
    };
    let place = |n: u8, minutes: i64| SignupItem {
        uuid: format!("00000000-0000-4000-8000-{n:012}"),
        kind: Kind::Signup,
        target: None,
        card: card(n),
        activity: "a".into(),
        date: DATE.into(),
        created_at: at(minutes, 0),
    };
    let answers = store
        .answer_batch(&from, &[place(1, 0), place(2, 1), place(3, 3), place(4, 2)])
        .unwrap()
        .answers;
    let statuses: Vec<AnswerStatus> = answers.iter().map(|a| a.status).collect();
    // 3 waits; 4, taken before 3 but arriving after, waits ahead of it past the list's length.
    assert_eq!(
        statuses,
        [
            AnswerStatus::Confirmed,
            AnswerStatus::Confirmed,
            AnswerStatus::Waitlisted,
            AnswerStatus::Waitlisted
        ]
    );
    // Each told its place when answered; 4 is now first, 3 second.
    assert_eq!((answers[2].place, answers[3].place), (Some(1), Some(1)));
    let line = |n: u8| store.card(&from, &card(n)).unwrap().places[0].place;
    assert_eq!((line(4), line(3)), (Some(1), Some(2)));
    let cancel = SignupItem {
        uuid: "00000000-0000-4000-8000-000000000100".into(),
        kind: Kind::Cancel,
        target: Some(place(1, 0).uuid),
        ..place(1, 10)
    };
    let again = SignupItem {
        uuid: "00000000-0000-4000-8000-000000000101".into(),
        ..cancel.clone()
    };
    let answers = store.answer_batch(&from, &[cancel, again]).unwrap().answers;
    assert!(answers.iter().all(|a| a.status == AnswerStatus::Cancelled));
    let looked = store.card(&from, &card(4)).unwrap();
    assert_eq!(looked.places.len(), 1);
    assert_eq!(looked.places[0].status, AnswerStatus::Confirmed);
    assert!(looked.places[0].promoted, "told at the next look-up");
    assert!(
        !store.card(&from, &card(4)).unwrap().places[0].promoted,
        "once"
    );
    let three = store.card(&from, &card(3)).unwrap();
    assert_eq!(
        (three.places[0].status, three.places[0].place),
        (AnswerStatus::Waitlisted, Some(1))
    );

    // After the list stops moving, a freed seat is anyone's.
    store.pin_clock(hub_clock(true));
    let cancel_two = SignupItem {
        uuid: "00000000-0000-4000-8000-000000000102".into(),
        kind: Kind::Cancel,
        target: Some(place(2, 1).uuid),
        ..place(2, 10)
    };
    store.answer_batch(&from, &[cancel_two]).unwrap();
    let three = store.card(&from, &card(3)).unwrap();
    assert_eq!(
        three.places[0].status,
        AnswerStatus::Waitlisted,
        "the list stopped"
    );
    let walk_in = store.answer_batch(&from, &[place(9, 200)]).unwrap().answers;
    assert_eq!(walk_in[0].status, AnswerStatus::Confirmed);
}
