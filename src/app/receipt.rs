//! The receipt: what the citizen takes away, on screen and as a QR code for their phone.

use chrono::NaiveDate;
use qrcode::{EcLevel, QrCode};

use crate::catalogue::{ActivityId, Catalogue, Session};
use crate::domain::lang::Lang;
use crate::outbox::{Kind, Status};

/// A QR code as plain data: `size` x `size` modules, dark = true, without the quiet zone
/// (the view adds it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrImage {
    /// Modules per side.
    pub size: usize,
    /// Row-major, dark = true.
    pub dark: Vec<bool>,
}

/// A saved sign-up as the receipt shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Receipt {
    /// The sign-up code.
    pub code: String,
    /// The activity.
    pub activity: ActivityId,
    /// The session.
    pub session: Session,
    /// Where it stands.
    pub status: Status,
    /// True when the card already held this session and this is that sign-up.
    pub existing: bool,
    /// A seat, or a place on the waiting list (a place in a queue, not a seat).
    pub kind: Kind,
    /// For a waiting place: the place in line, as last heard from the hub.
    pub place: Option<u32>,
    /// Opened again from "My sign-ups": the sign-up's UUID, which a cancel names (only for a
    /// place that can still be given up).
    pub cancellable: Option<String>,
    /// QR codes of the details, most detailed first; the view draws the largest that fits.
    pub qr: Vec<QrImage>,
}

impl Receipt {
    /// The session's date.
    pub fn date(&self) -> NaiveDate {
        self.session.date
    }

    /// Whether this is a place in a queue rather than a seat: the hub put it on the waiting
    /// list, or it is a waiting-list join the hub has not answered yet.
    pub fn is_waiting(&self) -> bool {
        match self.status {
            Status::Waitlisted => true,
            Status::Waiting | Status::Parked => self.kind == Kind::Waitlist,
            _ => false,
        }
    }
}

/// The texts a phone reads from the QR code, most detailed first. No card number: the QR is
/// for taking the details away, and a photo of the screen must not carry the card.
pub fn qr_texts(catalogue: &Catalogue, receipt: &Receipt, lang: Lang) -> Vec<String> {
    let activity = catalogue.activity(receipt.activity);
    let venue = catalogue.venue(activity.venue);
    let when = format!(
        "{} {}-{}",
        receipt.session.date,
        receipt.session.start.format("%H:%M"),
        receipt.session.end.format("%H:%M")
    );
    let texts = catalogue.texts(receipt.activity);
    let title = texts.title.get(lang);
    let place = venue.name.get(lang);
    let address = venue.address.get(lang);
    let code_label = match lang {
        Lang::Zh => "报名号",
        Lang::En => "Sign-up",
    };
    vec![
        format!(
            "{title}\n{when}\n{place}\n{address}\n{code_label} {}",
            receipt.code
        ),
        format!("{title}\n{when}\n{place}\n{code_label} {}", receipt.code),
        format!("{title}\n{when}\n{code_label} {}", receipt.code),
        format!("{when} {}", receipt.code),
    ]
}

/// Encodes each text as a QR code (error correction M where it fits, else L).
pub fn qr_images(texts: &[String]) -> Vec<QrImage> {
    texts
        .iter()
        .filter_map(|text| {
            QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
                .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
                .ok()
        })
        .map(|code| QrImage {
            size: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A join the hub turned down (full) or that moved up is no longer "a place in a queue".
    #[test]
    fn only_an_unanswered_join_or_a_waiting_answer_is_a_place_in_a_queue() {
        let session = Session {
            date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            start: crate::domain::time::now_beijing(),
            end: crate::domain::time::now_beijing(),
        };
        let receipt = |kind, status| Receipt {
            code: "K7Q-4MD".into(),
            activity: 0,
            session,
            status,
            existing: false,
            kind,
            place: None,
            cancellable: None,
            qr: Vec::new(),
        };
        assert!(receipt(Kind::Waitlist, Status::Waiting).is_waiting());
        assert!(receipt(Kind::Signup, Status::Waitlisted).is_waiting());
        assert!(!receipt(Kind::Waitlist, Status::Confirmed).is_waiting());
        assert!(!receipt(Kind::Waitlist, Status::Full).is_waiting());
        assert!(!receipt(Kind::Waitlist, Status::Cancelled).is_waiting());
        assert!(!receipt(Kind::Signup, Status::Waiting).is_waiting());
    }
}
