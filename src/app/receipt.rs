//! The receipt: what the citizen takes away, on screen and as a QR code for their phone.

use chrono::NaiveDate;
use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};
use ratatui::layout::Rect;

use crate::app::paging::body_area;
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
    /// Whether it holds all four facts (title, time, venue, code), not only a fallback's.
    pub whole: bool,
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

/// The ECI designator for UTF-8: declared first in every code, so that a phone reads the
/// Chinese as UTF-8 (without it, many readers guess Shift-JIS).
pub const ECI_UTF8: u32 = 26;

/// Modules of light margin around a code, as the QR standard asks.
pub const QR_QUIET: usize = 4;

/// Columns the receipt's words keep beside a code drawn next to them.
pub const QR_MIN_TEXT: u16 = 38;

/// A part of a code's payload, in the mode that carries it most compactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Any text, as UTF-8 bytes.
    Bytes(String),
    /// Digits, capitals, space and `$%*+-./:` at 5.5 bits a character: the date, the time,
    /// the sign-up code.
    Alphanumeric(String),
}

/// How many of [`qr_payloads`]'s payloads (the first ones) hold all four facts: the title,
/// the time, the venue and the sign-up code.
pub const QR_WHOLE_PAYLOADS: usize = 4;

/// What a phone reads from the QR code, most detailed first: the first
/// [`QR_WHOLE_PAYLOADS`] hold at least the title, the time, the venue and the sign-up code;
/// the last two, for a screen too small for any of those (half blocks on 20 rows hold at most
/// a version 3 code), the title, the time and the code, then the time and the code. No card
/// number: the QR is for taking the details away, and a photo of the screen must not carry
/// the card.
pub fn qr_payloads(catalogue: &Catalogue, receipt: &Receipt, lang: Lang) -> Vec<Vec<Segment>> {
    let Facts {
        title,
        date,
        start,
        end,
        place,
        address,
    } = Facts::of(catalogue, receipt, lang);
    let code = &receipt.code;
    let code_label = match lang {
        Lang::Zh => "报名号",
        Lang::En => "Sign-up",
    };
    let bytes = |s: String| vec![Segment::Bytes(s)];
    vec![
        bytes(format!(
            "{title}\n{date} {start}-{end}\n{place}\n{address}\n{code_label} {code}"
        )),
        bytes(format!(
            "{title}\n{date} {start}-{end}\n{place}\n{code_label} {code}"
        )),
        // The smallest: the words as bytes, then the date, time and code as alphanumerics.
        vec![
            Segment::Bytes(format!("{title}\n{place}\n")),
            Segment::Alphanumeric(format!("{date} {start}-{end} {code}")),
        ],
        vec![
            Segment::Bytes(format!("{title}\n{place}\n")),
            Segment::Alphanumeric(format!("{date} {start} {code}")),
        ],
        vec![
            Segment::Bytes(format!("{title}\n")),
            Segment::Alphanumeric(format!("{date} {start} {code}")),
        ],
        vec![Segment::Alphanumeric(format!("{date} {start} {code}"))],
    ]
}

/// What a receipt takes away, as the QR code and the printout both say it.
struct Facts {
    title: String,
    date: NaiveDate,
    start: String,
    end: String,
    place: String,
    address: String,
}

impl Facts {
    fn of(catalogue: &Catalogue, receipt: &Receipt, lang: Lang) -> Facts {
        let activity = catalogue.activity(receipt.activity);
        let venue = catalogue.venue(activity.venue);
        Facts {
            title: catalogue
                .texts(receipt.activity)
                .title
                .get(lang)
                .to_string(),
            date: receipt.session.date,
            start: receipt.session.start.format("%H:%M").to_string(),
            end: receipt.session.end.format("%H:%M").to_string(),
            place: venue.name.get(lang).to_string(),
            address: venue.address.get(lang).to_string(),
        }
    }
}

/// A payload's bytes as a printer's own QR encoder takes them: its segments' text in order,
/// UTF-8 (a printer's store command has no way to declare the ECI the screen's code does).
pub fn payload_bytes(segments: &[Segment]) -> Vec<u8> {
    segments
        .iter()
        .flat_map(|s| match s {
            Segment::Bytes(text) | Segment::Alphanumeric(text) => text.as_bytes().to_vec(),
        })
        .collect()
}

