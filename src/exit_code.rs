//! The process exit codes, as documented in the README.

/// Done.
pub const OK: u8 = 0;
/// Something unexpected went wrong (for example, no terminal to run in).
pub const INTERNAL: u8 = 1;
/// The command line itself is wrong (clap's own code).
pub const USAGE: u8 = 2;
/// The site config or the catalogue has problems.
pub const CONFIG: u8 = 3;
/// The sign-up was refused (card, activity, session); the reason is printed.
pub const REFUSED: u8 = 4;
/// The outbox could not be opened or written (full disk, no permission).
pub const STORAGE: u8 = 5;
/// `sync` could not finish: the hub cannot be reached, refused the token, or sent what the
/// kiosk cannot use. Nothing is lost; the next sync carries on.
pub const SYNC_FAILED: u8 = 6;
/// The terminal went away (SIGHUP, or the terminal closed): the supervisor should restart.
pub const TERMINAL_LOST: u8 = 1;
/// The kiosk crashed; its supervisor should restart it.
pub const CRASH: u8 = 70;
