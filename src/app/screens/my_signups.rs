//! "My sign-ups": this card's sign-ups held on this kiosk.

use crate::app::effect::Effect;
use crate::app::paging::{self, Paging};
use crate::app::state::{HubCard, Notice, State};
use crate::domain::card::CardNumber;
use crate::domain::time::local_date;
use crate::outbox::SignupView;
use crate::signup::places;
use learning_wire::CardAnswer;

/// Help for this screen (a message id).
pub const HELP: &str = "help-my-signups";
/// How its list pages.
pub const PAGING: Paging = Paging::List {
    reserved: paging::MY_SIGNUPS_RESERVED,
    assisted: Some(paging::ASSISTED_RESERVED),
};

/// The screen appears: the card's sign-ups are read afresh from the outbox (the hub's word,
/// asked for when the card was read, is kept and merged in).
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

/// The card's places arrived from the outbox.
pub fn loaded(
    state: &mut State,
    card: CardNumber,
    records: Result<Vec<SignupView>, String>,
    checkins_waiting: u32,
) {
    if state.visit.card != Some(card) {
        return;
    }
    state.visit.checkins_waiting = checkins_waiting;
    match records {
        Ok(records) => state.visit.local_places = Some(records),
        Err(_) => {
            state.visit.local_places = Some(Vec::new());
            state.visit.notice = Some(Notice::SignupsUnavailable);
        }
    }
    merge(state);
}

/// What the district's hub knows of the card arrived (or could not be had).
pub fn looked(state: &mut State, card: CardNumber, answer: Result<CardAnswer, String>) {
    if state.visit.card != Some(card) {
        return;
    }
    state.visit.hub_card = match answer {
        Ok(answer) => HubCard::Known(answer),
        Err(why) => {
            tracing::info!(%why, "the hub could not be asked about the card");
            HubCard::Unavailable
        }
    };
    merge(state);
}

/// The places shown: this kiosk's, with the hub's word on them when it has come.
fn merge(state: &mut State) {
    let Some(local) = state.visit.local_places.clone() else {
        return;
    };
    state.visit.my_signups = Some(match &state.visit.hub_card {
        HubCard::Known(answer) => places::merge(local, answer, local_date(&state.clock.now)),
        _ => local,
    });
}
