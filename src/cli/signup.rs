//! `learning-kiosk signup`: one sign-up through the same rules as the screen.

use chrono::NaiveDate;

use crate::args;
use crate::cli::report;
use crate::domain::card::CardNumber;
use crate::domain::lang::Lang;
use crate::domain::time::now_beijing;
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::outbox::{Kind, OutboxError, Saved};
use crate::runtime::boot::{self, Options};
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
    let card = match CardNumber::parse(card) {
        Ok(card) => card,
        Err(err) => {
            report::both(lang, |l| words::card_error(l, &err));
            return exit::REFUSED;
        }
    };
    let site = match boot::load_site(options) {
        Ok(site) => site,
        Err(problems) => {
            report::problems(&problems, lang);
            return exit::CONFIG;
        }
    };
    let catalogue = match boot::load_catalogue(&site, options) {
        Ok(c) => c,
        Err(problems) => {
            report::problems(&problems, lang);
            return exit::CONFIG;
        }
    };
    let (mut outbox, opened) = match boot::open_outbox(options) {
        Ok(opened) => opened,
        Err(err) => return storage_failed(lang, &err),
    };
    if let Some(aside) = &opened.set_aside {
        let aside = aside.display().to_string();
        report::both(lang, |l| {
            ta(
                l,
                "cli-outbox-rebuilt",
                args!["count" => opened.recovered, "file" => &aside],
            )
        });
    }
    let now = options.now.unwrap_or_else(now_beijing);
    match sign_up(&mut outbox, &catalogue, &card, activity, date, &now, ask) {
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
        Err(SignupError::Storage(err)) => storage_failed(lang, &err),
    }
}

fn storage_failed(lang: Lang, err: &OutboxError) -> u8 {
    match err {
        OutboxError::DiskFull => report::both(lang, |l| crate::i18n::t(l, "notice-disk-full")),
        _ => report::storage_failed(lang, &err.to_string()),
    }
    exit::STORAGE
}
