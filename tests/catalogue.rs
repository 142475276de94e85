//! The catalogue loader follows `learning-catalogue/1` exactly: the demo meets its brief,
//! a broken catalogue is refused whole with every problem as `PATH: problem`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::collections::BTreeSet;

use learning_kiosk::catalogue::demo::demo_catalogue;
use learning_kiosk::catalogue::load::load_str;
use learning_kiosk::catalogue::{Audience, Category, VenueKind};
use learning_kiosk::domain::district::District;
use learning_kiosk::domain::lang::Lang;
use proptest::prelude::*;
use serde_json::{Value, json};

fn problems(json: &str) -> Vec<String> {
    match load_str(json, "test.json") {
        Ok(_) => Vec::new(),
        Err(p) => p.problems.iter().map(|p| p.line(Lang::En)).collect(),
    }
}

#[test]
fn the_demo_catalogue_covers_the_city() {
    let cat = demo_catalogue().expect("the demo catalogue loads");
    assert!(cat.venues.len() >= 60);
    assert!(cat.activities.len() >= 300);
    let kinds: BTreeSet<_> = cat.venues.iter().map(|v| v.kind).collect();
    assert_eq!(kinds.len(), VenueKind::ALL.len(), "every kind of venue");
    let districts: BTreeSet<_> = cat.venues.iter().map(|v| v.district).collect();
    assert_eq!(districts.len(), District::all().count(), "all 16 districts");
    let categories: BTreeSet<_> = cat.activities.iter().map(|a| a.category).collect();
    assert_eq!(categories.len(), Category::ALL.len(), "every category");
    for audience in Audience::ALL {
        assert!(
            cat.activities
                .iter()
                .any(|a| a.audience.contains(*audience)),
            "{audience:?}"
        );
    }
    let weekly = cat.activities.iter().filter(|a| a.repeat.is_some()).count();
    assert!(
        weekly * 10 >= cat.activities.len() * 8,
        "mostly weekly, so it never goes stale"
    );
    for v in &cat.venues {
        for lang in Lang::ALL {
            assert!(!v.name.get(lang).is_empty() && !v.address.get(lang).is_empty());
        }
    }
}

