//! Beijing local time. The catalogue's dates and weekly times are in Asia/Shanghai, which has
//! been a fixed +08:00 since 1991, so a fixed offset is exact.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Asia/Shanghai's offset from UTC.
pub const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("8 hours is a valid offset"),
};

/// A moment, shown in Beijing time.
pub type Moment = DateTime<FixedOffset>;

/// The moment now in Beijing time (the real clock; tests and demos pin it instead).
pub fn now_beijing() -> Moment {
    Utc::now().with_timezone(&BEIJING)
}

/// The Beijing-local calendar date of a moment.
pub fn local_date(moment: &Moment) -> NaiveDate {
    moment.with_timezone(&BEIJING).date_naive()
}

/// Parses an RFC 3339 moment and converts it to Beijing time.
pub fn parse_moment(text: &str) -> Option<Moment> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|m| m.with_timezone(&BEIJING))
}
