//! The runtime: the terminal, the clock, signals and the effects worker around the pure
//! core. Everything that waits lives here.

pub mod boot;
pub mod clock;
pub mod crashes;
pub mod effects;
pub mod event_loop;
pub mod logging;
pub mod out_of_service;
pub mod panic;
pub mod printer_worker;
pub mod speech;
pub mod sync_worker;
pub mod terminal;
pub mod terminal_check;
pub mod tty_input;
pub mod voice;
