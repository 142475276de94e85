//! Everything the kiosk knows at one moment. `update` changes it; `view` draws it.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::app::filters::{FilterKind, Filters};
use crate::app::link::LinkStatus;
use crate::app::msg::{Clock, QueueSummary};
use crate::app::receipt::Receipt;
use crate::catalogue::change::Change;
use crate::catalogue::nearby::NearbyItem;
use crate::catalogue::{ActivityId, Catalogue};
use crate::config::{Mode, Site};
use crate::domain::card::{CardError, CardNumber};
use crate::domain::lang::Lang;
use crate::outbox::SignupView;
use crate::signup::Refusal;

/// A session of an activity, by its activity and date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SessionRef {
    /// The activity.
    pub activity: ActivityId,
    /// The session's local date.
    pub date: NaiveDate,
}

/// The screen in front of the person.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// No card yet: both languages, the card field, "look around first".
    Welcome,
    /// A card has been read: greeting and the main choices.
    Home,
    /// Assisted mode's first question before the nearby list: which day.
    When,
    /// Sessions on nearby, soonest and closest first.
    Nearby,
    /// Which filter to set (the keypad's way to the filters).
    FilterMenu,
    /// Choosing a value for one of the nearby filters.
    Filter(FilterKind),
    /// One activity and its next sessions.
    Activity(ActivityId),
    /// The card is needed to sign up for this session.
    CardEntry(SessionRef),
    /// Confirm the sign-up.
    Confirm(SessionRef),
    /// Saving (only for the moment the disk takes).
    Saving(SessionRef),
    /// The receipt of a saved sign-up.
    Receipt(Box<Receipt>),
    /// This card's sign-ups held on this kiosk.
    MySignups,
    /// The learning map.
    Map,
    /// One venue and what is on there.
    Venue(crate::catalogue::VenueId),
    /// A full session: its waiting list, or another session with seats.
    Full(SessionRef),
    /// "Cancel your place?", asked of a receipt opened from "My sign-ups".
    CancelAsk(Box<Receipt>),
    /// Good news: places moved up from a waiting list to a seat.
    GoodNews(Vec<SessionRef>),
    /// Checking in at this kiosk's venue.
    CheckIn,
    /// What the card has attended: sessions, hours and credits.
    Record,
    /// Staff: the PIN prompt.
    StaffPin,
    /// Staff: what staff can do here.
    StaffMenu,
}

impl Screen {
    /// Whether staff, not the public, read this screen.
    pub fn for_staff(&self) -> bool {
        matches!(self, Screen::StaffPin | Screen::StaffMenu)
    }
}

/// Something drawn over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Help for the screen beneath.
    Help,
    /// Staff have been called: a clear message until the person goes on.
    AskStaff,
    /// The receipt's QR code on a page of its own, until the person goes on.
    Qr,
    /// The idle countdown, started at this monotonic millisecond.
    Countdown {
        /// When it began.
        since_ms: u64,
    },
}

/// A message to the person about what just happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The card was refused.
    Card(CardError),
    /// A card was read while browsing.
    CardRead,
    /// A different card was read: the previous person's session was closed.
    NewPerson,
    /// The sign-up was refused.
    Refused(Refusal),
    /// The disk is full: the sign-up was not saved.
    DiskFull,
    /// Saving failed for another reason: the sign-up was not saved.
    SaveFailed,
    /// The sign-ups of this card could not be read.
    SignupsUnavailable,
    /// The staff PIN was wrong.
    WrongPin,
    /// Too many wrong PINs: the prompt is locked for this many more seconds.
    PinLocked(u64),
    /// No staff PIN is set in this site's config.
    NoStaffPin,
    /// A venue was chosen on the map; this row number again (or Enter) opens it.
    MapChosen(usize),
    /// The outbox was damaged and rebuilt (for staff).
    OutboxRebuilt(usize),
    /// Staff asked for a sync; it runs in the background.
    SyncAsked,
    /// Staff sent this many held sign-ups again.
    HeldResent(usize),
    /// A place was given up (the cancel is saved).
    Cancelled,
    /// A cancel was refused: the session has started.
    CancelTooLate,
    /// A check-in was refused: no session is open for it now.
    CheckinClosed,
    /// The receipt is being printed.
    Printing,
    /// The receipt's printout ended so.
    Print(crate::printer::PrintOutcome),
}

impl Notice {
    /// True for notices that report a problem (drawn as a warning, with "ask staff").
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Notice::CardRead
                | Notice::NewPerson
                | Notice::MapChosen(_)
                | Notice::SyncAsked
                | Notice::HeldResent(_)
                | Notice::Cancelled
                | Notice::Printing
                | Notice::Print(crate::printer::PrintOutcome::Printed)
        )
    }
}

