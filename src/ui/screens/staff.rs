//! The staff PIN prompt and the staff menu.

use ratatui::layout::Rect;

use crate::app::screens::staff_menu::{StaffItem, menu_items};
use crate::app::{Action, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::words;

/// The PIN prompt; the PIN shows as stars.
pub fn pin(p: &mut Painter<'_>, state: &State, area: Rect) {
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let title = p.t("staff-pin-title");
    p.text(x, area.y + 1, w, &title, p.theme.text.bold());
    let stars = format!("{:_<12}", "*".repeat(state.visit.field.len()));
    let rect = Rect::new(x, area.y + 3, 18, 3);
    p.frame_box(rect, p.theme.button);
    p.text(x + 3, area.y + 4, 12, &stars, p.theme.button.bold());
    let ok = p.t("button-ok");
    let ok_w = button_width("Enter", &ok);
    p.button(
        Rect::new(x + 20, area.y + 3, ok_w, 3),
        "Enter",
        &ok,
        Action::Primary,
        ButtonKind::Primary,
        false,
    );
}

/// What staff can do here: the kiosk's facts, the link, the outbox and what needs checking.
pub fn menu(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let title = p.t("staff-menu-title");
    p.text(x, area.y, w, &title, p.theme.text.bold());
    let mut y = area.y + 2;
    for fact in facts(state, lang) {
        // The outbox's counts can be long; they wrap rather than lose a status.
        y += p.paragraph(Rect::new(x, y, w, 2), &fact, p.theme.text.style());
    }
    if let Some(problem) = &state.link.last_error {
        let text = ta(
            lang,
            "staff-last-problem",
            args!["problem" => &words::link_problem(lang, problem).0],
        );
        y += p.paragraph(Rect::new(x, y, w, 2), &text, p.theme.problem.style());
        if let (_, Some(detail)) = words::link_problem(lang, problem) {
            let detail = format!("  {}", words::detail(lang, &detail));
            y += p.paragraph(Rect::new(x, y, w, 2), &detail, p.theme.problem.style());
        }
    }
    if let Some(why) = &state.speech_problem {
        let text = t(lang, "staff-speech-missing");
        y += p.paragraph(Rect::new(x, y, w, 2), &text, p.theme.problem.style());
        let detail = format!("  {}", words::detail(lang, why));
        y += p.paragraph(Rect::new(x, y, w, 2), &detail, p.theme.problem.style());
    }
    if state.log_failures > 0 {
        let text = ta(
            lang,
            "staff-log-failing",
            args!["count" => state.log_failures],
        );
        y += p.paragraph(Rect::new(x, y, w, 2), &text, p.theme.problem.style());
    }
    y += 1;
    if let Some(notice) = &state.staff_notice {
        let text = crate::ui::overlays::notice_text(lang, state, notice);
        y += p.paragraph(Rect::new(x, y, w, 2), &text, p.theme.problem.style()) + 1;
    }
    let mut bx = x;
    for (i, item) in menu_items(state).iter().enumerate() {
        let label = p.t(match item {
            StaffItem::Close => "staff-exit",
            StaffItem::SyncNow => "staff-sync-now",
            StaffItem::ResendHeld => "staff-resend-held",
        });
        let key = (i + 1).to_string();
        let bw = button_width(&key, &label);
        let kind = if i == 0 {
            ButtonKind::Primary
        } else {
            ButtonKind::Normal
        };
        p.button(
            Rect::new(bx, y, bw, 3),
            &key,
            &label,
            Action::Choose(i),
            kind,
            state.visit.focus == i,
        );
        bx += bw + 2;
    }
    y += 4;
    attention(
        p,
        state,
        Rect::new(x, y, w, area.bottom().saturating_sub(y)),
    );
}

/// The kiosk, its catalogue, its link and its outbox, a line each.
fn facts(state: &State, lang: Lang) -> Vec<String> {
    let today = state.clock.now.date_naive();
    let link = match &state.site.hub {
        Some(hub) => ta(
            lang,
            "staff-hub",
            args!["url" => &hub.url, "status" => &words::link(lang, &state.link, today)],
        ),
        None => t(lang, "staff-no-hub"),
    };
    let mut lines = vec![
        ta(
            lang,
            "staff-kiosk",
            args!["id" => &state.site.id, "source" => &state.site.source],
        ),
        ta(
            lang,
            "staff-catalogue",
            args![
                "venues" => state.catalogue.venue_count(),
                "activities" => state.catalogue.activity_count()
            ],
        ),
        link,
    ];
    if state.link.waiting_for_allowance {
        lines.push(t(lang, "staff-allowance-spent"));
    }
    let counts: Vec<String> = state
        .queue
        .counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(status, n)| words::labelled(lang, &words::status_short(lang, *status), n))
        .collect();
    lines.push(if counts.is_empty() {
        t(lang, "staff-outbox-empty")
    } else {
        ta(
            lang,
            "staff-outbox",
            args!["counts" => &words::list(lang, &counts)],
        )
    });
    lines
}

/// The latest sign-ups that need staff, newest first, without card numbers, then the rows
/// that cannot be read. A system's detail goes on a line of its own.
fn attention(p: &mut Painter<'_>, state: &State, area: Rect) {
    let queue = &state.queue;
    if (queue.attention.is_empty() && queue.damaged.is_empty()) || area.height < 2 {
        return;
    }
    let lang = p.lang;
    let heading = p.t("staff-attention");
    p.text(area.x, area.y, area.width, &heading, p.theme.text.bold());
    let mut lines = Vec::new();
    for item in &queue.attention {
        let (why, detail) = item
            .reason
            .as_deref()
            .map(|r| words::held_reason(lang, r))
            .unwrap_or_default();
        // What staff act on first; the activity last, where a narrow screen may cut it.
        lines.push(format!(
            "{}  {}  ({} {})",
            item.code,
            words::labelled(lang, &words::status_short(lang, item.status), why),
            item.activity_id,
            item.date,
        ));
        lines.extend(detail.map(|d| format!("    {}", words::detail(lang, &d))));
    }
    for (code, problem) in &queue.damaged {
        lines.push(format!("{code}  {}", t(lang, "staff-damaged-row")));
        lines.push(format!("    {}", words::detail(lang, problem)));
    }
    for (i, line) in lines.iter().take(usize::from(area.height - 1)).enumerate() {
        p.text(
            area.x,
            area.y + 1 + i as u16,
            area.width,
            line,
            p.theme.text.style(),
        );
    }
}
