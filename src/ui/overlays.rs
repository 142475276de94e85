//! What is drawn over a screen: the notice strip, help, and the idle countdown.

use ratatui::layout::Rect;

use crate::app::idle::seconds_left;
use crate::app::state::Notice;
use crate::app::{Action, Screen, State};
use crate::args;
use crate::i18n::{t, ta};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::words;

/// What a notice says, without the "ask staff" that problems add on screen.
pub fn notice_text(lang: crate::domain::lang::Lang, state: &State, notice: &Notice) -> String {
    match notice {
        Notice::Card(err) => words::card_error(lang, err),
        Notice::CardRead => {
            let card = state.card.map(|c| c.masked()).unwrap_or_default();
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
    }
}

/// The notice strip above the button bar: what just happened, and for problems, where to
/// get help.
pub fn notice(p: &mut Painter<'_>, state: &State, area: Rect) {
    let Some(notice) = &state.notice else {
        return;
    };
    let lang = p.lang;
    let mut text = notice_text(lang, state, notice);
    let pair = if notice.is_problem() {
        text = format!("{text} {}", t(lang, "ask-staff"));
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
    p.hits.cover(rect);
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
    let id = match state.screen {
        Screen::Welcome => "help-welcome",
        Screen::Home => "help-home",
        Screen::Nearby => "help-nearby",
        Screen::Filter(_) | Screen::FilterMenu => "help-filter",
        Screen::Activity(_) => "help-activity",
        Screen::CardEntry(_) => "help-card-entry",
        Screen::Confirm(_) | Screen::Saving(_) => "help-confirm",
        Screen::Receipt(_) => "help-receipt",
        Screen::MySignups => "help-my-signups",
        Screen::Map => "help-map",
        Screen::Venue(_) => "help-venue",
        Screen::StaffPin | Screen::StaffMenu => "help-staff",
    };
    let body = format!("{}\n\n{}", p.t(id), p.t("help-keys"));
    let rows = rect.height.saturating_sub(7);
    p.paragraph(
        Rect::new(x, rect.y + 3, w, rows),
        &body,
        p.theme.text.style(),
    );
    let close = p.t("button-close");
    let bw = button_width("Esc", &close);
    p.button(
        Rect::new(x, rect.bottom().saturating_sub(4), bw, 3),
        "Esc",
        &close,
        Action::Help,
        ButtonKind::Primary,
        false,
    );
}

/// The idle countdown, with one large "Continue".
pub fn countdown(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    // The countdown stands alone on the page: any tap continues, and what was on the screen
    // need not show around it.
    p.hits.cover(area);
    let page = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(5),
    );
    p.fill(page, p.theme.text);
    let rect = dialog(p, page, 64, 12);
    let x = rect.x + 2;
    let w = rect.width.saturating_sub(4);
    let title = p.t("countdown-title");
    p.text(x, rect.y + 1, w, &title, p.theme.text.bold());
    let seconds = seconds_left(state).unwrap_or(0);
    let text = ta(lang, "countdown-text", args!["seconds" => seconds as usize]);
    p.paragraph(Rect::new(x, rect.y + 3, w, 3), &text, p.theme.text.style());
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
