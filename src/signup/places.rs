//! A card's places as the screens show them: its sign-ups and waiting places from this
//! kiosk's outbox, each with what its cancels and check-ins say, merged with what the
//! district's hub says (a place taken at another kiosk, a waiting place moved up, one
//! cancelled elsewhere). Pure: the outbox and the hub are read elsewhere.

use chrono::NaiveDate;
use learning_wire::{AnswerStatus, CardAnswer};

use crate::outbox::{Kind, SignupRecord, SignupView, Status, code_from};

/// The card's places from its outbox rows (every kind), soonest session first.
pub fn from_outbox(records: &[SignupRecord]) -> Vec<SignupView> {
    let live = |r: &&SignupRecord| r.status != Status::Invalid;
    let mut views: Vec<SignupView> = records
        .iter()
        .filter(|r| r.kind.takes_a_place())
        .map(|r| SignupView {
            cancelling: records
                .iter()
                .filter(live)
                .any(|c| c.kind == Kind::Cancel && c.target.as_deref() == Some(&r.uuid)),
            checked_in: records.iter().filter(live).any(|c| {
                c.kind == Kind::Checkin && c.activity_id == r.activity_id && c.date == r.date
            }),
            ..r.view()
        })
        .collect();
    views.sort_by_key(|v| v.date);
    views
}

/// The card's places with the hub's word on them: the hub's status and place in line for
/// those it knows (a seat moved up, a place cancelled at another kiosk), and its places taken
/// at other kiosks added. A place the hub does not mention keeps what this kiosk knows: the
/// hub's answer may be older than a sign-up made since, so absence says nothing.
pub fn merge(mut local: Vec<SignupView>, hub: &CardAnswer) -> Vec<SignupView> {
    for place in &hub.places {
        let Some(date) = NaiveDate::parse_from_str(&place.date, "%Y-%m-%d").ok() else {
            continue;
        };
        let status = match place.status {
            AnswerStatus::Waitlisted => Status::Waitlisted,
            AnswerStatus::Cancelled => Status::Cancelled,
            _ => Status::Confirmed,
        };
        match local.iter_mut().find(|v| v.uuid == place.uuid) {
            Some(view) => {
                view.status = status;
                view.place = place.place;
                view.promoted = place.promoted;
                view.checked_in |= place.checked_in;
            }
            // A place given up at another kiosk is news only where it was taken.
            None if status == Status::Cancelled => {}
            None => {
                let Ok(uuid) = uuid::Uuid::parse_str(&place.uuid) else {
                    continue;
                };
                local.push(SignupView {
                    code: code_from(&uuid),
                    uuid: place.uuid.clone(),
                    kind: if status == Status::Waitlisted {
                        Kind::Waitlist
                    } else {
                        Kind::Signup
                    },
                    activity_id: place.activity.clone(),
                    date,
                    status,
                    reason: None,
                    place: place.place,
                    cancelling: false,
                    checked_in: place.checked_in,
                    promoted: place.promoted,
                    from_hub: true,
                });
            }
        }
    }
    local.sort_by_key(|v| v.date);
    local
}

#[cfg(test)]
mod tests {
    use super::*;
    use learning_wire::{LearningRecord, Place};

    fn view(uuid: &str, date: &str, status: Status) -> SignupView {
        SignupView {
            uuid: uuid.into(),
            code: "AAA-AAA".into(),
            activity_id: "a".into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap_or_default(),
            status,
            ..SignupView::default()
        }
    }

    fn place(uuid: &str, date: &str, status: AnswerStatus, promoted: bool) -> Place {
        Place {
            uuid: uuid.into(),
            activity: "a".into(),
            date: date.into(),
            status,
            place: None,
            promoted,
            checked_in: false,
        }
    }

    #[test]
    fn the_hub_moves_a_waiting_place_up_adds_others_and_says_one_was_cancelled() {
        let u = |n: u8| format!("00000000-0000-4000-8000-00000000000{n}");
        let local = vec![
            view(&u(1), "2026-12-04", Status::Waitlisted),
            view(&u(2), "2026-12-05", Status::Confirmed),
            view(&u(3), "2026-12-01", Status::Confirmed),
            view(&u(4), "2026-12-06", Status::Waiting),
        ];
        let hub = CardAnswer {
            places: vec![
                place(&u(1), "2026-12-04", AnswerStatus::Confirmed, true),
                place(&u(2), "2026-12-05", AnswerStatus::Cancelled, false),
                place(&u(5), "2026-12-07", AnswerStatus::Waitlisted, false),
                place(&u(6), "2026-12-08", AnswerStatus::Cancelled, false),
            ],
            record: LearningRecord::default(),
        };
        let merged = merge(local, &hub);
        let by = |n: u8| {
            merged
                .iter()
                .find(|v| v.uuid == u(n))
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!((by(1).status, by(1).promoted), (Status::Confirmed, true));
        assert_eq!(
            by(2).status,
            Status::Cancelled,
            "cancelled at another kiosk"
        );
        assert_eq!(
            by(3).status,
            Status::Confirmed,
            "past: the hub no longer lists it"
        );
        assert_eq!(
            by(4).status,
            Status::Waiting,
            "not sent yet: the hub cannot know it"
        );
        assert!(by(5).from_hub && by(5).status == Status::Waitlisted);
        assert_eq!(merged.len(), 5);
    }
}
