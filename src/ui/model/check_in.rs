//! Checking in: "checked in" in large, plain words; or what stands in the way, and what the
//! person can do.

use crate::app::State;
use crate::app::screens::check_in::{Choice, Stage, choices};
use crate::app::state::SessionRef;
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::model::session::facts;
use crate::ui::model::{Page, numbered};
use crate::ui::overlays::notice_text;

/// What and when, large.
fn what(state: &State, lang: Lang, session: SessionRef) -> Vec<String> {
    let f = facts(state, lang, session);
    let when = f.when(" ");
    vec![f.title, when]
}

/// The check-in's page (it has only this form).
pub fn page(state: &State, lang: Lang) -> Page {
    let (title, good, shown, note) = match &state.visit.checkin {
        Some(Stage::Done { session, again }) => (
            t(
                lang,
                if *again {
                    "checkin-again"
                } else {
                    "checkin-done"
                },
            ),
            true,
            what(state, lang, *session),
            Some(t(lang, "checkin-done-note")),
        ),
        Some(Stage::NoPlace(_)) => (
            t(lang, "checkin-no-place"),
            false,
            Vec::new(),
            Some(t(
                lang,
                if choices(state)
                    .iter()
                    .any(|c| matches!(c, Choice::TakeSeat(_)))
                {
                    "checkin-take-seat-note"
                } else {
                    "checkin-full-note"
                },
            )),
        ),
        Some(Stage::Waiting { session, place }) => (
            t(lang, "checkin-waiting"),
            false,
            what(state, lang, *session),
            Some(match place {
                Some(n) => ta(lang, "checkin-waiting-place", args!["place" => *n as usize]),
                None => t(lang, "checkin-waiting-note"),
            }),
        ),
        Some(Stage::Failed(notice)) => (
            t(lang, "checkin-failed"),
            false,
            Vec::new(),
            Some(notice_text(lang, state, notice)),
        ),
        Some(Stage::Checking | Stage::Saving(_) | Stage::TakingSeat(_)) | None => {
            (t(lang, "checkin-checking"), false, Vec::new(), None)
        }
    };
    let labels = choices(state)
        .iter()
        .map(|c| match c {
            Choice::TakeSeat(s) => {
                let f = facts(state, lang, *s);
                ta(lang, "checkin-take-seat", args!["title" => &f.title])
            }
            Choice::Home => t(lang, "checkin-home"),
            Choice::Finish => t(lang, "checkin-finish"),
        })
        .collect();
    let mut page_choices = numbered(state, labels);
    if let Some(first) = page_choices.first_mut() {
        first.primary = true;
    }
    Page {
        title,
        good,
        facts: shown,
        note,
        choices: page_choices,
        ..Page::default()
    }
}
