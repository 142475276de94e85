//! What an assisted screen says: one question, its key facts and at most four choices. Built
//! from the state alone, so the drawing and the spoken guidance say the same thing.

use crate::app::screens::{activity, home, page_len, page_start, venue, when};
use crate::app::state::{Screen, SessionRef};
use crate::app::{Action, State};
use crate::args;
use crate::catalogue::SessionLookup;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::words;

/// One large choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The key that chooses it, as the button shows it ("1", "Enter", "Esc").
    pub key: String,
    /// What it is, drawn large where it fits.
    pub label: String,
    /// A line under the label in normal size (when, how far, seats).
    pub detail: Option<String>,
    /// What a tap does.
    pub action: Action,
    /// Whether it has the focus.
    pub focused: bool,
    /// The screen's main choice.
    pub primary: bool,
}

/// One assisted screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The question or heading, drawn large.
    pub title: String,
    /// Whether the title is good news (a receipt).
    pub good: bool,
    /// Key facts (what, when, where, seats), drawn large where they fit.
    pub facts: Vec<String>,
    /// A sentence in normal size under the facts (how to use the card reader, the honest
    /// status of a sign-up).
    pub note: Option<String>,
    /// Whether the card field is shown (the keypad types into it).
    pub field: bool,
    /// The choices on this page (at most four).
    pub choices: Vec<Choice>,
    /// Whether there are earlier pages, and later ones.
    pub more: (bool, bool),
}

/// The assisted page for the screen, or `None` for screens that keep their standard layout
/// (the map, which is a picture, and the staff screens).
pub fn page(state: &State) -> Option<Page> {
    let lang = state.visit.lang;
    let page = match &state.visit.screen {
        Screen::Welcome => welcome(state, lang),
        Screen::Home => home_page(state, lang),
        Screen::When => when_page(state, lang),
        Screen::Nearby => nearby(state, lang),
        Screen::Activity(id) => activity_page(state, lang, *id),
        Screen::CardEntry(session) => Page {
            title: t(lang, "assisted-card-title"),
            facts: session_facts(state, lang, *session, false),
            note: Some(t(lang, "assisted-welcome-hint")),
            field: true,
            choices: vec![main(lang, "Enter", "button-ok", Action::Primary)],
            ..Page::default()
        },
        Screen::Confirm(session) => Page {
            title: t(lang, "assisted-confirm-title"),
            facts: session_facts(state, lang, *session, true),
            choices: {
                let items = [
                    (t(lang, "confirm-button"), None),
                    (t(lang, "assisted-confirm-no"), None),
                ];
                let mut choices = numbered(state, &items);
                if let Some(yes) = choices.first_mut() {
                    yes.primary = true;
                }
                choices
            },
            ..Page::default()
        },
        Screen::Saving(_) => Page {
            title: t(lang, "saving"),
            ..Page::default()
        },
        Screen::Receipt(receipt) => {
            let session = SessionRef {
                activity: receipt.activity,
                date: receipt.date(),
            };
            let mut facts = session_facts(state, lang, session, false);
            facts.push(ta(lang, "receipt-code", args!["code" => &receipt.code]));
            let items = [("1", "receipt-finish"), ("2", "receipt-more")];
            Page {
                title: t(
                    lang,
                    if receipt.existing {
                        "receipt-existing"
                    } else {
                        "receipt-saved"
                    },
                ),
                good: true,
                facts,
                note: Some(words::status(lang, receipt.status)),
                choices: numbered(state, &items.map(|(_, id)| (t(lang, id), None))),
                ..Page::default()
            }
        }
        Screen::MySignups => my_signups(state, lang),
        Screen::Venue(id) => venue_page(state, lang, *id),
        Screen::FilterMenu | Screen::Filter(_) => filter_page(state, lang),
        Screen::Map | Screen::StaffPin | Screen::StaffMenu => return None,
    };
    Some(page)
}

/// The main choice of a screen, by a named key.
fn main(lang: Lang, key: &str, id: &str, action: Action) -> Choice {
    Choice {
        key: key.to_string(),
        label: t(lang, id),
        detail: None,
        action,
        focused: false,
        primary: true,
    }
}

/// The focused page of a list, as numbered choices (labels with their detail lines), and
/// whether there are pages before and after it.
fn paged(state: &State, items: Vec<(String, Option<String>)>) -> (Vec<Choice>, (bool, bool)) {
    paged_with(state, items.len(), |i| items[i].clone())
}

