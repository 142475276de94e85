//! The catalogue as the kiosk holds it in memory: compact, validated, indexed.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveTime, Weekday};
use rstar::{RTree, primitives::GeomWithData};

use crate::domain::district::District;
use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;
use crate::domain::time::Moment;

/// Index of a venue in [`Catalogue::venues`].
pub type VenueId = u32;
/// Index of an activity in [`Catalogue::activities`].
pub type ActivityId = u32;

/// A text in both languages; a language missing in the source falls back to the other.
///
/// Both languages live in one allocation (a catalogue holds hundreds of thousands of texts):
/// Chinese first, then English; an empty English part means "same as the Chinese".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    both: Box<str>,
    split: u32,
}

impl Text {
    /// A text from its two languages.
    pub fn new(zh: impl AsRef<str>, en: impl AsRef<str>) -> Text {
        let (zh, en) = (zh.as_ref(), en.as_ref());
        let en = if en == zh { "" } else { en };
        let mut both = String::with_capacity(zh.len() + en.len());
        both.push_str(zh);
        both.push_str(en);
        Text {
            both: both.into_boxed_str(),
            split: u32::try_from(zh.len()).unwrap_or(u32::MAX),
        }
    }

    /// The Chinese and English parts as held (English empty: the same as the Chinese);
    /// `Text::new` of them gives this text back.
    pub fn parts(&self) -> (&str, &str) {
        self.both
            .split_at((self.split as usize).min(self.both.len()))
    }

    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        let split = (self.split as usize).min(self.both.len());
        let (zh, en) = self.both.split_at(split);
        match lang {
            Lang::Zh if !zh.is_empty() => zh,
            Lang::En if !en.is_empty() => en,
            _ => {
                if zh.is_empty() {
                    en
                } else {
                    zh
                }
            }
        }
    }
}

