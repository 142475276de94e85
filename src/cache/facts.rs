//! The cache's compact binary form of checked venues and activities: what the kiosk holds in
//! memory, decoded at start without parsing JSON, and activity texts kept apart so that
//! loading never reads them.
//!
//! Every value was checked by the catalogue loader before it was encoded; decoding only
//! guards against a damaged file (any surprise is `None`, and the row is set aside).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::catalogue::model::{
    Activity, ActivityStatus, ActivityTexts, AudienceSet, Category, OneOff, Repeat, Text, Venue,
    VenueKind,
};
use crate::domain::district::District;
use crate::domain::geo::LatLon;
use crate::domain::time::Moment;

/// Appends values to a byte buffer.
#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn text(&mut self, t: &Text) {
        let (zh, en) = t.parts();
        self.str(zh);
        self.str(en);
    }
    fn date(&mut self, d: NaiveDate) {
        self.i32(chrono::Datelike::num_days_from_ce(&d));
    }
    fn moment(&mut self, m: &Moment) {
        self.i64(m.timestamp());
        self.u32(m.timestamp_subsec_nanos());
        self.i32(m.offset().local_minus_utc());
    }
}

/// Reads values back; `None` at the first thing out of place.
struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2)?.try_into().ok().map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }
    fn i32(&mut self) -> Option<i32> {
        self.take(4)?.try_into().ok().map(i32::from_le_bytes)
    }
    fn i64(&mut self) -> Option<i64> {
        self.take(8)?.try_into().ok().map(i64::from_le_bytes)
    }
    fn f64(&mut self) -> Option<f64> {
        self.take(8)?.try_into().ok().map(f64::from_le_bytes)
    }
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        // A count can never be larger than the bytes left: a damaged count stops here
        // rather than asking for gigabytes.
        (n <= self.0.len()).then_some(n)
    }
    fn str(&mut self) -> Option<&'b str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn text(&mut self) -> Option<Text> {
        let zh = self.str()?;
        let en = self.str()?;
        Some(Text::new(zh, en))
    }
    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(self.i32()?)
    }
    fn moment(&mut self) -> Option<Moment> {
        let (secs, nanos, offset) = (self.i64()?, self.u32()?, self.i32()?);
        let offset = FixedOffset::east_opt(offset)?;
        let utc = DateTime::from_timestamp(secs, nanos)?;
        Some(offset.from_utc_datetime(&utc.naive_utc()))
    }
    fn end(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|x| x == value).unwrap_or(0) as u8
}

/// A venue, texts and all (venues are few; their names are on most screens).
pub fn encode_venue(v: &Venue) -> Vec<u8> {
    let mut w = Writer::default();
    w.text(&v.name);
    w.u8(index_of(VenueKind::ALL, &v.kind));
    w.u32(v.district.code());
    w.text(&v.address);
    w.f64(v.position.lat);
    w.f64(v.position.lon);
    w.u8(u8::from(v.step_free));
    match &v.phone {
        Some(phone) => {
            w.u8(1);
            w.str(phone);
        }
        None => w.u8(0),
    }
    w.0
}

/// The venue with id `id` from its encoded facts.
pub fn decode_venue(id: &str, bytes: &[u8]) -> Option<Venue> {
    let mut r = Reader(bytes);
    let name = r.text()?;
    let kind = *VenueKind::ALL.get(r.u8()? as usize)?;
    let district = District::from_code(&r.u32()?.to_string())?;
    let address = r.text()?;
    let position = LatLon::new(r.f64()?, r.f64()?);
    let step_free = r.u8()? != 0;
    let phone = match r.u8()? {
        0 => None,
        _ => Some(Box::from(r.str()?)),
    };
    r.end()?;
    Some(Venue {
        id: id.into(),
        name,
        kind,
        district,
        address,
        position,
        step_free,
        phone,
    })
}

