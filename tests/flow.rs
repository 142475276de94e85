//! The citizen's path driven headlessly through `update`, with a real outbox on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, HERE_TODAY, Harness, OTHER_CARD, card_for, rules_catalogue};
use learning_kiosk::app::state::Notice;
use learning_kiosk::app::{Action, Key, Msg, Overlay, Screen};
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::card::CardError;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::signup::Refusal;
use proptest::prelude::*;

fn rules() -> Harness {
    Harness::with(demo_site().unwrap(), rules_catalogue(), common::NOW)
}

/// Opens the activity with this id from the nearby list, by its row number.
fn open_activity(h: &mut Harness, id: &str) {
    if h.state.visit.screen != Screen::Nearby {
        h.send(Msg::Action(Action::OpenNearby));
    }
    let index = h.nearby_index(id);
    h.send(Msg::Action(Action::Choose(index)));
    assert!(matches!(h.state.visit.screen, Screen::Activity(_)));
}

#[test]
fn card_nearby_activity_signup_receipt_then_idle_leaves_no_trace() {
    let mut h = Harness::demo();
    assert_eq!(h.state.visit.screen, Screen::Welcome);

    // A reader burst on the welcome screen greets the person.
    h.swipe(CARD);
    assert_eq!(h.state.visit.screen, Screen::Home);
    let home = h.screen();
    assert!(home.contains("1101 **** **** 0016"), "{home}");
    assert!(!home.contains(CARD));

    // 1: activities nearby, soonest first (by the time they start), then nearest.
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    let items = h.state.visit.nearby.clone();
    assert!(items.len() > 20, "the demo should have plenty nearby");
    for pair in items.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.session.start, a.distance_km) <= (b.session.start, b.distance_km),
            "not soonest-then-nearest: {a:?} before {b:?}"
        );
        assert!(a.distance_km <= 5.0);
    }
    assert!(items.iter().all(|i| i.session.start > h.state.clock.now));

    // Open an activity by its row's number, choose its first session, confirm.
    h.open_nearby(HERE_TODAY);
    let Screen::Activity(activity) = h.state.visit.screen else {
        panic!("expected the activity screen")
    };
    assert_eq!(&*h.state.catalogue.activity(activity).id, HERE_TODAY);
    h.key(Key::Char('1'));
    assert!(
        matches!(h.state.visit.screen, Screen::Confirm(_)),
        "card already read"
    );
    h.enter();
    let Screen::Receipt(receipt) = h.state.visit.screen.clone() else {
        panic!(
            "expected the receipt, got {:?} {:?}",
            h.state.visit.screen, h.state.visit.notice
        )
    };
    assert!(!receipt.existing);
    let text = h.screen();
    assert!(text.contains("已保存在本机"), "{text}");
    assert!(text.contains(&receipt.code));

    // The sign-up is on disk, with the card in full (for sending) and nothing else.
    let all = h.exec.outbox.all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].card_digits, CARD);
    assert_eq!(all[0].code, receipt.code);
    assert_eq!(h.state.queue.waiting(), 1);

    // 90 s later the countdown appears; 30 s after that everything about the person goes.
    h.wait(89_000);
    assert_eq!(h.state.visit.overlay, None);
    h.wait(1_000);
    assert!(matches!(
        h.state.visit.overlay,
        Some(Overlay::Countdown { .. })
    ));
    let countdown = h.screen();
    assert!(countdown.contains("30 秒"), "{countdown}");
    h.wait(30_000);
    assert_eq!(h.state.visit.screen, Screen::Welcome);
    assert_eq!(h.state.visit.card, None);
    assert!(h.state.visit.back.is_empty());
    assert!(h.state.visit.my_signups().is_none());
    assert!(h.state.visit.field.is_empty());
    assert!(h.state.visit.nearby.is_empty());
    assert_eq!(h.state.visit.overlay, None);
    let after = h.screen();
    assert!(!after.contains("0016"), "{after}");
    assert!(!after.contains(&receipt.code));
    let title = h
        .state
        .catalogue
        .texts(activity)
        .title
        .get(Lang::Zh)
        .to_string();
    assert!(!after.contains(&title));
    // What the kiosk itself knows (not personal) stays.
    assert_eq!(h.state.queue.waiting(), 1);
}

