//! The real binary in a real terminal (tmux): reader, keypad, touch, the keys that leave
//! other programs, SIGTERM, a crash, and the staff exit. `.ci/run` installs tmux.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{HERE_TODAY_ZH, row_key};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_learning-kiosk");
const NOW: &str = "2026-11-23T09:00:00+08:00";
const CARD: &str = "1101080000000016";

static N: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// What the kiosk's command starts with: the locale a kiosk session sets (a test may
    /// start one under a bare service's `LANG=C` instead).
    static LOCALE: std::cell::RefCell<String> =
        std::cell::RefCell::new("env LANG=C.UTF-8 LC_ALL= LC_CTYPE= ".to_string());
}

/// One kiosk in its own tmux server.
struct Term {
    socket: String,
    dir: tempfile::TempDir,
}

impl Term {
    fn start(args: &[&str], cols: u16, rows: u16) -> Term {
        Term::start_in(tempfile::tempdir().unwrap(), args, cols, rows, true)
    }

    /// A kiosk in `dir`; `stderr_to_file` false leaves its stderr on the terminal, as a
    /// supervisor that runs it in a terminal does.
    fn start_in(
        dir: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        stderr_to_file: bool,
    ) -> Term {
        Term::start_at(dir, NOW, args, cols, rows, stderr_to_file)
    }

    /// [`Term::start_in`] with the kiosk's clock pinned at `now`.
    fn start_at(
        dir: tempfile::TempDir,
        now: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        stderr_to_file: bool,
    ) -> Term {
        let d = dir.path().display();
        let extra: Vec<String> = args.iter().map(|a| format!("\"{a}\"")).collect();
        // The shell records the exit code and the terminal's modes once the kiosk is gone.
        let script = format!(
            "echo $$ > {d}/pid; {}{BIN} --data-dir {d}/data --now {now} {} {}; echo $? > {d}/exit.tmp; stty -a > {d}/stty; mv {d}/exit.tmp {d}/exit; sleep 60",
            LOCALE.with(|l| l.borrow().clone()),
            extra.join(" "),
            if stderr_to_file {
                format!("2> {d}/stderr")
            } else {
                String::new()
            }
        );
        Term::launch(
            dir,
            cols,
            rows,
            &format!("exec sh -c '{}'", script.replace('\'', "'\\''")),
        )
    }

