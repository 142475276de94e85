//! One activity and its next sessions.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::state::{Notice, Screen, SessionRef, State};
use crate::app::step::{Next, Step};
use crate::catalogue::{ActivityId, Session};
use crate::signup::{Ask, Refusal, check_session};

/// Help for this screen (a message id).
pub const HELP: &str = "help-activity";
/// How its sessions page.
pub const PAGING: Paging = Paging::List {
    reserved: paging::ACTIVITY_RESERVED,
    assisted: Some(paging::ASSISTED_FACTS_RESERVED),
};

/// How far ahead the activity screen lists sessions, in days.
const HORIZON_DAYS: u32 = 42;
/// The most sessions it lists.
const MAX_SESSIONS: usize = 9;

/// The sessions the activity screen offers.
pub fn sessions(state: &State, activity: ActivityId) -> Vec<Session> {
    state
        .catalogue
        .activity(activity)
        .upcoming(&state.clock.now, HORIZON_DAYS, MAX_SESSIONS)
}

/// The screen appears: seats count what the outbox holds now.
pub fn enter() -> Vec<Effect> {
    vec![Effect::RefreshQueue]
}

/// What the activity screen does with actions: choosing a session starts the sign-up.
pub fn on_action(state: &mut State, activity: ActivityId, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some(session) = sessions(state, activity).get(index).copied() else {
        return Step::stay();
    };
    state.visit.focus = index;
    let session = SessionRef {
        activity,
        date: session.date,
    };
    let id = state.catalogue.activity(activity).id.to_string();
    let held = state.held_for(session);
    match check_session(&state.catalogue, &id, session.date, &state.clock.now, held) {
        Ok(_) => {}
        // Full is not a dead end: its waiting list, or another session with seats.
        Err(Refusal::Full) => return Step::to(Next::Go(Screen::Full(session), 0)),
        Err(refusal) => {
            state.visit.notice = Some(Notice::Refused(refusal));
            return Step::stay();
        }
    }
    state.visit.ask = Ask::Seat;
    let next = match state.visit.card {
        Some(_) => Screen::Confirm(session),
        None => Screen::CardEntry(session),
    };
    Step::to(Next::Go(next, 0))
}
