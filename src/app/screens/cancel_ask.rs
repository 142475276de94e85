//! "Cancel your place?": a plain yes or no before a place is given up.

use crate::app::effect::{Effect, SharedCatalogue};
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::receipt::Receipt;
use crate::app::state::{Notice, Screen, State};
use crate::app::step::{Next, Step};
use crate::outbox::{CancelOf, OutboxError, Saved};
use crate::signup::cancel::{CancelError, CancelRefusal};

/// Help for this screen (a message id).
pub const HELP: &str = "help-cancel";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;
/// Yes, cancel it; no, keep it.
pub const ITEMS: usize = 2;

/// 1 cancels (saved durably, then sent like a sign-up); 2 keeps the place.
pub fn on_action(state: &State, receipt: &Receipt, action: Action) -> Step {
    let yes = match action {
        Action::Primary => state.visit.focus == 0,
        Action::Choose(i) => i == 0,
        _ => return Step::stay(),
    };
    let (true, Some(uuid), Some(card)) = (yes, receipt.cancellable.clone(), state.visit.card)
    else {
        return Step::to(Next::Back);
    };
    let of = CancelOf {
        uuid,
        card,
        activity_id: state.catalogue.activity(receipt.activity).id.to_string(),
        date: receipt.date(),
    };
    Step::work(vec![Effect::SaveCancel {
        of,
        now: state.clock.now,
        catalogue: SharedCatalogue(state.catalogue.clone()),
    }])
}

/// The outbox answered: back to the card's list, refreshed, saying what happened.
pub fn finished(state: &State, result: Result<Saved, CancelError>) -> Step {
    if !matches!(state.visit.screen, Screen::CancelAsk(_)) {
        // The person has gone; the cancel is saved and the list shows it next time.
        return Step::work(vec![Effect::RefreshQueue]);
    }
    let notice = match result {
        Ok(_) => Notice::Cancelled,
        Err(CancelError::Refused(CancelRefusal::Started)) => Notice::CancelTooLate,
        Err(CancelError::Storage(OutboxError::DiskFull)) => Notice::DiskFull,
        Err(CancelError::Storage(_)) => Notice::SaveFailed,
    };
    let step = match notice {
        // Sent at once where there is a hub, like a sign-up: the seat may be someone's.
        Notice::Cancelled if state.link.hub => {
            Step::to(Next::OverHome(Screen::MySignups)).and(Effect::SyncNow)
        }
        Notice::Cancelled => Step::to(Next::OverHome(Screen::MySignups)),
        _ => Step::to(Next::Back),
    };
    step.telling(notice).and(Effect::RefreshQueue)
}
