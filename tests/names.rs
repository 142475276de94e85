//! Names people tell apart are never cut where they differ: each branch of a university in
//! a list shows which branch it is, and the top bar shows the kiosk's own name in whole
//! words.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness};
use learning_kiosk::app::Key;
use learning_kiosk::breaks::break_units;
use learning_kiosk::domain::lang::Lang;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (120, 40)];

/// The words of a screen, however they are spaced and wrapped.
fn words(screen: &str) -> Vec<&str> {
    screen
        .split(|c: char| c.is_whitespace() || ('\u{2500}'..='\u{257F}').contains(&c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `shown` is `name`, or `name` cut after a whole word with `...` after it.
fn whole_words_of(shown: &str, name: &str) -> bool {
    if shown == name {
        return true;
    }
    let Some(kept) = shown.strip_suffix("...") else {
        return false;
    };
    let mut end = 0;
    let ends: Vec<usize> = break_units(name)
        .iter()
        .map(|u| {
            end += u.len();
            end
        })
        .collect();
    !kept.trim_end().is_empty()
        && name.starts_with(kept)
        && (ends.contains(&kept.len()) || ends.contains(&kept.trim_end().len()))
}

/// The first word of `name` that no other name of the list begins with in the same words:
/// what a person reads to tell it from its siblings.
fn telling_word(name: &str, siblings: &[String]) -> Option<String> {
    let words =
        |s: &str| -> Vec<String> { break_units(s).into_iter().filter(|u| u != " ").collect() };
    let own = words(name);
    let shared = siblings
        .iter()
        .filter(|s| *s != name)
        .map(|s| {
            own.iter()
                .zip(&words(s))
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    own.get(shared).cloned()
}

#[test]
fn every_venue_in_the_nearby_list_shows_the_word_that_tells_it_from_the_others() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut k = Harness::demo();
            k.resize(w, h);
            k.lang(lang);
            k.enter();
            let mut branches = 0;
            for _page in 0..12 {
                let screen = k.screen();
                let shown = words(&screen);
                let model = learning_kiosk::ui::model::nearby::build(&k.state, lang);
                let venues: Vec<String> = k
                    .state
                    .visit
                    .nearby
                    .iter()
                    .map(|i| k.state.catalogue.venue(i.venue).name.get(lang).to_string())
                    .collect();
                for (_, row) in &model.rows.rows {
                    let Some(word) = telling_word(&row.venue, &venues) else {
                        continue;
                    };
                    let seen = match lang {
                        Lang::En => shown.contains(&word.as_str()),
                        Lang::Zh => screen.contains(&word),
                    };
                    assert!(
                        seen,
                        "{} at {w}x{h}: {word} of {} is not shown:\n{screen}",
                        lang.tag(),
                        row.venue
                    );
                    branches += usize::from(row.venue.contains(", "));
                }
                k.key(Key::PageDown);
            }
            if lang == Lang::En {
                assert!(branches > 5, "too few branches seen to tell: {branches}");
            }
        }
    }
}

/// The case: several branches of one university in one list, on a keypad
/// station's one-line rows, each still says which branch it is.
#[test]
fn branches_of_one_university_keep_their_branch_names_on_one_line() {
    use learning_kiosk::ui::names::shorten_among;
    let branches = [
        "Chaoyang University for Older People, Wangjing Branch",
        "Chaoyang University for Older People, Jiuxianqiao Branch",
        "Chaoyang University for Older People, Panjiayuan Branch",
    ];
    for max in 20..=50 {
        let shown: Vec<String> = branches
            .iter()
            .map(|b| shorten_among(b, branches, max))
            .collect();
        for (name, line) in branches.iter().zip(&shown) {
            let place = name.rsplit_once(", ").unwrap().1.split(' ').next().unwrap();
            assert!(line.contains(place), "{max}: {line}");
            assert!(line.chars().count() <= max, "{max}: {line}");
        }
    }
}

#[test]
fn the_top_bar_shows_the_kiosks_name_in_whole_words_beside_the_card() {
    for (name, kiosk) in [
        ("demo", Harness::demo as fn() -> Harness),
        ("rural", Harness::rural_station),
    ] {
        for lang in Lang::ALL {
            for (w, h) in SIZES {
                let mut k = kiosk();
                k.resize(w, h);
                k.lang(lang);
                k.swipe(CARD);
                let screen = k.screen();
                let top = screen.lines().next().unwrap();
                let site_name = k.state.site.name.get(lang).to_string();
                let shown = top
                    .trim_start()
                    .split("  ")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                assert!(
                    whole_words_of(&shown, &site_name),
                    "{name} {} at {w}x{h}: the name shows as {shown:?}:\n{top}",
                    lang.tag()
                );
                assert!(
                    top.contains(&CARD[CARD.len() - 4..]),
                    "{name} {} at {w}x{h}: whose card is it?\n{top}",
                    lang.tag()
                );
            }
        }
    }
}

/// A screen to snapshot: its name, the kiosk it is on, and how to get there.
type Screen<'a> = (&'a str, fn() -> Harness, &'a dyn Fn(&mut Harness));

/// The screens whose names this fits, in both languages at every size from the smallest
/// grid the kiosk serves: the nearby page with a university's branches, and the home screen
/// of the rural station, whose name is the longest.
#[test]
fn snapshots_of_names_at_every_size() {
    const ALL_SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (160, 48)];
    let branches = |k: &mut Harness| {
        k.enter();
        k.key(Key::Char('.'));
        k.key(Key::Char('2'));
        k.key(Key::Char('2'));
        k.key(Key::Char('+'));
    };
    let screens: [Screen; 2] = [
        ("nearby-branches", Harness::demo, &branches),
        ("rural-home", Harness::rural_station, &|k: &mut Harness| {
            k.swipe(CARD)
        }),
    ];
    for (name, kiosk, build) in screens {
        for lang in Lang::ALL {
            for (w, h) in ALL_SIZES {
                let mut k = kiosk();
                k.resize(w, h);
                k.lang(lang);
                build(&mut k);
                let text = k.screen();
                assert!(!text.contains(CARD));
                insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang.tag()), text);
            }
        }
    }
}