/// The same, with only the focused page's words made: the nearby list can hold thousands of
/// sessions, and this runs on every frame.
fn paged_with(
    state: &State,
    count: usize,
    item: impl Fn(usize) -> (String, Option<String>),
) -> (Vec<Choice>, (bool, bool)) {
    let len = page_len(state);
    let start = page_start(state);
    let choices = (start..count.min(start + len))
        .map(|index| {
            let (label, detail) = item(index);
            Choice {
                key: (index - start + 1).to_string(),
                label,
                detail,
                action: Action::Choose(index),
                focused: index == state.visit.focus,
                primary: false,
            }
        })
        .collect();
    (choices, (start > 0, start + len < count))
}

/// A short list that always fits one page.
fn numbered(state: &State, items: &[(String, Option<String>)]) -> Vec<Choice> {
    paged(state, items.to_vec()).0
}

fn welcome(state: &State, lang: Lang) -> Page {
    let id = if state.visit.field.is_empty() {
        "welcome-look-around"
    } else {
        "welcome-use-number"
    };
    Page {
        title: t(lang, "welcome-title"),
        note: Some(t(lang, "assisted-welcome-hint")),
        field: true,
        choices: vec![
            main(lang, "Enter", id, Action::Primary),
            Choice {
                primary: false,
                ..main(lang, "F4", "home-map", Action::OpenMap)
            },
            Choice {
                primary: false,
                ..main(lang, "F3", "assisted-off", Action::ToggleAssisted)
            },
        ],
        ..Page::default()
    }
}

fn home_page(state: &State, lang: Lang) -> Page {
    let items: Vec<(String, Option<String>)> = home::home_items(state)
        .iter()
        .map(|action| (t(lang, crate::ui::screens::home::item_label(*action)), None))
        .collect();
    // The farming home has no map choice: the keypad's 0 opens it.
    let map_key = !home::home_items(state).contains(&Action::OpenMap);
    Page {
        title: t(lang, "assisted-home-title"),
        note: map_key.then(|| t(lang, "home-map-key")),
        choices: numbered(state, &items),
        ..Page::default()
    }
}

fn when_page(state: &State, lang: Lang) -> Page {
    let items: Vec<(String, Option<String>)> = when::WHEN_ITEMS
        .iter()
        .map(|choice| {
            let id = match choice {
                when::WhenChoice::Today => "when-today",
                when::WhenChoice::Tomorrow => "when-tomorrow",
                when::WhenChoice::AnyDay => "when-any",
                when::WhenChoice::AskStaff => "ask-staff-button",
            };
            (t(lang, id), None)
        })
        .collect();
    Page {
        title: t(lang, "when-title"),
        choices: numbered(state, &items),
        ..Page::default()
    }
}

fn nearby(state: &State, lang: Lang) -> Page {
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
        // When and seats first: on a narrow screen the end of the line is cut.
        let detail = [
            words::when(lang, &item.session, today),
            words::seats(lang, state.seats_left(session), activity.is_cancelled()),
            words::distance_direction(lang, item.distance_km, direction),
            venue.name.get(lang).to_string(),
        ]
        .join("   ");
        (
            state
                .catalogue
                .texts(item.activity)
                .title
                .get(lang)
                .to_string(),
            Some(detail),
        )
    };
    let empty = state.visit.nearby.is_empty();
    let (choices, more) = paged_with(state, state.visit.nearby.len(), row);
    let title = if state.visit.filters.farming {
        "assisted-nearby-farming-title"
    } else {
        "assisted-nearby-title"
    };
    Page {
        title: t(lang, title),
        note: empty.then(|| t(lang, "nearby-empty")),
        choices,
        more,
        ..Page::default()
    }
}

