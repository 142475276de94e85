//! The standard view of each screen: it draws the screen's view model (`ui/model`) into the
//! content area the frame leaves; assisted mode draws the same model large (`ui/assisted`).

mod activity;
mod filter;
mod home;
mod map;
mod my_signups;
mod nearby;
mod signup;
mod staff;
mod venue;
mod welcome;

use ratatui::layout::Rect;

use crate::app::{Screen, State};
use crate::ui::keypad;
use crate::ui::model;
use crate::ui::painter::Painter;

/// Draws the current screen.
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect) {
    // Screens with a digit field get the on-screen pad beside them on touchscreens.
    let area = if crate::app::screens::field_capacity(&state.visit.screen).is_some() {
        let (content, pad) = keypad::split(state, area);
        if let Some(pad) = pad {
            keypad::draw(p, pad);
        }
        content
    } else {
        area
    };
    // Assisted mode draws its own pages; the day question, a full session, cancelling, good
    // news, checking in and the learning record have only that form: one plain question or
    // answer, large, for everyone.
    if (state.visit.assisted || large_only(&state.visit.screen))
        && let Some(page) = model::page(state)
    {
        crate::ui::assisted::draw::draw(p, state, &page, area);
        return;
    }
    let lang = p.lang;
    match &state.visit.screen {
        Screen::When
        | Screen::Full(_)
        | Screen::CancelAsk(_)
        | Screen::GoodNews(_)
        | Screen::CheckIn
        | Screen::Record => {}
        Screen::Welcome => welcome::draw(p, state, &model::welcome::build(state, lang), area),
        Screen::Home => home::draw(p, state, &model::home::build(state, lang), area),
        Screen::Nearby => nearby::draw(p, state, &model::nearby::build(state, lang), area),
        Screen::FilterMenu => filter::menu(p, state, &model::filter::menu(state, lang), area),
        Screen::Filter(kind) => {
            filter::draw(p, state, &model::filter::build(state, lang, *kind), area);
        }
        Screen::Activity(id) => {
            activity::draw(p, state, &model::activity::build(state, lang, *id), area);
        }
        Screen::CardEntry(session) => signup::card_entry(p, state, *session, area),
        Screen::Confirm(session) => signup::confirm(p, state, *session, area),
        Screen::Saving(_) => signup::saving(p, area),
        Screen::Receipt(receipt) => signup::receipt(p, state, receipt, area),
        Screen::MySignups => {
            my_signups::draw(p, state, &model::my_signups::build(state, lang), area);
        }
        Screen::Map => map::draw(p, state, area),
        Screen::Venue(id) => venue::draw(p, state, &model::venue::build(state, lang, *id), area),
        Screen::StaffPin => staff::pin(p, state, area),
        Screen::StaffMenu => staff::menu(p, state, &model::staff::build(state, lang), area),
    }
}

/// Screens drawn only in the large form.
fn large_only(screen: &Screen) -> bool {
    matches!(
        screen,
        Screen::When
            | Screen::Full(_)
            | Screen::CancelAsk(_)
            | Screen::GoodNews(_)
            | Screen::CheckIn
            | Screen::Record
    )
}

/// A screen's heading on its first row.
fn heading(p: &mut Painter<'_>, area: Rect, text: &str) -> u16 {
    p.text(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        text,
        p.theme.text.bold(),
    )
}

/// A list screen: its heading on the first row; returns the area for the list below it.
fn list_screen(p: &mut Painter<'_>, area: Rect, title: &str) -> Rect {
    heading(p, area, title);
    Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    )
}
