//! One change from the hub's feed to a catalogue held in memory, applied in place: work in
//! proportion to the change, never a rebuild.

use chrono::NaiveDate;

use crate::catalogue::model::{Activity, Catalogue, Unplaced, Venue};

/// A change to apply.
#[derive(Clone, Debug)]
pub enum Change {
    /// A venue new or changed.
    Venue(Venue),
    /// A venue withdrawn (with its activities).
    VenueGone(Box<str>),
    /// An activity new or changed (its texts are already in the store), at the venue `venue`.
    Activity {
        /// The activity, with the hub's seat counts already in `booked`.
        activity: Activity,
        /// Its venue's id.
        venue: Box<str>,
    },
    /// An activity withdrawn.
    ActivityGone(Box<str>),
    /// The hub's count of seats taken in one session.
    Seats {
        /// The activity's id.
        activity: Box<str>,
        /// The session's date.
        date: NaiveDate,
        /// Seats taken.
        taken: u32,
        /// People on the waiting list.
        waiting: u32,
    },
}

impl Change {
    /// True for a change that only moves a seat count: the lists on screen keep their places.
    pub fn is_seats(&self) -> bool {
        matches!(self, Change::Seats { .. })
    }
}

impl Catalogue {
    /// Applies one change in place.
    pub fn apply(&mut self, change: Change) -> Result<(), Unplaced> {
        match change {
            Change::Venue(venue) => self.put_venue(venue),
            Change::VenueGone(id) => self.remove_venue(&id),
            Change::Activity { activity, venue } => self.put_activity(activity, &venue)?,
            Change::ActivityGone(id) => self.remove_activity(&id),
            Change::Seats {
                activity,
                date,
                taken,
                waiting,
            } => {
                // Seats of an activity this kiosk does not list (withdrawn since) mean nothing.
                self.set_seats(&activity, date, taken, waiting);
            }
        }
        Ok(())
    }
}
