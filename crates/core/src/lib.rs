//! What the kiosk and the district hub share, without a terminal or an HTTP client: the
//! catalogue's model and loader, the card, district and time rules, problems with their
//! place in a file, the words in both languages, and harmless command-line output.

pub mod catalogue;
pub mod domain;
pub mod fields;
pub mod file_fault;
pub mod i18n;
pub mod output;
pub mod problem;
pub mod usage;
