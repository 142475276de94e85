//! Every screen, in both languages, at 80x24 and 120x40.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, HERE_TODAY, Harness, record};
use learning_kiosk::app::filters::FilterKind;
use learning_kiosk::app::link::{LinkProblem, LinkProblemKind, LinkStatus};
use learning_kiosk::app::msg::QueueSummary;
use learning_kiosk::app::{Action, Key, Msg, Screen};
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::outbox::{SignupRecord, SignupView, Status};

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (160, 48)];

/// Builds the screen on a fresh kiosk, then snapshots it in both languages at both sizes.
fn snap(name: &str, build: impl Fn(&mut Harness)) {
    snap_with(name, Harness::demo, build);
}

fn snap_with(name: &str, kiosk: impl Fn() -> Harness, build: impl Fn(&mut Harness)) {
    snap_sizes(name, &SIZES, kiosk, build);
}

fn snap_sizes(
    name: &str,
    sizes: &[(u16, u16)],
    kiosk: impl Fn() -> Harness,
    build: impl Fn(&mut Harness),
) {
    for lang in Lang::ALL {
        for &(w, h) in sizes {
            let mut k = kiosk();
            k.resize(w, h);
            k.lang(lang);
            build(&mut k);
            let text = k.screen();
            assert!(!text.contains(CARD), "a full card number on screen: {name}");
            assert!(
                !text.contains("1101 0800 0000 0016"),
                "a full card number on screen: {name}"
            );
            insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang.tag()), text);
        }
    }
}

fn to_confirm(k: &mut Harness) {
    k.swipe(CARD);
    k.key(Key::Char('1'));
    k.open_nearby(HERE_TODAY);
    k.key(Key::Char('1'));
    assert!(matches!(k.state.visit.screen, Screen::Confirm(_)));
}

fn to_receipt(k: &mut Harness, existing: bool) {
    to_confirm(k);
    let (id, date) = k.confirm_with_fixed_code(existing);
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
    // What the outbox reports once the sign-up is held.
    let held = [((id, date), 1)].into_iter().collect();
    k.send_only(Msg::QueueStatus(QueueSummary {
        held,
        counts: [(Status::Waiting, 1)].into_iter().collect(),
        ..QueueSummary::default()
    }));
}

#[test]
fn welcome() {
    snap("welcome", |_| {});
}

#[test]
fn welcome_typing() {
    snap("welcome-typing", |k| k.type_keys("110108000"));
}

#[test]
fn welcome_card_refused() {
    snap("welcome-card-refused", |k| {
        k.type_keys("1101080000000017");
        k.enter();
    });
}

#[test]
fn home() {
    snap("home", |k| k.swipe(CARD));
}

#[test]
fn nearby() {
    snap("nearby", |k| k.enter());
}

#[test]
fn nearby_filtered_page_two() {
    snap("nearby-filtered", |k| {
        k.enter();
        k.key(Key::Char('.'));
        k.key(Key::Char('2'));
        k.key(Key::Char('2'));
        k.key(Key::Char('+'));
    });
}

#[test]
fn nearby_empty() {
    snap_with(
        "nearby-empty",
        || Harness::with(demo_site().unwrap(), common::rules_catalogue(), common::NOW),
        |k| {
            k.enter();
            k.send(Msg::Action(Action::OpenFilter(FilterKind::Day)));
            // Saturday 28 November (the seventh choice): nothing meets that day in this small
            // catalogue.
            k.send(Msg::Action(Action::Choose(6)));
            assert!(k.state.visit.nearby.is_empty());
        },
    );
}

#[test]
fn filter_category() {
    snap("filter-category", |k| {
        k.enter();
        k.key(Key::Char('.'));
        k.key(Key::Char('1'));
    });
}

#[test]
fn filter_day() {
    snap("filter-day", |k| {
        k.enter();
        k.key(Key::Char('.'));
        k.key(Key::Char('3'));
    });
}

/// The map at the three sizes it is made for.
const MAP_SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (160, 48)];

