//! Learning Kiosk: a bilingual terminal kiosk for Beijing's learning city.
//!
//! Data flows one way: the edges (terminal, card reader, timers, disk) send [`app::Msg`]s to a
//! pure [`app::update`], which changes the [`app::State`] and returns [`app::Effect`]s for the
//! runtime to carry out; the pure [`ui::view`] draws the state.

pub use learning_core::{args, say, say_err};
pub use learning_core::{catalogue, domain, fields, file_fault, i18n, output, problem};

pub mod app;
pub mod big_text;
pub mod breaks;
pub mod cache;
pub mod cli;
pub mod config;
pub mod exit_code;
pub mod input;
pub mod map;
pub mod outbox;
pub mod printer;
pub mod runtime;
pub mod signup;
pub mod sync;
pub mod ui;
