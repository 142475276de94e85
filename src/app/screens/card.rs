//! Reading the card: typed into the field, or from a reader on any screen.

use crate::app::effect::Effect;
use crate::app::screens::check_in;
use crate::app::state::{HubCard, Notice, Screen, State};
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
            // The same card again at a venue with a session open checks in (a second
            // check-in is said as such); elsewhere it is only "card read".
            if let Some(step) = checking_in(state) {
                return with_lookups(state, card, step);
            }
            state.visit.notice = Some(Notice::CardRead);
            return Step::stay();
        }
        Some(_) => {
            // A different card: the previous person may have walked away. Nothing of
            // theirs may be shown to the next, so start over.
            state.forget_person();
            state.visit.card = Some(card);
            let step = checking_in(state).unwrap_or_else(|| Step::to(Next::Home));
            return with_lookups(state, card, step.telling(Notice::NewPerson));
        }
        None => state.visit.card = Some(card),
    }
    // kiosk-ux: the card number is never logged, not even masked.
    tracing::info!(from_reader, "card read");
    // The two screens that wait for a card go on; anywhere else the person keeps browsing,
    // told that the card was read (so a new screen needs nothing here).
    // At a venue with a session open, a card read is a check-in first.
    let step = if let Some(step) = checking_in(state) {
        step
    } else if state.visit.screen == Screen::Welcome {
        Step::to(Next::Home)
    } else if let Screen::CardEntry(session) = state.visit.screen {
        Step::to(Next::Replace(Screen::Confirm(session), 0))
    } else {
        state.visit.notice = Some(Notice::CardRead);
        Step::stay()
    };
    with_lookups(state, card, step)
}

/// At a venue with a session open, a card read checks in, except where it finishes
/// something the person is in the middle of (a sign-up, a cancel) or already checks in.
fn checking_in(state: &mut State) -> Option<Step> {
    let busy = matches!(
        state.visit.screen,
        Screen::CardEntry(_)
            | Screen::Confirm(_)
            | Screen::Saving(_)
            | Screen::CancelAsk(_)
            | Screen::StaffPin
            | Screen::StaffMenu
    );
    if busy {
        return None;
    }
    let step = check_in::arrive(state)?;
    // Already on the check-in screen: start it again rather than stack another.
    Some(if state.visit.screen == Screen::CheckIn {
        Step::to(Next::Replace(Screen::CheckIn, 0))
    } else {
        step
    })
}

/// A card read asks for its places: this kiosk's outbox, and the district's hub where there
/// is one (so a place taken at another kiosk, or moved up from a waiting list, is known).
fn with_lookups(state: &mut State, card: CardNumber, step: Step) -> Step {
    let step = step.and(Effect::LoadMySignups(card));
    if state.link.hub {
        state.visit.hub_card = HubCard::Asking;
        step.and(Effect::LookUpCard(card))
    } else {
        step
    }
}
