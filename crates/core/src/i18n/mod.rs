//! The kiosk's words in both languages, from Fluent files embedded in the binary.
//!
//! Every citizen-facing string goes through [`t`] or [`ta`]; the locale files in
//! `locales/zh-CN/` and `locales/en-US/` hold the same message ids (a test checks).

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::domain::lang::Lang;

/// The Fluent sources, embedded so the binary alone carries both languages.
pub const SOURCES: [(Lang, &str); 2] = [
    (
        Lang::Zh,
        include_str!("../../../../locales/zh-CN/kiosk.ftl"),
    ),
    (
        Lang::En,
        include_str!("../../../../locales/en-US/kiosk.ftl"),
    ),
];

/// One language's messages.
struct Bundle {
    bundle: FluentBundle<FluentResource>,
}

/// Both languages' messages, loaded once.
struct Localizer {
    zh: Bundle,
    en: Bundle,
}

static LOCALIZER: LazyLock<Localizer> = LazyLock::new(|| Localizer {
    zh: Bundle::new(Lang::Zh, SOURCES[0].1),
    en: Bundle::new(Lang::En, SOURCES[1].1),
});

impl Bundle {
    fn new(lang: Lang, source: &str) -> Bundle {
        // A syntax error keeps the messages that did parse; the locale tests catch it.
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, errors)| {
                tracing::error!(?errors, lang = lang.tag(), "locale file has syntax errors");
                res
            });
        let langid: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Terminals draw the Unicode isolation marks as junk.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(
                ?errors,
                lang = lang.tag(),
                "locale file has duplicate messages"
            );
        }
        Bundle { bundle }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(id, "missing message");
            return id.to_string();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(id, ?errors, "message formatting failed");
        }
        text.into_owned()
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::Zh => &LOCALIZER.zh,
        Lang::En => &LOCALIZER.en,
    }
}

/// The message `id` in `lang`.
pub fn t(lang: Lang, id: &str) -> String {
    bundle(lang).format(id, None)
}

/// The message `id` in `lang` with named arguments.
pub fn ta(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value: FluentValue<'_> = match value {
            Arg::Str(s) => FluentValue::from(*s),
            Arg::Num(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    bundle(lang).format(id, Some(&fluent_args))
}

/// True when `id` exists in `lang` (used by tests and the out-of-service screen).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).bundle.has_message(id)
}

/// An argument to a message.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// Text, put in as it is.
    Str(&'a str),
    /// A number, which also picks the plural form.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s.as_str())
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

/// Builds the argument list of [`ta`]: `args!["seats" => 3, "title" => &title]`.
#[macro_export]
macro_rules! args {
    ($($name:literal => $value:expr),* $(,)?) => {
        &[$(($name, $crate::i18n::Arg::from($value))),*]
    };
}
