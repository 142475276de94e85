//! "My sign-ups": this card's sign-ups on this kiosk, with the hub's answers.

use crate::app::State;
use crate::app::state::HubCard;
use crate::args;
use crate::catalogue::SessionLookup;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::outbox::{SignupView, Status};
use crate::ui::model::{Page, Rows};
use crate::ui::words;

/// One sign-up.
pub struct SignupRow {
    /// Its sign-up code.
    pub code: String,
    /// The activity's title (its id, if the catalogue no longer has it).
    pub title: String,
    /// The status in a word or two.
    pub status: String,
    /// The day (today, 23 Nov).
    pub day: String,
    /// The date on its own (23 Nov).
    pub date: String,
    /// The time range, if the catalogue still knows the session.
    pub time: String,
    /// The venue's name, if the catalogue knows it.
    pub venue: String,
    /// Why the hub refused it, if it did.
    pub reason: Option<String>,
}

/// The list's words; `None` rows while the outbox is read.
pub struct MySignups {
    /// The rows of the page in view, once read.
    pub rows: Option<Rows<SignupRow>>,
    /// Said when the hub could not be asked: places taken at other kiosks need the link.
    pub needs_link: Option<String>,
}

/// Where a place stands, in a few words: cancelling, checked in, its place in line, and
/// whether it was taken at another kiosk.
fn status(lang: Lang, s: &SignupView) -> String {
    let mut words = if s.cancelling {
        t(lang, "my-signups-cancelling")
    } else if s.checked_in && s.status != Status::Cancelled {
        words::status_short(lang, Status::CheckedIn)
    } else {
        words::status_short(lang, s.status)
    };
    if let (Status::Waitlisted, Some(place), false) = (s.status, s.place, s.cancelling) {
        words = format!(
            "{words}, {}",
            ta(lang, "my-signups-place", args!["place" => place as usize])
        );
    }
    if s.from_hub {
        words = format!("{words} ({})", t(lang, "my-signups-elsewhere"));
    }
    words
}

/// "My sign-ups" as it stands.
pub fn build(state: &State, lang: Lang) -> MySignups {
    let today = local_date(&state.clock.now);
    let rows = state.visit.my_signups().map(|signups| {
        Rows::page(state, signups.len(), |index| {
            let s = &signups[index];
            let found = state.catalogue.activity_by_id(&s.activity_id);
            let (title, venue, time) = match found {
                Some(a) => {
                    let activity = state.catalogue.activity(a);
                    let time = match activity.session_on(s.date) {
                        SessionLookup::Meets(session) => words::time_range(&session),
                        _ => String::new(),
                    };
                    (
                        state.catalogue.texts(a).title.get(lang).to_string(),
                        state
                            .catalogue
                            .venue(activity.venue)
                            .name
                            .get(lang)
                            .to_string(),
                        time,
                    )
                }
                None => (s.activity_id.clone(), String::new(), String::new()),
            };
            SignupRow {
                code: s.code.clone(),
                title,
                status: status(lang, s),
                day: words::day(lang, s.date, today),
                date: words::date(lang, s.date),
                time,
                venue,
                reason: s
                    .reason
                    .as_deref()
                    .and_then(|r| words::answer_reason(lang, r)),
            }
        })
    });
    let asked = matches!(state.visit.hub_card, HubCard::Known(_) | HubCard::Asking);
    MySignups {
        rows,
        needs_link: (state.link.hub && !asked).then(|| t(lang, "my-signups-needs-link")),
    }
}

impl MySignups {
    /// The assisted page: each sign-up a large choice; under it its day and time, its code
    /// (what staff ask for) and its status.
    pub fn page(&self, state: &State) -> Page {
        let lang = state.visit.lang;
        let title = t(lang, "assisted-my-signups-title");
        let Some(rows) = &self.rows else {
            return Page {
                title,
                note: Some(t(lang, "my-signups-loading")),
                ..Page::default()
            };
        };
        let note = if rows.count == 0 {
            Some(t(lang, "my-signups-none"))
        } else {
            self.needs_link.clone()
        };
        Page {
            title,
            note,
            choices: rows.choices(state, |r| {
                let code = ta(lang, "receipt-code", args!["code" => &r.code]);
                let mut detail = format!("{} {}   {code}   {}", r.date, r.time, r.status);
                if let Some(why) = &r.reason {
                    detail = format!("{detail}   {why}");
                }
                (r.title.clone(), Some(detail))
            }),
            more: rows.more,
            ..Page::default()
        }
    }
}
