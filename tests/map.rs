//! The learning map: opening it, zooming, panning, choosing venues by tap and by digit, and
//! from there the sign-up path.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness};
use learning_kiosk::app::map_layout::layout;
use learning_kiosk::app::screens::map::projection;
use learning_kiosk::app::{Action, Key, Msg, Screen};
use learning_kiosk::catalogue::VenueId;
use learning_kiosk::domain::geo::{Compass, LatLon};
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::map::districts::shapes;
use learning_kiosk::ui::words::distance_direction;

fn open_map(h: &mut Harness) {
    h.key(Key::F(4));
    assert_eq!(h.state.visit.screen, Screen::Map);
}

/// Where a venue is drawn, in screen cells.
fn screen_cell(h: &Harness, venue: VenueId) -> (u16, u16) {
    let map = layout(
        h.state.size.0,
        h.state.size.1,
        h.state.site.touchscreen,
        h.state.visit.lang,
    )
    .map;
    let (c, r) = projection(&h.state).to_cell(h.state.catalogue.venue(venue).position);
    (map.x + c.floor() as u16, map.y + r.floor() as u16)
}

fn width_km(h: &Harness) -> f64 {
    let map = layout(h.state.size.0, h.state.size.1, true, h.state.visit.lang).map;
    h.state
        .visit
        .map
        .width_km(map.width, map.height, h.state.site.cell_aspect)
}

#[test]
fn f4_opens_the_map_from_anywhere_and_back_returns() {
    let mut h = Harness::demo();
    h.enter();
    h.key(Key::Char('1'));
    let activity = h.state.visit.screen.clone();
    open_map(&mut h);
    assert!(h.screen().contains("学习地图"));
    h.key(Key::F(2));
    assert_eq!(h.state.visit.screen, Screen::Map, "F2 follows on the map");
    assert!(h.screen().contains("Learning map") && h.screen().contains("You are here"));
    h.key(Key::Esc);
    assert_eq!(h.state.visit.screen, activity);
    // From the welcome screen's button, and the home screen's.
    let mut h = Harness::demo();
    h.tap(Action::OpenMap);
    assert_eq!(h.state.visit.screen, Screen::Map);
    let mut h = Harness::demo();
    h.swipe(CARD);
    h.key(Key::Char('2'));
    assert_eq!(h.state.visit.screen, Screen::Map);
}

#[test]
fn zoom_steps_from_the_whole_city_to_a_neighbourhood() {
    for (cols, rows) in [(80, 24), (120, 40), (160, 48)] {
        let mut h = Harness::demo();
        h.resize(cols, rows);
        open_map(&mut h);
        let mut widths = vec![width_km(&h)];
        while h.state.visit.map.zoom > 0 {
            h.key(Key::Char('-'));
            widths.push(width_km(&h));
        }
        // The widest step shows every district's label point: the whole city.
        let proj = projection(&h.state);
        let map = layout(cols, rows, true, h.state.visit.lang).map;
        for shape in shapes() {
            let (c, r) = proj.to_cell(shape.label);
            assert!(
                c >= 0.0 && r >= 0.0 && c < f64::from(map.width) && r < f64::from(map.height),
                "{} is off the city map at {cols}x{rows}",
                shape.district.name_en()
            );
        }
        // Closer step by step, to a neighbourhood about 2 km across.
        while !h.state.visit.map.is_closest() {
            h.key(Key::Char('+'));
            widths.push(width_km(&h));
        }
        assert!((width_km(&h) - 2.0).abs() < 0.01);
        h.key(Key::Char('+'));
        assert!(
            (width_km(&h) - 2.0).abs() < 0.01,
            "no closer than the closest step"
        );
        let outward = &widths[..widths.len() - 6];
        assert!(outward.windows(2).all(|w| w[1] > w[0]), "{widths:?}");
    }
}

#[test]
fn zooming_keeps_the_chosen_venue_centred() {
    let mut h = Harness::demo();
    open_map(&mut h);
    let chosen = h.state.visit.map_list[3];
    let (x, y) = screen_cell(&h, chosen);
    h.tap_at(x, y);
    assert_eq!(h.state.visit.map.selected, Some(chosen));
    let at = h.state.catalogue.venue(chosen).position;
    for key in ['+', '+', '-', '-', '-'] {
        h.key(Key::Char(key));
        assert_eq!(h.state.visit.map.center, at, "after {key}");
    }
    // Out to the whole city and back in: the chosen venue is the centre again.
    while h.state.visit.map.zoom > 0 {
        h.key(Key::Char('-'));
    }
    h.key(Key::Char('+'));
    assert_eq!(h.state.visit.map.center, at);
}

