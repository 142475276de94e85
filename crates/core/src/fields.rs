//! One way to read a file a person wrote. A catalogue (JSON) and a site config (TOML) are
//! both read field by field through [`Fields`]: each reader checks its field's rule and, when
//! it is broken, records a [`Problem`] that names the place (a JSON path, or a TOML line and
//! key) and returns `None`; the caller builds its value only when every field came back, so
//! one pass lists every problem of the file.
//!
//! A document's values are seen through [`Node`]; `&serde_json::Value` is one, and the kiosk's
//! config reader gives TOML values its own.

use std::cell::RefCell;
use std::marker::PhantomData;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::catalogue::model::Text;
use crate::domain::district::District;
use crate::problem::{Expected, Problem, ProblemKind};

/// What a value in a document is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape<'a> {
    /// Nothing (JSON `null`): read as if the key were absent.
    Absent,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction (or too large for `i64`).
    Float(f64),
    /// A string.
    Str(&'a str),
    /// A table of keys (a JSON object, a TOML table).
    Table,
    /// An array.
    Array,
    /// Anything else (a TOML date).
    Other,
}

/// A value in a document, as the field reader sees it.
pub trait Node<'a>: Copy {
    /// What the value is.
    fn shape(self) -> Shape<'a>;
    /// A key of a table (`None` for another shape, or a key it lacks).
    fn get(self, key: &str) -> Option<Self>;
    /// A table's keys with their values, in the file's order (empty for another shape).
    fn entries(self) -> Vec<(&'a str, Self)>;
    /// A problem about this value, at `path` (a TOML value knows its line).
    fn problem(self, path: String, kind: ProblemKind) -> Problem;
    /// Whether the value stands for nothing (JSON `null`); asked of every key read.
    fn is_absent(self) -> bool {
        matches!(self.shape(), Shape::Absent)
    }
}

impl<'a> Node<'a> for &'a serde_json::Value {
    fn shape(self) -> Shape<'a> {
        use serde_json::Value;
        match self {
            Value::Null => Shape::Absent,
            Value::Bool(b) => Shape::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Shape::Int(i),
                None => n.as_f64().map_or(Shape::Other, Shape::Float),
            },
            Value::String(s) => Shape::Str(s),
            Value::Array(_) => Shape::Array,
            Value::Object(_) => Shape::Table,
        }
    }

    fn get(self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn entries(self) -> Vec<(&'a str, Self)> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.as_str(), v)).collect())
            .unwrap_or_default()
    }

    fn problem(self, path: String, kind: ProblemKind) -> Problem {
        Problem::at(path, kind)
    }

    fn is_absent(self) -> bool {
        self.is_null()
    }
}

/// How long a text may be, in characters, and whether it may hold line breaks and tabs.
#[derive(Clone, Copy, Debug)]
pub struct TextRule {
    /// The most characters in each language.
    pub max_chars: usize,
    /// Whether line breaks and tabs are allowed.
    pub lines: bool,
    /// Whether keys other than `zh-CN` and `en-US` are refused (a site config), or passed
    /// over (a catalogue, which may one day carry more languages).
    pub strict: bool,
}

impl TextRule {
    /// A name or a title.
    pub const NAME: TextRule = TextRule {
        max_chars: 120,
        lines: false,
        strict: false,
    };
    /// An address.
    pub const ADDRESS: TextRule = TextRule {
        max_chars: 200,
        lines: false,
        strict: false,
    };
    /// A summary.
    pub const SUMMARY: TextRule = TextRule {
        max_chars: 1_000,
        lines: true,
        strict: false,
    };

    /// The same rule, refusing keys other than the two languages.
    pub const fn strict(self) -> TextRule {
        TextRule {
            strict: true,
            ..self
        }
    }
}

/// Reads the fields of one table of a document, recording a problem for each broken rule.
pub struct Fields<'p, 'a, N: Node<'a>> {
    node: Option<N>,
    path: &'p str,
    problems: &'p mut Vec<Problem>,
    /// In a strict reader, the keys asked for so far: any other key is refused at the end,
    /// so a section's list of keys is the code that reads them, written once.
    asked: Option<RefCell<Vec<String>>>,
    _doc: PhantomData<&'a ()>,
}