/// Everything about the person at the screen. A new person is a new `Visit`: nothing of the
/// last one can be left over, and nothing the kiosk keeps can be wiped by mistake.
#[derive(Clone, Debug)]
pub struct Visit {
    /// The language in use.
    pub lang: Lang,
    /// Whether the larger, simpler, more patient mode is on.
    pub assisted: bool,
    /// The screen shown.
    pub screen: Screen,
    /// The focused item on the screen.
    pub focus: usize,
    /// Screens to go back to, with their focus.
    pub back: Vec<(Screen, usize)>,
    /// Help or the countdown, over the screen.
    pub overlay: Option<Overlay>,
    /// The latest notice for the person.
    pub notice: Option<Notice>,
    /// The card, once read.
    pub card: Option<CardNumber>,
    /// Digits typed into the card field (or the PIN field on the staff screen).
    pub field: String,
    /// The nearby filters.
    pub filters: Filters,
    /// What the map shows.
    pub map: crate::map::MapView,
    /// The venues listed beside the map: nearest to its centre first.
    pub map_list: Vec<crate::catalogue::VenueId>,
    /// The nearby list, as last worked out.
    pub nearby: Vec<NearbyItem>,
    /// The minute the nearby list was worked out in (it is redone as sessions start).
    pub nearby_minute: i64,
    /// This card's places as this kiosk holds them, once loaded (the screens show them
    /// merged with the hub's word: [`Visit::my_signups`]).
    pub local_places: Option<Vec<SignupView>>,
    /// This card's check-ins saved here that no hub has answered yet.
    pub checkins_waiting: u32,
    /// What the district's hub said of this card (nothing of it outlives the visit).
    pub hub_card: HubCard,
    /// A seat only, or a place on the waiting list too (chosen on a full session).
    pub ask: crate::signup::Ask,
    /// How checking in stands, on the check-in screen.
    pub checkin: Option<CheckinStage>,
    /// When the last input came, monotonic ms.
    pub last_input_ms: u64,
    /// The sign-up code whose receipt is being printed for this person, if one is.
    pub printing: Option<String>,
}

/// How checking in stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckinStage {
    /// Finding out what the card holds (this kiosk's outbox, the hub).
    Checking,
    /// Saving the check-in to this session.
    Saving(SessionRef),
    /// Checked in (`again`: it already was).
    Done {
        /// The session.
        session: SessionRef,
        /// It had checked in before.
        again: bool,
    },
    /// No place in the sessions open now: a free seat is offered where there is one.
    NoPlace(Vec<SessionRef>),
    /// Taking a free seat (a sign-up) before checking in.
    TakingSeat(SessionRef),
    /// On the session's waiting list, at this place (if the hub has said).
    Waiting {
        /// The session.
        session: SessionRef,
        /// The place in line.
        place: Option<u32>,
    },
    /// Could not check in, for this reason.
    Failed(Notice),
}

/// What the district's hub has said of the card at the screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum HubCard {
    /// Not asked: no card yet, or no hub.
    #[default]
    NotAsked,
    /// Asked; no answer yet.
    Asking,
    /// The hub's answer.
    Known(learning_wire::CardAnswer),
    /// The hub could not be asked (offline); why, for the log.
    Unavailable,
}

impl Visit {
    /// A visit that has not begun: the welcome screen in the site's language and mode.
    pub fn new(site: &Site, clock: Clock) -> Visit {
        Visit {
            lang: site.language,
            assisted: site.mode == Mode::Assisted,
            screen: Screen::Welcome,
            focus: 0,
            back: Vec::new(),
            overlay: None,
            notice: None,
            card: None,
            field: String::new(),
            filters: Filters::default(),
            map: crate::map::MapView::around(site.position),
            map_list: Vec::new(),
            nearby: Vec::new(),
            nearby_minute: i64::MIN,
            local_places: None,
            checkins_waiting: 0,
            hub_card: HubCard::NotAsked,
            ask: crate::signup::Ask::Seat,
            checkin: None,
            last_input_ms: clock.mono_ms,
            printing: None,
        }
    }

    /// This card's places as the screens show them: this kiosk's, with the hub's word on
    /// them when it has come; `None` while the outbox is read.
    pub fn my_signups(&self) -> Option<Vec<SignupView>> {
        let local = self.local_places.clone()?;
        Some(match &self.hub_card {
            HubCard::Known(answer) => crate::signup::places::merge(local, answer),
            _ => local,
        })
    }

