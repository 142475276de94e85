//! The receipt of a saved sign-up.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::receipt::{Receipt, print_job, qr_images, qr_on_its_own, qr_payloads};
use crate::app::state::{Notice, Overlay, Screen, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-receipt";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// What the receipt's numbered choices do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The kiosk forgets the card (Enter's default, so the private thing is the easy thing).
    Finish,
    /// Back to the home menu for more.
    More,
    /// Asks to give the place up (opened again from "My sign-ups", until the start).
    Cancel,
    /// Prints the receipt (where the site has a printer).
    Print,
    /// Shows the QR code on a page of its own (where it does not fit beside the words).
    Qr,
}

/// The receipt's choices, in order: finish, more; cancel for a place that can still be given
/// up; print where the site has a printer; the QR code on its own page where the screen has
/// no room for it beside the words.
pub fn choices(state: &State, receipt: &Receipt) -> Vec<Choice> {
    let mut all = vec![Choice::Finish, Choice::More];
    if receipt.cancellable.is_some() {
        all.push(Choice::Cancel);
    }
    if state.site.printer.is_some() {
        all.push(Choice::Print);
    }
    let (cols, rows) = state.size;
    if qr_on_its_own(receipt, cols, rows, state.visit.assisted) {
        all.push(Choice::Qr);
    }
    all
}

/// How many choices the receipt offers.
pub fn items(state: &State, receipt: &Receipt) -> usize {
    choices(state, receipt).len()
}

/// The receipt: 1 finishes, 2 goes back to the home menu for more, then cancel and the QR
/// code where offered.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Screen::Receipt(receipt) = state.visit.screen.clone() else {
        return Step::stay();
    };
    match choices(state, &receipt).get(index) {
        Some(Choice::Finish) => Step::to(Next::Finish),
        Some(Choice::More) => Step::to(Next::Home),
        Some(Choice::Cancel) => Step::to(Next::Go(Screen::CancelAsk(receipt), 1)),
        Some(Choice::Print) => print(state, &receipt),
        Some(Choice::Qr) => {
            state.visit.overlay = Some(Overlay::Qr);
            Step::stay()
        }
        None => Step::stay(),
    }
}

/// Sends the receipt to the printer, in the screen's language; a second press while it
/// prints does nothing (one printout, and the "printing" notice stays).
fn print(state: &mut State, receipt: &Receipt) -> Step {
    if state.visit.printing.is_some() {
        return Step::stay();
    }
    state.visit.printing = Some(receipt.code.clone());
    state.visit.notice = Some(Notice::Printing);
    let job = print_job(&state.catalogue, receipt, state.visit.lang);
    Step::work(vec![Effect::Print {
        code: receipt.code.clone(),
        job,
    }])
}

/// A printout ended: the staff page learns how; the person learns it if their receipt is
/// still on screen (an answer for someone who has gone is shown to nobody).
pub fn printed(state: &mut State, code: &str, outcome: crate::printer::PrintOutcome) {
    state.printer_last = Some((outcome, state.clock.now));
    if state.visit.printing.as_deref() != Some(code) {
        return;
    }
    state.visit.printing = None;
    if matches!(&state.visit.screen, Screen::Receipt(r) if r.code == code) {
        state.visit.notice = Some(Notice::Print(outcome));
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
        receipt.qr = qr_images(&qr_payloads(&catalogue, receipt, lang));
    }
}
