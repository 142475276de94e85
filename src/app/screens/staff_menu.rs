//! The staff page: what staff can do at this kiosk.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{Notice, State};
use crate::app::step::Step;

/// Help for this screen (a message id).
pub const HELP: &str = "help-staff";
/// Staff screens keep their standard layout in assisted mode too.
pub const PAGING: Paging = Paging::Staff;

/// The staff menu's items, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffItem {
    /// Leave the kiosk program.
    Close,
    /// Sync with the hub now.
    SyncNow,
    /// Send the held sign-ups again.
    ResendHeld,
}

/// The staff menu's items on this kiosk ("sync now" only where there is a hub, "send held
/// sign-ups again" only when some can be).
pub fn menu_items(state: &State) -> Vec<StaffItem> {
    let mut items = vec![StaffItem::Close];
    if state.link.hub {
        items.push(StaffItem::SyncNow);
    }
    if state.queue.resendable > 0 {
        items.push(StaffItem::ResendHeld);
    }
    items
}

/// The page appears: it lists what is held now, not what was held when the kiosk started.
pub fn enter() -> Vec<Effect> {
    vec![Effect::RefreshQueue]
}

/// Leaving the page: its notice has been seen.
pub fn leave(state: &mut State) {
    state.staff_notice = None;
}

/// The staff menu.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    match menu_items(state).get(index) {
        Some(StaffItem::Close) => {
            tracing::info!("staff closed the kiosk");
            Step::work(vec![Effect::Quit(0)])
        }
        Some(StaffItem::SyncNow) => {
            tracing::info!("staff asked for a sync");
            state.visit.notice = Some(Notice::SyncAsked);
            Step::work(vec![Effect::SyncNow])
        }
        Some(StaffItem::ResendHeld) => {
            tracing::info!("staff sent held sign-ups again");
            Step::work(vec![Effect::ResendHeld])
        }
        None => Step::stay(),
    }
}

/// The held sign-ups were put back in the queue (or could not be).
pub fn resent(state: &mut State, result: Result<usize, String>) -> Vec<Effect> {
    state.visit.notice = Some(match result {
        Ok(count) => Notice::HeldResent(count),
        Err(_) => Notice::SaveFailed,
    });
    let mut effects = vec![Effect::RefreshQueue];
    if state.link.hub {
        effects.push(Effect::SyncNow);
    }
    effects
}
