//! The learning map's words: its scale, and the venues listed beside it (those in view nearest
//! the kiosk first) with how far they are and what is on next. The map itself is a picture, drawn
//! from the catalogue by `ui/screens/map.rs`; it has no assisted page.

use crate::app::State;
use crate::args;
use crate::catalogue::{VenueId, VenueKind};
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::{t, ta};
use crate::ui::words;

/// One venue beside the map.
pub struct MapRow {
    /// What kind of venue (its letter and colour on the map).
    pub kind: VenueKind,
    /// Its name.
    pub name: String,
    /// How far, which way, and what is on next.
    pub way_and_next: String,
}

/// The map's words.
pub struct MapModel {
    /// How wide the map shows, in words.
    pub scale: String,
    /// The venues beside the map, in order.
    pub rows: Vec<MapRow>,
}

/// The map's words as they stand; `map_width_km` is how wide the map shows.
pub fn build(state: &State, lang: Lang, map_width_km: f64) -> MapModel {
    let km = if map_width_km >= 10.0 {
        format!("{map_width_km:.0}")
    } else {
        format!("{map_width_km:.1}")
    };
    let today = local_date(&state.clock.now);
    let rows = state
        .visit
        .map_list
        .iter()
        .map(|id| {
            let venue = state.catalogue.venue(*id);
            let distance = state.site.position.distance_km(venue.position);
            let direction = state.site.position.direction_to(venue.position);
            let way = words::distance_direction(lang, distance, direction);
            MapRow {
                kind: venue.kind,
                name: venue.name.get(lang).to_string(),
                way_and_next: format!("{way}   {}", next_session(state, lang, *id, today)),
            }
        })
        .collect();
    MapModel {
        scale: ta(lang, "map-scale", args!["km" => &km]),
        rows,
    }
}

/// What is on at a venue next, in words.
fn next_session(state: &State, lang: Lang, venue: VenueId, today: chrono::NaiveDate) -> String {
    match crate::app::screens::venue::activities(state, venue).first() {
        Some((activity, Some(session))) => format!(
            "{}  {}",
            words::when(lang, session, today),
            state.catalogue.texts(*activity).title.get(lang)
        ),
        _ => t(lang, "map-nothing-next"),
    }
}
