//! What part of the map is shown: a centre, a zoom step and the chosen venue.

use crate::catalogue::VenueId;
use crate::domain::geo::LatLon;

/// The zoom steps, as the width of the view in km. Step 0 is the whole city, whatever the
/// shape of the map on screen (see [`MapView::width_km`]); the last is a neighbourhood.
pub const ZOOM_WIDTHS_KM: [f64; 7] = [0.0, 80.0, 40.0, 20.0, 10.0, 5.0, 2.0];

/// The zoom step the map opens at: a few kilometres around the kiosk.
pub const OPENING_ZOOM: usize = 4;

/// The middle of Beijing's extent, where the whole-city view is centred.
pub const CITY_CENTRE: LatLon = LatLon::new(40.25, 116.45);
/// Beijing's extent in km (west-east, south-north), with a little margin.
const CITY_EXTENT_KM: (f64, f64) = (185.0, 195.0);

/// The map's view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// The point at the centre.
    pub center: LatLon,
    /// Index into [`ZOOM_WIDTHS_KM`].
    pub zoom: usize,
    /// The venue chosen on the map, if any.
    pub selected: Option<VenueId>,
}

impl MapView {
    /// The opening view: around `here`.
    pub fn around(here: LatLon) -> MapView {
        MapView {
            center: here,
            zoom: OPENING_ZOOM,
            selected: None,
        }
    }

    /// The view's width in km, for a map of `cols` x `rows` cells of the given shape.
    pub fn width_km(&self, cols: u16, rows: u16, cell_aspect: f64) -> f64 {
        match ZOOM_WIDTHS_KM.get(self.zoom) {
            Some(w) if *w > 0.0 => *w,
            _ => {
                // The whole city: wide enough for its width, and for its height given how
                // tall the map is on screen.
                let tall_for_wide = f64::from(rows.max(1)) * cell_aspect / f64::from(cols.max(1));
                CITY_EXTENT_KM.0.max(CITY_EXTENT_KM.1 / tall_for_wide)
            }
        }
    }

    /// One step closer, towards `focus` (the chosen venue, or here) when leaving the city view.
    pub fn zoom_in(&mut self, focus: LatLon) {
        if self.zoom == 0 {
            self.center = focus;
        }
        self.zoom = (self.zoom + 1).min(ZOOM_WIDTHS_KM.len() - 1);
    }

    /// One step further out; the widest step shows the whole city.
    pub fn zoom_out(&mut self) {
        self.zoom = self.zoom.saturating_sub(1);
        if self.zoom == 0 {
            self.center = CITY_CENTRE;
        }
    }

    /// True when no step is closer.
    pub fn is_closest(&self) -> bool {
        self.zoom + 1 >= ZOOM_WIDTHS_KM.len()
    }
}
