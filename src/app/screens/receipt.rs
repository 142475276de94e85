//! The receipt of a saved sign-up.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::receipt::{qr_images, qr_texts};
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-receipt";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The receipt's choices: finish (the kiosk forgets the card; Enter's default, so the
/// private thing is the easy thing) or carry on to the home menu.
pub const RECEIPT_ITEMS: usize = 2;

/// The receipt: 1 finishes, 2 goes back to the home menu for more.
pub fn on_action(state: &State, action: Action) -> Step {
    let choice = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    match choice {
        0 => Step::to(Next::Finish),
        1 => Step::to(Next::Home),
        _ => Step::stay(),
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
