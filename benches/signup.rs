//! A durable sign-up (target: under 20 ms): the rules, one SQLite transaction in WAL mode with
//! synchronous=FULL, on a real file. Baseline in the same run: the same with synchronous=OFF,
//! which is what durability costs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use learning_kiosk::catalogue::load::load_str;
use learning_kiosk::domain::card::{CardNumber, luhn_check_digit};
use learning_kiosk::domain::time::parse_moment;
use learning_kiosk::outbox::Outbox;
use learning_kiosk::signup::sign_up;

const CATALOGUE: &str = r#"{"format":"learning-catalogue/1","generated_at":"2026-11-22T08:00:00+08:00",
 "venues":[{"id":"v","name":{"zh-CN":"中心"},"kind":"library","district":"110105","address":{"zh-CN":"路"},"lat":39.99,"lon":116.47}],
 "activities":[{"id":"big","venue":"v","title":{"zh-CN":"讲座"},"category":"science","capacity":100000000,
   "repeat":{"days":["mon"],"start_time":"10:00","end_time":"11:00","from":"2026-01-01","until":"2030-12-31"}}]}"#;

fn card(serial: u64) -> CardNumber {
    let first = format!("110105{serial:09}");
    CardNumber::parse(&format!("{first}{}", luhn_check_digit(&first).unwrap())).unwrap()
}

fn bench(c: &mut Criterion) {
    let catalogue = load_str(CATALOGUE, "bench").unwrap();
    let now = parse_moment("2026-11-23T09:00:00+08:00").unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let dir = tempfile::Builder::new()
        .prefix("signup-bench")
        .tempdir_in(".")
        .unwrap();

    let mut group = c.benchmark_group("durable sign-up");
    for (name, sync) in [
        ("synchronous=FULL (the kiosk)", "FULL"),
        ("synchronous=OFF (baseline)", "OFF"),
    ] {
        let (mut outbox, _) = Outbox::open(&dir.path().join(format!("{sync}.sqlite"))).unwrap();
        outbox.set_synchronous_for_benchmark(sync);
        let mut serial = 0u64;
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    serial += 1;
                    card(serial)
                },
                |card| {
                    black_box(
                        sign_up(
                            &mut outbox,
                            &catalogue,
                            &card,
                            "big",
                            date,
                            &now,
                            learning_kiosk::signup::Ask::Seat,
                        )
                        .unwrap(),
                    )
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();

    // Opening runs SQLite's full integrity check, so a damaged outbox is noticed at start.
    // How much start-up time does that cost with 10,000 sign-ups held?
    let big = dir.path().join("big.sqlite");
    {
        let (mut outbox, _) = Outbox::open(&big).unwrap();
        outbox.set_synchronous_for_benchmark("OFF");
        for serial in 1..=10_000 {
            sign_up(
                &mut outbox,
                &catalogue,
                &card(serial),
                "big",
                date,
                &now,
                learning_kiosk::signup::Ask::Seat,
            )
            .unwrap();
        }
    }
    let mut group = c.benchmark_group("outbox open, 10,000 sign-ups held");
    group.bench_function("open with integrity check", |b| {
        b.iter(|| black_box(Outbox::open(&big).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
