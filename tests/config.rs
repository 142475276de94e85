//! Site configs: the three example sites load as described, and a broken config names the
//! file, the line and the key, and says what is expected, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::path::Path;

use learning_kiosk::config::Mode;
use learning_kiosk::config::load::{demo_site, load_site_file, load_site_str};
use learning_kiosk::config::site::HomeKind;
use learning_kiosk::domain::lang::Lang;

/// The least a site config holds: the kiosk itself, every other key from the defaults.
const MINIMAL_SITE: &str = "[kiosk]\nid = \"k\"\nname = { zh-CN = \"站\", en-US = \"Station\" }\ndistrict = \"110105\"\nlat = 39.99\nlon = 116.47\n";

#[test]
fn the_urban_touchscreen_college() {
    let site =
        load_site_file(Path::new("kiosk-config/shijingshan-community-college.toml")).unwrap();
    assert_eq!(site.district.name_en(), "Shijingshan");
    assert_eq!(site.mode, Mode::Standard);
    assert!(site.touchscreen);
    assert_eq!(site.name.get(Lang::Zh), "石景山区社区学院");
    assert!(site.staff_pin_hash.is_some());
}

#[test]
fn the_university_for_older_people_in_assisted_mode() {
    let site = load_site_file(Path::new("kiosk-config/xicheng-elder-university.toml")).unwrap();
    assert_eq!(site.district.name_en(), "Xicheng");
    assert_eq!(site.mode, Mode::Assisted);
    assert_eq!(
        site.idle_ms(true),
        240_000,
        "assisted mode doubles the idle time"
    );
}

#[test]
fn the_rural_station_on_a_keypad() {
    let site = load_site_file(Path::new("kiosk-config/miyun-xiwengzhuang-station.toml")).unwrap();
    assert_eq!(site.district.name_en(), "Miyun");
    assert!(!site.touchscreen);
    assert!(site.radius_km >= 10.0 && site.days >= 14);
    // Its catalogue (the demo) has a rural neighbourhood around it.
    let catalogue = learning_kiosk::catalogue::demo::demo_catalogue().unwrap();
    let near =
        learning_kiosk::catalogue::nearby::venues_within(&catalogue, site.position, site.radius_km);
    assert!(near.len() >= 10, "{}", near.len());
    // It syncs with its district hub over a metered link.
    let hub = site.hub.expect("the rural station has a hub");
    assert!(hub.url.starts_with("https://"));
    assert_eq!(
        hub.token_file,
        Path::new("kiosk-config/miyun-hub-token"),
        "the token file is found beside the config"
    );
    assert_eq!(hub.sync_interval_seconds, 600);
    assert_eq!(hub.byte_budget_per_hour, Some(2_000_000));
    assert_eq!(
        site.home,
        HomeKind::Farming,
        "farming comes first on its home menu"
    );
}

#[test]
fn the_speech_command_and_the_home_menu() {
    let base = MINIMAL_SITE;
    let site = load_site_str(base, "site.toml", None).unwrap();
    assert_eq!(site.speech_command, "espeak-ng -v {voice} --stdin");
    assert_eq!(site.home, HomeKind::Standard);
    let text = format!("{base}home = \"farming\"\n[speech]\ncommand = \"say -v '{{voice}}'\"\n");
    let site = load_site_str(&text, "site.toml", None).unwrap();
    assert_eq!(site.speech_command, "say -v '{voice}'");
    assert_eq!(site.home, HomeKind::Farming);

    let text =
        format!("{base}home = \"village\"\n[speech]\ncommand = \"say 'unclosed\"\nvolume = 3\n");
    let err = load_site_str(&text, "site.toml", None).unwrap_err();
    let report = err.report(Lang::En);
    for line in [
        "site.toml: line 7: kiosk.home: \"village\" is not allowed; expected one of: standard, farming",
        "site.toml: line 9: speech.command: not a command line the kiosk can run (check its quotes)",
        "site.toml: line 10: speech.volume: unknown key (a typo?); expected one of: command",
    ] {
        assert!(report.contains(line), "missing {line:?} in\n{report}");
    }
    let zh = err.report(Lang::Zh);
    assert!(zh.contains("speech.command: 不是可以运行的命令"), "{zh}");
}

