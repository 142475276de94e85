//! `learning-kiosk hash-pin`: makes the staff PIN hash for a site config.

use std::io::BufRead;

use crate::cli::report;
use crate::config::pin;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::t;

/// Reads a PIN (4 to 12 digits) from standard input and prints its Argon2 hash.
pub fn run(lang: Lang) -> u8 {
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return exit::USAGE;
    }
    let pin_text = line.trim();
    if !(4..=12).contains(&pin_text.len()) || !pin_text.bytes().all(|b| b.is_ascii_digit()) {
        report::both(lang, |l| t(l, "cli-pin-rule"));
        return exit::USAGE;
    }
    match pin::hash(pin_text) {
        Ok(hash) => {
            crate::say!("{hash}");
            exit::OK
        }
        Err(err) => {
            crate::say_err!("{err}");
            exit::INTERNAL
        }
    }
}
