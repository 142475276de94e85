//! What one feed page costs the kiosk, against the size of the catalogue: a page of 200 new
//! seat counts, and a page of 200 changed activities, each stored in a real cache file and
//! applied in place to the catalogue in use, at 10,000 and 100,000 activities. Baseline in the
//! same run: loading the whole cache again (what every change cost before). Also what a frame
//! pays to read the texts of one page of the nearby list from the file.
//!
//! `cargo bench --bench cache` prints a Markdown table (median of 15 runs each).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

mod common;

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use learning_kiosk::cache::{CatalogueCache, load_cached};
use learning_kiosk::catalogue::Catalogue;
use learning_wire::{FeedItem, FeedPage, Seats};
use serde_json::Value;

const RUNS: usize = 15;
const PAGE: usize = 200;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Stores `page` and applies its changes to `in_use`; milliseconds.
fn apply(cache: &mut CatalogueCache, in_use: &mut Catalogue, page: &FeedPage) -> f64 {
    let start = Instant::now();
    let applied = cache.apply_page(page, None).unwrap();
    for change in applied.changes {
        in_use.apply(change).unwrap();
    }
    start.elapsed().as_secs_f64() * 1000.0
}

fn measure(dir: &Path, activities: usize) -> (f64, f64, f64, f64) {
    let doc: Value =
        serde_json::from_str(&common::catalogue_json(activities / 20, activities, 42)).unwrap();
    let path = dir.join(format!("cache-{activities}.sqlite"));
    let mut cache = CatalogueCache::open(&path).unwrap();
    let mut items: Vec<FeedItem> = doc["venues"]
        .as_array()
        .unwrap()
        .iter()
        .cloned()
        .map(FeedItem::Venue)
        .collect();
    items.extend(
        doc["activities"]
            .as_array()
            .unwrap()
            .iter()
            .cloned()
            .map(FeedItem::Activity),
    );
    for chunk in items.chunks(5_000) {
        cache
            .apply_page(
                &FeedPage {
                    items: chunk.to_vec(),
                    next: 1,
                },
                None,
            )
            .unwrap();
    }
    cache
        .apply_page(
            &FeedPage {
                items: Vec::new(),
                next: 1,
            },
            None,
        )
        .unwrap();
    let mut in_use = load_cached(&path).unwrap().unwrap();
    let acts = doc["activities"].as_array().unwrap();

    let mut seats = Vec::new();
    let mut changed = Vec::new();
    let mut loads = Vec::new();
    for run in 0..RUNS {
        let page = FeedPage {
            items: (0..PAGE)
                .map(|i| {
                    FeedItem::Seats(Seats {
                        activity: format!("a{}", (run * PAGE + i) * 37 % activities),
                        date: "2026-11-25".into(),
                        taken: (run + i) as u32 % 9,
                        waiting: 0,
                    })
                })
                .collect(),
            next: 2,
        };
        seats.push(apply(&mut cache, &mut in_use, &page));
        let page = FeedPage {
            items: (0..PAGE)
                .map(|i| {
                    let mut a = acts[(run * PAGE + i) * 53 % activities].clone();
                    a["capacity"] = (10 + run).into();
                    FeedItem::Activity(a)
                })
                .collect(),
            next: 3,
        };
        changed.push(apply(&mut cache, &mut in_use, &page));
        let start = Instant::now();
        let loaded = load_cached(&path).unwrap().unwrap();
        loads.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(loaded.activity_count(), in_use.activity_count());
    }
    // What a frame pays when a page of the nearby list (15 rows) is not yet in the texts'
    // cache: 15 reads from the file, on the render path.
    let reads: Vec<f64> = (0..RUNS)
        .map(|run| {
            let start = Instant::now();
            for i in 0..15 {
                let id = ((run * 15 + i) * 7_919 % in_use.activities.len()) as u32;
                std::hint::black_box(in_use.texts(id));
            }
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (median(seats), median(changed), median(loads), median(reads))
}

fn main() {
    let dir = tempfile::tempdir_in(env!("CARGO_MANIFEST_DIR")).unwrap();
    let rows: Vec<(usize, (f64, f64, f64, f64))> = [10_000, 100_000]
        .into_iter()
        .map(|n| (n, measure(dir.path(), n)))
        .collect();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "| activities | a page of {PAGE} seat counts (ms) | a page of {PAGE} changed activities (ms) | baseline: loading the whole cache (ms) | 15 activity texts read from the file (ms) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for (n, (seats, changed, load, reads)) in rows {
        let _ = writeln!(
            out,
            "| {n} | {seats:.2} | {changed:.2} | {load:.1} | {reads:.3} |"
        );
    }
}
