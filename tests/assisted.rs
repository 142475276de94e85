//! Assisted mode: every screen's snapshot in both languages, the whole path by keypad alone
//! and by taps alone, what is spoken, the high-contrast page, the cursor and "ask staff".

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness, life, record};
use learning_kiosk::app::{Action, Key, Msg, Overlay, Screen};
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::outbox::{SignupRecord, Status};
use ratatui::layout::Rect;

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (160, 48)];

/// Brings a fresh assisted kiosk to one screen.
type Builder = Box<dyn Fn(&mut Harness)>;
/// A screen's name, the kiosk it needs, and how to get there.
use learning_kiosk::printer::PrintOutcome;

type Case = (&'static str, fn() -> Harness, Builder);

fn to_confirm(k: &mut Harness) {
    k.swipe(CARD);
    k.key(Key::Char('1')); // activities nearby
    k.key(Key::Char('3')); // any day
    k.key(Key::Char('1')); // the first activity
    k.key(Key::Char('1')); // its first session
    assert!(
        matches!(k.state.visit.screen, Screen::Confirm(_)),
        "{:?}",
        k.state.visit.screen
    );
}

fn my_signups(k: &mut Harness) {
    k.swipe(CARD);
    k.key(Key::Char('3'));
    let card = k.state.visit.card.unwrap();
    let mut records: Vec<_> = (0..6)
        .map(|n| {
            record(
                &format!("K7Q-{n:03}"),
                CARD,
                "cy-wangjing-clc.smartphone",
                "2026-11-24",
            )
        })
        .collect();
    records[0].status = Status::Confirmed;
    records[1].status = Status::Full;
    k.send(Msg::MySignupsLoaded {
        card,
        checkins_waiting: 0,
        records: Ok(records.iter().map(SignupRecord::view).collect()),
    });
}

/// Every assisted screen, with the kiosk it needs.
fn every_screen() -> Vec<Case> {
    let a: fn() -> Harness = Harness::assisted;
    vec![
        ("welcome", a, Box::new(|_| {})),
        ("welcome-typing", a, Box::new(|k| k.type_keys("11010800"))),
        ("home", a, Box::new(|k| k.swipe(CARD))),
        (
            "home-farming",
            Harness::rural_assisted,
            Box::new(|k| k.swipe(CARD)),
        ),
        ("when", a, Box::new(|k| k.enter())),
        (
            "nearby",
            a,
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('3'));
            }),
        ),
        (
            "nearby-page-2",
            a,
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('3'));
                k.key(Key::Char('+'));
            }),
        ),
        (
            "nearby-farming",
            Harness::rural_assisted,
            Box::new(|k| {
                k.swipe(CARD);
                k.key(Key::Char('1'));
                k.key(Key::Char('3'));
            }),
        ),
        (
            "activity",
            a,
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('3'));
                k.key(Key::Char('1'));
            }),
        ),
        (
            "card-entry",
            a,
            Box::new(|k| {
                k.enter();
                k.key(Key::Char('3'));
                k.key(Key::Char('1'));
                k.key(Key::Char('1'));
            }),
        ),
        ("confirm", a, Box::new(to_confirm)),
        (
            "receipt",
            a,
            Box::new(|k| {
                to_confirm(k);
                k.confirm_with_fixed_code(false);
            }),
        ),
        ("my-signups", a, Box::new(my_signups)),
        (
            "my-signups-none",
            a,
            Box::new(|k| {
                k.swipe(CARD);
                k.key(Key::Char('3'));
            }),
        ),
        (
            "saving",
            a,
            Box::new(|k| {
                to_confirm(k);
                k.send_only(Msg::Action(Action::Primary));
            }),
        ),
        (
            "receipt-existing",
            a,
            Box::new(|k| {
                to_confirm(k);
                k.confirm_with_fixed_code(true);
            }),
        ),
        (
            "nearby-empty",
            || {
                let mut site = learning_kiosk::config::load::demo_site().unwrap();
                site.mode = learning_kiosk::config::Mode::Assisted;
                site.home = learning_kiosk::config::site::HomeKind::Farming;
                Harness::with(site, common::rules_catalogue(), common::NOW)
            },
            Box::new(|k| {
                k.swipe(CARD);
                // Farming, any day: nothing for farmers in this small catalogue.
                k.key(Key::Char('1'));
                k.key(Key::Char('3'));
                assert!(k.state.visit.nearby.is_empty());
            }),
        ),
        ("map", a, Box::new(|k| k.key(Key::F(4)))),
        (
            "venue",
            a,
            Box::new(|k| {
                k.key(Key::F(4));
                k.key(Key::Char('1'));
                k.key(Key::Char('1'));
            }),
        ),
        ("help", a, Box::new(|k| k.key(Key::F(1)))),
        (
            "ask-staff",
            a,
            Box::new(|k| {
                // On the welcome screen digits type the card: help first, then 9.
                k.key(Key::Char('/'));
                k.key(Key::Char('9'));
                assert_eq!(k.state.visit.overlay, Some(Overlay::AskStaff));
            }),
        ),
        (
            "countdown",
            a,
            Box::new(|k| {
                k.swipe(CARD);
                k.wait(180_000);
            }),
        ),
        (
            "refused",
            a,
            Box::new(|k| {
                k.type_keys("1101080000000017");
                k.enter();
            }),
        ),
        ("life-full", life_plain, Box::new(life::to_full)),
        (
            "life-confirm-waitlist",
            life_plain,
            Box::new(life::to_confirm_waitlist),
        ),
        (
            "life-receipt-waitlist",
            life_plain,
            Box::new(life::to_receipt_waitlist),
        ),
        (
            "life-receipt-reopened",
            life_plain,
            Box::new(life::to_receipt_reopened),
        ),
        ("life-cancel-ask", life_plain, Box::new(life::to_cancel_ask)),
        ("life-good-news", life_hub, Box::new(life::to_good_news)),
        (
            "life-my-signups-hub",
            life_hub,
            Box::new(life::to_my_signups_with_the_hub),
        ),
        (
            "life-check-in-offer",
            life_venue,
            Box::new(life::to_check_in_offer),
        ),
        (
            "life-check-in-done",
            life_venue,
            Box::new(life::to_check_in_done),
        ),
        ("life-record", life_hub, Box::new(life::to_record)),
        (
            "life-record-offline",
            life_hub,
            Box::new(life::to_record_offline),
        ),
        // The receipt of a kiosk with a printer: its "print" choice, printed, out of paper.
        ("receipt-print", printing, Box::new(|k| printed(k, None))),
        (
            "receipt-printed",
            printing,
            Box::new(|k| printed(k, Some(PrintOutcome::Printed))),
        ),
        (
            "receipt-print-failed",
            printing,
            Box::new(|k| printed(k, Some(PrintOutcome::NoPaper))),
        ),
    ]
}

