//! The nearby list: sessions at venues near this kiosk.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::nav;
use crate::app::screens::activity;
use crate::app::state::{Screen, State};
use crate::catalogue::nearby::{NearbyQuery, nearby};

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

/// Works the list out again if a minute has passed, so started sessions drop off.
pub fn refresh_if_stale(state: &mut State) {
    if state.visit.screen == Screen::Nearby && state.visit.nearby_minute != minute(state) {
        refresh(state);
        super::clamp_focus(state);
    }
}

fn minute(state: &State) -> i64 {
    state.clock.now.timestamp().div_euclid(60)
}

/// Opens the nearby list; assisted mode first asks which day.
pub fn open(state: &mut State) -> Vec<Effect> {
    if state.visit.assisted {
        nav::go(state, Screen::When, 0)
    } else {
        nav::go(state, Screen::Nearby, 0)
    }
}

/// What the nearby screen does with actions.
pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Primary => choose(state, state.visit.focus),
        Action::Choose(i) => choose(state, i),
        Action::OpenFilter(kind) => {
            let focus = super::filter::selected_index(state, kind);
            nav::go(state, Screen::Filter(kind), focus)
        }
        Action::OpenFilterMenu => nav::go(state, Screen::FilterMenu, 0),
        _ => Vec::new(),
    }
}

fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(item) = state.visit.nearby.get(index).copied() else {
        return Vec::new();
    };
    state.visit.focus = index;
    let focus = activity::sessions(state, item.activity)
        .iter()
        .position(|s| s.date == item.session.date)
        .unwrap_or(0);
    nav::go(state, Screen::Activity(item.activity), focus)
}
