//! The catalogue the hub delivered, as the kiosk keeps it: a real SQLite cache file filled
//! by feed pages, loaded with its texts left on disk, and kept current in place. What a
//! kiosk shows after applying a page in place must be exactly what it would show after
//! loading the whole cache again.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::path::Path;

use learning_kiosk::cache::{CatalogueCache, load_cached};
use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::nearby::{NearbyQuery, nearby};
use learning_kiosk::domain::geo::LatLon;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::domain::time::parse_moment;
use learning_wire::{FeedItem, FeedPage, Seats};
use serde_json::Value;

fn demo_json() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-catalogue.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn page(items: Vec<FeedItem>, next: u64) -> FeedPage {
    FeedPage { items, next }
}

/// A cache holding the whole demo catalogue, caught up.
fn filled(path: &Path) -> CatalogueCache {
    let demo = demo_json();
    let mut items: Vec<FeedItem> = demo["venues"]
        .as_array()
        .unwrap()
        .iter()
        .cloned()
        .map(FeedItem::Venue)
        .collect();
    items.extend(
        demo["activities"]
            .as_array()
            .unwrap()
            .iter()
            .cloned()
            .map(FeedItem::Activity),
    );
    let mut cache = CatalogueCache::open(path).unwrap();
    cache
        .apply_page(&page(items, 1000), Some("\"1000\""))
        .unwrap();
    cache
        .apply_page(&page(Vec::new(), 1000), Some("\"1000\""))
        .unwrap();
    cache
}

/// Every listed activity as a person could tell it apart: its facts with its venue named,
/// its words, and what the nearby list shows.
fn seen(c: &Catalogue) -> (Vec<String>, Vec<(String, String)>) {
    let mut activities: Vec<String> = c
        .activities
        .iter()
        .enumerate()
        // The listed slot of each id (a withdrawn slot keeps its id but is not listed).
        .filter(|(i, a)| c.activity_by_id(&a.id) == Some(*i as u32))
        .map(|(i, a)| {
            let texts = c.texts(i as u32);
            format!(
                "{} @{} {:?} {:?} {} | {} | {}",
                a.id,
                c.venue(a.venue).id,
                a.booked,
                a.repeat,
                a.capacity,
                texts.title.get(Lang::Zh),
                texts.summary.as_ref().map_or("", |s| s.get(Lang::En))
            )
        })
        .collect();
    activities.sort();
    let query = NearbyQuery {
        at: LatLon::new(39.9065, 116.2230),
        within_km: 50.0,
        now: parse_moment("2026-11-23T09:00:00+08:00").unwrap(),
        days: 14,
        category: None,
        audience: None,
        on: None,
        farming: false,
    };
    let mut near: Vec<(String, String)> = nearby(c, &query)
        .iter()
        .map(|item| {
            (
                c.activity(item.activity).id.to_string(),
                item.session.date.to_string(),
            )
        })
        .collect();
    near.sort();
    (activities, near)
}

