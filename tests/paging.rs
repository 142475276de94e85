//! Lists use the rows the screen has: a page holds as many rows as fit above its pager, at
//! every size from 60x20, on touchscreens and on keypad stations.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{HERE_TODAY, Harness};
use learning_kiosk::app::paging::{item_height, target_height};
use learning_kiosk::app::{Action, Key, Screen};
use learning_kiosk::config::load::demo_site;

fn kiosk(touch: bool, cols: u16, rows: u16) -> Harness {
    let mut site = demo_site().unwrap();
    site.touchscreen = touch;
    let mut h = Harness::with(
        site,
        learning_kiosk::catalogue::demo::demo_catalogue().unwrap(),
        common::NOW,
    );
    h.resize(cols, rows);
    h
}

/// On a list screen with more than one page: the rows left free under the last row's target
/// where another row could go (above the pager when it is under the list, above the notice
/// strip when it is beside), and how many rows another one needs there. `None` on one page.
fn room_left(h: &mut Harness) -> Option<(u16, u16)> {
    let _ = h.screen();
    let targets = h.hits.targets();
    let last = targets
        .iter()
        .filter(|(_, a)| matches!(a, Action::Choose(_)))
        .map(|(r, _)| *r)
        .max_by_key(|r| r.y)?;
    let next = targets
        .iter()
        .find(|(_, a)| matches!(a, Action::NextPage))
        .map(|(r, _)| *r)?;
    let item = item_height(h.state.size.1, h.state.site.touchscreen);
    let gap = item - target_height(item);
    // The notice strip and the button bar: the frame's last five rows.
    let notice = h.state.size.1 - 5;
    Some(if next.y >= last.bottom() {
        (next.y - last.bottom(), item + gap)
    } else {
        (notice - last.bottom(), item)
    })
}

#[test]
fn a_page_holds_every_row_that_fits_above_its_pager() {
    type Open = fn(&mut Harness);
    let screens: [(&str, Open); 3] = [
        ("nearby", |h| h.enter()),
        ("activity", |h| {
            h.enter();
            h.open_nearby(HERE_TODAY);
        }),
        ("venue", |h| {
            h.key(Key::F(4));
            h.key(Key::Char('1'));
            h.key(Key::Char('1'));
            assert!(matches!(h.state.visit.screen, Screen::Venue(_)));
        }),
    ];
    for touch in [true, false] {
        for (cols, rows) in [(60, 20), (80, 24), (120, 40)] {
            for (name, open) in screens {
                let mut h = kiosk(touch, cols, rows);
                open(&mut h);
                let Some((left, needed)) = room_left(&mut h) else {
                    continue;
                };
                assert!(
                    left < needed,
                    "{name} at {cols}x{rows} (touch {touch}): {left} rows free under the \
                     last, room for another:\n{}",
                    h.screen()
                );
            }
        }
    }
}
