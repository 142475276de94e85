//! The kiosk's own record of its crashes, in the data folder. A kiosk session in cage always
//! exits 0 whatever the kiosk did, so the supervisor cannot tell a crash from a clean stop:
//! the kiosk counts them itself. The panic hook adds a line; at start the kiosk reads them
//! back to wait longer after each crash of a loop (rather than spin), and to tell staff.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::app::msg::RecentCrashes;
use crate::domain::time::{Moment, parse_moment};

/// One crash: when, and the panic's first line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crash {
    /// When it crashed.
    pub at: Moment,
    /// What failed (the panic message's first line).
    pub what: String,
}

/// Where crashes are recorded.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("crashes.log")
}

/// Lines kept: enough for a day of a crash loop at its slowest restart.
const KEEP: usize = 2000;

/// Adds a crash to the record (from the panic hook: it must not panic itself, so every
/// failure is ignored).
pub fn record(data_dir: &Path, at: Moment, what: &str) {
    let what: String = what
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path(data_dir))
    {
        let _ = writeln!(file, "{}\t{what}", at.to_rfc3339());
        let _ = file.sync_all();
    }
}

/// The recorded crashes, oldest first (lines that cannot be read are skipped); the file is
/// cut to the newest lines when it has grown long.
pub fn read(data_dir: &Path) -> Vec<Crash> {
    let Ok(text) = std::fs::read_to_string(path(data_dir)) else {
        return Vec::new();
    };
    let crashes: Vec<Crash> = text
        .lines()
        .filter_map(|line| {
            let (at, what) = line.split_once('\t')?;
            Some(Crash {
                at: parse_moment(at)?,
                what: what.to_string(),
            })
        })
        .collect();
    if crashes.len() > KEEP {
        let keep = &crashes[crashes.len() - KEEP..];
        let text: String = keep
            .iter()
            .map(|c| format!("{}\t{}\n", c.at.to_rfc3339(), c.what))
            .collect();
        let _ = std::fs::write(path(data_dir), text);
        return keep.to_vec();
    }
    crashes
}

/// The crashes of the 24 hours before `now`, if any.
pub fn summary(crashes: &[Crash], now: Moment) -> Option<RecentCrashes> {
    let day: Vec<&Crash> = crashes
        .iter()
        .filter(|c| now.signed_duration_since(c.at) < chrono::TimeDelta::hours(24))
        .collect();
    let last = day.last()?;
    Some(RecentCrashes {
        count: day.len(),
        last_at: last.at,
        what: last.what.clone(),
    })
}

/// Waits out a crash loop before the kiosk starts (saying so on the terminal), and returns
/// the crashes of the last day for the staff page.
pub fn pace(data_dir: &Path) -> Option<RecentCrashes> {
    use std::io::{IsTerminal, Write};
    let crashes = read(data_dir);
    let now = crate::domain::time::now_beijing();
    let wait = backoff(&crashes, now);
    if !wait.is_zero() {
        tracing::warn!(
            seconds = wait.as_secs(),
            "restarting after repeated crashes"
        );
        if std::io::stdout().is_terminal() {
            // Written directly and any failure ignored: a gone terminal must not panic here.
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(
                "\x1b[2J\x1b[H学习亭正在重新启动，请稍候。\r\nThe kiosk is restarting, please wait.\r\n"
                    .as_bytes(),
            );
            let _ = out.flush();
        }
        std::thread::sleep(wait);
    }
    summary(&crashes, now)
}

/// How long to wait before starting: nothing after one or two crashes in a minute, then
/// twice as long after each more (1 s, 2 s, 4 s ...), at most a minute. A kiosk in a crash
/// loop then costs little and fills no disk, and recovers by itself once the fault (a full
/// disk, a hub answering garbage) goes away.
pub fn backoff(crashes: &[Crash], now: Moment) -> Duration {
    let recent = crashes
        .iter()
        .filter(|c| now.signed_duration_since(c.at) < chrono::TimeDelta::minutes(1))
        .count();
    if recent < 3 {
        return Duration::ZERO;
    }
    let exponent = u32::try_from(recent - 3).unwrap_or(u32::MAX).min(6);
    Duration::from_secs(1u64 << exponent).min(Duration::from_secs(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Moment {
        parse_moment(s).unwrap()
    }

    #[test]
    fn a_crash_loop_waits_longer_each_time_and_staff_see_the_day() {
        let dir = tempfile::tempdir().unwrap();
        let now = at("2026-12-03T10:00:00+08:00");
        assert_eq!(backoff(&read(dir.path()), now), Duration::ZERO);
        let mut waits = Vec::new();
        for second in 0..6 {
            record(
                dir.path(),
                at(&format!("2026-12-03T10:00:0{second}+08:00")),
                "boom\nsecond line",
            );
            waits.push(backoff(&read(dir.path()), at("2026-12-03T10:00:07+08:00")));
        }
        let secs: Vec<u64> = waits.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, [0, 0, 1, 2, 4, 8]);
        // A minute later the loop is over: no wait, but staff still see the day's crashes.
        let later = at("2026-12-03T10:05:00+08:00");
        let crashes = read(dir.path());
        assert_eq!(backoff(&crashes, later), Duration::ZERO);
        let day = summary(&crashes, later).unwrap();
        assert_eq!(day.count, 6);
        assert_eq!(day.what, "boom");
        assert_eq!(summary(&crashes, at("2026-12-05T10:00:00+08:00")), None);
    }

    #[test]
    fn a_damaged_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), "garbage\n\u{0}\t\n").unwrap();
        record(dir.path(), at("2026-12-03T10:00:00+08:00"), "x");
        assert_eq!(read(dir.path()).len(), 1);
    }
}
