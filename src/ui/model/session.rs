//! A session about to be signed up for, or just signed up for: what, when and where. The card
//! screen, the confirm screen and the receipt all show it.

use crate::app::receipt::Receipt;
use crate::app::state::SessionRef;
use crate::app::{Action, State};
use crate::args;
use crate::catalogue::SessionLookup;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::model::{Page, main, numbered};
use crate::ui::words;

/// What, when and where.
pub struct SessionFacts {
    /// The activity's title.
    pub title: String,
    /// The session's date.
    pub date: String,
    /// Its time range, if the catalogue has the session.
    pub time: Option<String>,
    /// The venue's name.
    pub venue: String,
    /// The venue, for what only the standard view says (how far, the address).
    pub venue_id: crate::catalogue::VenueId,
    /// Seats left.
    pub seats: String,
}

/// The facts of a session.
pub fn facts(state: &State, lang: Lang, session: SessionRef) -> SessionFacts {
    let activity = state.catalogue.activity(session.activity);
    let venue = state.catalogue.venue(activity.venue);
    let time = match activity.session_on(session.date) {
        SessionLookup::Meets(s) => Some(words::time_range(&s)),
        _ => None,
    };
    SessionFacts {
        title: state
            .catalogue
            .texts(session.activity)
            .title
            .get(lang)
            .to_string(),
        date: words::date(lang, session.date),
        time,
        venue: venue.name.get(lang).to_string(),
        venue_id: activity.venue,
        seats: words::seats(lang, state.seats_left(session), false),
    }
}

impl SessionFacts {
    /// How far the venue is from the kiosk, and which way.
    pub fn distance(&self, state: &State, lang: Lang) -> String {
        let (here, there) = (
            state.site.position,
            state.catalogue.venue(self.venue_id).position,
        );
        words::distance_direction(lang, here.distance_km(there), here.direction_to(there))
    }

    /// The venue's address.
    pub fn address<'s>(&self, state: &'s State, lang: Lang) -> &'s str {
        state.catalogue.venue(self.venue_id).address.get(lang)
    }

    /// When, with `gap` between the date and the time.
    pub fn when(&self, gap: &str) -> String {
        match &self.time {
            Some(time) => format!("{}{gap}{time}", self.date),
            None => self.date.clone(),
        }
    }

    /// The key facts drawn large: what, when, where (and seats).
    pub fn large(self, seats: bool) -> Vec<String> {
        let when = self.when(" ");
        let mut facts = vec![self.title, when, self.venue];
        if seats {
            facts.push(self.seats);
        }
        facts
    }
}

/// The assisted card screen: the session, and the card field.
pub fn card_entry(state: &State, lang: Lang, session: SessionRef) -> Page {
    Page {
        title: t(lang, "assisted-card-title"),
        facts: facts(state, lang, session).large(false),
        note: Some(t(lang, "assisted-welcome-hint")),
        field: true,
        choices: vec![main(lang, "Enter", "button-ok", Action::Primary)],
        ..Page::default()
    }
}

/// Whether the person is joining a full session's waiting list rather than taking a seat.
pub fn joining(state: &State) -> bool {
    state.visit.ask == crate::signup::Ask::SeatOrWaitingList
}

/// The confirm screen's question and its "yes": a seat, or the waiting list.
pub fn confirm_words(state: &State, lang: Lang) -> (String, String) {
    if joining(state) {
        (
            t(lang, "confirm-waitlist-title"),
            t(lang, "confirm-waitlist-button"),
        )
    } else {
        (t(lang, "assisted-confirm-title"), t(lang, "confirm-button"))
    }
}

/// How many wait for a full session, honestly: the hub's count, or nothing when it has
/// said none.
pub fn waiting_words(state: &State, lang: Lang, session: SessionRef) -> Option<String> {
    let id = &state.catalogue.activity(session.activity).id;
    let waiting = state.catalogue.waiting_on(id, session.date);
    (waiting > 0).then(|| ta(lang, "full-waiting", args!["count" => waiting as usize]))
}

/// The assisted confirm screen: "sign up for this?" (or "join its waiting list?"), yes or no.
pub fn confirm(state: &State, lang: Lang, session: SessionRef) -> Page {
    let (title, yes) = confirm_words(state, lang);
    let mut choices = numbered(state, vec![yes, t(lang, "assisted-confirm-no")]);
    if let Some(yes) = choices.first_mut() {
        yes.primary = true;
    }
    let joining = joining(state);
    let mut facts = facts(state, lang, session).large(!joining);
    if joining {
        facts.extend(waiting_words(state, lang, session));
    }
    Page {
        title,
        facts,
        note: joining.then(|| t(lang, "confirm-waitlist-note")),
        choices,
        ..Page::default()
    }
}

/// The message id of a receipt's headline.
pub fn receipt_headline(receipt: &Receipt) -> &'static str {
    if receipt.is_waiting() {
        "receipt-waitlist"
    } else if receipt.cancellable.is_some() {
        "receipt-reopened"
    } else if receipt.existing {
        "receipt-existing"
    } else {
        "receipt-saved"
    }
}

/// The receipt's honest status: for a waiting place, plainly a place in a queue and not a
/// seat (with the place in line once the hub has said it).
pub fn receipt_status(lang: Lang, receipt: &Receipt) -> String {
    if !receipt.is_waiting() {
        return words::status(lang, receipt.status);
    }
    match receipt.place {
        Some(place) => ta(
            lang,
            "receipt-waitlist-place",
            args!["place" => place as usize],
        ),
        None => t(lang, "receipt-waitlist-note"),
    }
}

/// The sign-up's code, in words.
pub fn receipt_code(lang: Lang, receipt: &Receipt) -> String {
    ta(lang, "receipt-code", args!["code" => &receipt.code])
}

/// The receipt's choices in words: finish, more, and where offered cancel and the QR code.
pub fn receipt_choices(state: &State, lang: Lang, receipt: &Receipt) -> Vec<String> {
    use crate::app::screens::receipt::{Choice, choices};
    choices(state, receipt)
        .into_iter()
        .map(|c| {
            t(
                lang,
                match c {
                    Choice::Finish => "receipt-finish",
                    Choice::More => "receipt-more",
                    Choice::Cancel => "receipt-cancel",
                    Choice::Print => "receipt-print",
                    Choice::Qr => "receipt-show-qr",
                },
            )
        })
        .collect()
}

/// The assisted receipt: good news, what, when, where, the code and the honest status.
pub fn receipt(state: &State, lang: Lang, receipt: &Receipt) -> Page {
    let session = SessionRef {
        activity: receipt.activity,
        date: receipt.date(),
    };
    Page {
        title: t(lang, receipt_headline(receipt)),
        good: true,
        facts: facts(state, lang, session).large(false),
        code: Some((t(lang, "receipt-code-label"), receipt.code.clone())),
        qr: true,
        note: Some(receipt_status(lang, receipt)),
        choices: numbered(state, receipt_choices(state, lang, receipt)),
        ..Page::default()
    }
}
