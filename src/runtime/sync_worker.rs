//! The sync worker: a tokio task on its own thread that pushes the outbox and pulls the feed
//! every so often, backs off with full jitter when the link fails, honours `Retry-After`, keeps
//! within the hourly byte budget, and tells the core what changed.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::app::Msg;
use crate::app::link::{LinkProblem, LinkProblemKind, LinkStatus};
use crate::config::site::HubSettings;
use crate::domain::card::CardNumber;
use crate::runtime::clock::ClockSource;
use crate::sync::budget::Budget;
use crate::sync::{CatalogueNews, SyncError, Syncer, backoff};

/// What the core asks of the worker.
enum Request {
    /// Sync as soon as the hub allows.
    Sync,
    /// Ask the hub what it knows of a card.
    LookUp(CardNumber),
}

/// Asks the worker to sync now (staff's "sync now", a new sign-up) or to look a card up;
/// dropping it stops the worker.
pub struct SyncTrigger(mpsc::UnboundedSender<Request>);

impl SyncTrigger {
    /// Syncs as soon as the worker is free.
    pub fn now(&self) {
        let _ = self.0.send(Request::Sync);
    }

    /// Asks the hub about a card as soon as the worker is free; the answer comes back as
    /// [`Msg::CardLooked`].
    pub fn look_up(&self, card: CardNumber) {
        let _ = self.0.send(Request::LookUp(card));
    }
}

/// How long a card look-up may take: the person is at the screen, and the kiosk shows what it
/// holds meanwhile.
const LOOK_UP_TIMEOUT: Duration = Duration::from_secs(10);

/// Starts the worker.
pub fn spawn(
    hub: HubSettings,
    data_dir: PathBuf,
    clock: ClockSource,
    to_core: mpsc::Sender<Msg>,
) -> std::io::Result<SyncTrigger> {
    let (trigger, triggered) = mpsc::unbounded_channel::<Request>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || {
            runtime.block_on(Worker::new(hub, clock, to_core, triggered).run(data_dir));
        })?;
    Ok(SyncTrigger(trigger))
}

/// The worker's own state between syncs.
struct Worker {
    hub: HubSettings,
    clock: ClockSource,
    to_core: mpsc::Sender<Msg>,
    triggered: mpsc::UnboundedReceiver<Request>,
    /// Cards to look up before anything else.
    look_ups: Vec<CardNumber>,
    link: LinkStatus,
    budget: Budget,
    failures: u32,
    /// When the next sync is due.
    next: Instant,
    /// The earliest the hub allows one ("sync now" brings `next` forward, never past this).
    hub_allows: Instant,
    /// Items from the hub left out since the kiosk started: the cursor moved past them, so
    /// they are gone until staff look into it.
    left_out: usize,
}

impl Worker {
    fn new(
        hub: HubSettings,
        clock: ClockSource,
        to_core: mpsc::Sender<Msg>,
        triggered: mpsc::UnboundedReceiver<Request>,
    ) -> Worker {
        let budget = Budget::new(hub.byte_budget_per_hour);
        Worker {
            hub,
            clock,
            to_core,
            triggered,
            look_ups: Vec::new(),
            link: LinkStatus {
                hub: true,
                ..LinkStatus::default()
            },
            budget,
            failures: 0,
            next: Instant::now(),
            hub_allows: Instant::now(),
            left_out: 0,
        }
    }

