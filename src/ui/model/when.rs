//! Assisted mode's "which day?": four large choices.

use crate::app::State;
use crate::app::screens::when::{WHEN_ITEMS, WhenChoice};
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::model::{Page, numbered};

/// The day question's words.
pub struct When {
    /// The question.
    pub title: String,
    /// The choices, in order.
    pub items: Vec<String>,
}

/// The day question.
pub fn build(lang: Lang) -> When {
    When {
        title: t(lang, "when-title"),
        items: WHEN_ITEMS
            .iter()
            .map(|choice| {
                let id = match choice {
                    WhenChoice::Today => "when-today",
                    WhenChoice::Tomorrow => "when-tomorrow",
                    WhenChoice::AnyDay => "when-any",
                    WhenChoice::AskStaff => "ask-staff-button",
                };
                t(lang, id)
            })
            .collect(),
    }
}

impl When {
    /// The assisted page (the day question has only that form).
    pub fn page(&self, state: &State) -> Page {
        Page {
            title: self.title.clone(),
            choices: numbered(state, self.items.clone()),
            ..Page::default()
        }
    }
}
