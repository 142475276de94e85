//! The staff way out: a key chord, then a PIN checked against the config's hash.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::state::{Notice, Screen, State};

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
pub fn open(state: &mut State) -> Vec<Effect> {
    if state.site.staff_pin_hash.is_none() {
        state.visit.notice = Some(Notice::NoStaffPin);
        return Vec::new();
    }
    if matches!(state.visit.screen, Screen::StaffPin | Screen::StaffMenu) {
        return Vec::new();
    }
    state.visit.field.clear();
    nav::go(state, Screen::StaffPin, 0)
}

/// The PIN prompt: Enter checks the PIN.
pub fn pin_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary if !state.visit.field.is_empty() => {
            let pin = std::mem::take(&mut state.visit.field);
            if let Some(seconds) = locked_seconds(state) {
                state.visit.notice = Some(Notice::PinLocked(seconds));
                return Vec::new();
            }
            vec![Effect::CheckStaffPin(pin)]
        }
        _ => Vec::new(),
    }
}

/// The PIN was checked.
pub fn pin_checked(state: &mut State, ok: bool) -> Vec<Effect> {
    if state.visit.screen != Screen::StaffPin {
        return Vec::new();
    }
    if ok {
        tracing::info!("staff PIN accepted");
        state.pin_failures = 0;
        nav::replace(state, Screen::StaffMenu)
    } else {
        state.pin_failures += 1;
        tracing::warn!(failures = state.pin_failures, "wrong staff PIN");
        state.visit.notice = Some(Notice::WrongPin);
        if state.pin_failures >= FREE_TRIES {
            let doublings = (state.pin_failures - FREE_TRIES).min(10);
            let lock = (FIRST_LOCK_MS << doublings).min(MAX_LOCK_MS);
            state.pin_locked_until_ms = state.clock.mono_ms + lock;
            state.visit.notice = Some(Notice::PinLocked(lock / 1000));
        }
        Vec::new()
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

/// The staff menu.
pub fn menu_action(state: &mut State, action: Action) -> Vec<Effect> {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Vec::new(),
    };
    match menu_items(state).get(index) {
        Some(StaffItem::Close) => {
            tracing::info!("staff closed the kiosk");
            vec![Effect::Quit(0)]
        }
        Some(StaffItem::SyncNow) => {
            tracing::info!("staff asked for a sync");
            state.visit.notice = Some(Notice::SyncAsked);
            vec![Effect::SyncNow]
        }
        Some(StaffItem::ResendHeld) => {
            tracing::info!("staff sent held sign-ups again");
            vec![Effect::ResendHeld]
        }
        None => Vec::new(),
    }
}
