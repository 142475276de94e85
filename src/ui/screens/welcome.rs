//! The welcome screen: both languages at once, the current one first.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::domain::lang::Lang;
use crate::i18n::t;
use crate::ui::card_field;
use crate::ui::model::welcome::Welcome;
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::text::wrap;

/// Draws the welcome screen.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &Welcome, area: Rect) {
    let first = m.lang;
    let second = first.other();
    let style = p.theme.text.bold();
    // On a small screen the blank lines go first, so the buttons all fit. The lines flow:
    // how many the card hint takes depends on the width.
    let gap = u16::from(area.height >= 20);
    let mut y = area.y + if area.height >= 24 { 2 } else { 0 };
    for lang in [first, second] {
        p.centred(area, y, &m.title(lang), style);
        y += 1;
    }
    y += gap;
    for lang in [first, second] {
        for line in wrap(
            &crate::ui::words::for_input(state, lang, "welcome-card"),
            usize::from(area.width.saturating_sub(4)),
        ) {
            p.centred(area, y, &line, p.theme.text.style());
            y += 1;
        }
    }
    y += gap;
    card_field::draw(p, state, area, y);
    y += 3 + gap;

    let key = "Enter";
    // The learning map beside the main button, for those without a card too.
    let map_label = t(first, "button-map");
    let map_w = button_width(m.keys.welcome_map, &map_label);
    // Both languages where they fit, the current one where they do not.
    let room = area.width.saturating_sub(map_w + 3);
    let mut label = both(first, m.main);
    if button_width(key, &label) > room {
        label = t(first, m.main);
    }
    let w = button_width(key, &label).min(room);
    let x = area.x + (area.width.saturating_sub(w + map_w + 2)) / 2;
    p.button(
        Rect::new(x, y, w, 3),
        key,
        &label,
        Action::Primary,
        ButtonKind::Primary,
        false,
    );
    p.button(
        Rect::new(x + w + 2, y, map_w, 3),
        m.keys.welcome_map,
        &map_label,
        Action::OpenMap,
        ButtonKind::Normal,
        false,
    );
    // Larger and spoken, offered in both languages to anyone who needs it before choosing.
    let mut label = both(first, "assisted-on");
    if button_width(m.keys.assisted, &label) > area.width.saturating_sub(4) {
        label = t(first, "assisted-on");
    }
    let aw = button_width(m.keys.assisted, &label).min(area.width.saturating_sub(4));
    // A row between the two rows of buttons, so no two touch targets meet.
    let ay = y + 4;
    if ay + 3 <= area.bottom() {
        p.button(
            Rect::new(area.x + (area.width.saturating_sub(aw)) / 2, ay, aw, 3),
            m.keys.assisted,
            &label,
            Action::ToggleAssisted,
            ButtonKind::Primary,
            false,
        );
    }
}

/// The same message in both languages, current first: `先看看 Look around first`.
fn both(first: Lang, id: &str) -> String {
    format!("{}  {}", t(first, id), t(first.other(), id))
}
