//! The systemd units in `packaging/hub/`: every one passes `systemd-analyze verify`, and
//! their command lines are ones the real `learning-hub` binary accepts (the service starts a
//! hub that listens; the backup service writes a backup).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::HUB;

/// Where the units live.
fn packaging() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packaging/hub")
}

/// Every unit file in `packaging/hub/`, by name.
fn unit_files() -> Vec<PathBuf> {
    let mut units: Vec<PathBuf> = std::fs::read_dir(packaging())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("service" | "timer" | "socket" | "path" | "target")
            )
        })
        .collect();
    units.sort();
    units
}

/// `systemd-analyze`, or a failure saying what to install: CI must not pass by skipping.
fn systemd_analyze() -> Command {
    let found = Command::new("systemd-analyze")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(
        found.is_ok_and(|s| s.success()),
        "systemd-analyze is missing: install the Debian package `systemd` \
         (apt-get install -y systemd) to check the hub's unit files"
    );
    Command::new("systemd-analyze")
}

#[test]
fn the_units_are_the_ones_packaging_ships() {
    let names: Vec<String> = unit_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "learning-hub-backup.service",
            "learning-hub-backup.timer",
            "learning-hub.service"
        ]
    );
}

#[test]
fn every_unit_passes_systemd_analyze_verify() {
    let mut analyze = systemd_analyze();
    // A copy whose ExecStart is the binary just built: verify checks the program exists.
    let dir = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for unit in unit_files() {
        let text = std::fs::read_to_string(&unit).unwrap();
        assert!(
            text.contains("ExecStart=/usr/bin/learning-hub ")
                || unit.extension().unwrap() != "service",
            "{} starts /usr/bin/learning-hub",
            unit.display()
        );
        let copy = dir.path().join(unit.file_name().unwrap());
        std::fs::write(&copy, text.replace("/usr/bin/learning-hub", HUB)).unwrap();
        copies.push(copy);
    }
    let out = analyze
        .args(["verify", "--man=no"])
        .args(&copies)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "systemd-analyze verify failed:\n{said}"
    );
    // Warnings (an unknown key, a bad value) leave the exit code at 0; any line about our
    // units is a finding.
    let here = dir.path().to_str().unwrap();
    let ours: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("learning-hub") || l.contains(here))
        .collect();
    assert!(
        ours.is_empty(),
        "systemd-analyze verify says:\n{}",
        ours.join("\n")
    );
}

#[test]
fn the_service_is_hardened_and_keeps_its_data_and_options_where_the_readme_says() {
    let unit = std::fs::read_to_string(packaging().join("learning-hub.service")).unwrap();
    for line in [
        "User=learning-hub",
        "DynamicUser=no",
        "StateDirectory=learning-hub learning-hub/backups",
        "ConfigurationDirectory=learning-hub",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "PrivateDevices=yes",
        "ProtectKernelTunables=yes",
        "ProtectKernelModules=yes",
        "ProtectControlGroups=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "SystemCallFilter=@system-service",
        "CapabilityBoundingSet=",
        "Restart=on-failure",
        "EnvironmentFile=-/etc/learning-hub/learning-hub.env",
    ] {
        assert!(
            unit.lines().any(|l| l == line),
            "learning-hub.service has {line:?}"
        );
    }
    let timer = std::fs::read_to_string(packaging().join("learning-hub-backup.timer")).unwrap();
    assert!(timer.lines().any(|l| l == "OnCalendar=daily"));
}

/// A unit's `ExecStart` as words, with its `Environment=` defaults put in, the binary the
/// one built and `/var/lib/learning-hub` moved to `state`.
fn exec_start(unit: &str, state: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(packaging().join(unit)).unwrap();
    let env: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Environment="))
        // One assignment a line, quoted when its value has spaces.
        .filter_map(|l| l.trim_matches('"').split_once('='))
        .map(|(k, v)| (format!("${k}"), v.to_string()))
        .collect();
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    line.split_whitespace()
        .flat_map(|word| match env.iter().find(|(k, _)| k == word) {
            Some((_, v)) => v.split_whitespace().map(str::to_string).collect(),
            None => vec![word.to_string()],
        })
        .map(|w| {
            w.replace("/usr/bin/learning-hub", HUB)
                .replace("/var/lib/learning-hub", state.to_str().unwrap())
                // The default address, on loopback and any free port for the test.
                .replace("0.0.0.0:8080", "127.0.0.1:0")
        })
        .collect()
}

#[test]
fn the_units_command_lines_are_ones_the_hub_accepts() {
    let state = tempfile::tempdir().unwrap();
    std::fs::create_dir(state.path().join("backups")).unwrap();
    // The service: a hub that says where it listens.
    let words = exec_start("learning-hub.service", state.path());
    let mut hub = Command::new(&words[0])
        .args(&words[1..])
        .env("LEARNING_HUB_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(hub.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert!(
        line.starts_with("listening on 127.0.0.1:"),
        "{words:?}: {line:?}"
    );
    assert!(state.path().join("learning-hub.sqlite").is_file());
    // The backup service, while that hub serves.
    let words = exec_start("learning-hub-backup.service", state.path());
    let out = Command::new(&words[0]).args(&words[1..]).output().unwrap();
    let _ = hub.kill();
    let _ = hub.wait();
    assert!(
        out.status.success(),
        "{words:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(state.path().join("backups/learning-hub.sqlite").is_file());
}
