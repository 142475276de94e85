//! Great-circle distance and compass direction between two points.

/// Mean Earth radius in kilometres (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point in degrees (GCJ-02, the datum of Chinese map services).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    /// Latitude in degrees, north positive.
    pub lat: f64,
    /// Longitude in degrees, east positive.
    pub lon: f64,
}

/// One of eight compass points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Compass {
    /// North.
    N,
    /// North-east.
    NE,
    /// East.
    E,
    /// South-east.
    SE,
    /// South.
    S,
    /// South-west.
    SW,
    /// West.
    W,
    /// North-west.
    NW,
}

impl Compass {
    /// All eight, clockwise from north.
    pub const ALL: [Compass; 8] = [
        Compass::N,
        Compass::NE,
        Compass::E,
        Compass::SE,
        Compass::S,
        Compass::SW,
        Compass::W,
        Compass::NW,
    ];

    /// The compass point nearest to a bearing in degrees clockwise from north.
    pub fn from_bearing(degrees: f64) -> Compass {
        let sector = ((degrees.rem_euclid(360.0) + 22.5) / 45.0).floor() as usize % 8;
        Compass::ALL[sector]
    }

    /// A short stable key, used to look up the words for it.
    pub fn key(self) -> &'static str {
        match self {
            Compass::N => "n",
            Compass::NE => "ne",
            Compass::E => "e",
            Compass::SE => "se",
            Compass::S => "s",
            Compass::SW => "sw",
            Compass::W => "w",
            Compass::NW => "nw",
        }
    }
}

impl LatLon {
    /// A point from latitude and longitude in degrees.
    pub const fn new(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    /// Great-circle (haversine) distance in kilometres.
    pub fn distance_km(self, to: LatLon) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), to.lat.to_radians());
        let dp = p2 - p1;
        let dl = (to.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }

    /// Initial bearing from here to `to`, degrees clockwise from north.
    pub fn bearing_deg(self, to: LatLon) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), to.lat.to_radians());
        let dl = (to.lon - self.lon).to_radians();
        let y = dl.sin() * p2.cos();
        let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
        y.atan2(x).to_degrees().rem_euclid(360.0)
    }

    /// The compass point from here towards `to`.
    pub fn direction_to(self, to: LatLon) -> Compass {
        Compass::from_bearing(self.bearing_deg(to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference distances on the WGS-84 ellipsoid (geographiclib's `Geodesic.WGS84.Inverse`);
    /// the sphere must stay within 0.5 % of them.
    #[test]
    fn known_distances_within_half_a_percent() {
        let tiananmen = LatLon::new(39.9087, 116.3975);
        let pairs = [
            (tiananmen, LatLon::new(39.9999, 116.2755), 14.5335), // Summer Palace
            (tiananmen, LatLon::new(40.4319, 116.5704), 59.9328), // Mutianyu Great Wall
            (
                LatLon::new(39.9042, 116.4074),
                LatLon::new(31.2304, 121.4737),
                1065.846,
            ), // Shanghai
        ];
        for (a, b, reference) in pairs {
            let d = a.distance_km(b);
            assert!(
                (d - reference).abs() / reference < 0.005,
                "{d} vs {reference}"
            );
            let back = b.distance_km(a);
            assert!((d - back).abs() < 1e-9);
        }
        assert_eq!(tiananmen.distance_km(tiananmen), 0.0);
    }

    #[test]
    fn compass_points() {
        let here = LatLon::new(40.0, 116.0);
        assert_eq!(here.direction_to(LatLon::new(40.1, 116.0)), Compass::N);
        assert_eq!(here.direction_to(LatLon::new(40.0, 116.1)), Compass::E);
        assert_eq!(here.direction_to(LatLon::new(39.9, 116.0)), Compass::S);
        assert_eq!(here.direction_to(LatLon::new(40.0, 115.9)), Compass::W);
        assert_eq!(here.direction_to(LatLon::new(40.05, 116.065)), Compass::NE);
        assert_eq!(Compass::from_bearing(359.0), Compass::N);
        assert_eq!(Compass::from_bearing(-90.0), Compass::W);
        assert_eq!(Compass::from_bearing(22.4), Compass::N);
        assert_eq!(Compass::from_bearing(22.6), Compass::NE);
    }
}
