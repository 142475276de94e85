//! Real processes for the hub's tests: the `learning-hub` binary on loopback with its own
//! SQLite file, the `learning-kiosk` binary beside it, and small catalogues made here.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The hub binary under test.
pub const HUB: &str = env!("CARGO_BIN_EXE_learning-hub");
/// The kiosk's pinned clock: Monday 23 November 2026, 09:00 in Beijing.
pub const NOW: &str = "2026-11-23T09:00:00+08:00";

/// The kiosk binary, built beside the hub's. Cargo is asked every run (a no-op when it is
/// current): a test run of this crate alone would otherwise drive a stale kiosk.
pub fn kiosk_bin() -> PathBuf {
    static BUILD: Once = Once::new();
    let path = Path::new(HUB).with_file_name("learning-kiosk");
    BUILD.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let ok = Command::new(cargo)
            .args(["build", "-p", "learning-kiosk", "--bin", "learning-kiosk"])
            .status()
            .expect("cargo runs");
        assert!(ok.success(), "the kiosk binary builds");
    });
    path
}

/// A hub process serving on a free loopback port.
pub struct Hub {
    pub db: PathBuf,
    pub addr: SocketAddr,
    child: Child,
}

impl Hub {
    /// Starts `learning-hub serve` on `db`.
    pub fn start(db: &Path) -> Hub {
        Hub::start_with(db, &[])
    }

    /// Starts `learning-hub serve` on `db` with more options (limits).
    pub fn start_with(db: &Path, options: &[&str]) -> Hub {
        let mut child = Command::new(HUB)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(options)
            .arg("--db")
            .arg(db)
            .env("LEARNING_HUB_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the hub starts");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("the hub says where it listens: {line:?}"))
            .parse()
            .unwrap();
        Hub {
            db: db.to_path_buf(),
            addr,
            child,
        }
    }

    /// The hub's process id (benchmarks read its memory and CPU).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The hub's URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Kills the hub at once (SIGKILL), as a power cut would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs a `learning-hub` subcommand on `db`.
pub fn hub(db: &Path, args: &[&str]) -> Output {
    Command::new(HUB)
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("the hub runs")
}

