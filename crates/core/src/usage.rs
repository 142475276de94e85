//! The argument parser's errors in both languages. clap words them in English only; here each
//! kind becomes a whole sentence in the person's language and then the other, with the way
//! on (`--help`). Help and version go out as clap writes them.

use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::args;
use crate::domain::card::mask_digit_runs;
use crate::domain::lang::Lang;
use crate::i18n::ta;

/// Why one of our own value parsers refused a value: the value (masked) and the reason in
/// both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason(String);

impl Reason {
    /// `value` refused for `why` (already in both languages); the value is masked here.
    pub fn new(value: &str, why: &str) -> Reason {
        Reason(format!("\"{}\": {why}", mask_digit_runs(value)))
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Reason {}

/// The exit code of a command line that is wrong (clap's own).
pub const USAGE: i32 = 2;

/// Parses the command line of `P`, or says what is wrong and exits (2; help and version 0).
pub fn parse_or_exit<P: clap::Parser>(bin: &str) -> P {
    match P::try_parse() {
        Ok(parsed) => parsed,
        Err(err) => std::process::exit(report(&err, bin)),
    }
}

/// Says what the parser found wrong; the exit code.
pub fn report(err: &clap::Error, bin: &str) -> i32 {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // A reader that went away is no reason to panic.
        let _ = err.print();
        return 0;
    }
    let lang = lang_of_args();
    // A card number given in the wrong place is never shown in full.
    let context = |kind| {
        mask_digit_runs(&match err.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(list)) => list.join(", "),
            Some(other) => other.to_string(),
            None => String::new(),
        })
    };
    let arg = context(ContextKind::InvalidArg);
    // A value our own parsers refused carries their bilingual reason, with what the person
    // typed already masked (our own words, an example time, are not); anything else (clap's
    // own parsers quote the number they read) is masked whole.
    let because = err
        .source()
        .map(|why| match why.downcast_ref::<Reason>() {
            Some(ours) => ours.0.clone(),
            None => mask_digit_runs(&why.to_string()),
        })
        .unwrap_or_default();
    let words = command_words(err, bin);
    let sentence = |l: Lang| match err.kind() {
        ErrorKind::UnknownArgument => ta(l, "cli-usage-unknown-option", args!["arg" => &arg]),
        ErrorKind::InvalidSubcommand => ta(
            l,
            "cli-usage-unknown-command",
            args!["arg" => &context(ContextKind::InvalidSubcommand)],
        ),
        ErrorKind::MissingRequiredArgument => ta(l, "cli-usage-missing", args!["arg" => &arg]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => ta(
            l,
            "cli-usage-bad-value",
            args!["arg" => &arg, "value" => &context(ContextKind::InvalidValue)],
        ),
        ErrorKind::ArgumentConflict => ta(
            l,
            "cli-usage-conflict",
            args!["arg" => &arg, "other" => &context(ContextKind::PriorArg)],
        ),
        ErrorKind::InvalidUtf8 => ta(l, "cli-usage-not-utf8", args![]),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            ta(l, "cli-usage-unfinished", args!["command" => &words])
        }
        _ if arg.is_empty() => ta(l, "cli-usage-unfinished", args!["command" => &words]),
        _ => ta(l, "cli-usage-wrong", args!["arg" => &arg]),
    };
    for l in [lang, lang.other()] {
        crate::say_err!("{}", sentence(l));
    }
    if !because.is_empty() {
        crate::say_err!("    {because}");
    }
    for l in [lang, lang.other()] {
        crate::say_err!("{}", ta(l, "cli-usage-help", args!["bin" => bin]));
    }
    USAGE
}

/// The command the person asked for, as clap's usage line names it (`learning-hub export`,
/// wherever the options stood), without the program's name; the program's name if none.
fn command_words(err: &clap::Error, bin: &str) -> String {
    let rendered = err.render().to_string();
    let words: Vec<&str> = rendered
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("Usage:"))
        .map(|usage| {
            usage
                .split_whitespace()
                .skip(1)
                .take_while(|w| !w.starts_with(['[', '<']))
                .collect()
        })
        .unwrap_or_default();
    if words.is_empty() {
        bin.to_string()
    } else {
        mask_digit_runs(&words.join(" "))
    }
}

/// The language asked for with `--lang` (even on a command line that does not parse), else
/// the environment's.
fn lang_of_args() -> Lang {
    // Not `args()`: it panics on an argument that is not UTF-8 (a GBK shell).
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let asked = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    asked
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_else(Lang::from_env)
}