/// The printed receipt in `lang`: the facts, the code, and the screen's most detailed QR
/// payload (the first of [`qr_payloads`]).
pub fn print_job(catalogue: &Catalogue, receipt: &Receipt, lang: Lang) -> crate::printer::PrintJob {
    let facts = Facts::of(catalogue, receipt, lang);
    let qr = qr_payloads(catalogue, receipt, lang)
        .first()
        .map(|p| payload_bytes(p))
        .unwrap_or_default();
    crate::printer::PrintJob {
        title: facts.title,
        when: format!("{} {}-{}", facts.date, facts.start, facts.end),
        place: facts.place,
        address: facts.address,
        code_label: crate::i18n::t(lang, "print-code-label"),
        code: receipt.code.clone(),
        qr,
    }
}

/// Encodes a payload in the smallest code that holds it: the UTF-8 ECI first, then its
/// segments; `None` if no version holds it.
pub fn encode(segments: &[Segment], ec: EcLevel) -> Option<QrImage> {
    (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_eci_designator(ECI_UTF8).ok()?;
        for segment in segments {
            match segment {
                Segment::Bytes(s) => bits.push_byte_data(s.as_bytes()).ok()?,
                Segment::Alphanumeric(s) => bits.push_alphanumeric_data(s.as_bytes()).ok()?,
            }
        }
        bits.push_terminator(ec).ok()?;
        let code = QrCode::with_bits(bits, ec).ok()?;
        Some(QrImage {
            size: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
            whole: true,
        })
    })
}

/// Each payload of [`qr_payloads`] as a code, most detailed first: with error correction M,
/// then (smaller) L; those after the first [`QR_WHOLE_PAYLOADS`] marked as not whole.
pub fn qr_images(payloads: &[Vec<Segment>]) -> Vec<QrImage> {
    payloads
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            [encode(p, EcLevel::M), encode(p, EcLevel::L)]
                .into_iter()
                .flatten()
                .map(move |image| QrImage {
                    whole: i < QR_WHOLE_PAYLOADS,
                    ..image
                })
        })
        .collect()
}

/// Columns and rows a code takes on screen, drawn with half blocks (two modules a cell),
/// quiet zone included.
pub fn qr_cells(image: &QrImage) -> (u16, u16) {
    let side = image.size + 2 * QR_QUIET;
    (side as u16, side.div_ceil(2) as u16)
}

/// The most detailed whole code that fits at the right of `area`, leaving `min_text` columns
/// for words on the left; with its place. (A fallback never stands beside the words: where no
/// whole code fits, the code has a page of its own, with room for more.)
pub fn qr_beside(images: &[QrImage], area: Rect, min_text: u16) -> Option<(Rect, &QrImage)> {
    images.iter().filter(|i| i.whole).find_map(|image| {
        let (w, h) = qr_cells(image);
        (w + min_text + 3 <= area.width && h <= area.height)
            .then(|| (Rect::new(area.right() - w - 1, area.y, w, h), image))
    })
}

/// The most detailed code that fits in `area` alone, centred: a whole one where one fits.
pub fn qr_alone(images: &[QrImage], area: Rect) -> Option<(Rect, &QrImage)> {
    images.iter().find_map(|image| {
        let (w, h) = qr_cells(image);
        (w <= area.width && h <= area.height).then(|| {
            let x = area.x + (area.width - w) / 2;
            let y = area.y + (area.height - h) / 2;
            (Rect::new(x, y, w, h), image)
        })
    })
}

/// Columns the words keep beside the QR code: in assisted mode enough for a line of large
/// words (four hanzi, or a short English phrase).
pub fn qr_min_text(assisted: bool) -> u16 {
    if assisted { 64 } else { QR_MIN_TEXT }
}

/// Whether the receipt shows its code on a page of its own (a choice opens it) rather than
/// beside its words: on a screen too small for both (sooner in assisted mode, whose large
/// words need the width).
pub fn qr_on_its_own(receipt: &Receipt, cols: u16, rows: u16, assisted: bool) -> bool {
    qr_beside(&receipt.qr, body_area(cols, rows), qr_min_text(assisted)).is_none()
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
