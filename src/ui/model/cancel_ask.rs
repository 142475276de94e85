//! "Cancel your place?": what would be given up, and a plain yes or no.

use crate::app::State;
use crate::app::receipt::Receipt;
use crate::app::state::SessionRef;
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::model::session::{facts, receipt_code};
use crate::ui::model::{Page, numbered};

/// The question's page (it has only this form).
pub fn page(state: &State, lang: Lang, receipt: &Receipt) -> Page {
    let session = SessionRef {
        activity: receipt.activity,
        date: receipt.date(),
    };
    let mut shown = facts(state, lang, session).large(false);
    shown.push(receipt_code(lang, receipt));
    let choices = numbered(state, vec![t(lang, "cancel-yes"), t(lang, "cancel-no")]);
    Page {
        title: t(lang, "cancel-title"),
        facts: shown,
        note: Some(t(lang, "cancel-note")),
        choices,
        ..Page::default()
    }
}
