//! When an activity meets: its one-off sessions and its weekly repeat, as dated sessions.

use chrono::{Datelike, NaiveDate};

use crate::catalogue::model::{Activity, Repeat};
use crate::domain::time::{BEIJING, Moment, local_date};

/// One meeting of an activity; an activity meets at most once per local date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// The local date, which names the session.
    pub date: NaiveDate,
    /// When it starts.
    pub start: Moment,
    /// When it ends.
    pub end: Moment,
}

/// What an activity has on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionLookup {
    /// A session.
    Meets(Session),
    /// The weekly schedule would meet, but the date is listed as an exception.
    Excepted,
    /// Nothing that day.
    NoSession,
}

/// True when a weekly schedule meets on a date (exceptions taken out).
pub fn repeat_meets(repeat: &Repeat, date: NaiveDate) -> bool {
    repeat_covers(repeat, date) && repeat.except.binary_search(&date).is_err()
}

/// True when the weekly pattern falls on a date, ignoring exceptions.
fn repeat_covers(repeat: &Repeat, date: NaiveDate) -> bool {
    date >= repeat.from && date <= repeat.until && repeat.on_weekday(date.weekday())
}

fn repeat_session(repeat: &Repeat, date: NaiveDate) -> Option<Session> {
    let start = date
        .and_time(repeat.start_time())
        .and_local_timezone(BEIJING)
        .single()?;
    let end = date
        .and_time(repeat.end_time())
        .and_local_timezone(BEIJING)
        .single()?;
    Some(Session { date, start, end })
}

impl Activity {
    /// What the activity has on a local date.
    pub fn session_on(&self, date: NaiveDate) -> SessionLookup {
        if let Some(s) = self.sessions.iter().find(|s| local_date(&s.start) == date) {
            return SessionLookup::Meets(Session {
                date,
                start: s.start,
                end: s.end,
            });
        }
        match &self.repeat {
            Some(r) if repeat_meets(r, date) => match repeat_session(r, date) {
                Some(s) => SessionLookup::Meets(s),
                None => SessionLookup::NoSession,
            },
            Some(r) if repeat_covers(r, date) => SessionLookup::Excepted,
            _ => SessionLookup::NoSession,
        }
    }

    /// Every session on the local dates `from..=to`, in date order.
    pub fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Session> {
        let mut out: Vec<Session> = self
            .sessions
            .iter()
            .map(|s| Session {
                date: local_date(&s.start),
                start: s.start,
                end: s.end,
            })
            .filter(|s| s.date >= from && s.date <= to)
            .collect();
        if let Some(r) = &self.repeat {
            let first = from.max(r.from);
            let last = to.min(r.until);
            let mut date = first;
            while date <= last {
                if repeat_meets(r, date) {
                    out.extend(repeat_session(r, date));
                }
                match date.succ_opt() {
                    Some(next) => date = next,
                    None => break,
                }
            }
            out.sort_by_key(|s| s.date);
        }
        out
    }

    /// The next `limit` sessions that have not started by `now`, within `horizon_days`.
    pub fn upcoming(&self, now: &Moment, horizon_days: u32, limit: usize) -> Vec<Session> {
        let today = local_date(now);
        let last = today + chrono::Days::new(u64::from(horizon_days));
        self.sessions_between(today, last)
            .into_iter()
            .filter(|s| s.start > *now)
            .take(limit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::load_str;

    fn activity(repeat: &str, sessions: &str) -> Activity {
        let json = format!(
            r#"{{"format":"learning-catalogue/1","generated_at":"2026-11-22T08:00:00+08:00",
            "venues":[{{"id":"v","name":{{"zh-CN":"地点"}},"kind":"library","district":"110108",
              "address":{{"en-US":"1 Road"}},"lat":39.99,"lon":116.3}}],
            "activities":[{{"id":"a","venue":"v","title":{{"zh-CN":"课"}},"category":"science",
              "capacity":10 {repeat} {sessions}}}]}}"#
        );
        let cat = load_str(&json, "test").unwrap();
        cat.activities[0].clone()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekly_repeat_with_exceptions() {
        let a = activity(
            r#","repeat":{"days":["mon","wed"],"start_time":"09:30","end_time":"11:00",
                "from":"2026-11-01","until":"2026-12-31","except":["2026-11-25"]}"#,
            "",
        );
        // 2026-11-23 is a Monday.
        let SessionLookup::Meets(s) = a.session_on(d("2026-11-23")) else {
            panic!()
        };
        assert_eq!(s.start.to_rfc3339(), "2026-11-23T09:30:00+08:00");
        assert_eq!(s.end.to_rfc3339(), "2026-11-23T11:00:00+08:00");
        assert_eq!(a.session_on(d("2026-11-25")), SessionLookup::Excepted);
        assert_eq!(a.session_on(d("2026-11-24")), SessionLookup::NoSession);
        assert_eq!(
            a.session_on(d("2027-01-04")),
            SessionLookup::NoSession,
            "after until"
        );
        let dates: Vec<String> = a
            .sessions_between(d("2026-11-22"), d("2026-12-02"))
            .iter()
            .map(|s| s.date.to_string())
            .collect();
        assert_eq!(dates, ["2026-11-23", "2026-11-30", "2026-12-02"]);
    }

    #[test]
    fn one_offs_and_repeat_together_in_date_order() {
        let a = activity(
            r#","repeat":{"days":["sat"],"start_time":"14:00","end_time":"15:00",
                "from":"2026-11-01","until":"2026-12-31"}"#,
            r#","sessions":[{"start":"2026-11-26T19:00:00+08:00","end":"2026-11-26T20:30:00+08:00"}]"#,
        );
        let dates: Vec<String> = a
            .sessions_between(d("2026-11-23"), d("2026-11-30"))
            .iter()
            .map(|s| s.date.to_string())
            .collect();
        assert_eq!(dates, ["2026-11-26", "2026-11-28"]);
    }

    #[test]
    fn upcoming_skips_started_sessions() {
        let a = activity(
            r#","repeat":{"days":["mon","tue"],"start_time":"09:30","end_time":"11:00",
                "from":"2026-11-01","until":"2026-12-31"}"#,
            "",
        );
        let now = crate::domain::time::parse_moment("2026-11-23T10:00:00+08:00").unwrap();
        let next = a.upcoming(&now, 14, 3);
        let dates: Vec<String> = next.iter().map(|s| s.date.to_string()).collect();
        assert_eq!(dates, ["2026-11-24", "2026-11-30", "2026-12-01"]);
    }
}
