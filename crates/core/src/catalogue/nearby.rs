//! Which sessions are on near a point: the question the nearby screen and `nearby` answer.

use chrono::{Duration, NaiveDate};
use rstar::AABB;

use crate::catalogue::model::{ActivityId, Audience, Catalogue, Category, VenueId, spatial_key};
use crate::catalogue::schedule::Session;
use crate::domain::geo::LatLon;
use crate::domain::time::{Moment, local_date};

/// What to look for.
#[derive(Clone, Debug, PartialEq)]
pub struct NearbyQuery {
    /// Where the person is (the kiosk).
    pub at: LatLon,
    /// How far to look, in km.
    pub within_km: f64,
    /// Now: sessions that have started are left out.
    pub now: Moment,
    /// How many days ahead to look (sessions starting within `now + days`).
    pub days: u32,
    /// Only this category.
    pub category: Option<Category>,
    /// Only activities meant for this audience.
    pub audience: Option<Audience>,
    /// Only sessions on this local date.
    pub on: Option<NaiveDate>,
    /// Only farming, or activities meant for farmers (a rural station's first choice).
    pub farming: bool,
}

/// One session near the point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearbyItem {
    /// The activity.
    pub activity: ActivityId,
    /// Its venue.
    pub venue: VenueId,
    /// The session.
    pub session: Session,
    /// Great-circle distance from the point, km.
    pub distance_km: f64,
}

/// Venues within `km` of a point, nearest first, with their distances.
pub fn venues_within(catalogue: &Catalogue, at: LatLon, km: f64) -> Vec<(VenueId, f64)> {
    // The index works on a flat approximation; widen its box a little and let the exact
    // haversine distance decide.
    let [x, y] = spatial_key(at);
    let margin = km * 1.03 + 0.05;
    let envelope = AABB::from_corners([x - margin, y - margin], [x + margin, y + margin]);
    let mut found: Vec<(VenueId, f64)> = catalogue
        .spatial()
        .locate_in_envelope(envelope)
        .map(|p| {
            let id = p.data;
            (id, at.distance_km(catalogue.venue(id).position))
        })
        .filter(|(_, d)| *d <= km)
        .collect();
    found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    found
}

/// The `n` venues nearest a point, nearest first, with their distances.
pub fn nearest_venues(catalogue: &Catalogue, at: LatLon, n: usize) -> Vec<(VenueId, f64)> {
    let mut found: Vec<(VenueId, f64)> = catalogue
        .spatial()
        .nearest_neighbor_iter(spatial_key(at))
        // The flat index can swap near-equal neighbours; take a few extra and sort exactly.
        .take(n + n / 2 + 4)
        .map(|p| (p.data, at.distance_km(catalogue.venue(p.data).position)))
        .collect();
    found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    found.truncate(n);
    found
}

/// Sessions at venues near the point, soonest first, then nearest.
pub fn nearby(catalogue: &Catalogue, query: &NearbyQuery) -> Vec<NearbyItem> {
    let end = query.now + Duration::days(i64::from(query.days));
    let (first_date, last_date) = match query.on {
        Some(day) => (day, day),
        None => (local_date(&query.now), local_date(&end)),
    };
    let mut items = Vec::new();
    for (venue, distance_km) in venues_within(catalogue, query.at, query.within_km) {
        for &activity_id in catalogue.activities_at(venue) {
            let activity = catalogue.activity(activity_id);
            if query.category.is_some_and(|c| c != activity.category)
                // An activity for everyone is for each audience too.
                || query.audience.is_some_and(|a| {
                    !activity.audience.contains(a)
                        && !activity.audience.contains(Audience::Everyone)
                })
                || (query.farming
                    && activity.category != Category::Farming
                    && !activity.audience.contains(Audience::Farmers))
            {
                continue;
            }
            for session in activity.sessions_between(first_date, last_date) {
                if session.start > query.now && session.start <= end {
                    items.push(NearbyItem {
                        activity: activity_id,
                        venue,
                        session,
                        distance_km,
                    });
                }
            }
        }
    }
    items.sort_by(soonest_then_nearest);
    items
}

/// The nearby list's order: the soonest start first (so a day reads in the order it happens),
/// then the nearest venue (and the activity, so the order is total).
pub fn soonest_then_nearest(a: &NearbyItem, b: &NearbyItem) -> std::cmp::Ordering {
    a.session
        .start
        .cmp(&b.session.start)
        .then(a.distance_km.total_cmp(&b.distance_km))
        .then(a.activity.cmp(&b.activity))
}
