//! A cancelled activity never looks bookable: wherever it is listed, it says it is cancelled
//! and offers no time to come.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{Harness, rules_catalogue};
use learning_kiosk::app::{Key, Screen};
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::lang::Lang;

/// The rules catalogue's kiosk: its one venue, "here", holds "A cancelled class" (tomorrow
/// 10:00) among live ones.
fn kiosk() -> Harness {
    let mut h = Harness::with(demo_site().unwrap(), rules_catalogue(), common::NOW);
    h.lang(Lang::En);
    h
}

/// The lines of a screen that name the cancelled class, with the line under each.
fn around_cancelled(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("A cancelled class"))
        .map(|(i, l)| format!("{l}\n{}", lines.get(i + 1).unwrap_or(&"")))
        .collect()
}

#[test]
fn the_venue_page_says_cancelled_and_gives_no_next_time() {
    let mut h = kiosk();
    h.key(Key::F(4));
    h.key(Key::Char('1'));
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Venue(_)));
    // Every row at once: the page is long enough on a large screen.
    h.resize(160, 48);
    let screen = h.screen();
    let rows = around_cancelled(&screen);
    assert!(!rows.is_empty(), "{screen}");
    for row in rows {
        assert!(row.contains("Cancelled"), "{row}");
        assert!(
            !row.contains("Tomorrow") && !row.contains("10:00") && !row.contains("Next"),
            "a cancelled class offers a time:\n{row}"
        );
    }
    // In assisted mode, the large choice's line under it (its title is drawn large, so it is
    // read from the page the view draws).
    h.key(Key::F(3));
    let mut found = false;
    loop {
        let page = learning_kiosk::ui::model::page(&h.state).unwrap();
        for choice in page
            .choices
            .iter()
            .filter(|c| c.label == "A cancelled class")
        {
            found = true;
            let detail = choice.detail.clone().unwrap_or_default();
            assert!(detail.contains("cancelled"), "{detail}");
            assert!(
                !detail.contains("Tomorrow") && !detail.contains("10:00"),
                "{detail}"
            );
        }
        if !page.more.1 {
            break;
        }
        h.key(Key::Char('+'));
    }
    assert!(
        found,
        "the assisted venue page never lists the cancelled class"
    );
}

#[test]
fn the_map_list_never_offers_a_cancelled_class_as_what_is_on_next() {
    // Only live sessions at "here" are after the cancelled one's: move to the evening before,
    // when the cancelled class (tomorrow 10:00) would otherwise be the next thing on.
    let mut h = kiosk();
    h.set_now("2026-11-23T20:00:00+08:00");
    h.resize(160, 48);
    h.key(Key::F(4));
    let screen = h.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("Right here"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        !row.contains("Tomorrow 10:00") && !row.contains("cancelled"),
        "the map offers a cancelled class as what is on next: {row}"
    );
}

#[test]
fn the_nearby_list_says_cancelled_on_the_row() {
    let mut h = kiosk();
    h.enter();
    let mut screen = h.screen();
    while !screen.contains("A cancelled class") {
        let before = h.state.visit.focus;
        h.key(Key::Char('+'));
        assert_ne!(h.state.visit.focus, before, "never listed:\n{screen}");
        screen = h.screen();
    }
    for row in around_cancelled(&screen) {
        assert!(row.contains("Cancelled"), "{row}");
    }
}

#[test]
fn the_staff_page_of_the_venue_says_its_session_today_is_cancelled() {
    let mut site = demo_site().unwrap();
    site.venue = Some("here".into());
    // Tuesday: the cancelled class's one session is today.
    let mut h = Harness::with(site, rules_catalogue(), "2026-11-24T08:00:00+08:00");
    h.lang(Lang::En);
    h.send(learning_kiosk::app::Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    let screen = h.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("A cancelled class"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("class: cancelled"), "{line}");
    assert!(!line.contains("/20"), "seats of a cancelled class: {line}");
}
