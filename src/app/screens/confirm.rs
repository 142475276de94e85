//! Confirming a sign-up: Enter saves.

use crate::app::effect::{Effect, SharedCatalogue};
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{Screen, SessionRef, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-confirm";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// How many numbered answers the screen offers: assisted mode asks "sign up for this?" with
/// two (yes, no); the standard screen has one button.
pub fn items(state: &State) -> usize {
    if state.visit.assisted { 2 } else { 0 }
}

/// What the confirm screen does with actions.
pub fn on_action(state: &mut State, session: SessionRef, action: Action) -> Step {
    // Assisted mode numbers the two answers: 1 yes, 2 no (Enter takes the focused one).
    let yes = match action {
        Action::Primary => !state.visit.assisted || state.visit.focus == 0,
        Action::Choose(i) if state.visit.assisted => i == 0,
        _ => return Step::stay(),
    };
    if !yes {
        return Step::to(Next::Back);
    }
    let Some(card) = state.visit.card else {
        return Step::to(Next::Replace(Screen::CardEntry(session), 0));
    };
    let activity_id = state.catalogue.activity(session.activity).id.to_string();
    Step::to(Next::Replace(Screen::Saving(session), 0)).and(Effect::SaveSignup {
        card,
        activity_id,
        date: session.date,
        now: state.clock.now,
        catalogue: SharedCatalogue(state.catalogue.clone()),
        ask: state.visit.ask,
    })
}
