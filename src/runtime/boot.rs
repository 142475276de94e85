//! Finding and loading what the kiosk runs on: the site, the catalogue, the data folder and
//! the outbox. Every command shares this.

use std::path::{Path, PathBuf};

use crate::catalogue::Catalogue;
use crate::catalogue::demo::demo_catalogue;
use crate::catalogue::load::load_file;
use crate::config::Site;
use crate::config::load::{demo_site, load_site_file};
use crate::domain::time::Moment;
use crate::outbox::{OpenReport, Outbox, OutboxError};
use crate::problem::FileProblems;

/// The options every command takes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A site config file; `None` is the built-in demo site.
    pub config: Option<PathBuf>,
    /// A catalogue file that overrides the site's.
    pub catalogue: Option<PathBuf>,
    /// Where the kiosk keeps its files.
    pub data_dir: Option<PathBuf>,
    /// A pinned clock.
    pub now: Option<Moment>,
    /// Overrides the site's hub URL.
    pub hub: Option<String>,
    /// Overrides the site's token file.
    pub token_file: Option<PathBuf>,
    /// Overrides the site's speech command.
    pub speech_command: Option<String>,
}

/// Loads the site config named in the options, or the built-in demo site, with `--hub` and
/// `--token-file` applied.
pub fn load_site(options: &Options) -> Result<Site, FileProblems> {
    let mut site = match &options.config {
        Some(path) => load_site_file(path)?,
        None => demo_site()?,
    };
    if let Some(command) = &options.speech_command {
        if !shell_words::split(command).is_ok_and(|w| !w.is_empty()) {
            return Err(FileProblems {
                file: "--speech-command".into(),
                problems: vec![crate::problem::Problem::at(
                    "",
                    crate::problem::ProblemKind::BadCommand,
                )],
            });
        }
        site.speech_command = command.clone();
    }
    if options.hub.is_some() || options.token_file.is_some() {
        let current = site.hub.take();
        let url = options
            .hub
            .clone()
            .or_else(|| current.as_ref().map(|h| h.url.clone()));
        let token_file = options
            .token_file
            .clone()
            .or_else(|| current.as_ref().map(|h| h.token_file.clone()));
        if let Some(url) = url
            .as_ref()
            .filter(|u| !crate::config::site::hub_url_allowed(u))
        {
            return Err(FileProblems {
                file: "--hub".into(),
                problems: vec![crate::problem::Problem::at(
                    "",
                    crate::problem::ProblemKind::UnknownValue {
                        found: url.clone(),
                        allowed: crate::config::site::HUB_URLS.into(),
                    },
                )],
            });
        }
        site.hub = match (url, token_file) {
            (Some(url), Some(token_file)) => Some(crate::config::site::HubSettings {
                url,
                token_file,
                sync_interval_seconds: current.as_ref().map_or(60, |h| h.sync_interval_seconds),
                byte_budget_per_hour: current.as_ref().and_then(|h| h.byte_budget_per_hour),
                batch_size: current.as_ref().map_or(50, |h| h.batch_size),
            }),
            _ => {
                return Err(FileProblems {
                    file: "--hub / --token-file".into(),
                    problems: vec![crate::problem::Problem::at(
                        "",
                        crate::problem::ProblemKind::Missing(crate::problem::Expected::String),
                    )],
                });
            }
        };
    }
    Ok(site)
}

/// The catalogue cache file in a data folder.
pub fn cache_path(data_dir: &Path) -> PathBuf {
    data_dir.join("catalogue.sqlite")
}

/// Loads the catalogue: what the hub's feed delivered (once a sync has caught up), else
/// `--catalogue`, else the site's seed file, else the built-in demo.
pub fn load_catalogue(site: &Site, options: &Options) -> Result<Catalogue, FileProblems> {
    if site.hub.is_some() {
        match crate::cache::load_cached(&cache_path(&data_dir(options))) {
            Ok(Some(catalogue)) => return Ok(catalogue),
            Ok(None) => {}
            Err(problems) => {
                tracing::error!(%problems, "the cached catalogue does not load; using the seed");
            }
        }
    }
    load_seed(site, options)
}

/// The seed catalogue: `--catalogue`, else the site's file, else the built-in demo.
pub fn load_seed(site: &Site, options: &Options) -> Result<Catalogue, FileProblems> {
    match options.catalogue.as_ref().or(site.catalogue.as_ref()) {
        Some(path) => load_file(path),
        None => demo_catalogue(),
    }
}

/// The folder the kiosk keeps its files in: `--data-dir`, else the platform's data folder.
pub fn data_dir(options: &Options) -> PathBuf {
    options.data_dir.clone().unwrap_or_else(|| {
        directories::ProjectDirs::from("cn", "Beijing Learning City", "learning-kiosk")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("learning-kiosk-data"))
    })
}

/// The outbox file in a data folder.
pub fn outbox_path(data_dir: &Path) -> PathBuf {
    data_dir.join("outbox.sqlite")
}

/// Opens the outbox in the data folder.
pub fn open_outbox(options: &Options) -> Result<(Outbox, OpenReport), OutboxError> {
    Outbox::open(&outbox_path(&data_dir(options)))
}