#[test]
fn a_broken_catalogue_lists_every_problem() {
    let json = r#"{
      "format": "learning-catalogue/1",
      "generated_at": "2026-11-22T08:00:00+08:00",
      "venues": [
        {"id": "ok", "name": {"zh-CN": "好"}, "kind": "library", "district": "110108",
         "address": {"en-US": "1 Road"}, "lat": 40.0, "lon": 116.3},
        {"id": "Bad Id", "name": {}, "kind": "castle", "district": "119999",
         "address": {"zh-CN": 5}, "lat": 45.0, "lon": "east"},
        {"id": "ok", "name": {"zh-CN": "重"}, "kind": "museum", "district": "110101",
         "address": {"zh-CN": "路"}, "lat": 39.9, "lon": 116.4, "step_free": "yes"}
      ],
      "activities": [
        {"id": "a1", "venue": "hd-lib-2", "title": {"zh-CN": "课"}, "category": "science",
         "capacity": 0, "audience": ["elders", "robots"],
         "sessions": [{"start": "2026-11-27 14:00", "end": "2026-11-27T15:00:00+08:00"}]},
        {"id": "a2", "venue": "ok", "title": {"en-US": "Class"}, "category": "science",
         "capacity": 10, "booked": {"2026-13-01": 1, "2026-11-30": -2}},
        {"id": "a3", "venue": "ok", "title": {"en-US": "Class"}, "category": "science",
         "capacity": 10.5, "credits": -1,
         "repeat": {"days": ["mon", "funday"], "start_time": "25:00", "end_time": "10:00",
                    "from": "2026-11-01", "until": "2026-10-01"}},
        {"id": "a4", "venue": "ok", "title": {"en-US": "Twice"}, "category": "science", "capacity": 5,
         "repeat": {"days": ["mon"], "start_time": "09:00", "end_time": "10:00",
                    "from": "2026-11-01", "until": "2026-12-31"},
         "sessions": [{"start": "2026-11-30T19:00:00+08:00", "end": "2026-11-30T20:00:00+08:00"},
                      {"start": "2026-12-01T19:00:00+08:00", "end": "2026-12-01T18:00:00+08:00"}]},
        {"id": "a1", "venue": "ok", "title": {"en-US": "Again"}, "category": "science", "capacity": 5,
         "repeat": {"days": [], "start_time": "09:00", "end_time": "10:00",
                    "from": "2026-11-01", "until": "2026-12-31"}},
        {"id": "a6", "venue": "ok", "title": {"en-US": "When?"}, "category": "science", "capacity": 5}
      ]
    }"#;
    let got = problems(json);
    let expected = [
        "venues[1].id: an id is 1 to 64 characters of a-z 0-9 - _ .",
        "venues[1].name: both languages are empty",
        "venues[1].kind: \"castle\" is not allowed; expected one of: community_college, community_learning_centre, adult_school, elder_university, library, cultural_centre, distance_learning_point, museum, workplace_learning_centre, other",
        "venues[1].district: \"119999\" is not one of Beijing's 16 district codes",
        "venues[1].address.zh-CN: expected a string",
        "venues[1].lat: expected a value from 39.4 to 41.1",
        "venues[1].lon: expected a number",
        "venues[2].step_free: expected true or false",
        "venues[2].id: the id \"ok\" is used twice",
        "activities[0].capacity: expected at least 1",
        "activities[0].audience[1]: \"robots\" is not allowed; expected one of: everyone, elders, farmers, women, families, children, people_with_disabilities, new_citizens, workers",
        "activities[0].sessions[0].start: expected an RFC 3339 time with an offset, like 2026-11-27T14:00:00+08:00",
        "activities[1].booked.2026-11-30: expected at least 0",
        "activities[1].booked.2026-13-01: expected a date as YYYY-MM-DD",
        "activities[1].sessions: needs sessions or repeat, so people know when it meets",
        "activities[2].credits: expected at least 0",
        "activities[2].capacity: expected a whole number",
        "activities[2].repeat.days[1]: \"funday\" is not allowed; expected one of: mon, tue, wed, thu, fri, sat, sun",
        "activities[2].repeat.start_time: expected a time as HH:MM",
        "activities[2].repeat.until: \"until\" is before \"from\"",
        "activities[3].sessions[1].end: the end must be after the start",
        "activities[4].repeat.days: repeat needs at least one weekday",
        "activities[5].sessions: needs sessions or repeat, so people know when it meets",
        "activities[0].venue: no venue \"hd-lib-2\"",
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|e| !got.iter().any(|g| g == *e))
        .collect();
    assert!(missing.is_empty(), "missing {missing:#?}\n\ngot {got:#?}");
    // A second session on a date the repeat covers: 2026-11-30 is a Monday.
    assert!(
        got.iter()
            .all(|g| !g.starts_with("activities[3].sessions[0]")),
        "sessions[1] fails on its own end; sessions[0] is checked below: {got:#?}"
    );
}

#[test]
fn a_second_session_on_a_date_is_refused() {
    let json = catalogue_with(json!({
        "id": "a", "venue": "v", "title": {"en-US": "Twice"}, "category": "science", "capacity": 5,
        "repeat": {"days": ["mon"], "start_time": "09:00", "end_time": "10:00",
                   "from": "2026-11-01", "until": "2026-12-31"},
        "sessions": [{"start": "2026-11-30T19:00:00+08:00", "end": "2026-11-30T20:00:00+08:00"}]
    }));
    assert_eq!(
        problems(&json),
        [
            "activities[0].sessions[0].start: a second session on 2026-11-30 (an activity meets at most once a day)"
        ]
    );
}

