//! Random and near-miss batches against a real hub: whatever arrives, the hub answers (never a
//! 5xx, never a dropped connection), stays up, and stores only canonical rows.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use common::{Setup, card};
use learning_kiosk::domain::card::CardNumber;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};

/// Posts `body` as a batch; the answer's status.
fn post(addr: SocketAddr, token: &str, body: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST /v1/signups HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no answer to {:?}: {text:?}", String::from_utf8_lossy(body)))
}

/// Any JSON at all.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![Just("signups".to_string()), ".{0,8}".prop_map(|s| s)],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A sign-up whose every field may be right, nearly right or wrong.
fn near_miss_signup() -> impl Strategy<Value = Value> {
    let good = card(7);
    // The right form is the likeliest, so that some whole sign-ups are right and kept.
    let cards = prop_oneof![
        6 => Just(json!(good.clone())),
        1 => Just(json!(format!(
            "{} {} {} {}",
            &good[..4],
            &good[4..8],
            &good[8..12],
            &good[12..]
        ))),
        1 => Just(json!(format!("{}-{}", &good[..8], &good[8..]))),
        1 => Just(json!(&good[..15])),
        1 => Just(json!(format!("{}0", &good[..15]))),
        1 => Just(json!("１１０１０８０００００００００１６")),
        1 => Just(json!(1101080000000016u64)),
        1 => "[0-9 -]{0,20}".prop_map(Value::String),
    ];
    let dates = prop_oneof![
        4 => Just(json!("2026-11-24")),
        1 => Just(json!("2026-11-7")),
        1 => Just(json!("2026-02-30")),
        1 => Just(json!("24/11/2026")),
        1 => Just(json!(" 2026-11-24")),
        1 => Just(json!(20261124)),
    ];
    let times = prop_oneof![
        3 => Just(json!("2026-11-23T09:00:00+08:00")),
        3 => Just(json!("2026-11-23T01:00:00Z")),
        1 => Just(json!("2026-11-23 09:00:00+08:00")),
        1 => Just(json!("2026-11-23t09:00:00+08:00")),
        1 => Just(json!("2026-11-23T01:00:00z")),
        1 => Just(json!("2026-11-22T23:59:60+08:00")),
        1 => Just(json!("2026-11-23 09:00")),
        1 => Just(json!("yesterday")),
        1 => Just(json!("")),
        1 => Just(Value::Null),
    ];
    let uuids = prop_oneof![
        6 => any::<u128>().prop_map(|n| json!(uuid::Uuid::from_u128(n).to_string())),
        1 => Just(json!("00000000-0000-4000-8000-000000000001")),
        1 => Just(json!("00000000-0000-4000-8000-00000000000A")),
        1 => Just(json!("{00000000-0000-4000-8000-000000000002}")),
        1 => Just(json!("urn:uuid:00000000-0000-4000-8000-000000000003")),
        1 => Just(json!("00000000000040008000000000000004")),
        1 => "[0-9a-f-]{0,36}".prop_map(Value::String),
        1 => Just(json!(7)),
    ];
    let activities = prop_oneof![
        Just(json!("big")),
        Just(json!("seats")),
        Just(json!("nope"))
    ];
    (uuids, cards, activities, dates, times, any::<u8>()).prop_map(|(u, c, a, d, t, drop)| {
        let mut item = json!({"uuid": u, "card": c, "activity": a, "date": d, "created_at": t});
        // Now and then a field is missing, or one more is there.
        match drop % 8 {
            0 => {
                item.as_object_mut().unwrap().remove("card");
            }
            1 => {
                item["extra"] = json!("x");
            }
            _ => {}
        }
        item
    })
}

fn bodies() -> impl Strategy<Value = Vec<u8>> {
    let batch = |items: Vec<Value>| json!({"signups": items}).to_string().into_bytes();
    prop_oneof![
        any_json().prop_map(|v| v.to_string().into_bytes()),
        // One field of the wrong type refuses a whole batch: single sign-ups reach the
        // judging (and the store) more often.
        prop::collection::vec(near_miss_signup(), 1..2).prop_map(batch),
        prop::collection::vec(near_miss_signup(), 0..6).prop_map(batch),
        prop::collection::vec(any::<u8>(), 0..64),
    ]
}

#[test]
fn whatever_a_batch_holds_the_hub_answers_and_stores_only_canonical_rows() {
    let s = Setup::small();
    // The same 300 cases every run (a test that fails now and then teaches nothing).
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 300,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    runner
        .run(&bodies(), |body| {
            let status = post(s.hub.addr, &s.token, &body);
            prop_assert!(
                matches!(status, 200 | 400 | 413),
                "answered {} to {:?}",
                status,
                String::from_utf8_lossy(&body)
            );
            Ok(())
        })
        .unwrap();
    // Still up, and every row it kept is in canonical form.
    assert_eq!(post(s.hub.addr, &s.token, br#"{"signups":[]}"#), 200);
    let rows = common::exported(&s.db());
    assert!(
        rows.len() >= 5,
        "some near-miss sign-ups were right and kept: {}",
        rows.len()
    );
    // Refused or not, every kept row is canonical: what is refused for its form is not kept.
    for row in rows {
        let card = row["card"].as_str().unwrap();
        assert!(
            CardNumber::parse(card).is_ok_and(|c| c.digits() == card),
            "{row}"
        );
        let date = row["date"].as_str().unwrap();
        assert!(
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() && date.len() == 10,
            "{row}"
        );
        // One spelling of RFC 3339: upper-case T, seconds below 60, Z or an offset.
        let created = row["created_at"].as_str().unwrap();
        let shape = regex_lite::Regex::new(
            r"^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$",
        )
        .unwrap();
        assert!(
            shape.is_match(created) && chrono::DateTime::parse_from_rfc3339(created).is_ok(),
            "{row}"
        );
        let uuid = row["uuid"].as_str().unwrap();
        assert!(
            uuid::Uuid::parse_str(uuid).is_ok_and(|u| u.hyphenated().to_string() == uuid),
            "{row}"
        );
    }
}
