//! Keeping the catalogue in use current: the feed's changes are applied in place (seat
//! counts at once, anything that moves a list only when nobody is at the kiosk), and a whole
//! new catalogue is loaded only after the one in use has been let go, so that two are never
//! held at once.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use crate::app::effect::Effect;
use crate::app::state::State;
use crate::catalogue::Catalogue;
use crate::catalogue::change::Change;
use crate::catalogue::model::ActivityKey;

/// The feed brought changes.
pub fn changes_arrived(state: &mut State, changes: Vec<Change>) {
    state.updates.changes.extend(changes);
}

/// The cache holds a whole new catalogue; what was queued is part of it.
pub fn reload_asked(state: &mut State) {
    state.updates.reload_wanted = true;
    state.updates.changes.clear();
}

/// A loaded catalogue arrived.
pub fn loaded(state: &mut State, catalogue: Arc<Catalogue>) {
    state.updates.loaded = Some(catalogue);
}

/// Puts what can be put in use now; called after every message.
pub fn apply_when_free(state: &mut State) -> Vec<Effect> {
    let free = state.is_untouched();
    // While reloading, the screens hold nothing of the empty stand-in: switch at once.
    if (free || state.updates.reloading)
        && let Some(catalogue) = state.updates.loaded.take()
    {
        tracing::info!(
            activities = catalogue.activity_count(),
            "the hub's catalogue is now in use"
        );
        state.catalogue = catalogue;
        state.updates.reloading = false;
        return places_moved(state);
    }
    if state.updates.reload_wanted && free && !state.updates.reloading {
        // Let go of the catalogue in use before the new one is built beside it.
        state.updates.reload_wanted = false;
        state.updates.reloading = true;
        state.catalogue = Arc::new(Catalogue::empty(state.clock.now));
        let mut effects = places_moved(state);
        effects.push(Effect::ReloadCatalogue);
        return effects;
    }
    apply_changes(state, free)
}

fn apply_changes(state: &mut State, free: bool) -> Vec<Effect> {
    if state.updates.changes.is_empty() || state.updates.reloading {
        return Vec::new();
    }
    // Shared only while a save checks against it (a person is here): try again later.
    let Some(catalogue) = Arc::get_mut(&mut state.catalogue) else {
        return Vec::new();
    };
    let mut moved = false;
    let mut waiting = VecDeque::new();
    // With a person here a list keeps its places: only seat counts go in, and only those of
    // activities no change still waiting touches (their order against it must hold).
    let mut touched: HashSet<ActivityKey> = HashSet::new();
    let mut hold_all_seats = false;
    for change in std::mem::take(&mut state.updates.changes) {
        let now = free
            || match &change {
                Change::Seats { activity, .. } => {
                    !hold_all_seats && !touched.contains(activity.as_ref())
                }
                _ => false,
            };
        if !now {
            match &change {
                Change::Activity { activity, .. } => {
                    touched.insert(activity.id.clone());
                }
                Change::ActivityGone(id) => {
                    touched.insert(id.as_ref().into());
                }
                // Which activities go with a venue is not known here: hold every seat count.
                Change::VenueGone(_) => hold_all_seats = true,
                Change::Venue(_) | Change::Seats { .. } => {}
            }
            waiting.push_back(change);
            continue;
        }
        moved |= !change.is_seats();
        if let Err(why) = catalogue.apply(change) {
            tracing::warn!(%why, "a change from the hub does not fit the catalogue in use; loading it again");
            state.updates.reload_wanted = true;
            waiting.clear();
            break;
        }
    }
    state.updates.changes = waiting;
    if moved {
        places_moved(state)
    } else {
        Vec::new()
    }
}

/// Everything that holds a place in the catalogue is worked out again.
fn places_moved(state: &mut State) -> Vec<Effect> {
    state.held.clear();
    state.visit.nearby.clear();
    state.visit.nearby_minute = i64::MIN;
    state.visit.map_list.clear();
    vec![Effect::RefreshQueue]
}
