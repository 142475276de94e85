//! Checking in at the venue this kiosk stands at (`kiosk.venue`): a card read from 30
//! minutes before a session until 30 minutes after its start. Someone holding a seat is
//! checked in at once; someone without a place is offered a free seat; someone waiting is
//! told their place. What the card holds comes from this kiosk's outbox and, when the link
//! allows, the district's hub.

use crate::app::effect::{Effect, SharedCatalogue};
use crate::app::msg::Action;
use crate::app::paging::Paging;
use crate::app::state::{HubCard, Notice, Screen, SessionRef, State};

pub use crate::app::state::CheckinStage as Stage;
use crate::app::step::{Next, Step};
use crate::outbox::{Kind, OutboxError, Saved, SignupView, Status};
use crate::signup::checkin::{CheckinError, open_at};
use crate::signup::{Ask, SignupError};

/// Help for this screen (a message id).
pub const HELP: &str = "help-check-in";
/// How its choices page.
pub const PAGING: Paging = Paging::Menu;

/// The sessions at this kiosk's venue open for check-in now.
pub fn open(state: &State) -> Vec<SessionRef> {
    let Some(venue) = state.site.venue.as_deref() else {
        return Vec::new();
    };
    open_at(&state.catalogue, venue, &state.clock.now)
        .into_iter()
        .map(|(activity, s)| SessionRef {
            activity,
            date: s.date,
        })
        .collect()
}

/// A card read at a venue kiosk with a session open: the check-in screen, instead of the
/// home menu.
pub fn arrive(state: &mut State) -> Option<Step> {
    if open(state).is_empty() {
        return None;
    }
    state.visit.checkin = Some(Stage::Checking);
    Some(Step::to(Next::Go(Screen::CheckIn, 0)))
}

/// The card's place in a session, as far as this kiosk knows.
fn place_in(state: &State, session: SessionRef) -> Option<SignupView> {
    let id = &state.catalogue.activity(session.activity).id;
    state.visit.my_signups()?.into_iter().rev().find(|p| {
        p.activity_id == id.as_str()
            && p.date == session.date
            && !p.cancelling
            && !matches!(p.status, Status::Cancelled | Status::Full | Status::Invalid)
    })
}

/// A place that is a seat (confirmed, or a sign-up not yet answered: the kiosk counted a
/// seat for it).
fn is_seat(place: &SignupView) -> bool {
    match place.status {
        Status::Confirmed | Status::Duplicate | Status::CheckedIn => true,
        Status::Waiting | Status::Parked => place.kind == Kind::Signup,
        _ => false,
    }
}

/// Moves checking on as what the card holds becomes known: saves the check-in when it
/// holds a seat, or says what it holds instead.
pub fn progress(state: &mut State) -> Vec<Effect> {
    if state.visit.screen != Screen::CheckIn || state.visit.checkin != Some(Stage::Checking) {
        return Vec::new();
    }
    let (Some(card), Some(_)) = (state.visit.card, &state.visit.local_places) else {
        return Vec::new();
    };
    let open = open(state);
    if let Some(session) = open
        .iter()
        .copied()
        .find(|s| place_in(state, *s).is_some_and(|p| is_seat(&p)))
    {
        state.visit.checkin = Some(Stage::Saving(session));
        return vec![Effect::SaveCheckin {
            card,
            activity_id: state.catalogue.activity(session.activity).id.to_string(),
            date: session.date,
            now: state.clock.now,
            catalogue: SharedCatalogue(state.catalogue.clone()),
        }];
    }
    if let Some((session, place)) = open
        .iter()
        .find_map(|s| place_in(state, *s).map(|p| (*s, p.place)))
    {
        state.visit.checkin = Some(Stage::Waiting { session, place });
        return Vec::new();
    }
    // Nothing here yet: the hub may know of a place taken at another kiosk.
    if state.visit.hub_card == HubCard::Asking {
        return Vec::new();
    }
    state.visit.checkin = Some(Stage::NoPlace(open));
    Vec::new()
}

/// The choices the stage offers, in order.
pub fn choices(state: &State) -> Vec<Choice> {
    let mut out = Vec::new();
    if let Some(Stage::NoPlace(sessions)) = &state.visit.checkin {
        out.extend(
            sessions
                .iter()
                .filter(|s| state.seats_left(**s) > 0)
                .map(|s| Choice::TakeSeat(*s)),
        );
    }
    match &state.visit.checkin {
        Some(Stage::Checking | Stage::Saving(_) | Stage::TakingSeat(_)) | None => {}
        Some(_) => out.extend([Choice::Home, Choice::Finish]),
    }
    out
}

/// One choice of the check-in screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Take a free seat in this session, then check in.
    TakeSeat(SessionRef),
    /// On to the home menu.
    Home,
    /// Done: the kiosk forgets the card.
    Finish,
}

/// What the check-in screen does with a choice.
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    match choices(state).get(index).copied() {
        Some(Choice::TakeSeat(session)) => {
            let Some(card) = state.visit.card else {
                return Step::stay();
            };
            state.visit.checkin = Some(Stage::TakingSeat(session));
            Step::work(vec![Effect::SaveSignup {
                card,
                activity_id: state.catalogue.activity(session.activity).id.to_string(),
                date: session.date,
                now: state.clock.now,
                catalogue: SharedCatalogue(state.catalogue.clone()),
                ask: Ask::Seat,
            }])
        }
        Some(Choice::Home) => Step::to(Next::Home),
        Some(Choice::Finish) => Step::to(Next::Finish),
        None => Step::stay(),
    }
}

/// The free seat was taken (or not): on to checking in, with the card's places read again.
pub fn seat_taken(state: &mut State, result: Result<Saved, SignupError>) -> Step {
    let Some(card) = state.visit.card else {
        return Step::stay();
    };
    state.visit.checkin = Some(match result {
        Ok(_) => Stage::Checking,
        Err(SignupError::Refused(r)) => Stage::Failed(Notice::Refused(r)),
        Err(SignupError::Storage(OutboxError::DiskFull)) => Stage::Failed(Notice::DiskFull),
        Err(SignupError::Storage(_)) => Stage::Failed(Notice::SaveFailed),
    });
    state.visit.local_places = None;
    Step::work(vec![Effect::LoadMySignups(card), Effect::RefreshQueue]).and(Effect::SyncNow)
}

/// The check-in was saved (or why not).
pub fn finished(state: &mut State, result: Result<Saved, CheckinError>) -> Step {
    let Some(Stage::Saving(session)) = state.visit.checkin.clone() else {
        return Step::work(vec![Effect::RefreshQueue]);
    };
    state.visit.checkin = Some(match result {
        Ok(saved) => Stage::Done {
            session,
            again: matches!(saved, Saved::Existing(_)),
        },
        Err(CheckinError::Refused(_)) => Stage::Failed(Notice::CheckinClosed),
        Err(CheckinError::Storage(OutboxError::DiskFull)) => Stage::Failed(Notice::DiskFull),
        Err(CheckinError::Storage(_)) => Stage::Failed(Notice::SaveFailed),
    });
    state.visit.focus = 0;
    Step::work(vec![Effect::RefreshQueue, Effect::SyncNow])
}
