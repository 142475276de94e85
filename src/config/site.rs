//! The settings of one kiosk site.

use std::path::PathBuf;

use crate::catalogue::Text;
use crate::config::chord::KeyChord;
use crate::domain::district::District;
use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;

/// How the kiosk presents itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The standard screens.
    Standard,
    /// Larger, simpler and more patient, for older and first-time users.
    Assisted,
}

/// What the home menu offers first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HomeKind {
    /// Everything nearby first: a city kiosk.
    Standard,
    /// Farming and activities for farmers first: a rural distance-learning station.
    Farming,
}

/// How the kiosk reaches its district hub.
#[derive(Clone, Debug, PartialEq)]
pub struct HubSettings {
    /// The hub's base URL (`https://` in the field; `http://` for loopback and tests).
    pub url: String,
    /// The file holding this kiosk's token (already resolved against the config's folder).
    pub token_file: std::path::PathBuf,
    /// Seconds between syncs when all is well.
    pub sync_interval_seconds: u32,
    /// Bytes the kiosk may use on the link in any hour (metered links); `None`: no limit.
    pub byte_budget_per_hour: Option<u64>,
    /// Sign-ups sent in one request.
    pub batch_size: usize,
}

/// Whether a hub URL may be used: `https://` anywhere; plain `http://` only on loopback
/// (tests, or a hub on the same machine), since a card number must not cross a network in
/// the clear.
pub fn hub_url_allowed(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    // A user name in the URL can dress a remote host up as a loopback one.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return false;
    }
    match (parsed.scheme(), parsed.host()) {
        ("https", Some(_)) => true,
        ("http", Some(url::Host::Domain(name))) => name == "localhost",
        ("http", Some(url::Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(url::Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

/// How the kiosk reaches its receipt printer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrinterLink {
    /// The kernel's usblp character device (`/dev/usb/lp0`), written as a file.
    Usb {
        /// The device file.
        device: PathBuf,
    },
    /// A serial port (`/dev/ttyUSB0`) at this speed.
    Serial {
        /// The tty.
        device: PathBuf,
        /// Bits per second.
        baud: u32,
    },
    /// Raw TCP (port 9100 as a rule) to a network printer.
    Network {
        /// The printer's IP address and port.
        address: std::net::SocketAddr,
    },
}

impl PrinterLink {
    /// The kind as the config names it (`usb`, `serial`, `network`).
    pub fn kind(&self) -> &'static str {
        match self {
            PrinterLink::Usb { .. } => "usb",
            PrinterLink::Serial { .. } => "serial",
            PrinterLink::Network { .. } => "network",
        }
    }

    /// Where it is: the device file or the address, for the staff page.
    pub fn target(&self) -> String {
        match self {
            PrinterLink::Usb { device } | PrinterLink::Serial { device, .. } => {
                device.display().to_string()
            }
            PrinterLink::Network { address } => address.to_string(),
        }
    }
}

/// How text reaches the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodePage {
    /// Chinese printers' GB18030 (ASCII is the same bytes).
    Gb18030,
    /// ASCII only, for a printer without Chinese: other characters print as `?`.
    Ascii,
}

/// A receipt printer, as the site's `[printer]` section describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrinterSettings {
    /// How it is reached.
    pub link: PrinterLink,
    /// How its text is encoded.
    pub code_page: CodePage,
    /// Characters of the normal font on one line (32 on 58 mm paper, 48 on 80 mm).
    pub columns: u16,
}

/// The hub URLs a config may name, for messages.
pub const HUB_URLS: &str = "https://... (http:// only on loopback: 127.0.0.1, localhost)";

/// One kiosk site, as its config file describes it.
#[derive(Clone, Debug)]
pub struct Site {
    /// The kiosk's id, as the district knows it.
    pub id: String,
    /// The name shown at the top of every screen.
    pub name: Text,
    /// The district it stands in.
    pub district: District,
    /// Where it stands.
    pub position: LatLon,
    /// The language the welcome screen starts in (both are always offered).
    pub language: Lang,
    /// Standard or assisted.
    pub mode: Mode,
    /// What the home menu offers first.
    pub home: HomeKind,
    /// The text-to-speech command for assisted mode (`{voice}` is the language's voice; the
    /// text goes to its standard input).
    pub speech_command: String,
    /// The catalogue file, already resolved against the config's folder; `None` is the
    /// built-in demo catalogue.
    pub catalogue: Option<PathBuf>,
    /// The catalogue venue this kiosk stands at, if any: it checks people in to its
    /// sessions, and its staff page shows today's sessions there.
    pub venue: Option<String>,
    /// How far the nearby list looks, km.
    pub radius_km: f64,
    /// How many days ahead the nearby list looks.
    pub days: u32,
    /// Seconds without input before the countdown appears.
    pub idle_seconds: u32,
    /// Seconds the countdown runs before the kiosk forgets the person.
    pub countdown_seconds: u32,
    /// The Argon2 hash of the staff PIN; with none, staff cannot leave from the screen.
    pub staff_pin_hash: Option<String>,
    /// The key chord that opens the staff PIN prompt.
    pub staff_chord: KeyChord,
    /// Whether the screen is a touchscreen (mouse reporting is switched on).
    pub touchscreen: bool,
    /// Longest gap between two keys of one card-reader burst, in milliseconds.
    pub reader_gap_ms: u32,
    /// The card reader's input device, read directly and grabbed so that its keys never
    /// reach the terminal; `None` reads it as a keyboard wedge through the terminal.
    pub reader_device: Option<std::path::PathBuf>,
    /// How many times taller than wide a terminal cell is (the map corrects for it).
    pub cell_aspect: f64,
    /// The district hub, if this kiosk has one.
    pub hub: Option<HubSettings>,
    /// The receipt printer, if this kiosk has one (the receipt then offers to print).
    pub printer: Option<PrinterSettings>,
    /// The file the config came from, for messages; `None`: the built-in demo site.
    pub source: Option<String>,
}

impl Site {
    /// Idle seconds as they apply now: assisted mode doubles them.
    pub fn idle_ms(&self, assisted: bool) -> u64 {
        u64::from(self.idle_seconds) * 1000 * if assisted { 2 } else { 1 }
    }

    /// Countdown seconds as they apply now: assisted mode doubles them.
    pub fn countdown_ms(&self, assisted: bool) -> u64 {
        u64::from(self.countdown_seconds) * 1000 * if assisted { 2 } else { 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::hub_url_allowed;

    #[test]
    fn plain_http_only_on_loopback() {
        assert!(hub_url_allowed("https://hub.haidian.example.cn"));
        assert!(hub_url_allowed("http://127.0.0.1:8080"));
        assert!(hub_url_allowed("http://localhost/"));
        assert!(hub_url_allowed("http://[::1]:8080"));
        assert!(!hub_url_allowed("http://hub.haidian.example.cn"));
        assert!(!hub_url_allowed("http://10.0.0.5:8080"));
        assert!(!hub_url_allowed("ftp://127.0.0.1"));
        assert!(!hub_url_allowed("https://"));
        assert!(!hub_url_allowed("http://127.0.0.1@hub.example.cn"));
        assert!(!hub_url_allowed("http://127.evil.example/"));
        assert!(!hub_url_allowed("http://localhost.evil.example/"));
        assert!(!hub_url_allowed("https://user:pw@hub.example.cn"));
    }
}
