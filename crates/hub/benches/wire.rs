//! What sync costs on the link, against a naive baseline in the same run (one uncompressed
//! JSON POST per sign-up; the whole catalogue downloaded again). Real processes and real
//! bytes: the `learning-hub` binary on loopback, the kiosk's own sync code, and the fault
//! proxy counting every byte each way (headers included) and, for the drain, limiting the
//! link to 56 kbit/s with 300 ms latency.
//!
//! `cargo bench -p learning-hub --bench wire` prints a Markdown table for BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use fault_proxy::Proxy;
use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::nearby::{NearbyQuery, nearby};
use learning_kiosk::config::site::HubSettings;
use learning_kiosk::domain::card::CardNumber;
use learning_kiosk::domain::geo::LatLon;
use learning_kiosk::domain::time::now_beijing;
use learning_kiosk::signup::sign_up;
use learning_kiosk::sync::{Report, Syncer};
use learning_wire::{Kind, SIGNUPS_PATH, SignupBatch, SignupItem};

/// The demo catalogue with every activity twice (a second id, same content): 1,000
/// activities at 133 venues.
fn thousand_activities(dir: &Path) -> std::path::PathBuf {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-catalogue.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(demo).unwrap()).unwrap();
    let activities = doc["activities"].as_array_mut().unwrap();
    let twins: Vec<serde_json::Value> = activities
        .iter()
        .map(|a| {
            let mut twin = a.clone();
            twin["id"] = format!("{}-b", a["id"].as_str().unwrap()).into();
            twin
        })
        .collect();
    activities.extend(twins);
    assert_eq!(activities.len(), 1000);
    let path = dir.join("catalogue-1000.json");
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    path
}

fn syncer(dir: &Path, url: &str, token: &str, batch: usize) -> Syncer {
    std::fs::create_dir_all(dir).unwrap();
    let token_file = dir.join("hub-token");
    std::fs::write(&token_file, token).unwrap();
    let hub = HubSettings {
        url: url.to_string(),
        token_file,
        sync_interval_seconds: 60,
        byte_budget_per_hour: None,
        batch_size: batch,
    };
    Syncer::open(&hub, dir).unwrap()
}

/// Queues `n` sign-ups (distinct cards, sessions soonest first around the demo kiosk).
fn queue(syncer: &mut Syncer, catalogue: &Catalogue, n: usize, first_card: u64) {
    let now = now_beijing();
    let sessions = nearby(
        catalogue,
        &NearbyQuery {
            at: LatLon::new(39.9965, 116.4705),
            within_km: 200.0,
            now,
            days: 21,
            category: None,
            audience: None,
            on: None,
            farming: false,
        },
    );
    let mut made = 0;
    let mut serial = first_card;
    for item in sessions.iter().cycle() {
        if made == n {
            break;
        }
        serial += 1;
        let card = CardNumber::parse(&common::card(serial)).unwrap();
        let id = catalogue.activity(item.activity).id.to_string();
        if sign_up(
            &mut syncer.outbox,
            catalogue,
            &card,
            &id,
            item.session.date,
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .is_ok()
        {
            made += 1;
        }
    }
}

/// A client that neither asks for nor sends compression: the naive uploader's.
fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_zstd()
        .no_gzip()
        .build()
        .unwrap()
}

/// One uncompressed JSON POST of one item: the naive uploader's request.
async fn naive_post(http: &reqwest::Client, url: &str, token: &str, item: SignupItem) {
    let response = http
        .post(format!("{url}{SIGNUPS_PATH}"))
        .bearer_auth(token)
        .json(&SignupBatch {
            signups: vec![item],
        })
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    response.bytes().await.unwrap();
}

/// One uncompressed JSON POST per sign-up, each a fresh UUID: the naive uploader.
async fn naive_uploads(url: &str, token: &str, n: usize, first_card: u64) {
    let http = plain_client();
    for i in 0..n {
        let item = SignupItem {
            kind: Kind::Signup,
            target: None,
            uuid: format!("10000000-0000-4000-8000-{:012}", first_card + i as u64),
            card: common::card(first_card + i as u64),
            activity: "cy-wangjing-clc.smartphone".into(),
            date: "2026-12-01".into(),
            created_at: now_beijing().to_rfc3339(),
        };
        naive_post(&http, url, token, item).await;
    }
}

