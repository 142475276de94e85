//! The staff commands, run as the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{CARD, RULES_CATALOGUE};

const BIN: &str = env!("CARGO_BIN_EXE_learning-kiosk");

struct Kiosk {
    dir: tempfile::TempDir,
}

impl Kiosk {
    fn new() -> Kiosk {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("rules.json"), RULES_CATALOGUE).unwrap();
        Kiosk { dir }
    }

    /// The command for a kiosk subcommand on this kiosk's folder, catalogue and clock.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--data-dir")
            .arg(self.dir.path().join("data"))
            .arg("--catalogue")
            .arg(self.dir.path().join("rules.json"))
            .args(["--now", common::NOW, "--lang", "en-US"])
            .args(args);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn signup(&self, card: &str, activity: &str, date: &str) -> Output {
        self.run(&[
            "signup",
            "--card",
            card,
            "--activity",
            activity,
            "--date",
            date,
        ])
    }
}

/// `check-config FILE` in English.
fn check_config(file: &Path) -> Output {
    Command::new(BIN)
        .args(["--lang", "en-US", "check-config"])
        .arg(file)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn signup_prints_the_code_and_the_same_signup_again_is_not_a_second() {
    let k = Kiosk::new();
    let first = k.signup(CARD, "weekly", "2026-11-30");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let code = stdout(&first).trim().to_string();
    assert_eq!(code.len(), 7, "{code}");
    assert!(stderr(&first).contains("Saved on this kiosk"));

    let again = k.signup("1101 0800 0000 0016", "weekly", "2026-11-30");
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again).trim(), code);
    assert!(stderr(&again).contains("already holds"));

    let queue = k.run(&["queue"]);
    assert_eq!(queue.status.code(), Some(0));
    let text = stdout(&queue);
    assert!(text.contains("1 sign-up on this kiosk"), "{text}");
    // Every status as a label with its count: a refused one reads as what happened.
    assert!(text.contains("  Full, no place: 0"), "{text}");
    assert!(text.contains(&code));
    assert!(text.contains("1101 **** **** 0016"));
    assert!(!text.contains(CARD));

    let json = k.run(&["queue", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["counts"]["waiting"], 1);
    assert_eq!(v["total"], 1);
    assert_eq!(v["signups"][0]["code"], code.as_str());
    assert_eq!(v["signups"][0]["card"], "1101 **** **** 0016");
    assert_eq!(v["signups"][0]["activity"], "weekly");
    assert!(!String::from_utf8_lossy(&json.stdout).contains(CARD));
}