/// Declares a catalogue enum with its exact wire names.
macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in the spec's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The exact name used in the catalogue format.
            pub fn wire(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// The value with this catalogue name.
            pub fn from_wire(s: &str) -> Option<$name> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

wire_enum! {
    /// What kind of place a venue is.
    VenueKind {
        /// A district or street community college.
        CommunityCollege = "community_college",
        /// A neighbourhood learning centre.
        CommunityLearningCentre = "community_learning_centre",
        /// An adult school.
        AdultSchool = "adult_school",
        /// A university for older people.
        ElderUniversity = "elder_university",
        /// A public library.
        Library = "library",
        /// A cultural centre.
        CulturalCentre = "cultural_centre",
        /// A distance-learning point, often in a village.
        DistanceLearningPoint = "distance_learning_point",
        /// A museum.
        Museum = "museum",
        /// A learning centre at a workplace.
        WorkplaceLearningCentre = "workplace_learning_centre",
        /// Anything else.
        Other = "other",
    }
}

wire_enum! {
    /// What an activity is about.
    Category {
        /// Phones, computers, online services.
        DigitalSkills = "digital_skills",
        /// Health and wellbeing.
        HealthWellbeing = "health_wellbeing",
        /// Culture and the arts.
        CultureArts = "culture_arts",
        /// Family education and parenting.
        FamilyEducation = "family_education",
        /// Job skills.
        Vocational = "vocational",
        /// Farming.
        Farming = "farming",
        /// Languages.
        Language = "language",
        /// The environment.
        Environment = "environment",
        /// Civic life and the law.
        CivicLaw = "civic_law",
        /// Science.
        Science = "science",
        /// Anything else.
        Other = "other",
    }
}

wire_enum! {
    /// Who an activity is meant for.
    Audience {
        /// Everyone.
        Everyone = "everyone",
        /// Older people.
        Elders = "elders",
        /// Farmers.
        Farmers = "farmers",
        /// Women.
        Women = "women",
        /// Families.
        Families = "families",
        /// Children.
        Children = "children",
        /// People with disabilities.
        PeopleWithDisabilities = "people_with_disabilities",
        /// People new to the city.
        NewCitizens = "new_citizens",
        /// Working people.
        Workers = "workers",
    }
}

wire_enum! {
    /// Whether an activity runs.
    ActivityStatus {
        /// It runs as listed.
        Scheduled = "scheduled",
        /// The whole activity is cancelled.
        Cancelled = "cancelled",
    }
}

/// A set of audiences, as bits (nine values fit in a u16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct AudienceSet(u16);

impl AudienceSet {
    /// The set as bits, one per audience in the spec's order.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// The set with these bits (bits past the last audience are dropped).
    pub fn from_bits(bits: u16) -> AudienceSet {
        AudienceSet(bits & ((1 << Audience::ALL.len()) - 1))
    }

    /// Adds an audience.
    pub fn insert(&mut self, audience: Audience) {
        self.0 |= 1 << audience as u16;
    }

    /// True when the set holds the audience.
    pub fn contains(self, audience: Audience) -> bool {
        self.0 & (1 << audience as u16) != 0
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The audiences, in the spec's order.
    pub fn iter(self) -> impl Iterator<Item = Audience> {
        Audience::ALL
            .iter()
            .copied()
            .filter(move |a| self.contains(*a))
    }
}

/// A learning venue.
#[derive(Clone, Debug)]
pub struct Venue {
    /// The catalogue id.
    pub id: Box<str>,
    /// The venue's name.
    pub name: Text,
    /// What kind of place it is.
    pub kind: VenueKind,
    /// Its district.
    pub district: District,
    /// Its street address.
    pub address: Text,
    /// Where it is.
    pub position: LatLon,
    /// Whether it has step-free access.
    pub step_free: bool,
    /// Its phone number, if listed.
    pub phone: Option<Box<str>>,
}

/// A weekly schedule: every listed weekday between two dates, minus exceptions.
#[derive(Clone, Debug, PartialEq)]
pub struct Repeat {
    /// Weekdays as bits, Monday = bit 0.
    pub days: u8,
    /// Local start time, minutes after midnight.
    pub start_minute: u16,
    /// Local end time, minutes after midnight.
    pub end_minute: u16,
    /// First date (inclusive).
    pub from: NaiveDate,
    /// Last date (inclusive).
    pub until: NaiveDate,
    /// Dates it does not meet, sorted.
    pub except: Box<[NaiveDate]>,
}

impl Repeat {
    /// True when the schedule lists this weekday.
    pub fn on_weekday(&self, day: Weekday) -> bool {
        self.days & (1 << day.num_days_from_monday()) != 0
    }

    /// The local start time.
    pub fn start_time(&self) -> NaiveTime {
        minute_time(self.start_minute)
    }

    /// The local end time.
    pub fn end_time(&self) -> NaiveTime {
        minute_time(self.end_minute)
    }
}

/// The time `minute` minutes after midnight.
fn minute_time(minute: u16) -> NaiveTime {
    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
        .unwrap_or(NaiveTime::MIN)
}

/// A one-off session, as listed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneOff {
    /// When it starts.
    pub start: Moment,
    /// When it ends.
    pub end: Moment,
}

/// An activity's words: read when a screen shows them, so a catalogue held from disk keeps
/// them there.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityTexts {
    /// Its title.
    pub title: Text,
    /// A short description, if given.
    pub summary: Option<Text>,
}

/// Where a catalogue's activity texts are read from when they are not held in memory.
pub trait TextStore: Send + Sync {
    /// The texts of the activity with this catalogue id; `None` if it cannot be read.
    fn activity_texts(&self, id: &str) -> Option<ActivityTexts>;
}

/// Texts on screen at once are a few dozen; a few hundred recent ones cover paging back.
const RECENT_TEXTS: usize = 512;

/// Where the catalogue's activity texts live.
enum Texts {
    /// All in memory, by activity index (a seed file or the demo).
    Memory(Vec<Arc<ActivityTexts>>),
    /// On disk, with the most recently shown in memory.
    Store {
        store: Box<dyn TextStore>,
        recent: Mutex<lru::LruCache<ActivityId, Arc<ActivityTexts>>>,
    },
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Texts::Memory(list) => write!(f, "Texts::Memory({})", list.len()),
            Texts::Store { .. } => f.write_str("Texts::Store"),
        }
    }
}

/// An activity's catalogue id. Ids are short: held inline (24 bytes, no allocation of its
/// own), which saves about 30 bytes an activity over a boxed string.
pub type ActivityKey = compact_str::CompactString;

/// A learning activity at a venue: what the nearby query and the rules need. Its words are
/// in [`Catalogue::texts`].
#[derive(Clone, Debug)]
pub struct Activity {
    /// The catalogue id.
    pub id: ActivityKey,
    /// Where it happens.
    pub venue: VenueId,
    /// What it is about.
    pub category: Category,
    /// Who it is for.
    pub audience: AudienceSet,
    /// Credit Bank credits for one session.
    pub credits: Option<f32>,
    /// Seats per session.
    pub capacity: u32,
    /// Seats taken per session date when the catalogue was made, sorted by date.
    pub booked: Box<[(NaiveDate, u32)]>,
    /// Whether it runs.
    pub status: ActivityStatus,
    /// One-off sessions, sorted by start.
    pub sessions: Box<[OneOff]>,
    /// The weekly schedule, if any.
    pub repeat: Option<Repeat>,
}

