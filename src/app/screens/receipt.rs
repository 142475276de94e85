//! The receipt of a saved sign-up.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::receipt::{Receipt, qr_images, qr_texts};
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-receipt";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The receipt's choices: finish (the kiosk forgets the card; Enter's default, so the
/// private thing is the easy thing) or carry on to the home menu; opened again from "My
/// sign-ups", a place that can still be given up offers a third: cancel it.
pub fn items(receipt: &Receipt) -> usize {
    if receipt.cancellable.is_some() { 3 } else { 2 }
}

/// The receipt: 1 finishes, 2 goes back to the home menu for more, 3 asks to cancel.
pub fn on_action(state: &State, action: Action) -> Step {
    let choice = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    match (choice, &state.visit.screen) {
        (0, _) => Step::to(Next::Finish),
        (1, _) => Step::to(Next::Home),
        (2, Screen::Receipt(receipt)) if receipt.cancellable.is_some() => {
            Step::to(Next::Go(Screen::CancelAsk(receipt.clone()), 1))
        }
        _ => Step::stay(),
    }
}

/// The card's places were read again: the receipt on screen takes its sign-up's answer (the
/// hub confirmed it, put it on the waiting list or turned it away), so "will be sent" does
/// not stay on screen once it has been sent and answered.
pub fn heard(state: &mut State, places: &[crate::outbox::SignupView]) {
    let Screen::Receipt(receipt) = &mut state.visit.screen else {
        return;
    };
    if let Some(place) = places.iter().find(|p| p.code == receipt.code) {
        receipt.status = place.status;
        receipt.place = place.place.or(receipt.place);
    }
}

/// The receipt's QR code carries words in the screen's language; redo it after F2.
pub fn relabel(state: &mut State) {
    let catalogue = state.catalogue.clone();
    let lang = state.visit.lang;
    if let Screen::Receipt(receipt) = &mut state.visit.screen {
        receipt.qr = qr_images(&qr_texts(&catalogue, receipt, lang));
    }
}