fn printing() -> Harness {
    Harness::with_printer(true)
}

/// A sign-up's receipt, then what printing it did (if it was printed).
fn printed(k: &mut Harness, outcome: Option<PrintOutcome>) {
    to_confirm(k);
    k.confirm_with_fixed_code(false);
    if let Some(outcome) = outcome {
        k.print_receipt(Some(outcome));
    }
}

fn life_plain() -> Harness {
    life::kiosk(true, false, false)
}

fn life_hub() -> Harness {
    life::kiosk(true, true, false)
}

fn life_venue() -> Harness {
    life::kiosk(true, false, true)
}

#[test]
fn every_assisted_screen_in_both_languages() {
    for (name, kiosk, build) in every_screen() {
        for lang in Lang::ALL {
            for (w, h) in SIZES {
                let mut k = kiosk();
                k.resize(w, h);
                k.lang(lang);
                build(&mut k);
                assert!(k.state.visit.assisted, "{name}: assisted mode went off");
                let text = k.screen();
                assert!(!text.contains(CARD), "a full card number on screen: {name}");
                insta::assert_snapshot!(format!("assisted-{name}-{}-{w}x{h}", lang.tag()), text);
            }
        }
    }
}

/// At most four choices a screen (the map's list included), each a big touch target apart
/// from the others, on every screen at 80x24 and 120x40.
#[test]
fn at_most_four_big_choices_apart() {
    for (name, kiosk, build) in every_screen() {
        for (w, h) in SIZES {
            let mut k = kiosk();
            k.resize(w, h);
            build(&mut k);
            k.render();
            let targets = k.hits.targets().to_vec();
            assert!(!targets.is_empty(), "{name}: nothing to tap");
            let choices = targets
                .iter()
                .filter(|(_, a)| matches!(a, Action::Choose(_)))
                .count();
            assert!(choices <= 4, "{name} {w}x{h}: {choices} choices");
            common::assert_targets_big_and_apart(&format!("{name} {w}x{h}"), &k.hits);
        }
    }
}

