//! Both languages hold the same messages, every message the code asks for exists, and no
//! message holds a symbol that breaks a terminal's layout.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::collections::BTreeSet;
use std::path::Path;

use learning_kiosk::app::link::LinkProblemKind;
use learning_kiosk::catalogue::{Audience, Category, VenueKind};
use learning_kiosk::domain::geo::Compass;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::i18n::{SOURCES, has, t};
use learning_kiosk::outbox::Status;
use learning_wire::InvalidReason;

fn ids(source: &str) -> BTreeSet<String> {
    let resource =
        fluent_syntax::parser::parse(source).expect("the locale file parses without errors");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_languages_hold_the_same_messages() {
    let zh = ids(SOURCES[0].1);
    let en = ids(SOURCES[1].1);
    let only_zh: Vec<_> = zh.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    assert!(only_zh.is_empty(), "only in zh-CN: {only_zh:?}");
    assert!(only_en.is_empty(), "only in en-US: {only_en:?}");
    assert!(zh.len() > 150);
}

/// Message ids the code names literally, like `t(lang, "seats-full")`.
fn ids_in_code(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in_code(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for call in [
                "t(lang, \"",
                "t(l, \"",
                "p.t(\"",
                "ta(lang, \"",
                "ta(l, \"",
                "ta(\n                lang,\n                \"",
                "ta(\n        lang,\n        \"",
            ] {
                for piece in text.split(call).skip(1) {
                    if let Some(id) = piece.split('"').next() {
                        out.insert(id.to_string());
                    }
                }
            }
            // Ids passed as values: ("problem-line", ...), "help-nearby" => and the like.
            for piece in text.split('"').skip(1).step_by(2) {
                let known_prefix = [
                    "help-",
                    "home-",
                    "problem-",
                    "notice-",
                    "cli-",
                    "receipt-",
                    "access-",
                    "filter-",
                    "welcome-",
                    "refusal-",
                    "card-error-",
                    "weekday-",
                    "staff-",
                    "link-",
                ];
                if known_prefix.iter().any(|p| piece.starts_with(p))
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    && !piece.ends_with('-')
                {
                    out.insert(piece.to_string());
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_uses_exists_in_both_languages() {
    let mut used = BTreeSet::new();
    ids_in_code(Path::new("src"), &mut used);
    // Ids the code builds from values.
    for n in 1..=12 {
        used.insert(format!("month-{n}"));
    }
    for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        used.insert(format!("weekday-{d}"));
        used.insert(format!("weekday-short-{d}"));
    }
    for c in Category::ALL {
        used.insert(format!("category-{}", c.wire()));
    }
    for a in Audience::ALL {
        used.insert(format!("audience-{}", a.wire()));
    }
    for k in VenueKind::ALL {
        used.insert(format!("kind-{}", k.wire()));
    }
    for c in Compass::ALL {
        used.insert(format!("direction-{}", c.key()));
    }
    for e in [
        "string", "number", "integer", "bool", "object", "array", "text",
    ] {
        used.insert(format!("expected-{e}"));
    }
    for status in Status::ALL {
        used.insert(format!("status-{}", status.as_str()));
        used.insert(format!("status-short-{}", status.as_str()));
    }
    for reason in InvalidReason::ALL {
        used.insert(format!("reason-{}", reason.as_str()));
    }
    for kind in LinkProblemKind::ALL {
        used.insert(format!("link-problem-{}", kind.as_str()));
    }
    assert!(
        used.len() > 150,
        "the scan found too few ids: {}",
        used.len()
    );
    for lang in Lang::ALL {
        let missing: Vec<_> = used.iter().filter(|id| !has(lang, id)).collect();
        assert!(missing.is_empty(), "{lang}: missing {missing:?}");
    }
}

/// East-Asian ambiguous-width characters draw one or two cells wide depending on the
/// terminal, so they break layouts. Box drawing and block elements are the exception the
/// UX rules make (the kiosk's terminal draws them narrow, cell-exact).
fn is_ambiguous(ch: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    ch.width() != ch.width_cjk() && !('\u{2500}'..='\u{259F}').contains(&ch)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_layout_breaking_symbols_and_no_isolation_marks() {
    assert!(is_ambiguous('\u{00B7}') && is_ambiguous('\u{2460}') && is_ambiguous('\u{00D7}'));
    assert!(!is_ambiguous('\u{2500}') && !is_ambiguous('\u{2580}') && !is_ambiguous('\u{5B66}'));
    for (lang, source) in SOURCES {
        for (n, line) in source.lines().enumerate() {
            for ch in line.chars() {
                let emoji = ('\u{1F300}'..='\u{1FAFF}').contains(&ch)
                    || ('\u{2600}'..='\u{27BF}').contains(&ch);
                assert!(
                    !is_ambiguous(ch) && !emoji,
                    "{lang} line {}: {ch:?} (U+{:04X}) breaks terminal layout",
                    n + 1,
                    ch as u32
                );
            }
        }
        for id in ids(source) {
            let text = t(lang, &id);
            assert!(
                !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                "{id} has isolation marks"
            );
        }
    }
    // The code's own strings (and comments) too.
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if let Some(ch) = line.chars().find(|c| is_ambiguous(*c)) {
                panic!(
                    "{}:{}: {ch:?} (U+{:04X}) is ambiguous width",
                    file.display(),
                    n + 1,
                    ch as u32
                );
            }
        }
    }
}
