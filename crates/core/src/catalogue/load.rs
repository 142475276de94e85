//! Loads a `learning-catalogue/1` document, checking every rule of the spec.
//!
//! The document is read as a stream: each venue and activity is parsed, checked and turned
//! into its compact form before the next is read, so memory grows with the catalogue held,
//! not with its JSON. A catalogue with any problem is refused whole, with every problem listed.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::catalogue::json_place::JsonPlace;
use crate::catalogue::model::{
    Activity, ActivityStatus, ActivityTexts, Audience, AudienceSet, Catalogue, Category, OneOff,
    Repeat, Venue, VenueKind,
};
use crate::domain::geo::LatLon;
use crate::domain::time::{Moment, local_date, parse_moment};
use crate::fields::{Fields, TextRule};
pub use crate::fields::{nfc, valid_id};
use crate::file_fault::FileFault;
use crate::problem::{Expected, FileProblems, Place, Problem, ProblemKind, Slip};

/// The format name this loader reads.
pub const FORMAT: &str = "learning-catalogue/1";

/// The largest catalogue file read (the format's limit): more is refused, never read on.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The longest phone number, in characters.
const PHONE_CHARS: usize = 32;

/// Latitude range allowed for Beijing.
const LAT_RANGE: (f64, f64) = (39.4, 41.1);
/// Longitude range allowed for Beijing.
const LON_RANGE: (f64, f64) = (115.4, 117.6);

/// Loads and checks a catalogue file.
pub fn load_file(path: &Path) -> Result<Catalogue, FileProblems> {
    load_reader(open_file(path)?, &path.display().to_string())
}

/// Opens a catalogue file for reading, refusing one larger than the format allows before
/// reading any of it.
pub fn open_file(path: &Path) -> Result<std::io::BufReader<std::fs::File>, FileProblems> {
    let refused = |kind| FileProblems {
        file: path.display().to_string(),
        problems: vec![Problem::at("", kind)],
    };
    let file = std::fs::File::open(path)
        .map_err(|e| refused(ProblemKind::Unreadable(FileFault::of(&e))))?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(refused(ProblemKind::FileTooLarge(MAX_FILE_BYTES >> 20)));
    }
    Ok(std::io::BufReader::with_capacity(1 << 16, file))
}

/// Loads and checks a catalogue held in memory (the embedded demo, tests).
pub fn load_str(text: &str, label: &str) -> Result<Catalogue, FileProblems> {
    load_reader(text.as_bytes(), label)
}

/// Loads and checks a catalogue from any reader; `label` names it in problems.
pub fn load_reader<R: Read>(reader: R, label: &str) -> Result<Catalogue, FileProblems> {
    let (collected, generated_at) = check_reader(reader, label, Collect::default())?;
    Ok(Catalogue::new(
        generated_at,
        collected.venues,
        collected.activities,
        collected.texts,
    ))
}

/// Checks a catalogue read from `reader` item by item, handing each checked item to `sink`
/// as it goes; the sink is given back with `generated_at` only if the whole file is good.
pub fn check_reader<R: Read, S: Sink>(
    reader: R,
    label: &str,
    sink: S,
) -> Result<(S, Moment), FileProblems> {
    let mut ctx = Ctx::new(sink);
    let over = std::cell::Cell::new(false);
    let place = std::cell::RefCell::new(JsonPlace::new());
    let capped = Capped {
        inner: reader,
        left: MAX_FILE_BYTES,
        over: &over,
        place: &place,
    };
    let mut de = serde_json::Deserializer::from_reader(capped);
    let parsed = RootSeed(&mut ctx)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    if over.get() {
        return Err(FileProblems {
            file: label.to_string(),
            problems: vec![Problem::at(
                "",
                ProblemKind::FileTooLarge(MAX_FILE_BYTES >> 20),
            )],
        });
    }
    if let Err(err) = parsed {
        let problem = json_error_problem(&err, &mut place.borrow_mut());
        // What the item the error broke was said to lack follows from the error, and past
        // it nothing more was read: the one cause is the error.
        if let Place::Line { key: path, .. } = &problem.place {
            let item = item_of(path);
            ctx.problems.retain(|p| !within(&p.place, item));
        }
        ctx.problems.push(problem);
        ctx.aborted = true;
    }
    ctx.finish().map_err(|problems| FileProblems {
        file: label.to_string(),
        problems,
    })
}