#[test]
fn refusals_exit_4_with_the_reason_in_both_languages() {
    let k = Kiosk::new();
    let cases = [
        (
            CARD,
            "full",
            "2026-11-23",
            "This session is full",
            "这次活动已经满了",
        ),
        (
            CARD,
            "cancelled",
            "2026-11-24",
            "has been cancelled",
            "已经取消",
        ),
        (CARD, "soon", "2026-11-22", "does not meet on", "没有课"),
        (
            CARD,
            "weekly",
            "2026-11-25",
            "a break in its schedule",
            "停课一次",
        ),
        (CARD, "weekly", "2026-11-24", "does not meet on", "没有课"),
        (
            CARD,
            "nope",
            "2026-11-30",
            "There is no activity \"nope\"",
            "找不到这个活动",
        ),
        (
            "1101080000000017",
            "weekly",
            "2026-11-30",
            "check digit",
            "校验位",
        ),
        (
            "1199990000000019",
            "weekly",
            "2026-11-30",
            "119999 is not one",
            "不是北京的区号",
        ),
        ("12345", "weekly", "2026-11-30", "has 5", "现在是 5 位"),
    ];
    for (card, activity, date, en, zh) in cases {
        let out = k.signup(card, activity, date);
        assert_eq!(
            out.status.code(),
            Some(4),
            "{activity} {date}: {}",
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(
            err.contains(en) && err.contains(zh),
            "{activity} {date}: {err}"
        );
        assert!(stdout(&out).is_empty());
    }
    // Started: at 09:31 the 09:30 session is closed.
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(k.dir.path().join("data"))
        .arg("--catalogue")
        .arg(k.dir.path().join("rules.json"))
        .args([
            "--now",
            "2026-11-23T09:31:00+08:00",
            "signup",
            "--card",
            CARD,
            "--activity",
            "soon",
            "--date",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("already started"));
    let queue: serde_json::Value =
        serde_json::from_slice(&k.run(&["queue", "--json"]).stdout).unwrap();
    assert_eq!(queue["total"], 0, "nothing refused was saved");
}

#[test]
fn check_config_passes_the_examples_and_lists_every_problem() {
    // Copied beside the hub token a real station is given (the examples hold none).
    let examples = tempfile::tempdir().unwrap();
    std::fs::write(
        examples.path().join("miyun-hub-token"),
        "token-from-the-hub\n",
    )
    .unwrap();
    for file in std::fs::read_dir("kiosk-config").unwrap() {
        let file = file.unwrap().path();
        let path = examples.path().join(file.file_name().unwrap());
        std::fs::copy(&file, &path).unwrap();
        let out = check_config(&path);
        // The examples keep the example PIN: staff are told to change it, in both languages.
        let warning = stderr(&out);
        assert!(
            warning.contains("keeps the example staff PIN") && warning.contains("示例工作人员密码")
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            stderr(&out)
        );
        assert!(stdout(&out).contains("is fine") || stdout(&out).contains("没有问题"));
    }
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\"\nlat = 139.9\nlon = 116.4\n").unwrap();
    let out = check_config(&broken);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: line 5: kiosk.lat: expected a value from 39.4 to 41.1",
            broken.display()
        )),
        "{err}"
    );
    assert!(err.contains("第 5 行"), "both languages: {err}");

    // A config whose catalogue is broken: every problem as PATH: problem.
    let cat = dir.path().join("cat.json");
    std::fs::write(
        &cat,
        RULES_CATALOGUE
            .replace(
                "\"venue\": \"here\", \"title\": {\"zh-CN\": \"已满的课\"",
                "\"venue\": \"gone\", \"title\": {\"zh-CN\": \"已满的课\"",
            )
            .replace("\"capacity\": 30", "\"capacity\": \"thirty\""),
    )
    .unwrap();
    let site = dir.path().join("site.toml");
    std::fs::write(&site, "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\"\nlat = 39.9\nlon = 116.4\ncatalogue = \"cat.json\"\n").unwrap();
    let out = check_config(&site);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("has 2 problems"), "{err}");
    assert!(
        err.contains("activities[4].capacity: expected a whole number"),
        "{err}"
    );
    assert!(
        err.contains("activities[0].venue: no venue \"gone\""),
        "{err}"
    );

    // A broken site file and its broken catalogue: both reported in one go.
    std::fs::write(
        &site,
        "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\"\nlat = 99\nlon = 116.4\ncatalogue = \"cat.json\"\n",
    )
    .unwrap();
    let out = check_config(&site);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("line 5: kiosk.lat") && err.contains("no venue \"gone\""),
        "{err}"
    );
}

/// The site file at `dir/site.toml`, with `extra` lines after its kiosk's own.
fn site_with(dir: &Path, extra: &str) -> std::path::PathBuf {
    let site = dir.join("site.toml");
    let text = format!(
        "[kiosk]\nid = \"x\"\nname = {{ en-US = \"X\" }}\ndistrict = \"110101\"\nlat = 39.9\nlon = 116.4\n{extra}"
    );
    std::fs::write(&site, text).unwrap();
    site
}

/// Each broken file is one sentence in each language that names the file, the line, the
/// key and what is expected; never a parser's or the system's English in the Chinese.
fn assert_one_sentence(out: &Output, en: &str, zh: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(!stdout(out).contains("is fine"), "{}", stdout(out));
    assert!(err.contains(en), "missing {en:?} in\n{err}");
    assert!(err.contains(zh), "missing {zh:?} in\n{err}");
    assert!(
        err.contains("has 1 problem:") && err.contains("有 1 个问题"),
        "{err}"
    );
    for banned in [
        "os error",
        "System detail",
        "系统详情",
        "expected `",
        "invalid ",
    ] {
        assert!(!err.contains(banned), "{banned:?} in\n{err}");
    }
}

