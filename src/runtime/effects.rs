//! Carries out effects that touch the disk, one at a time and in order, and answers with
//! messages. The runtime runs this on its own thread; tests call it directly.

use std::sync::Arc;

use crate::app::msg::SaveFailure;
use crate::app::{Effect, Msg};
use crate::catalogue::Catalogue;
use crate::config::pin;
use crate::outbox::{Outbox, Status};
use crate::signup::sign_up;

/// What effects need: the outbox, the catalogue, the staff PIN hash.
pub struct Executor {
    /// The outbox.
    pub outbox: Outbox,
    /// The catalogue the rules are checked against.
    pub catalogue: Arc<Catalogue>,
    /// The staff PIN hash.
    pub pin_hash: Option<String>,
}

impl Executor {
    /// Carries out one effect; the answer, if it has one. `Quit` belongs to the event loop
    /// and is not handled here.
    pub fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::SaveSignup {
                card,
                activity_id,
                date,
                now,
            } => {
                let result = sign_up(
                    &mut self.outbox,
                    &self.catalogue,
                    &card,
                    &activity_id,
                    date,
                    &now,
                )
                .map_err(|err| {
                    tracing::warn!(error = %err, "sign-up not saved");
                    SaveFailure::from(err)
                });
                Some(Msg::SignupFinished(result))
            }
            Effect::LoadMySignups(card) => Some(Msg::MySignupsLoaded {
                card,
                records: self.outbox.for_card(&card).map_err(|e| e.to_string()),
            }),
            Effect::RefreshQueue => {
                let held = self.outbox.held().unwrap_or_default();
                let waiting = self
                    .outbox
                    .counts()
                    .ok()
                    .and_then(|c| c.get(&Status::Waiting).copied())
                    .unwrap_or(0);
                Some(Msg::QueueStatus { held, waiting })
            }
            Effect::CheckStaffPin(entered) => Some(Msg::StaffPinChecked(
                self.pin_hash
                    .as_deref()
                    .is_some_and(|h| pin::verify(&entered, h)),
            )),
            Effect::Quit(_) => None,
        }
    }
}