#[test]
fn every_assisted_screen_draws_at_any_size() {
    for (name, kiosk, build) in every_screen() {
        let mut k = kiosk();
        build(&mut k);
        common::assert_draws_at_any_size(name, &mut k);
    }
}

/// The terminal cursor sits inside the focused choice, so a magnifier follows it.
#[test]
fn the_cursor_sits_on_the_focused_choice() {
    for (name, kiosk, build) in every_screen() {
        let mut k = kiosk();
        build(&mut k);
        k.render();
        let focused = k
            .hits
            .targets()
            .iter()
            .find(|(_, a)| *a == Action::Choose(k.state.visit.focus))
            .map(|(r, _)| *r);
        let Some(rect) = focused else { continue };
        if k.state.visit.overlay.is_some() {
            continue;
        }
        let (x, y) = k.cursor.unwrap_or_else(|| panic!("{name}: no cursor"));
        assert!(
            rect.contains(ratatui::layout::Position::new(x, y)),
            "{name}: cursor at {x},{y}, focused choice at {rect:?}"
        );
    }
    // Moving the focus moves the cursor.
    let mut k = Harness::assisted();
    k.enter();
    let first = k.cursor.unwrap();
    k.key(Key::Down);
    let second = k.cursor.unwrap();
    assert_ne!(first, second);
}

/// Headings are drawn in large glyphs: block elements or braille, in both languages.
#[test]
fn headings_are_drawn_large() {
    for lang in Lang::ALL {
        let mut k = Harness::assisted();
        k.lang(lang);
        k.enter();
        k.key(Key::Char('3'));
        let text = k.screen();
        let big_rows = text
            .lines()
            .filter(|l| l.chars().any(|c| ('\u{2580}'..='\u{259f}').contains(&c)))
            .count();
        assert!(big_rows >= 4, "{lang:?}: no large heading\n{text}");
        // The standard screen has none.
        k.key(Key::F(3));
        let text = k.screen();
        assert!(
            !text.chars().any(|c| ('\u{2596}'..='\u{259f}').contains(&c)),
            "{text}"
        );
    }
}

