//! "My learning record": sessions attended, hours and credits, from the district's hub.

use crate::app::msg::Action;
use crate::app::paging::Paging;
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
