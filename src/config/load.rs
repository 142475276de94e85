//! Reads a site config (TOML) with the field reader the catalogue uses too
//! ([`crate::fields`]), reporting every problem with its line and key. What a site leaves
//! out comes from the built-in demo site, the one place the defaults are written (except
//! what makes a site itself: its id, name, place, PIN, catalogue and hub).

use std::path::Path;
use std::sync::OnceLock;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalogue::Text;
use crate::config::chord::KeyChord;
use crate::config::pin;
use crate::config::site::{
    CodePage, HomeKind, HubSettings, Mode, PrinterLink, PrinterSettings, Site,
};
use crate::config::toml_slip;
use crate::domain::district::District;
use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;
use crate::fields::{Fields, Node, Shape, TextRule};
use crate::file_fault::FileFault;
use crate::problem::{Expected, FileProblems, PrinterSlip, Problem, ProblemKind};

/// The built-in demo site, embedded so the binary alone runs; its values are the defaults
/// of every site.
pub const DEMO_SITE: &str = include_str!("../../assets/demo-site.toml");

/// The label problems in the demo site are reported under.
pub const DEMO_SITE_LABEL: &str = "built-in demo site (assets/demo-site.toml)";

/// Loads the built-in demo site.
pub fn demo_site() -> Result<Site, FileProblems> {
    let mut site = load_site_str(DEMO_SITE, DEMO_SITE_LABEL, None)?;
    // Named in the reader's language where it is shown, not by the label above.
    site.source = None;
    Ok(site)
}

/// Loads a site config file; a relative catalogue path is taken from the file's folder.
pub fn load_site_file(path: &Path) -> Result<Site, FileProblems> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| FileProblems {
        file: label.clone(),
        problems: vec![Problem::at(
            "",
            ProblemKind::Unreadable(FileFault::of(&err)),
        )],
    })?;
    load_site_str(&text, &label, path.parent())
}

/// Loads a site config from text.
pub fn load_site_str(
    text: &str,
    label: &str,
    base_dir: Option<&Path>,
) -> Result<Site, FileProblems> {
    let refused = |problems| FileProblems {
        file: label.to_string(),
        problems,
    };
    let draft = read_draft(text).map_err(refused)?;
    let defaults = demo_defaults().map_err(|p| FileProblems {
        file: DEMO_SITE_LABEL.into(),
        problems: p.clone(),
    })?;
    build(draft, defaults, label, base_dir).map_err(refused)
}

/// The line of a setting (`kiosk.catalogue`) in a site file that loads; 1 when it is not
/// written there.
pub fn setting_line(text: &str, dotted: &str) -> usize {
    let lines = Lines(text);
    let (root, _) = DeTable::parse_recoverable(text);
    let root = Spanned::new(0..0, DeValue::Table(root.into_inner()));
    let mut node = Toml {
        value: &root,
        lines: &lines,
    };
    for key in dotted.split('.') {
        match node.get(key) {
            Some(inner) => node = inner,
            None => return 1,
        }
    }
    lines.line(node.value.span().start)
}

/// The demo site's settings, read once: the defaults.
fn demo_defaults() -> Result<&'static Draft, &'static Vec<Problem>> {
    static DEMO: OnceLock<Result<Draft, Vec<Problem>>> = OnceLock::new();
    DEMO.get_or_init(|| read_draft(DEMO_SITE)).as_ref()
}

/// Every setting a site may hold, as written (`None`: not there).
#[derive(Clone, Debug, Default)]
struct Draft {
    id: Option<String>,
    name: Option<Text>,
    district: Option<District>,
    lat: Option<f64>,
    lon: Option<f64>,
    language: Option<Lang>,
    mode: Option<Mode>,
    home: Option<HomeKind>,
    catalogue: Option<String>,
    venue: Option<String>,
    radius_km: Option<f64>,
    days: Option<u32>,
    idle_seconds: Option<u32>,
    countdown_seconds: Option<u32>,
    pin_hash: Option<String>,
    chord: Option<KeyChord>,
    touchscreen: Option<bool>,
    reader_gap_ms: Option<u32>,
    reader_device: Option<String>,
    cell_aspect: Option<f64>,
    speech_command: Option<String>,
    hub_url: Option<String>,
    token_file: Option<String>,
    sync_interval: Option<u32>,
    byte_budget: Option<u64>,
    batch_size: Option<u32>,
    printer: Option<PrinterLink>,
    code_page: Option<CodePage>,
    columns: Option<u32>,
    baud: Option<u32>,
}