#[test]
fn the_hub_section_is_checked_like_the_rest() {
    let base = MINIMAL_SITE;
    let with = |hub: &str| load_site_str(&format!("{base}[hub]\n{hub}"), "k.toml", None);
    let site = with("url = \"http://127.0.0.1:8080\"\ntoken_file = \"t\"\n").unwrap();
    let hub = site.hub.unwrap();
    assert_eq!(
        (
            hub.sync_interval_seconds,
            hub.batch_size,
            hub.byte_budget_per_hour
        ),
        (60, 50, None)
    );
    for (hub, says) in [
        (
            "url = \"http://hub.example.cn\"\ntoken_file = \"t\"\n",
            "hub.url",
        ),
        ("url = \"https://hub.example.cn\"\n", "hub.token_file"),
        ("token_file = \"t\"\n", "hub.url"),
        (
            "url = \"https://h\"\ntoken_file = \"t\"\nsync_interval_seconds = 1\n",
            "hub.sync_interval_seconds",
        ),
        (
            "url = \"https://h\"\ntoken_file = \"t\"\nbatch_size = 500\n",
            "hub.batch_size",
        ),
        (
            "url = \"https://h\"\ntoken_file = \"t\"\nbyte_budget_per_hour = 10\n",
            "hub.byte_budget_per_hour",
        ),
        (
            "url = \"https://h\"\ntoken_file = \"t\"\npassword = \"x\"\n",
            "hub.password",
        ),
    ] {
        let err = with(hub).unwrap_err();
        let report = err.report(Lang::En);
        assert!(
            report.contains("k.toml") && report.contains(says),
            "{hub}: {report}"
        );
        assert!(err.report(Lang::Zh).contains(says));
    }
}

#[test]
fn the_built_in_demo_site() {
    let site = demo_site().unwrap();
    assert_eq!(site.district.name_en(), "Chaoyang");
    assert!(
        site.catalogue.is_none(),
        "the demo uses the built-in catalogue"
    );
    assert!(learning_kiosk::config::pin::verify(
        "2468",
        site.staff_pin_hash.as_deref().unwrap()
    ));
}

#[test]
fn a_broken_config_names_file_line_key_and_what_is_expected() {
    let text = r#"# a site
[kiosk]
id = "sjs-01"
name = { zh-CN = "石景山" }
district = "110107"
lat = "39.9"
lon = 216.2
mode = "fancy"

[nearby]
radius_km = 5
dayz = 7

[staff]
pin_hash = "2468"
chord = "k"

[display]
big = true

[scanner]
model = "x"
"#;
    let err = load_site_str(text, "kiosk-config/sjs.toml", None).unwrap_err();
    let report = err.report(Lang::En);
    for line in [
        "kiosk-config/sjs.toml has 8 problems:",
        "kiosk-config/sjs.toml: line 6: kiosk.lat: expected a number",
        "kiosk-config/sjs.toml: line 7: kiosk.lon: expected a value from 115.4 to 117.6",
        "kiosk-config/sjs.toml: line 8: kiosk.mode: \"fancy\" is not allowed; expected one of: standard, assisted",
        "kiosk-config/sjs.toml: line 12: nearby.dayz: unknown key (a typo?); expected one of: radius_km, days",
        "kiosk-config/sjs.toml: line 15: staff.pin_hash: expected an Argon2 hash (make one with learning-kiosk hash-pin; at most 64 MiB, 10 passes, 8 lanes), never the PIN itself",
        "kiosk-config/sjs.toml: line 16: staff.chord: \"k\" is not a key chord this kiosk can use (for example ctrl+alt+k)",
        "kiosk-config/sjs.toml: line 19: display.big: unknown key (a typo?); expected one of: cell_aspect",
        "kiosk-config/sjs.toml: line 21: scanner: unknown key (a typo?); expected one of: kiosk, nearby, timeouts, staff, input, display, speech, hub, printer",
    ] {
        assert!(report.contains(line), "missing {line:?} in\n{report}");
    }
    let zh = err.report(Lang::Zh);
    assert!(
        zh.contains("kiosk-config/sjs.toml: 第 6 行: kiosk.lat: 应该是数字"),
        "{zh}"
    );
}