#[test]
fn syntax_errors_say_where() {
    let got = problems("{\n  \"format\": \"learning-catalogue/1\",\n  \"venues\": [,]\n}");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("line 3"), "{got:?}");
    let got = problems("[1, 2, 3]");
    assert_eq!(got, ["expected an object (table)"]);
    let got = problems(
        "{\"format\": \"learning-catalogue/2\", \"generated_at\": \"x\", \"venues\": {}, \"activities\": 3}",
    );
    assert!(
        got.contains(
            &"format: the format must be \"learning-catalogue/1\", not \"learning-catalogue/2\""
                .to_string()
        ),
        "{got:?}"
    );
    assert!(got.contains(&"generated_at: expected an RFC 3339 time with an offset, like 2026-11-27T14:00:00+08:00".to_string()));
    assert!(got.contains(&"venues: expected a list".to_string()));
    assert!(got.contains(&"activities: expected a list".to_string()));
}

#[test]
fn problems_read_in_chinese_too() {
    let err = load_str("{\"format\": \"learning-catalogue/1\"}", "目录.json").unwrap_err();
    let report = err.report(Lang::Zh);
    assert!(report.contains("目录.json 有 3 个问题"), "{report}");
    assert!(
        report.contains("generated_at: 缺少这一项（应该是带时区的 RFC 3339 时间）"),
        "{report}"
    );
    let en = err.report(Lang::En);
    assert!(en.contains("venues: missing: expected a list"), "{en}");
}

#[test]
fn unknown_fields_are_ignored_and_text_falls_back() {
    let mut doc: Value = serde_json::from_str(&catalogue_with(json!({
        "id": "a", "venue": "v", "title": {"zh-CN": "只有中文"}, "category": "science", "capacity": 5,
        "future_field": [1, 2, 3],
        "sessions": [{"start": "2026-11-30T19:00:00+08:00", "end": "2026-11-30T20:00:00+08:00", "room": "2"}]
    })))
    .unwrap();
    doc["publisher"] = json!({"name": "Beijing"});
    let cat = load_str(&doc.to_string(), "t").unwrap();
    assert_eq!(cat.texts(0).title.get(Lang::En), "只有中文");
    assert!(
        cat.activities[0].audience.contains(Audience::Everyone),
        "audience defaults to everyone"
    );
}

#[test]
fn text_is_normalised_to_nfc() {
    // "é" written as e + combining acute (NFD).
    let cat = load_str(
        &catalogue_with(json!({
            "id": "a", "venue": "v", "title": {"en-US": "Cafe\u{301} talk"}, "category": "other", "capacity": 5,
            "sessions": [{"start": "2026-11-30T19:00:00+08:00", "end": "2026-11-30T20:00:00+08:00"}]
        })),
        "t",
    )
    .unwrap();
    assert_eq!(cat.texts(0).title.get(Lang::En), "Caf\u{e9} talk");
}

fn venue() -> Value {
    json!({"id": "v", "name": {"zh-CN": "地点", "en-US": "Place"}, "kind": "library",
           "district": "110108", "address": {"zh-CN": "路", "en-US": "Road"}, "lat": 39.99, "lon": 116.3})
}

fn catalogue_with(activity: Value) -> String {
    json!({"format": "learning-catalogue/1", "generated_at": "2026-11-22T08:00:00+08:00",
           "venues": [venue()], "activities": [activity]})
    .to_string()
}

// --- Property tests ---------------------------------------------------------------------

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9._-]{0,20}"
}

fn text() -> impl Strategy<Value = Value> {
    ("[\\p{Han}]{1,8}", "[A-Za-z ]{1,20}").prop_map(|(zh, en)| json!({"zh-CN": zh, "en-US": en}))
}