/// The whole path with keypad keys only: card, nearby, sign-up, receipt, my sign-ups, map.
#[test]
fn the_whole_path_by_keypad_alone() {
    // The Miyun station as configured (standard mode, keypad only): the person turns
    // assisted mode on from help (/ then 3), since a keypad has no F3.
    let site = learning_kiosk::config::load::load_site_file(std::path::Path::new(
        "kiosk-config/miyun-xiwengzhuang-station.toml",
    ))
    .unwrap();
    assert!(!site.touchscreen);
    let mut k = Harness::with(
        site,
        learning_kiosk::catalogue::demo::demo_catalogue().unwrap(),
        common::NOW,
    );
    k.resize(80, 24);
    assert!(!k.state.visit.assisted);
    k.key(Key::Char('/'));
    k.key(Key::Char('3'));
    assert!(k.state.visit.assisted);
    // The card, typed on the keypad.
    k.type_keys(CARD);
    k.enter();
    assert_eq!(k.state.visit.screen, Screen::Home);
    // 2: everything nearby; 3: any day.
    k.key(Key::Char('2'));
    assert_eq!(k.state.visit.screen, Screen::When);
    k.key(Key::Char('3'));
    assert_eq!(k.state.visit.screen, Screen::Nearby);
    assert!(k.state.visit.nearby.len() > 4);
    // The second page, then back to the first.
    k.key(Key::Char('+'));
    assert!(k.state.visit.focus > 0, "the second page");
    k.key(Key::Char('-'));
    assert_eq!(k.state.visit.focus, 0);
    // A digit beyond the four on the page does nothing.
    k.key(Key::Char('7'));
    assert_eq!(k.state.visit.screen, Screen::Nearby);
    // The chestnut course, wherever the start-time order puts it (the first row is full).
    k.open_nearby("my-xiwengzhuang-dlp.chestnut");
    assert!(matches!(k.state.visit.screen, Screen::Activity(_)));
    k.key(Key::Char('1'));
    assert!(matches!(k.state.visit.screen, Screen::Confirm(_)));
    // 2 is "no": back to the activity; then the session again, and 1: yes.
    k.key(Key::Char('2'));
    assert!(matches!(k.state.visit.screen, Screen::Activity(_)));
    k.key(Key::Char('1'));
    k.key(Key::Char('1'));
    let Screen::Receipt(receipt) = k.state.visit.screen.clone() else {
        panic!(
            "no receipt: {:?} {:?}",
            k.state.visit.screen, k.state.visit.notice
        )
    };
    assert!(k.screen().contains(&receipt.code));
    // 2: sign up for more, back home, 3: my sign-ups.
    k.key(Key::Char('2'));
    k.key(Key::Backspace);
    k.key(Key::Backspace);
    k.key(Key::Backspace);
    assert_eq!(k.state.visit.screen, Screen::Home);
    k.key(Key::Char('3'));
    assert_eq!(k.state.visit.screen, Screen::MySignups);
    let mine = k.state.visit.my_signups().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].code, receipt.code);
    // 1 on this station's home is farming first.
    k.key(Key::Backspace);
    k.key(Key::Char('1'));
    assert_eq!(k.state.visit.screen, Screen::When);
    assert!(k.state.visit.filters.farming);
    k.key(Key::Char('3'));
    assert!(!k.state.visit.nearby.is_empty());
    for item in &k.state.visit.nearby {
        let a = k.state.catalogue.activity(item.activity);
        assert!(
            a.category == learning_kiosk::catalogue::Category::Farming
                || a.audience
                    .contains(learning_kiosk::catalogue::Audience::Farmers),
            "{} is not farming",
            a.id
        );
    }
    // 0: the learning map (a keypad has no F4); 1 chooses the nearest place, 1 again opens it.
    k.key(Key::Char('0'));
    assert_eq!(k.state.visit.screen, Screen::Map);
    assert!(k.state.visit.map_list.len() <= 4);
    k.key(Key::Char('1'));
    k.key(Key::Char('1'));
    assert!(
        matches!(k.state.visit.screen, Screen::Venue(_)),
        "{:?}",
        k.state.visit.screen
    );
    // Help, then 9: staff are called.
    k.key(Key::Char('/'));
    k.key(Key::Char('9'));
    assert_eq!(k.state.visit.overlay, Some(Overlay::AskStaff));
    assert_eq!(k.bells, 1);
    k.key(Key::Enter);
    // Home, then 4: finish; the kiosk forgets the card and is back in its own mode.
    k.key(Key::Home);
    k.key(Key::Char('4'));
    assert_eq!(k.state.visit.screen, Screen::Welcome);
    assert!(k.state.visit.card.is_none());
    assert!(!k.state.visit.assisted);
}

/// The whole path with taps only.
#[test]
fn the_whole_path_by_taps_alone() {
    let mut k = Harness::assisted();
    k.resize(80, 24);
    // Look around first, then the card when signing up, on the on-screen pad.
    k.tap(Action::Primary);
    assert_eq!(k.state.visit.screen, Screen::When);
    k.tap_item(2);
    assert_eq!(k.state.visit.screen, Screen::Nearby);
    k.tap(Action::NextPage);
    k.tap(Action::PrevPage);
    k.tap_item(0);
    assert!(matches!(k.state.visit.screen, Screen::Activity(_)));
    k.tap_item(0);
    assert!(matches!(k.state.visit.screen, Screen::CardEntry(_)));
    for d in CARD.bytes().map(|b| b - b'0') {
        k.tap(Action::Digit(d));
    }
    k.tap(Action::Primary);
    assert!(matches!(k.state.visit.screen, Screen::Confirm(_)));
    // 1: yes, sign me up.
    k.tap_item(0);
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
    // Finish and come back with the card to see it under My sign-ups.
    k.tap_item(0);
    assert_eq!(k.state.visit.screen, Screen::Welcome);
    k.swipe(CARD);
    k.tap_item(2);
    assert_eq!(k.state.visit.my_signups().map(|l| l.len()), Some(1));
    // The map, by its button on the welcome screen, and a venue on it.
    k.tap(Action::Back);
    k.tap_item(3);
    assert_eq!(k.state.visit.screen, Screen::Welcome);
    k.tap(Action::OpenMap);
    assert_eq!(k.state.visit.screen, Screen::Map);
    k.tap_item(0);
    k.tap_item(0);
    assert!(
        matches!(k.state.visit.screen, Screen::Venue(_)),
        "{:?}",
        k.state.visit.screen
    );
    // Help, and asking for staff from it.
    k.tap(Action::Help);
    assert_eq!(k.state.visit.overlay, Some(Overlay::Help));
    k.tap(Action::AskStaff);
    assert_eq!(k.state.visit.overlay, Some(Overlay::AskStaff));
    assert_eq!(k.bells, 1);
    k.tap(Action::Continue);
    assert_eq!(k.state.visit.overlay, None);
    // The standard view, by its button on the welcome screen.
    k.tap(Action::Back);
    k.tap(Action::Back);
    assert_eq!(k.state.visit.screen, Screen::Welcome);
    k.tap(Action::ToggleAssisted);
    assert!(!k.state.visit.assisted);
}

