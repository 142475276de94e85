//! "My learning record": sessions attended, hours and credits, from the district's hub.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{HubCard, State};
use crate::app::step::{Next, Step};

/// Help for this screen (a message id).
pub const HELP: &str = "help-record";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;
/// "Back".
pub const ITEMS: usize = 1;

/// Its one choice goes back.
pub fn on_action(action: Action) -> Step {
    match action {
        Action::Primary | Action::Choose(0) => Step::to(Next::Back),
        _ => Step::stay(),
    }
}

/// The screen appears: the record is asked for afresh (a check-in sent since the card was
/// read counts), and what waits here is read again.
pub fn enter(state: &mut State) -> Vec<Effect> {
    let Some(card) = state.visit.card else {
        return Vec::new();
    };
    let mut effects = vec![Effect::LoadMySignups(card)];
    if state.link.hub {
        state.visit.hub_card = HubCard::Asking;
        effects.push(Effect::LookUpCard(card));
    }
    effects
}