#[test]
fn missing_keys_and_syntax_errors() {
    let err = load_site_str("[kiosk]\nid = \"a\"\n", "x.toml", None).unwrap_err();
    let report = err.report(Lang::En);
    for (key, expected) in [
        ("kiosk.name", "a text in both languages (zh-CN and en-US)"),
        ("kiosk.district", "a string"),
        ("kiosk.lat", "a number"),
        ("kiosk.lon", "a number"),
    ] {
        let line = format!("line 1: {key}: missing: expected {expected}");
        assert!(report.contains(&line), "{line} not in {report}");
    }
    let err = load_site_str("[kiosk]\nid = \"a\nname = 3\n", "y.toml", None).unwrap_err();
    assert!(
        err.report(Lang::En)
            .contains("y.toml: line 2: kiosk.id: a text in quotes is not closed"),
        "{}",
        err.report(Lang::En)
    );
}

#[test]
fn a_catalogue_path_is_taken_from_the_configs_folder() {
    let text = "[kiosk]\nid = \"a\"\nname = { en-US = \"A\" }\ndistrict = \"110101\"\nlat = 39.9\nlon = 116.4\ncatalogue = \"cat.json\"\n";
    let site = load_site_str(text, "s.toml", Some(Path::new("/etc/kiosk"))).unwrap();
    assert_eq!(
        site.catalogue.as_deref(),
        Some(Path::new("/etc/kiosk/cat.json"))
    );
    assert_eq!(
        site.name.get(Lang::Zh),
        "A",
        "a missing language falls back"
    );
}

/// The defaults live once, in the built-in demo site: a site that says only what makes it
/// itself takes every other setting from there, but never its staff PIN.
#[test]
fn what_a_site_leaves_out_comes_from_the_demo_site() {
    let text = "[kiosk]\nid = \"a\"\nname = { en-US = \"A\" }\ndistrict = \"110101\"\nlat = 39.9\nlon = 116.4\n[hub]\nurl = \"http://127.0.0.1:1\"\ntoken_file = \"t\"\n";
    let site = load_site_str(text, "s.toml", None).unwrap();
    let demo = demo_site().unwrap();
    assert_eq!(site.language, demo.language);
    assert_eq!(site.mode, demo.mode);
    assert_eq!(site.home, demo.home);
    assert_eq!(site.speech_command, demo.speech_command);
    assert_eq!(site.radius_km, demo.radius_km);
    assert_eq!(site.days, demo.days);
    assert_eq!(site.idle_seconds, demo.idle_seconds);
    assert_eq!(site.countdown_seconds, demo.countdown_seconds);
    assert_eq!(site.staff_chord, demo.staff_chord);
    assert_eq!(site.touchscreen, demo.touchscreen);
    assert_eq!(site.reader_gap_ms, demo.reader_gap_ms);
    assert_eq!(site.cell_aspect, demo.cell_aspect);
    assert!(demo.staff_pin_hash.is_some());
    assert_eq!(site.staff_pin_hash, None, "never the demo's PIN");
    let hub = site.hub.unwrap();
    assert_eq!(hub.sync_interval_seconds, 60);
    assert_eq!(hub.batch_size, 50);
}

