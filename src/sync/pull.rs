//! Pulling the catalogue feed into the cache, a page at a time, each page with its cursor.

use crate::sync::client::FeedAnswer;
use crate::sync::{Report, SyncError, Syncer};

/// Changes asked for in one page.
pub const PAGE_LIMIT: u32 = 200;

/// A safety stop for one pull (a million changes).
const MAX_PAGES: usize = 5_000;

/// Pulls until caught up. Each page is stored with its cursor in one transaction, so an
/// interruption costs at most the page in flight.
pub async fn pull(syncer: &mut Syncer, report: &mut Report) -> Result<(), SyncError> {
    let was_complete = syncer.cache.state()?.complete;
    let mut rebuilt = false;
    for _ in 0..MAX_PAGES {
        let state = syncer.cache.state()?;
        // The ETag belongs to the catalogue in use; a rebuild asks afresh.
        let etag = state.etag.as_deref().filter(|_| state.rebuilding.is_none());
        match syncer
            .client
            .feed(
                state.request_cursor(),
                PAGE_LIMIT,
                state.rebuilding.is_some(),
                etag,
            )
            .await?
        {
            FeedAnswer::NotModified => {
                syncer.cache.caught_up()?;
                break;
            }
            FeedAnswer::CursorExpired if state.rebuilding.is_some() => {
                // A rebuild's cursor cannot expire; starting again would only loop.
                return Err(SyncError::Hub(
                    "the feed refused a rebuild's cursor as expired".into(),
                ));
            }
            FeedAnswer::CursorExpired => {
                tracing::warn!(
                    cursor = state.request_cursor(),
                    "feed cursor expired; rebuilding the catalogue"
                );
                syncer.cache.start_rebuild()?;
            }
            FeedAnswer::Page(page, tag, left_out) => {
                report.pages += 1;
                report.changes += page.items.len();
                // Caught up: nothing new, and the cursor stays. (A page whose every item was
                // left out, or an older hub's page of rows it does not send, moved it on.)
                let caught_up =
                    page.items.is_empty() && left_out == 0 && page.next <= state.request_cursor();
                let applied = syncer.cache.apply_items(&page, tag.as_deref(), caught_up)?;
                report.set_aside += applied.set_aside + left_out;
                rebuilt |= state.rebuilding.is_some() && caught_up;
                // Before a first sync has caught up the kiosk shows the seed: its changes
                // come as one whole catalogue at the end.
                if was_complete {
                    syncer.hear(applied.changes);
                }
                if caught_up {
                    break;
                }
            }
        }
    }
    let after = syncer.cache.state()?;
    let whole = rebuilt || (!was_complete && after.complete);
    if whole {
        syncer.news = crate::sync::CatalogueNews::Reload;
    }
    report.catalogue_changed |= whole || (report.changes > 0 && after.rebuilding.is_none());
    Ok(())
}
