//! The built-in demo catalogue, embedded so the binary alone works anywhere.

use crate::catalogue::load::load_str;
use crate::catalogue::model::Catalogue;
use crate::problem::FileProblems;

/// The demo catalogue's JSON text.
pub const DEMO_CATALOGUE: &str = include_str!("../../../../assets/demo-catalogue.json");

/// The label problems in the demo catalogue are reported under.
pub const DEMO_LABEL: &str = "built-in demo catalogue (assets/demo-catalogue.json)";

/// Loads the built-in demo catalogue.
pub fn demo_catalogue() -> Result<Catalogue, FileProblems> {
    load_str(DEMO_CATALOGUE, DEMO_LABEL)
}
