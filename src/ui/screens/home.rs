//! The welcome screen and the home menu.

use ratatui::layout::Rect;

use crate::app::screens::home::home_items;
use crate::app::{Action, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::{t, ta};
use crate::ui::painter::{ButtonKind, Painter, button_width};
use crate::ui::text::{group4, width, wrap};

/// The welcome screen: both languages at once, the current one first.
pub fn welcome(p: &mut Painter<'_>, state: &State, area: Rect) {
    let first = state.visit.lang;
    let second = first.other();
    let style = p.theme.text.bold();
    // On a small screen the blank lines go first, so the buttons all fit.
    let gap = u16::from(area.height >= 20);
    let mut y = area.y + if area.height >= 24 { 2 } else { 0 };
    for lang in [first, second] {
        p.centred(area, y, &t(lang, "welcome-title"), style);
        y += 1;
    }
    y += gap;
    for lang in [first, second] {
        for line in wrap(
            &t(lang, "welcome-card"),
            usize::from(area.width.saturating_sub(4)),
        ) {
            p.centred(area, y, &line, p.theme.text.style());
            y += 1;
        }
    }
    y += gap;
    card_field(p, state, area, y);
    y += 3 + gap;

    let id = if state.visit.field.is_empty() {
        "welcome-look-around"
    } else {
        "welcome-use-number"
    };
    let key = "Enter";
    // The learning map beside the main button, for those without a card too.
    let map_label = t(first, "button-map");
    let map_w = button_width("F4", &map_label);
    // Both languages where they fit, the current one where they do not.
    let room = area.width.saturating_sub(map_w + 3);
    let mut label = both(first, id);
    if button_width(key, &label) > room {
        label = t(first, id);
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
        "F4",
        &map_label,
        Action::OpenMap,
        ButtonKind::Normal,
        false,
    );
    // Larger and spoken, offered in both languages to anyone who needs it before choosing.
    let mut label = both(first, "assisted-on");
    if button_width("F3", &label) > area.width.saturating_sub(4) {
        label = t(first, "assisted-on");
    }
    let aw = button_width("F3", &label).min(area.width.saturating_sub(4));
    // A row between the two rows of buttons, so no two touch targets meet.
    let ay = y + 4;
    if ay + 3 <= area.bottom() {
        p.button(
            Rect::new(area.x + (area.width.saturating_sub(aw)) / 2, ay, aw, 3),
            "F3",
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

/// The card field: a box with the digits typed so far, grouped in fours.
pub fn card_field(p: &mut Painter<'_>, state: &State, area: Rect, y: u16) {
    let shown = if state.visit.field.is_empty() {
        "____ ____ ____ ____".to_string()
    } else {
        let mut digits = state.visit.field.clone();
        while digits.len() < 16 {
            digits.push('_');
        }
        group4(&digits)
    };
    let w = (width(&shown) as u16) + 6;
    let x = area.x + area.width.saturating_sub(w) / 2;
    let rect = Rect::new(x, y, w, 3);
    p.frame_box(rect, p.theme.button);
    p.text(x + 3, y + 1, w - 6, &shown, p.theme.button.bold());
    // The cursor waits where the next digit goes (a space between groups of four).
    let typed = state.visit.field.chars().count().min(15) as u16;
    p.cursor = Some((x + 3 + typed + typed / 4, y + 1));
}

/// The message id of a home menu choice (both modes draw the same menu).
pub fn item_label(action: Action) -> &'static str {
    match action {
        Action::OpenFarming => "home-farming",
        Action::OpenNearby => "home-nearby",
        Action::OpenMap => "home-map",
        Action::OpenMySignups => "home-my-signups",
        _ => "home-finish",
    }
}

/// The home menu, once a card has been read.
pub fn home(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    let card = state.visit.card.map(|c| c.masked()).unwrap_or_default();
    let hello = ta(lang, "home-hello", args!["card" => &card]);
    p.text(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        &hello,
        p.theme.text.bold(),
    );
    let ask = p.t("home-ask");
    p.text(
        area.x + 2,
        area.y + 2,
        area.width.saturating_sub(4),
        &ask,
        p.theme.text.style(),
    );
    let items = home_items(state);
    let labels: Vec<&str> = items.iter().map(|a| item_label(*a)).collect();
    if !items.contains(&Action::OpenMap) {
        // The farming home has no map button: say how the keypad gets there.
        let hint = p.t("home-map-key");
        p.text(
            area.x + 2,
            area.y + 12,
            area.width.saturating_sub(4),
            &hint,
            p.theme.muted.style(),
        );
    }
    // Two columns of buttons, so four fit on the smallest screen with gaps between them.
    let col_w = (area.width.saturating_sub(6) / 2).clamp(10, 44);
    let w = labels
        .iter()
        .enumerate()
        .map(|(i, id)| button_width(&(i + 1).to_string(), &p.t(id)))
        .max()
        .unwrap_or(10)
        .max(col_w);
    let w = w.min(col_w);
    for (i, id) in labels.iter().enumerate() {
        let (col, row) = (i as u16 % 2, i as u16 / 2);
        let y = area.y + 4 + row * 4;
        let x = area.x + 2 + col * (w + 2);
        let label = p.t(id);
        let kind = if i == 0 {
            ButtonKind::Primary
        } else {
            ButtonKind::Normal
        };
        p.button(
            Rect::new(x, y, w, 3),
            &(i + 1).to_string(),
            &label,
            Action::Choose(i),
            kind,
            state.visit.focus == i,
        );
    }
}