#[test]
fn map_neighbourhood() {
    snap_sizes("map-neighbourhood", &MAP_SIZES, Harness::demo, |k| {
        k.key(Key::F(4));
        while !k.state.visit.map.is_closest() {
            k.key(Key::Char('+'));
        }
    });
}

#[test]
fn map_city() {
    snap_sizes("map-city", &MAP_SIZES, Harness::demo, |k| {
        k.key(Key::F(4));
        while k.state.visit.map.zoom > 0 {
            k.key(Key::Char('-'));
        }
    });
}

#[test]
fn map_opening_with_a_chosen_venue() {
    snap_sizes("map-chosen", &MAP_SIZES, Harness::demo, |k| {
        k.key(Key::F(4));
        let chosen = *k.state.visit.map_list.last().unwrap();
        let map = learning_kiosk::app::map_layout::layout(
            k.state.size.0,
            k.state.size.1,
            true,
            k.state.visit.lang,
        )
        .map;
        let (c, r) = learning_kiosk::app::screens::map::projection(&k.state)
            .to_cell(k.state.catalogue.venue(chosen).position);
        k.tap_at(map.x + c.floor() as u16, map.y + r.floor() as u16);
        assert_eq!(k.state.visit.map.selected, Some(chosen));
    });
}

#[test]
fn venue() {
    snap("venue", |k| {
        k.key(Key::F(4));
        k.key(Key::Char('1'));
        k.key(Key::Char('1'));
    });
}

/// A venue with a cancelled activity: it says so, with no time to come.
#[test]
fn venue_with_a_cancelled_activity() {
    let rules = || {
        Harness::with(
            learning_kiosk::config::load::demo_site().unwrap(),
            common::rules_catalogue(),
            common::NOW,
        )
    };
    snap_with("venue-cancelled", rules, |k| {
        k.key(Key::F(4));
        k.key(Key::Char('1'));
        k.key(Key::Char('1'));
        k.key(Key::Char('+'));
    });
}

/// The smallest grid: lists keep their rows with the page buttons beside them.
#[test]
fn lists_at_60x20() {
    snap_sizes("small-nearby", &[(60, 20)], Harness::demo, |k| k.enter());
    snap_sizes("small-venue", &[(60, 20)], Harness::demo, |k| {
        k.key(Key::F(4));
        k.key(Key::Char('1'));
        k.key(Key::Char('1'));
    });
}

#[test]
fn filter_menu() {
    snap("filter-menu", |k| {
        k.enter();
        k.key(Key::Char('.'));
    });
}

/// The rural station: a keypad and no touchscreen, so lists are compact at 80x24.
#[test]
fn rural_keypad_station() {
    let station = Harness::rural_station;
    snap_with("rural-home", station, |k| k.swipe(CARD));
    snap_with("rural-nearby", station, |k| k.enter());
    // The farming-first home's first choice: the list says it holds farming, and so do its chips.
    snap_with("rural-farming-nearby", station, |k| {
        k.swipe(CARD);
        k.key(Key::Char('1'));
    });
    snap_with("rural-filter-category", station, |k| {
        k.swipe(CARD);
        k.key(Key::Char('1'));
        k.key(Key::Char('.'));
        k.key(Key::Char('1'));
    });
    snap_with("rural-card-entry", station, |k| {
        k.enter();
        k.open_nearby("my-xiwengzhuang-dlp.chestnut");
        k.key(Key::Char('1'));
    });
}

#[test]
fn activity() {
    snap("activity", |k| {
        k.enter();
        k.open_nearby(HERE_TODAY);
    });
}

#[test]
fn activity_full_refused() {
    snap_with(
        "activity-full-refused",
        || Harness::with(demo_site().unwrap(), common::rules_catalogue(), common::NOW),
        |k| {
            k.enter();
            let i = k
                .state
                .visit
                .nearby
                .iter()
                .position(|n| &*k.state.catalogue.activity(n.activity).id == "full")
                .unwrap();
            k.send(Msg::Action(Action::Choose(i)));
            k.key(Key::Char('1'));
        },
    );
}

