//! Reading the card: typed into the field, or from a reader on any screen.

use crate::app::state::{Notice, Screen, State};
use crate::app::step::{Next, Step};
use crate::domain::card::{CardError, CardNumber};

/// A card reader sent something.
pub fn swiped(state: &mut State, raw: &str) -> Step {
    if matches!(state.visit.screen, Screen::StaffPin | Screen::StaffMenu) {
        return Step::stay();
    }
    match CardNumber::from_reader(raw) {
        Ok(card) => accept(state, card, true),
        Err(err) => {
            state.visit.notice = Some(Notice::Card(err));
            Step::stay()
        }
    }
}

/// The card field was submitted.
pub fn typed(state: &mut State) -> Step {
    match CardNumber::parse(&state.visit.field) {
        Ok(card) => accept(state, card, false),
        Err(CardError::Empty) => Step::stay(),
        Err(err) => {
            state.visit.notice = Some(Notice::Card(err));
            Step::stay()
        }
    }
}

fn accept(state: &mut State, card: CardNumber, from_reader: bool) -> Step {
    state.visit.field.clear();
    match state.visit.card {
        Some(current) if current == card => {
            state.visit.notice = Some(Notice::CardRead);
            return Step::stay();
        }
        Some(_) => {
            // A different card: the previous person may have walked away. Nothing of
            // theirs may be shown to the next, so start over.
            state.forget_person();
            state.visit.card = Some(card);
            return Step::to(Next::Home).telling(Notice::NewPerson);
        }
        None => state.visit.card = Some(card),
    }
    // kiosk-ux: the card number is never logged, not even masked.
    tracing::info!(from_reader, "card read");
    // The two screens that wait for a card go on; anywhere else the person keeps browsing,
    // told that the card was read (so a new screen needs nothing here).
    if state.visit.screen == Screen::Welcome {
        return Step::to(Next::Home);
    }
    if let Screen::CardEntry(session) = state.visit.screen {
        return Step::to(Next::Replace(Screen::Confirm(session), 0));
    }
    state.visit.notice = Some(Notice::CardRead);
    Step::stay()
}
