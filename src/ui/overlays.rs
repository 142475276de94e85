//! What is drawn over a screen: the notice strip, help, and the idle countdown.

use ratatui::layout::Rect;

use crate::app::idle::seconds_left;
use crate::app::keymap::{ASK_STAFF_KEY, HELP_ASSISTED_KEY};
use crate::app::state::Notice;
use crate::app::{Action, State};
use crate::args;
use crate::big_text;
use crate::i18n::{t, ta};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::text::join_sentences;
use crate::ui::words;

/// What a notice says, without the "ask staff" that problems add on screen.
pub fn notice_text(lang: crate::domain::lang::Lang, state: &State, notice: &Notice) -> String {
    match notice {
        Notice::Card(err) => words::card_error(lang, err),
        Notice::CardRead => {
            let card = state.visit.card.map(|c| c.masked()).unwrap_or_default();
            ta(lang, "notice-card-read", args!["card" => &card])
        }
        Notice::NewPerson => t(lang, "notice-new-person"),
        Notice::Refused(r) => words::refusal(lang, r),
        Notice::DiskFull => t(lang, "notice-disk-full"),
        Notice::SaveFailed => t(lang, "notice-save-failed"),
        Notice::SignupsUnavailable => t(lang, "notice-signups-unavailable"),
        Notice::WrongPin => t(lang, "notice-wrong-pin"),
        Notice::PinLocked(seconds) => ta(
            lang,
            "notice-pin-locked",
            args!["seconds" => *seconds as usize],
        ),
        Notice::NoStaffPin => t(lang, "notice-no-staff-pin"),
        Notice::MapChosen(n) => ta(lang, "notice-map-chosen", args!["number" => *n]),
        Notice::OutboxRebuilt(n) => ta(lang, "notice-outbox-rebuilt", args!["count" => *n]),
        Notice::SyncAsked => t(lang, "notice-sync-asked"),
        Notice::HeldResent(n) => ta(lang, "notice-held-resent", args!["count" => *n]),
        Notice::Cancelled => t(lang, "notice-cancelled"),
        Notice::CancelTooLate => t(lang, "notice-cancel-too-late"),
        Notice::CheckinClosed => t(lang, "notice-checkin-closed"),
        Notice::Printing => t(lang, "notice-printing"),
        Notice::Print(outcome) => t(lang, crate::ui::words::print_outcome_notice(*outcome)),
    }
}

/// The notice strip above the button bar: what just happened, and for problems, where to
/// get help.
pub fn notice(p: &mut Painter<'_>, state: &State, area: Rect) {
    let Some(notice) = &state.visit.notice else {
        return;
    };
    let lang = p.lang;
    let mut text = notice_text(lang, state, notice);
    // Staff are the ones reading a staff screen: it never tells them to ask staff.
    let pair = if notice.is_problem() && !state.visit.screen.for_staff() {
        text = join_sentences(&text, &t(lang, "ask-staff"));
        p.theme.problem
    } else if notice.is_problem() {
        p.theme.problem
    } else {
        p.theme.good
    };
    p.fill(area, pair);
    p.paragraph(
        Rect::new(
            area.x + 2,
            area.y,
            area.width.saturating_sub(4),
            area.height,
        ),
        &text,
        pair.bold(),
    );
}

/// A centred box for an overlay, covering the touch targets beneath it.
fn dialog(p: &mut Painter<'_>, area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    p.cover(rect);
    p.frame_box(rect, p.theme.text);
    rect
}

/// Help for the screen beneath.
pub fn help(p: &mut Painter<'_>, state: &State, area: Rect) {
    let rect = dialog(p, area, 78, area.height);
    let x = rect.x + 2;
    let w = rect.width.saturating_sub(4);
    let title = p.t("help-title");
    p.text(x, rect.y + 1, w, &title, p.theme.text.bold());
    let body = help_text(state, p.lang);
    let rows = rect.height.saturating_sub(7);
    p.paragraph(
        Rect::new(x, rect.y + 3, w, rows),
        &body,
        p.theme.text.style(),
    );
    let close = p.t("button-close");
    // Back closes help too: the key the site has for it.
    let back = crate::app::keymap::shown_keys(!state.site.touchscreen).back;
    let bw = button_width(back, &close);
    let y = rect.bottom().saturating_sub(4);
    p.button(
        Rect::new(x, y, bw, 3),
        back,
        &close,
        Action::Help,
        ButtonKind::Primary,
        false,
    );
    // What has no key on a keypad: assisted mode, and asking for staff.
    let assisted = p.t(if state.visit.assisted {
        "assisted-off"
    } else {
        "assisted-on"
    });
    let ask = p.t("ask-staff-button");
    let extra = [
        (HELP_ASSISTED_KEY, assisted, Action::ToggleAssisted),
        (ASK_STAFF_KEY, ask, Action::AskStaff),
    ];
    let mut bx = x + bw + 2;
    for (key, label, action) in extra {
        let key = key.to_string();
        let w = button_width(&key, &label);
        if bx + w > rect.right().saturating_sub(1) {
            break;
        }
        p.button(
            Rect::new(bx, y, w, 3),
            &key,
            &label,
            action,
            ButtonKind::Normal,
            false,
        );
        bx += w + 2;
    }
}

