//! The welcome screen: the greeting, and what Enter does now (look around, or use the typed
//! card number).

use crate::app::keymap::{ShownKeys, shown_keys};
use crate::app::{Action, State};
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::model::{Choice, Page, main};

/// The welcome screen's words.
pub struct Welcome {
    /// The language shown first.
    pub lang: Lang,
    /// The message id of the main choice: look around first, or use the number typed.
    pub main: &'static str,
    /// The keys the site's buttons show (the keypad's alone on a keypad-only site).
    pub keys: ShownKeys,
}

/// The welcome screen as it stands.
pub fn build(state: &State, lang: Lang) -> Welcome {
    let main = if state.visit.field.is_empty() {
        "welcome-look-around"
    } else {
        "welcome-use-number"
    };
    Welcome {
        lang,
        main,
        keys: shown_keys(!state.site.touchscreen),
    }
}

impl Welcome {
    /// The greeting, in a language.
    pub fn title(&self, lang: Lang) -> String {
        t(lang, "welcome-title")
    }

    /// The assisted page: the greeting, how to begin, the card field and three choices.
    pub fn page(&self) -> Page {
        let lang = self.lang;
        Page {
            title: self.title(lang),
            note: Some(t(lang, "assisted-welcome-hint")),
            field: true,
            choices: vec![
                main(lang, "Enter", self.main, Action::Primary),
                Choice {
                    primary: false,
                    ..main(lang, self.keys.welcome_map, "home-map", Action::OpenMap)
                },
                Choice {
                    primary: false,
                    ..main(
                        lang,
                        self.keys.assisted,
                        "assisted-off",
                        Action::ToggleAssisted,
                    )
                },
            ],
            ..Page::default()
        }
    }
}
