//! Moving between screens, and what each screen needs when it appears.

use crate::app::effect::Effect;
use crate::app::screens;
use crate::app::state::{Screen, State};

/// Leaving the staff page: its notice has been seen.
fn leaving(state: &mut State) {
    if state.visit.screen == Screen::StaffMenu {
        state.staff_notice = None;
    }
}

/// Opens a screen on top of the current one.
pub fn go(state: &mut State, screen: Screen, focus: usize) -> Vec<Effect> {
    leaving(state);
    let previous = std::mem::replace(&mut state.visit.screen, screen);
    state.visit.back.push((previous, state.visit.focus));
    state.visit.focus = focus;
    state.visit.notice = None;
    entered(state)
}

/// Swaps the current screen for another, without leaving a way back to the old one.
pub fn replace(state: &mut State, screen: Screen) -> Vec<Effect> {
    leaving(state);
    state.visit.screen = screen;
    state.visit.focus = 0;
    state.visit.notice = None;
    entered(state)
}

/// Goes back one screen; from the first screen, goes home.
pub fn back(state: &mut State) -> Vec<Effect> {
    leaving(state);
    match state.visit.back.pop() {
        Some((screen, focus)) => {
            state.visit.screen = screen;
            state.visit.focus = focus;
            state.visit.notice = None;
            state.visit.field.clear();
            entered(state)
        }
        None => home(state),
    }
}

/// Goes to the start: the home menu with a card, the welcome screen without.
pub fn home(state: &mut State) -> Vec<Effect> {
    state.visit.back.clear();
    state.visit.field.clear();
    let screen = if state.visit.card.is_some() {
        Screen::Home
    } else {
        Screen::Welcome
    };
    replace(state, screen)
}

/// What a screen needs each time it appears.
fn entered(state: &mut State) -> Vec<Effect> {
    let effects = match &state.visit.screen {
        Screen::Nearby => {
            screens::nearby::refresh(state);
            vec![Effect::RefreshQueue]
        }
        Screen::MySignups => match state.visit.card {
            Some(card) => {
                state.visit.my_signups = None;
                vec![Effect::LoadMySignups(card)]
            }
            None => Vec::new(),
        },
        // The staff page lists what is held now, not what was held when the kiosk started.
        Screen::Activity(_) | Screen::Venue(_) | Screen::StaffMenu => vec![Effect::RefreshQueue],
        Screen::Map => {
            screens::map::refresh(state);
            Vec::new()
        }
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::StaffPin => Vec::new(),
    };
    screens::clamp_focus(state);
    effects
}