/// Adds a kiosk; its token (the last word printed).
pub fn add_kiosk(db: &Path, id: &str) -> String {
    let out = hub(db, &["kiosk", "add", id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .last()
        .unwrap()
        .to_string()
}

/// Imports a catalogue file into the hub.
pub fn import(db: &Path, file: &Path) {
    let out = hub(db, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every sign-up the hub holds (`export signups --json`).
pub fn exported(db: &Path) -> Vec<Value> {
    let out = hub(db, &["export", "signups", "--json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A kiosk's data folder and its token file, talking to a hub URL.
pub struct Kiosk {
    pub dir: PathBuf,
    pub token_file: PathBuf,
    pub hub: String,
}

impl Kiosk {
    /// A kiosk in `dir` with `token`, for the hub at `url`.
    pub fn new(dir: &Path, token: &str, url: &str) -> Kiosk {
        std::fs::create_dir_all(dir).unwrap();
        let token_file = dir.join("hub-token");
        std::fs::write(&token_file, format!("{token}\n")).unwrap();
        Kiosk {
            dir: dir.to_path_buf(),
            token_file,
            hub: url.to_string(),
        }
    }

    /// The command for a kiosk subcommand, with this kiosk's folder, hub and clock.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(kiosk_bin());
        cmd.arg("--data-dir")
            .arg(self.dir.join("data"))
            .args(["--hub", &self.hub, "--token-file"])
            .arg(&self.token_file)
            .args(["--now", NOW, "--lang", "en-US"])
            .args(args);
        cmd
    }

    /// Runs a kiosk subcommand to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the kiosk runs")
    }

    /// Signs a card up; the sign-up code.
    pub fn sign_up(&self, card: &str, activity: &str, date: &str) -> String {
        let out = self.run(&[
            "signup",
            "--card",
            card,
            "--activity",
            activity,
            "--date",
            date,
        ]);
        assert!(
            out.status.success(),
            "signup: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// One `sync`; its output.
    pub fn sync(&self) -> Output {
        self.run(&["sync"])
    }

    /// The outbox as `queue --json` prints it.
    pub fn queue(&self) -> Value {
        let out = self.run(&["queue", "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Syncs until nothing waits (or a minute passes).
    pub fn sync_until_drained(&self) {
        let start = Instant::now();
        loop {
            let out = self.sync();
            if out.status.success() && self.queue()["counts"]["waiting"] == 0 {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the outbox does not drain: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A valid learning card (Luhn digit worked out) for a serial in Haidian.
pub fn card(serial: u64) -> String {
    let first15 = format!("110108{serial:09}");
    let check = learning_kiosk::domain::card::luhn_check_digit(&first15).unwrap();
    format!("{first15}{check}")
}

/// A small catalogue: one venue; `seats` (capacity 4, a weekly session on Mondays at 14:00),
/// `big` (capacity 10,000, weekly, for load), `early` (started at 08:00 today), and
/// `cancelled`.
pub fn small_catalogue(title: &str) -> String {
    format!(
        r#"{{
  "format": "learning-catalogue/1",
  "generated_at": "2026-11-22T08:00:00+08:00",
  "venues": [
    {{"id": "here", "name": {{"zh-CN": "望京社区学习中心", "en-US": "Wangjing Centre"}},
     "kind": "community_learning_centre", "district": "110105",
     "address": {{"zh-CN": "望京西园三区", "en-US": "Wangjing Xiyuan 3"}},
     "lat": 39.9965, "lon": 116.4705, "step_free": true}}
  ],
  "activities": [
    {{"id": "seats", "venue": "here", "title": {{"zh-CN": "四个名额", "en-US": "{title}"}},
     "category": "science", "capacity": 4,
     "repeat": {{"days": ["mon"], "start_time": "14:00", "end_time": "15:00", "from": "2026-11-01", "until": "2027-06-30"}}}},
    {{"id": "big", "venue": "here", "title": {{"zh-CN": "大课", "en-US": "A big class"}},
     "category": "science", "capacity": 10000,
     "repeat": {{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start_time": "19:00", "end_time": "20:00", "from": "2026-11-01", "until": "2027-06-30"}}}},
    {{"id": "early", "venue": "here", "title": {{"zh-CN": "早课", "en-US": "An early class"}},
     "category": "science", "capacity": 20,
     "sessions": [{{"start": "2026-11-23T08:00:00+08:00", "end": "2026-11-23T10:00:00+08:00"}}]}},
    {{"id": "cancelled", "venue": "here", "title": {{"zh-CN": "取消的课", "en-US": "A cancelled class"}},
     "category": "science", "capacity": 20, "status": "cancelled",
     "sessions": [{{"start": "2026-11-24T10:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}}]}}
  ]
}}"#
    )
}

/// A hub with the small catalogue and one kiosk, running; the kiosk's token.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub hub: Hub,
    pub token: String,
}

impl Setup {
    /// A fresh hub with `small_catalogue`, serving, and a kiosk `k1`.
    pub fn small() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = dir.path().join("catalogue.json");
        std::fs::write(&catalogue, small_catalogue("Four seats")).unwrap();
        Setup::with_catalogue(dir, &catalogue)
    }

    /// A fresh hub with the kiosk's demo catalogue (133 venues, 500 activities).
    pub fn demo() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let catalogue =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-catalogue.json");
        Setup::with_catalogue(dir, &catalogue)
    }

    fn with_catalogue(dir: tempfile::TempDir, catalogue: &Path) -> Setup {
        let db = dir.path().join("hub.sqlite");
        import(&db, catalogue);
        let token = add_kiosk(&db, "k1");
        let hub = Hub::start(&db);
        Setup { dir, hub, token }
    }

    /// The hub's file.
    pub fn db(&self) -> PathBuf {
        self.hub.db.clone()
    }

    /// Months pass: every tombstone ages past what the hub keeps, and the hub restarts (it
    /// purges them on start), so cursors older than the purge expire.
    pub fn age_tombstones_and_restart(&mut self) {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        conn.execute(
            "UPDATE objects SET changed_at = '2020-01-01T00:00:00+00:00' WHERE body IS NULL",
            [],
        )
        .unwrap();
        drop(conn);
        self.hub.kill();
        self.hub = Hub::start(&self.db());
    }

    /// A kiosk talking to `url` (the hub, or a proxy in front of it).
    pub fn kiosk(&self, name: &str, url: &str) -> Kiosk {
        Kiosk::new(&self.dir.path().join(name), &self.token, url)
    }
}
