//! The nearby list: sessions at venues near the kiosk, soonest and closest first.

use std::collections::BTreeSet;

use crate::app::State;
use crate::app::filters::FilterKind;
use crate::app::state::SessionRef;
use crate::args;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::model::{Page, Rows, filter};
use crate::ui::words;

/// One session in the list.
pub struct NearbyRow {
    /// The activity's title.
    pub title: String,
    /// When: today 14:00.
    pub when: String,
    /// Seats left (or cancelled).
    pub seats: String,
    /// How far and which way.
    pub distance: String,
    /// The venue's name.
    pub venue: String,
}

/// The nearby list's words.
pub struct Nearby {
    /// The list's heading: what it holds.
    pub title: String,
    /// How far and how many days the list looks.
    pub scope: String,
    /// Each filter with its value in force.
    pub tabs: Vec<(FilterKind, String)>,
    /// The rows of the page in view.
    pub rows: Rows<NearbyRow>,
    /// Every venue in the list, on any page, once: the names a cut name must stay apart from.
    pub venues: Vec<String>,
    /// What to say when nothing is on.
    pub empty: Option<String>,
}

/// The nearby list as it stands.
pub fn build(state: &State, lang: Lang) -> Nearby {
    let today = local_date(&state.clock.now);
    let row = |index: usize| {
        let item = &state.visit.nearby[index];
        let activity = state.catalogue.activity(item.activity);
        let venue = state.catalogue.venue(item.venue);
        let session = SessionRef {
            activity: item.activity,
            date: item.session.date,
        };
        let direction = state.site.position.direction_to(venue.position);
        NearbyRow {
            title: state
                .catalogue
                .texts(item.activity)
                .title
                .get(lang)
                .to_string(),
            when: words::when(lang, &item.session, today),
            seats: words::seats(lang, state.seats_left(session), activity.is_cancelled()),
            distance: words::distance_direction(lang, item.distance_km, direction),
            venue: venue.name.get(lang).to_string(),
        }
    };
    let radius = format!("{:.0}", state.site.radius_km);
    Nearby {
        title: t(
            lang,
            if state.visit.filters.farming {
                "nearby-farming-title"
            } else {
                "nearby-title"
            },
        ),
        scope: ta(
            lang,
            "nearby-scope",
            args!["km" => &radius, "days" => state.site.days],
        ),
        tabs: filter::labels(state, lang),
        rows: Rows::page(state, state.visit.nearby.len(), row),
        venues: state
            .visit
            .nearby
            .iter()
            .map(|item| state.catalogue.venue(item.venue).name.get(lang))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(str::to_string)
            .collect(),
        empty: state
            .visit
            .nearby
            .is_empty()
            .then(|| t(lang, "nearby-empty")),
    }
}

impl Nearby {
    /// The assisted page: each session a large choice, its title large and the rest on a
    /// line under it (when and seats first: on a narrow screen the end is cut).
    pub fn page(&self, state: &State) -> Page {
        let lang = state.visit.lang;
        let title = if state.visit.filters.farming {
            "assisted-nearby-farming-title"
        } else {
            "assisted-nearby-title"
        };
        Page {
            title: t(lang, title),
            note: self.empty.clone(),
            choices: self.rows.choices(state, |r| {
                let detail = [&r.when, &r.seats, &r.distance, &r.venue]
                    .map(String::as_str)
                    .join("   ");
                (r.title.clone(), Some(detail))
            }),
            more: self.rows.more,
            ..Page::default()
        }
    }
}
