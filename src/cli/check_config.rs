//! `learning-kiosk check-config FILE`: a site config and its catalogue, every problem.

use std::path::Path;

use crate::args;
use crate::cli::{exit, report};
use crate::config::load::load_site_file;
use crate::domain::lang::Lang;
use crate::i18n::ta;
use crate::runtime::boot::{self, Options};

/// Checks the file; exit 0 when both the site and its catalogue load.
pub fn run(options: &Options, lang: Lang, file: &Path) -> u8 {
    let site = match load_site_file(file) {
        Ok(site) => site,
        Err(problems) => {
            report::problems(&problems, lang);
            return exit::CONFIG;
        }
    };
    match boot::load_catalogue(&site, options) {
        Ok(catalogue) => {
            println!(
                "{}",
                ta(
                    lang,
                    "cli-config-ok",
                    args![
                        "file" => &file.display().to_string(),
                        "site" => &site.id,
                        "venues" => catalogue.venues.len(),
                        "activities" => catalogue.activities.len()
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