impl Activity {
    /// Seats taken on a date according to the catalogue.
    pub fn booked_on(&self, date: NaiveDate) -> u32 {
        self.booked
            .binary_search_by_key(&date, |(d, _)| *d)
            .map(|i| self.booked[i].1)
            .unwrap_or(0)
    }

    /// Puts the hub's count of seats taken on a date in place of the catalogue's.
    pub fn set_taken(&mut self, date: NaiveDate, taken: u32) {
        let mut booked = std::mem::take(&mut self.booked).into_vec();
        match booked.binary_search_by_key(&date, |(d, _)| *d) {
            Ok(i) => booked[i].1 = taken,
            Err(i) => booked.insert(i, (date, taken)),
        }
        self.booked = booked.into_boxed_slice();
    }

    /// True when the whole activity is cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.status == ActivityStatus::Cancelled
    }
}

/// A venue's point in the spatial index.
pub type VenuePoint = GeomWithData<[f64; 2], VenueId>;

/// A whole loaded catalogue with its look-up indexes.
///
/// A catalogue from the hub's cache changes in place, a feed page at a time: an activity or
/// venue that leaves keeps its slot (so an index held anywhere never points at another
/// activity) but leaves every index, so nothing finds it.
#[derive(Debug)]
pub struct Catalogue {
    /// When the catalogue was made.
    pub generated_at: Moment,
    /// All venues (including any withdrawn since loading: see [`Catalogue::is_listed_venue`]).
    pub venues: Vec<Venue>,
    /// All activities (including any withdrawn since loading).
    pub activities: Vec<Activity>,
    /// Listed activity indexes sorted by id, for look-up by binary search (no copy of the ids).
    activity_order: Vec<ActivityId>,
    activities_at: Vec<Vec<ActivityId>>,
    spatial: RTree<VenuePoint>,
    withdrawn_venues: HashSet<VenueId>,
    texts: Texts,
    /// The hub's waiting-list lengths, per activity id and date (few sessions have one).
    waiting: HashMap<(Box<str>, NaiveDate), u32>,
}

/// Why a change from the feed could not be placed in the catalogue.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unplaced {
    /// The activity's venue is not in the catalogue.
    #[error("activity {activity}: venue {venue} is not in the catalogue")]
    NoVenue {
        /// The activity's id.
        activity: String,
        /// The venue it names.
        venue: String,
    },
    /// The catalogue's texts are held in memory, not in the store the change went to.
    #[error("this catalogue was not loaded from the hub's cache")]
    NotFromStore,
}

impl Catalogue {
    /// Builds the indexes over checked venues and activities, with their texts in memory
    /// (`texts[i]` belongs to `activities[i]`).
    pub fn new(
        generated_at: Moment,
        venues: Vec<Venue>,
        activities: Vec<Activity>,
        texts: Vec<ActivityTexts>,
    ) -> Catalogue {
        let texts = Texts::Memory(texts.into_iter().map(Arc::new).collect());
        Catalogue::indexed(generated_at, venues, activities, texts)
    }

    /// Builds the indexes over checked venues and activities whose texts stay in `store`.
    pub fn with_store(
        generated_at: Moment,
        venues: Vec<Venue>,
        activities: Vec<Activity>,
        store: Box<dyn TextStore>,
    ) -> Catalogue {
        let recent =
            lru::LruCache::new(NonZeroUsize::new(RECENT_TEXTS).unwrap_or(NonZeroUsize::MIN));
        let texts = Texts::Store {
            store,
            recent: Mutex::new(recent),
        };
        Catalogue::indexed(generated_at, venues, activities, texts)
    }

    /// An empty catalogue (while another is loaded in its place).
    pub fn empty(generated_at: Moment) -> Catalogue {
        Catalogue::new(generated_at, Vec::new(), Vec::new(), Vec::new())
    }

