//! Beijing's 16 district boundaries, simplified and embedded (`assets/beijing-districts.json`,
//! made by `scripts/simplify_districts.py`; MIT licence beside it).

use std::sync::LazyLock;

use serde::Deserialize;

use crate::domain::district::District;
use crate::domain::geo::LatLon;

/// The embedded boundaries.
pub const DISTRICTS_JSON: &str = include_str!("../../assets/beijing-districts.json");

/// One district's shape.
#[derive(Clone, Debug)]
pub struct DistrictShape {
    /// Which district.
    pub district: District,
    /// A point well inside it, for its name.
    pub label: LatLon,
    /// Its outline: one or more closed rings.
    pub rings: Vec<Vec<LatLon>>,
}

#[derive(Deserialize)]
struct File {
    districts: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    adcode: String,
    label: [f64; 2],
    rings: Vec<Vec<f64>>,
}

static SHAPES: LazyLock<Vec<DistrictShape>> = LazyLock::new(|| parse(DISTRICTS_JSON));

/// All 16 district shapes (parsed once, on first use).
pub fn shapes() -> &'static [DistrictShape] {
    &SHAPES
}

fn parse(json: &str) -> Vec<DistrictShape> {
    // The asset is ours and tested; a broken one leaves the map without outlines rather
    // than taking the kiosk down.
    let file: File = match serde_json::from_str(json) {
        Ok(file) => file,
        Err(err) => {
            tracing::error!(error = %err, "the district map asset is broken");
            return Vec::new();
        }
    };
    file.districts
        .into_iter()
        .filter_map(|e| {
            Some(DistrictShape {
                district: District::from_code(&e.adcode)?,
                label: LatLon::new(e.label[1], e.label[0]),
                rings: e
                    .rings
                    .iter()
                    .map(|flat| {
                        flat.chunks_exact(2)
                            .map(|p| LatLon::new(p[1], p[0]))
                            .collect()
                    })
                    .collect(),
            })
        })
        .collect()
}

/// True when a point lies inside a ring (even-odd rule on degrees, fine at city scale).
pub fn ring_contains(ring: &[LatLon], p: LatLon) -> bool {
    let mut inside = false;
    for (i, a) in ring.iter().enumerate() {
        let b = ring[(i + 1) % ring.len()];
        if (a.lat > p.lat) != (b.lat > p.lat)
            && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
        {
            inside = !inside;
        }
    }
    inside
}

/// The district a point lies in, if any.
pub fn district_at(p: LatLon) -> Option<District> {
    shapes()
        .iter()
        .find(|s| s.rings.iter().any(|r| ring_contains(r, p)))
        .map(|s| s.district)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_districts_each_labelled_inside_itself() {
        assert!(
            DISTRICTS_JSON.len() < 150_000,
            "the map asset is {} bytes",
            DISTRICTS_JSON.len()
        );
        let shapes = shapes();
        assert_eq!(shapes.len(), 16);
        let mut codes: Vec<_> = shapes.iter().map(|s| s.district).collect();
        codes.dedup();
        assert_eq!(codes.len(), 16);
        for s in shapes {
            assert!(s.rings.iter().all(|r| r.len() >= 3));
            assert_eq!(
                district_at(s.label),
                Some(s.district),
                "{}",
                s.district.name_en()
            );
        }
    }

    #[test]
    fn landmarks_fall_in_their_districts() {
        let cases = [
            (LatLon::new(39.9087, 116.3975), "Dongcheng"), // Tiananmen
            (LatLon::new(39.9999, 116.2755), "Haidian"),   // Summer Palace
            (LatLon::new(40.4319, 116.5704), "Huairou"),   // Mutianyu
            (LatLon::new(40.3766, 116.8430), "Miyun"),     // Miyun town
            (LatLon::new(39.9965, 116.4705), "Chaoyang"),  // the demo kiosk, Wangjing
        ];
        for (p, name) in cases {
            assert_eq!(district_at(p).map(|d| d.name_en()), Some(name), "{p:?}");
        }
    }
}