#[test]
fn the_same_card_and_session_gives_back_the_first_signup() {
    let mut h = Harness::demo();
    h.sign_up();
    let Screen::Receipt(first) = h.state.visit.screen.clone() else {
        panic!()
    };
    // Finish, come back, do it again.
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.screen, Screen::Welcome);
    h.sign_up();
    let Screen::Receipt(second) = h.state.visit.screen.clone() else {
        panic!()
    };
    assert!(second.existing);
    assert_eq!(second.code, first.code);
    assert!(h.screen().contains("您已经报过这个活动了"));
    assert_eq!(h.exec.outbox.all().unwrap().len(), 1);
}

#[test]
fn look_around_first_then_the_card_is_asked_for_at_signup() {
    let mut h = Harness::demo();
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    h.open_nearby(HERE_TODAY);
    h.key(Key::Char('1'));
    let Screen::CardEntry(session) = h.state.visit.screen else {
        panic!(
            "expected to be asked for the card, got {:?}",
            h.state.visit.screen
        )
    };
    // Typed on the keypad with a slip, corrected with Backspace.
    h.type_keys("1101 0800 0000 0017");
    h.enter();
    assert_eq!(
        h.state.visit.notice,
        Some(Notice::Card(CardError::CheckDigit))
    );
    let text = h.screen();
    assert!(text.contains("校验位不对"), "{text}");
    h.key(Key::Backspace);
    h.type_keys("6");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::Confirm(session));
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
}

#[test]
fn every_refusal_names_its_reason() {
    let mut h = rules();
    h.swipe(CARD);

    // Full: listed and shown as full in words; choosing it is not a dead end but the
    // waiting list, right there.
    open_activity(&mut h, "full");
    assert!(h.screen().contains("已满"));
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Full(_)));
    assert!(h.screen().contains("加入候补名单"), "{}", h.screen());

    // Cancelled.
    h.key(Key::Esc);
    h.key(Key::Esc);
    open_activity(&mut h, "cancelled");
    h.lang(Lang::En);
    assert!(h.screen().contains("This activity has been cancelled"));
    h.key(Key::Char('1'));
    assert_eq!(
        h.state.visit.notice,
        Some(Notice::Refused(Refusal::Cancelled))
    );
    assert!(h.screen().contains("Ask staff for help."));

    // Started: chosen at 09:00, confirmed at 09:31 after the 09:30 start. The outbox's own
    // final check refuses it, and the person is told why.
    h.key(Key::Esc);
    open_activity(&mut h, "soon");
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Confirm(_)));
    h.set_now("2026-11-23T09:31:00+08:00");
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Confirm(_)));
    assert_eq!(
        h.state.visit.notice,
        Some(Notice::Refused(Refusal::Started))
    );
    assert!(h.screen().contains("already started"));
    // And the started session is no longer offered.
    h.key(Key::Esc);
    assert!(!h.screen().contains("09:30-10:30"));
    assert!(h.exec.outbox.all().unwrap().is_empty());
}

#[test]
fn the_last_seat_goes_to_one_card_only() {
    let mut h = rules();
    h.swipe(CARD);
    open_activity(&mut h, "one-seat");
    h.key(Key::Char('1'));
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    h.key(Key::Char('1'));
    h.swipe(OTHER_CARD);
    open_activity(&mut h, "one-seat");
    assert!(
        h.screen().contains("已满"),
        "held sign-ups count against the seats"
    );
    h.key(Key::Char('1'));
    assert!(
        matches!(h.state.visit.screen, Screen::Full(_)),
        "the last seat is taken: the waiting list is offered"
    );
}

