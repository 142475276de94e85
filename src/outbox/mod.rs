//! The kiosk's durable outbox of sign-ups: a SQLite file (WAL, `synchronous=FULL`) that
//! holds every sign-up from the moment the citizen is told it is saved until a hub has it.
//! It knows nothing of screens or HTTP.

mod code;
mod error;
mod page_scan;
mod record;
mod salvage;
mod store;

pub use code::code_from;
pub use error::{OutboxError, sqlite_fault};
pub use record::{DamagedRow, Kind, SignupRecord, SignupView, Status};
pub use store::{CancelOf, OpenReport, Outbox, SaveError, Saved};
