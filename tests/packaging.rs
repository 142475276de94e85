//! The Debian packages, as a centre's staff meet them: built with `cargo deb`, installed,
//! upgraded, removed and purged with dpkg on this machine, their units checked by
//! `systemd-analyze verify`. It needs root, `cargo-deb`, dpkg, systemd, cage and foot
//! (`.ci/run` installs them); it stops where Learning Kiosk is really installed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PACKAGE: &str = "learning-kiosk";
const HUB: &str = "learning-hub";

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} could not start: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Builds `package` from the binary the tests built, at `version`, into `dir`.
fn build_deb(dir: &Path, package: &str, version: &str) -> PathBuf {
    run(Command::new("cargo")
        .args([
            "deb",
            "-p",
            package,
            "--no-build",
            // The tests' own build: packaging it checks the package, not the optimiser.
            "--profile",
            "dev",
            "--deb-version",
            version,
            "-o",
        ])
        .arg(dir));
    dir.join(format!("{package}_{version}_amd64.deb"))
}

fn installed(package: &str) -> bool {
    Command::new("dpkg")
        .args(["-s", package])
        .output()
        .is_ok_and(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stdout).contains("Status: install ok installed")
        })
}

fn owner(path: &str) -> (String, String, u32) {
    let meta = std::fs::metadata(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = |cmd: &str, id: u32| {
        let out = run(Command::new("getent").args([cmd, &id.to_string()]));
        let entry = String::from_utf8_lossy(&out.stdout).into_owned();
        entry.split(':').next().unwrap_or_default().to_string()
    };
    (
        name("passwd", meta.uid()),
        name("group", meta.gid()),
        meta.mode() & 0o7777,
    )
}

/// Purges the package when dropped.
struct Purge(&'static str);

impl Drop for Purge {
    fn drop(&mut self) {
        let _ = Command::new("dpkg").args(["-P", self.0]).output();
    }
}

/// `systemd-analyze verify` on installed units: clean, not a warning in sight.
fn verify(units: &[&str]) {
    let out = run(Command::new("systemd-analyze")
        .arg("verify")
        .args(units.iter().map(|u| format!("/usr/lib/systemd/system/{u}"))));
    assert!(
        out.stderr.is_empty() && out.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Both packages, one after the other (dpkg takes one at a time).
#[test]
fn the_packages_install_upgrade_and_remove_keeping_configs_and_data() {
    assert!(
        String::from_utf8_lossy(&run(Command::new("id").arg("-u")).stdout).trim() == "0",
        "the packaging test installs a package: run it as root (CI does)"
    );
    assert!(
        Command::new("cargo")
            .args(["deb", "--version"])
            .output()
            .is_ok_and(|o| o.status.success()),
        "cargo-deb is missing: cargo install cargo-deb (.ci/run does)"
    );
    for package in [PACKAGE, HUB] {
        assert!(
            !installed(package),
            "{package} is installed on this machine: the test would remove it, so it stops"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    kiosk(dir.path());
    hub(dir.path());
}

fn kiosk(dir: &Path) {
    // However the test ends, the machine is left without the package.
    let _purge = Purge(PACKAGE);
    let first = build_deb(dir, PACKAGE, "0.1.0-1");
    let second = build_deb(dir, PACKAGE, "0.1.0-2");

    // Install.
    run(Command::new("dpkg").arg("-i").arg(&first));
    let version = run(Command::new("/usr/bin/learning-kiosk").arg("--version"));
    assert!(String::from_utf8_lossy(&version.stdout).contains("learning-kiosk"));
    run(Command::new("getent").args(["passwd", "learning-kiosk"]));
    // The site config (and so the hub token's name) is the kiosk user's to read, nobody else's.
    assert_eq!(
        owner("/etc/learning-kiosk/site.toml"),
        ("root".into(), "learning-kiosk".into(), 0o640)
    );
    assert_eq!(owner("/etc/learning-kiosk").2, 0o750);
    assert_eq!(
        owner("/var/lib/learning-kiosk"),
        ("learning-kiosk".into(), "learning-kiosk".into(), 0o750)
    );
    // As shipped it is the demo site, and it checks out.
    run(Command::new("/usr/bin/learning-kiosk")
        .args(["check-config", "/etc/learning-kiosk/site.toml"]));
    assert!(
        Path::new("/usr/share/doc/learning-kiosk/examples/miyun-xiwengzhuang-station.toml")
            .exists()
    );
    assert!(Path::new("/usr/share/doc/learning-kiosk/deploy.md").exists());
    // The session unit as installed: clean, not a warning in sight.
    let verify = run(Command::new("systemd-analyze")
        .args(["verify", "/usr/lib/systemd/system/learning-kiosk.service"]));
    assert!(
        verify.stderr.is_empty() && verify.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );

    // Staff edit the site; the kiosk holds sign-ups. An upgrade keeps both.
    let mut site = std::fs::read_to_string("/etc/learning-kiosk/site.toml").unwrap();
    site.push_str("\n# edited by staff\n");
    std::fs::write("/etc/learning-kiosk/site.toml", &site).unwrap();
    std::fs::write("/var/lib/learning-kiosk/outbox.sqlite", b"sign-ups").unwrap();
    run(Command::new("dpkg")
        .args(["-i", "--force-confdef", "--force-confold"])
        .arg(&second));
    let status = run(Command::new("dpkg-query").args(["-W", "-f=${Version}", PACKAGE]));
    assert_eq!(String::from_utf8_lossy(&status.stdout), "0.1.0-2");
    assert_eq!(
        std::fs::read_to_string("/etc/learning-kiosk/site.toml").unwrap(),
        site
    );
    assert_eq!(owner("/etc/learning-kiosk/site.toml").2, 0o640);
    assert_eq!(
        std::fs::read("/var/lib/learning-kiosk/outbox.sqlite").unwrap(),
        b"sign-ups"
    );

    // Remove: the program goes, the config and the data stay.
    run(Command::new("dpkg").args(["-r", PACKAGE]));
    assert!(!Path::new("/usr/bin/learning-kiosk").exists());
    assert!(Path::new("/etc/learning-kiosk/site.toml").exists());
    assert!(Path::new("/var/lib/learning-kiosk/outbox.sqlite").exists());

    // Purge: everything goes, the user too.
    run(Command::new("dpkg").args(["-P", PACKAGE]));
    assert!(!Path::new("/etc/learning-kiosk/site.toml").exists());
    assert!(!Path::new("/var/lib/learning-kiosk").exists());
    assert!(
        !Command::new("getent")
            .args(["passwd", "learning-kiosk"])
            .output()
            .unwrap()
            .status
            .success()
    );
}

fn hub(dir: &Path) {
    let _purge = Purge(HUB);
    let first = build_deb(dir, HUB, "0.1.0-1");
    let second = build_deb(dir, HUB, "0.1.0-2");
    run(Command::new("dpkg").arg("-i").arg(&first));
    run(Command::new("getent").args(["passwd", "learning-hub"]));
    assert_eq!(
        owner("/var/lib/learning-hub"),
        ("learning-hub".into(), "learning-hub".into(), 0o750)
    );
    // TLS keys and the options file live here: the hub's to read, nobody else's.
    assert_eq!(
        owner("/etc/learning-hub"),
        ("root".into(), "learning-hub".into(), 0o750)
    );
    verify(&[
        "learning-hub.service",
        "learning-hub-backup.service",
        "learning-hub-backup.timer",
    ]);
    // The hub, as its user, makes its database where the unit says.
    let db = "/var/lib/learning-hub/learning-hub.sqlite";
    run(Command::new("setpriv").args([
        "--reuid=learning-hub",
        "--regid=learning-hub",
        "--init-groups",
        "/usr/bin/learning-hub",
        "--db",
        db,
        "kiosk",
        "add",
        "packaging-test",
    ]));
    let before = std::fs::read(db).unwrap();
    std::fs::write(
        "/etc/learning-hub/learning-hub.env",
        "LEARNING_HUB_LOG=debug\n",
    )
    .unwrap();

    run(Command::new("dpkg")
        .args(["-i", "--force-confdef", "--force-confold"])
        .arg(&second));
    assert_eq!(std::fs::read(db).unwrap(), before);
    assert!(Path::new("/etc/learning-hub/learning-hub.env").exists());

    run(Command::new("dpkg").args(["-r", HUB]));
    assert!(!Path::new("/usr/bin/learning-hub").exists());
    assert_eq!(std::fs::read(db).unwrap(), before);

    run(Command::new("dpkg").args(["-P", HUB]));
    assert!(!Path::new("/var/lib/learning-hub").exists());
    assert!(!Path::new("/etc/learning-hub").exists());
}