#[test]
fn card_entry() {
    snap("card-entry", |k| {
        k.enter();
        k.open_nearby(HERE_TODAY);
        k.key(Key::Char('1'));
        k.type_keys("1101");
    });
}

#[test]
fn confirm() {
    snap("confirm", to_confirm);
}

#[test]
fn saving() {
    snap("saving", |k| {
        to_confirm(k);
        k.send_only(Msg::Action(Action::Primary));
    });
}

#[test]
fn receipt() {
    snap("receipt", |k| to_receipt(k, false));
}

/// The receipt's QR code on a page of its own, where the screen has no room beside the words.
#[test]
fn receipt_qr_page() {
    snap_sizes("receipt-qr", &[(60, 20), (80, 24)], Harness::demo, |k| {
        to_receipt(k, false);
        let last = learning_kiosk::app::screens::item_count(&k.state);
        k.key(Key::Char(char::from(b'0' + last as u8)));
        assert_eq!(
            k.state.visit.overlay,
            Some(learning_kiosk::app::Overlay::Qr)
        );
    });
}

/// The receipt of a kiosk with a printer: its "print" choice, printing, printed, and a
/// printer that is off.
#[test]
fn receipt_print() {
    use learning_kiosk::printer::PrintOutcome;
    let printer = || Harness::with_printer(false);
    snap_with("receipt-print", printer, |k| to_receipt(k, false));
    snap_with("receipt-printing", printer, |k| {
        to_receipt(k, false);
        k.print_receipt(None);
    });
    snap_with("receipt-printed", printer, |k| {
        to_receipt(k, false);
        k.print_receipt(Some(PrintOutcome::Printed));
    });
    snap_with("receipt-print-failed", printer, |k| {
        to_receipt(k, false);
        k.print_receipt(Some(PrintOutcome::Off));
    });
}

#[test]
fn receipt_existing() {
    snap("receipt-existing", |k| to_receipt(k, true));
}

#[test]
fn my_signups() {
    snap("my-signups", |k| {
        k.swipe(CARD);
        k.key(Key::Char('3'));
        let records = [
            record("K7Q-4MD", CARD, "cy-wangjing-clc.smartphone", "2026-11-24"),
            record("PX3-WAE", CARD, "cy-wangjing-clc.smartphone", "2026-11-27"),
            record("M4D-9RT", CARD, "no-longer-listed", "2026-11-28"),
        ];
        let card = k.state.visit.card.unwrap();
        k.send(Msg::MySignupsLoaded {
            card,
            checkins_waiting: 0,
            records: Ok(records.iter().map(SignupRecord::view).collect()),
        });
    });
}

#[test]
fn my_signups_none() {
    snap("my-signups-none", |k| {
        k.swipe(CARD);
        k.key(Key::Char('3'));
    });
}

#[test]
fn help() {
    snap("help", |k| {
        k.enter();
        k.key(Key::F(1));
    });
}

#[test]
fn countdown() {
    snap("countdown", |k| {
        k.swipe(CARD);
        k.wait(90_000);
        k.wait(12_000);
    });
}

#[test]
fn staff_pin() {
    snap("staff-pin", |k| {
        k.send(Msg::StaffChord);
        k.type_keys("24");
    });
}

#[test]
fn staff_menu() {
    snap("staff-menu", |k| {
        k.send(Msg::StaffChord);
        k.type_keys("2468");
        k.enter();
        k.send(Msg::OutboxRebuilt { recovered: 41 });
    });
}

/// The staff page in Chinese names the built-in demo site in Chinese, not by its file's
/// English label.
#[test]
fn the_staff_page_names_the_demo_site_in_the_pages_language() {
    let mut k = Harness::demo();
    k.lang(Lang::Zh);
    k.send(Msg::StaffChord);
    k.type_keys("2468");
    k.enter();
    let zh = k.screen();
    assert!(zh.contains("配置来自：内置的演示站点"), "{zh}");
    assert!(!zh.contains("demo"), "{zh}");
    k.lang(Lang::En);
    let en = k.screen();
    assert!(en.contains("config from the built-in demo site"), "{en}");
}

