//! The learning catalogue: venues and activities (`learning-catalogue/1`), how it is loaded and
//! checked, when its sessions meet, and which of them are near a point.
//! It knows nothing of screens, SQL or HTTP.

pub mod change;
pub mod demo;
pub mod json_place;
pub mod load;
pub mod model;
pub mod nearby;
pub mod schedule;

pub use model::{
    Activity, ActivityId, ActivityStatus, ActivityTexts, Audience, Catalogue, Category, Text,
    TextStore, Unplaced, Venue, VenueId, VenueKind,
};
pub use schedule::{Session, SessionLookup};