fn venue_strategy() -> impl Strategy<Value = Value> {
    (
        text(),
        prop::sample::select(VenueKind::ALL.to_vec()),
        prop::sample::select(District::all().collect::<Vec<_>>()),
        text(),
        39.4f64..41.1,
        115.4f64..117.6,
        any::<bool>(),
    )
        .prop_map(|(name, kind, district, address, lat, lon, step_free)| {
            json!({"name": name, "kind": kind.wire(), "district": district.code().to_string(),
                   "address": address, "lat": lat, "lon": lon, "step_free": step_free})
        })
}

fn activity_strategy() -> impl Strategy<Value = Value> {
    (
        text(),
        prop::sample::select(Category::ALL.to_vec()),
        prop::sample::subsequence(Audience::ALL.to_vec(), 1..3),
        1u32..200,
        prop::sample::subsequence(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 1..4),
        (8u32..19, 0u32..4),
        any::<bool>(),
    )
        .prop_map(|(title, category, audience, capacity, days, (hour, quarter), cancelled)| {
            let start = format!("{hour:02}:{:02}", quarter * 15);
            let end = format!("{:02}:{:02}", hour + 1, quarter * 15);
            let audience: Vec<&str> = audience.iter().map(|a| a.wire()).collect();
            json!({"title": title, "category": category.wire(), "audience": audience,
                   "capacity": capacity, "status": if cancelled { "cancelled" } else { "scheduled" },
                   "repeat": {"days": days, "start_time": start, "end_time": end,
                              "from": "2026-09-01", "until": "2027-06-30", "except": ["2027-01-01"]}})
        })
}

fn catalogue_strategy() -> impl Strategy<Value = Value> {
    (
        prop::collection::btree_set(id(), 1..6),
        prop::collection::vec(venue_strategy(), 6),
        prop::collection::btree_set(id(), 1..12),
        prop::collection::vec((activity_strategy(), any::<prop::sample::Index>()), 12),
    )
        .prop_map(|(venue_ids, venues, activity_ids, activities)| {
            let venue_ids: Vec<String> = venue_ids.into_iter().collect();
            let venues: Vec<Value> = venue_ids
                .iter()
                .zip(venues)
                .map(|(id, mut v)| {
                    v["id"] = json!(id);
                    v
                })
                .collect();
            let activities: Vec<Value> = activity_ids
                .into_iter()
                .zip(activities)
                .map(|(id, (mut a, at))| {
                    a["id"] = json!(id);
                    a["venue"] = json!(venue_ids[at.index(venue_ids.len())]);
                    a
                })
                .collect();
            json!({"format": "learning-catalogue/1", "generated_at": "2026-11-22T08:00:00+08:00",
                   "venues": venues, "activities": activities})
        })
}

/// Every path to a required scalar field in a catalogue, with a value of the wrong type.
fn breakable_fields(doc: &Value) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (i, _) in doc["venues"].as_array().unwrap().iter().enumerate() {
        for f in ["id", "kind", "district", "lat", "lon"] {
            out.push((
                format!("venues[{i}].{f}"),
                vec!["venues".into(), i.to_string(), f.into()],
            ));
        }
    }
    for (i, _) in doc["activities"].as_array().unwrap().iter().enumerate() {
        for f in ["id", "venue", "category", "capacity"] {
            out.push((
                format!("activities[{i}].{f}"),
                vec!["activities".into(), i.to_string(), f.into()],
            ));
        }
        out.push((
            format!("activities[{i}].repeat.start_time"),
            vec![
                "activities".into(),
                i.to_string(),
                "repeat".into(),
                "start_time".into(),
            ],
        ));
    }
    out
}

