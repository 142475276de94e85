//! Start to first frame (target: under 150 ms with the demo catalogue) and resident memory
//! (target: under 40 MB with the generated catalogue of 5,000 venues and 100,000
//! activities), measured on the real binary in a pseudo-terminal. Baselines in the same run:
//! `--version` (process start and exit, no kiosk) for time, the demo catalogue for memory.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

mod common;

use std::io::Read;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_learning-kiosk");
const RUNS: usize = 15;

struct Run {
    millis: f64,
    rss_mb: f64,
    peak_mb: f64,
}

/// Starts the binary in a 120x40 pseudo-terminal and waits until `marker` has been drawn
/// (or the process has ended, for the baseline).
fn run(args: &[&str], marker: Option<&str>) -> Run {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    let pid = child.process_id().unwrap();
    let mut seen = Vec::new();
    let millis = loop {
        match marker {
            Some(m) => {
                let chunk = rx
                    .recv_timeout(Duration::from_secs(30))
                    .expect("the first frame within 30 s");
                seen.extend_from_slice(&chunk);
                if String::from_utf8_lossy(&seen).contains(m) {
                    break start.elapsed().as_secs_f64() * 1000.0;
                }
            }
            None => {
                child.wait().unwrap();
                break start.elapsed().as_secs_f64() * 1000.0;
            }
        }
    };
    let (rss_mb, peak_mb) = memory(pid);
    if marker.is_some() {
        let _ = child.kill();
        let _ = child.wait();
    }
    Run {
        millis,
        rss_mb,
        peak_mb,
    }
}

/// Resident and peak resident memory of a live process, MB.
fn memory(pid: u32) -> (f64, f64) {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
        return (0.0, 0.0);
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn stats(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[0], xs[xs.len() / 2], xs[xs.len() - 1])
}

fn report(name: &str, runs: &[Run]) {
    let (t0, t1, t2) = stats(runs.iter().map(|r| r.millis).collect());
    let (m0, m1, m2) = stats(runs.iter().map(|r| r.rss_mb).collect());
    let (_, p1, _) = stats(runs.iter().map(|r| r.peak_mb).collect());
    println!(
        "{name:<48} time ms min/median/max {t0:7.1} {t1:7.1} {t2:7.1}   RSS MB min/median/max {m0:6.1} {m1:6.1} {m2:6.1}   peak RSS MB median {p1:6.1}"
    );
}

fn main() {
    // `cargo bench` passes --bench; a filter may follow. Nothing to filter here.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let generated = dir.path().join("generated.json");
    std::fs::write(&generated, common::catalogue_json(5_000, 100_000, 42)).unwrap();
    let size_mb = std::fs::metadata(&generated).unwrap().len() as f64 / 1e6;
    let d = data.to_str().unwrap();
    let g = generated.to_str().unwrap();
    let now = "2026-11-23T09:00:00+08:00";
    // The welcome screen's English line is drawn in the first frame.
    let marker = Some("Welcome to learning!");

    // Warm the file cache once each.
    run(&["--data-dir", d, "--now", now], marker);
    run(&["--data-dir", d, "--now", now, "--catalogue", g], marker);

    let baseline: Vec<Run> = (0..RUNS).map(|_| run(&["--version"], None)).collect();
    let demo: Vec<Run> = (0..RUNS)
        .map(|_| run(&["--data-dir", d, "--now", now], marker))
        .collect();
    let big: Vec<Run> = (0..RUNS)
        .map(|_| run(&["--data-dir", d, "--now", now, "--catalogue", g], marker))
        .collect();

    println!("start to first frame, {RUNS} runs each, 120x40 pseudo-terminal");
    report("--version (baseline: start and exit)", &baseline);
    report("kiosk, demo catalogue (500 activities)", &demo);
    report(
        &format!("kiosk, generated catalogue ({size_mb:.0} MB JSON)"),
        &big,
    );
    let _ = Path::new(BIN);
}