#[test]
fn taps_alone_walk_the_whole_path() {
    let mut h = Harness::demo();
    h.tap(Action::Primary);
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    h.tap(Action::Choose(0));
    assert!(matches!(h.state.visit.screen, Screen::Activity(_)));
    h.tap(Action::Choose(0));
    assert!(matches!(h.state.visit.screen, Screen::CardEntry(_)));
    // The card number typed on the on-screen pad, with a slip put right.
    for d in "11010800000000169".bytes() {
        h.tap(Action::Digit(d - b'0'));
    }
    assert_eq!(
        h.state.visit.field, CARD,
        "the field holds 16 digits at most"
    );
    h.tap(Action::Erase);
    h.tap(Action::Digit(6));
    h.tap(Action::Primary);
    assert!(matches!(h.state.visit.screen, Screen::Confirm(_)));
    h.tap(Action::Primary);
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    h.tap(Action::Choose(1));
    assert_eq!(h.state.visit.screen, Screen::Home);
    h.tap(Action::Choose(2));
    assert_eq!(h.state.visit.screen, Screen::MySignups);
    assert_eq!(h.state.visit.my_signups().map(|l| l.len()), Some(1));
    h.tap(Action::ToggleLanguage);
    assert!(h.screen().contains("My sign-ups"));
    h.tap(Action::Help);
    assert_eq!(h.state.visit.overlay, Some(Overlay::Help));
    h.tap(Action::Help);
    assert_eq!(h.state.visit.overlay, None);
    h.tap(Action::Back);
    assert_eq!(h.state.visit.screen, Screen::Home);
    h.tap(Action::Choose(3));
    assert_eq!(h.state.visit.screen, Screen::Welcome);
    assert_eq!(h.state.visit.card, None);
}

#[test]
fn filters_by_category_audience_and_day() {
    let mut h = Harness::demo();
    h.enter();
    let all = h.state.visit.nearby.len();
    // On the keypad: "." opens the filter menu, 1 the categories, 2 the first category.
    h.key(Key::Char('.'));
    assert_eq!(h.state.visit.screen, Screen::FilterMenu);
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Filter(_)));
    h.key(Key::Char('2'));
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    let cat = h
        .state
        .visit
        .filters
        .category
        .expect("a category was chosen");
    assert!(!h.state.visit.nearby.is_empty() && h.state.visit.nearby.len() < all);
    assert!(
        h.state
            .visit
            .nearby
            .iter()
            .all(|i| h.state.catalogue.activity(i.activity).category == cat)
    );
    // Audience by tapping its tab.
    h.tap(Action::OpenFilter(
        learning_kiosk::app::filters::FilterKind::Audience,
    ));
    h.tap(Action::Choose(2));
    let audience = h.state.visit.filters.audience.expect("an audience");
    // Each is for that audience, or for everyone (so for them too).
    assert!(h.state.visit.nearby.iter().all(|i| {
        let meant = h.state.catalogue.activity(i.activity).audience;
        meant.contains(audience) || meant.contains(learning_kiosk::catalogue::Audience::Everyone)
    }));
    // Day: tomorrow.
    h.key(Key::Char('.'));
    h.key(Key::Char('3'));
    h.key(Key::Char('3'));
    let tomorrow = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(h.state.visit.filters.day, Some(tomorrow));
    assert!(
        h.state
            .visit
            .nearby
            .iter()
            .all(|i| i.session.date == tomorrow)
    );
    // Back to all categories; Back from a chooser returns to the list, not the menu.
    h.key(Key::Char('.'));
    h.key(Key::Char('1'));
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.filters.category, None);
    h.key(Key::Char('.'));
    h.key(Key::Char('2'));
    h.key(Key::Esc);
    assert_eq!(h.state.visit.screen, Screen::Nearby);
}

#[test]
fn language_switch_keeps_the_place() {
    let mut h = Harness::demo();
    h.enter();
    h.key(Key::Down);
    h.key(Key::Down);
    h.key(Key::Enter);
    let screen = h.state.visit.screen.clone();
    h.key(Key::Down);
    let focus = h.state.visit.focus;
    let zh = h.screen();
    h.key(Key::F(2));
    assert_eq!(h.state.visit.lang, Lang::En);
    assert_eq!(h.state.visit.screen, screen);
    assert_eq!(h.state.visit.focus, focus);
    let en = h.screen();
    assert_ne!(zh, en);
    assert!(en.contains("Choose a time to sign up"));
    h.key(Key::F(2));
    assert_eq!(h.screen(), zh);
}

#[test]
fn paging_with_plus_and_minus() {
    let mut h = Harness::demo();
    h.enter();
    let page = learning_kiosk::app::screens::page_len(&h.state);
    h.key(Key::Char('+'));
    assert_eq!(h.state.visit.focus, page);
    assert!(h.screen().contains("第 2 页"));
    // On page 2, digit 1 picks the first row of that page.
    let expected = h.state.visit.nearby[page].activity;
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.screen, Screen::Activity(expected));
    h.key(Key::Backspace);
    h.key(Key::Char('-'));
    assert_eq!(h.state.visit.focus, 0);
}

