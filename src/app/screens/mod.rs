//! What each screen does: one module a screen, each with its help, its paging, what it needs
//! when it appears (`enter`), how many items it lists, and what it does with a person's
//! actions (returning a [`Step`] that only `update` carries out). This file hands each of
//! those to the screen in front of the person; its matches have no wildcard, so a new
//! `Screen` fails to compile until every one is wired. The views live in `crate::ui`.

pub mod activity;
pub mod cancel_ask;
pub mod card;
pub mod card_entry;
pub mod check_in;
pub mod confirm;
pub mod field;
pub mod filter;
pub mod filter_menu;
pub mod full;
pub mod good_news;
pub mod home;
pub mod map;
pub mod my_signups;
pub mod nearby;
pub mod pages;
pub mod receipt;
pub mod record;
pub mod saving;
pub mod staff_menu;
pub mod staff_pin;
pub mod venue;
pub mod welcome;
pub mod when;

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{Screen, State};
use crate::app::step::Step;

/// Hands an action to the screen it belongs to.
pub fn on_action(state: &mut State, action: Action) -> Step {
    match state.visit.screen.clone() {
        Screen::Welcome => welcome::on_action(state, action),
        Screen::Home => home::on_action(state, action),
        Screen::When => when::on_action(state, action),
        Screen::Nearby => nearby::on_action(state, action),
        Screen::FilterMenu => filter_menu::on_action(state, action),
        Screen::Filter(kind) => filter::on_action(state, kind, action),
        Screen::Activity(activity) => activity::on_action(state, activity, action),
        Screen::CardEntry(_) => card_entry::on_action(state, action),
        Screen::Confirm(session) => confirm::on_action(state, session, action),
        // Nothing may take the person away from the answer while the disk saves.
        Screen::Saving(_) => Step::stay(),
        Screen::Receipt(_) => receipt::on_action(state, action),
        Screen::MySignups => my_signups::on_action(state, action),
        Screen::Full(session) => full::on_action(state, session, action),
        Screen::CancelAsk(receipt) => cancel_ask::on_action(state, &receipt, action),
        Screen::GoodNews(_) => good_news::on_action(action),
        Screen::CheckIn => check_in::on_action(state, action),
        Screen::Record => record::on_action(action),
        Screen::Map => map::on_action(state, action),
        Screen::Venue(venue) => venue::on_action(state, venue, action),
        Screen::StaffPin => staff_pin::on_action(state, action),
        Screen::StaffMenu => staff_menu::on_action(state, action),
    }
}

/// What the screen now in front of the person needs each time it appears.
pub fn enter(state: &mut State) -> Vec<Effect> {
    match &state.visit.screen {
        Screen::Nearby => nearby::enter(state),
        Screen::MySignups => my_signups::enter(state),
        Screen::Activity(_) => activity::enter(),
        Screen::Venue(_) => venue::enter(),
        Screen::StaffMenu => staff_menu::enter(),
        Screen::Map => map::enter(state),
        Screen::Record => record::enter(state),
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::Full(_)
        | Screen::CancelAsk(_)
        | Screen::GoodNews(_)
        | Screen::CheckIn
        | Screen::StaffPin => Vec::new(),
    }
}

/// What the screen in front of the person does as the person leaves it.
pub fn leave(state: &mut State) {
    match &state.visit.screen {
        Screen::StaffMenu => staff_menu::leave(state),
        Screen::Welcome
        | Screen::Home
        | Screen::When
        | Screen::Nearby
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::Activity(_)
        | Screen::CardEntry(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::MySignups
        | Screen::Map
        | Screen::Venue(_)
        | Screen::Full(_)
        | Screen::CancelAsk(_)
        | Screen::GoodNews(_)
        | Screen::CheckIn
        | Screen::Record
        | Screen::StaffPin => {}
    }
}

/// The message id of a screen's help.
pub fn help(screen: &Screen) -> &'static str {
    match screen {
        Screen::Welcome => welcome::HELP,
        Screen::Home => home::HELP,
        Screen::When => when::HELP,
        Screen::Nearby => nearby::HELP,
        Screen::FilterMenu => filter_menu::HELP,
        Screen::Filter(_) => filter::HELP,
        Screen::Activity(_) => activity::HELP,
        Screen::CardEntry(_) => card_entry::HELP,
        Screen::Confirm(_) => confirm::HELP,
        Screen::Saving(_) => saving::HELP,
        Screen::Receipt(_) => receipt::HELP,
        Screen::MySignups => my_signups::HELP,
        Screen::Map => map::HELP,
        Screen::Venue(_) => venue::HELP,
        Screen::Full(_) => full::HELP,
        Screen::CancelAsk(_) => cancel_ask::HELP,
        Screen::GoodNews(_) => good_news::HELP,
        Screen::CheckIn => check_in::HELP,
        Screen::Record => record::HELP,
        Screen::StaffPin => staff_pin::HELP,
        Screen::StaffMenu => staff_menu::HELP,
    }
}