impl<'p, 'a, N: Node<'a>> Fields<'p, 'a, N> {
    /// The fields of `node`, a table at `path`.
    pub fn new(node: N, path: &'p str, problems: &'p mut Vec<Problem>) -> Self {
        Fields {
            node: Some(node),
            path,
            problems,
            asked: None,
            _doc: PhantomData,
        }
    }

    /// The same reader, refusing (at [`Fields::refuse_unread`]) every key it was not asked
    /// for; readers made from it with [`Fields::nested`] are strict too.
    pub fn strict(mut self) -> Self {
        self.asked = Some(RefCell::default());
        self
    }

    /// A reader for values handed to it one at a time (the top of a streamed document).
    pub fn root(problems: &'p mut Vec<Problem>) -> Self {
        Fields {
            node: None,
            path: "",
            problems,
            asked: None,
            _doc: PhantomData,
        }
    }

    /// The fields of a table inside this one, read with the same problem list.
    pub fn nested<'q>(&'q mut self, node: N, path: &'q str) -> Fields<'q, 'a, N> {
        Fields {
            node: Some(node),
            path,
            problems: &mut *self.problems,
            asked: self.asked.as_ref().map(|_| RefCell::default()),
            _doc: PhantomData,
        }
    }

    /// The dotted path of a key of this table.
    pub fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Records a problem with a key, at the key's value where there is one, else at the table.
    pub fn problem(&mut self, key: &str, kind: ProblemKind) {
        let at = self.node.and_then(|n| n.get(key)).or(self.node);
        self.problem_at(at, key, kind);
    }

    /// Records a problem with a key, at `node`'s place.
    pub fn problem_at(&mut self, node: Option<N>, key: &str, kind: ProblemKind) {
        let path = self.field_path(key);
        let problem = match node {
            Some(node) => node.problem(path, kind),
            None => Problem::at(path, kind),
        };
        self.problems.push(problem);
    }

    /// Records a problem with the value of a nested path (`days[2]`).
    pub fn problem_in(&mut self, node: N, path: String, kind: ProblemKind) {
        self.problems.push(node.problem(path, kind));
    }

    /// The value of a key; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<N> {
        if let Some(asked) = &self.asked {
            let mut asked = asked.borrow_mut();
            if !asked.iter().any(|k| k == key) {
                asked.push(key.to_string());
            }
        }
        self.node?.get(key).filter(|v| !v.is_absent())
    }

    /// Reads an optional key with `read` when it is there; `None` when it is not.
    pub fn optional<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&mut Self, &str) -> Option<T>,
    ) -> Option<T> {
        self.get(key)?;
        read(self, key)
    }

    /// In a strict reader, refuses every key of this table that was not asked for, naming
    /// the ones that are known.
    pub fn refuse_unread(&mut self) {
        let Some(asked) = self.asked.take() else {
            return;
        };
        let asked = asked.into_inner();
        let allowed: Vec<&str> = asked.iter().map(String::as_str).collect();
        self.only(&allowed);
    }

    /// Refuses every key of this table but `allowed`.
    fn only(&mut self, allowed: &[&str]) {
        let Some(node) = self.node else {
            return;
        };
        for (key, value) in node.entries() {
            if !allowed.contains(&key) {
                self.problem_at(
                    Some(value),
                    key,
                    ProblemKind::UnknownKey(allowed.join(", ")),
                );
            }
        }
    }

    /// A key that must be there.
    pub fn required(&mut self, key: &str, expected: Expected) -> Option<N> {
        let value = self.get(key);
        if value.is_none() {
            self.problem_at(self.node, key, ProblemKind::Missing(expected));
        }
        value
    }

    /// A required string.
    pub fn string(&mut self, key: &str) -> Option<&'a str> {
        let value = self.required(key, Expected::String)?;
        self.str_value(key, value)
    }

    /// An optional string.
    pub fn opt_string(&mut self, key: &str) -> Option<&'a str> {
        let value = self.get(key)?;
        self.str_value(key, value)
    }

    /// A value that must be a string.
    pub fn str_value(&mut self, key: &str, value: N) -> Option<&'a str> {
        match value.shape() {
            Shape::Str(s) => Some(s),
            _ => {
                self.problem_at(Some(value), key, ProblemKind::WrongType(Expected::String));
                None
            }
        }
    }

    /// A required id: 1-64 of `a-z 0-9 - _ .`.
    pub fn id(&mut self, key: &str) -> Option<Box<str>> {
        let s = self.string(key)?;
        if valid_id(s) {
            Some(s.into())
        } else {
            self.problem(key, ProblemKind::BadId);
            None
        }
    }

    /// A required district code.
    pub fn district(&mut self, key: &str) -> Option<District> {
        let s = self.string(key)?;
        let district = District::from_code(s);
        if district.is_none() {
            self.problem(key, ProblemKind::NoSuchDistrict(s.to_string()));
        }
        district
    }

    /// An optional `true` or `false`.
    pub fn bool(&mut self, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.shape() {
            Shape::Bool(b) => Some(b),
            _ => {
                self.problem_at(Some(value), key, ProblemKind::WrongType(Expected::Bool));
                None
            }
        }
    }

    /// A value that must be a number.
    pub fn number_value(&mut self, key: &str, value: N) -> Option<f64> {
        match value.shape() {
            Shape::Int(i) => Some(i as f64),
            Shape::Float(f) => Some(f),
            _ => {
                self.problem_at(Some(value), key, ProblemKind::WrongType(Expected::Number));
                None
            }
        }
    }

    /// A required number within `min..=max`.
    pub fn number_in(&mut self, key: &str, (min, max): (f64, f64)) -> Option<f64> {
        let value = self.required(key, Expected::Number)?;
        let n = self.number_value(key, value)?;
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.problem_at(Some(value), key, ProblemKind::OutOfRange { min, max });
            None
        }
    }

    /// An optional number of at least `min`.
    pub fn opt_number_at_least(&mut self, key: &str, min: f64) -> Option<f64> {
        let value = self.get(key)?;
        let n = self.number_value(key, value)?;
        if n >= min {
            Some(n)
        } else {
            self.problem_at(Some(value), key, ProblemKind::TooSmall { min });
            None
        }
    }

    /// A value that must be a whole number.
    pub fn integer_value(&mut self, key: &str, value: N) -> Option<i64> {
        match value.shape() {
            Shape::Int(i) => Some(i),
            _ => {
                self.problem_at(Some(value), key, ProblemKind::WrongType(Expected::Integer));
                None
            }
        }
    }

    /// A value that must be a whole number of at least `min`.
    pub fn integer_value_at_least(&mut self, key: &str, value: N, min: u32) -> Option<u32> {
        let n = self.integer_value(key, value)?;
        if n < i64::from(min) {
            self.problem_at(
                Some(value),
                key,
                ProblemKind::TooSmall {
                    min: f64::from(min),
                },
            );
            return None;
        }
        Some(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// A required whole number of at least `min`.
    pub fn integer_at_least(&mut self, key: &str, min: u32) -> Option<u32> {
        let value = self.required(key, Expected::Integer)?;
        self.integer_value_at_least(key, value, min)
    }

    /// A required whole number within `min..=max`.
    pub fn integer_in(&mut self, key: &str, (min, max): (u32, u32)) -> Option<u32> {
        let value = self.required(key, Expected::Integer)?;
        let n = self.integer_value(key, value)?;
        if (i64::from(min)..=i64::from(max)).contains(&n) {
            u32::try_from(n).ok()
        } else {
            self.problem_at(
                Some(value),
                key,
                ProblemKind::OutOfRange {
                    min: f64::from(min),
                    max: f64::from(max),
                },
            );
            None
        }
    }

    /// A required string that is one of `allowed`.
    pub fn one_of(&mut self, key: &str, allowed: &[&str]) -> Option<&'a str> {
        let value = self.required(key, Expected::String)?;
        let s = self.str_value(key, value)?;
        if allowed.contains(&s) {
            return Some(s);
        }
        self.problem_at(
            Some(value),
            key,
            ProblemKind::UnknownValue {
                found: s.to_string(),
                allowed: allowed.join(", "),
            },
        );
        None
    }

    /// One of a list of words; `Some(None)` is an absent optional one.
    pub fn wire_enum<E: Copy>(
        &mut self,
        key: &str,
        required: bool,
        parse: fn(&str) -> Option<E>,
        all: &[E],
        wire: fn(E) -> &'static str,
    ) -> Option<Option<E>> {
        let value = if required {
            self.required(key, Expected::String)?
        } else {
            match self.get(key) {
                Some(v) => v,
                None => return Some(None),
            }
        };
        let s = self.str_value(key, value)?;
        match parse(s) {
            Some(e) => Some(Some(e)),
            None => {
                let allowed = all.iter().map(|e| wire(*e)).collect::<Vec<_>>().join(", ");
                self.problem_at(
                    Some(value),
                    key,
                    ProblemKind::UnknownValue {
                        found: s.to_string(),
                        allowed,
                    },
                );
                None
            }
        }
    }

    /// A text in both languages (one is enough: it stands for the other), each within the
    /// rule. `Some(None)` is an absent optional text.
    pub fn text(&mut self, key: &str, required: bool, rule: TextRule) -> Option<Option<Text>> {
        let value = if required {
            self.required(key, Expected::Text)?
        } else {
            match self.get(key) {
                Some(v) => v,
                None => return Some(None),
            }
        };
        if value.shape() != Shape::Table {
            self.problem_at(Some(value), key, ProblemKind::WrongType(Expected::Text));
            return None;
        }
        let path = self.field_path(key);
        let mut ok = true;
        if rule.strict {
            for (tag, v) in value.entries() {
                if !matches!(tag, "zh-CN" | "en-US") {
                    self.problem_in(
                        v,
                        format!("{path}.{tag}"),
                        ProblemKind::UnknownKey("zh-CN, en-US".into()),
                    );
                    ok = false;
                }
            }
        }
        // A language that is not there, or is blank, stands aside for the other.
        let mut lang_text = |tag: &str| -> Option<Option<String>> {
            let Some(v) = value.get(tag) else {
                return Some(None);
            };
            let at = || format!("{path}.{tag}");
            match v.shape() {
                Shape::Absent => Some(None),
                Shape::Str(s) if s.trim().is_empty() => Some(None),
                Shape::Str(s) if s.chars().count() > rule.max_chars => {
                    self.problems
                        .push(v.problem(at(), ProblemKind::TooLong(rule.max_chars)));
                    None
                }
                Shape::Str(s)
                    if s.chars()
                        .any(|c| c.is_control() && !(rule.lines && matches!(c, '\n' | '\t'))) =>
                {
                    self.problems
                        .push(v.problem(at(), ProblemKind::ControlCharacter));
                    None
                }
                Shape::Str(s) => Some(Some(nfc(s))),
                _ => {
                    self.problems
                        .push(v.problem(at(), ProblemKind::WrongType(Expected::String)));
                    None
                }
            }
        };
        let (Some(zh), Some(en)) = (lang_text("zh-CN"), lang_text("en-US")) else {
            return None;
        };
        if !ok {
            return None;
        }
        match (zh, en) {
            (Some(zh), Some(en)) => Some(Some(Text::new(zh, en))),
            (Some(one), None) | (None, Some(one)) => Some(Some(Text::new(one.clone(), one))),
            (None, None) => {
                self.problem_at(Some(value), key, ProblemKind::EmptyText);
                None
            }
        }
    }
}

/// Whether an id is 1-64 of `a-z 0-9 - _ .`.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

/// The text in Unicode normal form C (checked quickly first: almost every text already is).
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}