/// The welcome tells how to begin, aloud: read the card or type its number.
#[test]
fn the_welcome_says_how_to_begin() {
    for (lang, how) in [(Lang::En, "type its number"), (Lang::Zh, "输入卡号")] {
        let mut k = Harness::assisted();
        k.lang(lang);
        let first = k.said.last().cloned().unwrap_or_default();
        assert!(first.contains(how), "{lang:?}: {first}");
        assert!(!first.contains("Tap") && !first.contains("tap"), "{first}");
    }
}

/// What is said: each title with its choices, the focused choice, confirmations and refusals, the
/// countdown; in the current language; never the card number.
#[test]
fn speech_follows_the_screen_and_never_says_the_card() {
    let mut k = Harness::assisted();
    k.lang(Lang::En);
    k.said.clear();
    k.enter();
    // A new screen says its question and then the choices with their numbers.
    assert_eq!(k.said.last().unwrap(), "Which day? 1, Today. 2, Tomorrow.");
    k.key(Key::Down);
    assert_eq!(k.said.last().unwrap(), "Number 2: Tomorrow");
    k.key(Key::Char('.'));
    assert_eq!(k.say_again, 1);
    k.key(Key::F(2));
    assert_eq!(k.said.last().unwrap(), "哪一天？按 1，今天。按 2，明天。");
    k.key(Key::F(2));
    // A refused card is said, without its digits.
    k.key(Key::Backspace);
    k.type_keys("1101080000000017");
    k.enter();
    let refusal = k.said.last().unwrap().clone();
    assert!(refusal.contains("check digit"), "{refusal}");
    // A sign-up's confirmation is said.
    k.key(Key::Home);
    k.swipe(CARD);
    assert_eq!(
        k.said.last().unwrap(),
        "What would you like to do? 1, Activities near here. 2, Learning map."
    );
    k.key(Key::Char('1'));
    k.key(Key::Char('3'));
    k.key(Key::Char('1'));
    k.key(Key::Char('1'));
    k.enter();
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
    let saved = k.said.last().unwrap().clone();
    assert!(saved.starts_with("Saved on this kiosk"), "{saved}");
    // The countdown is said, and said again as it runs.
    let before = k.said.len();
    k.wait(180_000);
    assert!(
        k.said.last().unwrap().contains("60 seconds"),
        "{:?}",
        k.said
    );
    k.wait(11_000);
    assert!(
        k.said.last().unwrap().contains("50 seconds"),
        "{:?}",
        k.said
    );
    assert!(k.said.len() >= before + 2);
    for said in &k.said {
        for digits in ["1101", "0800", "0016", "0017", "****"] {
            assert!(!said.contains(digits), "said {digits}: {said}");
        }
    }
}

/// Idle times are doubled in assisted mode; switching modes is forgotten with the person.
#[test]
fn patient_timing_and_a_fresh_start_for_the_next_person() {
    let mut k = Harness::demo();
    k.swipe(CARD);
    k.key(Key::F(3));
    assert!(k.state.visit.assisted);
    k.wait(100_000);
    assert_eq!(k.state.visit.overlay, None, "90 s is doubled to 180 s");
    k.wait(81_000);
    assert!(matches!(
        k.state.visit.overlay,
        Some(Overlay::Countdown { .. })
    ));
    k.wait(59_000);
    assert!(
        k.state.visit.card.is_some(),
        "the countdown is doubled to 60 s"
    );
    k.wait(2_000);
    assert!(k.state.visit.card.is_none());
    assert!(
        !k.state.visit.assisted,
        "the next person starts in the site's mode"
    );
}