/// How many digits the screen's field takes, if it has one (the card field, the PIN).
pub fn field_capacity(screen: &Screen) -> Option<usize> {
    match screen {
        Screen::Welcome | Screen::CardEntry(_) => Some(field::CARD_DIGITS),
        Screen::StaffPin => Some(field::PIN_DIGITS),
        Screen::Home
        | Screen::When
        | Screen::Nearby
        | Screen::FilterMenu
        | Screen::Filter(_)
        | Screen::Activity(_)
        | Screen::Confirm(_)
        | Screen::Saving(_)
        | Screen::Receipt(_)
        | Screen::MySignups
        | Screen::Map
        | Screen::Venue(_)
        | Screen::Full(_)
        | Screen::CancelAsk(_)
        | Screen::GoodNews(_)
        | Screen::CheckIn
        | Screen::Record
        | Screen::StaffMenu => None,
    }
}

/// Types a key into the screen's field, if it has one; true when the key was used.
pub fn type_into_field(state: &mut State, key: crate::app::msg::Key) -> bool {
    match field_capacity(&state.visit.screen) {
        Some(capacity) => field::edit(state, capacity, key),
        None => false,
    }
}

/// How a screen's items make pages.
pub fn paging_of(screen: &Screen) -> Paging {
    match screen {
        Screen::Welcome => welcome::PAGING,
        Screen::Home => home::PAGING,
        Screen::When => when::PAGING,
        Screen::Nearby => nearby::PAGING,
        Screen::FilterMenu => filter_menu::PAGING,
        Screen::Filter(_) => filter::PAGING,
        Screen::Activity(_) => activity::PAGING,
        Screen::CardEntry(_) => card_entry::PAGING,
        Screen::Confirm(_) => confirm::PAGING,
        Screen::Saving(_) => saving::PAGING,
        Screen::Receipt(_) => receipt::PAGING,
        Screen::MySignups => my_signups::PAGING,
        Screen::Map => map::PAGING,
        Screen::Venue(_) => venue::PAGING,
        Screen::Full(_) => full::PAGING,
        Screen::CancelAsk(_) => cancel_ask::PAGING,
        Screen::GoodNews(_) => good_news::PAGING,
        Screen::CheckIn => check_in::PAGING,
        Screen::Record => record::PAGING,
        Screen::StaffPin => staff_pin::PAGING,
        Screen::StaffMenu => staff_menu::PAGING,
    }
}

/// How many choosable items the screen lists.
pub fn item_count(state: &State) -> usize {
    match &state.visit.screen {
        Screen::Home => home::items(state),
        Screen::When => when::WHEN_ITEMS.len(),
        Screen::Confirm(_) => confirm::items(state),
        Screen::Nearby => nearby::items(state),
        Screen::FilterMenu => filter_menu::items(),
        Screen::Filter(kind) => filter::options(state, *kind).len(),
        Screen::Activity(activity) => activity::sessions(state, *activity).len(),
        Screen::MySignups => my_signups::items(state),
        Screen::StaffMenu => staff_menu::menu_items(state).len(),
        Screen::Receipt(r) => receipt::items(state, r),
        Screen::Full(session) => full::items(state, *session),
        Screen::CancelAsk(_) => cancel_ask::ITEMS,
        Screen::GoodNews(_) => good_news::ITEMS,
        Screen::CheckIn => check_in::choices(state).len(),
        Screen::Record => record::ITEMS,
        Screen::Map => map::items(state),
        Screen::Venue(venue) => venue::activities(state, *venue).len(),
        Screen::Welcome | Screen::CardEntry(_) | Screen::Saving(_) | Screen::StaffPin => 0,
    }
}

/// How many items the page in view holds.
pub fn page_len(state: &State) -> usize {
    pages::page_of(state, state.visit.focus).len()
}

/// The index of the item keypad digit 1 chooses: on a list the first of the page in view,
/// on a short menu always its first item, so a menu's numbers stay the same on every page
/// ("finish" is 4 wherever the menu is paged).
pub fn number_base(state: &State) -> usize {
    match paging_of(&state.visit.screen) {
        Paging::Menu => 0,
        _ => page_start(state),
    }
}

/// The index of the first item on the focused page.
pub fn page_start(state: &State) -> usize {
    pages::page_of(state, state.visit.focus).start
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
    pages::turn(state, direction);
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
