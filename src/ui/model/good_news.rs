//! Good news: the places that moved up from a waiting list to a seat.

use crate::app::Action;
use crate::app::State;
use crate::app::state::SessionRef;
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::model::session::facts;
use crate::ui::model::{Choice, Page, main};

/// The good news's page (it has only this form).
pub fn page(state: &State, lang: Lang, moved: &[SessionRef]) -> Page {
    let shown = moved
        .iter()
        .flat_map(|s| {
            let f = facts(state, lang, *s);
            let when = f.when(" ");
            [f.title, when]
        })
        .collect();
    Page {
        title: t(lang, "good-news-title"),
        good: true,
        facts: shown,
        note: Some(t(lang, "good-news-note")),
        choices: vec![Choice {
            focused: state.visit.focus == 0,
            ..main(lang, "1", "good-news-continue", Action::Choose(0))
        }],
        ..Page::default()
    }
}