#[test]
fn a_page_applied_in_place_shows_what_loading_the_whole_cache_again_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.sqlite");
    let mut cache = filled(&path);
    let mut in_use = load_cached(&path).unwrap().expect("caught up");
    assert!(in_use.is_from_store());
    assert_eq!(in_use.activity_count(), 500);

    let demo = demo_json();
    let acts = demo["activities"].as_array().unwrap();
    let venues = demo["venues"].as_array().unwrap();
    let mut retitled = acts[0].clone();
    retitled["title"] = serde_json::json!({"zh-CN": "新的名字", "en-US": "A new name"});
    retitled["capacity"] = 3.into();
    let mut moved = acts[1].clone();
    moved["venue"] = venues[7]["id"].clone();
    let mut added = acts[2].clone();
    added["id"] = "zz-new-activity".into();
    let mut new_venue = venues[0].clone();
    new_venue["id"] = "aa-new-venue".into();
    let mut at_new_venue = acts[5].clone();
    at_new_venue["id"] = "aaa-at-the-new-venue".into();
    at_new_venue["venue"] = "aa-new-venue".into();
    let gone_venue = venues[9]["id"].as_str().unwrap().to_string();
    let mut items = vec![
        FeedItem::Activity(retitled),
        FeedItem::Activity(moved),
        FeedItem::Activity(added),
        FeedItem::DeletedActivity(acts[3]["id"].as_str().unwrap().into()),
        FeedItem::Seats(Seats {
            activity: acts[4]["id"].as_str().unwrap().into(),
            date: "2026-11-25".into(),
            taken: 7,
            waiting: 0,
        }),
        FeedItem::Venue(new_venue),
        FeedItem::Activity(at_new_venue),
    ];
    // A venue goes, and the hub withdraws its activities with it.
    for a in acts.iter().filter(|a| a["venue"] == gone_venue.as_str()) {
        items.push(FeedItem::DeletedActivity(a["id"].as_str().unwrap().into()));
    }
    items.push(FeedItem::DeletedVenue(gone_venue));

    let applied = cache.apply_page(&page(items, 2000), None).unwrap();
    assert_eq!(applied.set_aside, 0);
    for change in applied.changes {
        in_use.apply(change).unwrap();
    }
    let fresh = load_cached(&path).unwrap().unwrap();
    assert_eq!(in_use.activity_count(), fresh.activity_count());
    assert_eq!(in_use.venue_count(), fresh.venue_count());
    let (ours, near_ours) = seen(&in_use);
    let (theirs, near_theirs) = seen(&fresh);
    assert_eq!(ours, theirs);
    assert!(!near_ours.is_empty());
    assert_eq!(near_ours, near_theirs);
    // The retitled activity's words come from disk, new.
    let id = in_use
        .activity_by_id(acts[0]["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(in_use.texts(id).title.get(Lang::En), "A new name");
    assert!(in_use.activity_by_id("zz-new-activity").is_some());
    assert!(
        in_use
            .activity_by_id(acts[3]["id"].as_str().unwrap())
            .is_none()
    );
}

#[test]
fn an_item_the_kiosk_cannot_read_is_set_aside_and_the_rest_of_the_page_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.sqlite");
    let mut cache = filled(&path);
    let demo = demo_json();
    let mut broken = demo["activities"][0].clone();
    broken["capacity"] = "many".into();
    let mut fine = demo["activities"][1].clone();
    fine["capacity"] = 99.into();
    let items = vec![
        FeedItem::Activity(broken),
        FeedItem::Seats(Seats {
            activity: "x".into(),
            date: "2026-12-7".into(),
            taken: 1,
            waiting: 0,
        }),
        FeedItem::Activity(fine),
    ];
    let applied = cache.apply_page(&page(items, 2000), None).unwrap();
    assert_eq!(applied.set_aside, 2);
    assert_eq!(applied.changes.len(), 1);
    let c = load_cached(&path).unwrap().unwrap();
    let id = c
        .activity_by_id(demo["activities"][1]["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(c.activity(id).capacity, 99);
    // The broken one keeps what the kiosk had.
    assert!(
        c.activity_by_id(demo["activities"][0]["id"].as_str().unwrap())
            .is_some()
    );
}

#[test]
fn a_cache_from_before_the_compact_form_keeps_its_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.sqlite");
    {
        // The earlier layout: every object as JSON.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE objects (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, key));
             CREATE TABLE seats (activity TEXT NOT NULL, date TEXT NOT NULL, taken INTEGER NOT NULL, PRIMARY KEY (activity, date));
             CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('cursor', '1000'), ('complete', '1'), ('generation', '3');",
        )
        .unwrap();
        let demo = demo_json();
        for (kind, list) in [("venue", "venues"), ("activity", "activities")] {
            for item in demo[list].as_array().unwrap() {
                conn.execute(
                    "INSERT INTO objects VALUES (?1, ?2, ?3)",
                    rusqlite::params![kind, item["id"].as_str().unwrap(), item.to_string()],
                )
                .unwrap();
            }
        }
    }
    let c = load_cached(&path).unwrap().expect("still whole");
    assert_eq!(c.activity_count(), 500);
    assert_eq!(
        CatalogueCache::open(&path).unwrap().state().unwrap().cursor,
        1000
    );
    let demo = learning_kiosk::catalogue::demo::demo_catalogue().unwrap();
    assert_eq!(seen(&c), seen(&demo));
}

#[test]
fn a_venue_withdrawn_and_listed_again_is_one_venue_with_its_activities() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.sqlite");
    let mut cache = filled(&path);
    let mut in_use = load_cached(&path).unwrap().unwrap();
    let demo = demo_json();
    let venue = demo["venues"][3].clone();
    let id = venue["id"].as_str().unwrap().to_string();
    let acts: Vec<Value> = demo["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["venue"] == id.as_str())
        .cloned()
        .collect();
    assert!(!acts.is_empty());
    let mut gone: Vec<FeedItem> = acts
        .iter()
        .map(|a| FeedItem::DeletedActivity(a["id"].as_str().unwrap().into()))
        .collect();
    gone.push(FeedItem::DeletedVenue(id.clone()));
    let mut back = vec![FeedItem::Venue(venue.clone()), FeedItem::Venue(venue)];
    back.extend(acts.iter().cloned().map(FeedItem::Activity));
    for (items, next) in [(gone, 2000), (back, 3000)] {
        for change in cache.apply_page(&page(items, next), None).unwrap().changes {
            in_use.apply(change).unwrap();
        }
    }
    let fresh = load_cached(&path).unwrap().unwrap();
    assert_eq!(in_use.venue_count(), fresh.venue_count());
    assert_eq!(seen(&in_use), seen(&fresh));
    let listed = (0..in_use.venues.len() as u32)
        .filter(|v| in_use.is_listed_venue(*v) && *in_use.venue(*v).id == *id)
        .count();
    assert_eq!(
        listed, 1,
        "listed once, not once for each time it came back"
    );
}
