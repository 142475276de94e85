//! The staff PIN prompt and the staff menu.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::ui::model::staff::Staff;
use crate::ui::painter::{ButtonKind, Painter, button_width};

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
pub fn menu(p: &mut Painter<'_>, state: &State, m: &Staff, area: Rect) {
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let title = p.t("staff-menu-title");
    p.text(x, area.y, w, &title, p.theme.text.bold());
    // The lines flow: a long one (the outbox's counts) wraps rather than lose a status.
    let mut y = area.y + 2;
    for fact in &m.facts {
        y += p.paragraph(Rect::new(x, y, w, 2), fact, p.theme.text.style());
    }
    for problem in &m.problems {
        y += p.paragraph(Rect::new(x, y, w, 2), problem, p.theme.problem.style());
    }
    y += 1;
    if let Some(notice) = &m.notice {
        y += p.paragraph(Rect::new(x, y, w, 2), notice, p.theme.problem.style()) + 1;
    }
    let mut bx = x;
    for (i, label) in m.items.iter().enumerate() {
        let key = (i + 1).to_string();
        let bw = button_width(&key, label);
        let kind = if i == 0 {
            ButtonKind::Primary
        } else {
            ButtonKind::Normal
        };
        p.button(
            Rect::new(bx, y, bw, 3),
            &key,
            label,
            Action::Choose(i),
            kind,
            state.visit.focus == i,
        );
        bx += bw + 2;
    }
    y += 4;
    let rest = Rect::new(x, y, w, area.bottom().saturating_sub(y));
    if m.attention.is_empty() || rest.height < 2 {
        return;
    }
    let heading = p.t("staff-attention");
    p.text(rest.x, rest.y, rest.width, &heading, p.theme.text.bold());
    for (i, line) in m
        .attention
        .iter()
        .take(usize::from(rest.height - 1))
        .enumerate()
    {
        p.text(
            rest.x,
            rest.y + 1 + i as u16,
            rest.width,
            line,
            p.theme.text.style(),
        );
    }
}
