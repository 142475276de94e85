//! The kiosk and the hub on the path a deployment takes: a real `learning-hub` process on
//! loopback serving a generated district catalogue (bilingual summaries of realistic length),
//! a kiosk that made its first full sync from it, then the real kiosk binary in a 120x40
//! pseudo-terminal running from that cache. For each size:
//!
//! - `import`: wall time and peak RSS of `learning-hub import`;
//! - the hub's RSS while serving, and its CPU per lone sign-up against a caught-up poll;
//! - the kiosk's first full sync (wall time);
//! - kiosk start to first frame, and Pss (`/proc/PID/smaps_rollup`) showing the nearby list,
//!   from the hub's cache, against the seed-file path (`--catalogue FILE`) in the same run;
//! - the kiosk's peak RSS (VmHWM after `clear_refs`) while new seat counts arrive with a person
//!   at the screen, while one changed activity arrives at an idle kiosk, and while a whole new
//!   catalogue is loaded, each against its steady RSS just before.
//!
//! `cargo bench -p learning-hub --bench deployed` (sizes: `DEPLOYED_SIZES=10000,100000,300000`,
//! the default) prints Markdown tables for BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../../../benches/common/mod.rs"]
mod generator;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use learning_kiosk::domain::time::parse_moment;
use learning_kiosk::sync::HubClient;
use learning_wire::{SignupBatch, SignupItem};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Start-up runs per path (the median is reported).
const STARTS: usize = 5;

fn status_kb(pid: u32, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0.0)
}

fn mb(kb: f64) -> f64 {
    kb / 1024.0
}

