//! Saving a sign-up: only for the moment the disk takes, then the receipt or the reason.

use crate::app::effect::Effect;
use crate::app::paging::Paging;
use crate::app::receipt::{Receipt, qr_images, qr_payloads};
use crate::app::state::{Notice, Screen, State};
use crate::app::step::{Next, Step};
use crate::catalogue::SessionLookup;
use crate::outbox::{OutboxError, Saved};
use crate::signup::SignupError;

/// Help for this screen (a message id).
pub const HELP: &str = "help-confirm";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The outbox answered.
pub fn finished(state: &mut State, result: Result<Saved, SignupError>) -> Step {
    let Screen::Saving(session) = state.visit.screen.clone() else {
        // The person has gone (idle reset) or moved on; the outbox keeps the sign-up and
        // the card's list will show it next time.
        return Step::work(vec![Effect::RefreshQueue]);
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
                return Step::to(Next::OverHome(Screen::MySignups)).and(Effect::RefreshQueue);
            };
            let mut receipt = Receipt {
                code: record.code.clone(),
                activity: session.activity,
                session: found,
                status: record.status,
                existing,
                kind: record.kind,
                place: record.place,
                cancellable: None,
                qr: Vec::new(),
            };
            receipt.qr = qr_images(&qr_payloads(&catalogue, &receipt, state.visit.lang));
            tracing::info!(code = %record.code, existing, "sign-up saved");
            Step::to(Next::OverHome(Screen::Receipt(Box::new(receipt)))).and(Effect::RefreshQueue)
        }
        Err(failure) => {
            let notice = match failure {
                SignupError::Refused(r) => Notice::Refused(r),
                SignupError::Storage(OutboxError::DiskFull) => Notice::DiskFull,
                SignupError::Storage(_) => Notice::SaveFailed,
            };
            Step::to(Next::Replace(Screen::Confirm(session), 0))
                .telling(notice)
                .and(Effect::RefreshQueue)
        }
    }
}