    async fn run(mut self, data_dir: PathBuf) {
        let Some(mut syncer) = self.open(&data_dir).await else {
            return;
        };
        // How far the cache had come when this worker last looked: another process (a staff
        // `sync`) that moves it on brings changes that never came through here.
        let mut known = syncer.cache.state().ok().map(|s| s.generation);
        loop {
            if !self.wait().await {
                return;
            }
            if !self.look_ups.is_empty() {
                for card in std::mem::take(&mut self.look_ups) {
                    self.look_up(&mut syncer, card).await;
                }
                continue;
            }
            let now = Instant::now();
            if let Some(wait) = self.budget.wait_until_free(now) {
                self.link.waiting_for_allowance = true;
                self.next = now + wait;
                self.tell(Msg::Link(self.link.clone())).await;
                continue;
            }
            syncer.client.allowance = self.budget.remaining(now);
            let at = self.clock.now().now;
            let outside = syncer.cache.state().ok().map(|s| s.generation) != known;
            let result = syncer.sync_once(&at).await;
            known = syncer.cache.state().ok().map(|s| s.generation);
            let (_, sent, received) = syncer.client.counts();
            self.budget.spend(Instant::now(), sent + received);
            self.after(result, at, sent + received);
            // Changes may have reached the cache even if the sync then failed.
            match syncer.take_news() {
                _ if outside => {
                    tracing::info!(
                        "the catalogue cache was changed by another process; loading it again"
                    );
                    self.tell(Msg::CatalogueReload).await;
                }
                CatalogueNews::Nothing => {}
                CatalogueNews::Changes(changes) => {
                    self.tell(Msg::CatalogueChanges(changes)).await;
                }
                CatalogueNews::Reload => self.tell(Msg::CatalogueReload).await,
            }
            // Answers may have arrived even when the pull failed.
            self.tell(Msg::SyncFinished).await;
            self.tell(Msg::Link(self.link.clone())).await;
        }
    }

    /// Opens the outbox, cache and client, retrying (a token file put in place later, a
    /// disk that comes back) until it works or the kiosk closes.
    async fn open(&mut self, data_dir: &std::path::Path) -> Option<Syncer> {
        loop {
            match Syncer::open(&self.hub, data_dir) {
                Ok(syncer) => return Some(syncer),
                Err(e) => {
                    tracing::error!(error = %e, "the sync worker cannot start; trying again");
                    self.failures += 1;
                    self.link.last_error = Some(problem(&e));
                    self.link.offline_since.get_or_insert(self.clock.now().now);
                    self.tell(Msg::Link(self.link.clone())).await;
                    self.next = Instant::now() + backoff::delay(self.failures, None);
                    if !self.wait().await {
                        return None;
                    }
                }
            }
        }
    }

    /// Sleeps until the next sync is due, staff ask for one or a card is to be looked up;
    /// false once the kiosk closes.
    async fn wait(&mut self) -> bool {
        loop {
            tokio::select! {
                _ = tokio::time::sleep_until(self.next.into()) => return true,
                asked = self.triggered.recv() => match asked {
                    None => return false,
                    Some(Request::Sync) => self.next = Instant::now().max(self.hub_allows),
                    Some(Request::LookUp(card)) => {
                        self.look_ups.push(card);
                        return true;
                    }
                },
            }
        }
    }

    /// Asks the hub about a card, within the allowance and a short time, and tells the core.
    /// The card is in the request's body only; the answer goes to the visit, not to disk.
    async fn look_up(&mut self, syncer: &mut Syncer, card: CardNumber) {
        let now = Instant::now();
        let answer = if self.budget.wait_until_free(now).is_some() {
            Err("the hourly data allowance is used up".to_string())
        } else {
            syncer.client.reset_counts();
            syncer.client.allowance = self.budget.remaining(now);
            let asked = tokio::time::timeout(LOOK_UP_TIMEOUT, syncer.client.card(card.digits()));
            let answer = match asked.await {
                Ok(Ok(answer)) => Ok(answer),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err("the hub did not answer in time".to_string()),
            };
            let (_, sent, received) = syncer.client.counts();
            self.budget.spend(Instant::now(), sent + received);
            answer
        };
        self.tell(Msg::CardLooked { card, answer }).await;
    }

