//! `learning-kiosk check-config FILE`: a site config and its catalogue, every problem.

use std::path::{Path, PathBuf};

use crate::args;
use crate::catalogue::load::load_file;
use crate::cli::report;
use crate::config::load::load_site_file;
use crate::config::pin;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::runtime::boot::{self, Options};

/// The staff PIN of the examples and the demo, which no real kiosk should keep.
const EXAMPLE_PIN: &str = "2468";

/// Checks the file; exit 0 when both the site and its catalogue load.
pub fn run(options: &Options, lang: Lang, file: &Path) -> u8 {
    let site = match load_site_file(file) {
        Ok(site) => site,
        Err(problems) => {
            report::problems(&problems, lang);
            // The catalogue it names can still be checked, so staff see every problem at once.
            let named = options.catalogue.clone().or_else(|| named_catalogue(file));
            if let Some(Err(catalogue_problems)) = named.map(|path| load_file(&path)) {
                report::problems(&catalogue_problems, lang);
            }
            return exit::CONFIG;
        }
    };
    if site
        .staff_pin_hash
        .as_deref()
        .is_some_and(|h| pin::verify(EXAMPLE_PIN, h))
    {
        let file = file.display().to_string();
        report::both(lang, |l| ta(l, "cli-example-pin", args!["file" => &file]));
    }
    match boot::load_seed(&site, options) {
        Ok(catalogue) => {
            // Not a fault that stops the kiosk (the hub's feed may bring the venue), but
            // nobody could check in here until it does.
            if let Some(venue) = site
                .venue
                .as_deref()
                .filter(|v| catalogue.venue_by_id(v).is_none())
            {
                report::both(lang, |l| {
                    ta(l, "cli-venue-unknown", args!["venue" => venue])
                });
            }
            crate::say!(
                "{}",
                ta(
                    lang,
                    "cli-config-ok",
                    args![
                        "file" => &file.display().to_string(),
                        "site" => &site.id,
                        "venues" => catalogue.venue_count(),
                        "activities" => catalogue.activity_count()
                    ]
                )
            );
            exit::OK
        }
        Err(problems) => {
            report::problems(&problems, lang);
            exit::CONFIG
        }
    }
}

/// The catalogue a site file names, read loosely from a file that did not fully load.
fn named_catalogue(file: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let name = table.get("kiosk")?.get("catalogue")?.as_str()?;
    Some(
        file.parent()
            .map_or_else(|| PathBuf::from(name), |dir| dir.join(name)),
    )
}
