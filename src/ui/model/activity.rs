//! One activity: what it is, where, how far, when it meets, and its next sessions.

use chrono::Weekday;

use crate::app::State;
use crate::app::screens::activity::sessions;
use crate::app::state::SessionRef;
use crate::args;
use crate::catalogue::{Activity, ActivityId};
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::model::{Page, Rows};
use crate::ui::words;

/// One session in the list.
pub struct SessionRow {
    /// The day and the time range: "today 23 Nov   14:00-15:30".
    pub day_and_time: String,
    /// When, short: "today 14:00".
    pub when: String,
    /// Seats left (or cancelled).
    pub seats: String,
}

/// The activity screen's words.
pub struct ActivityModel {
    /// The title.
    pub title: String,
    /// Its category, audiences and credits.
    pub kind: String,
    /// The venue's name.
    pub venue: String,
    /// The venue's address.
    pub address: String,
    /// How far, which way, step-free access.
    pub way: String,
    /// When it meets, in words.
    pub schedule: String,
    /// What it is, if the catalogue says.
    pub summary: Option<String>,
    /// Whether it is cancelled.
    pub cancelled: bool,
    /// The sessions on the page in view.
    pub rows: Rows<SessionRow>,
}

/// The activity screen as it stands.
pub fn build(state: &State, lang: Lang, id: ActivityId) -> ActivityModel {
    let catalogue = &state.catalogue;
    let activity = catalogue.activity(id);
    let texts = catalogue.texts(id);
    let venue = catalogue.venue(activity.venue);
    let mut kind = vec![words::category(lang, activity.category)];
    kind.extend(activity.audience.iter().map(|a| words::audience(lang, a)));
    if let Some(credits) = activity.credits {
        let credits = format!("{credits}");
        kind.push(ta(lang, "activity-credits", args!["credits" => &credits]));
    }
    let today = local_date(&state.clock.now);
    let upcoming = sessions(state, id);
    let row = |index: usize| {
        let session = upcoming[index];
        let left = state.seats_left(SessionRef {
            activity: id,
            date: session.date,
        });
        SessionRow {
            day_and_time: format!(
                "{}   {}",
                words::day(lang, session.date, today),
                words::time_range(&session)
            ),
            when: words::when(lang, &session, today),
            seats: words::seats(lang, left, activity.is_cancelled()),
        }
    };
    ActivityModel {
        title: texts.title.get(lang).to_string(),
        kind: kind.join("   "),
        venue: venue.name.get(lang).to_string(),
        address: words::address(lang, venue),
        way: words::way_there(lang, state.site.position, venue),
        schedule: schedule(lang, activity),
        summary: texts.summary.as_ref().map(|s| s.get(lang).to_string()),
        cancelled: activity.is_cancelled(),
        rows: Rows::page(state, upcoming.len(), row),
    }
}

impl ActivityModel {
    /// What to do, or why not: the message id of the line above the sessions.
    pub fn prompt(&self, assisted: bool) -> &'static str {
        match (self.cancelled, self.rows.count, assisted) {
            (true, _, _) => "activity-cancelled",
            (false, 0, true) => "activity-no-sessions",
            (false, _, true) => "assisted-activity-question",
            (false, _, false) => "activity-choose",
        }
    }

    /// The assisted page: the title, where and how to get there, and the sessions.
    pub fn page(&self, state: &State) -> Page {
        let lang = state.visit.lang;
        Page {
            title: self.title.clone(),
            facts: vec![self.venue.clone(), self.way.clone()],
            note: Some(t(lang, self.prompt(true))),
            choices: self
                .rows
                .choices(state, |r| (r.when.clone(), Some(r.seats.clone()))),
            more: self.rows.more,
            ..Page::default()
        }
    }
}

/// When an activity meets, in words: 每周一、三 09:30-11:00 / Every Mon, Wed 09:30-11:00.
pub fn schedule(lang: Lang, activity: &Activity) -> String {
    match &activity.repeat {
        Some(r) => {
            let days: Vec<String> = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]
            .into_iter()
            .filter(|d| r.on_weekday(*d))
            .map(|d| {
                t(
                    lang,
                    &format!("weekday-short-{}", d.to_string().to_lowercase()),
                )
            })
            .collect();
            let days = days.join(&t(lang, "list-separator"));
            let time = format!(
                "{}-{}",
                r.start_time().format("%H:%M"),
                r.end_time().format("%H:%M")
            );
            ta(
                lang,
                "schedule-weekly",
                args!["days" => &days, "time" => &time],
            )
        }
        None => t(lang, "schedule-dates"),
    }
}