    /// Runs `command` in a new tmux server of its own, in a window `cols` by `rows`.
    fn launch(dir: tempfile::TempDir, cols: u16, rows: u16, command: &str) -> Term {
        let socket = format!(
            "lk-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-s",
                "k",
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
            ])
            .arg(command)
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(ok.success());
        Term { socket, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "k"])
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_for_within(text, Duration::from_secs(15))
    }

    fn wait_for_within(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < limit, "never saw {text:?} on:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Keys as tmux names them (Enter, C-c, F2, ...).
    fn key(&self, key: &str) {
        self.tmux(&["send-keys", "-t", "k", key]);
    }

    /// Text arriving all at once, as a card reader sends it.
    fn burst(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "k", "-l", text]);
    }

    /// On a list, presses the number of the row that reads `words`, turning pages with `+`
    /// until it shows, as a person would.
    fn choose_row(&self, words: &str) {
        for _ in 0..60 {
            let screen = self.screen();
            if let Some(key) = row_key(&screen, words) {
                self.type_slowly(&key.to_string());
                return;
            }
            self.type_slowly("+");
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("no row reads {words:?} on:\n{}", self.screen());
    }

    /// Text typed by a person: a key at a time.
    fn type_slowly(&self, text: &str) {
        for c in text.chars() {
            self.burst(&c.to_string());
            std::thread::sleep(Duration::from_millis(90));
        }
    }

    /// A tap where `text` is on screen (SGR mouse press and release).
    fn tap(&self, text: &str) {
        let screen = self.wait_for(text);
        let (row, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(text))
            .unwrap();
        let col = unicode_width::UnicodeWidthStr::width(&line[..line.find(text).unwrap()]) + 2;
        self.burst(&format!("\x1b[<0;{};{}M", col + 1, row + 1));
        self.burst(&format!("\x1b[<0;{};{}m", col + 1, row + 1));
    }

    fn pid(&self) -> i32 {
        // The shell runs the kiosk as its child.
        let shell = std::fs::read_to_string(self.path("pid")).unwrap();
        let out = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .expect("the kiosk is running")
            .trim()
            .parse()
            .unwrap()
    }

    fn exit_code(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Ok(code) = std::fs::read_to_string(self.path("exit")) {
                return code.trim().parse().unwrap();
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the kiosk did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn is_running(&self) -> bool {
        !self.path("exit").exists() && !self.path("exit.tmp").exists()
    }

    /// The terminal is back in its normal mode: line editing and echo on.
    fn assert_terminal_restored(&self) {
        let stty = std::fs::read_to_string(self.path("stty")).unwrap();
        for mode in ["icanon", "echo", "isig"] {
            assert!(
                stty.split_whitespace().any(|w| w == mode),
                "{mode} was not restored:\n{stty}"
            );
        }
    }

    fn queue(&self) -> serde_json::Value {
        let out = Command::new(BIN)
            .arg("--data-dir")
            .arg(self.path("data"))
            .args(["queue", "--json"])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn signal(pid: i32, sig: &str) {
    assert!(
        Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn a_citizen_signs_up_with_a_card_reader_and_the_kiosk_closes_cleanly_on_sigterm() {
    let t = Term::start(&[], 120, 40);
    t.wait_for("欢迎来学习");
    t.burst(&format!("{CARD}\r"));
    let home = t.wait_for("1101 **** **** 0016");
    assert!(!home.contains(CARD), "the card is masked once read");
    assert!(
        !home.contains("1101 0800"),
        "a reader burst never lands in the field"
    );

    t.type_slowly("1");
    t.wait_for("附近的学习活动");
    t.choose_row(HERE_TODAY_ZH);
    t.wait_for("选择一个时间报名");
    t.type_slowly("1");
    t.wait_for("请确认报名");
    t.key("Enter");
    let receipt = t.wait_for("已保存在本机");
    let code = receipt
        .lines()
        .find_map(|l| l.split("报名号 ").nth(1))
        .map(|c| c.split_whitespace().next().unwrap().to_string())
        .expect("the receipt shows a sign-up code");

    // The keys that leave other programs are ordinary input here.
    for key in ["C-c", "C-z", "C-\\", "C-d"] {
        t.key(key);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.is_running(), "a public key left the kiosk");
    assert!(t.screen().contains(&code));

    // Saved means on disk, before anyone asked the kiosk to close.
    let queue = t.queue();
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["signups"][0]["code"], code.as_str());

    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 0);
    t.assert_terminal_restored();

    // The day's log tells the story without the card number.
    let logs = t.path("data/logs");
    let mut logged = String::new();
    for entry in std::fs::read_dir(&logs).unwrap() {
        logged.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(
        logged.contains("card read") && logged.contains("sign-up saved"),
        "{logged}"
    );
    assert!(
        !logged.contains(CARD) && !logged.contains("0016"),
        "a card number in the log"
    );
}

/// "Saved" means saved: the kiosk killed outright the moment the receipt shows still has it.
#[test]
fn a_sign_up_survives_sigkill_right_after_the_receipt() {
    let t = Term::start(&[], 120, 40);
    t.wait_for("欢迎来学习");
    t.burst(&format!("{CARD}\r"));
    t.wait_for("1101 **** **** 0016");
    t.type_slowly("1");
    t.wait_for("附近的学习活动");
    t.choose_row(HERE_TODAY_ZH);
    t.wait_for("选择一个时间报名");
    t.type_slowly("1");
    t.wait_for("请确认报名");
    t.key("Enter");
    t.wait_for("已保存在本机");
    signal(t.pid(), "-KILL");
    assert_eq!(t.exit_code(), 137);
    let queue = t.queue();
    assert_eq!(queue["total"], 1, "{queue}");
}

#[test]
fn touch_works_and_english_fits_at_80x24() {
    let t = Term::start(&[], 80, 24);
    t.wait_for("欢迎来学习");
    t.tap("* English");
    t.wait_for("Welcome to learning!");
    t.tap("Look around first");
    t.wait_for("Learning activities nearby");
    t.tap("Category: All");
    t.wait_for("Which kind of activity?");
    t.tap("Digital skills");
    let list = t.wait_for("Category: Digital skills");
    assert!(list.lines().count() <= 24);
    // Tap the first row of the list.
    let first = list
        .lines()
        .find(|l| l.starts_with(">1") || l.starts_with(" 1"))
        .unwrap();
    let title = first[4..].split("  ").next().unwrap().trim().to_string();
    t.tap(&title);
    t.wait_for("Choose a time to sign up");
    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn the_map_opens_with_f4_and_a_tap_on_its_list_opens_a_venue() {
    let t = Term::start(&[], 160, 48);
    t.wait_for("欢迎来学习");
    t.key("F4");
    // The frame may be caught half written: wait for its parts rather than one capture.
    t.wait_for("图例");
    let map = t.wait_for("你在这里");
    assert!(map.contains("学习地图"), "{map}");
    // Zoom out to the whole city: braille outlines and district names appear.
    for _ in 0..4 {
        t.key("-");
        std::thread::sleep(Duration::from_millis(100));
    }
    let city = t.wait_for("密云区");
    assert!(
        city.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
        "no braille outlines"
    );
    t.key("0");
    // Back around here (the city view's list already starts "right here": wait for the map
    // itself, so that the taps come after the key).
    t.wait_for("80 公里宽");
    // The first row of the list is this kiosk's own centre, "right here": a tap chooses it
    // on the map, a second opens it.
    t.tap("就在这里");
    t.wait_for("再按一次 1");
    t.tap("就在这里");
    t.wait_for("选择一个活动");
    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn staff_leave_with_the_chord_and_pin() {
    let t = Term::start(&[], 120, 40);
    t.wait_for("欢迎来学习");
    t.key("C-M-k");
    t.wait_for("工作人员：请输入密码");
    t.type_slowly("2468");
    assert!(t.screen().contains("****"));
    t.key("Enter");
    t.wait_for("关闭学习亭程序");
    t.type_slowly("1");
    assert_eq!(t.exit_code(), 0);
    t.assert_terminal_restored();
}

#[test]
fn a_crash_restores_the_terminal_and_exits_non_zero() {
    let t = Term::start(&["--test-panic"], 120, 40);
    assert_eq!(t.exit_code(), 70);
    t.assert_terminal_restored();
    let stderr = std::fs::read_to_string(t.path("stderr")).unwrap();
    assert!(stderr.contains("will restart"), "{stderr}");
}

#[test]
fn a_broken_config_shows_what_is_wrong_instead_of_a_blank_screen() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("site.toml");
    std::fs::write(&config, "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"110101\"\nlat = 99\nlon = 116.4\n").unwrap();
    let t = Term::start(&["--config", config.to_str().unwrap()], 120, 40);
    // A frame reaches the terminal in several writes: wait for its last line, not its first.
    let screen = t.wait_for("line 5: kiosk.lat");
    assert!(screen.contains("学习亭暂停服务"));
    assert!(screen.contains("out of service"), "{screen}");
    // No key leaves it, not even the staff chord: there is no PIN to check.
    for key in ["C-M-k", "C-c", "Escape", "Enter"] {
        t.key(key);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.is_running());
    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 3);
    t.assert_terminal_restored();
}

#[test]
fn under_a_bare_services_locale_the_kiosk_says_in_ascii_what_to_fix() {
    LOCALE.with(|l| *l.borrow_mut() = "env LANG=C LC_ALL= LC_CTYPE= ".to_string());
    let t = Term::start(&[], 120, 40);
    let screen = t.wait_for("then restart it.");
    assert!(
        screen.contains("THIS TERMINAL CANNOT SHOW THE KIOSK"),
        "{screen}"
    );
    assert!(screen.contains("(LANG=C)"), "{screen}");
    assert!(screen.contains("Set LANG=C.UTF-8"), "{screen}");
    assert!(
        screen.is_ascii(),
        "only ASCII on a terminal that may show nothing else:\n{screen}"
    );
    // It stays up, as the out-of-service screen does, until its supervisor stops it.
    t.key("Enter");
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.is_running());
    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 3);
    t.assert_terminal_restored();
    let logs = std::fs::read_dir(t.path("data/logs")).unwrap();
    let log: String = logs
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    assert!(log.contains("the terminal cannot show the kiosk"), "{log}");
    assert!(log.contains("LANG=C"), "{log}");
}

/// A kiosk session restarts the kiosk whatever it exits with (cage always exits 0), so the
/// kiosk paces a crash loop itself: here a shell loop stands in for systemd's
/// `Restart=always`, starting it again at once each time.
#[test]
fn a_crash_loop_is_restarted_with_backoff_and_staff_see_it_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let kiosk = format!("env LANG=C.UTF-8 LC_ALL= {BIN} --data-dir {d}/data --now {NOW}");
    let script = format!(
        "for i in 1 2 3 4 5; do date +%s.%N >> {d}/starts; {kiosk} --test-panic 2>/dev/null; echo $? >> {d}/codes; done; date +%s.%N >> {d}/starts; echo $$ > {d}/pid; {kiosk}; echo $? > {d}/exit; sleep 60"
    );
    let t = Term::launch(
        dir,
        120,
        40,
        &format!("exec sh -c '{}'", script.replace('\'', "'\\''")),
    );
    let screen = t.wait_for_within("欢迎来学习", Duration::from_secs(60));
    let shown = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let codes = std::fs::read_to_string(t.path("codes")).unwrap();
    assert_eq!(codes.split_whitespace().collect::<Vec<_>>(), ["70"; 5]);
    let starts: Vec<f64> = std::fs::read_to_string(t.path("starts"))
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    // How long each start took to crash (or, the last, to show its first screen).
    let mut runs: Vec<f64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    runs.push(shown - starts[5]);
    // After one or two crashes in a minute the kiosk starts at once; after three it waits
    // 1 s, after four 2 s, after five 4 s.
    assert!(
        runs[3] >= 1.0 && runs[4] >= 2.0 && runs[5] >= 4.0,
        "{runs:?}"
    );
    assert!(!screen.contains("restarting"), "{screen}");
    // Staff see it on their page afterwards.
    t.key("C-M-k");
    t.wait_for("工作人员：请输入密码");
    t.type_slowly("2468");
    t.key("Enter");
    let staff = t.wait_for("重新启动 5 次");
    assert!(staff.contains("crash requested by --test-panic"), "{staff}");
}

#[test]
fn an_idle_kiosk_forgets_the_person() {
    // The shortest idle time a site may set, to keep the test quick: 20 s, then 30 s.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("site.toml");
    let demo = std::fs::read_to_string(Path::new("assets/demo-site.toml")).unwrap();
    std::fs::write(
        &config,
        demo.replace("idle_seconds = 90", "idle_seconds = 20"),
    )
    .unwrap();
    let t = Term::start(&["--config", config.to_str().unwrap()], 120, 40);
    t.wait_for("欢迎来学习");
    t.burst(&format!("{CARD}\r"));
    t.wait_for("1101 **** **** 0016");
    let start = Instant::now();
    t.wait_for_within("您还在吗", Duration::from_secs(30));
    assert!(
        start.elapsed() >= Duration::from_secs(18),
        "{:?}",
        start.elapsed()
    );
    let start = Instant::now();
    loop {
        let screen = t.screen();
        if screen.contains("欢迎来学习") {
            assert!(!screen.contains("0016"), "the card is forgotten");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "no reset:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(start.elapsed() >= Duration::from_secs(28));
    signal(t.pid(), "-TERM");
    assert_eq!(t.exit_code(), 0);
}

/// The district hub binary, built beside the kiosk's by `cargo test --workspace`.
/// Runs a `learning-hub` command on the database `db`; its standard output (it must succeed).
fn hub_cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(hub_bin())
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn hub_bin() -> PathBuf {
    let path = Path::new(BIN).with_file_name("learning-hub");
    if !path.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let ok = Command::new(cargo)
            .args(["build", "-p", "learning-hub"])
            .status()
            .unwrap();
        assert!(ok.success());
    }
    path
}

/// A hub on loopback with the demo catalogue and this kiosk's token; killed on drop.
struct Hub {
    child: std::process::Child,
    url: String,
    db: PathBuf,
}

impl Hub {
    fn start(dir: &Path) -> (Hub, PathBuf) {
        use std::io::BufRead;
        let db = dir.join("hub.sqlite");
        let hub = |args: &[&str]| hub_cli(&db, args);
        hub(&[
            "import",
            concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo-catalogue.json"),
        ]);
        let token = hub(&["kiosk", "add", "cy-wangjing-01"]);
        let token_file = dir.join("hub-token");
        std::fs::write(&token_file, token.split_whitespace().last().unwrap()).unwrap();
        let mut child = Command::new(hub_bin())
            .args(["serve", "--listen", "127.0.0.1:0", "--db"])
            .arg(&db)
            .env("LEARNING_HUB_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = format!(
            "http://{}",
            line.trim().strip_prefix("listening on ").unwrap()
        );
        (Hub { child, url, db }, token_file)
    }

    fn signups(&self) -> Vec<serde_json::Value> {
        let out = Command::new(hub_bin())
            .args(["export", "signups", "--json", "--db"])
            .arg(&self.db)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// With a hub, the sign-up made at the screen is sent at once, and the hub's answer shows
/// under "My sign-ups"; the top bar says the kiosk is online.
#[test]
fn a_sign_up_at_the_screen_reaches_the_hub_and_its_answer_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (hub, token_file) = Hub::start(dir.path());
    let token_file = token_file.display().to_string();
    let t = Term::start(&["--hub", &hub.url, "--token-file", &token_file], 120, 40);
    t.wait_for("在线，09:00 已同步");
    t.burst(&format!("{CARD}\r"));
    t.wait_for("1101 **** **** 0016");
    t.type_slowly("1");
    t.wait_for("附近的学习活动");
    t.choose_row(HERE_TODAY_ZH);
    t.wait_for("选择一个时间报名");
    t.type_slowly("1");
    t.wait_for("请确认报名");
    t.key("Enter");
    t.wait_for("已保存在本机");

    // Sent at once: no waiting for the next sync interval (a minute).
    let start = Instant::now();
    let held = loop {
        let held = hub.signups();
        if !held.is_empty() {
            break held;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the sign-up never reached the hub"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["card"], CARD);
    assert_eq!(held[0]["status"], "confirmed");
    t.wait_for("没有待发送的报名");

    t.key("Home");
    t.wait_for("1101 **** **** 0016");
    t.type_slowly("3");
    t.wait_for("已确认");
    assert_eq!(t.queue()["counts"]["confirmed"], 1);
}

/// A speech command that writes what it is given (voice, then text) to a file, one line each.
fn recording_speech(dir: &Path) -> (String, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let said = dir.join("said.txt");
    let script = dir.join("speak.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '[%s] ' \"$1\" >> {s}\ncat >> {s}\necho >> {s}\n",
            s = said.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (format!("{} {{voice}}", script.display()), said)
}

fn wait_for_said(said: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        let all = std::fs::read_to_string(said).unwrap_or_default();
        if all.contains(text) {
            return all;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "never said {text:?}; said:\n{all}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Term {
    /// The character under the terminal's cursor, and whether the cursor is shown.
    fn under_cursor(&self) -> (char, bool) {
        let pos = self.tmux(&[
            "display-message",
            "-p",
            "-t",
            "k",
            "#{cursor_x} #{cursor_y} #{cursor_flag}",
        ]);
        let parts: Vec<usize> = pos.split_whitespace().map(|n| n.parse().unwrap()).collect();
        let line = self
            .screen()
            .lines()
            .nth(parts[1])
            .unwrap_or("")
            .to_string();
        let mut x = 0;
        for c in line.chars() {
            if x == parts[0] {
                return (c, parts[2] == 1);
            }
            x += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        (' ', parts[2] == 1)
    }
}

#[test]
fn assisted_mode_speaks_and_the_cursor_follows_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let (command, said) = recording_speech(dir.path());
    let t = Term::start(&["--speech-command", &command], 120, 40);
    t.wait_for("欢迎来学习");
    t.key("F3");
    t.wait_for("普通界面");
    // The welcome says how to begin and what each key does.
    wait_for_said(
        &said,
        "[cmn-latn-pinyin] 欢迎来学习！请刷学习卡，或输入卡号",
    );
    t.key("Enter");
    // A new screen: its question, then the choices with their numbers.
    wait_for_said(&said, "哪一天？按 1，今天。按 2，明天。");
    assert_eq!(t.under_cursor(), ('>', true), "{}", t.screen());
    t.key("Down");
    wait_for_said(&said, "第 2 项：明天");
    assert_eq!(t.under_cursor(), ('>', true));
    // English, in the English voice; "say again" repeats it.
    t.key("F2");
    wait_for_said(&said, "[en] Which day? 1, Today. 2, Tomorrow.");
    t.key("F5");
    let all = wait_for_said(&said, "Which day?");
    let start = Instant::now();
    while std::fs::read_to_string(&said)
        .unwrap()
        .matches("Which day?")
        .count()
        < 2
    {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "not said again:\n{all}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // A card read on this screen is announced, and its number never said.
    t.burst(&format!("{CARD}\r"));
    t.wait_for("1101 **** **** 0016");
    wait_for_said(&said, "Your card has been read.");
    t.key("F3");
    t.wait_for("Larger and spoken");
    let all = std::fs::read_to_string(&said).unwrap();
    assert!(!all.contains("1101") && !all.contains("0016"), "{all}");
}

#[test]
fn without_its_speech_program_the_kiosk_works_silently_and_tells_staff() {
    // At 80x24 the choices are drawn in normal letters, which tmux can show as text.
    let t = Term::start(
        &["--speech-command", "no-such-speech-program {voice}"],
        80,
        24,
    );
    t.wait_for("欢迎来学习");
    t.key("F3");
    t.wait_for("普通界面");
    t.key("Enter");
    t.wait_for("今天");
    t.key("C-M-k");
    t.wait_for("工作人员：请输入密码");
    t.type_slowly("2468");
    t.key("Enter");
    t.wait_for("语音无法使用");
    t.wait_for("no-such-speech-program");
}

/// Bytes a scanner or a keyboard-like device can send that start an escape sequence and never
/// finish it: none may leave the kiosk deaf for more than a second.
#[test]
fn no_byte_sequence_leaves_the_kiosk_deaf() {
    let noises: [&[u8]; 7] = [
        b"\x1b[200~",                    // a bracketed-paste start, with no end
        b"\x1bP1$r",                     // a device-control string, never closed
        b"\x1b]52;c;",                   // an operating-system command, never closed
        b"\x1b[1;",                      // a control sequence cut short
        b"\x1b_",                        // an application-program command
        b"\xff\xfe\xe4\xb8",             // bytes that are not UTF-8, and half a character
        b"\x1b[<0;99999999999999999999", // a mouse report that never ends
    ];
    let terms: Vec<Term> = noises.iter().map(|_| Term::start(&[], 120, 40)).collect();
    for (t, noise) in terms.iter().zip(noises) {
        t.wait_for("欢迎来学习");
        let hex: Vec<String> = noise.iter().map(|b| format!("{b:02x}")).collect();
        let mut args = vec!["send-keys", "-t", "k", "-H"];
        args.extend(hex.iter().map(String::as_str));
        t.tmux(&args);
        std::thread::sleep(Duration::from_millis(200));
        t.burst(&format!("{CARD}\r"));
        t.wait_for_within("1101 **** **** 0016", Duration::from_secs(2));
    }
    for t in &terms {
        assert!(t.is_running());
        assert!(!t.screen().contains(CARD));
    }
}

/// A kiosk whose terminal goes away without a hang-up signal (it runs in a session of its own,
/// as under some wrappers) notices on its next read and exits 1, on every screen.
#[test]
fn a_lost_terminal_ends_every_screen_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("site.toml");
    std::fs::write(&broken, "[kiosk]\nid = 3\n").unwrap();
    let cases: [(&str, Vec<String>); 2] = [
        ("欢迎来学习", vec![]),
        (
            "out of service",
            vec!["--config".into(), broken.display().to_string()],
        ),
    ];
    for (shows, args) in cases {
        let out = tempfile::tempdir().unwrap();
        let d = out.path().display();
        // The wrapper shell survives the hang-up to record the kiosk's exit code; the
        // kiosk's own stderr stays on the dying terminal.
        let script = format!(
            "trap \"\" HUP; setsid -w {BIN} --data-dir {d}/data --now {NOW} {}; echo $? > {d}/exit",
            args.join(" ")
        );
        let t = Term::launch(out, 120, 40, &format!("exec bash -c '{script}'"));
        t.wait_for(shows);
        t.tmux(&["kill-server"]);
        assert_eq!(t.exit_code(), 1, "{shows}");
    }
}

/// A full disk under the logs: nothing but the kiosk draws on its screen, and staff see that
/// logging fails.
#[test]
fn a_failing_log_stays_off_the_screen_and_is_counted_for_staff() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("data/logs");
    std::fs::create_dir_all(&logs).unwrap();
    // Today's file (the appender names it by the UTC date) is a disk that is always full.
    let today = chrono::Utc::now().format("%Y-%m-%d");
    std::os::unix::fs::symlink("/dev/full", logs.join(format!("kiosk.{today}.log"))).unwrap();
    let t = Term::start_in(dir, &[], 120, 40, false);
    t.wait_for("欢迎来学习");
    t.burst(&format!("{CARD}\r"));
    t.wait_for("1101 **** **** 0016");
    t.key("Escape");
    t.key("C-M-k");
    t.wait_for("工作人员：请输入密码");
    t.type_slowly("2468");
    t.key("Enter");
    let staff = t.wait_for("关闭学习亭程序");
    assert!(staff.contains("日志写入失败"), "{staff}");
    assert!(!staff.to_lowercase().contains("unable"), "{staff}");
    assert!(!staff.contains("Writer"), "{staff}");
    t.type_slowly("1");
    assert_eq!(t.exit_code(), 0);
}

/// One small class far enough ahead that the hub's own clock lets its waiting list move:
/// one seat, half a credit a session.
const ONE_SEAT: &str = r#"{
  "format": "learning-catalogue/1",
  "generated_at": "2027-01-01T08:00:00+08:00",
  "venues": [
    {"id": "here", "name": {"zh-CN": "望京社区学习中心", "en-US": "Wangjing Centre"},
     "kind": "community_learning_centre", "district": "110105",
     "address": {"zh-CN": "望京西园三区", "en-US": "Wangjing Xiyuan 3"},
     "lat": 39.9965, "lon": 116.4705}
  ],
  "activities": [
    {"id": "tiny", "venue": "here", "title": {"zh-CN": "一个座位的课", "en-US": "A one-seat class"},
     "category": "science", "capacity": 1, "credits": 0.5,
     "sessions": [{"start": "2027-01-15T10:00:00+08:00", "end": "2027-01-15T11:00:00+08:00"}]}
  ]
}"#;

/// A site file for a kiosk of the one-seat class's venue (`venue`: it checks people in).
fn one_seat_site(dir: &Path, id: &str, venue: bool) -> PathBuf {
    std::fs::write(dir.join("one-seat.json"), ONE_SEAT).unwrap();
    let site = dir.join(format!("{id}.toml"));
    let venue = if venue { "venue = \"here\"\n" } else { "" };
    std::fs::write(
        &site,
        format!(
            "[kiosk]\nid = \"{id}\"\nname = {{ zh-CN = \"望京\", en-US = \"Wangjing\" }}\n\
             district = \"110105\"\nlat = 39.9965\nlon = 116.4705\n\
             catalogue = \"one-seat.json\"\n{venue}"
        ),
    )
    .unwrap();
    site
}

/// Waits until `check` holds of the hub's sign-ups (or fails after 15 s).
fn hub_until(hub: &Hub, what: &str, check: impl Fn(&[serde_json::Value]) -> bool) {
    let start = Instant::now();
    loop {
        let held = hub.signups();
        if check(&held) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{what}: {held:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The whole life with a real hub and two kiosks: the one seat is taken; on kiosk A a second
/// card joins the full session's waiting list; on kiosk B the first card cancels; the hub
/// moves the second card up, and at its next card read on kiosk B it is told it has a seat;
/// on the day, kiosk B (at the venue) checks it in, and its learning record shows the credit.
#[test]
fn a_waiting_place_moves_up_across_kiosks_and_ends_as_a_credit() {
    let dir = tempfile::tempdir().unwrap();
    let (hub, _) = Hub::start(dir.path());
    let hub_cmd = |args: &[&str]| hub_cli(&hub.db, args);
    std::fs::write(dir.path().join("one-seat.json"), ONE_SEAT).unwrap();
    hub_cmd(&[
        "import",
        &dir.path().join("one-seat.json").display().to_string(),
    ]);
    let token = |id: &str| {
        let token = hub_cmd(&["kiosk", "add", id]);
        let file = dir.path().join(format!("{id}-token"));
        std::fs::write(&file, token.split_whitespace().last().unwrap()).unwrap();
        file.display().to_string()
    };
    let (token_a, token_b) = (token("kiosk-a"), token("kiosk-b"));
    let kiosk_dir = || {
        let d = tempfile::tempdir().unwrap();
        (d.path().display().to_string(), d)
    };
    let first = "1101080000000016";
    let second = "1101080000000024";

    // Kiosk B's folder: the first card takes the one seat from the command line.
    let (b_path, b_dir) = kiosk_dir();
    let site_b = one_seat_site(b_dir.path(), "kiosk-b", false);
    let cli_b = |now: &str, args: &[&str]| {
        Command::new(BIN)
            .args(["--data-dir", &format!("{b_path}/data"), "--now", now])
            .arg("--config")
            .arg(&site_b)
            .args([
                "--hub",
                &hub.url,
                "--token-file",
                &token_b,
                "--lang",
                "en-US",
            ])
            .args(args)
            .output()
            .unwrap()
    };
    let took = cli_b(
        "2027-01-10T09:00:00+08:00",
        &[
            "signup",
            "--card",
            first,
            "--activity",
            "tiny",
            "--date",
            "2027-01-15",
        ],
    );
    assert!(
        took.status.success(),
        "{}",
        String::from_utf8_lossy(&took.stderr)
    );
    assert!(
        cli_b("2027-01-10T09:00:00+08:00", &["sync"])
            .status
            .success()
    );
    hub_until(&hub, "the first card's seat", |h| {
        h.iter()
            .any(|s| s["card"] == first && s["status"] == "confirmed")
    });

    // Kiosk A: the second card finds the session full and joins its waiting list.
    let (_, a_dir) = kiosk_dir();
    let site_a = one_seat_site(a_dir.path(), "kiosk-a", false);
    let site_a = site_a.display().to_string();
    let a = Term::start_at(
        a_dir,
        "2027-01-10T09:10:00+08:00",
        &[
            "--config",
            &site_a,
            "--hub",
            &hub.url,
            "--token-file",
            &token_a,
        ],
        80,
        24,
        true,
    );
    a.wait_for("已同步");
    a.key("F2");
    a.burst(&format!("{second}\r"));
    a.wait_for("1101 **** **** 0024");
    a.type_slowly("1");
    a.wait_for("A one-seat class");
    a.type_slowly("1");
    a.wait_for("A one-seat class");
    a.type_slowly("1");
    a.wait_for("Join the waiting list");
    a.type_slowly("1");
    a.wait_for("This is a place in a queue, not a seat.");
    a.key("Enter");
    a.wait_for("not a seat yet");
    hub_until(&hub, "the second card waiting", |h| {
        h.iter()
            .any(|s| s["card"] == second && s["status"] == "waitlisted")
    });

    // Kiosk B: the first card cancels from its sign-ups; the hub moves the second card up.
    let b = Term::start_at(
        b_dir,
        "2027-01-10T09:20:00+08:00",
        &[
            "--config",
            &site_b.display().to_string(),
            "--hub",
            &hub.url,
            "--token-file",
            &token_b,
        ],
        80,
        24,
        true,
    );
    b.wait_for("已同步");
    b.key("F2");
    b.burst(&format!("{first}\r"));
    b.wait_for("1101 **** **** 0016");
    b.type_slowly("3");
    b.wait_for("Confirmed");
    b.type_slowly("1");
    b.wait_for("Cancel this sign-up");
    b.type_slowly("3");
    b.wait_for("Yes, cancel it");
    b.type_slowly("1");
    b.wait_for("Your place is cancelled");
    hub_until(&hub, "the second card moved up", |h| {
        h.iter()
            .any(|s| s["card"] == second && s["status"] == "confirmed")
            && h.iter()
                .any(|s| s["card"] == first && s["status"] == "cancelled")
    });

    // The second card, read on kiosk B: good news (a new person: the site's language).
    b.burst(&format!("{second}\r"));
    b.wait_for("有人让出了座位，现在是您的了");
    drop(b);

    // On the day, kiosk B stands at the venue: the card read checks it in, and the record
    // shows the credit.
    let (_, day_dir) = kiosk_dir();
    let site_day = one_seat_site(day_dir.path(), "kiosk-b-venue", true)
        .display()
        .to_string();
    let day = Term::start_at(
        day_dir,
        "2027-01-15T09:45:00+08:00",
        &[
            "--config",
            &site_day,
            "--hub",
            &hub.url,
            "--token-file",
            &token_b,
        ],
        80,
        24,
        true,
    );
    day.wait_for("已同步");
    day.key("F2");
    day.burst(&format!("{second}\r"));
    day.wait_for("Your attendance is saved");
    day.type_slowly("1");
    day.wait_for("1101 **** **** 0024");
    day.type_slowly("5");
    day.wait_for("In all: 1 session, 1.0 hours, 0.5 credits");
    let credits = hub_cmd(&["export", "credits", "--csv"]);
    assert!(
        credits.contains(&format!("{second},tiny,一个座位的课,A one-seat class,2027-01-15,1.00,0.5,here,110105,kiosk-b,2027-01-15T09:45:00+08:00")),
        "{credits}"
    );
}