/// The sections of a site config, in the order their problems are named.
const SECTIONS: [&str; 9] = [
    "kiosk", "nearby", "timeouts", "staff", "input", "display", "speech", "hub", "printer",
];

/// Reads every section and key, collecting every problem (sorted by line).
fn read_draft(text: &str) -> Result<Draft, Vec<Problem>> {
    let lines = Lines(text);
    let (root, errors) = DeTable::parse_recoverable(text);
    // The first error in the file is the cause; the parser's later ones follow from it.
    if let Some(err) = errors
        .iter()
        .min_by_key(|e| e.span().map_or(0, |s| s.start))
    {
        let offset = err.span().map_or(0, |s| s.start);
        return Err(vec![toml_slip::first_slip(text, offset, err.message())]);
    }
    let mut problems = Vec::new();
    let root = Spanned::new(0..0, DeValue::Table(root.into_inner()));
    let root = Toml {
        value: &root,
        lines: &lines,
    };
    // Settings written above any header with no [kiosk] line at all: the one cause is the
    // missing header, not each of its keys missing and each setting unknown.
    if root.get("kiosk").is_none() {
        let loose = root
            .entries()
            .into_iter()
            .filter(|(_, v)| v.shape() != Shape::Table)
            .min_by_key(|(_, v)| v.value.span().start);
        if let Some((key, value)) = loose {
            return Err(vec![value.problem(
                key.to_string(),
                ProblemKind::OutsideSection("kiosk".into()),
            )]);
        }
    }
    // A site without a [kiosk] section reads as one with an empty section: its required keys
    // are missing, reported at the top of the file.
    let empty = Spanned::new(0..0, DeValue::Table(DeTable::default()));
    let empty = root.at(&empty);
    let mut d = Draft::default();
    {
        let mut f = Fields::new(root, "", &mut problems).strict();
        for name in SECTIONS {
            // A section that is there must be a table.
            let table = match f.get(name) {
                Some(t) if t.shape() == Shape::Table => t,
                Some(_) => {
                    f.problem(name, ProblemKind::WrongType(Expected::Object));
                    continue;
                }
                None if name == "kiosk" => empty,
                None => continue,
            };
            let mut s = f.nested(table, name);
            match name {
                "kiosk" => kiosk(&mut s, &mut d),
                "nearby" => nearby(&mut s, &mut d),
                "timeouts" => timeouts(&mut s, &mut d),
                "staff" => staff(&mut s, &mut d),
                "input" => input(&mut s, &mut d),
                "display" => display(&mut s, &mut d),
                "speech" => speech(&mut s, &mut d),
                "printer" => printer(&mut s, &mut d),
                _ => hub(&mut s, &mut d),
            }
        }
        f.refuse_unread();
    }
    // A hub needs both its address and the kiosk's token.
    if d.hub_url.is_some() != d.token_file.is_some() {
        let key = if d.hub_url.is_none() {
            "hub.url"
        } else {
            "hub.token_file"
        };
        let at = root.get("hub").unwrap_or(root);
        problems.push(at.problem(key.into(), ProblemKind::Missing(Expected::String)));
    }
    // People read files top to bottom.
    problems.sort_by_key(|p| match p.place {
        crate::problem::Place::Line { line, .. } => line,
        crate::problem::Place::Path(_) => 0,
    });
    if problems.is_empty() {
        Ok(d)
    } else {
        Err(problems)
    }
}

type SiteFields<'p, 'a> = Fields<'p, 'a, Toml<'a>>;

