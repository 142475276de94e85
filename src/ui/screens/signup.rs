//! Asking for the card, confirming, saving and the receipt.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::receipt::Receipt;
use crate::app::state::SessionRef;
use crate::app::{Action, State};
use crate::args;
use crate::i18n::{t, ta};
use crate::ui::card_field;
use crate::ui::model::session::{self, SessionFacts};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::qr;
use crate::ui::text::join_sentences;

/// What, when and where, in four lines from `(x, y)`; returns the rows used.
fn session_lines(
    p: &mut Painter<'_>,
    state: &State,
    facts: &SessionFacts,
    x: u16,
    y: u16,
    w: u16,
) -> u16 {
    let lines: [Rect; 4] =
        Layout::vertical([Constraint::Length(1); 4]).areas(Rect::new(x, y, w, 4));
    let distance = facts.distance(state, p.lang);
    let place = format!("{}   {distance}", facts.venue);
    let address = facts.address(state, p.lang);
    let text = p.theme.text.style();
    for (line, words, style) in [
        (lines[0], facts.title.as_str(), p.theme.text.bold()),
        (lines[1], facts.when("   ").as_str(), text),
        (lines[2], place.as_str(), text),
        (lines[3], address, p.theme.muted.style()),
    ] {
        p.text(line.x, line.y, line.width, words, style);
    }
    4
}

/// Asks for the card before a sign-up.
pub fn card_entry(p: &mut Painter<'_>, state: &State, session: SessionRef, area: Rect) {
    let facts = session::facts(state, p.lang, session);
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let ask = p.t("card-entry-title");
    p.text(x, area.y, w, &ask, p.theme.text.bold());
    let how = crate::ui::words::for_input(state, p.lang, "card-entry-how");
    let rows = p.paragraph(Rect::new(x, area.y + 1, w, 2), &how, p.theme.text.style());
    // The lines flow: the instructions take one or two rows.
    let y = area.y + 2 + rows;
    let used = session_lines(p, state, &facts, x, y, w);
    let field_y = y + used + 1;
    card_field::draw(p, state, area, field_y);
    let label = p.t("button-ok");
    let bw = button_width("Enter", &label);
    p.button(
        Rect::new(
            area.x + (area.width.saturating_sub(bw)) / 2,
            field_y + 3,
            bw,
            3,
        ),
        "Enter",
        &label,
        Action::Primary,
        ButtonKind::Primary,
        false,
    );
}

/// Confirm the sign-up.
pub fn confirm(p: &mut Painter<'_>, state: &State, session: SessionRef, area: Rect) {
    let lang = p.lang;
    let facts = session::facts(state, lang, session);
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let joining = session::joining(state);
    let title = if joining {
        p.t("confirm-waitlist-title")
    } else {
        p.t("confirm-title")
    };
    p.text(x, area.y, w, &title, p.theme.text.bold());
    let used = session_lines(p, state, &facts, x, area.y + 2, w);
    let mut y = area.y + 2 + used;
    if let Some(card) = state.visit.card {
        let line = ta(lang, "top-card", args!["card" => &card.masked()]);
        p.text(x, y, w, &line, p.theme.text.style());
        y += 1;
    }
    if joining {
        let note = match session::waiting_words(state, lang, session) {
            Some(waiting) => join_sentences(&waiting, &p.t("confirm-waitlist-note")),
            None => p.t("confirm-waitlist-note"),
        };
        y += p.paragraph(Rect::new(x, y, w, 2), &note, p.theme.text.style());
    } else {
        p.text(x, y, w, &facts.seats, p.theme.text.style());
        y += 1;
    }
    y += 1;
    let ok = if joining {
        p.t("confirm-waitlist-button")
    } else {
        p.t("confirm-button")
    };
    let back = p.t("button-back");
    let ok_w = button_width("Enter", &ok);
    p.button(
        Rect::new(x, y, ok_w, 3),
        "Enter",
        &ok,
        Action::Primary,
        ButtonKind::Primary,
        false,
    );
    let back_w = button_width("Esc", &back);
    p.button(
        Rect::new(x + ok_w + 2, y, back_w, 3),
        "Esc",
        &back,
        Action::Back,
        ButtonKind::Normal,
        false,
    );
}

/// Saving: only for the moment the disk takes.
pub fn saving(p: &mut Painter<'_>, area: Rect) {
    let text = p.t("saving");
    p.centred(area, area.y + area.height / 2, &text, p.theme.text.bold());
}

/// The receipt: what, where, when, the code, the honest status and a QR code.
pub fn receipt(p: &mut Painter<'_>, state: &State, receipt: &Receipt, area: Rect) {
    let lang = p.lang;
    // The QR code takes the right side where the words keep their columns; else a choice
    // shows it on a page of its own.
    let qr_area = if crate::app::receipt::qr_on_its_own(
        receipt,
        state.size.0,
        state.size.1,
        state.visit.assisted,
    ) {
        None
    } else {
        crate::app::receipt::qr_beside(&receipt.qr, area, crate::app::receipt::QR_MIN_TEXT)
    };
    let text_w = match qr_area {
        Some((rect, _)) => rect.x.saturating_sub(area.x + 3),
        None => area.width.saturating_sub(4),
    };
    let x = area.x + 2;
    let headline = t(lang, session::receipt_headline(receipt));
    p.text(x, area.y, text_w, &headline, p.theme.good.bold());
    let session = SessionRef {
        activity: receipt.activity,
        date: receipt.date(),
    };
    let facts = session::facts(state, lang, session);
    let used = session_lines(p, state, &facts, x, area.y + 2, text_w);
    let mut y = area.y + 2 + used + 1;
    let code = session::receipt_code(lang, receipt);
    p.text(x, y, text_w, &code, p.theme.text.bold());
    y += 1;
    let status = session::receipt_status(lang, receipt);
    // A waiting place's words are longer: it must be plain that it is not a seat.
    let rows = if receipt.is_waiting() { 3 } else { 2 };
    y += p.paragraph(Rect::new(x, y, text_w, rows), &status, p.theme.text.style());
    if let Some((rect, image)) = qr_area {
        qr::draw(p, image, rect);
        // Opened again, the receipt needs its rows for the cancel button more than the hint.
        if receipt.cancellable.is_none() {
            let scan = p.t("receipt-scan");
            p.paragraph(Rect::new(x, y, text_w, 2), &scan, p.theme.muted.style());
            y += 2;
        }
    }
    let labels = session::receipt_choices(state, lang, receipt);
    let mut bx = x;
    for (i, label) in labels.iter().enumerate() {
        let key = (i + 1).to_string();
        let w = button_width(&key, label);
        // A button that does not fit the row starts the next one.
        if bx > x && bx + w > x + text_w.max(w) {
            bx = x;
            y += 3;
        }
        if y + 3 > area.bottom() {
            break;
        }
        let kind = if i == 0 {
            ButtonKind::Primary
        } else {
            ButtonKind::Normal
        };
        p.button(
            Rect::new(bx, y, w, 3),
            &key,
            label,
            Action::Choose(i),
            kind,
            state.visit.focus == i,
        );
        bx += w + 1;
    }
}
