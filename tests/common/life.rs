//! Kiosks and screens of a sign-up's life (the waiting list, a receipt opened again and
//! cancelled, good news, checking in, the learning record), for the standard and assisted
//! snapshots alike. Codes and times are fixed, so snapshots are the same every run.

#![allow(dead_code)] // Each test file uses some of these.

use learning_kiosk::app::msg::Action;
use learning_kiosk::app::{Key, Msg, Screen};
use learning_kiosk::catalogue::change::Change;
use learning_kiosk::config::load::demo_site;
use learning_kiosk::config::site::HubSettings;
use learning_kiosk::outbox::{Kind, Saved, SignupView, Status};
use learning_wire::{AnswerStatus, CardAnswer, LearningRecord, Place, Totals};

use super::{CARD, Harness, NOW, record, rules_catalogue};

/// The rules catalogue's kiosk: assisted or standard, with a hub, standing at its venue.
pub fn kiosk(assisted: bool, hub: bool, venue: bool) -> Harness {
    let mut site = demo_site().expect("demo site");
    if assisted {
        site.mode = learning_kiosk::config::Mode::Assisted;
    }
    if hub {
        site.hub = Some(HubSettings {
            url: "https://hub.example.cn".into(),
            token_file: "/etc/learning-kiosk/hub-token".into(),
            sync_interval_seconds: 60,
            byte_budget_per_hour: None,
            batch_size: 50,
        });
    }
    if venue {
        site.venue = Some("here".into());
    }
    Harness::with(site, rules_catalogue(), NOW)
}

/// The weekly class's first session (today, 10:00), full with three waiting; the activity
/// open on it.
pub fn to_full(k: &mut Harness) {
    k.swipe(CARD);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    k.send(Msg::CatalogueChanges(vec![Change::Seats {
        activity: "weekly".into(),
        date,
        taken: 5000,
        waiting: 3,
    }]));
    let id = k.state.catalogue.activity_by_id("weekly").expect("weekly");
    k.state.visit.screen = Screen::Activity(id);
    k.send(Msg::Action(Action::Choose(0)));
    assert!(
        matches!(k.state.visit.screen, Screen::Full(_)),
        "{:?}",
        k.state.visit.screen
    );
}

/// "Join the waiting list for this session?"
pub fn to_confirm_waitlist(k: &mut Harness) {
    to_full(k);
    k.key(Key::Char('1'));
    assert!(matches!(k.state.visit.screen, Screen::Confirm(_)));
}

/// The receipt of a waiting place (the hub said: 3rd in line).
pub fn to_receipt_waitlist(k: &mut Harness) {
    to_confirm_waitlist(k);
    k.send_only(Msg::Action(Action::Primary));
    let mut saved = record("K7Q-4MD", CARD, "weekly", "2026-11-23");
    saved.kind = Kind::Waitlist;
    saved.status = Status::Waitlisted;
    saved.place = Some(3);
    k.send(Msg::SignupFinished(Ok(Saved::New(saved))));
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
}

/// A confirmed place, its receipt opened again from "My sign-ups".
pub fn to_receipt_reopened(k: &mut Harness) {
    k.swipe(CARD);
    k.send(Msg::Action(Action::OpenMySignups));
    let mut place = record("K7Q-4MD", CARD, "weekly", "2026-11-30");
    place.status = Status::Confirmed;
    let card = k.state.visit.card.expect("card");
    k.send(Msg::MySignupsLoaded {
        card,
        checkins_waiting: 0,
        records: Ok(vec![place.view()]),
    });
    k.send(Msg::Action(Action::Choose(0)));
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
}

/// "Cancel your place?"
pub fn to_cancel_ask(k: &mut Harness) {
    to_receipt_reopened(k);
    k.send(Msg::Action(Action::Choose(2)));
    assert!(matches!(k.state.visit.screen, Screen::CancelAsk(_)));
}

