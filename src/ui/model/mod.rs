//! One view model a screen: the words a screen shows, worked out once from the state, and
//! drawn by the standard view (`ui/screens`) and the assisted view (`ui/assisted`) alike;
//! speech reads the assisted [`Page`] made from it. Lists hold only the rows of the page in
//! view (the nearby list can hold thousands of sessions, and this runs on every frame).

pub mod activity;
pub mod cancel_ask;
pub mod check_in;
pub mod filter;
pub mod full;
pub mod good_news;
pub mod home;
pub mod map;
pub mod my_signups;
pub mod nearby;
pub mod record;
pub mod session;
pub mod staff;
pub mod venue;
pub mod welcome;
pub mod when;

use crate::app::screens::{page_len, page_start};
use crate::app::{Action, Screen, State};
use crate::domain::lang::Lang;
use crate::i18n::t;

/// One large choice of an assisted page.
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

/// A screen as assisted mode draws and speaks it: one question, its key facts and at most
/// four choices.
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
    /// A code to take away (the sign-up code): its label, and the code drawn large.
    pub code: Option<(String, String)>,
    /// Whether the receipt's QR code stands beside the page.
    pub qr: bool,
    /// Whether the card field is shown (the keypad types into it).
    pub field: bool,
    /// The choices on this page (at most four).
    pub choices: Vec<Choice>,
    /// Whether there are earlier pages, and later ones.
    pub more: (bool, bool),
}

/// A list's rows on the page in view: each with its index in the whole list.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows<R> {
    /// The rows of the page, in order, with their index in the list.
    pub rows: Vec<(usize, R)>,
    /// How many the whole list holds.
    pub count: usize,
    /// Whether there are earlier pages, and later ones.
    pub more: (bool, bool),
}

impl<R> Rows<R> {
    /// The page in view of a list of `count` items, each made by `row`.
    pub fn page(state: &State, count: usize, row: impl Fn(usize) -> R) -> Rows<R> {
        let len = page_len(state);
        let start = page_start(state);
        Rows {
            rows: (start..count.min(start + len))
                .map(|i| (i, row(i)))
                .collect(),
            count,
            more: (start > 0, start + len < count),
        }
    }

    /// The rows as numbered large choices, with the words `choice` gives each.
    pub fn choices(
        &self,
        state: &State,
        choice: impl Fn(&R) -> (String, Option<String>),
    ) -> Vec<Choice> {
        let start = crate::app::screens::number_base(state);
        self.rows
            .iter()
            .map(|(index, row)| {
                let (label, detail) = choice(row);
                Choice {
                    key: (index - start + 1).to_string(),
                    label,
                    detail,
                    action: Action::Choose(*index),
                    focused: *index == state.visit.focus,
                    primary: false,
                }
            })
            .collect()
    }
}

/// The main choice of a screen, by a named key.
pub fn main(lang: Lang, key: &str, id: &str, action: Action) -> Choice {
    Choice {
        key: key.to_string(),
        label: t(lang, id),
        detail: None,
        action,
        focused: false,
        primary: true,
    }
}

/// A short list of labels that always fits one page, as numbered choices.
pub fn numbered(state: &State, labels: Vec<String>) -> Vec<Choice> {
    Rows::page(state, labels.len(), |i| labels[i].clone()).choices(state, |l| (l.clone(), None))
}

/// The assisted page for the screen, or `None` for screens that keep their standard layout
/// (the map, which is a picture, and the staff screens).
pub fn page(state: &State) -> Option<Page> {
    let lang = state.visit.lang;
    let mut page = match &state.visit.screen {
        Screen::Welcome => welcome::build(state, lang).page(),
        Screen::Home => home::build(state, lang).page(state),
        Screen::When => when::build(lang).page(state),
        Screen::Nearby => nearby::build(state, lang).page(state),
        Screen::Activity(id) => activity::build(state, lang, *id).page(state),
        Screen::CardEntry(session) => session::card_entry(state, lang, *session),
        Screen::Confirm(session) => session::confirm(state, lang, *session),
        Screen::Saving(_) => Page {
            title: t(lang, "saving"),
            ..Page::default()
        },
        Screen::Receipt(receipt) => session::receipt(state, lang, receipt),
        Screen::MySignups => my_signups::build(state, lang).page(state),
        Screen::Venue(id) => venue::build(state, lang, *id).page(state),
        Screen::FilterMenu => filter::menu(state, lang).page(state),
        Screen::Filter(kind) => filter::build(state, lang, *kind).page(state),
        Screen::Full(session) => full::page(state, lang, *session),
        Screen::CancelAsk(receipt) => cancel_ask::page(state, lang, receipt),
        Screen::GoodNews(moved) => good_news::page(state, lang, moved),
        Screen::CheckIn => check_in::page(state, lang),
        Screen::Record => record::page(state, lang),
        Screen::Map | Screen::StaffPin | Screen::StaffMenu => return None,
    };
    // A short menu that does not fit one page (the home menu on a small screen) pages like
    // a list does.
    let (start, count) = (page_start(state), crate::app::screens::item_count(state));
    page.more.0 |= start > 0;
    page.more.1 |= start + page_len(state) < count;
    Some(page)
}