fn set(doc: &mut Value, path: &[String], value: Value) {
    let mut at = doc;
    for (n, key) in path.iter().enumerate() {
        at = match key.parse::<usize>() {
            Ok(i) if n > 0 && at.is_array() => &mut at[i],
            _ => &mut at[key.as_str()],
        };
    }
    *at = value;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn valid_catalogues_load_whole(doc in catalogue_strategy()) {
        let cat = load_str(&doc.to_string(), "gen.json");
        prop_assert!(cat.is_ok(), "{:?}", cat.err().map(|e| e.to_string()));
        let cat = cat.unwrap();
        prop_assert_eq!(cat.venues.len(), doc["venues"].as_array().unwrap().len());
        prop_assert_eq!(cat.activities.len(), doc["activities"].as_array().unwrap().len());
        for a in doc["activities"].as_array().unwrap() {
            let id = a["id"].as_str().unwrap();
            let found = cat.activity_by_id(id).map(|i| cat.activity(i));
            prop_assert!(found.is_some());
            let venue = cat.venue(found.unwrap().venue);
            prop_assert_eq!(&*venue.id, a["venue"].as_str().unwrap());
        }
    }

    #[test]
    fn one_broken_field_refuses_the_whole_catalogue_and_names_it(
        doc in catalogue_strategy(),
        pick in any::<prop::sample::Index>(),
        wrong in prop_oneof![Just(json!(null)), Just(json!(true)), Just(json!([1])), Just(json!({"x": 1}))],
    ) {
        let fields = breakable_fields(&doc);
        let (path, keys) = &fields[pick.index(fields.len())];
        let mut broken = doc.clone();
        set(&mut broken, keys, wrong);
        let err = load_str(&broken.to_string(), "broken.json").expect_err("a broken catalogue is refused");
        let lines: Vec<String> = err.problems.iter().map(|p| p.line(Lang::En)).collect();
        // A broken activity venue id shows as "no venue"; a broken venue id can also leave
        // its activities pointing at nothing. Either way the broken path is named.
        prop_assert!(
            lines.iter().any(|l| l.starts_with(&format!("{path}: "))),
            "{} not named in {:?}", path, lines
        );
    }

    #[test]
    fn arbitrary_input_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load_str(&text, "noise");
    }

    /// Random JSON in place of one venue or activity of a good catalogue: the catalogue loads
    /// whole or is refused whole, never with that one item quietly missing.
    #[test]
    fn random_json_in_one_item_loads_all_or_nothing(
        doc in catalogue_strategy(),
        junk in arbitrary_json(),
        venue in any::<bool>(),
        pick in any::<prop::sample::Index>(),
    ) {
        let list = if venue { "venues" } else { "activities" };
        let mut broken = doc.clone();
        let items = broken[list].as_array_mut().unwrap();
        let at = pick.index(items.len());
        items[at] = junk;
        if let Ok(cat) = load_str(&broken.to_string(), "junk.json") {
            prop_assert_eq!(cat.venues.len(), doc["venues"].as_array().unwrap().len());
            prop_assert_eq!(cat.activities.len(), doc["activities"].as_array().unwrap().len());
        }
    }

    #[test]
    fn arbitrary_json_never_panics(doc in arbitrary_json()) {
        let _ = load_str(&json!({"format": "learning-catalogue/1", "generated_at": "2026-11-22T08:00:00+08:00",
                                 "venues": [doc.clone()], "activities": [doc]}).to_string(), "json");
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("venue".to_string()),
                    Just("sessions".to_string()),
                    Just("repeat".to_string()),
                    Just("days".to_string()),
                    Just("lat".to_string()),
                    ".{0,6}".prop_map(|s| s)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A catalogue that is well formed but longer than the format allows: the head, then a
/// padding field `len` bytes long, made as it is read (nothing of it is held in memory).
struct Padded {
    head: std::io::Cursor<Vec<u8>>,
    left: u64,
    tail: std::io::Cursor<Vec<u8>>,
}

impl std::io::Read for Padded {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.head.read(buf)?;
        if n > 0 {
            return Ok(n);
        }
        if self.left > 0 {
            let n = buf.len().min(self.left as usize);
            buf[..n].fill(b'a');
            self.left -= n as u64;
            return Ok(n);
        }
        self.tail.read(buf)
    }
}

