//! `openapi.yaml` describes the hub as it runs: every documented answer of both endpoints is
//! provoked on the real hub and its body checked against the document's schema.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::collections::BTreeSet;

use common::{Setup, card};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use serde_json::{Value, json};

fn document() -> Value {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// Checks a live answer against the document: its status is documented for the operation,
/// and its JSON body (if the document gives one) fits the schema.
async fn check(
    doc: &Value,
    seen: &mut BTreeSet<String>,
    path: &str,
    method: &str,
    response: reqwest::Response,
) {
    let status = response.status().as_u16();
    let body = response.bytes().await.unwrap();
    check_parts(doc, seen, path, method, status, &body);
}

/// [`check`] for an answer read off the socket: its status and body.
fn check_parts(
    doc: &Value,
    seen: &mut BTreeSet<String>,
    path: &str,
    method: &str,
    status: u16,
    body: &[u8],
) {
    let status = status.to_string();
    let documented = &doc["paths"][path][method]["responses"][&status];
    assert!(
        !documented.is_null(),
        "{method} {path} answered {status}, which is not documented"
    );
    seen.insert(format!("{method} {path} {status}"));
    let documented = match documented["$ref"].as_str() {
        Some(r) => &doc["components"]["responses"][r.rsplit('/').next().unwrap()],
        None => documented,
    };
    let schema = &documented["content"]["application/json"]["schema"];
    if schema.is_null() {
        assert!(
            body.is_empty(),
            "{method} {path} {status} has a body the document does not give"
        );
        return;
    }
    // The schema, resolved against the whole document (its $refs point into components).
    let mut root = doc.clone();
    root["$ref"] = schema["$ref"].clone();
    let validator = jsonschema::validator_for(&root).unwrap();
    let instance: Value = serde_json::from_slice(body).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{method} {path} {status}: {errors:?}");
}

#[tokio::test]
async fn every_documented_answer_is_what_the_hub_sends() {
    let doc = document();
    let mut s = Setup::small();
    let http = reqwest::Client::new();
    let bearer = format!("Bearer {}", s.token);
    let mut seen = BTreeSet::new();
    let feed = |after: u64, url: &str| format!("{url}/v1/feed?after={after}&limit=500");

    // Sign-ups: each answer kind, then the refusals of a whole batch.
    let items: Vec<Value> = (1..=7u64)
        .map(|n| {
            json!({"uuid": format!("00000000-0000-4000-8000-{n:012}"), "card": card(n),
                   "activity": "seats", "date": "2026-11-23", "created_at": common::NOW})
        })
        .chain([
            json!({"uuid": "00000000-0000-4000-8000-000000000101", "card": card(1),
                   "activity": "seats", "date": "2026-11-23", "created_at": common::NOW}),
            json!({"uuid": "00000000-0000-4000-8000-000000000102", "card": card(9),
                   "activity": "cancelled", "date": "2026-11-24", "created_at": common::NOW}),
        ])
        .collect();
    let post = |body: Vec<u8>, auth: &str| {
        http.post(format!("{}/v1/signups", s.hub.url()))
            .header(AUTHORIZATION, auth)
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
    };
    let answered = post(
        serde_json::to_vec(&json!({"signups": items})).unwrap(),
        &bearer,
    )
    .await
    .unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", answered).await;
    let unreadable = post(b"{\"signups\": 3}".to_vec(), &bearer).await.unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", unreadable).await;
    let many: Vec<Value> = (0..201).map(|_| items[0].clone()).collect();
    let too_many = post(
        serde_json::to_vec(&json!({"signups": many})).unwrap(),
        &bearer,
    )
    .await
    .unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", too_many).await;
    let stranger = post(b"{\"signups\": []}".to_vec(), "Bearer nobody")
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", stranger).await;
    // Over 1 MiB once decompressed (a few bytes on the wire): no zip bomb gets in either.
    let huge = http
        .post(format!("{}/v1/signups", s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .header(reqwest::header::CONTENT_ENCODING, "zstd")
        .body(zstd::encode_all(vec![b' '; 2 << 20].as_slice(), 3).unwrap())
        .send()
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", huge).await;
    let brotli = http
        .post(format!("{}/v1/signups", s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .header(reqwest::header::CONTENT_ENCODING, "br")
        .body("{}")
        .send()
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/signups", "post", brotli).await;

    // Protocol 2: a waiting-list join, a cancel, a check-in (each answer kind), with the
    // kiosk's clock; every answer says the protocol.
    let newer = json!({"signups": [
        // Taken before the one already waiting: in line ahead of it, past the list's length.
        {"uuid": "00000000-0000-4000-8000-000000000201", "kind": "waitlist", "card": card(20),
         "activity": "seats", "date": "2026-11-23", "created_at": "2026-11-23T08:59:00+08:00"},
        {"uuid": "00000000-0000-4000-8000-000000000202", "kind": "cancel", "card": card(1),
         "target": "00000000-0000-4000-8000-000000000001",
         "activity": "seats", "date": "2026-11-23", "created_at": common::NOW},
        {"uuid": "00000000-0000-4000-8000-000000000203", "kind": "checkin", "card": card(2),
         "activity": "early", "date": "2026-11-23", "created_at": "2026-11-23T08:10:00+08:00"},
        {"uuid": "00000000-0000-4000-8000-000000000204", "kind": "cancel", "card": card(3),
         "activity": "seats", "date": "2026-11-23", "created_at": common::NOW},
    ]});
    let answered = http
        .post(format!("{}/v1/signups", s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .header(learning_wire::CLOCK_HEADER, chrono::Utc::now().to_rfc3339())
        .json(&newer)
        .send()
        .await
        .unwrap();
    assert_eq!(answered.headers()[learning_wire::PROTOCOL_HEADER], "2");
    let answers: Value = answered.json().await.unwrap();
    let statuses: Vec<&str> = answers["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["waitlisted", "cancelled", "checked_in", "invalid"]
    );
    check_parts(
        &doc,
        &mut seen,
        "/v1/signups",
        "post",
        200,
        &serde_json::to_vec(&answers).unwrap(),
    );
    let look_up = |body: Vec<u8>, auth: String| {
        http.post(format!("{}/v1/card", s.hub.url()))
            .header(AUTHORIZATION, auth)
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
    };
    let known = look_up(
        serde_json::to_vec(&json!({"card": card(20)})).unwrap(),
        bearer.clone(),
    )
    .await
    .unwrap();
    check(&doc, &mut seen, "/v1/card", "post", known).await;
    let bad_card = look_up(
        serde_json::to_vec(&json!({"card": "1101 0800 0000 0016"})).unwrap(),
        bearer.clone(),
    )
    .await
    .unwrap();
    check(&doc, &mut seen, "/v1/card", "post", bad_card).await;
    let stranger = look_up(b"{}".to_vec(), "Bearer nobody".into())
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/card", "post", stranger).await;

    // The feed: a page with every kind of item (a deletion and seats among them), 304, 401.
    let file = s.dir.path().join("renamed.json");
    std::fs::write(
        &file,
        common::small_catalogue("Four seats").replace(r#"{"id": "big""#, r#"{"id": "big-2""#),
    )
    .unwrap();
    common::import(&s.db(), &file);
    let page = http
        .get(feed(0, &s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .send()
        .await
        .unwrap();
    let tag = page.headers()[ETAG].to_str().unwrap().to_string();
    check(&doc, &mut seen, "/v1/feed", "get", page).await;
    let caught_up: Value = http
        .get(feed(0, &s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kinds: BTreeSet<String> = caught_up["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i.as_object().unwrap().keys().cloned())
        .collect();
    assert_eq!(
        kinds,
        ["activity", "deleted_activity", "seats", "venue"]
            .map(String::from)
            .into(),
        "the page checked holds every kind but a deleted venue"
    );
    let next = caught_up["next"].as_u64().unwrap();
    let not_modified = http
        .get(feed(next, &s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .header(IF_NONE_MATCH, &tag)
        .send()
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/feed", "get", not_modified).await;
    let no_token = http.get(feed(0, &s.hub.url())).send().await.unwrap();
    check(&doc, &mut seen, "/v1/feed", "get", no_token).await;
    let bad_cursor = http
        .get(format!("{}/v1/feed?after=-1", s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .send()
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/feed", "get", bad_cursor).await;

    // An expired cursor: the tombstone aged past what is kept, the hub restarted.
    s.age_tombstones_and_restart();
    let gone = http
        .get(feed(1, &s.hub.url()))
        .header(AUTHORIZATION, &bearer)
        .send()
        .await
        .unwrap();
    check(&doc, &mut seen, "/v1/feed", "get", gone).await;
    let rebuilding = http
        .get(format!("{}&rebuild=true", feed(1, &s.hub.url())))
        .header(AUTHORIZATION, &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(rebuilding.status(), 200, "a rebuild's cursor never expires");

    // A body that stops arriving, to a hub with a one-second limit on bodies.
    let (status, body) = slow_body(&s.db(), &s.token);
    check_parts(&doc, &mut seen, "/v1/signups", "post", status, &body);

    // Every answer the document promises was seen.
    let mut documented = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            // A 500 needs the hub's own disk to fail; it is not provoked here.
            for status in op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .filter(|s| *s != "500")
            {
                documented.insert(format!("{method} {path} {status}"));
            }
        }
    }
    assert_eq!(seen, documented);
}

#[test]
fn the_document_names_the_paths_and_limits_the_wire_crate_uses() {
    let doc = document();
    let paths: BTreeSet<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        paths,
        [
            learning_wire::CARD_PATH,
            learning_wire::FEED_PATH,
            learning_wire::SIGNUPS_PATH
        ]
        .into()
    );
    let statuses: Vec<&str> = schemas_of(&doc)["Answer"]["properties"]["status"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let wire: Vec<&str> = learning_wire::AnswerStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(statuses, wire);
    let kinds: Vec<&str> = schemas_of(&doc)["SignupItem"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let wire: Vec<&str> = learning_wire::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(kinds, wire);
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["FeedPage"]["properties"]["items"]["maxItems"],
        learning_wire::MAX_PAGE
    );
    assert_eq!(
        schemas["SignupBatch"]["properties"]["signups"]["maxItems"],
        learning_wire::MAX_BATCH
    );
    let reasons: Vec<&str> = schemas["Answer"]["properties"]["reason"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let wire: Vec<&str> = learning_wire::InvalidReason::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(reasons, wire);
}

fn schemas_of(doc: &Value) -> &Value {
    &doc["components"]["schemas"]
}

/// Sends a batch's head and then nothing more to a hub that gives a body one second; the
/// answer's status and body.
fn slow_body(db: &std::path::Path, token: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let hub = common::Hub::start_with(db, &["--body-timeout", "1"]);
    let mut stream = std::net::TcpStream::connect(hub.addr).unwrap();
    let head = format!(
        "POST /v1/signups HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let status = String::from_utf8_lossy(&answer[..split])
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    (status, answer[split + 4..].to_vec())
}
