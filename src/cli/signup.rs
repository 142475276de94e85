//! `learning-kiosk signup`: one sign-up through the same rules as the screen.

use chrono::NaiveDate;

use crate::args;
use crate::cli::{desk, report};
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::outbox::{Kind, Saved};
use crate::runtime::boot::Options;
use crate::signup::{Ask, Refusal, SignupError, sign_up};
use crate::ui::words;

/// Queues a sign-up (or, asked for, a place on a full session's waiting list); prints its
/// code. Exit 0 when saved or already there.
pub fn run(
    options: &Options,
    lang: Lang,
    card: &str,
    activity: &str,
    date: NaiveDate,
    ask: Ask,
) -> u8 {
    let mut desk = match desk::open(options, lang, card) {
        Ok(desk) => desk,
        Err(code) => return code,
    };
    let saved = sign_up(
        &mut desk.outbox,
        &desk.catalogue,
        &desk.card,
        activity,
        date,
        &desk.now,
        ask,
    );
    match saved {
        Ok(saved) => {
            let id = match (&saved, saved.record().kind) {
                (Saved::New(_), Kind::Waitlist) => "cli-waitlist-saved",
                (Saved::New(_), _) => "cli-signup-saved",
                (Saved::Existing(_), _) => "cli-signup-existing",
            };
            let record = saved.record();
            crate::say!("{}", record.code);
            crate::say_err!("{}", ta(lang, id, args!["code" => &record.code]));
            exit::OK
        }
        Err(SignupError::Refused(refusal)) => {
            report::both(lang, |l| words::refusal(l, &refusal));
            if refusal == Refusal::Full {
                report::both(lang, |l| crate::i18n::t(l, "cli-signup-full-waitlist"));
            }
            exit::REFUSED
        }
        Err(SignupError::Storage(err)) => desk::storage_failed(lang, &err),
    }
}
