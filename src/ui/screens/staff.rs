//! The staff PIN prompt and the staff menu.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::args;
use crate::i18n::ta;
use crate::ui::painter::{ButtonKind, Painter, button_width};

/// The PIN prompt; the PIN shows as stars.
pub fn pin(p: &mut Painter<'_>, state: &State, area: Rect) {
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let title = p.t("staff-pin-title");
    p.text(x, area.y + 1, w, &title, p.theme.text.bold());
    let stars = format!("{:_<12}", "*".repeat(state.field.len()));
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

/// What staff can do here.
pub fn menu(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let title = p.t("staff-menu-title");
    p.text(x, area.y, w, &title, p.theme.text.bold());
    let facts = [
        ta(
            lang,
            "staff-kiosk",
            args!["id" => &state.site.id, "source" => &state.site.source],
        ),
        ta(
            lang,
            "staff-catalogue",
            args![
                "venues" => state.catalogue.venues.len(),
                "activities" => state.catalogue.activities.len()
            ],
        ),
        ta(lang, "staff-waiting", args!["count" => state.waiting]),
    ];
    for (i, fact) in facts.iter().enumerate() {
        p.text(x, area.y + 2 + i as u16, w, fact, p.theme.text.style());
    }
    let mut y = area.y + 2 + facts.len() as u16 + 1;
    if let Some(notice) = &state.staff_notice {
        let text = crate::ui::overlays::notice_text(lang, state, notice);
        y += p.paragraph(Rect::new(x, y, w, 2), &text, p.theme.problem.style()) + 1;
    }
    let exit = p.t("staff-exit");
    let exit_w = button_width("1", &exit);
    p.button(
        Rect::new(x, y, exit_w, 3),
        "1",
        &exit,
        Action::Choose(0),
        ButtonKind::Primary,
        state.focus == 0,
    );
}