#[test]
fn arrows_and_buttons_pan_and_zero_comes_back_here() {
    let mut h = Harness::demo();
    open_map(&mut h);
    let here = h.state.site.position;
    h.key(Key::Up);
    assert!(
        h.state.visit.map.center.lat > here.lat
            && (h.state.visit.map.center.lon - here.lon).abs() < 1e-9
    );
    h.tap(Action::Pan(1, 0));
    assert!(h.state.visit.map.center.lon > here.lon);
    h.key(Key::Left);
    h.key(Key::Down);
    let back = h.state.visit.map.center;
    assert!((back.lat - here.lat).abs() < 1e-9 && (back.lon - here.lon).abs() < 1e-9);
    h.key(Key::Right);
    h.key(Key::Right);
    // A quarter of the view each step: two steps east is half the view, 2.5 km at 10 km.
    let east = here.distance_km(LatLon::new(here.lat, h.state.visit.map.center.lon));
    assert!((east - width_km(&h) / 2.0).abs() < 0.01, "{east}");
    h.key(Key::Char('0'));
    assert_eq!(h.state.visit.map.center, here);
    assert_eq!(h.state.visit.map.selected, None);
}

#[test]
fn tapping_a_venue_chooses_it_and_shows_it() {
    for lang in Lang::ALL {
        let mut h = Harness::demo();
        h.lang(lang);
        open_map(&mut h);
        let target = h.state.visit.map_list[2];
        let (x, y) = screen_cell(&h, target);
        h.tap_at(x, y);
        assert_eq!(h.state.visit.map.selected, Some(target));
        assert_eq!(
            h.state.visit.map_list[h.state.visit.focus], target,
            "the list's focus is on it"
        );
        assert_eq!(
            h.state.visit.map.center,
            h.state.catalogue.venue(target).position
        );
        let name = h.state.catalogue.venue(target).name.get(lang).to_string();
        let screen = h.screen();
        let start: String = name.chars().take(3).collect();
        assert!(screen.contains(&start), "{screen}");
        // Enter opens the chosen venue.
        h.enter();
        assert_eq!(h.state.visit.screen, Screen::Venue(target));
    }
}

#[test]
fn a_tap_on_empty_ground_chooses_nothing() {
    let mut h = Harness::demo();
    open_map(&mut h);
    // Zoom right in and move far off: open country.
    for _ in 0..3 {
        h.key(Key::Char('+'));
    }
    for _ in 0..6 {
        h.key(Key::Left);
    }
    let map = layout(120, 40, true, h.state.visit.lang).map;
    h.tap_at(map.x + map.width / 2, map.y + map.height / 2);
    assert_eq!(h.state.visit.map.selected, None);
    assert_eq!(h.state.visit.screen, Screen::Map);
}

#[test]
fn a_digit_opens_a_venue_and_leads_on_to_a_sign_up() {
    let mut h = Harness::demo();
    h.swipe(CARD);
    open_map(&mut h);
    let second = h.state.visit.map_list[1];
    // The first press chooses it on the map, and says how to open it...
    h.key(Key::Char('2'));
    assert_eq!(h.state.visit.screen, Screen::Map);
    assert_eq!(h.state.visit.map.selected, Some(second));
    assert_eq!(
        h.state.visit.map.center,
        h.state.catalogue.venue(second).position
    );
    assert!(h.screen().contains("再按一次 2"));
    // ...the same number again opens it.
    h.key(Key::Char('2'));
    assert_eq!(h.state.visit.screen, Screen::Venue(second));
    let screen = h.screen();
    assert!(screen.contains("选择一个活动"), "{screen}");
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Activity(_)));
    h.key(Key::Char('1'));
    assert!(
        matches!(h.state.visit.screen, Screen::Confirm(_)),
        "{:?}",
        h.state.visit.notice
    );
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
}

#[test]
fn the_list_says_how_far_which_way_and_what_is_on_next() {
    let mut h = Harness::demo();
    h.key(Key::F(2));
    open_map(&mut h);
    let screen = h.screen();
    assert!(screen.contains("Right here"), "{screen}");
    assert!(
        screen.contains("km south-east") || screen.contains("km north-west"),
        "{screen}"
    );
    assert!(screen.contains("Today 14:00"), "{screen}");
}

#[test]
fn direction_words_in_both_languages() {
    assert_eq!(
        distance_direction(Lang::En, 1.2, Compass::NE),
        "1.2 km north-east"
    );
    assert_eq!(
        distance_direction(Lang::Zh, 1.2, Compass::NE),
        "东北方向 1.2 公里"
    );
    assert_eq!(distance_direction(Lang::En, 0.01, Compass::N), "Right here");
    let all: Vec<String> = Compass::ALL
        .iter()
        .map(|c| distance_direction(Lang::Zh, 3.0, *c))
        .collect();
    assert_eq!(all[4], "正南方向 3.0 公里");
    assert_eq!(all.len(), 8);
}

