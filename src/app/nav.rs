//! Carries out a screen's [`Step`]: the move between screens, with the leaving and entering
//! each screen asks for. Only `update` calls it; screens only say where to go.

use crate::app::effect::Effect;
use crate::app::screens;
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};

/// Makes the move a step asks for; returns what entering the new screen needs, then the
/// step's own work.
pub fn apply(state: &mut State, step: Step) -> Vec<Effect> {
    let mut effects = match step.next {
        Next::Stay => Vec::new(),
        Next::Go(screen, focus) => go(state, screen, focus),
        Next::Replace(screen, focus) => replace(state, screen, focus),
        Next::OverHome(screen) => {
            state.visit.back = vec![(Screen::Home, 0)];
            replace(state, screen, 0)
        }
        Next::Back => back(state),
        Next::Home => home(state),
        Next::Finish => {
            state.forget_person();
            Vec::new()
        }
    };
    if let Some(notice) = step.notice {
        state.visit.notice = Some(notice);
    }
    if let Some(focus) = step.focus {
        state.visit.focus = focus;
        screens::clamp_focus(state);
    }
    effects.extend(step.effects);
    effects
}

/// Opens a screen on top of the current one.
fn go(state: &mut State, screen: Screen, focus: usize) -> Vec<Effect> {
    screens::leave(state);
    let previous = std::mem::replace(&mut state.visit.screen, screen);
    state.visit.back.push((previous, state.visit.focus));
    state.visit.focus = focus;
    state.visit.notice = None;
    entered(state)
}

/// Swaps the current screen for another, without leaving a way back to the old one.
fn replace(state: &mut State, screen: Screen, focus: usize) -> Vec<Effect> {
    screens::leave(state);
    state.visit.screen = screen;
    state.visit.focus = focus;
    state.visit.notice = None;
    entered(state)
}

/// Goes back one screen; from the first screen, goes home.
fn back(state: &mut State) -> Vec<Effect> {
    match state.visit.back.pop() {
        Some((screen, focus)) => {
            screens::leave(state);
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
fn home(state: &mut State) -> Vec<Effect> {
    state.visit.back.clear();
    state.visit.field.clear();
    let screen = if state.visit.card.is_some() {
        Screen::Home
    } else {
        Screen::Welcome
    };
    replace(state, screen, 0)
}

/// The screen has appeared: what it needs, with the focus kept on an item that exists.
fn entered(state: &mut State) -> Vec<Effect> {
    let effects = screens::enter(state);
    screens::clamp_focus(state);
    effects
}
