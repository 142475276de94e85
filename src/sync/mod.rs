//! Talking to the district hub: pulling the catalogue feed into the cache and pushing the
//! outbox, over links that can be slow, flaky or absent. Knows nothing of screens.

pub mod backoff;
pub mod budget;
pub mod client;
pub mod pull;
pub mod push;

use crate::file_fault::FileFault;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::cache::{CatalogueCache, MAX_CHANGES_IN_PLACE};
use crate::catalogue::change::Change;
use crate::config::site::HubSettings;
use crate::domain::card::Masked;
use crate::outbox::{Outbox, Status};

pub use client::HubClient;

/// Why a sync did not finish. Its words may quote the hub (serde quotes the values it could
/// not read), so they are [`Masked`] when made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The hub could not be reached, or the link broke.
    #[error("the hub cannot be reached: {0}")]
    Offline(Masked),
    /// The hub is busy: try again after this long.
    #[error("the hub asks to wait {0:?}")]
    RetryAfter(Duration),
    /// The hub does not know this kiosk's token.
    #[error("the hub refused this kiosk's token")]
    Unauthorized,
    /// The hub answered something this kiosk cannot use.
    #[error("the hub answered oddly: {0}")]
    Hub(Masked),
    /// The kiosk's own files failed: how, and the system's words.
    #[error("the kiosk's files failed: {1}")]
    Storage(FileFault, Masked),
    /// The hourly byte allowance is used up; the rest waits for it.
    #[error("the hourly data allowance is used up")]
    AllowanceSpent,
    /// The token file (named) cannot be read: why.
    #[error("the token file {1} cannot be read: {0:?}")]
    Token(FileFault, Masked),
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Storage(crate::outbox::sqlite_fault(&e), e.to_string().into())
    }
}

impl From<crate::outbox::OutboxError> for SyncError {
    fn from(e: crate::outbox::OutboxError) -> Self {
        SyncError::Storage(e.fault(), e.to_string().into())
    }
}

/// What one sync moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Feed pages fetched.
    pub pages: usize,
    /// Changes applied to the catalogue.
    pub changes: usize,
    /// True when the catalogue changed (in place or to be loaded again).
    pub catalogue_changed: bool,
    /// Items from the hub that did not pass the catalogue's checks, left out.
    pub set_aside: usize,
    /// Sign-ups sent and answered, by the answer.
    pub answered: BTreeMap<Status, usize>,
    /// Sign-ups the hub could not read, held for staff.
    pub parked: usize,
    /// Requests made.
    pub requests: usize,
    /// Bytes sent and received (bodies and headers as sent).
    pub bytes_sent: u64,
    /// Bytes received.
    pub bytes_received: u64,
}

/// What the feed brought for the catalogue in use.
#[derive(Debug, Default)]
pub enum CatalogueNews {
    /// Nothing.
    #[default]
    Nothing,
    /// Changes to apply in place, in order.
    Changes(Vec<Change>),
    /// The cache holds a different whole catalogue (a first sync, a rebuild, or more
    /// changes than are worth applying one by one): load it again.
    Reload,
}

/// Everything one sync needs: the client, the outbox and the cache.
pub struct Syncer {
    /// The hub.
    pub client: HubClient,
    /// The outbox (its own connection).
    pub outbox: Outbox,
    /// The catalogue cache.
    pub cache: CatalogueCache,
    /// Sign-ups a request.
    pub batch_size: usize,
    /// What the pulls since the last [`Syncer::take_news`] mean for the catalogue in use.
    pub(crate) news: CatalogueNews,
    /// Held exclusively for the length of a sync: the kiosk's worker and a `sync` command
    /// must not interleave pages or batches.
    lock: std::fs::File,
}

impl Syncer {
    /// Opens the outbox and cache in a data folder for a hub.
    pub fn open(hub: &HubSettings, data_dir: &Path) -> Result<Syncer, SyncError> {
        let token = std::fs::read_to_string(&hub.token_file).map_err(|e| {
            SyncError::Token(
                FileFault::of(&e),
                hub.token_file.display().to_string().into(),
            )
        })?;
        let client = HubClient::new(&hub.url, token.trim())?;
        let (outbox, _) = Outbox::open(&crate::runtime::boot::outbox_path(data_dir))?;
        let cache = CatalogueCache::open(&crate::runtime::boot::cache_path(data_dir))?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join("sync.lock"))
            .map_err(|e| SyncError::Storage(FileFault::of(&e), e.to_string().into()))?;
        Ok(Syncer {
            client,
            outbox,
            cache,
            batch_size: hub.batch_size,
            news: CatalogueNews::Nothing,
            lock,
        })
    }

    /// What changed for the catalogue in use since last asked, and forgets it.
    pub fn take_news(&mut self) -> CatalogueNews {
        std::mem::replace(&mut self.news, CatalogueNews::Nothing)
    }

    /// Notes changes for the catalogue in use; too many at once become one reload.
    fn hear(&mut self, changes: Vec<Change>) {
        self.news = match std::mem::replace(&mut self.news, CatalogueNews::Nothing) {
            CatalogueNews::Reload => CatalogueNews::Reload,
            CatalogueNews::Nothing if changes.is_empty() => CatalogueNews::Nothing,
            CatalogueNews::Nothing if changes.len() <= MAX_CHANGES_IN_PLACE => {
                CatalogueNews::Changes(changes)
            }
            CatalogueNews::Changes(mut held)
                if held.len() + changes.len() <= MAX_CHANGES_IN_PLACE =>
            {
                held.extend(changes);
                CatalogueNews::Changes(held)
            }
            _ => CatalogueNews::Reload,
        };
    }

    /// Waits until no other process is syncing this kiosk's files.
    async fn take_turn(&self) {
        while let Err(std::fs::TryLockError::WouldBlock) = self.lock.try_lock() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// One push of the outbox, then one pull of the feed (so the seat counts pulled include
    /// the answers just given).
    pub async fn sync_once(
        &mut self,
        now: &crate::domain::time::Moment,
    ) -> Result<Report, SyncError> {
        self.take_turn().await;
        let mut report = Report::default();
        self.client.reset_counts();
        let spoke = self.client.protocol();
        let pushed = push::push(self, now, &mut report).await;
        let pulled = match pushed {
            Ok(()) => pull::pull(self, &mut report).await,
            Err(e) => Err(e),
        };
        // The first word from a hub of protocol 2 came in the pull: what the push held back
        // for it (cancels, check-ins) goes now rather than a sync later.
        let pulled = match pulled {
            Ok(()) if self.client.protocol() > spoke => push::push(self, now, &mut report).await,
            other => other,
        };
        (report.requests, report.bytes_sent, report.bytes_received) = self.client.counts();
        let _ = self.lock.unlock();
        pulled.map(|()| report)
    }
}
