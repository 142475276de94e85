//! A full session, right where the person chose it: its waiting list, or the next sessions
//! of the same activity that have seats. Never a dead end.

use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::screens::activity;
use crate::app::state::{Screen, SessionRef, State};
use crate::app::step::{Next, Step};
use crate::catalogue::Session;
use crate::signup::{Ask, check_session};

/// Help for this screen (a message id).
pub const HELP: &str = "help-full";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The most other sessions offered.
const OTHERS: usize = 3;

/// The next sessions of the same activity that a person could still sign up for.
pub fn others(state: &State, full: SessionRef) -> Vec<Session> {
    let id = state.catalogue.activity(full.activity).id.to_string();
    activity::sessions(state, full.activity)
        .into_iter()
        .filter(|s| s.date != full.date)
        .filter(|s| {
            let held = state.held_for(SessionRef {
                activity: full.activity,
                date: s.date,
            });
            check_session(&state.catalogue, &id, s.date, &state.clock.now, held).is_ok()
        })
        .take(OTHERS)
        .collect()
}

/// Its choices: the waiting list first, then the other sessions.
pub fn items(state: &State, full: SessionRef) -> usize {
    1 + others(state, full).len()
}

/// 1 joins the waiting list; 2 and on choose another session.
pub fn on_action(state: &mut State, full: SessionRef, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let (session, ask) = match index {
        0 => (full, Ask::SeatOrWaitingList),
        i => match others(state, full).get(i - 1) {
            Some(s) => (
                SessionRef {
                    activity: full.activity,
                    date: s.date,
                },
                Ask::Seat,
            ),
            None => return Step::stay(),
        },
    };
    state.visit.ask = ask;
    let next = match state.visit.card {
        Some(_) => Screen::Confirm(session),
        None => Screen::CardEntry(session),
    };
    Step::to(Next::Go(next, 0))
}
