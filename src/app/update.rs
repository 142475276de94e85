//! The one place the state changes.

use crate::app::catalogue_updates;
use crate::app::effect::Effect;
use crate::app::idle;
use crate::app::keymap::{self, Does};
use crate::app::msg::{Action, Key, Msg};
use crate::app::nav;
use crate::app::overlay;
use crate::app::screens;
use crate::app::state::{Notice, Overlay, Screen, State};
use crate::app::step::{Next, Step};

/// Applies a message to the state and returns the effects the runtime must carry out.
pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    let mut effects = apply(state, msg);
    effects.extend(catalogue_updates::apply_when_free(state));
    effects
}

fn apply(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick(clock) => {
            state.clock = clock;
            let effects = idle::on_tick(state);
            if screens::nearby::refresh_if_stale(state) {
                screens::clamp_focus(state);
            }
            effects
        }
        Msg::Resize(cols, rows) => {
            state.size = (cols, rows);
            if state.visit.screen == Screen::Map {
                screens::map::refresh(state);
            }
            screens::clamp_focus(state);
            Vec::new()
        }
        Msg::Terminate => vec![Effect::Quit(crate::exit_code::OK)],
        Msg::TerminalLost => vec![Effect::Quit(crate::exit_code::TERMINAL_LOST)],
        Msg::HeldResent(result) => screens::staff_menu::resent(state, result),
        Msg::QueueStatus(mut summary) => {
            state.held = std::mem::take(&mut summary.held)
                .into_iter()
                .filter_map(|((id, date), n)| {
                    state.catalogue.activity_by_id(&id).map(|a| ((a, date), n))
                })
                .collect();
            state.queue = summary;
            // The staff page's buttons follow the queue (no held sign-ups, no resend).
            screens::clamp_focus(state);
            Vec::new()
        }
        Msg::Link(link) => {
            state.link = link;
            Vec::new()
        }
        Msg::CatalogueUpdated(catalogue) => {
            catalogue_updates::loaded(state, catalogue);
            Vec::new()
        }
        Msg::CatalogueChanges(changes) => {
            catalogue_updates::changes_arrived(state, changes);
            Vec::new()
        }
        Msg::CatalogueReload => {
            catalogue_updates::reload_asked(state);
            Vec::new()
        }
        Msg::SyncFinished => {
            let mut effects = vec![Effect::RefreshQueue];
            // A receipt on screen learns its sign-up's answer as soon as the hub gives it.
            if let (Screen::Receipt(_), Some(card)) = (&state.visit.screen, state.visit.card) {
                effects.push(Effect::LoadMySignups(card));
            }
            effects
        }
        Msg::SignupFinished(result) if state.visit.screen == Screen::CheckIn => {
            let step = screens::check_in::seat_taken(state, result);
            nav::apply(state, step)
        }
        Msg::SignupFinished(result) => {
            // A new sign-up goes to the hub at once where there is one (within what the hub
            // and the byte budget allow).
            let send = state.link.hub && matches!(result, Ok(crate::outbox::Saved::New(_)));
            let step = screens::saving::finished(state, result);
            let mut effects = nav::apply(state, step);
            if send {
                effects.push(Effect::SyncNow);
            }
            effects
        }
        Msg::MySignupsLoaded {
            card,
            records,
            checkins_waiting,
        } => {
            if state.visit.card == Some(card)
                && let Ok(records) = &records
            {
                screens::receipt::heard(state, records);
            }
            screens::my_signups::loaded(state, card, records, checkins_waiting);
            screens::clamp_focus(state);
            screens::check_in::progress(state)
        }
        Msg::CardLooked { card, answer } => {
            if !screens::my_signups::looked(state, card, answer) {
                return Vec::new();
            }
            screens::clamp_focus(state);
            let mut effects = screens::check_in::progress(state);
            let step = screens::good_news::tell(state);
            effects.extend(nav::apply(state, step));
            effects
        }
        Msg::CancelFinished(result) => {
            let step = screens::cancel_ask::finished(state, result);
            nav::apply(state, step)
        }
        Msg::CheckinFinished(result) => {
            let step = screens::check_in::finished(state, result);
            nav::apply(state, step)
        }
        Msg::Printed { code, outcome } => {
            screens::receipt::printed(state, &code, outcome);
            Vec::new()
        }
        Msg::StaffPinChecked(ok) => {
            let step = screens::staff_pin::checked(state, ok);
            nav::apply(state, step)
        }
        Msg::SpeechUnavailable(why) => {
            state.speech_problem.get_or_insert(why);
            Vec::new()
        }
        Msg::ReaderProblem(why) => {
            state.reader_problem = why;
            Vec::new()
        }
        Msg::RecentCrashes(crashes) => {
            state.crashes = Some(crashes);
            Vec::new()
        }
        Msg::LogFailures(count) => {
            state.log_failures = count;
            Vec::new()
        }
        Msg::OutboxRebuilt { recovered } => {
            state.staff_notice = Some(Notice::OutboxRebuilt(recovered));
            Vec::new()
        }
        Msg::Key(_) | Msg::CardSwiped(_) | Msg::Action(_) | Msg::Touch | Msg::StaffChord => {
            on_input(state, msg)
        }
    }
}

