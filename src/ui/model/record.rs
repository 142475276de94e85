//! "My learning record": sessions attended, hours and credits, this year and in all, from
//! the district's hub; offline, what waits here and that the rest needs the link.

use learning_wire::Totals;

use crate::app::state::HubCard;
use crate::app::{Action, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::model::{Choice, Page, main};

/// Sessions, hours and credits in words.
fn totals(lang: Lang, id: &str, year: Option<i32>, totals: &Totals) -> String {
    let hours = format!("{:.1}", f64::from(totals.minutes) / 60.0);
    let credits = format!("{:.1}", totals.credits);
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    ta(
        lang,
        id,
        args![
            "year" => &year,
            "sessions" => totals.sessions as usize,
            "hours" => &hours,
            "credits" => &credits
        ],
    )
}

/// The record's page (it has only this form).
pub fn page(state: &State, lang: Lang) -> Page {
    let waiting = state.visit.checkins_waiting as usize;
    let (facts, note) = match &state.visit.hub_card {
        HubCard::Known(answer) => {
            let r = &answer.record;
            (
                vec![
                    totals(lang, "record-this-year", Some(r.year), &r.this_year),
                    totals(lang, "record-all", None, &r.all),
                ],
                (waiting > 0).then(|| ta(lang, "record-waiting", args!["count" => waiting])),
            )
        }
        HubCard::Asking => (Vec::new(), Some(t(lang, "record-asking"))),
        HubCard::NotAsked | HubCard::Unavailable => (
            vec![ta(lang, "record-waiting-here", args!["count" => waiting])],
            Some(t(lang, "record-needs-link")),
        ),
    };
    Page {
        title: t(lang, "record-title"),
        facts,
        note,
        choices: vec![Choice {
            focused: state.visit.focus == 0,
            ..main(lang, "1", "button-back", Action::Choose(0))
        }],
        ..Page::default()
    }
}