fn kiosk(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.id = f.id("id").map(String::from);
    d.name = f.text("name", true, TextRule::NAME.strict()).flatten();
    d.district = f.district("district");
    d.lat = f.number_in("lat", (39.4, 41.1));
    d.lon = f.number_in("lon", (115.4, 117.6));
    d.language = f
        .optional("language", |f, k| f.one_of(k, &["zh-CN", "en-US"]))
        .and_then(Lang::from_tag);
    d.mode = f
        .optional("mode", |f, k| f.one_of(k, &["standard", "assisted"]))
        .map(|s| match s {
            "assisted" => Mode::Assisted,
            _ => Mode::Standard,
        });
    d.home = f
        .optional("home", |f, k| f.one_of(k, &["standard", "farming"]))
        .map(|s| match s {
            "farming" => HomeKind::Farming,
            _ => HomeKind::Standard,
        });
    d.catalogue = f.opt_string("catalogue").map(String::from);
    d.venue = f.optional("venue", |f, k| f.id(k)).map(String::from);
    f.refuse_unread();
}

fn nearby(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.radius_km = f.optional("radius_km", |f, k| f.number_in(k, (0.5, 50.0)));
    d.days = f.optional("days", |f, k| f.integer_in(k, (1, 31)));
    f.refuse_unread();
}

fn timeouts(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.idle_seconds = f.optional("idle_seconds", |f, k| f.integer_in(k, (20, 3600)));
    // The UX rules ask for a countdown of at least 30 seconds.
    d.countdown_seconds = f.optional("countdown_seconds", |f, k| f.integer_in(k, (30, 600)));
    f.refuse_unread();
}

fn staff(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.pin_hash = f.opt_string("pin_hash").and_then(|h| {
        let ok = pin::valid_hash(h);
        if !ok {
            f.problem("pin_hash", ProblemKind::BadPinHash);
        }
        ok.then(|| h.to_string())
    });
    d.chord = f.opt_string("chord").and_then(|c| {
        let chord = KeyChord::parse(c);
        if chord.is_none() {
            f.problem("chord", ProblemKind::BadChord(c.to_string()));
        }
        chord
    });
    f.refuse_unread();
}

fn input(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.touchscreen = f.bool("touchscreen");
    d.reader_gap_ms = f.optional("reader_gap_ms", |f, k| f.integer_in(k, (5, 200)));
    d.reader_device = f.opt_string("reader_device").map(String::from);
    f.refuse_unread();
}

fn display(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.cell_aspect = f.optional("cell_aspect", |f, k| f.number_in(k, (1.0, 3.0)));
    f.refuse_unread();
}

fn speech(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.speech_command = f.opt_string("command").and_then(|c| {
        let ok = shell_words::split(c).is_ok_and(|w| !w.is_empty());
        if !ok {
            f.problem("command", ProblemKind::BadCommand);
        }
        ok.then(|| c.to_string())
    });
    f.refuse_unread();
}

fn hub(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    d.hub_url = f.opt_string("url").and_then(|url| {
        let ok = crate::config::site::hub_url_allowed(url);
        if !ok {
            f.problem(
                "url",
                ProblemKind::UnknownValue {
                    found: url.to_string(),
                    allowed: crate::config::site::HUB_URLS.into(),
                },
            );
        }
        ok.then(|| url.to_string())
    });
    d.token_file = f.opt_string("token_file").map(String::from);
    d.sync_interval = f.optional("sync_interval_seconds", |f, k| {
        f.integer_in(k, (10, 86_400))
    });
    d.byte_budget = f
        .optional("byte_budget_per_hour", |f, k| {
            f.integer_in(k, (10_000, 4_000_000_000))
        })
        .map(u64::from);
    let most = learning_wire::MAX_BATCH as u32;
    d.batch_size = f.optional("batch_size", |f, k| f.integer_in(k, (1, most)));
    f.refuse_unread();
}