fn on_input(state: &mut State, msg: Msg) -> Vec<Effect> {
    state.visit.last_input_ms = state.clock.mono_ms;
    // While the disk saves (milliseconds), nothing may take the person away from the answer:
    // only help and the language switch work.
    if matches!(state.visit.screen, Screen::Saving(_)) {
        let action = match msg {
            Msg::Key(key) => match keymap::lookup(keymap::SAVING_KEYS, state, key) {
                Some(Does::Act(action)) => Some(action),
                _ => None,
            },
            Msg::Action(action @ (Action::Help | Action::ToggleLanguage)) => Some(action),
            _ => None,
        };
        return action.map_or_else(Vec::new, |action| on_action(state, action));
    }
    if matches!(
        state.visit.overlay,
        Some(Overlay::Countdown { .. } | Overlay::AskStaff | Overlay::Qr)
    ) {
        state.visit.overlay = None;
        // One tap continues, and does nothing else; a card read still counts, since it may
        // be a new person.
        if !matches!(msg, Msg::CardSwiped(_)) {
            return Vec::new();
        }
    }
    match msg {
        Msg::CardSwiped(raw) => {
            let step = screens::card::swiped(state, &raw);
            nav::apply(state, step)
        }
        Msg::StaffChord => {
            let step = screens::staff_pin::open(state);
            nav::apply(state, step)
        }
        Msg::Key(key) => on_key(state, key),
        Msg::Action(action) => on_action(state, action),
        _ => Vec::new(),
    }
}

fn on_key(state: &mut State, key: Key) -> Vec<Effect> {
    if state.visit.overlay == Some(Overlay::Help) {
        return match keymap::lookup(keymap::HELP_KEYS, state, key) {
            Some(Does::Act(action)) => on_action(state, action),
            _ => Vec::new(),
        };
    }
    if screens::type_into_field(state, key) {
        return Vec::new();
    }
    let action = match keymap::lookup(keymap::SCREEN_KEYS, state, key) {
        None => return Vec::new(),
        Some(Does::Act(action)) => action,
        Some(Does::Focus(by)) => {
            screens::move_focus(state, isize::from(by));
            return Vec::new();
        }
        Some(Does::ChooseNumber) => {
            let Key::Char(c @ '1'..='9') = key else {
                return Vec::new();
            };
            let digit = c as usize - '0' as usize;
            // On a list, a number not on this page chooses nothing (not an item on the next
            // page); a menu's numbers are its own wherever it is paged.
            let menu = screens::paging_of(&state.visit.screen) == crate::app::paging::Paging::Menu;
            if !menu && digit > screens::page_len(state) {
                return Vec::new();
            }
            let index = screens::number_base(state) + digit - 1;
            if index >= screens::item_count(state) {
                return Vec::new();
            }
            Action::Choose(index)
        }
    };
    on_action(state, action)
}

/// Carries out an action, whether it came from a key or a tap.
pub fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Help => {
            overlay::toggle_help(state);
            Vec::new()
        }
        Action::ToggleLanguage => {
            state.visit.lang = state.visit.lang.other();
            screens::receipt::relabel(state);
            // The map's legend takes the rows its words need, so its list may hold more or fewer.
            if state.visit.screen == Screen::Map {
                screens::map::refresh(state);
                screens::clamp_focus(state);
            }
            Vec::new()
        }
        Action::Back => {
            if state.visit.overlay.is_some() {
                state.visit.overlay = None;
                return Vec::new();
            }
            nav::apply(state, Step::to(Next::Back))
        }
        Action::Home => {
            state.visit.overlay = None;
            nav::apply(state, Step::to(Next::Home))
        }
        Action::Finish => nav::apply(state, Step::to(Next::Finish)),
        Action::Continue => {
            state.visit.overlay = None;
            Vec::new()
        }
        Action::ToggleAssisted => {
            state.visit.assisted = !state.visit.assisted;
            // Chosen from the help box: the person wants the screen now, not the help.
            if state.visit.overlay == Some(Overlay::Help) {
                state.visit.overlay = None;
            }
            screens::clamp_focus(state);
            if state.visit.screen == Screen::Map {
                screens::map::refresh(state);
            }
            Vec::new()
        }
        Action::AskStaff => overlay::ask_staff(state),
        Action::SayAgain => vec![Effect::SayAgain],
        // The on-screen digit pad types into the field, as the keypad does.
        Action::Digit(d) => {
            screens::type_into_field(state, Key::Char(char::from(b'0' + d.min(9))));
            Vec::new()
        }
        Action::Erase => {
            screens::type_into_field(state, Key::Backspace);
            Vec::new()
        }
        Action::OpenMap => {
            state.visit.overlay = None;
            let step = screens::map::open(state);
            nav::apply(state, step)
        }
        Action::NextPage => {
            screens::turn_page(state, 1);
            Vec::new()
        }
        Action::PrevPage => {
            screens::turn_page(state, -1);
            Vec::new()
        }
        _ => {
            state.visit.overlay = None;
            let step = screens::on_action(state, action);
            nav::apply(state, step)
        }
    }
}