fn activity_page(state: &State, lang: Lang, id: crate::catalogue::ActivityId) -> Page {
    let a = state.catalogue.activity(id);
    let venue = state.catalogue.venue(a.venue);
    let today = local_date(&state.clock.now);
    let items = activity::sessions(state, id)
        .iter()
        .map(|s| {
            let session = SessionRef {
                activity: id,
                date: s.date,
            };
            (
                words::when(lang, s, today),
                Some(words::seats(
                    lang,
                    state.seats_left(session),
                    a.is_cancelled(),
                )),
            )
        })
        .collect::<Vec<_>>();
    let note = if a.is_cancelled() {
        t(lang, "activity-cancelled")
    } else if items.is_empty() {
        t(lang, "activity-no-sessions")
    } else {
        t(lang, "assisted-activity-question")
    };
    let (choices, more) = paged(state, items);
    Page {
        title: state.catalogue.texts(id).title.get(lang).to_string(),
        facts: vec![
            venue.name.get(lang).to_string(),
            words::way_there(lang, state.site.position, venue),
        ],
        note: Some(note),
        choices,
        more,
        ..Page::default()
    }
}

/// What, when, where (and seats): the facts a person checks before signing up.
fn session_facts(state: &State, lang: Lang, session: SessionRef, seats: bool) -> Vec<String> {
    let activity = state.catalogue.activity(session.activity);
    let venue = state.catalogue.venue(activity.venue);
    let when = match activity.session_on(session.date) {
        SessionLookup::Meets(s) => format!(
            "{} {}",
            words::date(lang, session.date),
            words::time_range(&s)
        ),
        _ => words::date(lang, session.date),
    };
    let mut facts = vec![
        state
            .catalogue
            .texts(session.activity)
            .title
            .get(lang)
            .to_string(),
        when,
        venue.name.get(lang).to_string(),
    ];
    if seats {
        facts.push(words::seats(lang, state.seats_left(session), false));
    }
    facts
}

fn my_signups(state: &State, lang: Lang) -> Page {
    let title = t(lang, "assisted-my-signups-title");
    let Some(signups) = &state.visit.my_signups else {
        return Page {
            title,
            note: Some(t(lang, "my-signups-loading")),
            ..Page::default()
        };
    };
    let items = signups
        .iter()
        .map(|s| {
            let name = state.catalogue.activity_by_id(&s.activity_id).map_or_else(
                || s.activity_id.clone(),
                |a| state.catalogue.texts(a).title.get(lang).to_string(),
            );
            let mut detail = format!(
                "{}   {}",
                words::date(lang, s.date),
                words::status_short(lang, s.status)
            );
            if let Some(why) = s
                .reason
                .as_deref()
                .and_then(|r| words::answer_reason(lang, r))
            {
                detail = format!("{detail}   {why}");
            }
            (name, Some(detail))
        })
        .collect::<Vec<_>>();
    let empty = items.is_empty();
    let (choices, more) = paged(state, items);
    Page {
        title,
        note: empty.then(|| t(lang, "my-signups-none")),
        choices,
        more,
        ..Page::default()
    }
}

fn venue_page(state: &State, lang: Lang, id: crate::catalogue::VenueId) -> Page {
    let v = state.catalogue.venue(id);
    let today = local_date(&state.clock.now);
    let items = venue::activities(state, id)
        .iter()
        .map(|(a, next)| {
            let detail = next.map(|s| words::when(lang, &s, today));
            (
                state.catalogue.texts(*a).title.get(lang).to_string(),
                detail,
            )
        })
        .collect::<Vec<_>>();
    let empty = items.is_empty();
    let (choices, more) = paged(state, items);
    Page {
        title: v.name.get(lang).to_string(),
        facts: vec![words::way_there(lang, state.site.position, v)],
        note: Some(t(lang, if empty { "venue-none" } else { "venue-choose" })),
        choices,
        more,
        ..Page::default()
    }
}

fn filter_page(state: &State, lang: Lang) -> Page {
    let today = local_date(&state.clock.now);
    let (title, items) = match state.visit.screen {
        Screen::Filter(kind) => (
            words::filter_name(lang, kind),
            crate::app::screens::filter::options(state, kind)
                .into_iter()
                .map(|o| (words::filter_option(lang, o, today), None))
                .collect::<Vec<_>>(),
        ),
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::Nearby
        | Screen::FilterMenu
        | Screen::Activity(_)
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::MySignups
        | Screen::Map
        | Screen::Venue(_)
        | Screen::StaffPin
        | Screen::StaffMenu => (
            t(lang, "filter-menu-title"),
            crate::app::filters::FilterKind::ALL
                .iter()
                .map(|k| (words::filter_name(lang, *k), None))
                .collect(),
        ),
    };
    let (choices, more) = paged(state, items);
    Page {
        title,
        choices,
        more,
        ..Page::default()
    }
}
