//! The sync worker: a tokio task on its own thread that pushes the outbox and pulls the feed
//! every so often, backs off with full jitter when the link fails, honours `Retry-After`, keeps
//! within the hourly byte budget, and tells the core what changed.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::app::Msg;
use crate::app::link::{LinkProblem, LinkProblemKind, LinkStatus};
use crate::config::site::HubSettings;
use crate::runtime::clock::ClockSource;
use crate::sync::budget::Budget;
use crate::sync::{SyncError, Syncer, backoff};

/// Asks the worker to sync now (staff's "sync now"); dropping it stops the worker.
pub struct SyncTrigger(mpsc::UnboundedSender<()>);

impl SyncTrigger {
    /// Syncs as soon as the worker is free.
    pub fn now(&self) {
        let _ = self.0.send(());
    }
}

/// Starts the worker.
pub fn spawn(
    hub: HubSettings,
    data_dir: PathBuf,
    clock: ClockSource,
    to_core: mpsc::Sender<Msg>,
) -> std::io::Result<SyncTrigger> {
    let (trigger, mut triggered) = mpsc::unbounded_channel::<()>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new().name("sync".into()).spawn(move || {
        runtime.block_on(async move {
            let mut link = LinkStatus {
                hub: true,
                ..LinkStatus::default()
            };
            let mut syncer = match Syncer::open(&hub, &data_dir) {
                Ok(s) => s,
                Err(e) => {
                    tracing::error!(error = %e, "the sync worker cannot start");
                    link.last_error = Some(problem(&e));
                    link.offline_since = Some(clock.now().now);
                    let _ = to_core.send(Msg::Link(link)).await;
                    return;
                }
            };
            let mut budget = Budget::new(hub.byte_budget_per_hour);
            let interval = Duration::from_secs(u64::from(hub.sync_interval_seconds));
            let mut failures = 0u32;
            // When the next sync is due, and the earliest the hub allows one ("sync now"
            // brings the first forward, never past the second).
            let mut next = Instant::now();
            let mut hub_allows = Instant::now();
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(next.into()) => {}
                    asked = triggered.recv() => {
                        if asked.is_none() {
                            return;
                        }
                        next = Instant::now().max(hub_allows);
                        continue;
                    }
                }
                if let Some(wait) = budget.wait_until_free(Instant::now()) {
                    link.waiting_for_allowance = true;
                    let _ = to_core.send(Msg::Link(link.clone())).await;
                    next = Instant::now() + wait;
                    continue;
                }
                link.waiting_for_allowance = false;
                let now = clock.now().now;
                let result = syncer.sync_once(&now).await;
                let (_, sent, received) = syncer.client.counts();
                budget.spend(Instant::now(), sent + received);
                match result {
                    Ok(report) => {
                        failures = 0;
                        link.online = true;
                        link.offline_since = None;
                        link.last_sync = Some(now);
                        link.last_error = None;
                        tracing::info!(
                            changes = report.changes,
                            answered = report.answered.values().sum::<usize>(),
                            parked = report.parked,
                            bytes = sent + received,
                            "synced"
                        );
                        if report.catalogue_changed {
                            match syncer.cache.build() {
                                Ok(Some(catalogue)) => {
                                    let _ = to_core.send(Msg::CatalogueUpdated(Arc::new(catalogue))).await;
                                }
                                Ok(None) => {}
                                Err(problems) => {
                                    tracing::error!(%problems, "the hub's catalogue does not load; keeping the one in use");
                                    link.last_error = Some(LinkProblem {
                                        kind: LinkProblemKind::Catalogue,
                                        detail: problems.report(crate::domain::lang::Lang::En),
                                    });
                                }
                            }
                        }
                        next = Instant::now() + interval;
                    }
                    Err(e) => {
                        failures += 1;
                        if link.offline_since.is_none() {
                            link.offline_since = Some(now);
                        }
                        link.online = false;
                        link.last_error = Some(problem(&e));
                        tracing::warn!(error = %e, failures, "sync failed");
                        let asked = match e {
                            SyncError::RetryAfter(d) => Some(d),
                            _ => None,
                        };
                        let delay = backoff::delay(failures, asked);
                        next = Instant::now() + delay;
                        if asked.is_some() {
                            hub_allows = next;
                        }
                    }
                }
                // Answers may have arrived even when the pull failed.
                let _ = to_core.send(Msg::SyncFinished).await;
                let _ = to_core.send(Msg::Link(link.clone())).await;
            }
        });
    })?;
    Ok(SyncTrigger(trigger))
}

/// A sync error as the staff page shows it.
fn problem(e: &SyncError) -> LinkProblem {
    let (kind, detail) = match e {
        SyncError::Offline(d) => (LinkProblemKind::Offline, d.clone()),
        SyncError::RetryAfter(wait) => (LinkProblemKind::Busy, format!("{}s", wait.as_secs())),
        SyncError::Unauthorized => (LinkProblemKind::Unauthorized, String::new()),
        SyncError::Hub(d) => (LinkProblemKind::Hub, d.clone()),
        SyncError::Storage(d) => (LinkProblemKind::Storage, d.clone()),
        SyncError::Token(d) => (LinkProblemKind::Token, d.clone()),
    };
    LinkProblem { kind, detail }
}
