//! Good news: a place moved up from a waiting list to a seat, said at the card's next read
//! on any kiosk of the district.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{HubCard, Screen, SessionRef, State};
use crate::app::step::{Next, Step};
use crate::domain::time::local_date;

/// Help for this screen (a message id).
pub const HELP: &str = "help-good-news";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;
/// "Continue".
pub const ITEMS: usize = 1;

/// The places the hub says moved up, as sessions this kiosk can describe.
pub fn moved_up(state: &State) -> Vec<SessionRef> {
    let HubCard::Known(answer) = &state.visit.hub_card else {
        return Vec::new();
    };
    let today = local_date(&state.clock.now);
    answer
        .places
        .iter()
        .filter(|p| p.promoted)
        .filter_map(|p| {
            let activity = state.catalogue.activity_by_id(&p.activity)?;
            let date = chrono::NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok()?;
            (date >= today).then_some(SessionRef { activity, date })
        })
        .collect()
}

/// The hub's word arrived: good news is said at once, over the screen in front.
pub fn tell(state: &State) -> Step {
    let moved = moved_up(state);
    if moved.is_empty() || matches!(state.visit.screen, Screen::GoodNews(_)) {
        return Step::stay();
    }
    Step::to(Next::Go(Screen::GoodNews(moved), 0))
}

/// Any answer goes back to where the person was.
pub fn on_action(action: Action) -> Step {
    match action {
        Action::Primary | Action::Choose(0) => Step::to(Next::Back),
        _ => Step::stay(),
    }
}