    fn indexed(
        generated_at: Moment,
        venues: Vec<Venue>,
        activities: Vec<Activity>,
        texts: Texts,
    ) -> Catalogue {
        let mut venues = venues;
        let mut activities = activities;
        venues.shrink_to_fit();
        activities.shrink_to_fit();
        let mut activity_order: Vec<ActivityId> = (0..activities.len() as ActivityId).collect();
        // The cache hands activities over in id order: then there is nothing to sort.
        if !activities.is_sorted_by(|a, b| a.id <= b.id) {
            activity_order.sort_unstable_by(|a, b| {
                activities[*a as usize].id.cmp(&activities[*b as usize].id)
            });
        }
        let mut activities_at = vec![Vec::new(); venues.len()];
        for (i, a) in activities.iter().enumerate() {
            if let Some(list) = activities_at.get_mut(a.venue as usize) {
                list.push(i as ActivityId);
            }
        }
        for list in &mut activities_at {
            list.shrink_to_fit();
        }
        let spatial = RTree::bulk_load(
            venues
                .iter()
                .enumerate()
                .map(|(i, v)| VenuePoint::new(spatial_key(v.position), i as VenueId))
                .collect(),
        );
        Catalogue {
            generated_at,
            venues,
            activities,
            activity_order,
            activities_at,
            spatial,
            withdrawn_venues: HashSet::new(),
            waiting: HashMap::new(),
            texts,
        }
    }

    /// The venue with this index.
    pub fn venue(&self, id: VenueId) -> &Venue {
        &self.venues[id as usize]
    }

    /// The activity with this index.
    pub fn activity(&self, id: ActivityId) -> &Activity {
        &self.activities[id as usize]
    }

    /// An activity's words: from memory, or read from the store (a screen asks only for
    /// what it shows). An unreadable text shows the activity's id rather than nothing.
    pub fn texts(&self, id: ActivityId) -> Arc<ActivityTexts> {
        match &self.texts {
            Texts::Memory(list) => list
                .get(id as usize)
                .cloned()
                .unwrap_or_else(|| Arc::new(self.placeholder(id))),
            Texts::Store { store, recent } => {
                let mut recent = recent.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(found) = recent.get(&id) {
                    return found.clone();
                }
                match store.activity_texts(&self.activity(id).id) {
                    Some(read) => {
                        let read = Arc::new(read);
                        recent.put(id, read.clone());
                        read
                    }
                    // Not remembered: the next frame tries the disk again.
                    None => {
                        tracing::warn!(activity = %self.activity(id).id, "an activity's texts could not be read");
                        Arc::new(self.placeholder(id))
                    }
                }
            }
        }
    }

    fn placeholder(&self, id: ActivityId) -> ActivityTexts {
        let name = self.activities.get(id as usize).map_or("", |a| &*a.id);
        ActivityTexts {
            title: Text::new(name, name),
            summary: None,
        }
    }

    /// True when this catalogue's texts stay in a store (it came from the hub's cache).
    pub fn is_from_store(&self) -> bool {
        matches!(self.texts, Texts::Store { .. })
    }

    /// Looks up a listed activity by its catalogue id.
    pub fn activity_by_id(&self, id: &str) -> Option<ActivityId> {
        self.activity_order
            .binary_search_by(|a| (*self.activities[*a as usize].id).cmp(id))
            .ok()
            .map(|i| self.activity_order[i])
    }