#[test]
fn check_config_says_what_a_missing_hub_token_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_with(
        dir.path(),
        "[hub]\nurl = \"https://hub.example.cn\"\ntoken_file = \"hub-token\"\n",
    );
    let token = dir.path().join("hub-token");
    assert_one_sentence(
        &check_config(&site),
        &format!(
            "site.toml: line 9: hub.token_file: the hub token file \"{}\" it names cannot be read (it does not exist): expected a file holding this kiosk's token from the district hub",
            token.display()
        ),
        &format!(
            "site.toml: 第 9 行: hub.token_file: 这里写的令牌文件「{}」无法读取（文件不存在）",
            token.display()
        ),
    );
    std::fs::write(&token, "\n").unwrap();
    assert_one_sentence(
        &check_config(&site),
        "cannot be read (it is empty)",
        "无法读取（文件是空的）",
    );
    std::fs::write(&token, "a-token\n").unwrap();
    let fine = check_config(&site);
    assert_eq!(fine.status.code(), Some(0), "{}", stderr(&fine));
    assert!(stdout(&fine).contains("is fine"));
}

#[test]
fn check_config_names_the_key_of_a_toml_syntax_error_in_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.toml");
    std::fs::write(
        &site,
        "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\nlat = 39.9\nlon = 116.4\n",
    )
    .unwrap();
    assert_one_sentence(
        &check_config(&site),
        "site.toml: line 4: kiosk.district: a text in quotes is not closed: expected the same quote again before the end of the line",
        "site.toml: 第 4 行: kiosk.district: 引号里的文字没有结束：这一行结束前应该再写一个同样的引号",
    );
    // An inline table left open is told at the setting that opened it, once (the parser
    // itself reports three errors on the lines after it).
    std::fs::write(
        &site,
        "[kiosk]\nid = \"x\"\nname = { en-US = \"X\"\ndistrict = \"110101\"\nlat = 39.9\n",
    )
    .unwrap();
    assert_one_sentence(
        &check_config(&site),
        "site.toml: line 3: kiosk.name: a [ or { is not closed",
        "site.toml: 第 3 行: kiosk.name: 有一个 [ 或 { 没有结束",
    );
    // Settings with no [kiosk] line above them: that, not ten follow-on problems.
    std::fs::write(
        &site,
        "# a site\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\"\nlat = 39.9\nlon = 116.4\n",
    )
    .unwrap();
    assert_one_sentence(
        &check_config(&site),
        "site.toml: line 2: id: settings above the first [section] line: expected a [kiosk] line above them",
        "site.toml: 第 2 行: id: 这些设置写在了第一个 [节名] 行的前面：它们上面应该有一行 [kiosk]",
    );
}

#[test]
fn check_config_names_the_key_that_points_at_a_missing_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_with(dir.path(), "catalogue = \"catalogue.json\"\n");
    let catalogue = dir.path().join("catalogue.json");
    assert_one_sentence(
        &check_config(&site),
        &format!(
            "site.toml: line 7: kiosk.catalogue: the catalogue \"{}\" it names cannot be read (it does not exist): expected the path of a learning-catalogue/1 file, relative to this config's folder",
            catalogue.display()
        ),
        &format!(
            "site.toml: 第 7 行: kiosk.catalogue: 这里写的活动目录「{}」无法读取（文件不存在）",
            catalogue.display()
        ),
    );
}

#[test]
fn check_config_tells_a_catalogue_syntax_error_at_its_line_and_item() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_with(dir.path(), "catalogue = \"cat.json\"\n");
    // A venue with a comma too many after its id, on line 5 of the file.
    let broken = RULES_CATALOGUE.replacen("{\"id\": \"here\",", "{\"id\": \"here\",,", 1);
    std::fs::write(dir.path().join("cat.json"), broken).unwrap();
    assert_one_sentence(
        &check_config(&site),
        "cat.json: line 5: venues[0]: expected a key in double quotes here (after a { or a comma), or the end of the object",
        "cat.json: 第 5 行: venues[0]: 这里应该是写在双引号里的名称（在 { 或逗号后面），或者对象的结束 }",
    );
}