/// Staff have been called: a clear message, in large letters where they fit.
pub fn ask_staff(p: &mut Painter<'_>, state: &State, area: Rect) {
    let text = words::for_input(state, p.lang, "ask-staff-text");
    alone(p, state, area, "ask-staff-title", &text);
}

/// The receipt's QR code on a page of its own: the whole screen light, the largest code that
/// fits in the middle, a line under it; any key or tap goes back.
pub fn qr(p: &mut Painter<'_>, state: &State, area: Rect) {
    p.hits.cover(area);
    p.fill(area, p.theme.qr);
    let crate::app::Screen::Receipt(receipt) = &state.visit.screen else {
        return;
    };
    let line = p.t("receipt-qr-back");
    let room = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    if let Some((rect, image)) = crate::app::receipt::qr_alone(&receipt.qr, room) {
        crate::ui::qr::draw(p, image, rect);
        let y = rect.bottom().min(area.bottom().saturating_sub(1));
        p.centred(area, y, &line, p.theme.qr.style());
    }
}

/// The idle countdown, with one large "Continue".
pub fn countdown(p: &mut Painter<'_>, state: &State, area: Rect) {
    let seconds = seconds_left(state).unwrap_or(0);
    let text = ta(
        p.lang,
        "countdown-text",
        args!["seconds" => seconds as usize],
    );
    alone(p, state, area, "countdown-title", &text);
}

/// A message that stands alone on the page with one large "Continue": any tap continues, and
/// what was on the screen need not show around it. Assisted mode draws the title large.
fn alone(p: &mut Painter<'_>, state: &State, area: Rect, title_id: &str, text: &str) {
    p.cover(area);
    let page = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(5),
    );
    p.fill(page, p.theme.text);
    let title = p.t(title_id);
    // Large on up to two lines where it fits: the dialog widens for it up to the screen.
    let inner = page.width.saturating_sub(6);
    let large = crate::big_text::title(&title, inner).filter(|(scale, lines)| {
        state.visit.assisted && page.height >= 13 + big_text::rows(*scale) * lines.len() as u16
    });
    let (width, height) = match &large {
        Some((scale, lines)) => {
            let widest = lines.iter().map(|l| big_text::width(l, *scale)).max();
            (
                (widest.unwrap_or(0) + 6).max(76),
                13 + big_text::rows(*scale) * lines.len() as u16,
            )
        }
        None => (64, 12),
    };
    let rect = dialog(p, page, width, height);
    let x = rect.x + 2;
    let w = rect.width.saturating_sub(4);
    let mut y = rect.y + 1;
    if let Some((scale, lines)) = large {
        let h = big_text::rows(scale);
        for line in &lines {
            let used = big_text::draw(p.buf, x, y, w, line, scale, p.theme.text.bold());
            p.note_large(Rect::new(x, y, used, h), line);
            y += h;
        }
        y += 1;
    } else {
        p.text(x, y, w, &title, p.theme.text.bold());
        y += 2;
    }
    let rows = rect.bottom().saturating_sub(y + 4);
    p.paragraph(Rect::new(x, y, w, rows), text, p.theme.text.style());
    let label = p.t("countdown-continue");
    let bw = button_width("Enter", &label).max(w / 2);
    p.button(
        Rect::new(
            rect.x + (rect.width.saturating_sub(bw)) / 2,
            rect.bottom().saturating_sub(4),
            bw,
            3,
        ),
        "Enter",
        &label,
        Action::Continue,
        ButtonKind::Primary,
        true,
    );
}

/// What help says about the screen beneath, with the keys (the help box).
pub fn help_text(state: &State, lang: crate::domain::lang::Lang) -> String {
    let mut body = format!(
        "{}\n\n{}",
        words::for_input(state, lang, crate::app::screens::help(&state.visit.screen)),
        words::for_input(state, lang, "help-keys")
    );
    if state.visit.assisted {
        body = format!("{body}\n\n{}", t(lang, "help-assisted"));
    }
    body
}
