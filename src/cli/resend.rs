//! `learning-kiosk resend`: held sign-ups go back in the queue, to be sent at the next sync.

use crate::args;
use crate::cli::report;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::{t, ta};
use crate::runtime::boot::{self, Options};

/// Puts the held sign-ups (or the one with `code`) back in the queue.
pub fn run(options: &Options, lang: Lang, code: Option<&str>) -> u8 {
    let resent = boot::open_outbox(options)
        .map_err(|e| e.to_string())
        .and_then(|(outbox, _)| outbox.resend_held(code).map_err(|e| e.to_string()));
    match resent {
        Ok(0) => {
            match code {
                Some(code) => {
                    report::both(lang, |l| ta(l, "cli-resend-no-code", args!["code" => code]))
                }
                None => report::both(lang, |l| t(l, "cli-resend-none")),
            }
            if code.is_some() {
                exit::REFUSED
            } else {
                exit::OK
            }
        }
        Ok(count) => {
            crate::say!("{}", ta(lang, "cli-resent", args!["count" => count]));
            exit::OK
        }
        Err(detail) => {
            report::storage_failed(lang, &detail);
            exit::STORAGE
        }
    }
}
