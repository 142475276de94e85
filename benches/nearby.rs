//! The nearby query over 5,000 venues and 100,000 activities (target: under 5 ms), against
//! a naive scan of every activity in the same run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::load::load_str;
use learning_kiosk::catalogue::nearby::{NearbyItem, NearbyQuery, nearby, soonest_then_nearest};
use learning_kiosk::domain::geo::LatLon;
use learning_kiosk::domain::time::{local_date, parse_moment};
use std::hint::black_box;

/// Every activity, its venue's distance, every session in the window: no index at all.
fn naive(catalogue: &Catalogue, q: &NearbyQuery) -> Vec<NearbyItem> {
    let end = q.now + chrono::Duration::days(i64::from(q.days));
    let mut items = Vec::new();
    for (i, activity) in catalogue.activities.iter().enumerate() {
        let venue = catalogue.venue(activity.venue);
        let distance_km = q.at.distance_km(venue.position);
        if distance_km > q.within_km {
            continue;
        }
        for session in activity.sessions_between(local_date(&q.now), local_date(&end)) {
            if session.start > q.now && session.start <= end {
                items.push(NearbyItem {
                    activity: i as u32,
                    venue: activity.venue,
                    session,
                    distance_km,
                });
            }
        }
    }
    items.sort_by(soonest_then_nearest);
    items
}

fn bench(c: &mut Criterion) {
    let json = common::catalogue_json(5_000, 100_000, 42);
    let catalogue = load_str(&json, "generated").expect("the generated catalogue loads");
    drop(json);
    let query = NearbyQuery {
        // The demo kiosk in Wangjing: downtown, where the most venues are near.
        at: LatLon::new(39.9965, 116.4705),
        within_km: 5.0,
        now: parse_moment("2026-11-23T09:00:00+08:00").unwrap(),
        days: 7,
        category: None,
        audience: None,
        on: None,
        farming: false,
    };
    let fast = nearby(&catalogue, &query);
    let slow = naive(&catalogue, &query);
    assert_eq!(
        fast, slow,
        "the index must find exactly what the scan finds"
    );
    println!(
        "nearby: {} sessions at {} venues within 5 km",
        fast.len(),
        learning_kiosk::catalogue::nearby::venues_within(&catalogue, query.at, 5.0).len()
    );

    let mut group = c.benchmark_group("nearby 5k venues 100k activities");
    group.bench_function("spatial index", |b| {
        b.iter(|| nearby(black_box(&catalogue), black_box(&query)))
    });
    group.bench_function("naive scan (baseline)", |b| {
        b.iter(|| naive(black_box(&catalogue), black_box(&query)))
    });
    let filtered = NearbyQuery {
        category: Some(learning_kiosk::catalogue::Category::Farming),
        ..query.clone()
    };
    group.bench_function("spatial index, one category", |b| {
        b.iter(|| nearby(black_box(&catalogue), black_box(&filtered)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