fn looked(k: &mut Harness, places: Vec<Place>, record: LearningRecord) {
    let card = k.state.visit.card.expect("card");
    k.send(Msg::CardLooked {
        card,
        answer: Ok(CardAnswer { places, record }),
    });
}

/// A seat in the weekly class on 30 November, taken at another kiosk and just moved up
/// from its waiting list.
pub fn moved_up() -> Place {
    Place {
        uuid: "7a5a2b6e-1c7d-4d7e-9f1b-2b0c4d5e6f70".into(),
        activity: "weekly".into(),
        date: "2026-11-30".into(),
        status: AnswerStatus::Confirmed,
        place: None,
        promoted: true,
        checked_in: false,
    }
}

/// A record of 3 sessions (4.5 hours, 1.5 credits) this year and 10 in all.
pub fn record_of_ten() -> LearningRecord {
    LearningRecord {
        year: 2026,
        this_year: Totals {
            sessions: 3,
            minutes: 270,
            credits: 1.5,
        },
        all: Totals {
            sessions: 10,
            minutes: 900,
            credits: 5.0,
        },
    }
}

/// Good news (a kiosk with a hub).
pub fn to_good_news(k: &mut Harness) {
    k.swipe(CARD);
    looked(k, vec![moved_up()], LearningRecord::default());
    assert!(matches!(k.state.visit.screen, Screen::GoodNews(_)));
}

/// A card with no place at a venue kiosk: a free seat offered.
pub fn to_check_in_offer(k: &mut Harness) {
    k.swipe(CARD);
    assert_eq!(k.state.visit.screen, Screen::CheckIn);
}

/// "Checked in".
pub fn to_check_in_done(k: &mut Harness) {
    to_check_in_offer(k);
    k.key(Key::Char('1'));
}

/// The learning record from the hub (a kiosk with a hub): asked afresh as it opens.
pub fn to_record(k: &mut Harness) {
    k.swipe(CARD);
    k.send(Msg::Action(Action::OpenRecord));
    assert_eq!(k.state.visit.screen, Screen::Record);
    looked(k, Vec::new(), record_of_ten());
}

/// The learning record offline (a kiosk with a hub it cannot reach).
pub fn to_record_offline(k: &mut Harness) {
    k.swipe(CARD);
    k.send(Msg::Action(Action::OpenRecord));
    let card = k.state.visit.card.expect("card");
    k.send(Msg::CardLooked {
        card,
        answer: Err("offline".into()),
    });
}

/// A place taken at another kiosk, waiting, in "My sign-ups" (a kiosk with a hub).
pub fn to_my_signups_with_the_hub(k: &mut Harness) {
    k.swipe(CARD);
    let mut mine = record("K7Q-4MD", CARD, "weekly", "2026-11-30");
    mine.uuid = "00000000-0000-4000-8000-000000000001".into();
    mine.status = Status::Confirmed;
    let place = |uuid: &str, date: &str, status, place| Place {
        uuid: uuid.into(),
        activity: "weekly".into(),
        date: date.into(),
        status,
        place,
        promoted: false,
        checked_in: false,
    };
    looked(
        k,
        vec![
            place(&mine.uuid, "2026-11-30", AnswerStatus::Confirmed, None),
            place(
                "7a5a2b6e-1c7d-4d7e-9f1b-2b0c4d5e6f70",
                "2026-12-02",
                AnswerStatus::Waitlisted,
                Some(2),
            ),
        ],
        LearningRecord::default(),
    );
    k.send(Msg::Action(Action::OpenMySignups));
    let card = k.state.visit.card.expect("card");
    let mut given_up = record("PX3-WAE", CARD, "one-seat", "2026-11-23");
    given_up.uuid = "00000000-0000-4000-8000-000000000002".into();
    let cancelled = SignupView {
        cancelling: true,
        ..given_up.view()
    };
    k.send(Msg::MySignupsLoaded {
        card,
        checkins_waiting: 0,
        records: Ok(vec![cancelled, mine.view()]),
    });
}
