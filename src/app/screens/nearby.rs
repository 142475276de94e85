//! The nearby list: sessions at venues near this kiosk.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::screens::{activity, filter};
use crate::app::state::{Screen, State};
use crate::app::step::{Next, Step};
use crate::catalogue::nearby::{NearbyQuery, nearby};

/// Help for this screen (a message id).
pub const HELP: &str = "help-nearby";
/// How its list pages.
pub const PAGING: Paging = Paging::List {
    reserved: paging::NEARBY_RESERVED,
    assisted: Some(paging::ASSISTED_RESERVED),
};

/// Works the list out again from the catalogue, the filters and the time.
pub fn refresh(state: &mut State) {
    let query = NearbyQuery {
        at: state.site.position,
        within_km: state.site.radius_km,
        now: state.clock.now,
        days: state.site.days,
        category: state.visit.filters.category,
        audience: state.visit.filters.audience,
        on: state.visit.filters.day,
        farming: state.visit.filters.farming,
    };
    state.visit.nearby = nearby(&state.catalogue, &query);
    state.visit.nearby_minute = minute(state);
}

/// Works the list out again if a minute has passed, so started sessions drop off; true when
/// it did (the focus may then need keeping in the list).
pub fn refresh_if_stale(state: &mut State) -> bool {
    let stale = state.visit.screen == Screen::Nearby && state.visit.nearby_minute != minute(state);
    if stale {
        refresh(state);
    }
    stale
}

fn minute(state: &State) -> i64 {
    state.clock.now.timestamp().div_euclid(60)
}

/// The list appears: worked out afresh, with seats counting what the outbox holds now.
pub fn enter(state: &mut State) -> Vec<Effect> {
    refresh(state);
    vec![Effect::RefreshQueue]
}

/// How many sessions the list holds.
pub fn items(state: &State) -> usize {
    state.visit.nearby.len()
}

/// Opens the nearby list; assisted mode first asks which day.
pub fn open(state: &State) -> Step {
    let screen = if state.visit.assisted {
        Screen::When
    } else {
        Screen::Nearby
    };
    Step::to(Next::Go(screen, 0))
}

/// What the nearby screen does with actions.
pub fn on_action(state: &mut State, action: Action) -> Step {
    match action {
        Action::Primary => choose(state, state.visit.focus),
        Action::Choose(i) => choose(state, i),
        Action::OpenFilter(kind) => {
            let focus = filter::selected_index(state, kind);
            Step::to(Next::Go(Screen::Filter(kind), focus))
        }
        Action::OpenFilterMenu => Step::to(Next::Go(Screen::FilterMenu, 0)),
        _ => Step::stay(),
    }
}

fn choose(state: &mut State, index: usize) -> Step {
    let Some(item) = state.visit.nearby.get(index).copied() else {
        return Step::stay();
    };
    state.visit.focus = index;
    let focus = activity::sessions(state, item.activity)
        .iter()
        .position(|s| s.date == item.session.date)
        .unwrap_or(0);
    Step::to(Next::Go(Screen::Activity(item.activity), focus))
}