/// The `[printer]` section: `kind` says how the printer is reached and which of `device`
/// (usb, serial), `baud` (serial) and `address` (network) it needs; without `kind` and
/// without a device or address there is no printer (the demo's section holds only defaults).
fn printer(f: &mut SiteFields<'_, '_>, d: &mut Draft) {
    let kind = f.optional("kind", |f, k| f.one_of(k, &["usb", "serial", "network"]));
    let kind_written = f.get("kind").is_some();
    let device = f.opt_string("device").map(String::from);
    let address = f.opt_string("address").map(String::from);
    let baud_written = f.get("baud").is_some();
    d.baud = f.optional("baud", |f, k| f.integer_in(k, (1200, 921_600)));
    d.code_page = f
        .optional("code_page", |f, k| f.one_of(k, &["gb18030", "ascii"]))
        .map(|c| match c {
            "ascii" => CodePage::Ascii,
            _ => CodePage::Gb18030,
        });
    d.columns = f.optional("columns", |f, k| f.integer_in(k, (16, 64)));
    let slip = |f: &mut SiteFields<'_, '_>, key: &str, slip| {
        f.problem(key, ProblemKind::Printer(slip));
    };
    // A key another kind uses is a mistake worth naming: the printer would not be reached.
    let stray = |f: &mut SiteFields<'_, '_>, kind: &'static str, keys: &[(&str, bool)]| {
        for (key, there) in keys {
            if *there {
                f.problem(key, ProblemKind::Printer(PrinterSlip::NotFor(kind)));
            }
        }
    };
    d.printer = match kind {
        Some(kind @ ("usb" | "serial")) => {
            let kind: &'static str = if kind == "usb" { "usb" } else { "serial" };
            stray(f, kind, &[("address", address.is_some())]);
            if kind == "usb" {
                stray(f, kind, &[("baud", baud_written)]);
            }
            match device {
                Some(device) if kind == "usb" => Some(PrinterLink::Usb {
                    device: device.into(),
                }),
                // The speed is filled in from the demo's default when the site gives none.
                Some(device) => Some(PrinterLink::Serial {
                    device: device.into(),
                    baud: 0,
                }),
                None => {
                    slip(f, "kind", PrinterSlip::NoDevice(kind));
                    None
                }
            }
        }
        Some(_) => {
            stray(
                f,
                "network",
                &[("device", device.is_some()), ("baud", baud_written)],
            );
            match address {
                Some(address) => match address.parse::<std::net::SocketAddr>() {
                    Ok(address) => Some(PrinterLink::Network { address }),
                    Err(_) => {
                        slip(f, "address", PrinterSlip::BadAddress(address));
                        None
                    }
                },
                None => {
                    slip(f, "kind", PrinterSlip::NoAddress);
                    None
                }
            }
        }
        // A kind that is written but not allowed was named by `one_of` already.
        None if !kind_written && (device.is_some() || address.is_some()) => {
            let key = if device.is_some() {
                "device"
            } else {
                "address"
            };
            slip(f, key, PrinterSlip::NoKind);
            None
        }
        None => None,
    };
    f.refuse_unread();
}

