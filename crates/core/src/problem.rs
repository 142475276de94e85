//! What is wrong with a file a person wrote (a catalogue or a site config), said in both
//! languages, and where: a JSON path (`activities[17].venue`) or a line and key.

use std::fmt;

use crate::args;
use crate::domain::lang::Lang;
use crate::file_fault::FileFault;
use crate::i18n::{t, ta};

/// Where in the file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A path into a JSON document, e.g. `activities[17].venue` (empty for the whole file).
    Path(String),
    /// A line (1-based) and a dotted key of a TOML file, e.g. line 7, `kiosk.lat`.
    Line {
        /// The 1-based line.
        line: usize,
        /// The dotted key, or empty for the file as a whole.
        key: String,
    },
}

/// The kind of value a field needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// A number.
    Number,
    /// A whole number.
    Integer,
    /// true or false.
    Bool,
    /// An object / table.
    Object,
    /// A list.
    Array,
    /// A text in both languages (zh-CN and en-US).
    Text,
    /// An RFC 3339 time with an offset.
    Moment,
    /// A `YYYY-MM-DD` date.
    Date,
    /// An `HH:MM` time.
    Time,
}

impl Expected {
    fn key(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Number => "number",
            Expected::Integer => "integer",
            Expected::Bool => "bool",
            Expected::Object => "object",
            Expected::Array => "array",
            Expected::Text => "text",
            Expected::Moment => "moment",
            Expected::Date => "date",
            Expected::Time => "time",
        }
    }
}

/// How a line of JSON or TOML is not written as the format asks, in terms a person who
/// wrote the file can act on (the parser's own words are not shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// A text in quotes is not closed on its line.
    OpenText,
    /// A value is not a number, true or false, or a text in quotes.
    Value,
    /// A key with no `=` (TOML) or `:` (JSON) before its value.
    NoSeparator,
    /// A `[`, `{` or table header that is not closed, or items without a comma between.
    Unclosed,
    /// A key written twice in one table.
    Twice,
    /// A number that is not written as one.
    Number,
    /// A backslash in a text that starts no escape.
    Escape,
    /// A key in a JSON object that is not in double quotes.
    JsonKey,
    /// A key in a JSON object with no `:` before its value.
    JsonColon,
    /// A comma after the last item of a JSON list or object.
    TrailingComma,
    /// More after the end of the JSON document.
    AfterEnd,
    /// The file ends before the document does.
    CutShort,
    /// Anything else.
    Other,
}

impl Slip {
    fn key(self) -> &'static str {
        match self {
            Slip::OpenText => "open-text",
            Slip::Value => "value",
            Slip::NoSeparator => "no-separator",
            Slip::Unclosed => "unclosed",
            Slip::Twice => "twice",
            Slip::Number => "number",
            Slip::Escape => "escape",
            Slip::JsonKey => "json-key",
            Slip::JsonColon => "json-colon",
            Slip::TrailingComma => "trailing-comma",
            Slip::AfterEnd => "after-end",
            Slip::CutShort => "cut-short",
            Slip::Other => "other",
        }
    }
}