    /// The activities held at a venue.
    pub fn activities_at(&self, venue: VenueId) -> &[ActivityId] {
        self.activities_at
            .get(venue as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The spatial index over venues, keyed by [`spatial_key`].
    pub fn spatial(&self) -> &RTree<VenuePoint> {
        &self.spatial
    }

    /// How many activities are listed.
    pub fn activity_count(&self) -> usize {
        self.activity_order.len()
    }

    /// How many venues are listed.
    pub fn venue_count(&self) -> usize {
        self.venues.len() - self.withdrawn_venues.len()
    }

    /// False for a venue withdrawn since the catalogue was loaded.
    pub fn is_listed_venue(&self, id: VenueId) -> bool {
        !self.withdrawn_venues.contains(&id)
    }

    /// A venue's index, by its id.
    pub fn venue_by_id(&self, id: &str) -> Option<VenueId> {
        // Venues are a few thousand and change rarely: a scan is cheaper than an index.
        // Only listed slots: a venue withdrawn and listed again has a new slot.
        self.venues
            .iter()
            .enumerate()
            .find(|(i, v)| &*v.id == id && self.is_listed_venue(*i as VenueId))
            .map(|(i, _)| i as VenueId)
    }

    /// The hub's count of seats taken for one session of an activity, replacing the
    /// catalogue's, and of people waiting. False when no such activity is listed.
    pub fn set_seats(&mut self, activity: &str, date: NaiveDate, taken: u32, waiting: u32) -> bool {
        let Some(id) = self.activity_by_id(activity) else {
            return false;
        };
        self.activities[id as usize].set_taken(date, taken);
        if waiting == 0 {
            self.waiting.remove(&(activity.into(), date));
        } else {
            self.waiting.insert((activity.into(), date), waiting);
        }
        true
    }

    /// People on a session's waiting list, as the hub last said.
    pub fn waiting_on(&self, activity: &str, date: NaiveDate) -> u32 {
        self.waiting
            .get(&(activity.into(), date))
            .copied()
            .unwrap_or(0)
    }

    /// A venue new or changed in the feed.
    pub fn put_venue(&mut self, venue: Venue) {
        let point = |i: VenueId, v: &Venue| VenuePoint::new(spatial_key(v.position), i);
        match self.venue_by_id(&venue.id) {
            Some(i) => {
                let old = point(i, &self.venues[i as usize]);
                self.spatial.remove(&old);
                self.spatial.insert(point(i, &venue));
                self.venues[i as usize] = venue;
            }
            None => {
                let i = self.venues.len() as VenueId;
                self.spatial.insert(point(i, &venue));
                self.venues.push(venue);
                self.activities_at.push(Vec::new());
            }
        }
    }

    /// A venue withdrawn from the feed (its activities are withdrawn with it).
    pub fn remove_venue(&mut self, id: &str) {
        let Some(i) = self.venue_by_id(id) else {
            return;
        };
        let old = VenuePoint::new(spatial_key(self.venues[i as usize].position), i);
        self.spatial.remove(&old);
        self.withdrawn_venues.insert(i);
        for activity in std::mem::take(&mut self.activities_at[i as usize]) {
            let id = self.activities[activity as usize].id.clone();
            self.unlist_activity(&id);
        }
    }

    /// An activity new or changed in the feed, at the venue with id `venue`. Its texts
    /// are already in the store.
    pub fn put_activity(&mut self, mut activity: Activity, venue: &str) -> Result<(), Unplaced> {
        if !self.is_from_store() {
            return Err(Unplaced::NotFromStore);
        }
        let Some(venue_index) = self.venue_by_id(venue) else {
            return Err(Unplaced::NoVenue {
                activity: activity.id.to_string(),
                venue: venue.to_string(),
            });
        };
        activity.venue = venue_index;
        match self
            .activity_order
            .binary_search_by(|a| (*self.activities[*a as usize].id).cmp(&activity.id))
        {
            Ok(at) => {
                let i = self.activity_order[at];
                if let Texts::Store { recent, .. } = &mut self.texts {
                    recent.get_mut().unwrap_or_else(|p| p.into_inner()).pop(&i);
                }
                let old_venue = self.activities[i as usize].venue;
                if old_venue != venue_index {
                    if let Some(list) = self.activities_at.get_mut(old_venue as usize) {
                        list.retain(|a| *a != i);
                    }
                    self.activities_at[venue_index as usize].push(i);
                }
                self.activities[i as usize] = activity;
            }
            Err(at) => {
                let i = self.activities.len() as ActivityId;
                self.activities.push(activity);
                self.activity_order.insert(at, i);
                self.activities_at[venue_index as usize].push(i);
            }
        }
        Ok(())
    }

    /// An activity withdrawn from the feed.
    pub fn remove_activity(&mut self, id: &str) {
        let Some(i) = self.activity_by_id(id) else {
            return;
        };
        let venue = self.activities[i as usize].venue;
        if let Some(list) = self.activities_at.get_mut(venue as usize) {
            list.retain(|a| *a != i);
        }
        self.unlist_activity(id);
    }

    fn unlist_activity(&mut self, id: &str) {
        if let Ok(at) = self
            .activity_order
            .binary_search_by(|a| (*self.activities[*a as usize].id).cmp(id))
        {
            self.activity_order.remove(at);
        }
    }
}

/// The point a venue is indexed under: kilometres on a plane tangent near Beijing's centre
/// (equirectangular at 40 degrees north). Good to well under 1 % for boxes a few km across,
/// which is all the index is asked for; exact distances are always haversine.
pub fn spatial_key(p: LatLon) -> [f64; 2] {
    const KM_PER_DEG_LAT: f64 = 111.195;
    let km_per_deg_lon = KM_PER_DEG_LAT * 40.0_f64.to_radians().cos();
    [p.lon * km_per_deg_lon, p.lat * KM_PER_DEG_LAT]
}
