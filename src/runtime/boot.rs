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
}

/// Loads the site config named in the options, or the built-in demo site.
pub fn load_site(options: &Options) -> Result<Site, FileProblems> {
    match &options.config {
        Some(path) => load_site_file(path),
        None => demo_site(),
    }
}

/// Loads the catalogue: `--catalogue`, else the site's, else the built-in demo.
pub fn load_catalogue(site: &Site, options: &Options) -> Result<Catalogue, FileProblems> {
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
