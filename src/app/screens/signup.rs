//! Confirming a sign-up, saving it, and the receipt.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::receipt::{Receipt, qr_images, qr_texts};
use crate::app::state::{Notice, Screen, SessionRef, State};
use crate::catalogue::SessionLookup;
use crate::outbox::OutboxError;
use crate::outbox::Saved;
use crate::signup::SignupError;

/// The confirm screen: Enter saves.
pub fn confirm_action(state: &mut State, session: SessionRef, action: Action) -> Vec<Effect> {
    // Assisted mode numbers the two answers: 1 yes, 2 no (Enter takes the focused one).
    let yes = match action {
        Action::Primary => !state.visit.assisted || state.visit.focus == 0,
        Action::Choose(i) if state.visit.assisted => i == 0,
        _ => return Vec::new(),
    };
    if !yes {
        return nav::back(state);
    }
    let Some(card) = state.visit.card else {
        return nav::replace(state, Screen::CardEntry(session));
    };
    let activity_id = state.catalogue.activity(session.activity).id.to_string();
    let mut effects = nav::replace(state, Screen::Saving(session));
    effects.push(Effect::SaveSignup {
        card,
        activity_id,
        date: session.date,
        now: state.clock.now,
        catalogue: crate::app::effect::SharedCatalogue(state.catalogue.clone()),
    });
    effects
}

/// The outbox answered.
pub fn finished(state: &mut State, result: Result<Saved, SignupError>) -> Vec<Effect> {
    let Screen::Saving(session) = state.visit.screen.clone() else {
        // The person has gone (idle reset) or moved on; the outbox keeps the sign-up and
        // the card's list will show it next time.
        return vec![Effect::RefreshQueue];
    };
    match result {
        Ok(saved) => {
            let existing = matches!(saved, Saved::Existing(_));
            let record = saved.record();
            let catalogue = state.catalogue.clone();
            let found = catalogue
                .activity_by_id(&record.activity_id)
                .filter(|a| *a == session.activity)
                .and_then(|a| match catalogue.activity(a).session_on(record.date) {
                    SessionLookup::Meets(s) => Some(s),
                    _ => None,
                });
            let Some(found) = found else {
                // Saved, but the catalogue cannot describe it: show it in the card's list
                // rather than leave "Saving" on the screen.
                state.visit.back = vec![(Screen::Home, 0)];
                let mut effects = nav::replace(state, Screen::MySignups);
                effects.push(Effect::RefreshQueue);
                return effects;
            };
            let mut receipt = Receipt {
                code: record.code.clone(),
                activity: session.activity,
                session: found,
                status: record.status,
                existing,
                qr: Vec::new(),
            };
            receipt.qr = qr_images(&qr_texts(&catalogue, &receipt, state.visit.lang));
            tracing::info!(code = %record.code, existing, "sign-up saved");
            state.visit.back = vec![(Screen::Home, 0)];
            let mut effects = nav::replace(state, Screen::Receipt(Box::new(receipt)));
            effects.push(Effect::RefreshQueue);
            effects
        }
        Err(failure) => {
            let notice = match failure {
                SignupError::Refused(r) => Notice::Refused(r),
                SignupError::Storage(OutboxError::DiskFull) => Notice::DiskFull,
                SignupError::Storage(_) => Notice::SaveFailed,
            };
            let mut effects = nav::replace(state, Screen::Confirm(session));
            state.visit.notice = Some(notice);
            effects.push(Effect::RefreshQueue);
            effects
        }
    }
}

/// The receipt's choices: finish (the kiosk forgets the card; Enter's default, so the
/// private thing is the easy thing) or carry on to the home menu.
pub const RECEIPT_ITEMS: usize = 2;

/// The receipt: 1 finishes, 2 goes back to the home menu for more.
pub fn receipt_action(state: &mut State, action: Action) -> Vec<Effect> {
    let choice = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Vec::new(),
    };
    match choice {
        0 => {
            state.forget_person();
            Vec::new()
        }
        1 => nav::home(state),
        _ => Vec::new(),
    }
}

/// The receipt's QR code carries words in the screen's language; redo it after F2.
pub fn relabel_receipt(state: &mut State) {
    let catalogue = state.catalogue.clone();
    let lang = state.visit.lang;
    if let Screen::Receipt(receipt) = &mut state.visit.screen {
        receipt.qr = qr_images(&qr_texts(&catalogue, receipt, lang));
    }
}
