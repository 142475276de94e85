//! The learning map: zoom, pan, back to here, choose a venue by tap, digit or list.

use crate::app::effect::Effect;
use crate::app::map_layout::{layout, list_capacity};
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{Notice, Screen, State};
use crate::app::step::{Next, Step};
use crate::catalogue::VenueId;
use crate::catalogue::nearby::{nearest_venues, venues_within};
use crate::map::{MapView, Projection};

/// Help for this screen (a message id).
pub const HELP: &str = "help-map";
/// Its list beside the map holds what fits there.
pub const PAGING: Paging = Paging::Map;

/// How near a tap must land to a venue to choose it, in columns (rows count by their height).
const TAP_REACH_COLS: f64 = 3.0;

/// The projection the map is drawn with at the current size and view.
pub fn projection(state: &State) -> Projection {
    let (cols, rows) = state.size;
    let map = layout(cols, rows, state.site.touchscreen, state.visit.lang).map;
    let aspect = state.site.cell_aspect;
    Projection::new(
        state.visit.map.center,
        state.visit.map.width_km(map.width, map.height, aspect),
        map.width,
        map.height,
        aspect,
    )
}

/// Works out the list beside the map again, for the view as it is now: the venues in view
/// nearest the kiosk (and, when few are in view, those nearest the view's middle), in order of
/// the person's own distance, whatever part of the map they look at; and the chosen venue.
pub fn refresh(state: &mut State) {
    let here = state.site.position;
    let n = capacity(state);
    let proj = projection(state);
    let (half_w, half_h) = proj.half_extent_km();
    let centre = proj.from_km(0.0, 0.0);
    let catalogue = &state.catalogue;
    let from_here = |v: VenueId| here.distance_km(catalogue.venue(v).position);
    let mut in_view: Vec<(VenueId, f64)> = venues_within(catalogue, centre, half_w.hypot(half_h))
        .into_iter()
        .filter(|(v, _)| catalogue.is_listed_venue(*v) && proj.shows(catalogue.venue(*v).position))
        .map(|(v, _)| (v, from_here(v)))
        .collect();
    in_view.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    in_view.truncate(n);
    if in_view.len() < n {
        let around = nearest_venues(catalogue, centre, n + in_view.len());
        for (v, _) in around {
            if in_view.len() < n && !in_view.iter().any(|(x, _)| *x == v) {
                in_view.push((v, from_here(v)));
            }
        }
        in_view.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    }
    state.visit.map_list = in_view.into_iter().map(|(v, _)| v).collect();
    if let Some(v) = state.visit.map.selected {
        keep_listed(state, v);
    }
}

/// How many venues the list holds at this size and mode.
fn capacity(state: &State) -> usize {
    let (cols, rows) = state.size;
    let n = list_capacity(cols, rows, state.site.touchscreen, state.visit.lang);
    if state.visit.assisted {
        n.min(crate::app::paging::ASSISTED_CHOICES)
    } else {
        n
    }
}

/// Puts a venue in the list, in its place by distance from the kiosk, if it is not there;
/// the farthest other venue makes room. Returns its row.
fn keep_listed(state: &mut State, venue: VenueId) -> usize {
    if let Some(i) = state.visit.map_list.iter().position(|v| *v == venue) {
        return i;
    }
    let here = state.site.position;
    let catalogue = &state.catalogue;
    let key = |v: VenueId| (here.distance_km(catalogue.venue(v).position), v);
    let list = &mut state.visit.map_list;
    let at = list
        .partition_point(|v| key(*v).0 < key(venue).0 || (key(*v).0 == key(venue).0 && *v < venue));
    list.insert(at, venue);
    if list.len() > capacity(state).max(1) {
        // The farthest venue that is not the chosen one gives its row up.
        let list = &mut state.visit.map_list;
        let drop = list.iter().rposition(|v| *v != venue).unwrap_or(0);
        list.remove(drop);
    }
    state
        .visit
        .map_list
        .iter()
        .position(|v| *v == venue)
        .unwrap_or(0)
}

