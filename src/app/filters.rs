//! The nearby list's filters: category, audience and day.

use chrono::{Days, NaiveDate};

use crate::catalogue::{Audience, Category};
use crate::domain::time::{Moment, local_date};

/// Which filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterKind {
    /// What it is about.
    Category,
    /// Who it is for.
    Audience,
    /// Which day.
    Day,
}

impl FilterKind {
    /// The three filters, in screen order (and their numbers on the filter menu).
    pub const ALL: [FilterKind; 3] = [FilterKind::Category, FilterKind::Audience, FilterKind::Day];

    /// Its name in message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterKind::Category => "category",
            FilterKind::Audience => "audience",
            FilterKind::Day => "day",
        }
    }
}

/// The filters in force; `None` is "all".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Filters {
    /// Only this category.
    pub category: Option<Category>,
    /// Only this audience.
    pub audience: Option<Audience>,
    /// Only this local date.
    pub day: Option<NaiveDate>,
    /// Only farming, or activities for farmers (the farming-first home's first choice).
    pub farming: bool,
}

/// One choice in a filter's chooser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterOption {
    /// No filter.
    All,
    /// A category.
    Category(Category),
    /// An audience.
    Audience(Audience),
    /// A date.
    Day(NaiveDate),
}

/// The choices a filter offers, "all" first. Days run from today over the look-ahead.
pub fn options(
    kind: FilterKind,
    now: &Moment,
    days: u32,
    farming_first: bool,
) -> Vec<FilterOption> {
    let mut out = vec![FilterOption::All];
    match kind {
        // A rural station puts farming first, as its home menu does.
        FilterKind::Category => {
            let first = farming_first.then_some(Category::Farming);
            let rest = Category::ALL.iter().copied().filter(|c| Some(*c) != first);
            out.extend(first.into_iter().chain(rest).map(FilterOption::Category))
        }
        // "Everyone" beside "all" would mean the same: an activity for everyone is kept under
        // every audience.
        FilterKind::Audience => out.extend(
            Audience::ALL
                .iter()
                .filter(|a| **a != Audience::Everyone)
                .map(|a| FilterOption::Audience(*a)),
        ),
        FilterKind::Day => {
            let today = local_date(now);
            out.extend(
                (0..days)
                    .filter_map(|n| today.checked_add_days(Days::new(u64::from(n))))
                    .map(FilterOption::Day),
            );
        }
    }
    out
}

impl Filters {
    /// Applies a choice.
    pub fn apply(&mut self, option: FilterOption) {
        match option {
            FilterOption::All => {}
            FilterOption::Category(c) => self.category = Some(c),
            FilterOption::Audience(a) => self.audience = Some(a),
            FilterOption::Day(d) => self.day = Some(d),
        }
    }

    /// Clears one filter.
    pub fn clear(&mut self, kind: FilterKind) {
        match kind {
            // The farming-first home's filter is a category filter: choosing another, or
            // all, lifts it.
            FilterKind::Category => {
                self.category = None;
                self.farming = false;
            }
            FilterKind::Audience => self.audience = None,
            FilterKind::Day => self.day = None,
        }
    }

    /// True when the option is the one in force.
    pub fn is_selected(&self, kind: FilterKind, option: FilterOption) -> bool {
        match (kind, option) {
            (FilterKind::Category, FilterOption::All) => self.category.is_none() && !self.farming,
            (FilterKind::Audience, FilterOption::All) => self.audience.is_none(),
            (FilterKind::Day, FilterOption::All) => self.day.is_none(),
            (_, FilterOption::Category(c)) => self.category == Some(c),
            (_, FilterOption::Audience(a)) => self.audience == Some(a),
            (_, FilterOption::Day(d)) => self.day == Some(d),
        }
    }
}
