//! The site config: which kiosk this is, where it stands and how it behaves.
//! The defaults are the built-in demo site's (`assets/demo-site.toml`); a site file overrides
//! them.

pub mod chord;
pub mod load;
pub mod pin;
pub mod site;
mod toml_slip;

pub use chord::KeyChord;
pub use site::{Mode, Site};
