//! `learning-kiosk check-config FILE`: a site config and its catalogue, every problem.

use std::path::{Path, PathBuf};

use crate::args;
use crate::catalogue::load::load_file;
use crate::cli::report;
use crate::config::Site;
use crate::config::load::{load_site_file, setting_line};
use crate::config::pin;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::file_fault::FileFault;
use crate::i18n::ta;
use crate::problem::{FileProblems, Holds, Problem, ProblemKind};
use crate::runtime::boot::{self, Options};

/// The staff PIN of the examples and the demo, which no real kiosk should keep.
const EXAMPLE_PIN: &str = "2468";

/// Checks the file; exit 0 when the site, the files it names and its catalogue all load.
pub fn run(options: &Options, lang: Lang, file: &Path) -> u8 {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let site = match load_site_file(file) {
        Ok(site) => site,
        Err(problems) => {
            report::problems(&problems, lang);
            // The catalogue it names can still be checked, so staff see every problem at once.
            let named = match &options.catalogue {
                Some(path) => Some(Named::Option(path.clone())),
                None => named_catalogue(file).map(Named::Key),
            };
            if let Some(Err(problems)) = named.map(|n| load_named(n, file, &text)) {
                report::problems(&problems, lang);
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
    let mut faults = false;
    if let Some(problem) = token_problem(&site, &text) {
        faults = true;
        let problems = FileProblems {
            file: file.display().to_string(),
            problems: vec![problem],
        };
        report::problems(&problems, lang);
    }
    let named = match (&options.catalogue, &site.catalogue) {
        (Some(path), _) => Some(Named::Option(path.clone())),
        (None, Some(path)) => Some(Named::Key(path.clone())),
        (None, None) => None,
    };
    let loaded = match named {
        Some(named) => load_named(named, file, &text),
        None => boot::load_seed(&site, options),
    };
    match loaded {
        Ok(catalogue) if !faults => {
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
        Ok(_) => exit::CONFIG,
        Err(problems) => {
            report::problems(&problems, lang);
            exit::CONFIG
        }
    }
}

/// Where the catalogue to check was named.
enum Named {
    /// By `--catalogue`.
    Option(PathBuf),
    /// By the site's `kiosk.catalogue` (resolved against the site file's folder).
    Key(PathBuf),
}

/// Loads the named catalogue. A file that cannot be opened at all is the site file's
/// problem when the site named it: staff are told the key to mend, not only the path.
fn load_named(
    named: Named,
    site_file: &Path,
    text: &str,
) -> Result<crate::catalogue::Catalogue, FileProblems> {
    let (path, by_key) = match named {
        Named::Option(path) => (path, false),
        Named::Key(path) => (path, true),
    };
    let err = match load_file(&path) {
        Ok(catalogue) => return Ok(catalogue),
        Err(err) => err,
    };
    match err.problems.as_slice() {
        [
            Problem {
                kind: ProblemKind::Unreadable(fault),
                ..
            },
        ] if by_key => Err(FileProblems {
            file: site_file.display().to_string(),
            problems: vec![Problem::at_line(
                setting_line(text, "kiosk.catalogue"),
                "kiosk.catalogue",
                ProblemKind::NamedFile {
                    file: path.display().to_string(),
                    fault: *fault,
                    holds: Holds::Catalogue,
                },
            )],
        }),
        _ => Err(err),
    }
}

/// A site with a hub whose token file cannot be read, or holds nothing: it could never
/// sync, so the site is not fine.
fn token_problem(site: &Site, text: &str) -> Option<Problem> {
    let hub = site.hub.as_ref()?;
    let fault = match std::fs::read_to_string(&hub.token_file) {
        Ok(token) if token.trim().is_empty() => FileFault::Empty,
        Ok(_) => return None,
        Err(err) => FileFault::of(&err),
    };
    Some(Problem::at_line(
        setting_line(text, "hub.token_file"),
        "hub.token_file",
        ProblemKind::NamedFile {
            file: hub.token_file.display().to_string(),
            fault,
            holds: Holds::HubToken,
        },
    ))
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
