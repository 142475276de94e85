//! From the ground to terminal cells. An equirectangular projection about the view's centre,
//! scaled by the cosine of its latitude (so east-west distances are true there), with rows
//! stretched by the terminal cell's shape (a cell is about twice as tall as it is wide), so a
//! circle on the ground is round on the screen.

use crate::domain::geo::LatLon;

/// Kilometres per degree of latitude on the mean sphere (the haversine's radius).
const KM_PER_DEG: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// A view projected into a rectangle of `cols` x `rows` cells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    center: LatLon,
    cos_lat: f64,
    km_per_col: f64,
    km_per_row: f64,
    cols: f64,
    rows: f64,
}

impl Projection {
    /// A view `width_km` across centred on `center`, drawn in `cols` x `rows` cells whose
    /// height is `cell_aspect` times their width.
    pub fn new(
        center: LatLon,
        width_km: f64,
        cols: u16,
        rows: u16,
        cell_aspect: f64,
    ) -> Projection {
        let cols = f64::from(cols.max(1));
        let km_per_col = width_km / cols;
        Projection {
            center,
            cos_lat: center.lat.to_radians().cos(),
            km_per_col,
            km_per_row: km_per_col * cell_aspect,
            cols,
            rows: f64::from(rows.max(1)),
        }
    }

    /// Kilometres east and north of the centre.
    pub fn to_km(&self, p: LatLon) -> (f64, f64) {
        (
            (p.lon - self.center.lon) * KM_PER_DEG * self.cos_lat,
            (p.lat - self.center.lat) * KM_PER_DEG,
        )
    }

    /// The point that lies `east` and `north` kilometres from the centre.
    pub fn from_km(&self, east: f64, north: f64) -> LatLon {
        LatLon::new(
            self.center.lat + north / KM_PER_DEG,
            self.center.lon + east / (KM_PER_DEG * self.cos_lat),
        )
    }

    /// The cell a point falls in, as fractional (column, row) from the top-left corner.
    pub fn to_cell(&self, p: LatLon) -> (f64, f64) {
        let (east, north) = self.to_km(p);
        (
            self.cols / 2.0 + east / self.km_per_col,
            self.rows / 2.0 - north / self.km_per_row,
        )
    }

    /// True when a point is drawn inside the view.
    pub fn shows(&self, p: LatLon) -> bool {
        let (c, r) = self.to_cell(p);
        c >= 0.0 && r >= 0.0 && c < self.cols && r < self.rows
    }

    /// The point at a fractional cell.
    pub fn from_cell(&self, col: f64, row: f64) -> LatLon {
        self.from_km(
            (col - self.cols / 2.0) * self.km_per_col,
            (self.rows / 2.0 - row) * self.km_per_row,
        )
    }

    /// Half the view's width and height, in km: the canvas bounds around the centre.
    pub fn half_extent_km(&self) -> (f64, f64) {
        (
            self.cols * self.km_per_col / 2.0,
            self.rows * self.km_per_row / 2.0,
        )
    }

    /// Kilometres one column spans.
    pub fn km_per_col(&self) -> f64 {
        self.km_per_col
    }

    /// Kilometres one row spans.
    pub fn km_per_row(&self) -> f64 {
        self.km_per_row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WANGJING: LatLon = LatLon::new(39.9965, 116.4705);

    #[test]
    fn a_circle_on_the_ground_is_round_on_the_screen() {
        for (width_km, aspect) in [(2.0, 2.0), (10.0, 2.0), (170.0, 2.0), (10.0, 2.4)] {
            let proj = Projection::new(WANGJING, width_km, 78, 29, aspect);
            let radius = width_km / 5.0;
            // Points on a circle of `radius` km, found by great-circle destination.
            let (mut min_c, mut max_c, mut min_r, mut max_r) =
                (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
            for step in 0..360 {
                let bearing = f64::from(step).to_radians();
                let d = radius / 6371.0088;
                let (p1, l1) = (WANGJING.lat.to_radians(), WANGJING.lon.to_radians());
                let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * bearing.cos()).asin();
                let l2 =
                    l1 + (bearing.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
                let (c, r) = proj.to_cell(LatLon::new(p2.to_degrees(), l2.to_degrees()));
                min_c = min_c.min(c);
                max_c = max_c.max(c);
                min_r = min_r.min(r);
                max_r = max_r.max(r);
            }
            // On the glass, a row is `aspect` times as tall as a column is wide.
            let wide = max_c - min_c;
            let tall = (max_r - min_r) * aspect;
            assert!(
                (wide / tall - 1.0).abs() < 0.01,
                "{width_km} km: {wide} x {tall}"
            );
        }
    }

    #[test]
    fn distances_on_the_map_match_the_ground_within_half_a_percent() {
        // Known pairs (WGS-84 geodesic references, as in domain::geo).
        let tiananmen = LatLon::new(39.9087, 116.3975);
        let pairs = [
            (tiananmen, LatLon::new(39.9999, 116.2755), 14.5335),
            (WANGJING, LatLon::new(40.0065, 116.4805), 1.4007),
        ];
        for (a, b, reference) in pairs {
            let proj = Projection::new(a, 40.0, 80, 40, 2.0);
            let (e, n) = proj.to_km(b);
            let on_map = e.hypot(n);
            assert!(
                (on_map - reference).abs() / reference < 0.005,
                "{on_map} vs {reference}"
            );
        }
    }

    #[test]
    fn cells_and_points_round_trip() {
        let proj = Projection::new(WANGJING, 10.0, 78, 29, 2.0);
        assert_eq!(proj.to_cell(WANGJING), (39.0, 14.5));
        let north = proj.from_cell(39.0, 0.0);
        assert!(north.lat > WANGJING.lat && (north.lon - WANGJING.lon).abs() < 1e-12);
        let p = LatLon::new(40.01, 116.45);
        let (c, r) = proj.to_cell(p);
        let back = proj.from_cell(c, r);
        assert!((back.lat - p.lat).abs() < 1e-12 && (back.lon - p.lon).abs() < 1e-12);
    }
}