/// What the nearby query and the rules need of an activity: no id, venue or texts (the row
/// holds those apart).
pub fn encode_activity(a: &Activity) -> Vec<u8> {
    let mut w = Writer::default();
    w.u8(index_of(Category::ALL, &a.category));
    w.u16(a.audience.bits());
    match a.credits {
        Some(c) => {
            w.u8(1);
            w.f64(f64::from(c));
        }
        None => w.u8(0),
    }
    w.u32(a.capacity);
    w.u8(index_of(ActivityStatus::ALL, &a.status));
    w.len(a.booked.len());
    for (date, n) in &a.booked {
        w.date(*date);
        w.u32(*n);
    }
    w.len(a.sessions.len());
    for s in &a.sessions {
        w.moment(&s.start);
        w.moment(&s.end);
    }
    match &a.repeat {
        Some(r) => {
            w.u8(1);
            w.u8(r.days);
            w.u16(r.start_minute);
            w.u16(r.end_minute);
            w.date(r.from);
            w.date(r.until);
            w.len(r.except.len());
            for d in &r.except {
                w.date(*d);
            }
        }
        None => w.u8(0),
    }
    w.0
}

/// The activity with id `id` at venue number `venue` from its encoded facts.
pub fn decode_activity(id: &str, venue: u32, bytes: &[u8]) -> Option<Activity> {
    let mut r = Reader(bytes);
    let category = *Category::ALL.get(r.u8()? as usize)?;
    let audience = AudienceSet::from_bits(r.u16()?);
    let credits = match r.u8()? {
        0 => None,
        _ => Some(r.f64()? as f32),
    };
    let capacity = r.u32()?;
    let status = *ActivityStatus::ALL.get(r.u8()? as usize)?;
    let booked = (0..r.len()?)
        .map(|_| Some((r.date()?, r.u32()?)))
        .collect::<Option<Box<[_]>>>()?;
    let sessions = (0..r.len()?)
        .map(|_| {
            Some(OneOff {
                start: r.moment()?,
                end: r.moment()?,
            })
        })
        .collect::<Option<Box<[_]>>>()?;
    let repeat = match r.u8()? {
        0 => None,
        _ => Some(Repeat {
            days: r.u8()?,
            start_minute: r.u16()?,
            end_minute: r.u16()?,
            from: r.date()?,
            until: r.date()?,
            except: (0..r.len()?)
                .map(|_| r.date())
                .collect::<Option<Box<[_]>>>()?,
        }),
    };
    r.end()?;
    Some(Activity {
        id: id.into(),
        venue,
        category,
        audience,
        credits,
        capacity,
        booked,
        status,
        sessions,
        repeat,
    })
}

/// An activity's texts, stored apart from its facts.
pub fn encode_texts(t: &ActivityTexts) -> Vec<u8> {
    let mut w = Writer::default();
    w.text(&t.title);
    match &t.summary {
        Some(s) => {
            w.u8(1);
            w.text(s);
        }
        None => w.u8(0),
    }
    w.0
}

/// An activity's texts from their encoded form.
pub fn decode_texts(bytes: &[u8]) -> Option<ActivityTexts> {
    let mut r = Reader(bytes);
    let title = r.text()?;
    let summary = match r.u8()? {
        0 => None,
        _ => Some(r.text()?),
    };
    r.end()?;
    Some(ActivityTexts { title, summary })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::demo::demo_catalogue;

    #[test]
    fn every_demo_venue_and_activity_comes_back_as_it_went_in() {
        let cat = demo_catalogue().unwrap_or_else(|p| panic!("{p}"));
        for v in &cat.venues {
            let back = decode_venue(&v.id, &encode_venue(v));
            assert_eq!(back.map(|b| format!("{b:?}")), Some(format!("{v:?}")));
        }
        for (i, a) in cat.activities.iter().enumerate() {
            let back = decode_activity(&a.id, a.venue, &encode_activity(a));
            assert_eq!(back.map(|b| format!("{b:?}")), Some(format!("{a:?}")));
            let texts = cat.texts(i as u32);
            assert_eq!(decode_texts(&encode_texts(&texts)).as_ref(), Some(&*texts));
        }
    }

    #[test]
    fn a_damaged_row_is_refused_not_misread() {
        let cat = demo_catalogue().unwrap_or_else(|p| panic!("{p}"));
        let bytes = encode_activity(&cat.activities[0]);
        for cut in 0..bytes.len() {
            assert!(
                decode_activity("a", 0, &bytes[..cut]).is_none(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_activity("a", 0, &longer).is_none());
        // A count claiming more than the row holds.
        let mut huge = encode_texts(&cat.texts(0));
        huge[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode_texts(&huge).is_none());
    }
}
