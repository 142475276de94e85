//! "My sign-ups": this card's places, held on this kiosk and (online) anywhere in the
//! district; a row opens its receipt again.

use crate::app::effect::Effect;
use crate::app::msg::Action;
use crate::app::paging::{self, Paging};
use crate::app::receipt::{Receipt, qr_images, qr_payloads};
use crate::app::state::{HubCard, Notice, Screen, State};
use crate::app::step::{Next, Step};
use crate::catalogue::SessionLookup;
use crate::domain::card::CardNumber;
use crate::outbox::SignupView;
use crate::outbox::Status;
use learning_wire::CardAnswer;

/// Help for this screen (a message id).
pub const HELP: &str = "help-my-signups";
/// How its list pages.
pub const PAGING: Paging = Paging::List {
    reserved: paging::MY_SIGNUPS_RESERVED,
    assisted: Some(paging::ASSISTED_RESERVED),
};

/// The screen appears: the card's sign-ups are read afresh from the outbox (the hub's word,
/// asked for when the card was read, is kept and merged in).
pub fn enter(state: &mut State) -> Vec<Effect> {
    match state.visit.card {
        Some(card) => {
            state.visit.local_places = None;
            vec![Effect::LoadMySignups(card)]
        }
        None => Vec::new(),
    }
}

/// How many sign-ups the list holds (none while they load).
pub fn items(state: &State) -> usize {
    state.visit.my_signups().map_or(0, |list| list.len())
}

/// A row opens its receipt again, with its QR code (and, for a place that can still be given
/// up, "cancel this sign-up").
pub fn on_action(state: &mut State, action: Action) -> Step {
    let index = match action {
        Action::Primary => state.visit.focus,
        Action::Choose(i) => i,
        _ => return Step::stay(),
    };
    let Some(view) = state
        .visit
        .my_signups()
        .and_then(|mut list| (index < list.len()).then(|| list.swap_remove(index)))
    else {
        return Step::stay();
    };
    state.visit.focus = index;
    let catalogue = state.catalogue.clone();
    let found = catalogue.activity_by_id(&view.activity_id).and_then(|a| {
        match catalogue.activity(a).session_on(view.date) {
            SessionLookup::Meets(s) => Some((a, s)),
            _ => None,
        }
    });
    let Some((activity, session)) = found else {
        // The catalogue no longer describes it: the row says what it can.
        return Step::stay();
    };
    let live = !view.cancelling
        && matches!(
            view.status,
            Status::Waiting | Status::Confirmed | Status::Waitlisted | Status::Parked
        );
    let mut receipt = Receipt {
        code: view.code.clone(),
        activity,
        session,
        status: view.status,
        existing: true,
        kind: view.kind,
        place: view.place,
        cancellable: (live && state.clock.now < session.start).then(|| view.uuid.clone()),
        qr: Vec::new(),
    };
    receipt.qr = qr_images(&qr_payloads(&catalogue, &receipt, state.visit.lang));
    Step::to(Next::Go(Screen::Receipt(Box::new(receipt)), 0))
}

/// The card's places arrived from the outbox.
pub fn loaded(
    state: &mut State,
    card: CardNumber,
    records: Result<Vec<SignupView>, String>,
    checkins_waiting: u32,
) {
    if state.visit.card != Some(card) {
        return;
    }
    state.visit.checkins_waiting = checkins_waiting;
    match records {
        Ok(records) => state.visit.local_places = Some(records),
        Err(_) => {
            state.visit.local_places = Some(Vec::new());
            state.visit.notice = Some(Notice::SignupsUnavailable);
        }
    }
}

/// What the district's hub knows of the card arrived (or could not be had); false when it
/// was for a card no longer at the kiosk (and is dropped).
pub fn looked(state: &mut State, card: CardNumber, answer: Result<CardAnswer, String>) -> bool {
    if state.visit.card != Some(card) {
        return false;
    }
    state.visit.hub_card = match answer {
        Ok(answer) => HubCard::Known(answer),
        Err(why) => {
            tracing::info!(%why, "the hub could not be asked about the card");
            HubCard::Unavailable
        }
    };
    true
}

/// A sign-up's activity title as "My sign-ups" shows it: its id when the catalogue no
/// longer has it.
pub fn title(state: &State, s: &crate::outbox::SignupView) -> String {
    match state.catalogue.activity_by_id(&s.activity_id) {
        Some(a) => state
            .catalogue
            .texts(a)
            .title
            .get(state.visit.lang)
            .to_string(),
        None => s.activity_id.clone(),
    }
}
