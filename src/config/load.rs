//! Reads a site config (TOML), reporting every problem with its line and key.

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalogue::Text;
use crate::config::chord::KeyChord;
use crate::config::pin;
use crate::config::site::{HomeKind, Mode, Site};
use crate::domain::district::District;
use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;
use crate::problem::{Expected, FileProblems, Problem, ProblemKind};

/// The built-in demo site, embedded so the binary alone runs.
pub const DEMO_SITE: &str = include_str!("../../assets/demo-site.toml");

/// The label problems in the demo site are reported under.
pub const DEMO_SITE_LABEL: &str = "built-in demo site (assets/demo-site.toml)";

/// Loads the built-in demo site.
pub fn demo_site() -> Result<Site, FileProblems> {
    load_site_str(DEMO_SITE, DEMO_SITE_LABEL, None)
}

/// Loads a site config file; a relative catalogue path is taken from the file's folder.
pub fn load_site_file(path: &Path) -> Result<Site, FileProblems> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| FileProblems {
        file: label.clone(),
        problems: vec![Problem::at("", ProblemKind::Unreadable(err.to_string()))],
    })?;
    load_site_str(&text, &label, path.parent())
}

/// Loads a site config from text.
pub fn load_site_str(
    text: &str,
    label: &str,
    base_dir: Option<&Path>,
) -> Result<Site, FileProblems> {
    let mut reader = Reader {
        src: text,
        problems: Vec::new(),
    };
    let (root, errors) = DeTable::parse_recoverable(text);
    for err in &errors {
        let line = err.span().map_or(1, |s| reader.line(s.start));
        reader.problems.push(Problem::at_line(
            line,
            "",
            ProblemKind::Syntax {
                detail: err.message().trim().to_string(),
            },
        ));
    }
    let site = if errors.is_empty() {
        reader.site(root.get_ref(), label, base_dir)
    } else {
        None
    };
    // The parsed table is in key order; people read files top to bottom.
    reader.problems.sort_by_key(|p| match p.place {
        crate::problem::Place::Line { line, .. } => line,
        crate::problem::Place::Path(_) => 0,
    });
    match site {
        Some(site) if reader.problems.is_empty() => Ok(site),
        _ => Err(FileProblems {
            file: label.to_string(),
            problems: reader.problems,
        }),
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'s> {
    src: &'s str,
    problems: Vec<Problem>,
}

/// The speech command when the config names none: espeak-ng, reading the text from stdin.
pub const DEFAULT_SPEECH_COMMAND: &str = "espeak-ng -v {voice} --stdin";

/// The settings as read so far, before defaults fill the gaps.
#[derive(Default)]
struct Draft {
    id: Option<String>,
    name: Option<Text>,
    district: Option<District>,
    lat: Option<f64>,
    lon: Option<f64>,
    language: Option<Lang>,
    mode: Option<Mode>,
    home: Option<HomeKind>,
    speech_command: Option<String>,
    catalogue: Option<String>,
    radius_km: Option<f64>,
    days: Option<u32>,
    idle_seconds: Option<u32>,
    countdown_seconds: Option<u32>,
    pin_hash: Option<String>,
    chord: Option<KeyChord>,
    touchscreen: Option<bool>,
    reader_gap_ms: Option<u32>,
    cell_aspect: Option<f64>,
    hub_url: Option<String>,
    token_file: Option<String>,
    sync_interval: Option<u32>,
    byte_budget: Option<u64>,
    batch_size: Option<u32>,
    hub_at: usize,
}

impl Reader<'_> {
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.src.len());
        self.src.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    fn problem(&mut self, offset: usize, key: &str, kind: ProblemKind) {
        let line = self.line(offset);
        self.problems.push(Problem::at_line(line, key, kind));
    }

    fn site(&mut self, root: &DeTable<'_>, label: &str, base_dir: Option<&Path>) -> Option<Site> {
        let mut d = Draft::default();
        let mut kiosk_at = 0;
        for (key, value) in root.iter() {
            let name = key.get_ref().as_ref();
            let Some(table) = self.table(value, name) else {
                continue;
            };
            match name {
                "kiosk" => {
                    kiosk_at = value.span().start;
                    self.kiosk(table, &mut d);
                }
                "nearby" => self.nearby(table, &mut d),
                "timeouts" => self.timeouts(table, &mut d),
                "staff" => self.staff(table, &mut d),
                "input" => self.input(table, &mut d),
                "display" => self.display(table, &mut d),
                "speech" => self.speech(table, &mut d),
                "hub" => {
                    d.hub_at = value.span().start;
                    self.hub(table, &mut d);
                }
                _ => self.problem(
                    key.span().start,
                    name,
                    ProblemKind::UnknownKey(
                        "kiosk, nearby, timeouts, staff, input, display, speech, hub".into(),
                    ),
                ),
            }
        }
        for (missing, key, expected) in [
            (d.id.is_none(), "kiosk.id", Expected::String),
            (d.name.is_none(), "kiosk.name", Expected::Text),
            (d.district.is_none(), "kiosk.district", Expected::String),
            (d.lat.is_none(), "kiosk.lat", Expected::Number),
            (d.lon.is_none(), "kiosk.lon", Expected::Number),
        ] {
            if missing
                && !self.problems.iter().any(
                    |p| matches!(&p.place, crate::problem::Place::Line { key: k, .. } if k == key),
                )
            {
                self.problem(kiosk_at, key, ProblemKind::Missing(expected));
            }
        }
        // A hub needs both its address and the kiosk's token.
        if d.hub_url.is_some() != d.token_file.is_some() {
            let key = if d.hub_url.is_none() {
                "hub.url"
            } else {
                "hub.token_file"
            };
            self.problem(d.hub_at, key, ProblemKind::Missing(Expected::String));
        }
        if !self.problems.is_empty() {
            return None;
        }
        let resolve = |f: String| match base_dir {
            Some(dir) => dir.join(f),
            None => f.into(),
        };
        let hub = match (d.hub_url.clone(), d.token_file.clone()) {
            (Some(url), Some(token_file)) => Some(crate::config::site::HubSettings {
                url,
                token_file: resolve(token_file),
                sync_interval_seconds: d.sync_interval.unwrap_or(60),
                byte_budget_per_hour: d.byte_budget,
                batch_size: d.batch_size.unwrap_or(50) as usize,
            }),
            _ => None,
        };
        Some(Site {
            id: d.id?,
            name: d.name?,
            district: d.district?,
            position: LatLon::new(d.lat?, d.lon?),
            language: d.language.unwrap_or(Lang::Zh),
            mode: d.mode.unwrap_or_default(),
            home: d.home.unwrap_or_default(),
            speech_command: d
                .speech_command
                .unwrap_or_else(|| DEFAULT_SPEECH_COMMAND.to_string()),
            catalogue: d.catalogue.map(|c| match base_dir {
                Some(dir) => dir.join(c),
                None => c.into(),
            }),
            radius_km: d.radius_km.unwrap_or(5.0),
            days: d.days.unwrap_or(7),
            idle_seconds: d.idle_seconds.unwrap_or(90),
            countdown_seconds: d.countdown_seconds.unwrap_or(30),
            staff_pin_hash: d.pin_hash,
            staff_chord: d.chord.unwrap_or_default(),
            touchscreen: d.touchscreen.unwrap_or(true),
            reader_gap_ms: d.reader_gap_ms.unwrap_or(30),
            cell_aspect: d.cell_aspect.unwrap_or(2.0),
            hub,
            source: label.to_string(),
        })
    }

    fn table<'t, 'i>(&mut self, value: &'t Value<'i>, key: &str) -> Option<&'t DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.problem(
                value.span().start,
                key,
                ProblemKind::WrongType(Expected::Object),
            );
        }
        table
    }

    fn kiosk(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("kiosk.{name}");
            match name {
                "id" => {
                    d.id = self.string(value, &path).filter(|id| {
                        let ok = crate::catalogue::load::valid_id(id);
                        if !ok {
                            self.problem(value.span().start, &path, ProblemKind::BadId);
                        }
                        ok
                    });
                }
                "name" => d.name = self.text(value, &path),
                "district" => {
                    d.district = self.string(value, &path).and_then(|code| {
                        let district = District::from_code(&code);
                        if district.is_none() {
                            self.problem(
                                value.span().start,
                                &path,
                                ProblemKind::NoSuchDistrict(code),
                            );
                        }
                        district
                    });
                }
                "lat" => d.lat = self.float_in(value, &path, 39.4, 41.1),
                "lon" => d.lon = self.float_in(value, &path, 115.4, 117.6),
                "language" => {
                    d.language = self
                        .choice(value, &path, &["zh-CN", "en-US"])
                        .and_then(|s| Lang::from_tag(&s));
                }
                "mode" => {
                    d.mode = self
                        .choice(value, &path, &["standard", "assisted"])
                        .map(|s| {
                            if s == "assisted" {
                                Mode::Assisted
                            } else {
                                Mode::Standard
                            }
                        });
                }
                "home" => {
                    d.home = self
                        .choice(value, &path, &["standard", "farming"])
                        .map(|s| {
                            if s == "farming" {
                                HomeKind::Farming
                            } else {
                                HomeKind::Standard
                            }
                        });
                }
                "catalogue" => d.catalogue = self.string(value, &path),
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey(
                        "id, name, district, lat, lon, language, mode, home, catalogue".into(),
                    ),
                ),
            }
        }
    }

    fn nearby(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("nearby.{name}");
            match name {
                "radius_km" => d.radius_km = self.float_in(value, &path, 0.5, 50.0),
                "days" => d.days = self.int_in(value, &path, 1, 31),
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("radius_km, days".into()),
                ),
            }
        }
    }

    fn timeouts(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("timeouts.{name}");
            match name {
                "idle_seconds" => d.idle_seconds = self.int_in(value, &path, 20, 3600),
                // The UX rules ask for a countdown of at least 30 seconds.
                "countdown_seconds" => d.countdown_seconds = self.int_in(value, &path, 30, 600),
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("idle_seconds, countdown_seconds".into()),
                ),
            }
        }
    }

    fn staff(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("staff.{name}");
            match name {
                "pin_hash" => {
                    d.pin_hash = self.string(value, &path).filter(|h| {
                        let ok = pin::valid_hash(h);
                        if !ok {
                            self.problem(value.span().start, &path, ProblemKind::BadPinHash);
                        }
                        ok
                    });
                }
                "chord" => {
                    d.chord = self.string(value, &path).and_then(|c| {
                        let chord = KeyChord::parse(&c);
                        if chord.is_none() {
                            self.problem(value.span().start, &path, ProblemKind::BadChord(c));
                        }
                        chord
                    });
                }
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("pin_hash, chord".into()),
                ),
            }
        }
    }

    fn input(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("input.{name}");
            match name {
                "touchscreen" => d.touchscreen = self.boolean(value, &path),
                "reader_gap_ms" => d.reader_gap_ms = self.int_in(value, &path, 5, 200),
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("touchscreen, reader_gap_ms".into()),
                ),
            }
        }
    }

    fn hub(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("hub.{name}");
            match name {
                "url" => {
                    d.hub_url = self.string(value, &path).filter(|url| {
                        let ok = crate::config::site::hub_url_allowed(url);
                        if !ok {
                            self.problem(
                                value.span().start,
                                &path,
                                ProblemKind::UnknownValue {
                                    found: url.clone(),
                                    allowed: crate::config::site::HUB_URLS.into(),
                                },
                            );
                        }
                        ok
                    });
                }
                "token_file" => d.token_file = self.string(value, &path),
                "sync_interval_seconds" => d.sync_interval = self.int_in(value, &path, 10, 86_400),
                "byte_budget_per_hour" => {
                    d.byte_budget = self
                        .int_in(value, &path, 10_000, 4_000_000_000)
                        .map(u64::from)
                }
                "batch_size" => {
                    d.batch_size = self.int_in(value, &path, 1, learning_wire::MAX_BATCH as u32)
                }
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey(
                        "url, token_file, sync_interval_seconds, byte_budget_per_hour, batch_size"
                            .into(),
                    ),
                ),
            }
        }
    }

    fn speech(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("speech.{name}");
            match name {
                "command" => {
                    d.speech_command = self.string(value, &path).filter(|c| {
                        let ok = shell_words::split(c).is_ok_and(|w| !w.is_empty());
                        if !ok {
                            self.problem(value.span().start, &path, ProblemKind::BadCommand);
                        }
                        ok
                    });
                }
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("command".into()),
                ),
            }
        }
    }

    fn display(&mut self, table: &DeTable<'_>, d: &mut Draft) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("display.{name}");
            match name {
                "cell_aspect" => d.cell_aspect = self.float_in(value, &path, 1.0, 3.0),
                _ => self.problem(
                    key.span().start,
                    &path,
                    ProblemKind::UnknownKey("cell_aspect".into()),
                ),
            }
        }
    }

    fn string(&mut self, value: &Value<'_>, path: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.problem(
                    value.span().start,
                    path,
                    ProblemKind::WrongType(Expected::String),
                );
                None
            }
        }
    }

    fn choice(&mut self, value: &Value<'_>, path: &str, allowed: &[&str]) -> Option<String> {
        let s = self.string(value, path)?;
        if allowed.contains(&s.as_str()) {
            Some(s)
        } else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::UnknownValue {
                    found: s,
                    allowed: allowed.join(", "),
                },
            );
            None
        }
    }

    fn boolean(&mut self, value: &Value<'_>, path: &str) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.problem(
                    value.span().start,
                    path,
                    ProblemKind::WrongType(Expected::Bool),
                );
                None
            }
        }
    }

    fn float_in(&mut self, value: &Value<'_>, path: &str, min: f64, max: f64) -> Option<f64> {
        let n = match value.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => None,
        };
        let Some(n) = n else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::WrongType(Expected::Number),
            );
            return None;
        };
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::OutOfRange { min, max },
            );
            None
        }
    }

    fn int_in(&mut self, value: &Value<'_>, path: &str, min: u32, max: u32) -> Option<u32> {
        let n = match value.get_ref() {
            DeValue::Integer(i) => {
                i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
            }
            _ => None,
        };
        let Some(n) = n else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::WrongType(Expected::Integer),
            );
            return None;
        };
        if (i64::from(min)..=i64::from(max)).contains(&n) {
            u32::try_from(n).ok()
        } else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::OutOfRange {
                    min: f64::from(min),
                    max: f64::from(max),
                },
            );
            None
        }
    }

    fn text(&mut self, value: &Value<'_>, path: &str) -> Option<Text> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(
                value.span().start,
                path,
                ProblemKind::WrongType(Expected::Text),
            );
            return None;
        };
        let (mut zh, mut en) = (None, None);
        let mut ok = true;
        for (key, v) in table.iter() {
            let name = key.get_ref().as_ref();
            let key_path = format!("{path}.{name}");
            let slot = match name {
                "zh-CN" => &mut zh,
                "en-US" => &mut en,
                _ => {
                    ok = false;
                    self.problem(
                        key.span().start,
                        &key_path,
                        ProblemKind::UnknownKey("zh-CN, en-US".into()),
                    );
                    continue;
                }
            };
            match self.string(v, &key_path) {
                Some(s) if !s.trim().is_empty() => *slot = Some(crate::catalogue::load::nfc(&s)),
                Some(_) => {}
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        match (zh, en) {
            (Some(zh), Some(en)) => Some(Text::new(zh, en)),
            (Some(one), None) | (None, Some(one)) => Some(Text::new(one.clone(), one)),
            (None, None) => {
                self.problem(value.span().start, path, ProblemKind::EmptyText);
                None
            }
        }
    }
}
