//! `learning-kiosk nearby --at LAT,LON`: the question the nearby screen answers, for staff and
//! scripts: sessions at venues within a distance, starting within some days, soonest first.

use serde_json::json;

use crate::args;
use crate::catalogue::Catalogue;
use crate::catalogue::nearby::{NearbyQuery, nearby};
use crate::cli::report;
use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;
use crate::domain::time::now_beijing;
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::runtime::boot::{self, Options};
use crate::signup::seats_left;
use crate::ui::words;

/// What to ask.
pub struct Ask {
    /// Where.
    pub at: LatLon,
    /// How far, km.
    pub within_km: f64,
    /// How many days ahead.
    pub days: u32,
    /// JSON for scripts.
    pub json: bool,
}

/// Prints the sessions, soonest first.
pub fn run(options: &Options, lang: Lang, ask: &Ask) -> u8 {
    let catalogue =
        match boot::load_site(options).and_then(|site| boot::load_catalogue(&site, options)) {
            Ok(c) => c,
            Err(problems) => {
                report::problems(&problems, lang);
                return exit::CONFIG;
            }
        };
    let now = options.now.unwrap_or_else(now_beijing);
    let query = NearbyQuery {
        at: ask.at,
        within_km: ask.within_km,
        now,
        days: ask.days,
        category: None,
        audience: None,
        on: None,
        farming: false,
    };
    // Soonest first, then nearest: the screen's own order.
    let items = nearby(&catalogue, &query);
    let held = held_counts(options);
    let rows: Vec<Row<'_>> = items
        .iter()
        .map(|item| {
            let activity = catalogue.activity(item.activity);
            let venue = catalogue.venue(item.venue);
            let held = held
                .get(&(activity.id.to_string(), item.session.date))
                .copied()
                .unwrap_or(0);
            Row {
                catalogue: &catalogue,
                item: *item,
                seats: seats_left(activity, item.session.date, held),
                direction: ask.at.direction_to(venue.position),
            }
        })
        .collect();
    if ask.json {
        let list: Vec<serde_json::Value> = rows.iter().map(|r| r.json()).collect();
        crate::say!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else {
        crate::say!(
            "{}",
            ta(
                lang,
                "cli-nearby-heading",
                args!["count" => rows.len(), "km" => &format!("{:.2}", ask.within_km), "days" => ask.days]
            )
        );
        for r in &rows {
            crate::say!("{}", r.line(lang));
        }
    }
    exit::OK
}

/// Sign-ups this kiosk holds, if it has an outbox already (asking must not create one).
fn held_counts(options: &Options) -> std::collections::HashMap<(String, chrono::NaiveDate), u32> {
    let path = boot::outbox_path(&boot::data_dir(options));
    if !path.exists() {
        return Default::default();
    }
    boot::open_outbox(options)
        .ok()
        .and_then(|(outbox, _)| outbox.held().ok())
        .unwrap_or_default()
}

struct Row<'c> {
    catalogue: &'c Catalogue,
    item: crate::catalogue::nearby::NearbyItem,
    seats: u32,
    direction: crate::domain::geo::Compass,
}

impl Row<'_> {
    fn json(&self) -> serde_json::Value {
        let activity = self.catalogue.activity(self.item.activity);
        let texts = self.catalogue.texts(self.item.activity);
        let venue = self.catalogue.venue(self.item.venue);
        json!({
            "activity": activity.id.as_str(),
            "title": {"zh-CN": texts.title.get(Lang::Zh), "en-US": texts.title.get(Lang::En)},
            "venue": venue.id.as_ref(),
            "venue_name": {"zh-CN": venue.name.get(Lang::Zh), "en-US": venue.name.get(Lang::En)},
            "start": self.item.session.start.to_rfc3339(),
            "end": self.item.session.end.to_rfc3339(),
            "distance_km": (self.item.distance_km * 100.0).round() / 100.0,
            // At the very same place there is no direction to give.
            "direction": (self.item.distance_km >= 0.005).then(|| self.direction.key()),
            "seats_left": self.seats,
            "cancelled": activity.is_cancelled(),
        })
    }

    fn line(&self, lang: Lang) -> String {
        let activity = self.catalogue.activity(self.item.activity);
        let venue = self.catalogue.venue(self.item.venue);
        let direction = if self.item.distance_km < 0.005 {
            crate::i18n::t(lang, "distance-here")
        } else {
            words::direction(lang, self.direction)
        };
        let seats = words::seats(lang, self.seats, activity.is_cancelled());
        format!(
            "{}  {:>7.2} km  {:<10}  {:<40}  {}  {}  {}",
            self.item.session.start.format("%Y-%m-%d %H:%M"),
            self.item.distance_km,
            direction,
            activity.id,
            venue.name.get(lang),
            self.catalogue.texts(self.item.activity).title.get(lang),
            seats
        )
    }
}