#[test]
fn a_different_card_closes_the_previous_persons_session() {
    let mut h = Harness::demo();
    h.swipe(CARD);
    h.key(Key::Char('3'));
    assert_eq!(h.state.visit.screen, Screen::MySignups);
    h.swipe(OTHER_CARD);
    assert_eq!(h.state.visit.screen, Screen::Home);
    assert_eq!(h.state.visit.notice, Some(Notice::NewPerson));
    assert!(h.state.visit.back.is_empty());
    let text = h.screen();
    assert!(text.contains("1101 **** **** 0126"));
    assert!(!text.contains("0016"));
}

#[test]
fn a_bad_swipe_is_refused_with_its_reason_in_either_language() {
    let mut h = Harness::demo();
    h.swipe(";1101080000000017=2912?");
    assert_eq!(
        h.state.visit.notice,
        Some(Notice::Card(CardError::CheckDigit))
    );
    assert!(h.screen().contains("校验位不对"));
    h.key(Key::F(2));
    h.swipe("1199990000000019");
    assert!(h.screen().contains("119999 is not one"));
    h.swipe("hello world");
    assert!(h.screen().contains("digits only"));
    assert_eq!(h.state.visit.card, None);
}

#[test]
fn the_countdown_can_be_put_off_again_and_again() {
    let mut h = Harness::demo();
    h.swipe(CARD);
    for _ in 0..12 {
        h.wait(90_000);
        assert!(matches!(
            h.state.visit.overlay,
            Some(Overlay::Countdown { .. })
        ));
        h.wait(29_000);
        h.tap(Action::Continue);
        assert_eq!(h.state.visit.overlay, None);
        assert_eq!(h.state.visit.screen, Screen::Home, "the tap only continues");
    }
    assert!(h.state.visit.card.is_some());
}

#[test]
fn assisted_mode_doubles_the_idle_time() {
    let site = learning_kiosk::config::load::load_site_file(std::path::Path::new(
        "kiosk-config/xicheng-elder-university.toml",
    ))
    .unwrap();
    let mut h = Harness::with(
        site,
        learning_kiosk::catalogue::demo::demo_catalogue().unwrap(),
        common::NOW,
    );
    h.swipe(CARD);
    h.wait(120_000);
    assert_eq!(h.state.visit.overlay, None);
    h.wait(120_000);
    assert!(matches!(
        h.state.visit.overlay,
        Some(Overlay::Countdown { .. })
    ));
    h.wait(59_000);
    assert!(h.state.visit.card.is_some());
    h.wait(1_000);
    assert!(h.state.visit.card.is_none());
}

#[test]
fn staff_leave_with_the_chord_and_the_pin_only() {
    let mut h = Harness::demo();
    h.send(Msg::StaffChord);
    assert_eq!(h.state.visit.screen, Screen::StaffPin);
    h.type_keys("1111");
    assert!(h.screen().contains("****"));
    assert!(!h.screen().contains("1111"));
    h.enter();
    assert_eq!(h.state.visit.notice, Some(Notice::WrongPin));
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    assert_eq!(h.quit, None);
    h.key(Key::Char('1'));
    assert_eq!(h.quit, Some(0));
}

#[test]
fn a_reader_burst_never_types_into_the_pin() {
    let mut h = Harness::demo();
    h.send(Msg::StaffChord);
    h.swipe(CARD);
    assert!(h.state.visit.field.is_empty());
    assert_eq!(h.state.visit.card, None);
}

#[test]
fn a_full_disk_says_the_signup_was_not_saved() {
    let mut h = rules();
    // Fill the outbox up to a page limit with other people's sign-ups to the weekly class.
    h.exec.outbox.limit_pages(3).unwrap();
    let now = common::moment(common::NOW);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut filled = 0;
    for serial in 1..2000 {
        let card =
            learning_kiosk::domain::card::CardNumber::parse(&card_for("110105", serial)).unwrap();
        match learning_kiosk::signup::sign_up(
            &mut h.exec.outbox,
            &h.state.catalogue,
            &card,
            "weekly",
            date,
            &now,
            learning_kiosk::signup::Ask::Seat,
        ) {
            Ok(_) => filled += 1,
            Err(learning_kiosk::signup::SignupError::Storage(
                learning_kiosk::outbox::OutboxError::DiskFull,
            )) => break,
            Err(other) => panic!("{other:?}"),
        }
    }
    assert!(
        filled > 0 && filled < 1999,
        "the page limit was never reached"
    );
    h.swipe(CARD);
    open_activity(&mut h, "weekly");
    h.key(Key::Char('2'));
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Confirm(_)));
    assert_eq!(h.state.visit.notice, Some(Notice::DiskFull));
    assert!(h.screen().contains("这次报名没有保存"));
    let all = h.exec.outbox.all().unwrap();
    assert_eq!(all.len(), filled);
    assert!(all.iter().all(|r| r.card_digits != CARD));
}

