//! What can happen to the kiosk, as messages to [`crate::app::update`].

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::app::filters::FilterKind;
use crate::app::link::LinkStatus;
use crate::catalogue::Catalogue;
use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::{Saved, SignupView, Status};

/// The time, as the runtime reads it: the wall clock (or the pinned `--now`) for the
/// catalogue's rules, and a monotonic count for idle timing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// Now, in Beijing time.
    pub now: Moment,
    /// Milliseconds since the kiosk started; never goes back.
    pub mono_ms: u64,
}

/// A key from the keyboard or keypad (card-reader bursts arrive as [`Msg::CardSwiped`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A printable character; digits and the keypad's `+ - * / .` among them.
    Char(char),
    /// Enter (OK).
    Enter,
    /// Tab.
    Tab,
    /// Backspace.
    Backspace,
    /// Escape.
    Esc,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// A function key, F1 to F24.
    F(u8),
    /// Anything else (Ctrl-C among them): it counts as presence and does nothing.
    Other,
}

/// What a person asked for, by key or by tapping a button, row or tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Go back one screen.
    Back,
    /// Go to the start (the home menu with a card, the welcome screen without).
    Home,
    /// Open or close help.
    Help,
    /// Switch between Chinese and English.
    ToggleLanguage,
    /// The screen's main action (Enter).
    Primary,
    /// Choose the item with this index in the screen's list (0-based, across pages).
    Choose(usize),
    /// Next page.
    NextPage,
    /// Previous page.
    PrevPage,
    /// Open a filter's chooser.
    OpenFilter(FilterKind),
    /// Open the menu of filters (the keypad's way to them).
    OpenFilterMenu,
    /// Open the learning map.
    OpenMap,
    /// Map: one zoom step closer.
    ZoomIn,
    /// Map: one zoom step further out.
    ZoomOut,
    /// Map: move the view a quarter of its size, east (+x) and north (+y).
    Pan(i8, i8),
    /// Map: back to the kiosk's own position.
    BackToHere,
    /// Map: a tap on the map, at this column and row of the map's area.
    TapMap(u16, u16),
    /// A digit from the on-screen pad.
    Digit(u8),
    /// Delete the last digit (the on-screen pad).
    Erase,
    /// Look at what is on nearby.
    OpenNearby,
    /// Look at this card's sign-ups.
    OpenMySignups,
    /// "My learning record".
    OpenRecord,
    /// Finish: the kiosk forgets the card and everything shown.
    Finish,
    /// Keep going (the idle countdown).
    Continue,
    /// Switch assisted mode (larger, simpler, spoken) on or off.
    ToggleAssisted,
    /// Call staff: a clear message, and the terminal bell.
    AskStaff,
    /// Say the last spoken guidance again.
    SayAgain,
    /// The farming-first home's first choice: farming, and activities for farmers, nearby.
    OpenFarming,
}

/// Everything that reaches `update`.
#[derive(Clone, Debug)]
pub enum Msg {
    /// Time has passed.
    Tick(Clock),
    /// The screen is now this many columns and rows.
    Resize(u16, u16),
    /// A key was pressed.
    Key(Key),
    /// A card reader sent this (a magnetic-stripe track or a keyboard-wedge burst).
    CardSwiped(String),
    /// A button, row or tab was tapped (or chosen by key through the same target).
    Action(Action),
    /// The screen was touched where there is nothing to press.
    Touch,
    /// The staff key chord.
    StaffChord,
    /// A sign-up was saved, or why not.
    SignupFinished(Result<Saved, crate::signup::SignupError>),
    /// A cancel was saved, or why not.
    CancelFinished(Result<Saved, crate::signup::cancel::CancelError>),
    /// A check-in was saved, or why not.
    CheckinFinished(Result<Saved, crate::signup::checkin::CheckinError>),
    /// The sign-ups of a card held on this kiosk, for "My sign-ups".
    MySignupsLoaded {
        /// The card they belong to (ignored if the kiosk has moved on).
        card: CardNumber,
        /// Its places (sign-ups and waiting places, with their cancels and check-ins), or
        /// why they could not be read.
        records: Result<Vec<SignupView>, String>,
        /// Its check-ins saved here that no hub has answered yet.
        checkins_waiting: u32,
    },
    /// What the district's hub knows of a card, or why it could not say (offline, busy).
    CardLooked {
        /// The card asked about (ignored if the kiosk has moved on).
        card: CardNumber,
        /// The hub's answer.
        answer: Result<learning_wire::CardAnswer, String>,
    },
    /// What the outbox holds (nothing personal in it).
    QueueStatus(QueueSummary),
    /// Held sign-ups were put back in the queue: how many, or why not.
    HeldResent(Result<usize, String>),
    /// How the link to the hub stands, from the sync worker.
    Link(LinkStatus),
    /// The hub's catalogue, loaded whole from the cache (answers [`crate::app::Effect::ReloadCatalogue`]).
    CatalogueUpdated(Arc<Catalogue>),
    /// The feed changed the catalogue: the changes, in order, to apply in place.
    CatalogueChanges(Vec<crate::catalogue::change::Change>),
    /// The cache holds a whole new catalogue (a first sync, a rebuild, many changes).
    CatalogueReload,
    /// A sync finished: answers may have arrived, so the outbox is read again.
    SyncFinished,
    /// A receipt's printout ended (printed, or why not).
    Printed {
        /// The sign-up's code.
        code: String,
        /// How it ended.
        outcome: crate::printer::PrintOutcome,
    },
    /// The staff PIN was checked.
    StaffPinChecked(bool),
    /// Spoken guidance cannot be given (the speech command is missing or fails); why.
    SpeechUnavailable(String),
    /// The card reader's own device cannot be read (why), or (`None`) reads again.
    ReaderProblem(Option<String>),
    /// The kiosk restarted after crashing (read from its record at start).
    RecentCrashes(RecentCrashes),
    /// Log writes have failed this many times since start (a full disk, a folder that
    /// cannot be written).
    LogFailures(u64),
    /// The outbox was damaged at start and rebuilt; this many sign-ups were recovered.
    OutboxRebuilt {
        /// How many sign-ups were read back.
        recovered: usize,
    },
    /// The system asked the kiosk to close (SIGTERM, SIGINT).
    Terminate,
    /// The terminal went away (SIGHUP, or input closed): close, and let the supervisor
    /// restart the kiosk.
    TerminalLost,
}

/// What the outbox holds, as the screens and the staff page need it: no card numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueSummary {
    /// Sign-ups held per (activity id, date) that no hub has counted yet.
    pub held: HashMap<(String, NaiveDate), u32>,
    /// Check-ins saved on this kiosk per (activity id, date).
    pub checked_in: HashMap<(String, NaiveDate), u32>,
    /// How many sign-ups there are in each status.
    pub counts: BTreeMap<Status, u32>,
    /// The latest sign-ups that need staff: parked or refused as invalid, newest first.
    pub attention: Vec<SignupView>,
    /// Held sign-ups that can be sent again (parked, not damaged).
    pub resendable: u32,
    /// Outbox rows that cannot be read: their code (as far as it reads) and what is wrong.
    pub damaged: Vec<(String, String)>,
}

impl QueueSummary {
    /// Sign-ups waiting to be sent.
    pub fn waiting(&self) -> u32 {
        self.counts.get(&Status::Waiting).copied().unwrap_or(0)
    }
}

/// The kiosk's crashes of the last day (it restarts after each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentCrashes {
    /// How many in the 24 hours before the start.
    pub count: usize,
    /// When the latest was.
    pub last_at: crate::domain::time::Moment,
    /// What failed, the latest time.
    pub what: String,
}