/// One uncompressed JSON POST per cancel or check-in, each with a fresh UUID: the naive
/// uploader.
async fn naive_items(
    url: &str,
    token: &str,
    like: &[learning_kiosk::outbox::SignupRecord],
    kind: Kind,
) {
    let http = plain_client();
    for (i, r) in like.iter().enumerate() {
        let item = SignupItem {
            uuid: format!(
                "20000000-0000-4000-8000-{:012}",
                i as u64 + kind as u64 * 10_000
            ),
            kind,
            target: (kind == Kind::Cancel).then(|| r.uuid.clone()),
            card: r.card_digits.clone(),
            activity: r.activity_id.clone(),
            date: r.date.to_string(),
            created_at: r.created_at.to_rfc3339(),
        };
        naive_post(&http, url, token, item).await;
    }
}

/// The card look-up without compression.
async fn naive_look_up(url: &str, token: &str, card: &str) {
    let http = plain_client();
    let response = http
        .post(format!("{url}{}", learning_wire::CARD_PATH))
        .bearer_auth(token)
        .json(&learning_wire::CardQuery { card: card.into() })
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    response.bytes().await.unwrap();
}

/// The whole catalogue downloaded again, uncompressed: the naive "sync".
async fn naive_download(url: &str, token: &str) {
    let http = plain_client();
    let mut after = 0;
    loop {
        let page: learning_wire::FeedPage = http
            .get(format!("{url}/v1/feed?after={after}&limit=500"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if page.items.is_empty() {
            break;
        }
        after = page.next;
    }
}

/// Pushes everything waiting (and checks all `n` were answered).
fn push_all(rt: &tokio::runtime::Runtime, k: &mut Syncer, n: usize) {
    let mut report = Report::default();
    rt.block_on(learning_kiosk::sync::push::push(
        k,
        &now_beijing(),
        &mut report,
    ))
    .unwrap();
    assert_eq!(report.answered.values().sum::<usize>(), n);
}

fn total(proxy: &Proxy) -> u64 {
    let (up, down) = proxy.bytes();
    up + down
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    common::import(&db, &thousand_activities(dir.path()));
    let token = common::add_kiosk(&db, "bench");
    let hub = common::Hub::start(&db);
    let proxy = Proxy::start(hub.addr).unwrap();
    let url = proxy.url();
    let mut rows: Vec<(String, String, String)> = Vec::new();

    // First sync of 1,000 activities, and the naive download of it all.
    let mut kiosk = syncer(&dir.path().join("first"), &url, &token, 50);
    proxy.reset_counts();
    let report: Report = rt.block_on(kiosk.sync_once(&now_beijing())).unwrap();
    let first = total(&proxy);
    proxy.reset_counts();
    rt.block_on(naive_download(&url, &token));
    let whole = total(&proxy);
    rows.push((
        "First sync, 1,000 activities (133 venues)".into(),
        format!(
            "{:.1} KB in {} requests ({} changes)",
            first as f64 / 1000.0,
            report.requests,
            report.changes
        ),
        format!("{:.1} KB uncompressed", whole as f64 / 1000.0),
    ));

    // A caught-up sync.
    let catalogue = learning_kiosk::cache::load_cached(&dir.path().join("first/catalogue.sqlite"))
        .unwrap()
        .unwrap();
    proxy.reset_counts();
    let report = rt.block_on(kiosk.sync_once(&now_beijing())).unwrap();
    rows.push((
        "Caught-up sync".into(),
        format!("{} B in {} request", total(&proxy), report.requests),
        format!("{:.1} KB (everything again)", whole as f64 / 1000.0),
    ));

    // Bytes per sign-up, both directions, by batch size.
    const N: usize = 200;
    let mut fifty = None;
    for (i, batch) in [1usize, 20, 50].into_iter().enumerate() {
        let mut k = syncer(
            &dir.path().join(format!("batch-{batch}")),
            &url,
            &token,
            batch,
        );
        rt.block_on(k.sync_once(&now_beijing())).unwrap();
        let first_card = 100_000 * (i as u64 + 1);
        queue(&mut k, &catalogue, N, first_card);
        proxy.reset_counts();
        push_all(&rt, &mut k, N);
        let ours = total(&proxy) as f64 / N as f64;
        proxy.reset_counts();
        rt.block_on(naive_uploads(&url, &token, N, first_card + 50_000));
        let naive = total(&proxy) as f64 / N as f64;
        rows.push((
            format!("Bytes per sign-up, batches of {batch} ({N} sign-ups)"),
            format!("{ours:.0} B"),
            format!("{naive:.0} B"),
        ));
        if batch == 50 {
            fifty = Some(k);
        }
    }

    // Bytes per cancel and per check-in, both directions, batches of 50, against one
    // uncompressed JSON POST each.
    let mut k = fifty.expect("the batch-50 kiosk");
    let places = k.outbox.all().unwrap();
    assert_eq!(places.len(), N);
    let now = now_beijing();
    for place in &places {
        let of = learning_kiosk::outbox::CancelOf {
            uuid: place.uuid.clone(),
            card: CardNumber::parse(&place.card_digits).unwrap(),
            activity_id: place.activity_id.clone(),
            date: place.date,
        };
        k.outbox.save_cancel(&of, &now).unwrap();
    }
    proxy.reset_counts();
    push_all(&rt, &mut k, N);
    let ours = total(&proxy) as f64 / N as f64;
    proxy.reset_counts();
    rt.block_on(naive_items(&url, &token, &places, Kind::Cancel));
    let naive = total(&proxy) as f64 / N as f64;
    rows.push((
        format!("Bytes per cancel, batches of 50 ({N} cancels)"),
        format!("{ours:.0} B"),
        format!("{naive:.0} B"),
    ));
    // Check-ins at the first session's door, ten minutes before it starts (the hub judges
    // the window by the kiosk's time).
    let (activity, session) = {
        let place = &places[0];
        let id = catalogue.activity_by_id(&place.activity_id).unwrap();
        let learning_kiosk::catalogue::SessionLookup::Meets(session) =
            catalogue.activity(id).session_on(place.date)
        else {
            panic!("no session");
        };
        (place.activity_id.clone(), session)
    };
    let at_the_door = session.start - chrono::Duration::minutes(10);
    for n in 0..N as u64 {
        let card = CardNumber::parse(&common::card(700_000 + n)).unwrap();
        k.outbox
            .save_checkin(&card, &activity, session.date, &at_the_door)
            .unwrap();
    }
    proxy.reset_counts();
    push_all(&rt, &mut k, N);
    let ours = total(&proxy) as f64 / N as f64;
    let checkins: Vec<_> = k
        .outbox
        .all()
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == Kind::Checkin)
        .collect();
    proxy.reset_counts();
    rt.block_on(naive_items(&url, &token, &checkins, Kind::Checkin));
    let naive = total(&proxy) as f64 / N as f64;
    rows.push((
        format!("Bytes per check-in, batches of 50 ({N} check-ins)"),
        format!("{ours:.0} B"),
        format!("{naive:.0} B"),
    ));

    // The card look-up on a caught-up link: a card with three places in the district.
    let holder = CardNumber::parse(&common::card(650_000)).unwrap();
    for place in places.iter().skip(10).step_by(40).take(3) {
        sign_up(
            &mut k.outbox,
            &catalogue,
            &holder,
            &place.activity_id,
            place.date,
            &now,
            learning_kiosk::signup::Ask::Seat,
        )
        .unwrap();
    }
    rt.block_on(k.sync_once(&now_beijing())).unwrap();
    proxy.reset_counts();
    k.client.reset_counts();
    let answer = rt.block_on(k.client.card(holder.digits())).unwrap();
    assert_eq!(answer.places.len(), 3);
    let (requests, _, _) = k.client.counts();
    let look_up = total(&proxy);
    proxy.reset_counts();
    rt.block_on(naive_look_up(&url, &token, holder.digits()));
    rows.push((
        "Card look-up on a caught-up link (3 places and the record)".into(),
        format!("{look_up} B in {requests} request"),
        format!("{} B uncompressed", total(&proxy)),
    ));

    // Draining 1,000 queued sign-ups over 56 kbit/s with 300 ms latency.
    proxy.set(|f| {
        f.bytes_per_sec = Some(56_000 / 8);
        f.latency = Duration::from_millis(300);
    });
    let mut k = syncer(&dir.path().join("drain"), &url, &token, 50);
    rt.block_on(k.sync_once(&now_beijing())).unwrap();
    queue(&mut k, &catalogue, 1000, 900_000);
    proxy.reset_counts();
    k.client.reset_counts();
    let started = Instant::now();
    push_all(&rt, &mut k, 1000);
    let drain = started.elapsed();
    let (requests, _, _) = k.client.counts();
    let drain_bytes = total(&proxy);
    const NAIVE_DRAIN: usize = 40;
    let started = Instant::now();
    rt.block_on(naive_uploads(&url, &token, NAIVE_DRAIN, 800_000));
    let naive = started.elapsed().as_secs_f64() / NAIVE_DRAIN as f64;
    rows.push((
        "Drain 1,000 queued sign-ups, 56 kbit/s + 300 ms".into(),
        format!(
            "{:.1} s ({:.1} KB, {} requests)",
            drain.as_secs_f64(),
            drain_bytes as f64 / 1000.0,
            requests
        ),
        format!(
            "{:.2} s a sign-up over {NAIVE_DRAIN} measured: {:.0} s for 1,000",
            naive,
            naive * 1000.0
        ),
    ));

    println!("| What | Learning Kiosk | Naive baseline |");
    println!("|---|---|---|");
    for (what, ours, naive) in rows {
        println!("| {what} | {ours} | {naive} |");
    }
}
