//! Pushing the outbox: waiting sign-ups, cancels and check-ins, oldest first, in compressed
//! batches. Every answer is
//! stored in one transaction; nothing is dropped; a sign-up the hub cannot read is found by
//! halving the batch and parked for staff.

use learning_wire::{InvalidReason, SignupBatch, SignupItem};

use crate::domain::time::Moment;
use crate::outbox::{SignupRecord, Status};
use crate::sync::client::BatchOutcome;
use crate::sync::{Report, SyncError, Syncer};

fn item(r: &SignupRecord) -> SignupItem {
    SignupItem {
        uuid: r.uuid.clone(),
        kind: r.kind,
        target: r.target.clone(),
        card: r.card_digits.clone(),
        activity: r.activity_id.clone(),
        date: r.date.to_string(),
        created_at: r.created_at.to_rfc3339(),
    }
}

/// Sends every waiting item (to a hub before protocol 2, only the sign-ups: it would take a
/// cancel or a check-in for a sign-up).
pub async fn push(syncer: &mut Syncer, now: &Moment, report: &mut Report) -> Result<(), SyncError> {
    let mut batch_size = syncer.batch_size.max(1);
    loop {
        let every_kind = syncer.client.protocol() >= learning_wire::PROTOCOL_VERSION;
        let waiting = syncer.outbox.waiting_of(batch_size, every_kind)?;
        if waiting.is_empty() {
            return Ok(());
        }
        // A stack of slices to send: a batch the hub cannot read is split in two until the
        // sign-up it chokes on stands alone.
        let mut stack: Vec<Vec<SignupRecord>> = vec![waiting];
        while let Some(group) = stack.pop() {
            let batch = SignupBatch {
                signups: group.iter().map(item).collect(),
            };
            match syncer.client.signups(&batch).await? {
                BatchOutcome::Answers(answer) if answer.answers.len() == group.len() => {
                    let mut answered = Vec::new();
                    for (record, answer) in group.iter().zip(answer.answers) {
                        // The hub could not read what this kiosk wrote: a fault of the
                        // kiosk's, held for staff rather than told to the person as a refusal.
                        if let Some(
                            reason @ (InvalidReason::Malformed
                            | InvalidReason::BadDate
                            | InvalidReason::BadTime
                            | InvalidReason::BadUuid
                            | InvalidReason::Incomplete),
                        ) = answer.reason
                        {
                            syncer.outbox.park(&record.uuid, reason.as_str(), now)?;
                            report.parked += 1;
                        } else {
                            *report
                                .answered
                                .entry(Status::from_answer(answer.status))
                                .or_default() += 1;
                            answered.push((record.uuid.clone(), answer));
                        }
                    }
                    syncer.outbox.record_answers(&answered, now)?;
                }
                BatchOutcome::Answers(answer) => {
                    return Err(SyncError::Hub(
                        format!(
                            "{} answers to {} sign-ups",
                            answer.answers.len(),
                            group.len()
                        )
                        .into(),
                    ));
                }
                BatchOutcome::Unreadable(why) if group.len() == 1 => {
                    tracing::warn!(uuid = %group[0].uuid, %why, "hub cannot read a sign-up; parked for staff");
                    syncer
                        .outbox
                        .park(&group[0].uuid, &format!("unreadable: {why}"), now)?;
                    report.parked += 1;
                }
                BatchOutcome::Unreadable(_) => {
                    let mut first = group;
                    let second = first.split_off(first.len() / 2);
                    stack.push(second);
                    stack.push(first);
                }
                BatchOutcome::TooLarge if batch_size > 1 => {
                    batch_size = (batch_size / 2).max(1);
                    break;
                }
                BatchOutcome::TooLarge => {
                    // One sign-up the hub will never take: held for staff, so it does not
                    // stop every sign-up after it.
                    tracing::warn!(uuid = %group[0].uuid, "hub refuses a sign-up as too large; parked for staff");
                    for record in &group {
                        syncer.outbox.park(&record.uuid, "too_large", now)?;
                        report.parked += 1;
                    }
                }
            }
        }
    }
}
