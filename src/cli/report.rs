//! Printing problems on the command line: in the chosen language first, then the other, so
//! the message is clear to whoever reads it.

use crate::domain::lang::Lang;
use crate::problem::FileProblems;

/// Prints every problem in a file to standard error, in both languages.
pub fn problems(problems: &FileProblems, lang: Lang) {
    crate::say_err!("{}", problems.report(lang));
    crate::say_err!("{}", problems.report(lang.other()));
}

/// Prints a sentence in both languages, then the system's own detail (often an English
/// operating-system error) on a line of its own, labelled: the sentences stay whole.
pub fn with_detail(lang: Lang, message: impl Fn(Lang) -> String, detail: &str) {
    both(lang, message);
    if !detail.is_empty() {
        crate::say_err!("    {}", crate::ui::words::detail(lang, detail));
    }
}

/// The outbox cannot be opened or written, with the system's detail.
pub fn storage_failed(lang: Lang, detail: &str) {
    with_detail(lang, |l| crate::i18n::t(l, "cli-storage-failed"), detail);
}

/// Prints a message to standard error in both languages.
pub fn both(lang: Lang, message: impl Fn(Lang) -> String) {
    crate::say_err!("{}", message(lang));
    crate::say_err!("{}", message(lang.other()));
}
