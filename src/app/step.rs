//! What a screen says should happen next. Screens return a [`Step`]; only `update` carries it
//! out (through `nav`), so no screen moves the person to another screen itself.

use crate::app::effect::Effect;
use crate::app::state::{Notice, Screen};

/// Where the person goes next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Stay on this screen.
    Stay,
    /// Open a screen on top of this one, with the focus on this item.
    Go(Screen, usize),
    /// Swap this screen for another, with the focus on this item; there is no way back to it.
    Replace(Screen, usize),
    /// Swap this screen for another with only the home menu beneath it (after a sign-up is
    /// saved, "back" goes home, not to the confirm screen).
    OverHome(Screen),
    /// Back one screen (home from the first).
    Back,
    /// The start: the home menu with a card, the welcome screen without.
    Home,
    /// The person is done: the kiosk forgets them.
    Finish,
}

/// A screen's answer to what happened: where to go, what the runtime must do, and what to
/// tell the person once there.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct Step {
    /// Where the person goes.
    pub next: Next,
    /// Work for the runtime, after what entering the next screen asks for.
    pub effects: Vec<Effect>,
    /// A notice to show on the next screen (moving clears the old one).
    pub notice: Option<Notice>,
    /// The focus on the next screen, where the screen wants it somewhere other than where
    /// moving leaves it.
    pub focus: Option<usize>,
}

impl Step {
    /// Stay, with nothing to do.
    pub fn stay() -> Step {
        Step::to(Next::Stay)
    }

    /// Go somewhere, with nothing else to do.
    pub fn to(next: Next) -> Step {
        Step {
            next,
            effects: Vec::new(),
            notice: None,
            focus: None,
        }
    }

    /// Stay, asking the runtime for this work.
    pub fn work(effects: Vec<Effect>) -> Step {
        Step {
            effects,
            ..Step::stay()
        }
    }

    /// The same step, with one more piece of work for the runtime.
    pub fn and(mut self, effect: Effect) -> Step {
        self.effects.push(effect);
        self
    }

    /// The same step, telling the person this once there.
    pub fn telling(mut self, notice: Notice) -> Step {
        self.notice = Some(notice);
        self
    }

    /// The same step, with the focus here once there.
    pub fn focusing(mut self, focus: usize) -> Step {
        self.focus = Some(focus);
        self
    }
}
