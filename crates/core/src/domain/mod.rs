//! Plain facts of the kiosk's world: cards, districts, places, time and language.
//! Nothing here does I/O.

pub mod card;
pub mod district;
pub mod geo;
pub mod lang;
pub mod time;