/// Keys a member of the public can press, including the ones that leave other programs.
fn public_key() -> impl Strategy<Value = Msg> {
    prop_oneof![
        proptest::char::range(' ', '~').prop_map(|c| Msg::Key(Key::Char(c))),
        Just(Msg::Key(Key::Enter)),
        Just(Msg::Key(Key::Esc)),
        Just(Msg::Key(Key::Backspace)),
        Just(Msg::Key(Key::Tab)),
        Just(Msg::Key(Key::Up)),
        Just(Msg::Key(Key::Down)),
        Just(Msg::Key(Key::PageUp)),
        Just(Msg::Key(Key::PageDown)),
        Just(Msg::Key(Key::Home)),
        Just(Msg::Key(Key::Other)),
        (1u8..=24).prop_map(|n| Msg::Key(Key::F(n))),
        Just(Msg::CardSwiped(CARD.to_string())),
        Just(Msg::Touch),
        (0u16..120, 0u16..40).prop_map(|(x, y)| Msg::Resize(x.max(20), y.max(10))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No key a member of the public can press leaves the kiosk, and no screen fails to draw.
    #[test]
    fn no_public_key_leaves_the_kiosk(keys in proptest::collection::vec(public_key(), 1..120)) {
        let mut h = Harness::demo();
        for msg in keys {
            h.send(msg);
            prop_assert_eq!(h.quit, None);
        }
    }
}

#[test]
fn nothing_takes_the_person_away_while_saving() {
    let mut h = Harness::demo();
    h.swipe(CARD);
    h.key(Key::Char('1'));
    h.open_nearby(HERE_TODAY);
    h.key(Key::Char('1'));
    // Enter, and the effect is held back as if the disk were slow.
    let effects = h.send_only(Msg::Key(Key::Enter));
    assert!(matches!(h.state.visit.screen, Screen::Saving(_)));
    for msg in [
        Msg::Key(Key::Esc),
        Msg::Key(Key::Home),
        Msg::Key(Key::Backspace),
        Msg::Action(Action::Back),
        Msg::Action(Action::Home),
        Msg::Action(Action::Finish),
        Msg::StaffChord,
        Msg::CardSwiped(OTHER_CARD.into()),
    ] {
        h.send_only(msg);
        assert!(matches!(h.state.visit.screen, Screen::Saving(_)));
    }
    h.key(Key::Char('*'));
    assert_eq!(h.state.visit.lang, Lang::En);
    // The save completes: the receipt appears.
    for effect in effects {
        if let Some(msg) = h.exec.run(effect) {
            h.send(msg);
        }
    }
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    assert!(h.screen().contains("Saved on this kiosk"));
}

#[test]
fn wrong_staff_pins_lock_the_prompt_even_across_idle_resets() {
    let mut h = Harness::demo();
    for _ in 0..3 {
        h.send(Msg::StaffChord);
        h.type_keys("1111");
        h.enter();
    }
    assert_eq!(h.state.visit.notice, Some(Notice::PinLocked(30)));
    // Forgetting the person (idle reset, Finish, a new card) does not lift the lock.
    h.state.forget_person();
    assert_eq!(h.state.visit.screen, Screen::Welcome);
    h.send(Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert!(
        matches!(h.state.visit.notice, Some(Notice::PinLocked(_))),
        "locked even for the right PIN"
    );
    assert_eq!(h.state.visit.screen, Screen::StaffPin);
    assert!(h.screen().contains("密码错误次数太多"));
    // After the lock, the right PIN works; the next wrong one locks for twice as long.
    h.wait(30_000);
    h.type_keys("1111");
    h.enter();
    assert_eq!(h.state.visit.notice, Some(Notice::PinLocked(60)));
    h.wait(60_000);
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    assert_eq!(h.state.pin_failures, 0);
}

#[test]
fn the_staff_page_shows_a_rebuilt_outbox_until_staff_have_seen_it() {
    let mut h = Harness::demo();
    h.send(Msg::OutboxRebuilt { recovered: 41 });
    // It survives an idle reset (it is for staff, not about a person)...
    h.swipe(CARD);
    h.state.forget_person();
    assert_eq!(h.state.staff_notice, Some(Notice::OutboxRebuilt(41)));
    // ...and is shown on the staff page, then cleared when staff leave it.
    h.send(Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert!(h.screen().contains("找回了 41 条报名"));
    h.key(Key::Esc);
    assert_eq!(h.state.staff_notice, None);
}

/// A held sign-up is listed on the staff page with its reason, and the page's button sends
/// it again.
#[test]
fn staff_send_held_sign_ups_again_from_their_page() {
    let mut h = rules();
    let now = common::moment(common::NOW);
    let card = learning_kiosk::domain::card::CardNumber::parse(CARD).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let saved = learning_kiosk::signup::sign_up(
        &mut h.exec.outbox,
        &h.state.catalogue,
        &card,
        "weekly",
        date,
        &now,
        learning_kiosk::signup::Ask::Seat,
    )
    .unwrap();
    let code = saved.record().code.clone();
    h.exec
        .outbox
        .park(&saved.record().uuid, "too_large", &now)
        .unwrap();
    h.send(Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    let page = h.screen();
    assert!(page.contains(&code), "{page}");
    assert!(page.contains("区里的服务器说它太大"), "{page}");
    assert!(page.contains("重新发送暂扣的报名"), "{page}");
    h.state.visit.focus = 1;
    h.key(Key::Enter);
    assert_eq!(h.state.visit.notice, Some(Notice::HeldResent(1)));
    assert_eq!(
        h.state.visit.focus, 0,
        "the focus stays on a button that is there"
    );
    assert_eq!(h.exec.outbox.waiting(10).unwrap().len(), 1);
    // Nothing is left to send again: the button goes.
    assert!(!h.screen().contains("重新发送暂扣的报名"));
}

/// The words say what happens: a typed card is not "removed", the map's 0 re-centres (the
/// person stays on the map), a filter asks its question, and staff are not told to ask
/// staff.
#[test]
fn wordings_say_what_happens() {
    for lang in [Lang::En, Lang::Zh] {
        let said = |en: &'static str, zh: &'static str| if lang == Lang::En { en } else { zh };
        let mut h = Harness::demo();
        h.lang(lang);
        h.type_keys(&CARD.replace(' ', ""));
        h.enter();
        assert_eq!(h.state.visit.screen, Screen::Home);
        let home = h.screen();
        assert!(
            home.contains(said("Finish: end my visit", "完成，结束使用")),
            "{home}"
        );
        assert!(
            !home.contains("remove my card") && !home.contains("退出我的卡"),
            "{home}"
        );

        h.key(Key::F(4));
        let map = h.screen();
        assert!(
            map.contains(said("Centre on this kiosk", "地图移回本机")),
            "{map}"
        );
        h.key(Key::Char('0'));
        assert_eq!(
            h.state.visit.screen,
            Screen::Map,
            "0 re-centres; it does not leave"
        );

        h.key(Key::Home);
        h.send(Msg::Action(Action::OpenNearby));
        h.key(Key::Char('.'));
        h.key(Key::Char('2'));
        let filter = h.screen();
        assert!(
            filter.contains(said("Who should it be for?", "选择适合的人群")),
            "{filter}"
        );
        assert!(!filter.contains("Choose: For"), "{filter}");

        h.send(Msg::StaffChord);
        h.type_keys("1111");
        h.enter();
        let pin = h.screen();
        assert!(
            pin.contains(said("That PIN is not right.", "密码不对。")),
            "{pin}"
        );
        assert!(!pin.contains(said("Ask staff", "找工作人员")), "{pin}");
    }
}

/// A kiosk without a hub says it stands alone, not that it is offline (for ever).
#[test]
fn a_kiosk_without_a_hub_says_it_stands_alone() {
    let mut h = Harness::demo();
    assert!(h.state.site.hub.is_none());
    for (lang, alone, offline) in [
        (Lang::En, "Stand-alone", "Offline"),
        (Lang::Zh, "单机", "未联网"),
    ] {
        h.lang(lang);
        let top = h.screen().lines().next().unwrap_or_default().to_string();
        assert!(top.contains(alone) && !top.contains(offline), "{top}");
    }
}

/// The farming-first home's first choice is a list of farming and activities for farmers
/// that says so in its heading and its category chip; farming is the first category there,
/// and choosing "all" lifts it.
#[test]
fn the_farming_first_home_filters_to_farming_and_says_so() {
    use learning_kiosk::catalogue::{Audience, Category};
    let site = learning_kiosk::config::load::load_site_file(std::path::Path::new(
        "kiosk-config/miyun-xiwengzhuang-station.toml",
    ))
    .unwrap();
    let demo = learning_kiosk::catalogue::demo::demo_catalogue;
    for (lang, title, chip, farming) in [
        (
            Lang::En,
            "Farming, and for farmers, nearby",
            "Category: Farming, and for farmers",
            "Farming",
        ),
        (
            Lang::Zh,
            "附近的农业活动和面向农民的活动",
            "类别: 农业和面向农民",
            "农业",
        ),
    ] {
        let mut h = Harness::with(site.clone(), demo().unwrap(), common::NOW);
        h.lang(lang);
        h.swipe(CARD);
        h.key(Key::Char('1'));
        assert_eq!(h.state.visit.screen, Screen::Nearby);
        let all_farming = h.state.visit.nearby.iter().all(|item| {
            let a = h.state.catalogue.activity(item.activity);
            a.category == Category::Farming || a.audience.contains(Audience::Farmers)
        });
        assert!(!h.state.visit.nearby.is_empty() && all_farming);
        let list = h.screen();
        assert!(list.contains(title), "{list}");
        assert!(list.contains(chip), "{list}");

        // The category chooser: farming first, and "all" marked only once it is chosen.
        h.key(Key::Char('.'));
        h.key(Key::Char('1'));
        let chooser = h.screen();
        let first = chooser
            .lines()
            .find(|l| l.contains(" 2 "))
            .unwrap_or_default();
        assert!(first.contains(farming), "{chooser}");
        h.key(Key::Char('1'));
        assert_eq!(h.state.visit.screen, Screen::Nearby);
        assert!(
            !h.state.visit.filters.farming,
            "all lifts the farming filter"
        );
        assert!(!h.screen().contains(title));
    }
}

/// A keypad-only station says "press", never "tap", and its buttons name only keys it has
/// (no F-keys, Esc or Home); its welcome screen has a keypad way to the map. A touchscreen
/// site still says "tap".
#[test]
fn a_keypad_station_says_press_and_shows_only_its_keys() {
    let site = learning_kiosk::config::load::load_site_file(std::path::Path::new(
        "kiosk-config/miyun-xiwengzhuang-station.toml",
    ))
    .unwrap();
    assert!(!site.touchscreen);
    let demo = learning_kiosk::catalogue::demo::demo_catalogue;
    for lang in [Lang::En, Lang::Zh] {
        let mut h = Harness::with(site.clone(), demo().unwrap(), common::NOW);
        h.lang(lang);
        let mut seen = vec![("welcome", h.screen())];
        h.key(Key::F(1));
        seen.push(("welcome help", h.screen()));
        h.key(Key::F(1));
        h.swipe(CARD);
        seen.push(("home", h.screen()));
        h.key(Key::Char('/'));
        seen.push(("home help", h.screen()));
        for (name, screen) in &seen {
            for missing in [
                "tap",
                "Tap",
                "点一下",
                "点上面",
                "F1",
                "F2",
                "F3",
                "F4",
                "Esc",
                "Home",
            ] {
                assert!(
                    !screen.contains(missing),
                    "{missing:?} on the {name}:\n{screen}"
                );
            }
        }
        let home = &seen[2].1;
        let press = if lang == Lang::En {
            "Press a number."
        } else {
            "请按数字键。"
        };
        assert!(home.contains(press), "{home}");

        // From the welcome screen, the keypad's + opens the map.
        let mut h = Harness::with(site.clone(), demo().unwrap(), common::NOW);
        h.key(Key::Char('+'));
        assert_eq!(h.state.visit.screen, Screen::Map);
    }
    let mut touch = Harness::demo();
    touch.lang(Lang::En);
    touch.swipe(CARD);
    assert!(touch.screen().contains("Press a number or tap."));
}
