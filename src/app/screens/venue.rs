//! One venue and what is on there, soonest first.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};
use crate::catalogue::{ActivityId, Session, VenueId};

/// Help for this screen (a message id).
pub const HELP: &str = "help-venue";
/// How its activities page.
pub const PAGING: Paging = Paging::List {
    reserved: paging::VENUE_RESERVED,
    assisted: Some(paging::ASSISTED_FACTS_RESERVED),
};

/// How far ahead the venue screen looks for each activity's next session, in days.
const HORIZON_DAYS: u32 = 42;

/// The venue's activities with their next session (if any), soonest first. A cancelled
/// activity has none: nothing of it is on, so nothing may look bookable.
pub fn activities(state: &State, venue: VenueId) -> Vec<(ActivityId, Option<Session>)> {
    let mut list: Vec<(ActivityId, Option<Session>)> = state
        .catalogue
        .activities_at(venue)
        .iter()
        .map(|a| {
            let activity = state.catalogue.activity(*a);
            let next = if activity.is_cancelled() {
                None
            } else {
                activity
                    .upcoming(&state.clock.now, HORIZON_DAYS, 1)
                    .first()
                    .copied()
            };
            (*a, next)
        })
        .collect();
    // Soonest first; activities with nothing coming last.
    list.sort_by_key(|(a, s)| (s.is_none(), s.map(|s| s.start), *a));
    list
}

/// The screen appears: seats count what the outbox holds now.
pub fn enter() -> Vec<Effect> {
    vec![Effect::RefreshQueue]
}

/// What the venue screen does with actions: choosing an activity opens it.
pub fn on_action(state: &mut State, venue: VenueId, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some((activity, _)) = activities(state, venue).get(index).copied() else {
        return Step::stay();
    };
    state.visit.focus = index;
    Step::to(Next::Go(Screen::Activity(activity), 0))
}
