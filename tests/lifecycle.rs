//! The life of a sign-up at the screen, driven headlessly through `update` with a real
//! outbox on disk: a full session's waiting list, a receipt opened again and cancelled,
//! good news from the hub, checking in at a venue, and the learning record.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness, OTHER_CARD, life};
use learning_kiosk::app::state::Notice;
use learning_kiosk::app::{Action, Key, Msg, Screen};
use learning_kiosk::catalogue::change::Change;
use learning_kiosk::domain::card::CardNumber;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::outbox::{Kind, Status};
use learning_wire::{CardAnswer, LearningRecord, Place};

/// The rules catalogue's kiosk (with a hub, at its venue, as asked), in English.
fn kiosk(hub: bool, venue: bool) -> Harness {
    let mut h = life::kiosk(false, hub, venue);
    h.lang(Lang::En);
    h
}

fn open_activity(h: &mut Harness, id: &str) {
    h.send(Msg::Action(Action::OpenNearby));
    let index = h.nearby_index(id);
    h.send(Msg::Action(Action::Choose(index)));
}

/// What the page in front says (large glyphs hide words from the screen's text): its
/// title, facts, note and choices.
fn said(h: &Harness) -> String {
    let Some(page) = learning_kiosk::ui::model::page(&h.state) else {
        return String::new();
    };
    let mut words = vec![page.title.clone()];
    words.extend(page.facts.iter().cloned());
    words.extend(page.note.iter().cloned());
    words.extend(page.choices.iter().map(|c| c.label.clone()));
    words.join("\n")
}

fn card() -> CardNumber {
    CardNumber::parse(CARD).unwrap()
}

#[test]
fn a_full_session_offers_its_waiting_list_and_the_receipt_says_it_is_not_a_seat() {
    let mut h = kiosk(false, false);
    h.swipe(CARD);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    h.send(Msg::CatalogueChanges(vec![Change::Seats {
        activity: "full".into(),
        date,
        taken: 2,
        waiting: 5,
    }]));
    open_activity(&mut h, "full");
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Full(_)));
    let full = said(&h);
    assert!(full.contains("About 5 people are waiting"), "{full}");
    assert!(full.contains("Join the waiting list"), "{full}");
    h.key(Key::Char('1'));
    assert!(matches!(h.state.visit.screen, Screen::Confirm(_)));
    assert!(h.screen().contains("not a seat"), "{}", h.screen());
    h.enter();
    let Screen::Receipt(receipt) = h.state.visit.screen.clone() else {
        panic!("no receipt: {:?}", h.state.visit.screen);
    };
    assert_eq!(receipt.kind, Kind::Waitlist);
    let text = h.screen();
    assert!(text.contains("You are on the waiting list"), "{text}");
    assert!(text.contains("not a seat"), "{text}");
    let saved = h.exec.outbox.all().unwrap();
    assert_eq!((saved.len(), saved[0].kind), (1, Kind::Waitlist));
}