/// A reader that stops with an error at the file limit, and says so.
struct Capped<'a, R> {
    inner: R,
    left: u64,
    over: &'a std::cell::Cell<bool>,
    /// Where the parser is, to name the item a syntax error breaks.
    place: &'a std::cell::RefCell<JsonPlace>,
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // At the limit: one byte more means the file is too large.
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                return Ok(0);
            }
            self.over.set(true);
            return Err(std::io::Error::other("larger than a catalogue may be"));
        }
        let room = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..room])?;
        self.left -= n as u64;
        self.place.borrow_mut().read(&buf[..n]);
        Ok(n)
    }
}

/// A parser's error as a problem at its line, naming the item it is in.
fn json_error_problem(err: &serde_json::Error, place: &mut JsonPlace) -> Problem {
    use serde_json::error::Category as C;
    let kind = match err.classify() {
        C::Io => {
            let fault = err
                .io_error_kind()
                .map_or(FileFault::Other, |k| FileFault::of(&k.into()));
            return Problem::at("", ProblemKind::Unreadable(fault));
        }
        C::Syntax => ProblemKind::Syntax(json_slip(&err.to_string())),
        C::Eof => ProblemKind::Syntax(Slip::CutShort),
        // Not a syntax error: the document is not an object at all.
        C::Data => return Problem::at("", ProblemKind::WrongType(Expected::Object)),
    };
    let path = place.path_at(err.line(), err.column());
    Problem::at_line(err.line(), path, kind)
}

/// What a `serde_json` syntax error means, from its words (the crate has no finer kinds).
fn json_slip(words: &str) -> Slip {
    const SLIPS: [(&str, Slip); 11] = [
        ("key must be a string", Slip::JsonKey),
        ("expected `:`", Slip::JsonColon),
        ("expected `,`", Slip::Unclosed),
        ("trailing comma", Slip::TrailingComma),
        ("trailing characters", Slip::AfterEnd),
        ("expected value", Slip::Value),
        ("expected ident", Slip::Value),
        ("number", Slip::Number),
        ("escape", Slip::Escape),
        ("control character", Slip::OpenText),
        ("surrogate", Slip::Escape),
    ];
    SLIPS
        .iter()
        .find(|(start, _)| words.contains(start))
        .map_or(Slip::Other, |(_, slip)| *slip)
}

/// The top-level item a path is in: `venues[3]` of `venues[3].name.zh-CN`.
fn item_of(path: &str) -> &str {
    match path.find(']') {
        Some(end) => &path[..=end],
        None => path,
    }
}

