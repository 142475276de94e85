//! Sign-ups: the rules a session must pass, and the one path that applies them and saves.

pub mod rules;
pub mod service;

pub use rules::{Refusal, check_session, seats_left};
pub use service::{SignupError, sign_up};