/// The README's table of settings says the defaults the demo site holds: one place to change
/// a default, and a test that the documentation follows it.
#[test]
fn the_readmes_defaults_are_the_demo_sites() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let demo: toml::Table = learning_kiosk::config::load::DEMO_SITE.parse().unwrap();
    let mut checked = 0;
    for row in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (key, default) = (cells[1].trim_matches('`'), cells[2]);
        let Some(written) = default.strip_prefix('`').and_then(|d| d.strip_suffix('`')) else {
            continue;
        };
        let Some((section, name)) = key.split_once('.') else {
            continue;
        };
        let Some(value) = demo.get(section).and_then(|s| s.get(name)) else {
            continue;
        };
        let held = match value {
            toml::Value::String(s) if written.starts_with('"') => format!("\"{s}\""),
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert_eq!(written, held, "README's default for {key}");
        checked += 1;
    }
    assert!(checked >= 14, "{checked} defaults checked");
}

/// A misspelt `[kiosk]` is one unknown section and the kiosk's missing keys, not every other
/// section reported as an unknown key of the kiosk.
#[test]
fn a_misspelt_kiosk_section_is_named_once() {
    let text = "[kiosks]\nid = \"a\"\n\n[nearby]\ndays = 7\n";
    let report = load_site_str(text, "t.toml", None)
        .unwrap_err()
        .report(Lang::En);
    assert!(
        report.contains("line 1: kiosks: unknown key (a typo?)"),
        "{report}"
    );
    assert!(report.contains("line 1: kiosk.id: missing"), "{report}");
    assert!(!report.contains("kiosk.nearby"), "{report}");
    assert!(report.contains("t.toml has 6 problems"), "{report}");
}