/// Whether a problem's place is inside `item` (a path such as `venues[3]`).
fn within(place: &Place, item: &str) -> bool {
    let path = match place {
        Place::Path(p) => p.as_str(),
        Place::Line { key, .. } => key.as_str(),
    };
    !item.is_empty()
        && path
            .strip_prefix(item)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Where checked items go: a catalogue in memory, or a store that keeps their JSON.
pub trait Sink {
    /// A checked venue; venues are numbered from 0 in the order they are handed over.
    fn venue(&mut self, venue: Venue, raw: &Value);
    /// A checked activity and its words; activities are numbered from 0 in the order handed
    /// over. Its `venue` is already its venue's number unless that venue comes later in the file.
    fn activity(&mut self, activity: Activity, texts: ActivityTexts, raw: &Value);
    /// The venue of activity number `activity`, listed after it in the file.
    fn late_venue(&mut self, activity: usize, venue: u32);
}

/// Builds the catalogue in memory.
#[derive(Default)]
struct Collect {
    venues: Vec<Venue>,
    activities: Vec<Activity>,
    texts: Vec<ActivityTexts>,
}

impl Sink for Collect {
    fn venue(&mut self, venue: Venue, _: &Value) {
        self.venues.push(venue);
    }

    fn activity(&mut self, activity: Activity, texts: ActivityTexts, _: &Value) {
        self.activities.push(activity);
        self.texts.push(texts);
    }

    fn late_venue(&mut self, activity: usize, venue: u32) {
        if let Some(a) = self.activities.get_mut(activity) {
            a.venue = venue;
        }
    }
}

struct Ctx<S> {
    sink: S,
    problems: Vec<Problem>,
    aborted: bool,
    /// Every activity's venue reference, checked even when the activity has other problems.
    venue_refs: Vec<(usize, Box<str>)>,
    format_seen: bool,
    generated_at: Option<Moment>,
    generated_at_seen: bool,
    venues_seen: bool,
    activities_seen: bool,
    /// Activities whose venue came later in the file: (activity number, venue id).
    unresolved: Vec<(usize, Box<str>)>,
    venue_ids: HashMap<Box<str>, usize>,
    /// Venues with problems of their own: an activity naming one is not also told the venue
    /// is missing (the venue's problem is the one cause). `None` in the set: a broken venue
    /// whose id cannot be read, which any unknown reference may mean.
    broken_venues: std::collections::HashSet<Option<Box<str>>>,
    activity_ids: std::collections::HashSet<Box<str>>,
}

impl<S: Sink> Ctx<S> {
    fn new(sink: S) -> Ctx<S> {
        Ctx {
            sink,
            problems: Vec::new(),
            aborted: false,
            venue_refs: Vec::new(),
            format_seen: false,
            generated_at: None,
            generated_at_seen: false,
            venues_seen: false,
            activities_seen: false,
            unresolved: Vec::new(),
            venue_ids: HashMap::new(),
            broken_venues: std::collections::HashSet::new(),
            activity_ids: std::collections::HashSet::new(),
        }
    }

    fn finish(mut self) -> Result<(S, Moment), Vec<Problem>> {
        if !self.aborted {
            for (seen, key, expected) in [
                (self.format_seen, "format", Expected::String),
                (self.generated_at_seen, "generated_at", Expected::Moment),
                (self.venues_seen, "venues", Expected::Array),
                (self.activities_seen, "activities", Expected::Array),
            ] {
                if !seen {
                    self.problems
                        .push(Problem::at(key, ProblemKind::Missing(expected)));
                }
            }
        }
        // Past a syntax error later venues were not read: a reference to one is not a fault.
        let known = |r: &str| {
            self.aborted
                || self.venue_ids.contains_key(r)
                || self.broken_venues.contains(&None)
                || self.broken_venues.contains(&Some(r.into()))
        };
        for (index, venue_ref) in &self.venue_refs {
            if !known(venue_ref) {
                self.problems.push(Problem::at(
                    format!("activities[{index}].venue"),
                    ProblemKind::NoVenue(venue_ref.to_string()),
                ));
            }
        }
        for (position, venue_ref) in std::mem::take(&mut self.unresolved) {
            if let Some(&venue) = self.venue_ids.get(&venue_ref) {
                self.sink.late_venue(position, venue as u32);
            }
        }
        match (self.problems.is_empty(), self.generated_at) {
            (true, Some(generated_at)) => Ok((self.sink, generated_at)),
            _ => Err(self.problems),
        }
    }

    fn root_field(&mut self, key: &str, value: Value) {
        match key {
            "format" => {
                self.format_seen = true;
                match value.as_str() {
                    Some(FORMAT) => {}
                    Some(other) => self.problems.push(Problem::at(
                        "format",
                        ProblemKind::WrongFormat(other.into()),
                    )),
                    None => self.problems.push(Problem::at(
                        "format",
                        ProblemKind::WrongType(Expected::String),
                    )),
                }
            }
            "generated_at" => {
                self.generated_at_seen = true;
                let mut f = Fields::root(&mut self.problems);
                self.generated_at = f.moment_value("generated_at", &value);
            }
            _ => {}
        }
    }

    fn venue(&mut self, index: usize, value: Value) {
        let path = format!("venues[{index}]");
        let venue = read_venue(&value, &path, &mut self.problems);
        if venue.is_none() {
            let id = value.get("id").and_then(Value::as_str);
            self.broken_venues.insert(id.map(Box::from));
        }
        if let Some(venue) = venue {
            if self.venue_ids.contains_key(&venue.id) {
                self.problems.push(Problem::at(
                    format!("{path}.id"),
                    ProblemKind::DuplicateId(venue.id.to_string()),
                ));
                return;
            }
            self.venue_ids
                .insert(venue.id.clone(), self.venue_ids.len());
            self.sink.venue(venue, &value);
        }
    }

    fn activity(&mut self, index: usize, value: Value) {
        let path = format!("activities[{index}]");
        let (venue_ref, activity) = read_activity(&value, &path, &mut self.problems);
        if let Some(venue_ref) = &venue_ref {
            self.venue_refs.push((index, venue_ref.clone()));
        }
        let (Some(venue_ref), Some((mut activity, texts))) = (venue_ref, activity) else {
            return;
        };
        if self.activity_ids.contains(activity.id.as_str()) {
            self.problems.push(Problem::at(
                format!("{path}.id"),
                ProblemKind::DuplicateId(activity.id.to_string()),
            ));
            return;
        }
        // Venues usually come first; a venue listed later is resolved at the end.
        match self.venue_ids.get(&venue_ref) {
            Some(&v) => activity.venue = v as u32,
            None => self.unresolved.push((self.activity_ids.len(), venue_ref)),
        }
        self.activity_ids.insert(activity.id.as_str().into());
        self.sink.activity(activity, texts, &value);
    }
}

/// Checks one venue's JSON on its own (a duplicate id is the whole file's concern).
pub fn read_venue(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Venue> {
    object_or_problem(value, path, problems)?;
    let mut f = Fields::new(value, path, problems);
    let id = f.id("id");
    let name = f.text("name", true, TextRule::NAME);
    let kind = f.wire_enum(
        "kind",
        true,
        VenueKind::from_wire,
        VenueKind::ALL,
        VenueKind::wire,
    );
    let district = f.district("district");
    let address = f.text("address", true, TextRule::ADDRESS);
    let lat = f.number_in("lat", LAT_RANGE);
    let lon = f.number_in("lon", LON_RANGE);
    let step_free = f.bool("step_free").unwrap_or(false);
    let phone = f.phone("phone");
    let (
        Some(id),
        Some(Some(name)),
        Some(Some(kind)),
        Some(district),
        Some(Some(address)),
        Some(lat),
        Some(lon),
    ) = (id, name, kind, district, address, lat, lon)
    else {
        return None;
    };
    Some(Venue {
        id,
        name,
        kind,
        district,
        address,
        position: LatLon::new(lat, lon),
        step_free,
        phone,
    })
}

/// One activity as [`read_activity`] reads it: its venue's id, the activity (whose `venue`
/// is 0 until the caller resolves that id) and its words.
pub type ReadActivity = (Option<Box<str>>, Option<(Activity, ActivityTexts)>);

/// Checks one activity's JSON on its own: its venue reference (whenever it is a string,
/// so that it is checked even when the rest is broken), the activity and its texts.
pub fn read_activity(value: &Value, path: &str, problems: &mut Vec<Problem>) -> ReadActivity {
    if object_or_problem(value, path, problems).is_none() {
        return (None, None);
    }
    let mut f = Fields::new(value, path, problems);
    let id = f.id("id");
    let venue_ref = f.string("venue").map(Box::<str>::from);
    let title = f.text("title", true, TextRule::NAME);
    let summary = f.text("summary", false, TextRule::SUMMARY);
    let category = f.wire_enum(
        "category",
        true,
        Category::from_wire,
        Category::ALL,
        Category::wire,
    );
    let audience = f.audience("audience");
    let credits = f.opt_number_at_least("credits", 0.0).map(|c| c as f32);
    let capacity = f.integer_at_least("capacity", 1);
    let status = f
        .wire_enum(
            "status",
            false,
            ActivityStatus::from_wire,
            ActivityStatus::ALL,
            ActivityStatus::wire,
        )
        .map(|s| s.unwrap_or(ActivityStatus::Scheduled));
    let booked = f.booked("booked");
    let sessions = f.sessions("sessions");
    let repeat = f.repeat("repeat");
    let (Some(sessions), Some(repeat)) = (sessions, repeat) else {
        return (venue_ref, None);
    };
    let mut sessions = sessions.unwrap_or_default();
    if sessions.is_empty() && repeat.is_none() {
        f.problem("sessions", ProblemKind::NoSchedule);
        return (venue_ref, None);
    }
    f.one_session_per_date(&sessions, repeat.as_ref());
    sessions.sort_by_key(|s| s.start);
    let (
        Some(id),
        true,
        Some(Some(title)),
        Some(summary),
        Some(Some(category)),
        Some(audience),
        Some(capacity),
        Some(status),
        Some(booked),
    ) = (
        id,
        venue_ref.is_some(),
        title,
        summary,
        category,
        audience,
        capacity,
        status,
        booked,
    )
    else {
        return (venue_ref, None);
    };
    let activity = Activity {
        id: id.as_ref().into(),
        venue: 0,
        category,
        audience,
        credits,
        capacity,
        booked,
        status,
        sessions: sessions.into_boxed_slice(),
        repeat,
    };
    (
        venue_ref,
        Some((activity, ActivityTexts { title, summary })),
    )
}

fn object_or_problem<'v>(
    value: &'v Value,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<&'v Map<String, Value>> {
    let obj = value.as_object();
    if obj.is_none() {
        problems.push(Problem::at(path, ProblemKind::WrongType(Expected::Object)));
    }
    obj
}

/// The catalogue's own fields, beyond what every file shares: phones, times, schedules.
type JsonFields<'p, 'a> = Fields<'p, 'a, &'a Value>;

impl JsonFields<'_, '_> {
    /// An optional phone number, short and on one line.
    fn phone(&mut self, key: &str) -> Option<Box<str>> {
        let s = self.opt_string(key)?;
        if s.chars().count() > PHONE_CHARS {
            self.problem(key, ProblemKind::TooLong(PHONE_CHARS));
            return None;
        }
        if s.chars().any(char::is_control) {
            self.problem(key, ProblemKind::ControlCharacter);
            return None;
        }
        Some(s.into())
    }

    fn moment_value(&mut self, key: &str, value: &Value) -> Option<Moment> {
        let Some(s) = value.as_str() else {
            self.problem(key, ProblemKind::WrongType(Expected::String));
            return None;
        };
        let m = parse_moment(s);
        if m.is_none() {
            self.problem(key, ProblemKind::BadMoment);
        }
        m
    }

    fn date_value(&mut self, key: &str, value: &Value) -> Option<NaiveDate> {
        let Some(s) = value.as_str() else {
            self.problem(key, ProblemKind::WrongType(Expected::String));
            return None;
        };
        let d = parse_date(s);
        if d.is_none() {
            self.problem(key, ProblemKind::BadDate);
        }
        d
    }

    fn time_value(&mut self, key: &str, value: &Value) -> Option<NaiveTime> {
        let Some(s) = value.as_str() else {
            self.problem(key, ProblemKind::WrongType(Expected::String));
            return None;
        };
        let t = parse_hhmm(s);
        if t.is_none() {
            self.problem(key, ProblemKind::BadTime);
        }
        t
    }

    fn audience(&mut self, key: &str) -> Option<AudienceSet> {
        let mut set = AudienceSet::default();
        let Some(value) = self.get(key) else {
            set.insert(Audience::Everyone);
            return Some(set);
        };
        let Some(list) = value.as_array() else {
            self.problem(key, ProblemKind::WrongType(Expected::Array));
            return None;
        };
        let mut ok = true;
        for (i, item) in list.iter().enumerate() {
            let item_key = format!("{key}[{i}]");
            match item.as_str().map(|s| (s, Audience::from_wire(s))) {
                Some((_, Some(a))) => set.insert(a),
                Some((s, None)) => {
                    ok = false;
                    let allowed = Audience::ALL
                        .iter()
                        .map(|a| a.wire())
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.problem(
                        &item_key,
                        ProblemKind::UnknownValue {
                            found: s.to_string(),
                            allowed,
                        },
                    );
                }
                None => {
                    ok = false;
                    self.problem(&item_key, ProblemKind::WrongType(Expected::String));
                }
            }
        }
        if set.is_empty() {
            set.insert(Audience::Everyone);
        }
        ok.then_some(set)
    }

    fn booked(&mut self, key: &str) -> Option<Box<[(NaiveDate, u32)]>> {
        let Some(value) = self.get(key) else {
            return Some(Box::default());
        };
        let Some(obj) = value.as_object() else {
            self.problem(key, ProblemKind::WrongType(Expected::Object));
            return None;
        };
        let mut ok = true;
        let mut booked = Vec::with_capacity(obj.len());
        for (date, count) in obj {
            let entry_key = format!("{key}.{date}");
            let d = parse_date(date);
            if d.is_none() {
                self.problem(&entry_key, ProblemKind::BadDate);
            }
            let n = self.integer_value_at_least(&entry_key, count, 0);
            match (d, n) {
                (Some(d), Some(n)) => booked.push((d, n)),
                _ => ok = false,
            }
        }
        booked.sort_by_key(|(d, _)| *d);
        ok.then(|| booked.into_boxed_slice())
    }

    /// `Some(None)`: no sessions listed.
    fn sessions(&mut self, key: &str) -> Option<Option<Vec<OneOff>>> {
        let Some(value) = self.get(key) else {
            return Some(None);
        };
        let Some(list) = value.as_array() else {
            self.problem(key, ProblemKind::WrongType(Expected::Array));
            return None;
        };
        let mut ok = true;
        let mut sessions = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            let item_key = format!("{key}[{i}]");
            let Some(obj) = item.as_object() else {
                self.problem(&item_key, ProblemKind::WrongType(Expected::Object));
                ok = false;
                continue;
            };
            let moment = |name: &str, this: &mut Self| -> Option<Moment> {
                let k = format!("{item_key}.{name}");
                match obj.get(name).filter(|v| !v.is_null()) {
                    None => {
                        this.problem(&k, ProblemKind::Missing(Expected::Moment));
                        None
                    }
                    Some(v) => this.moment_value(&k, v),
                }
            };
            let start = moment("start", self);
            let end = moment("end", self);
            match (start, end) {
                (Some(start), Some(end)) if end > start => sessions.push(OneOff { start, end }),
                (Some(_), Some(_)) => {
                    self.problem(&format!("{item_key}.end"), ProblemKind::EndNotAfterStart);
                    ok = false;
                }
                _ => ok = false,
            }
        }
        ok.then_some(Some(sessions))
    }

    /// `Some(None)`: no weekly schedule.
    fn repeat(&mut self, key: &str) -> Option<Option<Repeat>> {
        let Some(value) = self.get(key) else {
            return Some(None);
        };
        if !value.is_object() {
            self.problem(key, ProblemKind::WrongType(Expected::Object));
            return None;
        }
        let path = self.field_path(key);
        let mut inner = self.nested(value, &path);
        let days = inner.weekdays("days");
        let start_time = inner
            .required("start_time", Expected::Time)
            .and_then(|v| inner.time_value("start_time", v));
        let end_time = inner
            .required("end_time", Expected::Time)
            .and_then(|v| inner.time_value("end_time", v));
        let from = inner
            .required("from", Expected::Date)
            .and_then(|v| inner.date_value("from", v));
        let until = inner
            .required("until", Expected::Date)
            .and_then(|v| inner.date_value("until", v));
        let except = inner.except("except");
        if let (Some(s), Some(e)) = (start_time, end_time)
            && e <= s
        {
            inner.problem("end_time", ProblemKind::EndNotAfterStart);
            return None;
        }
        if let (Some(f), Some(u)) = (from, until)
            && u < f
        {
            inner.problem("until", ProblemKind::UntilBeforeFrom);
            return None;
        }
        let minute = |t: NaiveTime| (t.hour() * 60 + t.minute()) as u16;
        Some(Some(Repeat {
            days: days?,
            start_minute: minute(start_time?),
            end_minute: minute(end_time?),
            from: from?,
            until: until?,
            except: except?,
        }))
    }

    fn weekdays(&mut self, key: &str) -> Option<u8> {
        let value = self.required(key, Expected::Array)?;
        let Some(list) = value.as_array() else {
            self.problem(key, ProblemKind::WrongType(Expected::Array));
            return None;
        };
        let mut bits = 0u8;
        let mut ok = true;
        for (i, item) in list.iter().enumerate() {
            let item_key = format!("{key}[{i}]");
            match item.as_str() {
                Some(s) => match parse_weekday(s) {
                    Some(day) => bits |= 1 << day.num_days_from_monday(),
                    None => {
                        ok = false;
                        self.problem(
                            &item_key,
                            ProblemKind::UnknownValue {
                                found: s.to_string(),
                                allowed: "mon, tue, wed, thu, fri, sat, sun".into(),
                            },
                        );
                    }
                },
                None => {
                    ok = false;
                    self.problem(&item_key, ProblemKind::WrongType(Expected::String));
                }
            }
        }
        if ok && bits == 0 {
            self.problem(key, ProblemKind::NoDays);
            return None;
        }
        ok.then_some(bits)
    }

    fn except(&mut self, key: &str) -> Option<Box<[NaiveDate]>> {
        let Some(value) = self.get(key) else {
            return Some(Box::default());
        };
        let Some(list) = value.as_array() else {
            self.problem(key, ProblemKind::WrongType(Expected::Array));
            return None;
        };
        let mut ok = true;
        let mut dates = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            match self.date_value(&format!("{key}[{i}]"), item) {
                Some(d) => dates.push(d),
                None => ok = false,
            }
        }
        dates.sort();
        dates.dedup();
        ok.then(|| dates.into_boxed_slice())
    }

    /// An activity meets at most once per local date, across one-offs and its repeat.
    /// `sessions` is still in source order, so the reported index is the file's.
    fn one_session_per_date(&mut self, sessions: &[OneOff], repeat: Option<&Repeat>) {
        let mut dates = std::collections::HashSet::new();
        for (i, s) in sessions.iter().enumerate() {
            let date = local_date(&s.start);
            let repeated =
                repeat.is_some_and(|r| crate::catalogue::schedule::repeat_meets(r, date));
            if !dates.insert(date) || repeated {
                self.problem(
                    &format!("sessions[{i}].start"),
                    ProblemKind::SecondSessionOnDate(date.to_string()),
                );
            }
        }
    }
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    (s.len() == 10)
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
}

