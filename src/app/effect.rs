//! What `update` asks the runtime to do; each result comes back as a message.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::catalogue::Catalogue;

use crate::domain::card::CardNumber;
use crate::domain::time::Moment;
use crate::outbox::CancelOf;
use crate::signup::Ask;

/// Work for the runtime.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Save a sign-up durably; answers [`crate::app::Msg::SignupFinished`].
    SaveSignup {
        /// Whose.
        card: CardNumber,
        /// The activity's catalogue id.
        activity_id: String,
        /// The session's date.
        date: NaiveDate,
        /// The time the rules are checked at.
        now: Moment,
        /// The catalogue the person chose from, to check the rules against.
        catalogue: SharedCatalogue,
        /// A seat only, or a waiting-list place if the session is full.
        ask: Ask,
    },
    /// Save a cancel of a sign-up durably; answers [`crate::app::Msg::CancelFinished`].
    SaveCancel {
        /// The sign-up given up.
        of: CancelOf,
        /// The time the rule (not after the start) is checked at.
        now: Moment,
        /// The catalogue, for the session's start.
        catalogue: SharedCatalogue,
    },
    /// Save a check-in durably; answers [`crate::app::Msg::CheckinFinished`].
    SaveCheckin {
        /// Whose.
        card: CardNumber,
        /// The activity's catalogue id.
        activity_id: String,
        /// The session's date.
        date: NaiveDate,
        /// The time the window is checked at.
        now: Moment,
        /// The catalogue, for the session's start.
        catalogue: SharedCatalogue,
    },
    /// Read a card's sign-ups; answers [`crate::app::Msg::MySignupsLoaded`].
    LoadMySignups(CardNumber),
    /// Ask the district's hub what it knows of a card (the sync worker does, with the card
    /// in the request's body); answers [`crate::app::Msg::CardLooked`]. Nothing of the answer
    /// is kept past the visit.
    LookUpCard(CardNumber),
    /// Read the outbox's counts; answers [`crate::app::Msg::QueueStatus`].
    RefreshQueue,
    /// Put the held sign-ups back in the queue; answers [`crate::app::Msg::HeldResent`].
    ResendHeld,
    /// Check a staff PIN against the config's hash; answers
    /// [`crate::app::Msg::StaffPinChecked`].
    CheckStaffPin(String),
    /// Ask the sync worker to sync now (staff's "sync now").
    SyncNow,
    /// Load the hub's catalogue from the cache (the one in use was let go first); answers
    /// [`crate::app::Msg::CatalogueUpdated`].
    ReloadCatalogue,
    /// Print a sign-up's receipt; answers [`crate::app::Msg::Printed`] (within
    /// [`crate::printer::PRINT_TIMEOUT`]).
    Print {
        /// The sign-up's code, to match the answer to the receipt still on screen.
        code: String,
        /// What the printout says.
        job: crate::printer::PrintJob,
    },
    /// Ring the terminal bell (someone asked for staff).
    Bell,
    /// Say the last spoken guidance again.
    SayAgain,
    /// Close the kiosk with this exit code.
    Quit(u8),
}

/// A catalogue passed between threads; two are equal when they are the same one.
#[derive(Clone, Debug)]
pub struct SharedCatalogue(pub Arc<Catalogue>);

impl PartialEq for SharedCatalogue {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