/// The map appears where the person left it: the list is worked out the first time only, so
/// that coming back from a venue finds every row where it was.
pub fn enter(state: &mut State) -> Vec<Effect> {
    if state.visit.map_list.is_empty() {
        refresh(state);
    }
    Vec::new()
}

/// How many venues the list beside the map holds.
pub fn items(state: &State) -> usize {
    state.visit.map_list.len()
}

/// Opens the map (F4 or the home screen's button), where the person left it.
pub fn open(state: &State) -> Step {
    if state.visit.screen == Screen::Map {
        return Step::stay();
    }
    Step::to(Next::Go(Screen::Map, 0))
}

/// What the map does with actions.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let here = state.site.position;
    match action {
        Action::ZoomIn => {
            let focus = state
                .visit
                .map
                .selected
                .map_or(here, |v| state.catalogue.venue(v).position);
            state.visit.map.zoom_in(focus);
        }
        Action::ZoomOut => state.visit.map.zoom_out(),
        Action::Pan(east, north) => {
            let proj = projection(state);
            let (half_w, half_h) = proj.half_extent_km();
            state.visit.map.center = proj.from_km(
                f64::from(east) * half_w / 2.0,
                f64::from(north) * half_h / 2.0,
            );
        }
        Action::BackToHere => {
            let zoom = state.visit.map.zoom.max(1);
            state.visit.map = MapView {
                zoom,
                ..MapView::around(here)
            };
        }
        Action::TapMap(col, row) => {
            if let Some(v) = venue_at(state, col, row) {
                select(state, v);
            }
            return Step::stay();
        }
        Action::Choose(i) => return choose_row(state, i),
        // Enter opens the venue the focus is on.
        Action::Primary => {
            return match state.visit.map_list.get(state.visit.focus).copied() {
                Some(v) => open_venue(v),
                None => Step::stay(),
            };
        }
        _ => return Step::stay(),
    }
    refresh(state);
    state.visit.focus = 0;
    Step::stay()
}

/// Chooses a venue: it is highlighted and centred on the map; in the list it keeps its place
/// (so the same number again opens it), or joins it in its place by distance from the kiosk.
fn select(state: &mut State, venue: VenueId) {
    state.visit.map.selected = Some(venue);
    state.visit.map.center = state.catalogue.venue(venue).position;
    let index = keep_listed(state, venue);
    state.visit.focus = index;
    state.visit.notice = Some(Notice::MapChosen(index + 1));
}

/// A row of the list: the first time chooses it on the map, the second opens it.
fn choose_row(state: &mut State, index: usize) -> Step {
    let Some(venue) = state.visit.map_list.get(index).copied() else {
        return Step::stay();
    };
    if state.visit.map.selected == Some(venue) {
        return open_venue(venue);
    }
    select(state, venue);
    Step::stay()
}

fn open_venue(venue: VenueId) -> Step {
    Step::to(Next::Go(Screen::Venue(venue), 0))
}

/// The venue drawn nearest a tap, if one is within reach.
pub fn venue_at(state: &State, col: u16, row: u16) -> Option<VenueId> {
    let proj = projection(state);
    let aspect = state.site.cell_aspect;
    let (tap_c, tap_r) = (f64::from(col) + 0.5, f64::from(row) + 0.5);
    let centre = proj.from_cell(tap_c, tap_r);
    let reach_km = TAP_REACH_COLS * proj.km_per_col();
    // Candidates from the spatial index, then the nearest as drawn on the glass.
    crate::catalogue::nearby::venues_within(&state.catalogue, centre, reach_km * 1.5)
        .into_iter()
        .map(|(v, _)| {
            let (c, r) = proj.to_cell(state.catalogue.venue(v).position);
            let d = (c - tap_c).hypot((r - tap_r) * aspect);
            (v, d)
        })
        .filter(|(_, d)| *d <= TAP_REACH_COLS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(v, _)| v)
}