/// The link as the sync worker reports it: online, synced a minute ago.
fn online(k: &mut Harness) {
    k.send(Msg::Link(LinkStatus {
        hub: true,
        online: true,
        last_sync: Some(common::moment("2026-11-23T08:59:00+08:00")),
        ..LinkStatus::default()
    }));
}

/// The link down since yesterday evening, with the reason for staff.
fn offline(k: &mut Harness) {
    k.send(Msg::Link(LinkStatus {
        hub: true,
        online: false,
        offline_since: Some(common::moment("2026-11-22T17:40:00+08:00")),
        last_sync: Some(common::moment("2026-11-22T17:39:00+08:00")),
        last_error: Some(LinkProblem {
            kind: LinkProblemKind::Offline,
            detail: "connection refused".into(),
            fault: None,
        }),
        waiting_for_allowance: false,
    }));
    k.send(Msg::QueueStatus(QueueSummary {
        held: Default::default(),
        checked_in: Default::default(),
        counts: [
            (Status::Waiting, 3),
            (Status::Confirmed, 41),
            (Status::Waitlisted, 2),
            (Status::Invalid, 1),
            (Status::Parked, 1),
        ]
        .into_iter()
        .collect(),
        attention: vec![
            SignupView {
                code: "PX3-WAE".into(),
                activity_id: "cy-wangjing-clc.smartphone".into(),
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                status: Status::Parked,
                reason: Some("unreadable: bad_request: bad date".into()),
                ..Default::default()
            },
            SignupView {
                code: "K7Q-4MD".into(),
                activity_id: "xc-capital-museum.paper_cutting".into(),
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                status: Status::Invalid,
                reason: Some("started".into()),
                ..Default::default()
            },
        ],
        resendable: 1,
        damaged: vec![("9FJ-2KQ".into(), "bad time".into())],
    }));
}

#[test]
fn welcome_online() {
    snap_with("welcome-online", Harness::demo_with_hub, online);
}

#[test]
fn home_offline_since_yesterday() {
    snap_with("home-offline", Harness::demo_with_hub, |k| {
        offline(k);
        k.swipe(CARD);
    });
}

#[test]
fn my_signups_with_the_hubs_answers() {
    snap_with("my-signups-answered", Harness::demo_with_hub, |k| {
        online(k);
        k.swipe(CARD);
        k.key(Key::Char('3'));
        let answered = |code, activity, date, status, reason: Option<&str>| {
            let mut r = record(code, CARD, activity, date);
            r.status = status;
            r.reason = reason.map(str::to_string);
            r
        };
        let records = [
            answered(
                "K7Q-4MD",
                "cy-wangjing-clc.smartphone",
                "2026-11-24",
                Status::Confirmed,
                None,
            ),
            answered(
                "PX3-WAE",
                "xc-capital-museum.paper_cutting",
                "2026-11-30",
                Status::Waitlisted,
                None,
            ),
            answered(
                "M4D-9RT",
                "hd-national-library.paper_cutting",
                "2026-11-30",
                Status::Invalid,
                Some("cancelled"),
            ),
            answered(
                "T2N-8KC",
                "cy-wangjing-clc.smartphone",
                "2026-11-27",
                Status::Waiting,
                None,
            ),
        ];
        let card = k.state.visit.card.unwrap();
        k.send(Msg::MySignupsLoaded {
            card,
            checkins_waiting: 0,
            records: Ok(records.iter().map(SignupRecord::view).collect()),
        });
    });
}

