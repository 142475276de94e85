//! The frame every screen shares: where you are, who you are, the time and the link at the
//! top; the signage keys as buttons and the honest queue status at the bottom.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::ta;
use crate::ui::painter::{ButtonKind, Painter, button_width, row_of_buttons};
use crate::ui::words;

/// The keyboard's and the keypad's keys for help and for the language, as the buttons say.
const HELP_KEYS: &str = "F1 /";
const LANGUAGE_KEYS: &str = "F2 *";

/// Rows of the top bar and its rule.
const TOP: u16 = 2;
/// Rows of the bottom button bar.
const BOTTOM: u16 = 3;

/// Draws the frame and returns the area left for the screen.
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect) -> Rect {
    top_bar(p, state, area);
    bottom_bar(p, state, area);
    Rect::new(
        area.x,
        area.y + TOP,
        area.width,
        area.height.saturating_sub(TOP + BOTTOM),
    )
}

fn top_bar(p: &mut Painter<'_>, state: &State, area: Rect) {
    let bar = Rect::new(area.x, area.y, area.width, 1);
    p.fill(bar, p.theme.bar);
    let style = p.theme.bar.style();
    let lang = state.lang;

    let now = state.clock.now;
    let clock = format!(
        "{} {}",
        words::date(lang, now.date_naive()),
        now.format("%H:%M")
    );
    let link = words::link(lang, &state.link, now.date_naive());
    let right = format!("{clock}   {link} ");
    let right_w = p.text_right(area.right(), area.y, area.width, &right, style);

    let card = state
        .card
        .map(|c| ta(lang, "top-card", args!["card" => &c.masked()]))
        .unwrap_or_default();
    let card_w = crate::ui::text::width(&card) as u16;
    let card_x = area.right().saturating_sub(right_w + card_w + 3);
    if !card.is_empty() {
        p.text(card_x, area.y, card_w, &card, style);
    }
    let name = state.site.name.get(lang);
    let room = card_x.saturating_sub(area.x + 3);
    p.text(area.x + 1, area.y, room, name, p.theme.bar.bold());
    p.rule(area.x, area.y + 1, area.width, p.theme.rule);
}

fn bottom_bar(p: &mut Painter<'_>, state: &State, area: Rect) {
    if area.height < TOP + BOTTOM {
        return;
    }
    let y = area.bottom() - BOTTOM;
    let lang = state.lang;
    let other = match lang {
        Lang::Zh => "English",
        Lang::En => "中文",
    };
    let ask_key = crate::app::update::ASK_STAFF_KEY.to_string();
    // Back and help keep their places in both modes; what follows fits as room allows.
    let buttons: Vec<(&str, String, Action)> = if state.assisted {
        vec![
            ("Esc", p.t("button-back"), Action::Back),
            (HELP_KEYS, p.t("button-help"), Action::Help),
            (ask_key.as_str(), p.t("ask-staff-button"), Action::AskStaff),
            (LANGUAGE_KEYS, other.to_string(), Action::ToggleLanguage),
            ("F3", p.t("assisted-off"), Action::ToggleAssisted),
            ("Home", p.t("button-home"), Action::Home),
        ]
    } else {
        vec![
            ("Esc", p.t("button-back"), Action::Back),
            ("Home", p.t("button-home"), Action::Home),
            (HELP_KEYS, p.t("button-help"), Action::Help),
            (LANGUAGE_KEYS, other.to_string(), Action::ToggleLanguage),
            ("F3", p.t("assisted-on"), Action::ToggleAssisted),
        ]
    };
    let queue = if state.queue.waiting() == 0 {
        p.t("queue-empty")
    } else {
        ta(
            lang,
            "queue-waiting",
            args!["count" => state.queue.waiting()],
        )
    };
    // The queue's honest status keeps its room; buttons that would crowd it wait for a
    // wider screen (the keys still work).
    let queue_w = crate::ui::text::width(&queue) as u16;
    let widths: Vec<u16> = buttons.iter().map(|(k, l, _)| button_width(k, l)).collect();
    let max_right = area
        .right()
        .saturating_sub(queue_w + 2)
        .max(area.x + 1 + widths[0] + widths[1] + 1);
    let areas = row_of_buttons(area.x + 1, y, max_right, &widths);
    let mut used = area.x + 1;
    for (rect, (key, label, action)) in areas.iter().zip(buttons.iter()) {
        p.button(*rect, key, label, *action, ButtonKind::Normal, false);
        used = rect.right();
    }
    let room = area.right().saturating_sub(used + 2);
    p.text_right(
        area.right().saturating_sub(1),
        y + 1,
        room,
        &queue,
        p.theme.muted.style(),
    );
}
