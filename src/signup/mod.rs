//! Sign-ups and what follows them: the rules a session must pass, the one path that applies
//! them and saves, cancelling, checking in, and a card's places as the screens show them.

pub mod cancel;
pub mod checkin;
pub mod places;
pub mod rules;
pub mod service;

pub use rules::{Refusal, check_session, seats_left};
pub use service::{Ask, SignupError, sign_up};