/// Parses a strict `HH:MM` time.
fn parse_hhmm(s: &str) -> Option<NaiveTime> {
    (s.len() == 5)
        .then(|| NaiveTime::parse_from_str(s, "%H:%M").ok())
        .flatten()
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Reads the document's root object, handing each venue and activity to the checker.
struct RootSeed<'c, S>(&'c mut Ctx<S>);

impl<'de, S: Sink> DeserializeSeed<'de> for RootSeed<'_, S> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(RootVisitor(self.0))
    }
}

struct RootVisitor<'c, S>(&'c mut Ctx<S>);

impl<'de, S: Sink> Visitor<'de> for RootVisitor<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a learning catalogue object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "venues" => {
                    self.0.venues_seen = true;
                    map.next_value_seed(ListSeed {
                        ctx: self.0,
                        list: List::Venues,
                    })?;
                }
                "activities" => {
                    self.0.activities_seen = true;
                    map.next_value_seed(ListSeed {
                        ctx: self.0,
                        list: List::Activities,
                    })?;
                }
                "format" | "generated_at" => {
                    let value: Value = map.next_value()?;
                    self.0.root_field(&key, value);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum List {
    Venues,
    Activities,
}

impl List {
    fn key(self) -> &'static str {
        match self {
            List::Venues => "venues",
            List::Activities => "activities",
        }
    }
}

struct ListSeed<'c, S> {
    ctx: &'c mut Ctx<S>,
    list: List,
}

impl<'de, S: Sink> DeserializeSeed<'de> for ListSeed<'_, S> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<S: Sink> ListSeed<'_, S> {
    fn not_a_list(self) {
        self.ctx.problems.push(Problem::at(
            self.list.key(),
            ProblemKind::WrongType(Expected::Array),
        ));
    }
}

impl<'de, S: Sink> Visitor<'de> for ListSeed<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            match self.list {
                List::Venues => self.ctx.venue(index, item),
                List::Activities => self.ctx.activity(index, item),
            }
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_a_list();
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_a_list();
        Ok(())
    }
}