/// A `[printer]` section: each kind with what it needs, the demo's defaults for the rest, and
/// a broken one named by file, line and key, saying what is expected, in both languages.
#[test]
fn the_printer_section_is_checked_like_the_rest() {
    use learning_kiosk::config::site::{CodePage, PrinterLink};
    let base = MINIMAL_SITE;
    let with =
        |printer: &str| load_site_str(&format!("{base}[printer]\n{printer}"), "k.toml", None);
    assert!(
        load_site_str(base, "k.toml", None)
            .unwrap()
            .printer
            .is_none(),
        "no section, no printer"
    );
    assert!(
        demo_site().unwrap().printer.is_none(),
        "the demo has no printer"
    );

    let usb = with("kind = \"usb\"\ndevice = \"/dev/usb/lp0\"\n")
        .unwrap()
        .printer
        .unwrap();
    assert_eq!(
        usb.link,
        PrinterLink::Usb {
            device: "/dev/usb/lp0".into()
        }
    );
    assert_eq!(
        (usb.code_page, usb.columns),
        (CodePage::Gb18030, 32),
        "the demo's defaults"
    );
    let serial = with("kind = \"serial\"\ndevice = \"/dev/ttyUSB0\"\nbaud = 19200\ncolumns = 48\ncode_page = \"ascii\"\n")
        .unwrap()
        .printer
        .unwrap();
    assert_eq!(
        serial.link,
        PrinterLink::Serial {
            device: "/dev/ttyUSB0".into(),
            baud: 19200
        }
    );
    assert_eq!((serial.code_page, serial.columns), (CodePage::Ascii, 48));
    let serial = with("kind = \"serial\"\ndevice = \"/dev/ttyUSB0\"\n")
        .unwrap()
        .printer
        .unwrap();
    assert_eq!(
        serial.link,
        PrinterLink::Serial {
            device: "/dev/ttyUSB0".into(),
            baud: 9600
        }
    );
    let network = with("kind = \"network\"\naddress = \"192.168.1.50:9100\"\n")
        .unwrap()
        .printer
        .unwrap();
    assert_eq!(
        network.link,
        PrinterLink::Network {
            address: "192.168.1.50:9100".parse().unwrap()
        }
    );

    for (printer, en, zh) in [
        (
            "kind = \"parallel\"\n",
            "k.toml: line 8: printer.kind: \"parallel\" is not allowed; expected one of: usb, serial, network",
            "k.toml: 第 8 行: printer.kind: \"parallel\" 不是可用的值；可用：usb, serial, network",
        ),
        (
            "kind = \"usb\"\n",
            "k.toml: line 8: printer.kind: missing: a usb printer needs its device, for example device = \"/dev/usb/lp0\"",
            "k.toml: 第 8 行: printer.kind: 缺少 device：usb 打印机要写明设备",
        ),
        (
            "kind = \"network\"\naddress = \"printer.local\"\n",
            "k.toml: line 9: printer.address: \"printer.local\" is not an IP address and port; expected for example 192.168.1.50:9100",
            "k.toml: 第 9 行: printer.address: \"printer.local\" 不是 IP 地址和端口",
        ),
        (
            "kind = \"network\"\n",
            "k.toml: line 8: printer.kind: missing: a network printer needs its address",
            "k.toml: 第 8 行: printer.kind: 缺少 address：网络打印机要写明 IP 地址和端口",
        ),
        (
            "device = \"/dev/usb/lp0\"\n",
            "k.toml: line 8: printer.device: missing: expected kind = \"usb\", \"serial\" or \"network\"",
            "k.toml: 第 8 行: printer.device: 缺少 kind",
        ),
        (
            "kind = \"network\"\naddress = \"10.0.0.9:9100\"\ndevice = \"/dev/usb/lp0\"\n",
            "k.toml: line 10: printer.device: a network printer does not use this key",
            "k.toml: 第 10 行: printer.device: network 打印机不用这一项",
        ),
        (
            "kind = \"usb\"\ndevice = \"/dev/usb/lp0\"\ncolumns = 100\n",
            "k.toml: line 10: printer.columns: expected a value from 16 to 64",
            "k.toml: 第 10 行: printer.columns:",
        ),
        (
            "kind = \"serial\"\ndevice = \"/dev/ttyUSB0\"\nbaud = 12\n",
            "k.toml: line 10: printer.baud: expected a value from 1200 to 921600",
            "k.toml: 第 10 行: printer.baud:",
        ),
        (
            "kind = \"usb\"\ndevice = \"/dev/usb/lp0\"\ncode_page = \"utf8\"\n",
            "k.toml: line 10: printer.code_page: \"utf8\" is not allowed; expected one of: gb18030, ascii",
            "k.toml: 第 10 行: printer.code_page:",
        ),
        (
            "kind = \"usb\"\ndevice = \"/dev/usb/lp0\"\nmodel = \"x\"\n",
            "k.toml: line 10: printer.model: unknown key (a typo?); expected one of: kind, device, address, baud, code_page, columns",
            "k.toml: 第 10 行: printer.model:",
        ),
    ] {
        let err = with(printer).unwrap_err();
        let report = err.report(Lang::En);
        assert!(report.contains(en), "{printer}: {report}");
        assert_eq!(err.problems.len(), 1, "one sentence for one slip: {report}");
        let report = err.report(Lang::Zh);
        assert!(report.contains(zh), "{printer}: {report}");
    }
}

/// A card reader read from its own device: absent by default (the keyboard wedge), a path
/// in /dev as given, and a relative one from the config's folder.
#[test]
fn the_card_readers_own_device() {
    let base = MINIMAL_SITE;
    let site = load_site_str(base, "site.toml", None).unwrap();
    assert_eq!(site.reader_device, None);
    let text =
        format!("{base}[input]\nreader_device = \"/dev/input/by-id/usb-reader-event-kbd\"\n");
    let site = load_site_str(&text, "site.toml", None).unwrap();
    assert_eq!(
        site.reader_device.as_deref(),
        Some(Path::new("/dev/input/by-id/usb-reader-event-kbd"))
    );
    let text = format!("{base}[input]\nreader_device = \"reader\"\n");
    let site = load_site_str(&text, "site.toml", Some(Path::new("/etc/learning-kiosk"))).unwrap();
    assert_eq!(
        site.reader_device.as_deref(),
        Some(Path::new("/etc/learning-kiosk/reader"))
    );
}
