//! Carries out effects that touch the disk, one at a time and in order, and answers with
//! messages. The runtime runs this on its own thread; tests call it directly.

use crate::app::effect::SharedCatalogue;
use crate::app::msg::QueueSummary;
use crate::app::{Effect, Msg};
use crate::config::pin;
use crate::outbox::{Kind, Outbox, Status};
use crate::signup::cancel::cancel;
use crate::signup::checkin::check_in;
use crate::signup::{places, sign_up};

/// What effects need: the outbox and the staff PIN hash.
pub struct Executor {
    /// The outbox.
    pub outbox: Outbox,
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
                catalogue: SharedCatalogue(catalogue),
                ask,
            } => {
                let result = sign_up(
                    &mut self.outbox,
                    &catalogue,
                    &card,
                    &activity_id,
                    date,
                    &now,
                    ask,
                )
                .inspect_err(|err| tracing::warn!(error = %err, "sign-up not saved"));
                Some(Msg::SignupFinished(result))
            }
            Effect::SaveCancel {
                of,
                now,
                catalogue: SharedCatalogue(catalogue),
            } => {
                let result = cancel(&mut self.outbox, &catalogue, &of, &now)
                    .inspect_err(|err| tracing::warn!(error = %err, "cancel not saved"));
                Some(Msg::CancelFinished(result))
            }
            Effect::SaveCheckin {
                card,
                activity_id,
                date,
                now,
                catalogue: SharedCatalogue(catalogue),
            } => {
                let result = check_in(
                    &mut self.outbox,
                    &catalogue,
                    &card,
                    &activity_id,
                    date,
                    &now,
                )
                .inspect_err(|err| tracing::warn!(error = %err, "check-in not saved"));
                Some(Msg::CheckinFinished(result))
            }
            Effect::LoadMySignups(card) => {
                let records = self.outbox.for_card(&card);
                let checkins_waiting = records.as_ref().map_or(0, |rs| {
                    rs.iter()
                        .filter(|r| r.kind == Kind::Checkin && r.status == Status::Waiting)
                        .count() as u32
                });
                Some(Msg::MySignupsLoaded {
                    card,
                    records: records
                        .map(|rs| places::from_outbox(&rs))
                        .map_err(|e| e.to_string()),
                    checkins_waiting,
                })
            }
            Effect::RefreshQueue => Some(Msg::QueueStatus(self.queue_summary())),
            Effect::ResendHeld => Some(Msg::HeldResent(
                self.outbox.resend_held(None).map_err(|e| e.to_string()),
            )),
            Effect::CheckStaffPin(entered) => Some(Msg::StaffPinChecked(
                self.pin_hash
                    .as_deref()
                    .is_some_and(|h| pin::verify(&entered, h)),
            )),
            // The event loop owns the sync worker, the terminal, speech, the exit and the
            // catalogue's reload (on its own thread, see `event_loop`).
            // The printer has a worker of its own (`printer_worker`), so a slow printer never
            // holds a save.
            Effect::SyncNow
            | Effect::Print { .. }
            | Effect::LookUpCard(_)
            | Effect::Bell
            | Effect::SayAgain
            | Effect::Quit(_)
            | Effect::ReloadCatalogue => None,
        }
    }

    /// What the outbox holds, without card numbers. A read that fails leaves counts empty:
    /// the screens then say nothing rather than something wrong.
    fn queue_summary(&self) -> QueueSummary {
        QueueSummary {
            held: self.outbox.held().unwrap_or_default(),
            checked_in: self.outbox.checkins().unwrap_or_default(),
            counts: self.outbox.counts().unwrap_or_default(),
            attention: self
                .outbox
                .needing_staff(STAFF_LIST)
                .unwrap_or_default()
                .into_iter()
                .map(|r| r.view())
                .collect(),
            resendable: self.outbox.resendable().unwrap_or_default(),
            damaged: self
                .outbox
                .damaged()
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.code, d.problem))
                .collect(),
        }
    }
}

/// Sign-ups needing staff that the staff page lists.
const STAFF_LIST: usize = 5;