/// What a file named by a config key should hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// A `learning-catalogue/1` JSON file.
    Catalogue,
    /// The kiosk's hub token.
    HubToken,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file could not be read at all.
    Unreadable(FileFault),
    /// The file is not well-formed JSON or TOML: the first slip (what a parser says after it
    /// is guesswork, so it is not reported).
    Syntax(Slip),
    /// A key names a file that cannot be read (a config's catalogue or hub token).
    NamedFile {
        /// The file as the key names it.
        file: String,
        /// Why it cannot be read.
        fault: FileFault,
        /// What the file should be.
        holds: Holds,
    },
    /// The document says it is some other format.
    WrongFormat(String),
    /// A required field is missing; says what it should be.
    Missing(Expected),
    /// A field has the wrong type of value.
    WrongType(Expected),
    /// Settings above the first section header, where the kiosk's own keys belong under one
    /// (names the section).
    OutsideSection(String),
    /// A key this file does not know (configs only: a typo would otherwise pass silently);
    /// with the keys that are allowed there.
    UnknownKey(String),
    /// An id that is not 1-64 characters of `a-z 0-9 - _ .`.
    BadId,
    /// An id used twice.
    DuplicateId(String),
    /// A value that is not one of the allowed ones.
    UnknownValue {
        /// What was there.
        found: String,
        /// The allowed values, comma-separated.
        allowed: String,
    },
    /// Not one of Beijing's 16 district codes.
    NoSuchDistrict(String),
    /// A number outside its range.
    OutOfRange {
        /// The lowest allowed.
        min: f64,
        /// The highest allowed.
        max: f64,
    },
    /// A number below its minimum.
    TooSmall {
        /// The lowest allowed.
        min: f64,
    },
    /// An activity names a venue that is not in the catalogue.
    NoVenue(String),
    /// Not an RFC 3339 time with an offset.
    BadMoment,
    /// Not a `YYYY-MM-DD` date.
    BadDate,
    /// Not an `HH:MM` time.
    BadTime,
    /// An end that is not after its start.
    EndNotAfterStart,
    /// A repeat whose `until` is before its `from`.
    UntilBeforeFrom,
    /// An activity with neither `sessions` nor `repeat`.
    NoSchedule,
    /// A repeat with no weekdays.
    NoDays,
    /// A second session on a date that already has one.
    SecondSessionOnDate(String),
    /// A text with neither language filled in.
    EmptyText,
    /// A staff PIN hash that is not an Argon2 PHC string.
    BadPinHash,
    /// A key chord that cannot be read.
    BadChord(String),
    /// A command line that cannot be split into words (unbalanced quotes, or empty).
    BadCommand,
    /// A file larger than its format allows, in MiB.
    FileTooLarge(u64),
    /// A text longer than its field allows, in characters.
    TooLong(usize),
    /// A text holding a control character where none may be.
    ControlCharacter,
    /// A `[printer]` section that does not say how to reach its printer.
    Printer(PrinterSlip),
}

