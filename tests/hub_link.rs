//! The core's side of the hub link, headless: what the screens say about the link, when a
//! newer catalogue is put in use, and when the sync worker is asked to sync.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::sync::Arc;

use common::{CARD, Harness};
use learning_kiosk::app::link::LinkStatus;
use learning_kiosk::app::{Action, Key, Msg, Screen};
use learning_kiosk::catalogue::change::Change;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::outbox::Status;

/// The demo kiosk with a hub, in English.
fn english_hub() -> Harness {
    let mut h = Harness::demo_with_hub();
    h.lang(Lang::En);
    h
}

fn online(h: &mut Harness) {
    h.send(Msg::Link(LinkStatus {
        hub: true,
        online: true,
        last_sync: Some(common::moment("2026-11-23T08:59:00+08:00")),
        ..LinkStatus::default()
    }));
}

#[test]
fn a_new_signup_is_sent_at_once_where_there_is_a_hub() {
    let mut h = Harness::demo_with_hub();
    h.sign_up();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    assert_eq!(h.syncs_asked, 1);
    // The same sign-up again is not new: nothing more to send.
    h.send(Msg::Action(Action::Home));
    h.sign_up();
    assert_eq!(h.syncs_asked, 1);

    let mut alone = Harness::demo();
    alone.sign_up();
    assert_eq!(alone.syncs_asked, 0, "no hub, nothing to ask");
}

#[test]
fn staff_can_sync_now_only_where_there_is_a_hub() {
    let mut h = english_hub();
    h.send(Msg::StaffChord);
    h.type_keys("2468");
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::StaffMenu);
    assert!(h.screen().contains("2 Sync now"));
    h.key(Key::Char('2'));
    assert_eq!(h.syncs_asked, 1);
    assert!(h.screen().contains("Syncing with the hub now."));
    assert_eq!(h.quit, None);

    let mut alone = Harness::demo();
    alone.send(Msg::StaffChord);
    alone.type_keys("2468");
    alone.enter();
    assert!(!alone.screen().contains("Sync now"));
    alone.key(Key::Char('2'));
    assert_eq!(alone.syncs_asked, 0);
    assert_eq!(alone.quit, None, "a missing item does nothing");
}

#[test]
fn the_top_bar_says_how_the_link_stands() {
    let mut h = english_hub();
    assert!(
        h.screen()
            .lines()
            .next()
            .unwrap()
            .contains("Not yet connected")
    );
    online(&mut h);
    assert!(
        h.screen()
            .lines()
            .next()
            .unwrap()
            .contains("Online, synced 08:59")
    );
    h.send(Msg::Link(LinkStatus {
        hub: true,
        online: false,
        offline_since: Some(common::moment("2026-11-23T08:12:00+08:00")),
        ..LinkStatus::default()
    }));
    assert!(
        h.screen()
            .lines()
            .next()
            .unwrap()
            .contains("Offline since 08:12")
    );
    // The link is the kiosk's, not the person's: it survives the person leaving (and the
    // language goes back to the site's, Chinese).
    h.swipe(CARD);
    h.send(Msg::Action(Action::Finish));
    assert!(
        h.screen()
            .lines()
            .next()
            .unwrap()
            .contains("离线，自 08:12 起")
    );

    // Without a hub it is not offline: it stands alone.
    let mut alone = Harness::demo();
    assert!(alone.screen().lines().next().unwrap().contains("单机"));
}

#[test]
fn a_whole_new_catalogue_waits_until_the_person_has_gone_and_the_old_one_is_let_go_first() {
    let mut h = Harness::demo_with_hub();
    h.swipe(CARD);
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    let listed = h.state.visit.nearby.len();
    let before = h.state.catalogue.clone();
    h.send(Msg::CatalogueReload);
    assert!(
        Arc::ptr_eq(&h.state.catalogue, &before),
        "not under the person's finger"
    );
    assert_eq!(h.state.visit.nearby.len(), listed);
    drop(before);
    h.send(Msg::Action(Action::Finish));
    // Let go, loaded again (the harness's reload is the demo) and in use.
    assert!(!h.state.updates.reloading);
    assert!(h.state.updates.loaded.is_none());
    assert_eq!(h.state.catalogue.activity_count(), 500);
    assert_eq!(
        Arc::strong_count(&h.state.catalogue),
        1,
        "one catalogue, held once"
    );
    // Sign-ups are checked against the one in use.
    h.sign_up();
    assert!(
        matches!(h.state.visit.screen, Screen::Receipt(_)),
        "{:?}",
        h.state.visit.screen
    );
}

#[test]
fn an_idle_kiosk_loads_a_whole_new_catalogue_at_once() {
    let mut h = Harness::demo_with_hub();
    let before = Arc::downgrade(&h.state.catalogue);
    h.send(Msg::CatalogueReload);
    assert!(before.upgrade().is_none(), "the old catalogue is gone");
    assert_eq!(h.state.catalogue.activity_count(), 500);
}