    /// True when nothing about a person is on the kiosk (so no countdown is needed).
    pub fn is_untouched(&self, site: &Site) -> bool {
        self.screen == Screen::Welcome
            && self.card.is_none()
            && self.field.is_empty()
            && self.overlay.is_none()
            && self.notice.is_none()
            && self.lang == site.language
            && self.assisted == (site.mode == Mode::Assisted)
            && self.filters == Filters::default()
            && self.back.is_empty()
    }
}

/// The whole state of the kiosk: what it keeps across people, and the visit of the person at
/// the screen.
#[derive(Clone, Debug)]
pub struct State {
    /// This kiosk's site config.
    pub site: Arc<Site>,
    /// The catalogue in use.
    pub catalogue: Arc<Catalogue>,
    /// The time as last told.
    pub clock: Clock,
    /// The screen size, columns and rows.
    pub size: (u16, u16),
    /// The person at the screen.
    pub visit: Visit,
    /// Sign-ups this kiosk holds per session that no hub has counted (not personal).
    pub held: HashMap<(ActivityId, NaiveDate), u32>,
    /// What the outbox holds, in counts (not personal).
    pub queue: QueueSummary,
    /// How the link to the hub stands.
    pub link: LinkStatus,
    /// What the hub changed in the catalogue and is not yet in use (the screens refer to
    /// the one in use).
    pub updates: CatalogueUpdates,
    /// A staff notice that survives idle resets until staff see it.
    pub staff_notice: Option<Notice>,
    /// Wrong staff PINs in a row (kiosk state: it survives idle resets, or waiting would undo
    /// the lock).
    pub pin_failures: u32,
    /// The staff PIN prompt is locked until this monotonic millisecond.
    pub pin_locked_until_ms: u64,
    /// Why spoken guidance is silent, for the staff page (kiosk state, not personal).
    pub speech_problem: Option<String>,
    /// Log writes that failed since start, for the staff page (kiosk state, not personal).
    pub log_failures: u64,
    /// The kiosk's crashes of the last day, read at start, for the staff page.
    pub crashes: Option<crate::app::msg::RecentCrashes>,
    /// Why the card reader's own device cannot be read, for the staff page.
    pub reader_problem: Option<String>,
    /// How the last printout ended, and when, for the staff page (kiosk state, not personal).
    pub printer_last: Option<(crate::printer::PrintOutcome, crate::domain::time::Moment)>,
}

impl State {
    /// The state of a kiosk that has just started.
    pub fn new(site: Arc<Site>, catalogue: Arc<Catalogue>, clock: Clock) -> State {
        let hub = site.hub.is_some();
        State {
            visit: Visit::new(&site, clock),
            site,
            catalogue,
            clock,
            size: (120, 40),
            held: HashMap::new(),
            queue: QueueSummary::default(),
            link: LinkStatus {
                hub,
                ..LinkStatus::default()
            },
            updates: Default::default(),
            staff_notice: None,
            pin_failures: 0,
            pin_locked_until_ms: 0,
            speech_problem: None,
            log_failures: 0,
            crashes: None,
            reader_problem: None,
            printer_last: None,
        }
    }

    /// Forgets the person: a new visit; the kiosk's own facts stay.
    pub fn forget_person(&mut self) {
        self.visit = Visit::new(&self.site, self.clock);
    }

    /// True when nothing about a person is on the kiosk (so no countdown is needed).
    pub fn is_untouched(&self) -> bool {
        self.visit.is_untouched(&self.site)
    }

    /// Sign-ups this kiosk holds for a session that no hub has counted.
    pub fn held_for(&self, session: SessionRef) -> u32 {
        self.held
            .get(&(session.activity, session.date))
            .copied()
            .unwrap_or(0)
    }

    /// Seats left for a session, as this kiosk knows it.
    pub fn seats_left(&self, session: SessionRef) -> u32 {
        crate::signup::seats_left(
            self.catalogue.activity(session.activity),
            session.date,
            self.held_for(session),
        )
    }
}

/// What the kiosk has heard of the hub's catalogue and not yet put in use.
#[derive(Clone, Debug, Default)]
pub struct CatalogueUpdates {
    /// Changes to apply, in the feed's order.
    pub changes: VecDeque<Change>,
    /// The cache holds a whole new catalogue: load it when nobody is here.
    pub reload_wanted: bool,
    /// The catalogue in use was let go and the new one is being loaded.
    pub reloading: bool,
    /// A loaded catalogue waiting to be put in use.
    pub loaded: Option<Arc<Catalogue>>,
}
