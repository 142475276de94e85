//! One venue: where it is, how to get in, and what is on there, soonest first.

use crate::app::State;
use crate::app::screens::venue::activities;
use crate::app::state::SessionRef;
use crate::args;
use crate::catalogue::VenueId;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::model::{Page, Rows};
use crate::ui::words;

/// One activity at the venue.
pub struct VenueRow {
    /// Its title.
    pub title: String,
    /// Seats left at its next session (empty without one), or that it is cancelled.
    pub seats: String,
    /// The line under it: when its next session is, that nothing is planned, or that it is
    /// cancelled.
    pub next: String,
}

/// The venue screen's words.
pub struct VenueModel {
    /// The venue's name.
    pub name: String,
    /// What kind of place it is, and its address.
    pub kind_and_address: String,
    /// How far, which way, step-free access.
    pub way: String,
    /// Its phone, in words, if the catalogue has one.
    pub phone: Option<String>,
    /// The activities on the page in view.
    pub rows: Rows<VenueRow>,
}

/// The venue screen as it stands.
pub fn build(state: &State, lang: Lang, id: VenueId) -> VenueModel {
    let venue = state.catalogue.venue(id);
    let today = local_date(&state.clock.now);
    let items = activities(state, id);
    let row = |index: usize| {
        let (activity_id, next) = items[index];
        let activity = state.catalogue.activity(activity_id);
        let seats = match next {
            _ if activity.is_cancelled() => words::seats(lang, 0, true),
            Some(s) => {
                let left = state.seats_left(SessionRef {
                    activity: activity_id,
                    date: s.date,
                });
                words::seats(lang, left, false)
            }
            None => String::new(),
        };
        let next = match next {
            _ if activity.is_cancelled() => t(lang, "activity-cancelled"),
            Some(s) => ta(
                lang,
                "venue-next",
                args!["when" => &words::when(lang, &s, today)],
            ),
            None => t(lang, "map-nothing-next"),
        };
        VenueRow {
            title: state
                .catalogue
                .texts(activity_id)
                .title
                .get(lang)
                .to_string(),
            seats,
            next,
        }
    };
    VenueModel {
        name: venue.name.get(lang).to_string(),
        kind_and_address: format!(
            "{}   {}",
            words::venue_kind(lang, venue.kind),
            words::address(lang, venue)
        ),
        way: words::way_there(lang, state.site.position, venue),
        phone: venue
            .phone
            .as_ref()
            .map(|phone| ta(lang, "venue-phone", args!["phone" => &phone.to_string()])),
        rows: Rows::page(state, items.len(), row),
    }
}

impl VenueModel {
    /// The message id of the line above the list.
    pub fn prompt(&self) -> &'static str {
        if self.rows.count == 0 {
            "venue-none"
        } else {
            "venue-choose"
        }
    }

    /// The assisted page: the venue, how to get there, and its activities.
    pub fn page(&self, state: &State) -> Page {
        let lang = state.visit.lang;
        Page {
            title: self.name.clone(),
            facts: vec![self.way.clone()],
            note: Some(crate::ui::words::for_input(state, lang, self.prompt())),
            choices: self
                .rows
                .choices(state, |r| (r.title.clone(), Some(r.next.clone()))),
            more: self.rows.more,
            ..Page::default()
        }
    }
}