fn padded(len: u64) -> Padded {
    let head = format!(
        r#"{{"format":"learning-catalogue/1","generated_at":"2026-11-22T08:00:00+08:00","venues":[{}],"activities":[],"pad":""#,
        venue()
    );
    Padded {
        head: std::io::Cursor::new(head.into_bytes()),
        left: len,
        tail: std::io::Cursor::new(br#""}"#.to_vec()),
    }
}

#[test]
fn a_catalogue_past_the_formats_256_mib_is_refused_and_not_read_on() {
    use learning_kiosk::catalogue::load::{MAX_FILE_BYTES, load_reader};
    assert_eq!(MAX_FILE_BYTES, 256 * 1024 * 1024, "the spec's limit");
    // Under the limit: loads (the padding is an unknown field, ignored).
    assert!(load_reader(padded(1 << 20), "small.json").is_ok());
    let mut reader = padded(MAX_FILE_BYTES);
    let problems = load_reader(&mut reader, "huge.json").unwrap_err();
    assert_eq!(problems.file, "huge.json");
    assert_eq!(
        problems
            .report(Lang::En)
            .lines()
            .last()
            .unwrap_or_default()
            .trim(),
        "huge.json: the file is larger than 256 MiB, the most a catalogue may be"
    );
    assert!(problems.report(Lang::Zh).contains("文件超过 256 MiB"));
    // It stopped at the limit rather than reading the rest.
    assert!(reader.tail.position() == 0);
}

#[test]
fn a_catalogue_file_past_the_limit_is_refused_before_it_is_read() {
    use learning_kiosk::catalogue::load::{MAX_FILE_BYTES, load_file};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: the size is there, the bytes are not.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let problems = load_file(&path).unwrap_err();
    assert!(
        problems
            .report(Lang::En)
            .contains("the file is larger than 256 MiB"),
        "{}",
        problems.report(Lang::En)
    );
}

#[test]
fn every_text_has_its_length_limit_and_no_control_characters() {
    let activity = |title: &str, summary: &str| {
        json!({
            "id": "a", "venue": "v", "title": {"zh-CN": title, "en-US": "Fine"},
            "summary": {"en-US": summary}, "category": "science", "capacity": 5,
            "repeat": {"days": ["mon"], "start_time": "09:00", "end_time": "10:00",
                       "from": "2026-11-01", "until": "2026-12-31"}
        })
    };
    let ok = "学".repeat(120);
    let lines = "Line one.\n\tLine two.".to_string() + &"x".repeat(900);
    assert_eq!(
        problems(&catalogue_with(activity(&ok, &lines))),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&catalogue_with(activity(&"学".repeat(121), "short"))),
        ["activities[0].title.zh-CN: longer than 120 characters, the most this field may hold"]
    );
    assert_eq!(
        problems(&catalogue_with(activity("ok", &"x".repeat(1_001)))),
        ["activities[0].summary.en-US: longer than 1000 characters, the most this field may hold"]
    );
    assert_eq!(
        problems(&catalogue_with(activity("清屏\u{1b}[2J", "short"))),
        [
            "activities[0].title.zh-CN: holds a control character (only a summary may hold tabs and line breaks)"
        ]
    );
    // Venues too: the address, and the phone number.
    let mut doc: Value = serde_json::from_str(&catalogue_with(activity("ok", "short"))).unwrap();
    doc["venues"][0]["address"]["en-US"] = "r".repeat(201).into();
    doc["venues"][0]["phone"] = "1".repeat(33).into();
    assert_eq!(
        problems(&doc.to_string()),
        [
            "venues[0].address.en-US: longer than 200 characters, the most this field may hold",
            "venues[0].phone: longer than 32 characters, the most this field may hold",
            // The refused venue is the one cause: its activity is not also told it has none.
        ]
    );
}
