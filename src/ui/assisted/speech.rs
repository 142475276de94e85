//! What assisted mode says aloud: each screen's title, the focused choice, and every
//! confirmation, refusal and countdown, in the current language. Worked out from the state,
//! like the view; the runtime hands the words to the speech command.

use crate::app::State;
use crate::app::idle::seconds_left;
use crate::app::state::{Notice, Overlay, Screen};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::model::page;
use crate::ui::overlays::notice_text;

/// What the screen says, in parts, so a change to one part says only that part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spoken {
    /// The language it is said in.
    pub lang: Lang,
    /// The screen's title.
    pub title: String,
    /// What a new screen says after its title: how to go on (its note) and every choice
    /// with its number, so nobody has to find the choices by moving the focus.
    pub guide: Option<String>,
    /// The focused choice.
    pub focus: Option<String>,
    /// A confirmation, a refusal, the countdown or the call for staff.
    pub message: Option<String>,
}

/// What the screen says now; `None` outside assisted mode.
pub fn spoken(state: &State) -> Option<Spoken> {
    if !state.visit.assisted {
        return None;
    }
    let lang = state.visit.lang;
    let page = page(state);
    let guide = page.as_ref().and_then(|p| guide(lang, p));
    let (title, focus) = match &page {
        Some(page) => (
            page.title.clone(),
            page.choices.iter().find(|c| c.focused).map(|c| {
                if c.key.chars().all(|ch| ch.is_ascii_digit()) {
                    ta(
                        lang,
                        "spoken-focus",
                        args!["number" => c.key.as_str(), "label" => c.label.as_str()],
                    )
                } else {
                    c.label.clone()
                }
            }),
        ),
        None => (screen_title(state, lang), map_focus(state, lang)),
    };
    let message = match state.visit.overlay {
        Some(Overlay::AskStaff) => Some(t(lang, "ask-staff-text")),
        Some(Overlay::Qr) => Some(t(lang, "receipt-qr-back")),
        Some(Overlay::Countdown { .. }) => {
            // Said again every ten seconds, not every second.
            let left = seconds_left(state).unwrap_or(0).div_ceil(10) * 10;
            Some(format!(
                "{} {}",
                t(lang, "countdown-title"),
                ta(lang, "countdown-text", args!["seconds" => left as usize])
            ))
        }
        // Help is read out without the table of keys.
        Some(Overlay::Help) => Some(format!(
            "{} {}",
            t(lang, crate::app::screens::help(&state.visit.screen)),
            t(lang, "help-assisted")
        )),
        None => match &state.visit.notice {
            Some(Notice::CardRead) => Some(t(lang, "spoken-card-read")),
            Some(notice) => Some(notice_text(lang, state, notice)),
            // A receipt's honest status is its confirmation.
            None if matches!(state.visit.screen, Screen::Receipt(_)) => page.and_then(|p| p.note),
            None => None,
        },
    };
    Some(Spoken {
        lang,
        title,
        guide,
        focus,
        message,
    })
}

/// A page's note and its choices, each with its key: "1, Today. 2, Tomorrow."
fn guide(lang: Lang, page: &crate::ui::model::Page) -> Option<String> {
    let choices = page.choices.iter().map(|c| {
        ta(
            lang,
            "spoken-choice",
            args!["key" => c.key.as_str(), "label" => c.label.as_str()],
        )
    });
    // The receipt's note is its confirmation, said as the message.
    let note = page.note.clone().filter(|_| !page.good);
    let parts: Vec<String> = note.into_iter().chain(choices).collect();
    (!parts.is_empty()).then(|| sentences(lang, &parts))
}

/// Sentences said one after another: Chinese needs no space between them.
fn sentences(lang: Lang, parts: &[String]) -> String {
    match lang {
        Lang::Zh => parts.concat(),
        Lang::En => parts.join(" "),
    }
}

/// The venue focused in the list beside the map, by its number on the page.
fn map_focus(state: &State, lang: Lang) -> Option<String> {
    if state.visit.screen != Screen::Map {
        return None;
    }
    let venue = state.visit.map_list.get(state.visit.focus)?;
    let number = state.visit.focus - crate::app::screens::page_start(state) + 1;
    let name = state.catalogue.venue(*venue).name.get(lang);
    Some(ta(
        lang,
        "spoken-focus",
        args!["number" => number, "label" => name],
    ))
}

/// The title of a screen without an assisted page: the map's (the staff screens are not for
/// the public; nothing to guide there). Every other screen's words come from its page.
fn screen_title(state: &State, lang: Lang) -> String {
    if state.visit.screen == Screen::Map {
        t(lang, "map-title")
    } else {
        String::new()
    }
}

/// What to say after the screen changed from `before` to `now`: everything when the screen
/// (or language) changed, else only the part that changed. Never a card number.
pub fn next_utterance(before: Option<&Spoken>, now: &Spoken) -> Option<String> {
    let text = match before {
        Some(b) if b.lang == now.lang && b.title == now.title => {
            if now.message.is_some() && b.message != now.message {
                now.message.clone()
            } else if now.focus.is_some() && b.focus != now.focus {
                now.focus.clone()
            } else {
                None
            }
        }
        _ => {
            // A new screen: the question, any message, how to go on and every choice.
            let parts: Vec<String> = [
                Some(now.title.as_str()),
                now.message.as_deref(),
                now.guide.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
            (!parts.is_empty()).then(|| sentences(now.lang, &parts))
        }
    }?;
    Some(without_long_numbers(&text))
}

/// Drops any run of six or more digits (a card number, or the district code at its start),
/// so nothing typed on the keypad is ever read aloud, whatever a message holds.
fn without_long_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() || c == '*' || (c == ' ' && !run.is_empty()) {
            run.push(c);
            continue;
        }
        let digits = run.chars().filter(char::is_ascii_digit).count();
        // A masked card (1101 **** **** 0016) is still a card number.
        if digits < 6 && !run.contains('*') {
            out.push_str(&run);
        } else if run.ends_with(' ') && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        run.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_numbers_are_never_said() {
        assert_eq!(
            without_long_numbers("Card 1101 0800 0000 0016 read."),
            "Card read."
        );
        assert_eq!(
            without_long_numbers("Card 1101 **** **** 0016, hello"),
            "Card , hello"
        );
        assert_eq!(
            without_long_numbers("110999 is not a district code"),
            "is not a district code"
        );
        assert_eq!(
            without_long_numbers("今天 14:00 还有 15 个名额"),
            "今天 14:00 还有 15 个名额"
        );
    }

    #[test]
    fn only_what_changed_is_said_again() {
        let first = Spoken {
            lang: Lang::En,
            title: "Which day?".into(),
            guide: Some("1, Today. 2, Tomorrow.".into()),
            focus: Some("Number 1: Today".into()),
            message: None,
        };
        assert_eq!(
            next_utterance(None, &first).as_deref(),
            Some("Which day? 1, Today. 2, Tomorrow.")
        );
        assert_eq!(next_utterance(Some(&first), &first), None);
        let moved = Spoken {
            focus: Some("Number 2: Tomorrow".into()),
            ..first.clone()
        };
        assert_eq!(
            next_utterance(Some(&first), &moved).as_deref(),
            Some("Number 2: Tomorrow")
        );
        let chinese = Spoken {
            lang: Lang::Zh,
            ..moved.clone()
        };
        assert!(next_utterance(Some(&moved), &chinese).is_some());
    }
}