#[test]
fn staff_menu_with_a_hub() {
    snap_with("staff-menu-hub", Harness::demo_with_hub, |k| {
        k.send(Msg::LogFailures(3));
        // Restarted after a crash loop this morning.
        k.send(Msg::ReaderProblem(Some(
            "/dev/input/by-id/usb-reader-event-kbd: No such file or directory".into(),
        )));
        k.send(Msg::RecentCrashes(
            learning_kiosk::app::msg::RecentCrashes {
                count: 5,
                last_at: common::moment("2026-11-23T08:41:00+08:00"),
                what: "crash requested by --test-panic".into(),
            },
        ));
        k.send(Msg::StaffChord);
        k.type_keys("2468");
        k.enter();
        // After the page has read the (empty) outbox of the harness: what a busy kiosk holds.
        offline(k);
        k.key(Key::Char('2'));
    });
}

#[test]
fn out_of_service() {
    let broken =
        "[kiosk]\nid = \"Bad Id\"\nlat = \"north\"\ndistrict = \"119999\"\n[nearby]\nradius = 5\n";
    let problems =
        learning_kiosk::config::load::load_site_str(broken, "kiosk-config/broken.toml", None)
            .expect_err("the config is broken");
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
        learning_kiosk::runtime::out_of_service::draw(&mut buf, &problems);
        insta::assert_snapshot!(format!("out-of-service-{w}x{h}"), common::buffer_text(&buf));
    }
}

/// Staff see every problem that fits, in both languages, and are told how many more there
/// are; never one of two with rows to spare.
#[test]
fn out_of_service_shows_every_problem_that_fits() {
    let two = "[kiosk]\nid = \"x\"\nname = { en-US = \"X\" }\ndistrict = \"119999\"\nlat = 39.9\nlon = 216.4\n";
    let problems = learning_kiosk::config::load::load_site_str(two, "/etc/kiosk/site.toml", None)
        .expect_err("the config is broken");
    assert_eq!(problems.problems.len(), 2);
    for (w, h) in [(60, 20), (80, 24)] {
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
        learning_kiosk::runtime::out_of_service::draw(&mut buf, &problems);
        let text = common::buffer_text(&buf);
        for said in ["kiosk.district", "kiosk.lon"] {
            assert_eq!(
                text.matches(said).count(),
                2,
                "{said} in both languages at {w}x{h}:\n{text}"
            );
        }
        assert!(!text.contains("more"), "{text}");
    }
    let many =
        "[kiosk]\nid = \"Bad Id\"\nlat = \"north\"\ndistrict = \"119999\"\n[nearby]\nradius = 5\n";
    let problems = learning_kiosk::config::load::load_site_str(many, "/etc/kiosk/site.toml", None)
        .expect_err("the config is broken");
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 60, 20));
    learning_kiosk::runtime::out_of_service::draw(&mut buf, &problems);
    let text = common::buffer_text(&buf);
    assert!(text.contains("more: check-config lists them all"), "{text}");
    assert!(text.contains("个问题没有列出"), "{text}");
}

/// Brings a fresh kiosk to one screen.
type Builder = Box<dyn Fn(&mut Harness)>;

