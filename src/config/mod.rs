//! The site config: which kiosk this is, where it stands and how it behaves.
//! Defaults are built in (the demo site); a site file overrides them.

pub mod chord;
pub mod load;
pub mod pin;
pub mod site;

pub use chord::KeyChord;
pub use site::{Mode, Site};
