//! The hub's API against the running `learning-hub` binary: tokens, the feed (pages, ETag,
//! expired cursors), sign-up batches (capacity, duplicates, idempotency, refusals) and
//! compression both ways.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{Setup, card};
use learning_wire::{
    AnswerStatus, BatchAnswer, FEED_PATH, FeedItem, FeedPage, InvalidReason, SIGNUPS_PATH,
    SignupBatch, SignupItem,
};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, AUTHORIZATION, CONTENT_ENCODING, ETAG, IF_NONE_MATCH};

/// A client that leaves compression to the test, so what is on the wire can be checked.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_zstd()
        .no_gzip()
        .build()
        .unwrap()
}

fn item(uuid: &str, card: &str, activity: &str, date: &str) -> SignupItem {
    SignupItem {
        kind: learning_wire::Kind::Signup,
        target: None,
        uuid: uuid.into(),
        card: card.into(),
        activity: activity.into(),
        date: date.into(),
        created_at: common::NOW.into(),
    }
}

fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

async fn send(s: &Setup, items: Vec<SignupItem>) -> BatchAnswer {
    let response = client()
        .post(format!("{}{SIGNUPS_PATH}", s.hub.url()))
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .json(&SignupBatch { signups: items })
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn feed(s: &Setup, after: u64, limit: u32) -> reqwest::Response {
    client()
        .get(format!(
            "{}{FEED_PATH}?after={after}&limit={limit}",
            s.hub.url()
        ))
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn no_token_no_entry() {
    let s = Setup::small();
    for token in [None, Some("Bearer not-a-token"), Some("Basic abc")] {
        let mut get = client().get(format!("{}{FEED_PATH}", s.hub.url()));
        let mut post = client()
            .post(format!("{}{SIGNUPS_PATH}", s.hub.url()))
            .body("{\"signups\":[]}");
        if let Some(t) = token {
            get = get.header(AUTHORIZATION, t);
            post = post.header(AUTHORIZATION, t);
        }
        for request in [get, post] {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
            let body: serde_json::Value = response.json().await.unwrap();
            assert_eq!(body["error"], "unauthorized");
        }
    }
    // The hub keeps only a hash of the token.
    let raw = std::fs::read(s.db()).unwrap();
    assert!(
        !raw.windows(s.token.len()).any(|w| w == s.token.as_bytes()),
        "the token itself is not stored"
    );
}

#[tokio::test]
async fn the_feed_pages_through_the_whole_catalogue_then_answers_304() {
    let s = Setup::demo();
    let (mut after, mut venues, mut activities, mut pages) = (0, 0, 0, 0);
    let tag = loop {
        let response = feed(&s, after, 100).await;
        assert_eq!(response.status(), StatusCode::OK);
        let tag = response.headers()[ETAG].to_str().unwrap().to_string();
        let page: FeedPage = response.json().await.unwrap();
        if page.items.is_empty() {
            assert_eq!(page.next, after, "an empty page keeps the cursor");
            break tag;
        }
        assert!(page.items.len() <= 100);
        assert!(page.next > after, "the cursor moves on");
        after = page.next;
        pages += 1;
        for item in page.items {
            match item {
                FeedItem::Venue(_) => venues += 1,
                FeedItem::Activity(_) => activities += 1,
                _ => {}
            }
        }
    };
    assert_eq!((venues, activities), (133, 500));
    assert!(pages >= 7);
    // Caught up: the ETag makes the poll cost nothing.
    let response = client()
        .get(format!("{}{FEED_PATH}?after={after}", s.hub.url()))
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .header(IF_NONE_MATCH, &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert!(response.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn answers_are_compressed_when_asked_and_requests_may_be() {
    let s = Setup::demo();
    let response = client()
        .get(format!("{}{FEED_PATH}?after=0&limit=500", s.hub.url()))
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .header(ACCEPT_ENCODING, "zstd")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[CONTENT_ENCODING], "zstd");
    let raw = response.bytes().await.unwrap();
    let plain = zstd::decode_all(raw.as_ref()).unwrap();
    let page: FeedPage = serde_json::from_slice(&plain).unwrap();
    assert_eq!(page.items.len(), 500);
    assert!(
        raw.len() * 4 < plain.len(),
        "zstd shrinks the page: {} of {}",
        raw.len(),
        plain.len()
    );

    // A zstd request body is read like a plain one.
    let batch = SignupBatch {
        signups: vec![item(
            &uuid(1),
            &card(1),
            "cy-wangjing-clc.smartphone",
            "2026-11-24",
        )],
    };
    let body = zstd::encode_all(serde_json::to_vec(&batch).unwrap().as_slice(), 3).unwrap();
    let response = client()
        .post(format!("{}{SIGNUPS_PATH}", s.hub.url()))
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .header(CONTENT_ENCODING, "zstd")
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let answers: BatchAnswer = response.json().await.unwrap();
    assert_eq!(answers.answers.len(), 1);
}

#[tokio::test]
async fn seats_are_confirmed_up_to_capacity_then_waitlisted_then_full() {
    let s = Setup::small();
    // Four seats; a waiting list of one.
    let items = (1..=7)
        .map(|n| item(&uuid(n), &card(u64::from(n)), "seats", "2026-11-23"))
        .collect();
    let answers = send(&s, items).await.answers;
    let statuses: Vec<AnswerStatus> = answers.iter().map(|a| a.status).collect();
    use AnswerStatus::*;
    assert_eq!(
        statuses,
        [
            Confirmed, Confirmed, Confirmed, Confirmed, Waitlisted, Full, Full
        ]
    );
    // The seats taken go on the feed for every kiosk.
    let page: FeedPage = feed(&s, 0, 500).await.json().await.unwrap();
    let taken = page.items.iter().find_map(|i| match i {
        FeedItem::Seats(seats) if seats.activity == "seats" => Some(seats.taken),
        _ => None,
    });
    assert_eq!(taken, Some(4));
}

#[tokio::test]
async fn the_same_uuid_gets_its_first_answer_forever() {
    let s = Setup::small();
    let first = send(&s, vec![item(&uuid(1), &card(1), "seats", "2026-11-23")]).await;
    assert_eq!(first.answers[0].status, AnswerStatus::Confirmed);
    // Three more sign-ups fill the session; the first UUID sent again still says confirmed.
    let more = (2..=5)
        .map(|n| item(&uuid(n), &card(u64::from(n)), "seats", "2026-11-23"))
        .collect();
    send(&s, more).await;
    for _ in 0..3 {
        let again = send(&s, vec![item(&uuid(1), &card(1), "seats", "2026-11-23")]).await;
        assert_eq!(again, first);
    }
    // The same UUID with another payload is refused, and changes nothing.
    let reused = send(&s, vec![item(&uuid(1), &card(9), "big", "2026-11-24")]).await;
    assert_eq!(reused.answers[0].status, AnswerStatus::Invalid);
    assert_eq!(reused.answers[0].reason, Some(InvalidReason::UuidReused));
    let held = common::exported(&s.db());
    assert_eq!(held.len(), 5, "one row per UUID");
    assert_eq!(held.iter().filter(|r| r["uuid"] == uuid(1)).count(), 1);
    assert_eq!(
        held.iter().find(|r| r["uuid"] == uuid(1)).unwrap()["activity"],
        "seats"
    );
}

#[tokio::test]
async fn a_card_holds_a_session_once() {
    let s = Setup::small();
    let answers = send(
        &s,
        vec![
            item(&uuid(1), &card(1), "big", "2026-11-24"),
            // From another kiosk or a lost receipt: a new UUID for the same card and session.
            item(&uuid(2), &card(1), "big", "2026-11-24"),
        ],
    )
    .await;
    assert_eq!(answers.answers[0].status, AnswerStatus::Confirmed);
    assert_eq!(answers.answers[1].status, AnswerStatus::Duplicate);
    assert_eq!(
        answers.answers[1].existing.as_deref(),
        Some(uuid(1).as_str())
    );
}

#[tokio::test]
async fn every_refusal_names_its_reason() {
    let s = Setup::small();
    let mut late = item(&uuid(6), &card(6), "big", "2026-11-23");
    late.created_at = "2026-11-23T19:30:00+08:00".into();
    let cases = vec![
        (
            item(&uuid(1), &card(1), "nowhere", "2026-11-24"),
            InvalidReason::UnknownActivity,
        ),
        (
            item(&uuid(2), &card(2), "cancelled", "2026-11-24"),
            InvalidReason::Cancelled,
        ),
        (
            item(&uuid(3), &card(3), "seats", "2026-11-24"),
            InvalidReason::NoSession,
        ),
        (
            item(&uuid(4), &card(4), "early", "2026-11-23"),
            InvalidReason::Started,
        ),
        (
            item(&uuid(5), "1101080000000017", "big", "2026-11-24"),
            InvalidReason::BadCard,
        ),
        (late, InvalidReason::Started),
        (
            item(&uuid(7), &card(7), "big", "24/11/2026"),
            InvalidReason::BadDate,
        ),
        (
            item("not-a-uuid", &card(8), "big", "2026-11-24"),
            InvalidReason::BadUuid,
        ),
    ];
    let (items, reasons): (Vec<_>, Vec<_>) = cases.into_iter().unzip();
    let answers = send(&s, items).await.answers;
    assert_eq!(answers.len(), reasons.len(), "one answer per sign-up");
    for (answer, reason) in answers.iter().zip(reasons) {
        assert_eq!(answer.status, AnswerStatus::Invalid);
        assert_eq!(answer.reason, Some(reason));
    }
}

#[tokio::test]
async fn a_batch_that_cannot_be_read_or_is_too_big_is_refused_whole() {
    let s = Setup::small();
    let post = |body: Vec<u8>| {
        client()
            .post(format!("{}{SIGNUPS_PATH}", s.hub.url()))
            .header(AUTHORIZATION, format!("Bearer {}", s.token))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
    };
    let response = post(b"{\"signups\": [{\"uuid\": 1}]}".to_vec())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");

    let too_many = SignupBatch {
        signups: (0..=learning_wire::MAX_BATCH as u32)
            .map(|n| item(&uuid(n), &card(u64::from(n) + 1), "big", "2026-11-24"))
            .collect(),
    };
    let response = post(serde_json::to_vec(&too_many).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        common::exported(&s.db()).is_empty(),
        "nothing of it was kept"
    );
}

#[tokio::test]
async fn an_expired_cursor_is_told_apart() {
    let mut s = Setup::small();
    // Delete an activity (a tombstone), and age the tombstone past the 90 days kept.
    let trimmed = common::small_catalogue("Four seats")
        .replace(r#"{"id": "early""#, r#"{"id": "early-renamed""#);
    let file = s.dir.path().join("trimmed.json");
    std::fs::write(&file, trimmed).unwrap();
    common::import(&s.db(), &file);
    // A kiosk caught up now has the tombstone: it is the newest change.
    let caught_up: FeedPage = feed(&s, 0, 500).await.json().await.unwrap();
    assert!(matches!(caught_up.items.last(), Some(FeedItem::DeletedActivity(id)) if id == "early"));
    s.age_tombstones_and_restart();
    // Its number is never handed out again: the next change reaches the caught-up kiosk.
    std::fs::write(
        &file,
        common::small_catalogue("Four seats, new room")
            .replace(r#"{"id": "early""#, r#"{"id": "early-renamed""#),
    )
    .unwrap();
    common::import(&s.db(), &file);
    let next: FeedPage = feed(&s, caught_up.next, 500).await.json().await.unwrap();
    assert_eq!(next.items.len(), 1, "{next:?}");
    assert!(next.next > caught_up.next);
    let response = feed(&s, 1, 100).await;
    assert_eq!(response.status(), StatusCode::GONE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "cursor_expired");
    // From 0 the whole catalogue is there, without the deleted activity.
    let page: FeedPage = feed(&s, 0, 500).await.json().await.unwrap();
    let ids: Vec<String> = page
        .items
        .iter()
        .filter_map(|i| match i {
            FeedItem::Activity(a) => a["id"].as_str().map(str::to_string),
            _ => None,
        })
        .collect();
    assert!(ids.contains(&"early-renamed".to_string()));
    assert!(!ids.contains(&"early".to_string()));
}

#[test]
fn import_refuses_a_broken_catalogue_whole_naming_the_problems() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        common::small_catalogue("Four seats").replace("\"capacity\": 4", "\"capacity\": -4"),
    )
    .unwrap();
    let out = common::hub(&db, &["import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json"), "{err}");
    assert!(err.contains("capacity"), "{err}");
    let status = common::hub(&db, &["status"]);
    assert!(String::from_utf8_lossy(&status.stdout).contains("0 activities"));
}

#[test]
fn export_masks_cards_for_people_and_keeps_them_for_records() {
    let s = Setup::small();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(send(
        &s,
        vec![item(&uuid(1), &card(1), "big", "2026-11-24")],
    ));
    let text = common::hub(&s.db(), &["export", "signups"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("1101 **** ****"), "{text}");
    assert!(!text.contains(&card(1)));
    assert!(text.contains("confirmed"));
    let json = common::exported(&s.db());
    assert_eq!(json[0]["card"], card(1));
    assert_eq!(json[0]["kiosk"], "k1");
}

#[test]
fn import_refuses_a_catalogue_past_the_formats_size_limit_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let huge = dir.path().join("huge.json");
    // Sparse: 257 MiB long, nothing written.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(257 << 20)
        .unwrap();
    let out = common::hub(&db, &["import", huge.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("huge.json"), "{err}");
    assert!(err.contains("larger than 256 MiB"), "{err}");
    assert!(err.contains("文件超过 256 MiB"), "{err}");
}

#[tokio::test]
async fn the_bearer_scheme_is_read_whatever_its_case() {
    let s = Setup::small();
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let response = client()
            .get(format!("{}{FEED_PATH}", s.hub.url()))
            .header(AUTHORIZATION, format!("{scheme} {}", s.token))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{scheme}");
    }
}

#[test]
fn adding_a_kiosk_that_exists_is_refused_unless_its_token_is_to_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let first = common::add_kiosk(&db, "k1");
    let again = common::hub(&db, &["kiosk", "add", "k1"]);
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("already has a token") && err.contains("--replace"),
        "{err}"
    );
    assert!(err.contains("已经有令牌"), "{err}");
    assert!(again.stdout.is_empty(), "no new token was made");
    let replaced = common::hub(&db, &["kiosk", "add", "k1", "--replace"]);
    assert!(replaced.status.success());
    let token = String::from_utf8_lossy(&replaced.stdout);
    assert!(token.contains("new token"), "{token}");
    let second = token.split_whitespace().last().unwrap();
    assert_ne!(second, first);
}

#[tokio::test]
async fn a_stranger_is_refused_before_the_body_is_read_and_a_damaged_body_is_not_too_large() {
    let s = Setup::small();
    let url = format!("{}{SIGNUPS_PATH}", s.hub.url());
    // A stranger with a body past the limit: 401, not a hint about sizes.
    let big = vec![b' '; 2 << 20];
    let response = client().post(&url).body(big).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A kiosk whose compressed body is damaged (a proxy mangled it): 400, never 413, so the
    // kiosk does not hold its sign-ups as too large.
    let response = client()
        .post(&url)
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .header(CONTENT_ENCODING, "zstd")
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(b"\x28\xb5\x2f\xfd not really zstd".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    // A body really too large still is.
    let response = client()
        .post(&url)
        .header(AUTHORIZATION, format!("Bearer {}", s.token))
        .body(vec![b' '; 2 << 20])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_card_date_time_or_uuid_written_any_other_way_is_invalid_with_its_reason_and_never_kept()
{
    let s = Setup::small();
    let digits = card(20);
    let spaced = digits
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    let dashed = spaced.replace(' ', "-");
    let at = |n: u32, created_at: &str| SignupItem {
        created_at: created_at.into(),
        ..item(&uuid(n), &card(40 + u64::from(n)), "seats", "2026-11-30")
    };
    let with_uuid = |u: &str, n: u64| item(u, &card(60 + n), "seats", "2026-11-30");
    let answers = send(
        &s,
        vec![
            item(&uuid(1), &digits, "seats", "2026-11-30"),
            item(&uuid(2), &spaced, "seats", "2026-11-30"),
            item(&uuid(3), &dashed, "seats", "2026-11-30"),
            item(&uuid(4), &card(21), "seats", "2026-12-7"),
            // RFC 3339 allows these spellings of a time; the hub keeps one.
            at(5, "2026-11-23 09:00:00+08:00"),
            at(6, "2026-11-23t09:00:00+08:00"),
            at(7, "2026-11-23T01:00:00z"),
            at(8, "2026-11-23T09:00:60+08:00"),
            at(9, "yesterday"),
            with_uuid("00000000-0000-4000-8000-00000000000A", 1),
            with_uuid("{00000000-0000-4000-8000-000000000011}", 2),
            with_uuid("urn:uuid:00000000-0000-4000-8000-000000000012", 3),
            with_uuid("00000000000040008000000000000013", 4),
        ],
    )
    .await
    .answers;
    let got: Vec<_> = answers.iter().map(|a| (a.status, a.reason)).collect();
    let invalid = |r| (AnswerStatus::Invalid, Some(r));
    assert_eq!(
        got,
        [
            (AnswerStatus::Confirmed, None),
            invalid(InvalidReason::BadCard),
            invalid(InvalidReason::BadCard),
            invalid(InvalidReason::BadDate),
            invalid(InvalidReason::BadTime),
            invalid(InvalidReason::BadTime),
            invalid(InvalidReason::BadTime),
            invalid(InvalidReason::BadTime),
            invalid(InvalidReason::BadTime),
            invalid(InvalidReason::BadUuid),
            invalid(InvalidReason::BadUuid),
            invalid(InvalidReason::BadUuid),
            invalid(InvalidReason::BadUuid),
        ]
    );
    // Only the canonical session's seats reach the feed (a "2026-12-7" row would break
    // every kiosk's pull).
    let page: serde_json::Value = feed(&s, 0, 500).await.json().await.unwrap();
    let seats: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["seats"]["date"].as_str())
        .collect();
    assert_eq!(seats, ["2026-11-30"]);
    // What was refused for its form is not kept: nothing but canonical rows is stored.
    let rows = common::exported(&s.db());
    let kept: Vec<&str> = rows.iter().map(|r| r["uuid"].as_str().unwrap()).collect();
    assert_eq!(kept, [uuid(1).as_str()]);
    // The same refusal again is the same answer.
    let again = send(&s, vec![item(&uuid(2), &spaced, "seats", "2026-11-30")]).await;
    assert_eq!(again.answers[0].reason, Some(InvalidReason::BadCard));
}

#[test]
fn a_hub_file_holding_old_forms_is_mended_once_and_status_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let file = dir.path().join("catalogue.json");
    std::fs::write(&file, common::small_catalogue("Four seats")).unwrap();
    common::import(&db, &file);
    let spaced = |c: String| {
        c.as_bytes()
            .chunks(4)
            .map(|p| std::str::from_utf8(p).unwrap().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    {
        // What an older hub stored as sent.
        let conn = rusqlite::Connection::open(&db).unwrap();
        // "Four seats" a session. On 7 December the 9th and 10th hold two; the 3rd, 6th and 7th were
        // stored under "2026-12-7", never counted against the real session, and overran it.
        for (uuid, card, date, created) in [
            (uuid(1), card(30), "2026-11-30", common::NOW),
            (uuid(2), spaced(card(30)), "2026-11-30", common::NOW),
            (uuid(3), spaced(card(31)), "2026-12-7", common::NOW),
            (uuid(4), "not a card".to_string(), "2026-11-30", common::NOW),
            (uuid(5), card(32), "2026-11-30", common::NOW),
            (uuid(6), card(33), "2026-12-7", common::NOW),
            (uuid(7), card(34), "2026-12-7", common::NOW),
            (uuid(8), card(35), "2026-11-30", "garbage-time"),
            (uuid(9), card(36), "2026-12-07", common::NOW),
            (uuid(10), card(37), "2026-12-07", common::NOW),
        ] {
            conn.execute(
                "INSERT INTO signups (uuid, fingerprint, kiosk, card, activity, date, created_at,
                 status, reason, existing, received_at)
                 VALUES (?1, 'f', 'k1', ?2, 'seats', ?3, ?4, 'confirmed', NULL, NULL, ?1)",
                rusqlite::params![uuid, card, date, created],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO objects (kind, key, seq, body, changed_at)
             VALUES ('seats', 'seats|2026-12-7', 9999, '{\"activity\":\"seats\",\"date\":\"2026-12-7\",\"taken\":1}', ?1)",
            [common::NOW],
        )
        .unwrap();
        // An older hub never wrote the mark that the file is in canonical form.
        conn.execute("DELETE FROM meta WHERE key = 'canonical_forms'", [])
            .unwrap();
    }
    let status = common::hub(&db, &["status"]);
    let said = String::from_utf8_lossy(&status.stdout);
    assert!(
        said.contains("sign-ups mended from old forms: 3; a second hold of a session: 1; unreadable, set aside: 2; moved off a full session: 1"),
        "{said}"
    );
    let rows = common::exported(&db);
    let by = |uuid: &str| rows.iter().find(|r| r["uuid"] == uuid).cloned();
    let status = |uuid: &str| by(uuid).map(|r| r["status"].as_str().unwrap().to_string());
    assert_eq!(status(&uuid(1)).as_deref(), Some("confirmed"));
    assert_eq!(
        status(&uuid(2)).as_deref(),
        Some("duplicate"),
        "one card, one seat"
    );
    let u3 = by(&uuid(3)).unwrap();
    assert_eq!(u3["card"], card(31).as_str());
    assert_eq!(u3["date"], "2026-12-07");
    // Unreadable rows are set aside, out of the sign-ups: nothing but canonical rows stays.
    assert_eq!(by(&uuid(4)), None);
    assert_eq!(
        by(&uuid(8)),
        None,
        "a time that does not read holds no seat"
    );
    // Four seats on 7 December: the 9th and 10th, then the mended 3rd and 6th; the 7th came last and now
    // waits (the waiting list holds one).
    assert_eq!(status(&uuid(6)).as_deref(), Some("confirmed"));
    assert_eq!(status(&uuid(7)).as_deref(), Some("waitlisted"));
    for row in &rows {
        assert!(
            row["card"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_digit()),
            "{row}"
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let seats = |key: &str| -> Option<String> {
        conn.query_row(
            "SELECT body FROM objects WHERE kind = 'seats' AND key = ?1",
            [key],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(seats("seats|2026-12-7"), None, "withdrawn from the feed");
    assert!(seats("seats|2026-12-07").is_some_and(|b| b.contains("\"taken\":4")));
    assert!(seats("seats|2026-11-30").is_some_and(|b| b.contains("\"taken\":2")));
    let aside: i64 = conn
        .query_row("SELECT count(*) FROM set_aside", [], |r| r.get(0))
        .unwrap();
    assert_eq!(aside, 2, "kept for staff to look at, as they were");
    let shown = common::hub(&db, &["export", "set-aside", "--json"]);
    let shown: Vec<serde_json::Value> = serde_json::from_slice(&shown.stdout).unwrap();
    let whys: Vec<&str> = shown.iter().map(|r| r["why"].as_str().unwrap()).collect();
    assert_eq!(whys, ["unreadable", "unreadable"]);
    assert_eq!(shown[0]["card"], "not a card", "as it was stored");
    // Once: a second run changes nothing and says the same.
    let again = common::hub(&db, &["status"]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), said);
}

/// A failure the system explains (an operating-system error, in English) keeps each
/// sentence whole in its language, with the system's words on a line of their own.
#[test]
fn a_system_failure_is_told_in_both_languages_with_its_detail_on_a_line_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no such folder").join("hub.sqlite");
    let out = common::hub(&missing, &["status"]);
    assert_eq!(out.status.code(), Some(5));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "学习中心的数据库出错了。", "{err}");
    assert_eq!(lines[1], "The hub's database failed.", "{err}");
    assert!(
        lines[2]
            .trim_start()
            .starts_with("系统详情 / System detail: "),
        "{err}"
    );

    let s = Setup::small();
    let taken = s.hub.addr.to_string();
    let out = common::hub(&s.db(), &["serve", "--listen", &taken]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], format!("无法在 {taken} 上接收连接。"), "{err}");
    assert_eq!(lines[1], format!("Cannot listen on {taken}."), "{err}");
    assert!(
        lines[2].contains("System detail: ") && lines[2].contains("in use"),
        "{err}"
    );
}

/// A command that needs a subcommand says so in both languages (clap said it in English
/// only), and an argument that is not UTF-8 is named as such, not as an empty message.
#[test]
fn an_unfinished_or_unreadable_command_line_is_said_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    // Wherever the options stand, the command is named.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_learning-hub"))
        .arg("--db")
        .arg(dir.path().join("hub.sqlite"))
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("命令不完整：export") && err.contains("the command is not finished: export"),
        "{err}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_learning-hub"))
        .args(["kiosk", "add"])
        .arg(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("不是 UTF-8") && err.contains("not UTF-8"),
        "{err}"
    );
}

/// `learning-hub export signups --json > backup.json` on a full disk must not say 0.
#[test]
fn an_export_that_cannot_be_written_is_a_failure() {
    let s = Setup::small();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_learning-hub"))
        .args(["export", "signups", "--json", "--db"])
        .arg(s.db())
        .stdout(full)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

/// Rows the feed does not send (withdrawn seat counts, as mending leaves) are read past, but
/// a page is never empty while changes remain behind them: a kiosk takes an empty page for
/// "caught up", and a rebuild would swap in half a catalogue.
#[tokio::test]
async fn a_run_of_rows_the_feed_does_not_send_never_makes_an_empty_page() {
    let s = Setup::small();
    let first: serde_json::Value = feed(&s, 0, 500).await.json().await.unwrap();
    let last = first["next"].as_u64().unwrap();
    {
        let conn = rusqlite::Connection::open(s.db()).unwrap();
        for n in 1..=12u64 {
            conn.execute(
                "INSERT INTO objects (kind, key, seq, body, changed_at) VALUES ('seats', ?1, ?2, NULL, ?3)",
                rusqlite::params![format!("gone|2026-12-{n:02}"), (last + n) as i64, common::NOW],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO objects (kind, key, seq, body, changed_at) VALUES ('activity', 'late', ?1, NULL, ?2)",
            rusqlite::params![(last + 13) as i64, common::NOW],
        )
        .unwrap();
    }
    let page: serde_json::Value = feed(&s, last, 5).await.json().await.unwrap();
    assert_eq!(
        page["items"],
        serde_json::json!([{"deleted_activity": "late"}]),
        "{page}"
    );
    assert_eq!(page["next"], last + 13);
    let after: serde_json::Value = feed(&s, last + 13, 5).await.json().await.unwrap();
    assert_eq!(after["items"], serde_json::json!([]));
}

/// A file the first mending (an older hub's) already rewrote still held sessions past their
/// seats, since that mending never judged seats again: opening it judges every session, the
/// latest confirmed giving way, and says so.
#[test]
fn a_file_mended_by_the_first_mending_has_its_overrun_sessions_judged_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let file = dir.path().join("catalogue.json");
    std::fs::write(&file, common::small_catalogue("Four seats")).unwrap();
    common::import(&db, &file);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        // Five confirmed on a four-seat session, all canonical already (the first mending
        // rewrote them), and that mending's mark and its one count.
        for n in 1..=5u32 {
            conn.execute(
                "INSERT INTO signups (uuid, fingerprint, kiosk, card, activity, date, created_at,
                 status, reason, existing, received_at)
                 VALUES (?1, 'f', 'k1', ?2, 'seats', '2026-11-30', ?3, 'confirmed', NULL, NULL, ?1)",
                rusqlite::params![uuid(n), card(50 + u64::from(n)), common::NOW],
            )
            .unwrap();
        }
        conn.execute_batch(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('canonical_forms', 1);
             INSERT OR REPLACE INTO meta (key, value) VALUES ('set_aside_signups', 3);",
        )
        .unwrap();
    }
    let said = String::from_utf8_lossy(&common::hub(&db, &["status"]).stdout).into_owned();
    assert!(said.contains("moved off a full session: 1"), "{said}");
    assert!(said.contains("an earlier mending set aside 3"), "{said}");
    let rows = common::exported(&db);
    let status = |n: u32| {
        rows.iter()
            .find(|r| r["uuid"] == uuid(n).as_str())
            .map(|r| r["status"].as_str().unwrap().to_string())
    };
    assert_eq!(
        status(5).as_deref(),
        Some("waitlisted"),
        "the latest gives way"
    );
    assert_eq!(status(4).as_deref(), Some("confirmed"));
    // Once.
    let again = String::from_utf8_lossy(&common::hub(&db, &["status"]).stdout).into_owned();
    assert_eq!(again, said);
}