#[test]
fn check_config_tells_a_broken_venue_once_not_at_every_activity_there() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_with(dir.path(), "catalogue = \"cat.json\"\n");
    for (missing, en, zh) in [
        (
            "\"district\": \"110105\",",
            "cat.json: venues[0].district: missing: expected a string",
            "cat.json: venues[0].district: 缺少这一项（应该是文字）",
        ),
        (
            "\"id\": \"here\", ",
            "cat.json: venues[0].id: missing: expected a string",
            "cat.json: venues[0].id: 缺少这一项（应该是文字）",
        ),
    ] {
        let broken = RULES_CATALOGUE.replacen(missing, "", 1);
        std::fs::write(dir.path().join("cat.json"), broken).unwrap();
        let out = check_config(&site);
        assert_one_sentence(&out, en, zh);
        assert!(!stderr(&out).contains("no venue"), "{}", stderr(&out));
    }
}

#[test]
fn queue_in_chinese_says_every_kind_and_status_in_chinese() {
    let k = Kiosk::new();
    let code = stdout(&k.signup(CARD, "weekly", "2026-11-30"))
        .trim()
        .to_string();
    let mut queue = Command::new(BIN);
    queue
        .arg("--data-dir")
        .arg(k.dir.path().join("data"))
        .args(["--lang", "zh-CN", "queue"]);
    let out = queue.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text.lines().find(|l| l.starts_with(&code)).unwrap();
    assert!(
        line.contains("报名") && line.contains("已存本机，待发送"),
        "{line}"
    );
    for english in ["signup", "waiting"] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
}

