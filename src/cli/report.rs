//! Printing problems on the command line: in the chosen language first, then the other, so
//! the message is clear to whoever reads it.

use crate::domain::lang::Lang;
use crate::problem::FileProblems;

/// Prints every problem in a file to standard error, in both languages.
pub fn problems(problems: &FileProblems, lang: Lang) {
    crate::say_err!("{}", problems.report(lang));
    crate::say_err!("{}", problems.report(lang.other()));
}

/// Prints a message to standard error in both languages.
pub fn both(lang: Lang, message: impl Fn(Lang) -> String) {
    crate::say_err!("{}", message(lang));
    crate::say_err!("{}", message(lang.other()));
}