/// The high-contrast theme is in use: light text on black.
#[test]
fn assisted_screens_use_the_high_contrast_theme() {
    let mut k = Harness::assisted();
    let (w, h) = k.state.size;
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, w, h));
    learning_kiosk::ui::render(&k.state, &mut buf);
    let page = buf[(w / 2, h / 2)].bg;
    assert_eq!(page, ratatui::style::Color::Rgb(0, 0, 0));
    k.key(Key::F(3));
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, w, h));
    learning_kiosk::ui::render(&k.state, &mut buf);
    assert_ne!(buf[(w / 2, h / 2)].bg, ratatui::style::Color::Rgb(0, 0, 0));
}

/// One screen's large lines, as drawn and as the ideal draws them.
struct Readable {
    name: String,
    /// The page's question (for the notes' before-and-after figures).
    title: String,
    ocr_lang: &'static str,
    words: String,
    /// The page's question and choices that were not drawn large.
    small: Vec<String>,
    drawn: common::ocr::Image,
    ideal: common::ocr::Image,
}

/// Whether `text` was drawn large: every line of it, in order, among the large lines.
fn drawn_large(large: &[learning_kiosk::ui::painter::LargeText], text: &str) -> bool {
    let joined: String = large.iter().map(|l| l.text.replace(' ', "")).collect();
    !text.is_empty() && joined.contains(&text.replace(' ', ""))
}

