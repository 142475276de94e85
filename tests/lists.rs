//! What the lists offer: the audience filter.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

/// Choosing "older people" keeps the activities meant for everyone (they are for older
/// people too), and "everyone" is not offered as a filter beside "all": it would mean the
/// same.
#[test]
fn an_activity_for_everyone_stays_under_every_audience_filter() {
    use learning_kiosk::app::filters::{FilterKind, FilterOption, options};
    use learning_kiosk::catalogue::Audience;
    use learning_kiosk::catalogue::nearby::{NearbyQuery, nearby};
    let catalogue = common::rules_catalogue();
    let query = |audience| NearbyQuery {
        at: learning_kiosk::domain::geo::LatLon::new(39.9965, 116.4705),
        within_km: 5.0,
        now: common::moment(common::NOW),
        days: 7,
        category: None,
        audience,
        on: None,
        farming: false,
    };
    let ids = |audience| -> std::collections::BTreeSet<String> {
        nearby(&catalogue, &query(audience))
            .iter()
            .map(|i| catalogue.activity(i.activity).id.to_string())
            .collect()
    };
    let elders = ids(Some(Audience::Elders));
    assert!(elders.contains("weekly"), "for older people: {elders:?}");
    assert!(
        elders.contains("soon"),
        "for everyone, so for older people too: {elders:?}"
    );
    assert!(
        !ids(Some(Audience::Farmers)).contains("weekly"),
        "for older people only"
    );
    let offered = options(FilterKind::Audience, &common::moment(common::NOW), 7, false);
    assert!(!offered.contains(&FilterOption::Audience(Audience::Everyone)));
    assert_eq!(offered[0], FilterOption::All);
}
