//! The kiosk on a real screen, as the package runs it: the session unit's own command line
//! (cage with foot, `packaging/kiosk/learning-kiosk.service`) inside Xvfb through cage's X11
//! backend, as an unprivileged user (cage refuses root). Keys come from `xdotool` as a
//! keyboard and a keyboard-wedge card reader would send them; screenshots come from the
//! compositor with `grim`; the receipt's QR code is decoded from the screenshot by `zbarimg`.
//! Screenshots of the main screens are kept in `target/real-screen/` (copied into
//! `docs/screens/` for the README).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::NOW;

const BIN: &str = env!("CARGO_BIN_EXE_learning-kiosk");
const CARD: &str = "1101080000000016";
const TOOLS: [&str; 7] = [
    "Xvfb", "Xwayland", "cage", "foot", "grim", "zbarimg", "xdotool",
];

/// Xvfb, and the kiosk session inside it; both stopped when dropped.
struct Screen {
    xvfb: Child,
    session: Child,
    display: String,
    dir: tempfile::TempDir,
    /// The unprivileged user the session runs as when the test runs as root.
    user: Option<&'static str>,
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.session.id().to_string())
            .status();
        let _ = self.session.wait();
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// The session unit's command line with this checkout's files in place of the installed ones.
fn session_command(bin: &Path, foot_ini: &Path, data: &Path) -> Vec<String> {
    let unit = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/kiosk/learning-kiosk.service"),
    )
    .unwrap();
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("the unit has an ExecStart");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-site.toml");
    let mut words: Vec<String> = exec
        .split_whitespace()
        .map(|w| match w {
            "/usr/bin/learning-kiosk" => bin.display().to_string(),
            "--config=/etc/learning-kiosk/foot.ini" => format!("--config={}", foot_ini.display()),
            "/etc/learning-kiosk/site.toml" => demo.display().to_string(),
            "/var/lib/learning-kiosk" => data.display().to_string(),
            other => other.to_string(),
        })
        .collect();
    // The pinned clock, so that the same sessions are on today.
    words.extend(["--now".to_string(), NOW.to_string()]);
    words
}

impl Screen {
    fn start() -> Screen {
        let missing: Vec<&str> = TOOLS
            .into_iter()
            .filter(|t| {
                !Command::new("sh")
                    .args(["-c", &format!("command -v {t}")])
                    .stdout(Stdio::null())
                    .status()
                    .unwrap()
                    .success()
            })
            .collect();
        assert!(
            missing.is_empty(),
            "missing {missing:?}: apt-get install xvfb xwayland cage foot grim zbar-tools xdotool fonts-noto-cjk fonts-dejavu-core (.ci/run does)"
        );
        let n = (90..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .unwrap();
        let display = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_until(Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        });

        // Everything the session reads sits in a folder its user can reach.
        let dir = tempfile::Builder::new()
            .prefix("lk-screen")
            .tempdir()
            .unwrap();
        let run = dir.path().join("run");
        let data = dir.path().join("data");
        std::fs::create_dir(&run).unwrap();
        std::fs::create_dir(&data).unwrap();
        let bin = dir.path().join("learning-kiosk");
        std::fs::copy(BIN, &bin).unwrap();
        let foot_ini = dir.path().join("foot.ini");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/kiosk/foot.ini"),
            &foot_ini,
        )
        .unwrap();
        let user = is_root().then_some("nobody");
        if let Some(user) = user {
            for path in [dir.path(), &run, &data] {
                assert!(
                    Command::new("chown")
                        .args([user, &path.display().to_string()])
                        .status()
                        .unwrap()
                        .success()
                );
            }
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();

        let words = session_command(&bin, &foot_ini, &data);
        let mut cmd = as_user(user, &words[0]);
        cmd.args(&words[1..]);
        let session = cmd
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", &run)
            .env("DISPLAY", &display)
            .env("XDG_RUNTIME_DIR", &run)
            // The unit's environment: the locale a kiosk needs.
            .env("LANG", "C.UTF-8")
            .env("WLR_BACKENDS", "x11")
            // No GPU here: wlroots draws in software.
            .env("WLR_RENDERER", "pixman")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("session.log")).unwrap())
            .spawn()
            .unwrap();
        let screen = Screen {
            xvfb,
            session,
            display,
            dir,
            user,
        };
        wait_until(Duration::from_secs(20), || run.join("wayland-0").exists());
        screen
    }

    fn xdotool(&self, args: &[&str]) {
        let ok = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .unwrap();
        assert!(ok.success(), "xdotool {args:?}");
    }

    /// A screenshot from the compositor, saved as `name` among the test's artefacts.
    fn shot(&self, name: &str) -> PathBuf {
        let file = self.dir.path().join(format!("{name}.png"));
        let run = self.dir.path().join("run");
        let mut cmd = as_user(self.user, "grim");
        let ok = cmd
            .arg(run.join("shot.png"))
            .env("XDG_RUNTIME_DIR", &run)
            .env("WAYLAND_DISPLAY", "wayland-0")
            .status()
            .unwrap();
        assert!(ok.success(), "grim failed:\n{}", self.log());
        std::fs::copy(run.join("shot.png"), &file).unwrap();
        let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/real-screen");
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&file, keep.join(format!("{name}.png"))).unwrap();
        file
    }

    /// Takes screenshots until `ready` accepts one. (cage 0.1.4 in Xvfb sometimes shows a
    /// new frame only at the next input event: a pointer nudge, which the kiosk ignores.)
    fn shot_until<T>(&self, name: &str, ready: impl Fn(&Path) -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            let file = self.shot(name);
            if let Some(found) = ready(&file) {
                return found;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{name} never appeared (see target/real-screen/{name}.png):\n{}",
                self.log()
            );
            self.xdotool(&["mousemove_relative", "--", "1", "0"]);
            std::thread::sleep(Duration::from_millis(400));
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("session.log")).unwrap_or_default()
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
}