/// The site: what makes it itself from its own file, the rest from it or else the demo's.
fn build(
    d: Draft,
    demo: &Draft,
    label: &str,
    base_dir: Option<&Path>,
) -> Result<Site, Vec<Problem>> {
    let resolve = |f: String| match base_dir {
        Some(dir) => dir.join(f),
        None => f.into(),
    };
    // A device is a path in /dev as a rule; a relative one (a test's file) is taken from the
    // config's folder like the other files it names.
    let resolve_device = |device: std::path::PathBuf| match base_dir {
        Some(dir) if device.is_relative() => dir.join(device),
        _ => device,
    };
    // A default the demo site does not give is a fault of the build, named as such.
    let missing = |key: &str| Problem::at(key, ProblemKind::Missing(Expected::String));
    macro_rules! or_demo {
        ($field:ident, $key:literal) => {
            d.$field
                .clone()
                .or_else(|| demo.$field.clone())
                .ok_or_else(|| vec![missing($key)])?
        };
    }
    let hub = match (d.hub_url.clone(), d.token_file.clone()) {
        (Some(url), Some(token_file)) => Some(HubSettings {
            url,
            token_file: resolve(token_file),
            sync_interval_seconds: or_demo!(sync_interval, "hub.sync_interval_seconds"),
            byte_budget_per_hour: d.byte_budget,
            batch_size: or_demo!(batch_size, "hub.batch_size") as usize,
        }),
        _ => None,
    };
    let printer = match d.printer.clone() {
        Some(link) => Some(PrinterSettings {
            link: match link {
                PrinterLink::Serial { device, .. } => PrinterLink::Serial {
                    device: resolve_device(device),
                    baud: or_demo!(baud, "printer.baud"),
                },
                PrinterLink::Usb { device } => PrinterLink::Usb {
                    device: resolve_device(device),
                },
                network => network,
            },
            code_page: or_demo!(code_page, "printer.code_page"),
            columns: or_demo!(columns, "printer.columns") as u16,
        }),
        None => None,
    };
    fn identity<T>(field: Option<T>, key: &str) -> Result<T, Vec<Problem>> {
        field.ok_or_else(|| vec![Problem::at(key, ProblemKind::Missing(Expected::String))])
    }
    Ok(Site {
        id: identity(d.id.clone(), "kiosk.id")?,
        name: identity(d.name.clone(), "kiosk.name")?,
        district: identity(d.district, "kiosk.district")?,
        position: LatLon::new(identity(d.lat, "kiosk.lat")?, identity(d.lon, "kiosk.lon")?),
        language: or_demo!(language, "kiosk.language"),
        mode: or_demo!(mode, "kiosk.mode"),
        home: or_demo!(home, "kiosk.home"),
        speech_command: or_demo!(speech_command, "speech.command"),
        catalogue: d.catalogue.clone().map(resolve),
        venue: d.venue.clone(),
        radius_km: or_demo!(radius_km, "nearby.radius_km"),
        days: or_demo!(days, "nearby.days"),
        idle_seconds: or_demo!(idle_seconds, "timeouts.idle_seconds"),
        countdown_seconds: or_demo!(countdown_seconds, "timeouts.countdown_seconds"),
        // Never the demo's: a site without a PIN has no staff way out from the screen.
        staff_pin_hash: d.pin_hash.clone(),
        staff_chord: or_demo!(chord, "staff.chord"),
        touchscreen: or_demo!(touchscreen, "input.touchscreen"),
        reader_gap_ms: or_demo!(reader_gap_ms, "input.reader_gap_ms"),
        reader_device: d.reader_device.clone().map(|p| resolve_device(p.into())),
        cell_aspect: or_demo!(cell_aspect, "display.cell_aspect"),
        hub,
        printer,
        source: Some(label.to_string()),
    })
}

/// A TOML file's text, to turn a byte offset into a line.
struct Lines<'s>(&'s str);

impl Lines<'_> {
    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.0.len());
        self.0.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }
}

/// A value of a site config, as the field reader sees it: problems name its line.
#[derive(Clone, Copy)]
struct Toml<'a> {
    value: &'a Spanned<DeValue<'a>>,
    lines: &'a Lines<'a>,
}

impl<'a> Toml<'a> {
    fn table(self) -> Option<&'a DeTable<'a>> {
        self.value.get_ref().as_table()
    }

    fn at(self, value: &'a Spanned<DeValue<'a>>) -> Toml<'a> {
        Toml {
            value,
            lines: self.lines,
        }
    }
}

impl<'a> Node<'a> for Toml<'a> {
    fn shape(self) -> Shape<'a> {
        let number = |text: &str, radix: u32| i64::from_str_radix(&text.replace('_', ""), radix);
        match self.value.get_ref() {
            DeValue::String(s) => Shape::Str(s),
            DeValue::Boolean(b) => Shape::Bool(*b),
            DeValue::Integer(i) => number(i.as_str(), i.radix()).map_or(Shape::Other, Shape::Int),
            DeValue::Float(f) => f
                .as_str()
                .replace('_', "")
                .parse()
                .map_or(Shape::Other, Shape::Float),
            DeValue::Table(_) => Shape::Table,
            DeValue::Array(_) => Shape::Array,
            DeValue::Datetime(_) => Shape::Other,
        }
    }

    fn get(self, key: &str) -> Option<Self> {
        self.table()?
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| self.at(v))
    }

    fn entries(self) -> Vec<(&'a str, Self)> {
        self.table()
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.get_ref().as_ref(), self.at(v)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn problem(self, path: String, kind: ProblemKind) -> Problem {
        Problem::at_line(self.lines.line(self.value.span().start), path, kind)
    }
}
