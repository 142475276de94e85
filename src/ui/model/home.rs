//! The home menu: the greeting with the card (masked) and the site's four choices.

use crate::app::screens::home::home_items;
use crate::app::{Action, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::model::{Page, numbered};

/// The home menu's words.
pub struct Home {
    /// "Hello" with the card, masked.
    pub hello: String,
    /// The choices, in order: what each does and its label.
    pub items: Vec<(Action, String)>,
    /// How the keypad reaches the map, where the menu has no map choice.
    pub map_hint: Option<String>,
}

/// The message id of a home menu choice.
pub fn item_label(action: Action) -> &'static str {
    match action {
        Action::OpenFarming => "home-farming",
        Action::OpenNearby => "home-nearby",
        Action::OpenMap => "home-map",
        Action::OpenMySignups => "home-my-signups",
        Action::OpenRecord => "home-record",
        _ => "home-finish",
    }
}

/// The home menu as it stands.
pub fn build(state: &State, lang: Lang) -> Home {
    let card = state.visit.card.map(|c| c.masked()).unwrap_or_default();
    let items = home_items(state);
    Home {
        hello: ta(lang, "home-hello", args!["card" => &card]),
        items: items
            .iter()
            .map(|a| (*a, t(lang, item_label(*a))))
            .collect(),
        // The farming home has no map choice: the keypad's 0 opens it.
        map_hint: (!items.contains(&Action::OpenMap)).then(|| t(lang, "home-map-key")),
    }
}

impl Home {
    /// The assisted page: one question and the four choices.
    pub fn page(&self, state: &State) -> Page {
        let lang = state.visit.lang;
        Page {
            title: t(lang, "assisted-home-title"),
            note: self.map_hint.clone(),
            choices: numbered(state, self.items.iter().map(|(_, l)| l.clone()).collect()),
            ..Page::default()
        }
    }
}
