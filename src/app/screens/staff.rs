//! The staff way out: a key chord, then a PIN checked against the config's hash.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::state::{Notice, Screen, State};

/// Items on the staff menu: leave the kiosk program.
pub const MENU_ITEMS: usize = 1;

/// The staff chord was pressed.
pub fn open(state: &mut State) -> Vec<Effect> {
    if state.site.staff_pin_hash.is_none() {
        state.notice = Some(Notice::NoStaffPin);
        return Vec::new();
    }
    if matches!(state.screen, Screen::StaffPin | Screen::StaffMenu) {
        return Vec::new();
    }
    state.field.clear();
    nav::go(state, Screen::StaffPin, 0)
}

/// The PIN prompt: Enter checks the PIN.
pub fn pin_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary if !state.field.is_empty() => {
            let pin = std::mem::take(&mut state.field);
            vec![Effect::CheckStaffPin(pin)]
        }
        _ => Vec::new(),
    }
}

/// The PIN was checked.
pub fn pin_checked(state: &mut State, ok: bool) -> Vec<Effect> {
    if state.screen != Screen::StaffPin {
        return Vec::new();
    }
    if ok {
        tracing::info!("staff PIN accepted");
        nav::replace(state, Screen::StaffMenu)
    } else {
        tracing::warn!("wrong staff PIN");
        state.notice = Some(Notice::WrongPin);
        Vec::new()
    }
}

/// The staff menu.
pub fn menu_action(_state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary | Action::Choose(0) => {
            tracing::info!("staff closed the kiosk");
            vec![Effect::Quit(0)]
        }
        _ => Vec::new(),
    }
}