#[test]
fn new_seat_counts_reach_the_screen_at_once_even_with_a_person_there() {
    let mut h = english_hub();
    h.swipe(CARD);
    h.enter();
    assert_eq!(h.state.visit.screen, Screen::Nearby);
    let first = h.state.visit.nearby[0];
    let session = learning_kiosk::app::state::SessionRef {
        activity: first.activity,
        date: first.session.date,
    };
    let before = Arc::as_ptr(&h.state.catalogue);
    let capacity = h.state.catalogue.activity(first.activity).capacity;
    assert!(h.state.seats_left(session) > 0);
    let id: Box<str> = h
        .state
        .catalogue
        .activity(first.activity)
        .id
        .as_str()
        .into();
    h.send(Msg::CatalogueChanges(vec![Change::Seats {
        activity: id,
        date: first.session.date,
        taken: capacity,
        waiting: 0,
    }]));
    assert_eq!(h.state.seats_left(session), 0);
    assert_eq!(h.state.visit.nearby[0], first, "the list keeps its places");
    assert_eq!(Arc::as_ptr(&h.state.catalogue), before, "changed in place");
    assert!(h.screen().contains("Full"), "{}", h.screen());
}

#[test]
fn seat_counts_go_past_a_change_that_waits_for_the_person_to_go() {
    let mut h = english_hub();
    h.swipe(CARD);
    h.enter();
    let (first, second) = (h.state.visit.nearby[0], h.state.visit.nearby[1]);
    assert_ne!(first.activity, second.activity);
    let id = |a| h.state.catalogue.activity(a).id.to_string();
    let (gone, full) = (id(first.activity), id(second.activity));
    let capacity = h.state.catalogue.activity(second.activity).capacity;
    h.send(Msg::CatalogueChanges(vec![
        Change::ActivityGone(gone.as_str().into()),
        Change::Seats {
            activity: full.as_str().into(),
            date: second.session.date,
            taken: capacity,
            waiting: 0,
        },
    ]));
    let session = learning_kiosk::app::state::SessionRef {
        activity: second.activity,
        date: second.session.date,
    };
    assert_eq!(h.state.seats_left(session), 0, "at once, under the person");
    assert!(h.state.catalogue.activity_by_id(&gone).is_some(), "not yet");
    h.send(Msg::Action(Action::Finish));
    assert!(h.state.catalogue.activity_by_id(&gone).is_none());
}

#[test]
fn a_withdrawn_activity_leaves_the_lists_only_once_the_person_has_gone() {
    let mut h = Harness::demo_with_hub();
    h.swipe(CARD);
    h.enter();
    let first = h.state.visit.nearby[0];
    let id = h.state.catalogue.activity(first.activity).id.to_string();
    h.send(Msg::CatalogueChanges(vec![Change::ActivityGone(
        id.as_str().into(),
    )]));
    assert_eq!(
        h.state.visit.nearby[0], first,
        "not under the person's finger"
    );
    assert!(h.state.catalogue.activity_by_id(&id).is_some());
    h.send(Msg::Action(Action::Finish));
    assert!(h.state.catalogue.activity_by_id(&id).is_none());
    assert_eq!(h.state.catalogue.activity_count(), 499);
    h.swipe(CARD);
    h.enter();
    assert!(
        h.state.visit.nearby.iter().all(|item| h
            .state
            .catalogue
            .activity(item.activity)
            .id
            .as_str()
            != id)
    );
}

/// The hub answers the one sign-up waiting to be sent, as the sync worker records it, and
/// the sync finishes.
fn hub_answers(h: &mut Harness, status: learning_wire::AnswerStatus) {
    let waiting = h.exec.outbox.waiting(10).unwrap();
    assert_eq!(waiting.len(), 1);
    let answer = learning_wire::Answer::status(status);
    h.exec
        .outbox
        .record_answers(
            &[(waiting[0].uuid.clone(), answer)],
            &common::moment(common::NOW),
        )
        .unwrap();
    h.send(Msg::SyncFinished);
}

/// The receipt's "will be sent" gives way to the hub's answer when it comes during the
/// visit: the person still at the screen sees their seat confirmed.
#[test]
fn the_receipt_on_screen_says_confirmed_once_the_hub_has_answered() {
    let mut h = english_hub();
    h.sign_up();
    assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
    let before = h.screen();
    assert!(before.contains("will be sent"), "{before}");
    hub_answers(&mut h, learning_wire::AnswerStatus::Confirmed);
    let after = h.screen();
    assert!(!after.contains("will be sent"), "{after}");
    assert!(
        after.contains("Confirmed by the learning centre"),
        "{after}"
    );
}

#[test]
fn my_signups_show_the_hubs_answers_next_time_the_card_is_read() {
    let mut h = english_hub();
    h.sign_up();
    h.send(Msg::Action(Action::Finish));
    // The hub confirms it (what the sync worker records in the outbox).
    hub_answers(&mut h, learning_wire::AnswerStatus::Waitlisted);
    assert_eq!(h.state.queue.waiting(), 0);
    assert_eq!(h.state.queue.counts.get(&Status::Waitlisted), Some(&1));
    h.swipe(CARD);
    h.key(Key::Char('3'));
    let screen = h.screen();
    assert!(screen.contains("候补"), "{screen}");
}
