//! Learning Kiosk: a bilingual terminal kiosk for Beijing's learning city.
//!
//! Data flows one way: the edges (terminal, card reader, timers, disk) send [`app::Msg`]s to a
//! pure [`app::update`], which changes the [`app::State`] and returns [`app::Effect`]s for the
//! runtime to carry out; the pure [`ui::view`] draws the state.

pub mod app;
pub mod cache;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod domain;
pub mod exit_code;
pub mod i18n;
pub mod input;
pub mod map;
pub mod outbox;
pub mod output;
pub mod problem;
pub mod runtime;
pub mod signup;
pub mod sync;
pub mod ui;
