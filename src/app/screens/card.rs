//! Reading the card: typed into the field, or from a reader anywhere.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::state::{Notice, Screen, SessionRef, State};
use crate::domain::card::{CardError, CardNumber};

/// A card reader sent something.
pub fn swiped(state: &mut State, raw: &str) -> Vec<Effect> {
    if matches!(state.visit.screen, Screen::StaffPin | Screen::StaffMenu) {
        return Vec::new();
    }
    match CardNumber::from_reader(raw) {
        Ok(card) => accept(state, card, true),
        Err(err) => {
            state.visit.notice = Some(Notice::Card(err));
            Vec::new()
        }
    }
}

/// The card field was submitted.
pub fn typed(state: &mut State) -> Vec<Effect> {
    match CardNumber::parse(&state.visit.field) {
        Ok(card) => accept(state, card, false),
        Err(CardError::Empty) => Vec::new(),
        Err(err) => {
            state.visit.notice = Some(Notice::Card(err));
            Vec::new()
        }
    }
}

/// What the card-entry screen does with actions.
pub fn entry_action(state: &mut State, _session: SessionRef, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary => typed(state),
        _ => Vec::new(),
    }
}

fn accept(state: &mut State, card: CardNumber, from_reader: bool) -> Vec<Effect> {
    state.visit.field.clear();
    match state.visit.card {
        Some(current) if current == card => {
            state.visit.notice = Some(Notice::CardRead);
            return Vec::new();
        }
        Some(_) => {
            // A different card: the previous person may have walked away. Nothing of
            // theirs may be shown to the next, so start over.
            state.forget_person();
            state.visit.card = Some(card);
            let effects = nav::home(state);
            state.visit.notice = Some(Notice::NewPerson);
            return effects;
        }
        None => state.visit.card = Some(card),
    }
    // kiosk-ux: the card number is never logged, not even masked.
    tracing::info!(from_reader, "card read");
    match state.visit.screen.clone() {
        Screen::Welcome => nav::home(state),
        Screen::CardEntry(session) => nav::replace(state, Screen::Confirm(session)),
        Screen::Home
        | Screen::When
        | Screen::Nearby
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::Activity(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::MySignups
        | Screen::Map
        | Screen::Venue(_)
        | Screen::StaffPin
        | Screen::StaffMenu => {
            state.visit.notice = Some(Notice::CardRead);
            Vec::new()
        }
    }
}
