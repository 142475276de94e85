//! Drawing a frame at 120x40 (target: under 2 ms for the busiest screen), with the plain
//! welcome screen as the baseline in the same run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benchmarks stop at the first surprise.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use learning_kiosk::app::{Action, Clock, Key, Msg, Screen, State, update};
use learning_kiosk::catalogue::demo::demo_catalogue;
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::time::parse_moment;
use learning_kiosk::outbox::{Saved, SignupRecord, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn state() -> State {
    let now = parse_moment("2026-11-23T09:00:00+08:00").unwrap();
    let mut s = State::new(
        Arc::new(demo_site().unwrap()),
        Arc::new(demo_catalogue().unwrap()),
        Clock { now, mono_ms: 0 },
    );
    update(&mut s, Msg::Resize(120, 40));
    s
}

fn draw(state: &State, buf: &mut Buffer) {
    buf.reset();
    black_box(learning_kiosk::ui::render(state, buf).hits);
}

fn bench(c: &mut Criterion) {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);

    let welcome = state();

    let mut nearby = state();
    update(&mut nearby, Msg::Key(Key::Enter));
    assert_eq!(nearby.visit.screen, Screen::Nearby);

    // The receipt: details, a QR code and the buttons.
    let mut receipt = state();
    update(&mut receipt, Msg::CardSwiped("1101080000000016".into()));
    // The nearby list, the session by name (the list's order follows the time), its first date.
    update(&mut receipt, Msg::Key(Key::Char('1')));
    let row = receipt
        .visit
        .nearby
        .iter()
        .position(|i| &*receipt.catalogue.activity(i.activity).id == "cy-wangjing-clc.smartphone")
        .expect("the demo's photo class is nearby");
    update(&mut receipt, Msg::Action(Action::Choose(row)));
    update(&mut receipt, Msg::Key(Key::Char('1')));
    let Screen::Confirm(session) = receipt.visit.screen else {
        panic!("not at confirm")
    };
    update(&mut receipt, Msg::Action(Action::Primary));
    let record = SignupRecord {
        uuid: "5b0c3f0e-9d4e-4c55-8a4b-3b9a2c1d0e7f".into(),
        kind: learning_kiosk::outbox::Kind::Signup,
        target: None,
        place: None,
        code: "K7Q-4MD".into(),
        card_digits: "1101080000000016".into(),
        activity_id: receipt.catalogue.activity(session.activity).id.to_string(),
        date: session.date,
        created_at: receipt.clock.now,
        status: Status::Waiting,
        reason: None,
        existing: None,
    };
    update(&mut receipt, Msg::SignupFinished(Ok(Saved::New(record))));
    assert!(matches!(receipt.visit.screen, Screen::Receipt(_)));

    let mut help = nearby.clone();
    update(&mut help, Msg::Key(Key::F(1)));

    // Assisted mode: large glyphs for the question, the facts and the choices.
    let mut when = welcome.clone();
    update(&mut when, Msg::Key(Key::F(3)));
    update(&mut when, Msg::Key(Key::Enter));
    assert_eq!(when.visit.screen, Screen::When);
    let mut confirm = when.clone();
    update(&mut confirm, Msg::CardSwiped("1101080000000016".into()));
    for key in ['3', '1', '1'] {
        update(&mut confirm, Msg::Key(Key::Char(key)));
    }
    assert!(matches!(confirm.visit.screen, Screen::Confirm(_)));
    // The assisted list of activities: each page measures its titles to know its length.
    let mut assisted_list = when.clone();
    update(&mut assisted_list, Msg::Key(Key::Char('3')));
    assert_eq!(assisted_list.visit.screen, Screen::Nearby);

    let mut group = c.benchmark_group("frame 120x40");
    group.bench_function("welcome (baseline)", |b| {
        b.iter(|| draw(&welcome, &mut buf))
    });
    group.bench_function("nearby list", |b| b.iter(|| draw(&nearby, &mut buf)));
    group.bench_function("receipt with QR code", |b| {
        b.iter(|| draw(&receipt, &mut buf))
    });
    group.bench_function("help over nearby", |b| b.iter(|| draw(&help, &mut buf)));
    group.bench_function("assisted: which day (large title and choices)", |b| {
        b.iter(|| draw(&when, &mut buf))
    });
    group.bench_function("assisted: nearby list (a long title a page)", |b| {
        b.iter(|| draw(&assisted_list, &mut buf))
    });
    group.bench_function("assisted: confirm (large facts)", |b| {
        b.iter(|| draw(&confirm, &mut buf))
    });
    // What the runtime works out after each assisted frame, to hand to speech.
    group.bench_function("assisted: what is said after a frame", |b| {
        use learning_kiosk::ui::assisted::speech::{next_utterance, spoken};
        let before = spoken(&when);
        b.iter(|| {
            let now = spoken(&confirm).unwrap();
            black_box(next_utterance(before.as_ref(), &now))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
