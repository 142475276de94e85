//! "My sign-ups": this card's sign-ups held on this kiosk.

use crate::app::effect::Effect;
use crate::app::paging::{self, Paging};
use crate::app::state::{Notice, Screen, State};
use crate::domain::card::CardNumber;
use crate::outbox::SignupView;

/// Help for this screen (a message id).
pub const HELP: &str = "help-my-signups";
/// How its list pages.
pub const PAGING: Paging = Paging::List {
    reserved: paging::MY_SIGNUPS_RESERVED,
    assisted: Some(paging::ASSISTED_RESERVED),
};

/// The screen appears: the card's sign-ups are read afresh from the outbox.
pub fn enter(state: &mut State) -> Vec<Effect> {
    match state.visit.card {
        Some(card) => {
            state.visit.my_signups = None;
            vec![Effect::LoadMySignups(card)]
        }
        None => Vec::new(),
    }
}

/// How many sign-ups the list holds (none while they load).
pub fn items(state: &State) -> usize {
    state.visit.my_signups.as_ref().map_or(0, Vec::len)
}

/// The list arrived from the outbox.
pub fn loaded(state: &mut State, card: CardNumber, records: Result<Vec<SignupView>, String>) {
    if state.visit.card != Some(card) || state.visit.screen != Screen::MySignups {
        return;
    }
    match records {
        Ok(records) => {
            state.visit.my_signups = Some(records);
        }
        Err(_) => {
            state.visit.my_signups = Some(Vec::new());
            state.visit.notice = Some(Notice::SignupsUnavailable);
        }
    }
}