/// `program` run as `user` (cage refuses root), or as this process's user.
fn as_user(user: Option<&str>, program: &str) -> Command {
    match user {
        Some(user) => {
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={user}"),
                "--regid=nogroup",
                "--clear-groups",
                "--",
                program,
            ]);
            c
        }
        None => Command::new(program),
    }
}

fn wait_until(limit: Duration, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What `zbarimg` reads from an image's QR codes, if any.
fn qr_text(image: &Path) -> Option<String> {
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(image)
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether the kiosk's log says it reached a step.
fn logged(screen: &Screen, words: &str) -> bool {
    std::fs::read_dir(screen.data().join("logs"))
        .map(|files| {
            files
                .filter_map(|f| std::fs::read_to_string(f.ok()?.path()).ok())
                .any(|log| log.contains(words))
        })
        .unwrap_or(false)
}

#[test]
fn a_card_a_sign_up_and_the_receipts_qr_code_read_from_the_real_screen() {
    let screen = Screen::start();
    wait_until(Duration::from_secs(20), || logged(&screen, "kiosk ready"));
    std::thread::sleep(Duration::from_millis(800));
    screen.shot("1-welcome");

    // A keyboard-wedge reader: the number and Enter, faster than anyone types.
    screen.xdotool(&["type", "--delay", "5", CARD]);
    screen.xdotool(&["key", "Return"]);
    wait_until(Duration::from_secs(10), || logged(&screen, "card read"));
    // The nearby list (1), the third row (手机拍照与分享 at the pinned time), its first
    // session, and Enter to confirm.
    screen.xdotool(&["type", "--delay", "300", "1"]);
    std::thread::sleep(Duration::from_millis(800));
    screen.shot("2-nearby");
    screen.xdotool(&["type", "--delay", "300", "3"]);
    screen.xdotool(&["type", "--delay", "300", "1"]);
    std::thread::sleep(Duration::from_millis(800));
    screen.shot("3-confirm");
    screen.xdotool(&["key", "Return"]);
    wait_until(Duration::from_secs(10), || logged(&screen, "sign-up saved"));

    // The sign-up the kiosk saved, as its outbox holds it.
    let queue = Command::new(BIN)
        .args([
            "--data-dir",
            &screen.data().display().to_string(),
            "queue",
            "--json",
        ])
        .output()
        .unwrap();
    let queue: serde_json::Value = serde_json::from_slice(&queue.stdout).unwrap();
    let code = queue["signups"][0]["code"].as_str().unwrap().to_string();

    let payload = screen.shot_until("4-receipt", qr_text);
    assert!(payload.contains(&code), "{payload}");
    assert!(payload.contains("手机拍照与分享"), "{payload}");
    assert!(payload.contains("14:00"), "{payload}");
    assert!(payload.contains("望京社区学习中心"), "{payload}");
}