/// One builder for each screen, for the checks that go over them all.
fn every_screen() -> Vec<(&'static str, Builder)> {
    vec![
        ("welcome", Box::new(|_| {})),
        ("welcome-typing", Box::new(|k| k.type_keys("1101"))),
        ("home", Box::new(|k| k.swipe(CARD))),
        ("nearby", Box::new(|k| k.enter())),
        (
            "nearby-page-2",
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('+'));
            }),
        ),
        (
            "filter-menu",
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('.'));
            }),
        ),
        (
            "filter",
            Box::new(|k| {
                k.enter();
                k.send(Msg::Action(Action::OpenFilter(FilterKind::Day)));
            }),
        ),
        (
            "activity",
            Box::new(|k| {
                k.enter();
                k.open_nearby(HERE_TODAY);
            }),
        ),
        (
            "card-entry",
            Box::new(|k| {
                k.enter();
                k.open_nearby(HERE_TODAY);
                k.key(Key::Char('1'));
            }),
        ),
        ("confirm", Box::new(to_confirm)),
        ("receipt", Box::new(|k| to_receipt(k, false))),
        (
            "my-signups",
            Box::new(|k| {
                k.swipe(CARD);
                k.key(Key::Char('3'));
                let card = k.state.visit.card.unwrap();
                let records = (0..12)
                    .map(|n| {
                        record(
                            &format!("K7Q-{n:03}"),
                            CARD,
                            "cy-wangjing-clc.smartphone",
                            "2026-11-24",
                        )
                    })
                    .collect::<Vec<SignupRecord>>();
                k.send(Msg::MySignupsLoaded {
                    card,
                    checkins_waiting: 0,
                    records: Ok(records.iter().map(SignupRecord::view).collect()),
                });
            }),
        ),
        ("help", Box::new(|k| k.key(Key::F(1)))),
        ("map", Box::new(|k| k.key(Key::F(4)))),
        (
            "map-city",
            Box::new(|k| {
                k.key(Key::F(4));
                while k.state.visit.map.zoom > 0 {
                    k.key(Key::Char('-'));
                }
            }),
        ),
        (
            "venue",
            Box::new(|k| {
                k.key(Key::F(4));
                k.key(Key::Char('1'));
                k.key(Key::Char('1'));
            }),
        ),
        (
            "countdown",
            Box::new(|k| {
                k.swipe(CARD);
                k.wait(90_000);
            }),
        ),
        ("staff-pin", Box::new(|k| k.send(Msg::StaffChord))),
        (
            "staff-menu",
            Box::new(|k| {
                k.send(Msg::StaffChord);
                k.type_keys("2468");
                k.enter();
            }),
        ),
        (
            "staff-menu-hub",
            Box::new(|k| {
                offline(k);
                k.send(Msg::StaffChord);
                k.type_keys("2468");
                k.enter();
            }),
        ),
    ]
}

/// Every screen draws at any size without a panic, from nothing at all to very large.
#[test]
fn every_screen_draws_at_any_size() {
    for (name, build) in every_screen() {
        let mut k = Harness::demo();
        build(&mut k);
        common::assert_draws_at_any_size(name, &mut k);
    }
}

/// On a touchscreen every button, row and tab is at least 3 rows high and 10 columns wide,
/// with a gap to its neighbours, on every screen at 80x24 and at 120x40.
#[test]
fn touch_targets_are_big_and_apart() {
    for (name, build) in every_screen() {
        for (w, h) in SIZES {
            let mut k = Harness::demo();
            k.resize(w, h);
            build(&mut k);
            k.render();
            common::assert_targets_big_and_apart(&format!("{name} {w}x{h}"), &k.hits);
        }
    }
}

/// The screens of a sign-up's life, standard mode, on the rules catalogue's kiosk.
#[test]
fn a_sign_ups_life() {
    use common::life;
    let plain = || life::kiosk(false, false, false);
    let hub = || life::kiosk(false, true, false);
    let venue = || life::kiosk(false, false, true);
    snap_with("life-full", plain, life::to_full);
    snap_with("life-confirm-waitlist", plain, life::to_confirm_waitlist);
    snap_with("life-receipt-waitlist", plain, life::to_receipt_waitlist);
    snap_with("life-receipt-reopened", plain, life::to_receipt_reopened);
    snap_with("life-cancel-ask", plain, life::to_cancel_ask);
    snap_with("life-good-news", hub, life::to_good_news);
    snap_with("life-my-signups-hub", hub, life::to_my_signups_with_the_hub);
    snap_with("life-check-in-offer", venue, life::to_check_in_offer);
    snap_with("life-check-in-done", venue, life::to_check_in_done);
    snap_with("life-record", hub, life::to_record);
    snap_with("life-record-offline", hub, life::to_record_offline);
    snap_with("life-staff-venue", venue, |k| {
        life::to_check_in_done(k);
        k.send(Msg::StaffChord);
        k.type_keys("2468");
        k.enter();
        assert_eq!(k.state.visit.screen, Screen::StaffMenu);
    });
}