/// What a `[printer]` section leaves out or gets wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrinterSlip {
    /// A device or address with no `kind` saying which it is.
    NoKind,
    /// A usb or serial printer with no `device` (names the kind).
    NoDevice(&'static str),
    /// A network printer with no `address`.
    NoAddress,
    /// An address that is not an IP address and port.
    BadAddress(String),
    /// A key this kind of printer does not use (names the kind).
    NotFor(&'static str),
}

/// One problem in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where it is.
    pub place: Place,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at a JSON path.
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            place: Place::Path(path.into()),
            kind,
        }
    }

    /// A problem at a line and key of a TOML file.
    pub fn at_line(line: usize, key: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            place: Place::Line {
                line,
                key: key.into(),
            },
            kind,
        }
    }

    /// What is wrong, in words, without the place.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind as K;
        match &self.kind {
            K::Unreadable(fault) => ta(
                lang,
                "problem-unreadable",
                args!["why" => &fault.words(lang)],
            ),
            K::Syntax(slip) => t(lang, &format!("problem-syntax-{}", slip.key())),
            K::NamedFile { file, fault, holds } => {
                let holds = match holds {
                    Holds::Catalogue => "problem-named-catalogue",
                    Holds::HubToken => "problem-named-token",
                };
                ta(
                    lang,
                    holds,
                    args!["file" => file, "why" => &fault.words(lang)],
                )
            }
            K::WrongFormat(found) => ta(lang, "problem-wrong-format", args!["found" => found]),
            K::Missing(expected) => {
                let what = t(lang, &format!("expected-{}", expected.key()));
                ta(lang, "problem-missing", args!["expected" => &what])
            }
            K::WrongType(expected) => {
                let what = t(lang, &format!("expected-{}", expected.key()));
                ta(lang, "problem-wrong-type", args!["expected" => &what])
            }
            K::OutsideSection(section) => {
                ta(lang, "problem-outside-section", args!["section" => section])
            }
            K::UnknownKey(allowed) => ta(lang, "problem-unknown-key", args!["allowed" => allowed]),
            K::BadId => t(lang, "problem-bad-id"),
            K::DuplicateId(id) => ta(lang, "problem-duplicate-id", args!["id" => id]),
            K::UnknownValue { found, allowed } => ta(
                lang,
                "problem-unknown-value",
                args!["found" => found, "allowed" => allowed],
            ),
            K::NoSuchDistrict(code) => ta(lang, "problem-no-such-district", args!["code" => code]),
            K::OutOfRange { min, max } => ta(
                lang,
                "problem-out-of-range",
                &[
                    ("min", crate::i18n::Arg::Num(*min)),
                    ("max", crate::i18n::Arg::Num(*max)),
                ],
            ),
            K::TooSmall { min } => ta(
                lang,
                "problem-too-small",
                &[("min", crate::i18n::Arg::Num(*min))],
            ),
            K::NoVenue(id) => ta(lang, "problem-no-venue", args!["id" => id]),
            K::BadMoment => t(lang, "problem-bad-moment"),
            K::BadDate => t(lang, "problem-bad-date"),
            K::BadTime => t(lang, "problem-bad-time"),
            K::EndNotAfterStart => t(lang, "problem-end-not-after-start"),
            K::UntilBeforeFrom => t(lang, "problem-until-before-from"),
            K::NoSchedule => t(lang, "problem-no-schedule"),
            K::NoDays => t(lang, "problem-no-days"),
            K::SecondSessionOnDate(date) => {
                ta(lang, "problem-second-session", args!["date" => date])
            }
            K::EmptyText => t(lang, "problem-empty-text"),
            K::BadPinHash => t(lang, "problem-bad-pin-hash"),
            K::BadChord(chord) => ta(lang, "problem-bad-chord", args!["chord" => chord]),
            K::BadCommand => t(lang, "problem-bad-command"),
            K::TooLong(max) => ta(
                lang,
                "problem-too-long",
                &[("max", crate::i18n::Arg::Num(*max as f64))],
            ),
            K::ControlCharacter => t(lang, "problem-control-character"),
            K::Printer(slip) => match slip {
                PrinterSlip::NoKind => t(lang, "problem-printer-no-kind"),
                PrinterSlip::NoDevice(kind) => {
                    ta(lang, "problem-printer-no-device", args!["kind" => *kind])
                }
                PrinterSlip::NoAddress => t(lang, "problem-printer-no-address"),
                PrinterSlip::BadAddress(found) => {
                    ta(lang, "problem-printer-bad-address", args!["found" => found])
                }
                PrinterSlip::NotFor(kind) => {
                    ta(lang, "problem-printer-not-for", args!["kind" => *kind])
                }
            },
            K::FileTooLarge(max) => ta(
                lang,
                "problem-file-too-large",
                &[("max", crate::i18n::Arg::Num(*max as f64))],
            ),
        }
    }

    /// The problem as one line: `PATH: problem` or `line N: KEY: problem`.
    pub fn line(&self, lang: Lang) -> String {
        let what = self.describe(lang);
        match &self.place {
            Place::Path(path) if path.is_empty() => what,
            Place::Path(path) => format!("{path}: {what}"),
            Place::Line { line, key } if key.is_empty() => {
                format!(
                    "{}: {what}",
                    ta(lang, "problem-line", args!["line" => *line])
                )
            }
            Place::Line { line, key } => format!(
                "{}: {key}: {what}",
                ta(lang, "problem-line", args!["line" => *line])
            ),
        }
    }
}

/// Every problem found in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblems {
    /// The file, as the person named it (or `built-in` for embedded files).
    pub file: String,
    /// Every problem, in document order.
    pub problems: Vec<Problem>,
}

impl FileProblems {
    /// The report in one language: a heading naming the file, then one problem a line.
    pub fn report(&self, lang: Lang) -> String {
        let mut out = ta(
            lang,
            "problems-in-file",
            args!["file" => &self.file, "count" => self.problems.len()],
        );
        for p in &self.problems {
            out.push_str("\n  ");
            out.push_str(&self.file);
            out.push_str(": ");
            out.push_str(&p.line(lang));
        }
        out
    }
}

/// A system's own words (an OS error, a parser's, often in English), labelled, for a line of
/// their own.
pub fn detail_line(lang: Lang, detail: &str) -> String {
    ta(lang, "detail-label", crate::args!["detail" => detail])
}

impl fmt::Display for FileProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(Lang::En))
    }
}

impl std::error::Error for FileProblems {}
