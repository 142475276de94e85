//! What each screen does with a person's actions. The views live in `crate::ui::screens`.

pub mod activity;
pub mod card;
pub mod field;
pub mod filter;
pub mod home;
pub mod map;
pub mod my_signups;
pub mod nearby;
pub mod signup;
pub mod staff;
pub mod venue;
pub mod when;

use crate::app::effect::Effect;
use crate::app::filters::FilterKind;
use crate::app::msg::Action;
use crate::app::paging;
use crate::app::state::{Screen, State};

/// Hands an action to the screen it belongs to.
pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    match state.visit.screen.clone() {
        Screen::Welcome => home::welcome_action(state, action),
        Screen::Home => home::home_action(state, action),
        Screen::When => when::on_action(state, action),
        Screen::Nearby => nearby::on_action(state, action),
        Screen::FilterMenu => filter::menu_action(state, action),
        Screen::Filter(kind) => filter::on_action(state, kind, action),
        Screen::Activity(activity) => activity::on_action(state, activity, action),
        Screen::CardEntry(session) => card::entry_action(state, session, action),
        Screen::Confirm(session) => signup::confirm_action(state, session, action),
        Screen::Saving(_) => Vec::new(),
        Screen::Receipt(_) => signup::receipt_action(state, action),
        // "My sign-ups" is a list to read; paging is handled for every screen.
        Screen::MySignups => Vec::new(),
        Screen::Map => map::on_action(state, action),
        Screen::Venue(venue) => venue::on_action(state, venue, action),
        Screen::StaffPin => staff::pin_action(state, action),
        Screen::StaffMenu => staff::menu_action(state, action),
    }
}

/// How many choosable items the screen lists.
pub fn item_count(state: &State) -> usize {
    match &state.visit.screen {
        Screen::Home => home::home_items(state).len(),
        Screen::When => when::WHEN_ITEMS.len(),
        // Assisted mode asks "sign up for this?" with two numbered answers.
        Screen::Confirm(_) if state.visit.assisted => 2,
        Screen::Nearby => state.visit.nearby.len(),
        Screen::FilterMenu => FilterKind::ALL.len(),
        Screen::Filter(kind) => filter::options(state, *kind).len(),
        Screen::Activity(activity) => activity::sessions(state, *activity).len(),
        Screen::MySignups => state.visit.my_signups.as_ref().map_or(0, Vec::len),
        Screen::StaffMenu => staff::menu_items(state).len(),
        Screen::Receipt(_) => signup::RECEIPT_ITEMS,
        Screen::Map => state.visit.map_list.len(),
        Screen::Venue(venue) => venue::activities(state, *venue).len(),
        Screen::Welcome
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::StaffPin => 0,
    }
}

/// How many items one page of the screen holds at the current size.
pub fn page_len(state: &State) -> usize {
    let standard = standard_page_len(state);
    // Assisted mode: at most four large choices at a time, fewer on a small screen.
    if !state.visit.assisted {
        return standard;
    }
    // Lists of choices with a detail line (when, where, seats) take a row each; short
    // menus take a two-by-two grid and always show all four.
    let reserved = match state.visit.screen {
        Screen::StaffMenu | Screen::StaffPin => return standard,
        Screen::Map => return standard,
        Screen::Activity(_) | Screen::Venue(_) => paging::ASSISTED_FACTS_RESERVED,
        Screen::Nearby | Screen::MySignups => paging::ASSISTED_RESERVED,
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_) => return paging::ASSISTED_CHOICES,
    };
    paging::assisted_page_size(state.size.1, reserved)
}

fn standard_page_len(state: &State) -> usize {
    let rows = state.size.1;
    let touch = state.site.touchscreen;
    match &state.visit.screen {
        Screen::Nearby => paging::page_size(rows, paging::NEARBY_RESERVED, touch),
        Screen::Filter(_) | Screen::FilterMenu => {
            paging::page_size(rows, paging::FILTER_RESERVED, touch)
        }
        Screen::Activity(_) => paging::page_size(rows, paging::ACTIVITY_RESERVED, touch),
        Screen::MySignups => paging::page_size(rows, paging::MY_SIGNUPS_RESERVED, touch),
        Screen::Venue(_) => paging::page_size(rows, paging::VENUE_RESERVED, touch),
        Screen::Map => crate::app::map_layout::list_capacity(state.size.0, rows, touch),
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::StaffPin
        | Screen::StaffMenu => paging::MAX_PAGE,
    }
}

/// The index of the first item on the focused page.
pub fn page_start(state: &State) -> usize {
    paging::page_start(state.visit.focus, page_len(state))
}

/// Moves the focus by `delta` items, staying in the list.
pub fn move_focus(state: &mut State, delta: isize) {
    let count = item_count(state);
    if count == 0 {
        return;
    }
    state.visit.focus = state
        .visit
        .focus
        .saturating_add_signed(delta)
        .min(count - 1);
}

/// Turns the page forward (`1`) or back (`-1`).
pub fn turn_page(state: &mut State, direction: isize) {
    let count = item_count(state);
    let page = page_len(state);
    if count == 0 {
        return;
    }
    let start = page_start(state);
    state.visit.focus = if direction > 0 {
        if start + page < count {
            start + page
        } else {
            state.visit.focus
        }
    } else {
        start.saturating_sub(page)
    };
}

/// Keeps the focus on an item that exists.
pub fn clamp_focus(state: &mut State) {
    let count = item_count(state);
    state.visit.focus = if count == 0 {
        0
    } else {
        state.visit.focus.min(count - 1)
    };
}