/// Every heading and choice of every assisted screen, in both languages at 120x40 and
/// 80x24, reads back by OCR at least 90 % as well as the same words drawn from the same
/// fonts with square pixels; the question is large on every screen, and at 120x40 so is
/// every choice. (The figures are printed for the notes: `--nocapture`.)
#[test]
fn large_text_reads_back_as_well_as_the_font_itself() {
    let mut cases = Vec::new();
    let mut not_large = Vec::new();
    for (name, kiosk, build) in every_screen() {
        for lang in Lang::ALL {
            for (w, h) in [(120, 40), (80, 24)] {
                let mut k = kiosk();
                k.resize(w, h);
                k.lang(lang);
                build(&mut k);
                let (buf, large) = k.render_large();
                let title = learning_kiosk::ui::model::page(&k.state)
                    .map(|p| p.title)
                    .unwrap_or_default();
                let small = learning_kiosk::ui::model::page(&k.state)
                    .filter(|_| k.state.visit.overlay.is_none())
                    .map(|p| {
                        std::iter::once(p.title.clone())
                            .chain(p.choices.iter().map(|c| c.label.clone()))
                            .filter(|t| !drawn_large(&large, t))
                            .collect()
                    })
                    .unwrap_or_default();
                // A question that fits one large line at 120x40 is drawn large: the test
                // cannot pass by drawing nothing large.
                let one_line = |t: &str| {
                    use learning_kiosk::big_text::{Scale, covers, width};
                    covers(t, Scale::Large) && width(t, Scale::Large) <= w - 4
                };
                if w == 120
                    && k.state.visit.overlay.is_none()
                    && !title.is_empty()
                    && one_line(&title)
                    && !drawn_large(&large, &title)
                {
                    not_large.push(format!("{name} {}: {title}", lang.tag()));
                }
                // In the lists of activities at 120x40 every title is large: a long one takes
                // a page of its own rather than shrinking to normal text.
                if w == 120
                    && ["nearby", "nearby-page-2", "nearby-farming", "my-signups"].contains(&name)
                {
                    let choices = learning_kiosk::ui::model::page(&k.state)
                        .map(|p| p.choices)
                        .unwrap_or_default();
                    not_large.extend(
                        choices
                            .iter()
                            .filter(|c| !drawn_large(&large, &c.label))
                            .map(|c| format!("{name} {}: choice {}", lang.tag(), c.label)),
                    );
                }
                cases.push(Readable {
                    name: format!("{name} {} {w}x{h}", lang.tag()),
                    title,
                    ocr_lang: if lang == Lang::Zh { "chi_sim" } else { "eng" },
                    words: large
                        .iter()
                        .map(|l| l.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    small,
                    drawn: common::ocr::from_screen(&buf, &large),
                    ideal: common::ocr::ideal(&large),
                });
            }
        }
    }
    assert!(
        not_large.is_empty(),
        "questions or activities not drawn large: {not_large:#?}"
    );
    let dir = tempfile::tempdir().unwrap();
    // LEGIBILITY_KEEP=<folder> keeps the images, to look at what the engine was given.
    let keep = std::env::var_os("LEGIBILITY_KEEP").map(std::path::PathBuf::from);
    let dir = keep.as_deref().unwrap_or(dir.path());
    // Two engines at a time: the OCR is most of this test's time.
    let results: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let halves: Vec<_> = cases
            .chunks(cases.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|c| {
                            if c.words.is_empty() {
                                return (0, 0);
                            }
                            let tag = c.name.replace(' ', "-");
                            let ours = common::ocr::read(&c.drawn, c.ocr_lang, dir, &tag);
                            let ideal =
                                common::ocr::read(&c.ideal, c.ocr_lang, dir, &format!("{tag}i"));
                            (
                                common::ocr::recognised(&c.words, &ours),
                                common::ocr::recognised(&c.words, &ideal),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    if keep.is_some() {
        let titles: String = cases
            .iter()
            .map(|c| format!("{}\t{}\n", c.name.replace(' ', "\t"), c.title))
            .collect();
        std::fs::write(dir.join("titles.tsv"), titles).unwrap();
    }
    let mut failures = Vec::new();
    eprintln!(
        "{:<44} {:>5} {:>6} {:>6} {:>6}",
        "screen", "chars", "drawn", "ideal", "ratio"
    );
    for (c, (ours, ideal)) in cases.iter().zip(results) {
        let chars = common::ocr::counted(&c.words).max(1);
        let pct = |n: usize| 100.0 * n as f64 / chars as f64;
        let ratio = if ideal == 0 {
            1.0
        } else {
            ours as f64 / ideal as f64
        };
        eprintln!(
            "{:<44} {:>5} {:>5.0}% {:>5.0}% {:>5.0}%  small: {:?}",
            c.name,
            chars,
            pct(ours),
            pct(ideal),
            100.0 * ratio,
            c.small
        );
        if ratio < 0.9 {
            failures.push(format!("{}: {:.0} % of the ideal", c.name, 100.0 * ratio));
        }
    }
    assert!(
        failures.is_empty(),
        "reads worse than the font itself: {failures:#?}"
    );
}

/// Paging through the assisted list of activities, where a long title takes a page of its
/// own: "next" shows every activity once, in order, and "previous" walks back through the
/// same pages; the digit keys choose what the page shows.
#[test]
fn paging_an_assisted_list_shows_every_activity_once_both_ways() {
    for lang in Lang::ALL {
        for (w, h) in [(120, 40), (160, 48), (80, 24)] {
            let mut k = Harness::assisted();
            k.resize(w, h);
            k.lang(lang);
            k.enter();
            k.key(Key::Char('3'));
            assert_eq!(k.state.visit.screen, learning_kiosk::app::Screen::Nearby);
            let count = k.state.visit.nearby.len();
            let shown = |k: &Harness| -> Vec<usize> {
                learning_kiosk::ui::model::page(&k.state)
                    .unwrap()
                    .choices
                    .iter()
                    .map(|c| match c.action {
                        learning_kiosk::app::Action::Choose(i) => i,
                        other => panic!("not an item: {other:?}"),
                    })
                    .collect()
            };
            let mut forward = vec![shown(&k)];
            while forward.len() <= count {
                k.key(Key::Char('+'));
                let page = shown(&k);
                if page == *forward.last().unwrap() {
                    break;
                }
                forward.push(page);
            }
            let seen: Vec<usize> = forward.iter().flatten().copied().collect();
            assert_eq!(seen, (0..count).collect::<Vec<_>>(), "{lang:?} {w}x{h}");
            let mut back = vec![shown(&k)];
            for _ in 1..forward.len() {
                k.key(Key::Char('-'));
                back.push(shown(&k));
            }
            back.reverse();
            assert_eq!(
                back, forward,
                "{lang:?} {w}x{h}: back through the same pages"
            );
            // At 120x40 long titles take a page of their own; short Chinese ones (太极拳)
            // share one.
            if (w, h) == (120, 40) {
                assert!(forward.iter().any(|p| p.len() == 1), "{lang:?}");
                assert_eq!(
                    forward.iter().any(|p| p.len() > 1),
                    lang == Lang::Zh,
                    "{lang:?}"
                );
            }
            // Back on the first page, its first digit chooses its first activity.
            let first = forward[0][0];
            k.key(Key::Char('1'));
            assert_eq!(
                k.state.visit.screen,
                learning_kiosk::app::Screen::Activity(k.state.visit.nearby[first].activity),
                "{lang:?} {w}x{h}"
            );
        }
    }
}
