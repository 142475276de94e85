//! A full session: how many wait, "join the waiting list", and the next sessions with seats.

use crate::app::State;
use crate::app::screens::full::others;
use crate::app::state::SessionRef;
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::model::session::{facts, waiting_words};
use crate::ui::model::{Page, numbered};
use crate::ui::words;

/// The full session's page (it has only this form).
pub fn page(state: &State, lang: Lang, full: SessionRef) -> Page {
    let mut labels = vec![t(lang, "full-join")];
    labels.extend(others(state, full).iter().map(|s| {
        let session = SessionRef {
            activity: full.activity,
            date: s.date,
        };
        let seats = words::seats(lang, state.seats_left(session), false);
        format!(
            "{} {}  {seats}",
            words::date(lang, s.date),
            words::time_range(s)
        )
    }));
    let mut choices = numbered(state, labels);
    if let Some(join) = choices.first_mut() {
        join.primary = true;
    }
    let mut shown = facts(state, lang, full).large(false);
    shown.extend(waiting_words(state, lang, full));
    Page {
        title: t(lang, "full-title"),
        facts: shown,
        note: Some(if choices.len() > 1 {
            t(lang, "full-note-others")
        } else {
            t(lang, "full-note")
        }),
        choices,
        ..Page::default()
    }
}