#[test]
fn a_row_of_my_sign_ups_opens_its_receipt_and_cancels_behind_a_plain_question() {
    let mut h = kiosk(false, false);
    h.swipe(CARD);
    open_activity(&mut h, "weekly");
    h.key(Key::Char('1'));
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    h.key(Key::Char('2'));
    h.send(Msg::Action(Action::OpenMySignups));
    h.key(Key::Char('1'));
    let Screen::Receipt(receipt) = h.state.visit.screen.clone() else {
        panic!(
            "the row did not open its receipt: {:?}",
            h.state.visit.screen
        );
    };
    assert!(!receipt.qr.is_empty(), "with its QR code");
    assert!(h.screen().contains("Cancel this sign-up"), "{}", h.screen());
    h.key(Key::Char('3'));
    assert!(matches!(h.state.visit.screen, Screen::CancelAsk(_)));
    // 2 keeps it.
    h.key(Key::Char('2'));
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    assert!(h.exec.outbox.waiting(10).unwrap().len() == 1);
    h.key(Key::Char('3'));
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.screen, Screen::MySignups);
    assert_eq!(h.state.visit.notice, Some(Notice::Cancelled));
    let list = h.screen();
    assert!(list.contains("Cancelling"), "{list}");
    let rows = h.exec.outbox.all().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].kind, Kind::Cancel);
    assert_eq!(rows[1].target.as_deref(), Some(rows[0].uuid.as_str()));
    // The cancelled place offers no second cancel.
    h.key(Key::Char('1'));
    assert!(
        !h.screen().contains("Cancel this sign-up"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_place_cannot_be_cancelled_once_its_session_has_started() {
    let mut h = kiosk(false, false);
    h.swipe(CARD);
    open_activity(&mut h, "soon");
    h.key(Key::Char('1'));
    h.enter();
    h.key(Key::Char('2'));
    h.send(Msg::Action(Action::OpenMySignups));
    h.key(Key::Char('1'));
    h.key(Key::Char('3'));
    assert!(matches!(h.state.visit.screen, Screen::CancelAsk(_)));
    // The person waits past the start before saying yes.
    h.set_now("2026-11-23T09:31:00+08:00");
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.notice, Some(Notice::CancelTooLate));
    assert_eq!(h.exec.outbox.all().unwrap().len(), 1, "no cancel saved");
    // Opened again now, the receipt offers no cancel.
    h.key(Key::Esc);
    h.key(Key::Esc);
    h.key(Key::Char('1'));
    assert!(
        !h.screen().contains("Cancel this sign-up"),
        "{}",
        h.screen()
    );
}

fn answer(places: Vec<Place>, record: LearningRecord) -> Msg {
    Msg::CardLooked {
        card: card(),
        answer: Ok(CardAnswer { places, record }),
    }
}

#[test]
fn good_news_is_said_at_once_when_the_hub_says_a_place_moved_up() {
    let mut h = kiosk(true, false);
    h.swipe(CARD);
    assert_eq!(h.state.visit.screen, Screen::Home);
    h.send(answer(vec![life::moved_up()], LearningRecord::default()));
    assert!(matches!(h.state.visit.screen, Screen::GoodNews(_)));
    let text = said(&h);
    assert!(text.contains("Good news"), "{text}");
    assert!(text.contains("A weekly class"), "{text}");
    h.key(Key::Char('1'));
    assert_eq!(h.state.visit.screen, Screen::Home);
    // The place, taken at another kiosk, is in "My sign-ups" with its code.
    h.send(Msg::Action(Action::OpenMySignups));
    let list = h.screen();
    assert!(list.contains("taken at another kiosk"), "{list}");
    assert_eq!(
        h.state.visit.my_signups().unwrap()[0].status,
        Status::Confirmed
    );
}

#[test]
fn an_answer_for_the_last_card_is_never_shown_to_the_next() {
    let mut h = kiosk(true, false);
    h.swipe(CARD);
    h.swipe(OTHER_CARD);
    h.send(answer(vec![life::moved_up()], LearningRecord::default()));
    assert_eq!(
        h.state.visit.screen,
        Screen::Home,
        "not the last person's good news"
    );
}

#[test]
fn at_a_venue_a_walk_in_takes_a_free_seat_and_a_card_with_a_seat_is_checked_in_once() {
    let mut h = kiosk(false, true);
    let checkins = |h: &Harness, card: &str| -> Vec<Kind> {
        h.exec
            .outbox
            .all()
            .unwrap()
            .into_iter()
            .filter(|r| r.card_digits == card)
            .map(|r| r.kind)
            .collect()
    };
    // 09:00; "soon" starts at 09:30 here: check-in is open. This card holds no place.
    h.swipe(CARD);
    assert_eq!(h.state.visit.screen, Screen::CheckIn);
    let offer = said(&h);
    assert!(offer.contains("not signed up"), "{offer}");
    assert!(offer.contains("Take a free seat: Starting soon"), "{offer}");
    h.key(Key::Char('1'));
    let done = said(&h);
    assert!(done.starts_with("Checked in"), "{done}");
    assert!(done.contains("Starting soon"), "{done}");
    assert_eq!(checkins(&h, CARD), [Kind::Signup, Kind::Checkin]);
    // Read again: said, and counted once.
    h.swipe(CARD);
    assert!(
        said(&h).starts_with("You are already checked in"),
        "{}",
        said(&h)
    );
    assert_eq!(checkins(&h, CARD), [Kind::Signup, Kind::Checkin]);

    // Another card, read before the first person finished: a new person, checking in too.
    // It signs up first (from the home menu), leaves, and comes back: checked in at once.
    h.swipe(OTHER_CARD);
    assert_eq!(h.state.visit.screen, Screen::CheckIn);
    assert_eq!(h.state.visit.notice, Some(Notice::NewPerson));
    h.lang(Lang::En);
    h.key(Key::Char('2'));
    assert_eq!(h.state.visit.screen, Screen::Home);
    open_activity(&mut h, "soon");
    h.key(Key::Char('1'));
    h.enter();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    h.key(Key::Char('1'));
    h.swipe(OTHER_CARD);
    h.lang(Lang::En);
    assert!(said(&h).starts_with("Checked in"), "{}", said(&h));
    assert_eq!(checkins(&h, OTHER_CARD), [Kind::Signup, Kind::Checkin]);

    // The staff page lists today's sessions here: signed up, waiting, checked in.
    h.key(Key::Char('2'));
    h.send(Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    h.lang(Lang::En);
    let staff = h.screen();
    assert!(staff.contains("Today at this venue"), "{staff}");
    assert!(
        staff.contains("09:30 Starting soon: 2/30, 0 waiting, 2 checked in"),
        "{staff}"
    );
}

#[test]
fn the_learning_record_comes_from_the_hub_and_offline_says_what_waits_here() {
    let mut h = kiosk(true, false);
    h.swipe(CARD);
    h.key(Key::Char('5'));
    assert!(
        said(&h).contains("Asking the learning centre"),
        "{}",
        said(&h)
    );
    h.send(answer(Vec::new(), life::record_of_ten()));
    assert_eq!(h.state.visit.screen, Screen::Record);
    let text = said(&h);
    assert!(
        text.contains("3 sessions, 4.5 hours, 1.5 credits"),
        "{text}"
    );
    assert!(
        text.contains("10 sessions, 15.0 hours, 5.0 credits"),
        "{text}"
    );

    let mut offline = kiosk(true, false);
    offline.swipe(CARD);
    offline.key(Key::Char('5'));
    offline.send(Msg::CardLooked {
        card: card(),
        answer: Err("the hub cannot be reached".into()),
    });
    let text = said(&offline);
    assert!(text.contains("needs the connection"), "{text}");
}

/// In assisted mode "checked in" and good news are said aloud, not only shown.
#[test]
fn assisted_mode_says_checked_in_and_good_news() {
    let mut h = life::kiosk(true, false, true);
    h.lang(Lang::En);
    life::to_check_in_done(&mut h);
    h.render();
    let said = h.said.join(" | ");
    assert!(said.contains("Checked in"), "{said}");

    let mut h = life::kiosk(true, true, false);
    h.lang(Lang::En);
    life::to_good_news(&mut h);
    h.render();
    let said = h.said.join(" | ");
    assert!(said.contains("Good news: you have a seat!"), "{said}");
}
