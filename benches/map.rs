//! The learning map: the nearest 10 venues among 10,000 with the spatial index against a
//! linear scan; a map frame at 160x48 with all 16 districts and 1,000 venues (target under
//! 5 ms) against the same frame without venues and the plain welcome screen.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

mod common;

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use learning_kiosk::app::{Clock, Key, Msg, State, update};
use learning_kiosk::catalogue::load::load_str;
use learning_kiosk::catalogue::nearby::nearest_venues;
use learning_kiosk::catalogue::{Catalogue, VenueId};
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::geo::LatLon;
use learning_kiosk::domain::time::parse_moment;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Every venue's distance, then the ten smallest: no index.
fn linear_nearest(catalogue: &Catalogue, at: LatLon, n: usize) -> Vec<(VenueId, f64)> {
    let mut all: Vec<(VenueId, f64)> = catalogue
        .venues
        .iter()
        .enumerate()
        .map(|(i, v)| (i as VenueId, at.distance_km(v.position)))
        .collect();
    let n = n.min(all.len());
    if n > 0 && n < all.len() {
        all.select_nth_unstable_by(n - 1, |a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    }
    all.truncate(n);
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    all
}

/// The map screen at the whole-city zoom, 160x48, over a catalogue.
fn city_map(catalogue: Catalogue) -> State {
    let now = parse_moment("2026-11-23T09:00:00+08:00").unwrap();
    let mut s = State::new(
        Arc::new(demo_site().unwrap()),
        Arc::new(catalogue),
        Clock { now, mono_ms: 0 },
    );
    update(&mut s, Msg::Resize(160, 48));
    update(&mut s, Msg::Key(Key::F(4)));
    while s.visit.map.zoom > 0 {
        update(&mut s, Msg::Key(Key::Char('-')));
    }
    s
}

fn draw(state: &State, buf: &mut Buffer) {
    buf.reset();
    black_box(learning_kiosk::ui::render(state, buf).hits);
}

fn bench(c: &mut Criterion) {
    // The nearest ten among 10,000 venues.
    let big = load_str(&common::catalogue_json(10_000, 10_000, 7), "10k venues").unwrap();
    let points = [
        LatLon::new(39.9965, 116.4705), // downtown
        LatLon::new(40.4330, 116.8160), // Miyun, rural
        LatLon::new(39.75, 115.70),     // the western hills
    ];
    for at in points {
        assert_eq!(
            nearest_venues(&big, at, 10),
            linear_nearest(&big, at, 10),
            "the index must agree with the scan"
        );
    }
    let mut group = c.benchmark_group("nearest 10 of 10,000 venues");
    group.bench_function("spatial index", |b| {
        b.iter(|| points.map(|at| nearest_venues(black_box(&big), at, 10)))
    });
    group.bench_function("linear scan (baseline)", |b| {
        b.iter(|| points.map(|at| linear_nearest(black_box(&big), at, 10)))
    });
    group.finish();

    // A map frame at 160x48 with all 16 districts and 1,000 venues.
    let area = Rect::new(0, 0, 160, 48);
    let mut buf = Buffer::empty(area);
    let with_venues =
        city_map(load_str(&common::catalogue_json(1_000, 3_000, 11), "1k venues").unwrap());
    let without = city_map(load_str(&common::catalogue_json(0, 0, 11), "no venues").unwrap());
    let mut neighbourhood =
        city_map(load_str(&common::catalogue_json(1_000, 3_000, 11), "1k venues").unwrap());
    update(&mut neighbourhood, Msg::Key(Key::Char('0')));
    while !neighbourhood.visit.map.is_closest() {
        update(&mut neighbourhood, Msg::Key(Key::Char('+')));
    }
    let mut welcome = city_map(load_str(&common::catalogue_json(0, 0, 11), "none").unwrap());
    update(&mut welcome, Msg::Key(Key::Home));

    let mut group = c.benchmark_group("map frame 160x48");
    group.bench_function("whole city, 16 districts, 1,000 venues", |b| {
        b.iter(|| draw(&with_venues, &mut buf))
    });
    group.bench_function("neighbourhood, 1,000 venues in the catalogue", |b| {
        b.iter(|| draw(&neighbourhood, &mut buf))
    });
    group.bench_function("whole city, no venues (baseline)", |b| {
        b.iter(|| draw(&without, &mut buf))
    });
    group.bench_function("welcome screen (baseline)", |b| {
        b.iter(|| draw(&welcome, &mut buf))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
