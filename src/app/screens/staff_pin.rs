//! The staff way out: a key chord, then a PIN checked against the config's hash.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{Notice, Screen, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-staff";
/// Staff screens keep their standard layout in assisted mode too.
pub const PAGING: Paging = Paging::Staff;

/// Wrong PINs allowed before the prompt locks.
const FREE_TRIES: u32 = 3;
/// The first lock; each wrong PIN after it doubles the lock, up to [`MAX_LOCK_MS`].
const FIRST_LOCK_MS: u64 = 30_000;
const MAX_LOCK_MS: u64 = 15 * 60_000;

/// Seconds the PIN prompt stays locked, if it is.
pub fn locked_seconds(state: &State) -> Option<u64> {
    let left = state
        .pin_locked_until_ms
        .saturating_sub(state.clock.mono_ms);
    (left > 0).then(|| left.div_ceil(1000))
}

/// The staff chord was pressed.
pub fn open(state: &mut State) -> Step {
    if state.site.staff_pin_hash.is_none() {
        state.visit.notice = Some(Notice::NoStaffPin);
        return Step::stay();
    }
    if matches!(state.visit.screen, Screen::StaffPin | Screen::StaffMenu) {
        return Step::stay();
    }
    state.visit.field.clear();
    Step::to(Next::Go(Screen::StaffPin, 0))
}

/// The PIN prompt: Enter checks the PIN.
pub fn on_action(state: &mut State, action: Action) -> Step {
    match action {
        Action::Primary if !state.visit.field.is_empty() => {
            let pin = std::mem::take(&mut state.visit.field);
            if let Some(seconds) = locked_seconds(state) {
                state.visit.notice = Some(Notice::PinLocked(seconds));
                return Step::stay();
            }
            Step::work(vec![Effect::CheckStaffPin(pin)])
        }
        _ => Step::stay(),
    }
}

/// The PIN was checked.
pub fn checked(state: &mut State, ok: bool) -> Step {
    if state.visit.screen != Screen::StaffPin {
        return Step::stay();
    }
    if ok {
        tracing::info!("staff PIN accepted");
        state.pin_failures = 0;
        return Step::to(Next::Replace(Screen::StaffMenu, 0));
    }
    state.pin_failures += 1;
    tracing::warn!(failures = state.pin_failures, "wrong staff PIN");
    state.visit.notice = Some(Notice::WrongPin);
    if state.pin_failures >= FREE_TRIES {
        let doublings = (state.pin_failures - FREE_TRIES).min(10);
        let lock = (FIRST_LOCK_MS << doublings).min(MAX_LOCK_MS);
        state.pin_locked_until_ms = state.clock.mono_ms + lock;
        state.visit.notice = Some(Notice::PinLocked(lock / 1000));
    }
    Step::stay()
}