#[test]
fn resize_keeps_the_map_and_its_list_whole() {
    let mut h = Harness::demo();
    open_map(&mut h);
    for (w, r) in [(80, 24), (160, 48), (120, 40), (0, 0), (100, 30)] {
        h.send(Msg::Resize(w, r));
        let _ = h.screen();
        assert!(h.state.visit.focus < h.state.visit.map_list.len().max(1));
    }
}

/// How far each listed venue is from the kiosk, in list order.
fn kiosk_distances(h: &Harness) -> Vec<f64> {
    let here = h.state.site.position;
    h.state
        .visit
        .map_list
        .iter()
        .map(|v| here.distance_km(h.state.catalogue.venue(*v).position))
        .collect()
}

fn nearest_first(distances: &[f64]) -> bool {
    distances.windows(2).all(|w| w[0] <= w[1])
}

#[test]
fn the_list_stays_put_after_opening_a_venue_and_coming_back() {
    for (cols, rows) in [(80, 24), (120, 40)] {
        let mut h = Harness::demo();
        h.resize(cols, rows);
        open_map(&mut h);
        let before = h.state.visit.map_list.clone();
        assert!(before.len() >= 2, "{before:?}");
        assert!(nearest_first(&kiosk_distances(&h)));
        let second = before[1];
        // Choose the second, open it, come back: the same rows, in the same order, the focus
        // still on the venue the person opened.
        h.key(Key::Char('2'));
        h.key(Key::Char('2'));
        assert_eq!(h.state.visit.screen, Screen::Venue(second));
        h.key(Key::Esc);
        assert_eq!(h.state.visit.screen, Screen::Map);
        assert_eq!(h.state.visit.map_list, before, "at {cols}x{rows}");
        assert_eq!(h.state.visit.map_list[h.state.visit.focus], second);
        // A venue tapped on the map that was not listed joins the list in its place by
        // distance from here; what was listed keeps its order.
        let unlisted = (0..h.state.catalogue.venues.len() as VenueId)
            .filter(|v| h.state.catalogue.is_listed_venue(*v))
            .filter(|v| !before.contains(v))
            .find(|v| {
                let (x, y) = screen_cell(&h, *v);
                let map = layout(cols, rows, true, h.state.visit.lang).map;
                x > map.x + 2
                    && y > map.y + 1
                    && x + 3 < map.right()
                    && y + 2 < map.bottom()
                    && learning_kiosk::app::screens::map::venue_at(&h.state, x - map.x, y - map.y)
                        == Some(*v)
            });
        if let Some(v) = unlisted {
            let (x, y) = screen_cell(&h, v);
            h.tap_at(x, y);
            assert_eq!(h.state.visit.map.selected, Some(v));
            assert!(h.state.visit.map_list.contains(&v));
            assert!(
                nearest_first(&kiosk_distances(&h)),
                "{:?}",
                kiosk_distances(&h)
            );
        }
    }
}

#[test]
fn the_whole_city_lists_the_venues_nearest_the_kiosk_first() {
    let mut h = Harness::demo();
    open_map(&mut h);
    while h.state.visit.map.zoom > 0 {
        h.key(Key::Char('-'));
    }
    let here = h.state.site.position;
    let nearest = learning_kiosk::catalogue::nearby::nearest_venues(&h.state.catalogue, here, 1);
    assert_eq!(h.state.visit.map_list.first(), Some(&nearest[0].0));
    let distances = kiosk_distances(&h);
    assert!(nearest_first(&distances), "{distances:?}");
    assert!(distances.iter().all(|d| *d < 10.0), "{distances:?}");
    // The screen says so: the first row is right here, not 25 km off.
    h.key(Key::F(2));
    let screen = h.screen();
    assert!(screen.contains("Right here"), "{screen}");
}

#[test]
fn the_legend_shows_every_letter_with_its_name_whole_in_both_languages() {
    use learning_kiosk::map::legend::entries;
    for lang in Lang::ALL {
        for (cols, rows) in [(80, 24), (120, 40), (160, 48)] {
            let mut h = Harness::demo();
            h.resize(cols, rows);
            h.lang(lang);
            open_map(&mut h);
            let screen = h.screen();
            for entry in entries(lang) {
                let shown = format!("{} {}", entry.letter, entry.name);
                assert!(
                    screen.contains(&shown),
                    "{lang:?} {cols}x{rows}: the legend lacks {shown:?}:\n{screen}"
                );
            }
            // The map keeps its rows and the list its venues.
            let lay = layout(cols, rows, true, lang);
            assert!(lay.map.height >= 8, "{lay:?}");
            assert!(h.state.visit.map_list.len() >= 2, "{cols}x{rows}");
        }
    }
}