#[test]
fn sync_says_a_missing_token_file_in_words_not_the_systems() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_with(
        dir.path(),
        "[hub]\nurl = \"http://127.0.0.1:9\"\ntoken_file = \"hub-token\"\n",
    );
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .arg("--config")
        .arg(&site)
        .args(["--lang", "zh-CN", "sync"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let token = dir.path().join("hub-token");
    assert!(
        err.contains(&format!("无法读取令牌文件 {}：文件不存在", token.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "The token file {} cannot be read: it does not exist",
            token.display()
        )),
        "{err}"
    );
    assert!(
        !err.contains("os error") && !err.contains("系统详情"),
        "{err}"
    );
}

#[test]
fn a_data_folder_that_cannot_be_written_exits_5() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(file.join("data"))
        .args([
            "--now",
            common::NOW,
            "signup",
            "--card",
            CARD,
            "--activity",
            "cy-wangjing-clc.smartphone",
            "--date",
            "2026-11-27",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot be written"));
}

#[test]
fn bad_command_lines_exit_2() {
    let out = Command::new(BIN)
        .args(["--now", "yesterday", "queue"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("RFC 3339") && err.contains("带时区"), "{err}");
    let out = Command::new(BIN)
        .args(["--now", "yesterday", "queue"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(BIN)
        .args([
            "signup",
            "--card",
            CARD,
            "--activity",
            "x",
            "--date",
            "30/11/2026",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn hash_pin_makes_a_hash_the_kiosk_accepts() {
    let mut child = Command::new(BIN)
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"975318\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let hash = stdout(&out).trim().to_string();
    assert!(hash.starts_with("$argon2id$"));
    assert!(learning_kiosk::config::pin::verify("975318", &hash));
    assert!(!hash.contains("975318"));

    let mut child = Command::new(BIN)
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"12\n").unwrap();
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(2));
}

#[test]
fn the_kiosk_without_a_terminal_says_why_and_with_a_broken_config_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not use the terminal"),
        "{}",
        stderr(&out)
    );

    let broken = dir.path().join("b.toml");
    std::fs::write(&broken, "[kiosk]\nid = 5\n").unwrap();
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--config")
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("kiosk.id: 应该是文字") && err.contains("kiosk.id: expected a string"),
        "{err}"
    );
    assert!(
        Path::new(&dir.path().join("logs")).exists(),
        "logs go to the data folder"
    );
}

/// `nearby` on a small catalogue made here: three venues around a point, sessions inside and
/// outside the distance and the days asked for.
#[test]
fn nearby_prints_sessions_soonest_first_with_distance_and_direction() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = dir.path().join("small.json");
    // The point is Wangjing (39.9965, 116.4705). "north" is 1.11 km north, "east" 2.13 km
    // east, "far" about 30 km away.
    let venue = |id: &str, lat: f64, lon: f64| {
        serde_json::json!({"id": id, "name": {"zh-CN": id, "en-US": id}, "kind": "library",
            "district": "110105", "address": {"en-US": "Road"}, "lat": lat, "lon": lon})
    };
    let session = |id: &str, venue: &str, start: &str, end: &str| {
        serde_json::json!({"id": id, "venue": venue, "title": {"en-US": id}, "category": "science",
            "capacity": 10, "booked": {"2026-11-24": 3},
            "sessions": [{"start": start, "end": end}]})
    };
    let doc = serde_json::json!({
        "format": "learning-catalogue/1", "generated_at": "2026-11-22T08:00:00+08:00",
        "venues": [venue("north", 40.0065, 116.4705), venue("east", 39.9965, 116.4955), venue("far", 40.25, 116.47)],
        "activities": [
            session("later-north", "north", "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00"),
            session("sooner-east", "east", "2026-11-23T15:00:00+08:00", "2026-11-23T16:00:00+08:00"),
            session("too-far", "far", "2026-11-23T12:00:00+08:00", "2026-11-23T13:00:00+08:00"),
            session("too-late", "north", "2026-12-05T10:00:00+08:00", "2026-12-05T11:00:00+08:00"),
            session("started", "east", "2026-11-23T08:30:00+08:00", "2026-11-23T10:00:00+08:00")
        ]
    });
    std::fs::write(&catalogue, doc.to_string()).unwrap();
    let run = |extra: &[&str]| {
        Command::new(BIN)
            .arg("--catalogue")
            .arg(&catalogue)
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args([
                "--now",
                common::NOW,
                "--lang",
                "en-US",
                "nearby",
                "--at",
                "39.9965,116.4705",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = list
        .iter()
        .map(|v| v["activity"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["sooner-east", "later-north"],
        "soonest first; too far, too late and started left out"
    );
    assert_eq!(list[0]["distance_km"], 2.13);
    assert_eq!(list[0]["direction"], "e");
    assert_eq!(list[1]["distance_km"], 1.11);
    assert_eq!(list[1]["direction"], "n");
    assert_eq!(list[1]["seats_left"], 7);
    assert_eq!(list[0]["start"], "2026-11-23T15:00:00+08:00");
    assert!(
        !dir.path().join("data").exists(),
        "asking does not create an outbox"
    );

    // Wider and longer: the far venue and the later session come in.
    let out = run(&["--within", "40", "--days", "14", "--json"]);
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 3 + 1);

    // The text form, in words.
    let out = run(&[]);
    let text = stdout(&out);
    assert!(
        text.starts_with("2 sessions within 5.00 km in the next 7 days"),
        "{text}"
    );
    let first = text.lines().nth(1).unwrap();
    assert!(
        first.contains("2026-11-23 15:00") && first.contains("2.13 km") && first.contains("east"),
        "{first}"
    );

    // A point that is not one, said in both languages.
    let out = Command::new(BIN)
        .args(["nearby", "--at", "north-ish"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("latitude,longitude") && err.contains("纬度,经度"),
        "{err}"
    );
}

/// A pipe whose reading end is already closed: every write to it fails (EPIPE).
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

#[test]
fn a_closed_pipe_or_lost_terminal_never_turns_a_command_into_a_panic() {
    let k = Kiosk::new();
    let command = |args: &[&str]| k.command(args);
    // `learning-kiosk nearby | head -0`: the listing goes nowhere, the command still ends well.
    let status = command(&["nearby", "--at", "39.9065,116.2230"])
        .stdout(closed_pipe())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0), "a closed stdout is not a crash");
    // A refusal with nowhere to say it still exits with its own code, not a panic's 101.
    let said = k.run(&[
        "signup",
        "--card",
        "123",
        "--activity",
        "x",
        "--date",
        "2026-11-23",
    ]);
    let silent = command(&[
        "signup",
        "--card",
        "123",
        "--activity",
        "x",
        "--date",
        "2026-11-23",
    ])
    .stdout(closed_pipe())
    .stderr(closed_pipe())
    .status()
    .unwrap();
    assert_ne!(said.status.code(), Some(0));
    assert_eq!(silent.code(), said.status.code());
}

/// `learning-kiosk queue --json > file` on a full disk left a cut-short file and said 0:
/// output that cannot be written is a failure (1), unlike a reader that went away.
#[test]
fn output_that_cannot_be_written_is_a_failure_not_success() {
    let k = Kiosk::new();
    assert!(k.signup(CARD, "weekly", "2026-11-30").status.success());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let status = k
        .command(&["queue", "--json"])
        .stdout(full)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn what_the_command_line_prints_cannot_drive_the_terminal() {
    let k = Kiosk::new();
    // An argument carrying a screen clear and a clipboard write, echoed in the refusal.
    let hostile = "x\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}y";
    let out = k.signup(CARD, hostile, "2026-11-23");
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains("x\\u{1b}[2J\\u{1b}]52;c;cHduZWQ=\\u{7}y"),
        "{err}"
    );
}

#[test]
fn queue_shows_a_damaged_row_as_damaged_and_still_lists_the_rest() {
    let k = Kiosk::new();
    for card in [CARD, "1101080000000024"] {
        assert!(k.signup(card, "weekly", "2026-11-30").status.success());
    }
    let outbox = k.dir.path().join("data/outbox.sqlite");
    let conn = rusqlite::Connection::open(&outbox).unwrap();
    let code: String = conn
        .query_row("SELECT code FROM signups ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "UPDATE signups SET date = '2026-13-40' WHERE code = ?1",
        [&code],
    )
    .unwrap();
    drop(conn);
    let text = k.run(&["queue"]);
    assert_eq!(
        text.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let out = String::from_utf8_lossy(&text.stdout);
    assert!(
        out.contains(&format!("{code}  damaged, set aside for staff")),
        "{out}"
    );
    let json = k.run(&["queue", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["signups"].as_array().unwrap().len(), 1);
    assert_eq!(doc["damaged"][0]["code"], code.as_str());
    // The total is what the counts add up to, the damaged row included.
    let counted: u64 = doc["counts"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(doc["total"].as_u64(), Some(counted), "{doc}");
    assert_eq!(counted, 2);
    assert!(out.contains("2 sign-ups"), "{out}");
}

/// The argument parser's own errors come in both languages, whole sentences, with a way on.
#[test]
fn argument_errors_are_said_in_both_languages() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["--bogus"],
            "不认识的选项 --bogus",
            "unknown option --bogus",
        ),
        (
            &["queue", "--frob"],
            "不认识的选项 --frob",
            "unknown option --frob",
        ),
        (&["signup", "--card", CARD], "缺少", "missing"),
        (&["fly"], "不认识的命令 fly", "unknown command fly"),
    ];
    for (args, zh, en) in cases {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(zh) && err.contains(en), "{args:?}: {err}");
        assert!(err.contains("--help"), "{err}");
    }
    // A card number in the wrong place is not shown in full; bytes that are not UTF-8 are
    // a usage error, not a crash.
    let out = Command::new(BIN).args(["signup", CARD]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains(CARD), "{}", stderr(&out));
    // clap's own number parsers quote the number they read: masked too.
    let zero_card = format!("0{CARD}");
    let out = Command::new(BIN)
        .args(["nearby", "--at", "39.9,116.4", "--days", &zero_card])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains(CARD), "{}", stderr(&out));
    let out = Command::new(BIN)
        .arg("signup")
        .arg("--card")
        .arg(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xb9\xa4"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("UTF-8") && err.contains("不是 UTF-8"), "{err}");
    let out = Command::new(BIN)
        .args(["--now", "2026-13-40", "nearby", "--at", "39.9,116.4"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // Our own reason keeps its example readable; only what the person typed is masked.
    assert!(err.contains("2026-11-27T14:00:00+08:00"), "{err}");
    // Asking for help is not an error.
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Usage"));
}

/// `resend` puts held sign-ups back in the queue; `queue` shows why one was held, with the
/// system's detail on a line of its own.
#[test]
fn resend_sends_held_sign_ups_again() {
    let k = Kiosk::new();
    let out = k.signup(CARD, "weekly", "2026-11-30");
    assert!(out.status.success(), "{}", stderr(&out));
    let code = stdout(&out).trim().to_string();
    let conn = rusqlite::Connection::open(k.dir.path().join("data/outbox.sqlite")).unwrap();
    conn.execute(
        "UPDATE signups SET status = 'parked', reason = 'unreadable: bad_request: bad date'",
        [],
    )
    .unwrap();
    drop(conn);
    let queue = stdout(&k.run(&["queue"]));
    assert!(queue.contains("the hub could not read it"), "{queue}");
    assert!(
        queue.contains("\n    System detail: bad_request: bad date"),
        "{queue}"
    );

    let out = k.run(&["resend", "--code", "NOT-ACODE"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("没有报名号为 NOT-ACODE"),
        "{}",
        stderr(&out)
    );
    // As staff may type it: small letters, no dash.
    let typed = code.to_lowercase().replace('-', "");
    let out = k.run(&["resend", "--code", &typed]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 held sign-ups will be sent again"));
    let queue: serde_json::Value =
        serde_json::from_slice(&k.run(&["queue", "--json"]).stdout).unwrap();
    assert_eq!(queue["counts"]["waiting"], 1, "{queue}");
    assert_eq!(queue["counts"]["parked"], 0, "{queue}");
    let out = k.run(&["resend"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("No held sign-up can be sent again"));
}

impl Kiosk {
    /// A site standing at the rules catalogue's venue `here`, whose session "soon" (09:30) is
    /// open for check-in at the pinned 09:00.
    fn at_venue() -> Kiosk {
        let k = Kiosk::new();
        std::fs::write(
            k.dir.path().join("site.toml"),
            r#"[kiosk]
id = "here-01"
name = { zh-CN = "望京社区学习中心", en-US = "Wangjing Centre" }
district = "110105"
lat = 39.9965
lon = 116.4705
catalogue = "rules.json"
venue = "here"
"#,
        )
        .unwrap();
        k
    }

    fn at_venue_run(&self, args: &[&str]) -> Output {
        let mut c = self.command(&[]);
        c.arg("--config")
            .arg(self.dir.path().join("site.toml"))
            .args(args);
        c.output().unwrap()
    }

    fn queue_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.run(&["queue", "--json"]).stdout).unwrap()
    }
}

#[test]
fn a_full_session_is_refused_naming_the_waiting_list_and_joined_with_it() {
    let k = Kiosk::new();
    let refused = k.signup(CARD, "full", "2026-11-23");
    assert_eq!(refused.status.code(), Some(4), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("--waitlist"),
        "{}",
        stderr(&refused)
    );
    assert!(
        stderr(&refused).contains("候补"),
        "both languages: {}",
        stderr(&refused)
    );

    let joined = k.run(&[
        "signup",
        "--card",
        CARD,
        "--activity",
        "full",
        "--date",
        "2026-11-23",
        "--waitlist",
    ]);
    assert_eq!(joined.status.code(), Some(0), "{}", stderr(&joined));
    let code = stdout(&joined).trim().to_string();
    assert_eq!(code.len(), 7);
    assert!(
        stderr(&joined).contains("not a seat"),
        "{}",
        stderr(&joined)
    );
    let queue = k.queue_json();
    assert_eq!(queue["signups"][0]["kind"], "waitlist");
    assert_eq!(queue["signups"][0]["code"], code.as_str());

    // With a seat free, --waitlist takes the seat.
    let seat = k.run(&[
        "signup",
        "--card",
        CARD,
        "--activity",
        "one-seat",
        "--date",
        "2026-11-23",
        "--waitlist",
    ]);
    assert_eq!(seat.status.code(), Some(0), "{}", stderr(&seat));
    assert!(
        stderr(&seat).contains("Saved on this kiosk"),
        "{}",
        stderr(&seat)
    );
    assert_eq!(k.queue_json()["signups"][1]["kind"], "signup");
}

#[test]
fn cancel_by_code_or_session_is_saved_once_and_the_card_may_sign_up_again() {
    let k = Kiosk::new();
    let first = k.signup(CARD, "weekly", "2026-11-30");
    let code = stdout(&first).trim().to_string();

    let cancelled = k.run(&["cancel", "--code", &code.to_lowercase().replace('-', "")]);
    assert_eq!(cancelled.status.code(), Some(0), "{}", stderr(&cancelled));
    assert_eq!(stdout(&cancelled).trim(), code);
    assert!(
        stderr(&cancelled).contains("given up"),
        "{}",
        stderr(&cancelled)
    );
    let again = k.run(&[
        "cancel",
        "--card",
        CARD,
        "--activity",
        "weekly",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("already cancelled"),
        "{}",
        stderr(&again)
    );
    let by_code_again = k.run(&["cancel", "--code", &code]);
    assert_eq!(by_code_again.status.code(), Some(0));
    assert!(stderr(&by_code_again).contains("already cancelled"));

    let queue = k.queue_json();
    let kinds: Vec<&str> = queue["signups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["signup", "cancel"],
        "one cancel, however often asked"
    );
    let uuid = queue["signups"][0]["uuid"].as_str().unwrap();
    assert_eq!(queue["signups"][1]["target"], uuid);

    let back = k.signup(CARD, "weekly", "2026-11-30");
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    assert_ne!(stdout(&back).trim(), code, "a new place, with its own code");
}

#[test]
fn a_place_cannot_be_cancelled_once_its_session_has_started() {
    let k = Kiosk::new();
    let code = stdout(&k.signup(CARD, "soon", "2026-11-23"))
        .trim()
        .to_string();
    let late = Command::new(BIN)
        .arg("--data-dir")
        .arg(k.dir.path().join("data"))
        .arg("--catalogue")
        .arg(k.dir.path().join("rules.json"))
        .args(["--now", "2026-11-23T09:31:00+08:00", "--lang", "en-US"])
        .args(["cancel", "--code", &code])
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(4), "{}", stderr(&late));
    assert!(stderr(&late).contains("has started"), "{}", stderr(&late));
    assert!(stderr(&late).contains("已开始"), "{}", stderr(&late));
}

#[test]
fn checkin_at_a_venue_checks_a_seat_in_once_and_seats_a_card_without_a_place() {
    let k = Kiosk::at_venue();
    k.at_venue_run(&[
        "signup",
        "--card",
        CARD,
        "--activity",
        "soon",
        "--date",
        "2026-11-23",
    ]);
    let first = k.at_venue_run(&["checkin", "--card", CARD]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stderr(&first).contains("Checked in"), "{}", stderr(&first));
    let again = k.at_venue_run(&["checkin", "--card", CARD]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("Already checked in"),
        "{}",
        stderr(&again)
    );
    assert_eq!(stdout(&first), stdout(&again), "the same check-in");

    let other = "1101080000000024";
    let walk_in = k.at_venue_run(&["checkin", "--card", other]);
    assert_eq!(walk_in.status.code(), Some(0), "{}", stderr(&walk_in));
    assert!(
        stderr(&walk_in).contains("took a free seat"),
        "{}",
        stderr(&walk_in)
    );

    let kinds: Vec<String> = k.queue_json()["signups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["signup", "checkin", "signup", "checkin"]);

    // A kiosk with no venue needs the session named; a session not open is refused.
    let plain = k.run(&["checkin", "--card", CARD]);
    assert_eq!(plain.status.code(), Some(4));
    assert!(stderr(&plain).contains("--activity"), "{}", stderr(&plain));
    let closed = k.run(&["checkin", "--card", CARD, "--activity", "weekly"]);
    assert_eq!(closed.status.code(), Some(4));
    assert!(
        stderr(&closed).contains("No session is open"),
        "{}",
        stderr(&closed)
    );
    let named = k.run(&["checkin", "--card", CARD, "--activity", "soon"]);
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
}

#[test]
fn check_config_says_when_the_kiosks_venue_is_not_in_its_catalogue() {
    let k = Kiosk::at_venue();
    let site = k.dir.path().join("site.toml");
    let ok = check_config(&site);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(!stderr(&ok).contains("kiosk.venue"), "{}", stderr(&ok));
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, text.replace("venue = \"here\"", "venue = \"there\"")).unwrap();
    let unknown = check_config(&site);
    assert_eq!(unknown.status.code(), Some(0), "a warning, not a fault");
    assert!(
        stderr(&unknown).contains("\"there\""),
        "{}",
        stderr(&unknown)
    );
    assert!(
        stderr(&unknown).contains("无法签到"),
        "{}",
        stderr(&unknown)
    );
}
