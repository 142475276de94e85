//! One view per screen. Each draws into the content area the frame leaves.

mod activity;
mod filter;
pub mod home;
mod map;
mod my_signups;
mod nearby;
mod signup;
mod staff;
mod venue;

use ratatui::layout::Rect;

use crate::app::{Screen, State};
use crate::ui::keypad;
use crate::ui::painter::Painter;

/// Draws the current screen.
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect) {
    // Screens with a digit field get the on-screen pad beside them on touchscreens.
    let area = if crate::app::screens::field::capacity(&state.visit.screen).is_some() {
        let (content, pad) = keypad::split(state, area);
        if let Some(pad) = pad {
            keypad::draw(p, pad);
        }
        content
    } else {
        area
    };
    // Assisted mode draws its own pages (the day question has only that form).
    if (state.visit.assisted || state.visit.screen == Screen::When)
        && let Some(page) = crate::ui::assisted::page::page(state)
    {
        crate::ui::assisted::draw::draw(p, state, &page, area);
        return;
    }
    match &state.visit.screen {
        Screen::When => {}
        Screen::Welcome => home::welcome(p, state, area),
        Screen::Home => home::home(p, state, area),
        Screen::Nearby => nearby::draw(p, state, area),
        Screen::FilterMenu => filter::menu(p, state, area),
        Screen::Filter(kind) => filter::draw(p, state, *kind, area),
        Screen::Activity(activity) => activity::draw(p, state, *activity, area),
        Screen::CardEntry(session) => signup::card_entry(p, state, *session, area),
        Screen::Confirm(session) => signup::confirm(p, state, *session, area),
        Screen::Saving(_) => signup::saving(p, area),
        Screen::Receipt(receipt) => signup::receipt(p, state, receipt, area),
        Screen::MySignups => my_signups::draw(p, state, area),
        Screen::Map => map::draw(p, state, area),
        Screen::Venue(venue) => venue::draw(p, state, *venue, area),
        Screen::StaffPin => staff::pin(p, state, area),
        Screen::StaffMenu => staff::menu(p, state, area),
    }
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