fn pss_mb(pid: u32) -> f64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    mb(text
        .lines()
        .find(|l| l.starts_with("Pss:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0.0))
}

fn rss_mb(pid: u32) -> f64 {
    mb(status_kb(pid, "VmRSS:"))
}

fn peak_mb(pid: u32) -> f64 {
    mb(status_kb(pid, "VmHWM:"))
}

/// Starts measuring a new peak: the kernel resets VmHWM to the current RSS.
fn reset_peak(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

/// CPU seconds (user + system) a process has used.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    // utime and stime are fields 14 and 15 of stat; 12 and 13 after the name and state.
    (fields.get(11).unwrap_or(&0.0) + fields.get(12).unwrap_or(&0.0)) / 100.0
}

fn eprintln_quiet(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The kiosk binary in a 120x40 pseudo-terminal.
struct Screen {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: std::sync::Arc<std::sync::Mutex<Box<dyn Write + Send>>>,
    rx: mpsc::Receiver<Vec<u8>>,
    seen: Vec<u8>,
    started: Instant,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Screen {
    fn start(args: &[&str]) -> Screen {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(common::kiosk_bin());
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = std::sync::Arc::new(std::sync::Mutex::new(pty.master.take_writer().unwrap()));
        let answers = writer.clone();
        let (tx, rx) = mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            // A terminal in memory answers the kiosk's cursor-position probe at start, as a
            // real one does (without an answer the kiosk waits before it starts).
            let mut terminal = vt100::Parser::new(40, 120, 0);
            let mut buf = [0u8; 65536];
            // The last bytes seen, so a question split across two reads is still heard.
            let mut tail: Vec<u8> = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                let chunk = &buf[..n];
                for part in chunk.split_inclusive(|&b| b == b'n') {
                    terminal.process(part);
                    tail.extend_from_slice(part);
                    tail.drain(..tail.len().saturating_sub(4));
                    if tail.ends_with(b"\x1b[6n") {
                        let (row, col) = terminal.screen().cursor_position();
                        let mut w = answers.lock().unwrap();
                        let _ = write!(w, "\x1b[{};{}R", row + 1, col + 1);
                        let _ = w.flush();
                    }
                }
                if n == 0 || tx.send(chunk.to_vec()).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).unwrap();
        Screen {
            child,
            writer,
            rx,
            seen: Vec::new(),
            started,
            _master: pty.master,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits until `marker` has been drawn since the last wait; milliseconds since start.
    /// Words are drawn with cursor moves between them: compared without escapes or spaces.
    fn wait_for(&mut self, marker: &str) -> f64 {
        let deadline = Instant::now() + Duration::from_secs(120);
        let wanted: String = marker.split_whitespace().collect();
        loop {
            if drawn_text(&self.seen).contains(&wanted) {
                self.seen.clear();
                return self.started.elapsed().as_secs_f64() * 1000.0;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.seen.extend_from_slice(&chunk),
                Err(_) => {
                    let text = drawn_text(&self.seen);
                    let tail: String = text.chars().rev().take(600).collect();
                    panic!(
                        "{marker:?} not drawn; last text: {}",
                        tail.chars().rev().collect::<String>()
                    )
                }
            }
        }
    }

    fn send(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Reads the card and opens the nearby list.
    fn open_nearby(&mut self) {
        self.send(&format!("{}\r", common::card(1)));
        self.wait_for("What would you like to do?");
        self.send("1");
        self.wait_for("Learning activities nearby");
        // Let the list settle (the rows come in the same frame; the clock ticks after).
        std::thread::sleep(Duration::from_millis(500));
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The characters a terminal was asked to draw, without escape sequences or spaces.
fn drawn_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, then one final byte in @..~.
            if chars.peek() == Some(&'[') {
                chars.next();
                for p in chars.by_ref() {
                    if ('@'..='~').contains(&p) {
                        break;
                    }
                }
            }
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// A site config for the demo kiosk's place, in English, syncing every 10 s with `hub`.
fn site_config(dir: &Path, hub: Option<(&str, &Path)>) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../kiosk-config/shijingshan-community-college.toml");
    let mut text = std::fs::read_to_string(example)
        .unwrap()
        .replace("language = \"zh-CN\"", "language = \"en-US\"");
    if let Some((url, token)) = hub {
        text.push_str(&format!(
            "\n[hub]\nurl = \"{url}\"\ntoken_file = \"{}\"\nsync_interval_seconds = 10\n",
            token.display()
        ));
    }
    let path = dir.join(if hub.is_some() {
        "hub-site.toml"
    } else {
        "seed-site.toml"
    });
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs a command to its end, sampling its peak RSS; (wall seconds, peak MB).
fn measured(mut cmd: Command) -> (f64, f64) {
    let start = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).spawn().unwrap();
    let pid = child.id();
    let mut peak = 0.0f64;
    loop {
        peak = peak.max(peak_mb(pid));
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{cmd:?} failed");
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (start.elapsed().as_secs_f64(), peak)
}

/// Lines of the kiosk's log that say a sync moved changes.
fn syncs_with_changes(data: &Path) -> usize {
    let Ok(dir) = std::fs::read_dir(data.join("logs")) else {
        return 0;
    };
    dir.flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .map(|log| {
            log.lines()
                .filter(|l| l.contains("synced") && !l.contains("changes=0"))
                .count()
        })
        .sum()
}

/// Waits until the kiosk has logged one more sync with changes, and a little more for the
/// screen to take them.
fn wait_for_changes(data: &Path, before: usize) {
    let deadline = Instant::now() + Duration::from_secs(600);
    while syncs_with_changes(data) <= before {
        assert!(
            Instant::now() < deadline,
            "the kiosk never synced the change"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(1500));
}

/// Sign-ups for distinct cards on sessions after the kiosk's pinned clock, as many lone
/// requests; hub CPU milliseconds per request, against caught-up polls in the same run.
fn hub_cpu_per_request(
    hub: &common::Hub,
    token: &str,
    activities: usize,
    (first, n): (usize, usize),
) -> (f64, f64) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut client = HubClient::new(&hub.url(), token).unwrap();
    let now = parse_moment(common::NOW).unwrap();
    // Every generated activity meets weekly until the end of 2027 on one or two weekdays:
    // a date within the next week always has a session of some activity; the hub judges
    // the rest "no_session", which costs it the same reads.
    let pid = hub.pid();
    let before = cpu_seconds(pid);
    for i in first..first + n {
        let day = now.date_naive() + chrono::Days::new(1 + (i % 7) as u64);
        let item = SignupItem {
            kind: learning_wire::Kind::Signup,
            target: None,
            uuid: uuid::Uuid::new_v4().to_string(),
            card: common::card(10_000 + i as u64),
            activity: format!("a{}", (i * 7919) % activities),
            date: day.to_string(),
            created_at: common::NOW.to_string(),
        };
        rt.block_on(client.signups(&SignupBatch {
            signups: vec![item],
        }))
        .unwrap();
    }
    let signup = (cpu_seconds(pid) - before) * 1000.0 / n as f64;
    let before = cpu_seconds(pid);
    let next = rt
        .block_on(client.feed(u64::MAX / 2, 1, false, None))
        .unwrap();
    let tag = match next {
        learning_kiosk::sync::client::FeedAnswer::Page(_, tag, _) => tag,
        _ => None,
    };
    for _ in 0..n {
        rt.block_on(client.feed(u64::MAX / 2, 1, false, tag.as_deref()))
            .unwrap();
    }
    let poll = (cpu_seconds(pid) - before) * 1000.0 / n as f64;
    (signup, poll)
}

#[derive(Default)]
struct Figures {
    activities: usize,
    json_mb: f64,
    import_s: f64,
    import_peak: f64,
    hub_rss: f64,
    hub_signup_ms: f64,
    hub_poll_ms: f64,
    first_sync_s: f64,
    start_cache_ms: f64,
    start_seed_ms: f64,
    pss_cache: f64,
    pss_seed: f64,
    seats_steady: f64,
    seats_peak: f64,
    change_steady: f64,
    change_peak: f64,
    pss_after_change: f64,
    reload_steady: f64,
    reload_peak: f64,
    week: Option<Week>,
}

/// The same kiosk figures after a week of daily imports.
struct Week {
    feed_items: u64,
    tombstones: u64,
    first_sync_s: f64,
    start_ms: f64,
    pss: f64,
    hub_rss: f64,
    hub_signup_ms: f64,
}

/// Seven daily imports, each changing 5 % of the activities, withdrawing 1 % and adding 1 %
/// new ones; then a new kiosk's first sync, start and memory on that feed.
fn week_of_changes(dir: &Path, db: &Path, hub: &common::Hub, token: &str, file: &Path) -> Week {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    for day in 1..=7u64 {
        let list = doc["activities"].as_array_mut().unwrap();
        let mut kept = Vec::with_capacity(list.len());
        for (i, mut a) in std::mem::take(list).into_iter().enumerate() {
            let i = i as u64;
            if i % 100 == day {
                continue;
            }
            if (i + day).is_multiple_of(20) {
                a["credits"] = day.into();
            }
            kept.push(a);
        }
        let fresh: Vec<serde_json::Value> = kept
            .iter()
            .step_by(100)
            .map(|a| {
                let mut a = a.clone();
                a["id"] = format!("{}-d{day}", a["id"].as_str().unwrap()).into();
                a
            })
            .collect();
        kept.extend(fresh);
        *doc["activities"].as_array_mut().unwrap() = kept;
        let path = dir.join(format!("day{day}.json"));
        std::fs::write(&path, doc.to_string()).unwrap();
        let out = common::hub(db, &["import", path.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as u64;
    let feed_items = count("SELECT count(*) FROM objects");
    let tombstones = count("SELECT count(*) FROM objects WHERE body IS NULL");
    let activities = doc["activities"].as_array().unwrap().len();
    drop(doc);

    let token_file = dir.join("hub-token");
    let site = site_config(dir, Some((&hub.url(), &token_file)));
    let data = dir.join("week-data");
    let args = [
        "--config",
        site.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--now",
        common::NOW,
    ];
    let mut sync = Command::new(common::kiosk_bin());
    sync.args(args).arg("sync");
    let (first_sync_s, _) = measured(sync);
    let start_ms = median(
        (0..STARTS)
            .map(|_| Screen::start(&args).wait_for("Welcome to learning!"))
            .collect(),
    );
    let mut s = Screen::start(&args);
    s.wait_for("Welcome to learning!");
    s.open_nearby();
    let pss = pss_mb(s.pid());
    drop(s);
    let (hub_signup_ms, _) = hub_cpu_per_request(hub, token, activities, (5000, 1000));
    Week {
        feed_items,
        tombstones,
        first_sync_s,
        start_ms,
        pss,
        hub_rss: rss_mb(hub.pid()),
        hub_signup_ms,
    }
}

fn measure(work: &Path, activities: usize) -> Figures {
    let mut f = Figures {
        activities,
        ..Figures::default()
    };
    let dir = work.join(format!("n{activities}"));
    std::fs::create_dir_all(&dir).unwrap();
    let venues = (activities / 20).max(50);
    let file = dir.join("catalogue.json");
    std::fs::write(&file, generator::catalogue_json(venues, activities, 42)).unwrap();
    f.json_mb = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;

    let db = dir.join("hub.sqlite");
    let mut import = Command::new(common::HUB);
    import.arg("--db").arg(&db).arg("import").arg(&file);
    (f.import_s, f.import_peak) = measured(import);
    let token = common::add_kiosk(&db, "bench-kiosk");
    let hub = common::Hub::start(&db);
    let token_file = dir.join("hub-token");
    std::fs::write(&token_file, &token).unwrap();
    let hub_site = site_config(&dir, Some((&hub.url(), &token_file)));
    let seed_site = site_config(&dir, None);
    let data = dir.join("kiosk-data");
    let d = data.to_str().unwrap();
    let cfg = hub_site.to_str().unwrap();

    // The kiosk's first full sync, as staff run it at install.
    let mut sync = Command::new(common::kiosk_bin());
    sync.args([
        "--config",
        cfg,
        "--data-dir",
        d,
        "--now",
        common::NOW,
        "sync",
    ]);
    (f.first_sync_s, _) = measured(sync);
    f.hub_rss = rss_mb(hub.pid());
    (f.hub_signup_ms, f.hub_poll_ms) = hub_cpu_per_request(&hub, &token, activities, (0, 2000));

    // Start to first frame: from the hub's cache, and from the seed file.
    let seed_data = dir.join("seed-data");
    let sd = seed_data.to_str().unwrap();
    let seed_args = [
        "--config",
        seed_site.to_str().unwrap(),
        "--catalogue",
        file.to_str().unwrap(),
        "--data-dir",
        sd,
        "--now",
        common::NOW,
    ];
    let cache_args = ["--config", cfg, "--data-dir", d, "--now", common::NOW];
    let mut cache_starts = Vec::new();
    let mut seed_starts = Vec::new();
    for _ in 0..STARTS {
        let mut s = Screen::start(&cache_args);
        cache_starts.push(s.wait_for("Welcome to learning!"));
        drop(s);
        let mut s = Screen::start(&seed_args);
        seed_starts.push(s.wait_for("Welcome to learning!"));
    }
    f.start_cache_ms = median(cache_starts);
    f.start_seed_ms = median(seed_starts);
    {
        let mut s = Screen::start(&seed_args);
        s.wait_for("Welcome to learning!");
        s.open_nearby();
        f.pss_seed = pss_mb(s.pid());
    }

    // From the hub's cache: the nearby list, then new seat counts arrive under the person.
    let mut s = Screen::start(&cache_args);
    s.wait_for("Welcome to learning!");
    s.open_nearby();
    let pid = s.pid();
    f.pss_cache = pss_mb(pid);
    f.seats_steady = rss_mb(pid);
    reset_peak(pid);
    let before = syncs_with_changes(&data);
    hub_cpu_per_request(&hub, &token, activities, (2000, 400));
    wait_for_changes(&data, before);
    f.seats_peak = peak_mb(pid);
    drop(s);

    // An idle kiosk takes one changed activity in place.
    let mut s = Screen::start(&cache_args);
    s.wait_for("Welcome to learning!");
    std::thread::sleep(Duration::from_millis(500));
    let pid = s.pid();
    f.change_steady = rss_mb(pid);
    reset_peak(pid);
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = dir.join("changed.json");
    std::fs::write(
        &changed,
        text.replacen("\"id\":\"a0\",", "\"id\":\"a0\",\"credits\":2,", 1),
    )
    .unwrap();
    let before = syncs_with_changes(&data);
    let out = common::hub(&db, &["import", changed.to_str().unwrap()]);
    assert!(out.status.success());
    wait_for_changes(&data, before);
    f.change_peak = peak_mb(pid);
    s.open_nearby();
    f.pss_after_change = pss_mb(pid);
    drop(s);

    // A whole new catalogue (every activity changed): the kiosk lets go of the one in use
    // and loads the new one.
    let mut s = Screen::start(&cache_args);
    s.wait_for("Welcome to learning!");
    std::thread::sleep(Duration::from_millis(500));
    let pid = s.pid();
    f.reload_steady = rss_mb(pid);
    reset_peak(pid);
    let renewed = dir.join("renewed.json");
    std::fs::write(
        &renewed,
        text.replace("\"capacity\":", "\"credits\":1,\"capacity\":"),
    )
    .unwrap();
    let before = syncs_with_changes(&data);
    let out = common::hub(&db, &["import", renewed.to_str().unwrap()]);
    assert!(out.status.success());
    wait_for_changes(&data, before);
    f.reload_peak = peak_mb(pid);
    drop(s);
    let week_max: usize = std::env::var("DEPLOYED_WEEK_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    if activities <= week_max {
        f.week = Some(week_of_changes(&dir, &db, &hub, &token, &renewed));
    }
    f
}

fn main() {
    let sizes: Vec<usize> = std::env::var("DEPLOYED_SIZES")
        .unwrap_or_else(|_| "10000,100000,300000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let work = tempfile::tempdir().unwrap();
    // DEPLOYED_KEEP=1 keeps the hub's and the kiosks' files (and logs) to look at.
    let work_path = if std::env::var_os("DEPLOYED_KEEP").is_some() {
        let kept = work.keep();
        eprintln_quiet(&format!("keeping {}", kept.display()));
        kept
    } else {
        work.path().to_path_buf()
    };
    let figures: Vec<Figures> = sizes.iter().map(|n| measure(&work_path, *n)).collect();
    let mut out = std::io::stdout().lock();
    let header = figures
        .iter()
        .map(|f| format!(" {} activities |", f.activities))
        .collect::<String>();
    let rule = "---|".repeat(figures.len());
    let row = |name: &str, cell: &dyn Fn(&Figures) -> String| -> String {
        let cells: String = figures.iter().map(|f| format!(" {} |", cell(f))).collect();
        format!("| {name} |{cells}")
    };
    let lines = [
        format!("| what |{header}"),
        format!("|---|{rule}"),
        row("catalogue JSON (MB)", &|f| format!("{:.0}", f.json_mb)),
        row(
            "kiosk Pss showing the nearby list, from the hub's cache (MB)",
            &|f| format!("{:.1}", f.pss_cache),
        ),
        row("baseline: the same from the seed file (MB)", &|f| {
            format!("{:.1}", f.pss_seed)
        }),
        row("kiosk Pss after one catalogue change arrived (MB)", &|f| {
            format!("{:.1}", f.pss_after_change)
        }),
        row(
            "kiosk start to first frame, from the hub's cache (ms, median of 5)",
            &|f| format!("{:.0}", f.start_cache_ms),
        ),
        row("baseline: the same from the seed file (ms)", &|f| {
            format!("{:.0}", f.start_seed_ms)
        }),
        row(
            "new seat counts under a person: peak / steady RSS (MB)",
            &|f| {
                format!(
                    "{:.1} / {:.1} ({:.2}x)",
                    f.seats_peak,
                    f.seats_steady,
                    f.seats_peak / f.seats_steady
                )
            },
        ),
        row(
            "one changed activity, idle kiosk: peak / steady RSS (MB)",
            &|f| {
                format!(
                    "{:.1} / {:.1} ({:.2}x)",
                    f.change_peak,
                    f.change_steady,
                    f.change_peak / f.change_steady
                )
            },
        ),
        row("whole new catalogue loaded: peak / steady RSS (MB)", &|f| {
            format!(
                "{:.1} / {:.1} ({:.2}x)",
                f.reload_peak,
                f.reload_steady,
                f.reload_peak / f.reload_steady
            )
        }),
        row("kiosk's first full sync (s)", &|f| {
            format!("{:.1}", f.first_sync_s)
        }),
        row("hub RSS serving (MB)", &|f| format!("{:.1}", f.hub_rss)),
        row("`learning-hub import`: time (s) / peak RSS (MB)", &|f| {
            format!("{:.1} / {:.1}", f.import_s, f.import_peak)
        }),
        row("hub CPU per lone sign-up request (ms)", &|f| {
            format!("{:.2}", f.hub_signup_ms)
        }),
        row("baseline: hub CPU per caught-up poll (ms)", &|f| {
            format!("{:.2}", f.hub_poll_ms)
        }),
    ];
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "\nAfter a week of changes (seven daily imports: 5 % of activities changed, 1 % withdrawn, 1 % new, each day):\n"
    );
    let _ = writeln!(
        out,
        "| activities at the start | feed objects (tombstones) | kiosk's first sync (s) | start to first frame, from the hub's cache (ms) | kiosk Pss showing the nearby list (MB) | hub RSS (MB) | hub CPU per lone sign-up (ms) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for f in &figures {
        if let Some(w) = &f.week {
            let _ = writeln!(
                out,
                "| {} | {} ({}) | {:.1} | {:.0} | {:.1} | {:.1} | {:.2} |",
                f.activities,
                w.feed_items,
                w.tombstones,
                w.first_sync_s,
                w.start_ms,
                w.pss,
                w.hub_rss,
                w.hub_signup_ms
            );
        }
    }
}