    /// Updates the link after a sync and decides when the next one is.
    fn after(
        &mut self,
        result: Result<crate::sync::Report, SyncError>,
        at: crate::domain::time::Moment,
        bytes: u64,
    ) {
        self.link.waiting_for_allowance = false;
        match result {
            Ok(report) => {
                self.failures = 0;
                self.link.online = true;
                self.link.offline_since = None;
                self.link.last_sync = Some(at);
                // Items the kiosk could not read were left out; staff should hear of it, and
                // keep hearing after later syncs that left nothing out.
                self.left_out += report.set_aside;
                self.link.last_error = (self.left_out > 0).then(|| LinkProblem {
                    kind: LinkProblemKind::Catalogue,
                    // The count only: the words are the kind's, in the screen's language.
                    detail: self.left_out.to_string(),
                    fault: None,
                });
                tracing::info!(
                    changes = report.changes,
                    answered = report.answered.values().sum::<usize>(),
                    parked = report.parked,
                    bytes,
                    "synced"
                );
                self.next =
                    Instant::now() + Duration::from_secs(u64::from(self.hub.sync_interval_seconds));
            }
            Err(SyncError::AllowanceSpent) => {
                // Not a link problem: the rest waits for the allowance.
                self.link.waiting_for_allowance = true;
                let now = Instant::now();
                self.next = now
                    + self
                        .budget
                        .wait_until_free(now)
                        .unwrap_or(Duration::from_secs(60));
            }
            Err(e) => {
                self.failures += 1;
                self.link.offline_since.get_or_insert(at);
                self.link.online = false;
                self.link.last_error = Some(problem(&e));
                tracing::warn!(error = %e, failures = self.failures, "sync failed");
                let asked = match e {
                    SyncError::RetryAfter(d) => Some(d),
                    _ => None,
                };
                self.next = Instant::now() + backoff::delay(self.failures, asked);
                if let Some(asked) = asked {
                    self.hub_allows = Instant::now() + asked;
                }
            }
        }
    }

    async fn tell(&self, msg: Msg) {
        let _ = self.to_core.send(msg).await;
    }
}

/// A sync error as the staff page and the `sync` command show it.
pub fn problem(e: &SyncError) -> LinkProblem {
    let (kind, detail, fault) = match e {
        SyncError::Offline(d) => (LinkProblemKind::Offline, d.to_string(), None),
        SyncError::RetryAfter(wait) => {
            (LinkProblemKind::Busy, format!("{}s", wait.as_secs()), None)
        }
        SyncError::Unauthorized => (LinkProblemKind::Unauthorized, String::new(), None),
        SyncError::Hub(d) => (LinkProblemKind::Hub, d.to_string(), None),
        SyncError::Storage(f, d) => (LinkProblemKind::Storage, d.to_string(), Some(*f)),
        SyncError::Token(f, file) => (LinkProblemKind::Token, file.to_string(), Some(*f)),
        SyncError::AllowanceSpent => (LinkProblemKind::Busy, String::new(), None),
    };
    LinkProblem {
        kind,
        detail,
        fault,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::parse_moment;

    fn worker() -> Worker {
        let hub = HubSettings {
            url: "http://127.0.0.1:9".into(),
            token_file: "token".into(),
            sync_interval_seconds: 60,
            byte_budget_per_hour: None,
            batch_size: 50,
        };
        let (to_core, _) = mpsc::channel(4);
        let (_, triggered) = mpsc::unbounded_channel();
        Worker::new(hub, ClockSource::new(None), to_core, triggered)
    }

    /// Items left out of the catalogue are gone for good (the cursor moved past them), so
    /// staff hear of them until the kiosk restarts, not only until the next quiet sync.
    #[test]
    fn items_left_out_stay_on_the_staff_page_after_later_syncs() {
        let mut w = worker();
        let at = parse_moment("2026-11-23T09:00:00+08:00").unwrap_or_default();
        let with = |set_aside| {
            Ok(crate::sync::Report {
                set_aside,
                ..Default::default()
            })
        };
        w.after(with(3), at, 0);
        w.after(with(0), at, 0);
        w.after(Err(SyncError::Offline("refused".into())), at, 0);
        w.after(with(2), at, 0);
        let problem = w.link.last_error.clone();
        assert_eq!(
            problem.map(|p| (p.kind, p.detail)),
            Some((LinkProblemKind::Catalogue, "5".to_string()))
        );
    }
}
