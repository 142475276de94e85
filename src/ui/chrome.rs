//! The frame every screen shares: where you are, who you are, the time and the link at the
//! top; the signage keys as buttons and the honest queue status at the bottom.

use ratatui::layout::Rect;

use crate::app::keymap::{ASK_STAFF_KEY, HELP_KEY, shown_keys};
use crate::app::{Action, Screen, State};
use crate::args;
use crate::domain::lang::Lang;
use crate::i18n::ta;
use crate::ui::names::shorten_name;
use crate::ui::painter::{ButtonKind, Painter, button_width, row_of_buttons};
use crate::ui::text::width;
use crate::ui::words;

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
    let lang = state.visit.lang;

    let now = state.clock.now;
    let time = now.format("%H:%M").to_string();
    let clock = format!("{} {time}", words::date(lang, now.date_naive()));
    let link = words::link(lang, &state.link, now.date_naive());
    let name = state.site.name.get(lang);
    let card = state.visit.card.map(|c| {
        let masked = c.masked();
        let last4 = masked.rsplit(' ').next().unwrap_or_default().to_string();
        (masked, format!("**** {last4}"))
    });
    let card_words = |digits: &str| ta(lang, "top-card", args!["card" => digits]);

    // The kiosk's name comes first. Where it would be cut, the card shows only its last four
    // digits (enough for a person to know it is theirs), then the clock only the time, then
    // the gaps narrow; the link's state is never dropped. The first layout that shows the
    // whole name wins, else the one with the most room for it.
    struct Layout {
        card: String,
        right: String,
        gap: u16,
    }
    let layouts: Vec<Layout> = [
        (false, false, 3),
        (true, false, 3),
        (true, true, 3),
        (true, true, 2),
    ]
    .into_iter()
    .map(|(short_card, time_only, gap)| Layout {
        card: card.as_ref().map_or(String::new(), |(full, short)| {
            card_words(if short_card { short } else { full })
        }),
        right: format!(
            "{}{}{link} ",
            if time_only { &time } else { &clock },
            " ".repeat(usize::from(gap))
        ),
        gap,
    })
    .collect();
    let card_left = |l: &Layout| {
        area.right()
            .saturating_sub(width(&l.right) as u16 + width(&l.card) as u16 + l.gap)
    };
    // The name starts a column in and keeps two clear of what follows.
    let room_for_name = |l: &Layout| usize::from(card_left(l).saturating_sub(area.x + 3));
    let chosen = layouts
        .iter()
        .find(|l| room_for_name(l) >= width(name))
        .or(layouts.last());
    let Some(layout) = chosen else {
        return;
    };
    p.text_right(area.right(), area.y, area.width, &layout.right, style);
    if !layout.card.is_empty() {
        let card_w = width(&layout.card) as u16;
        p.text(card_left(layout), area.y, card_w, &layout.card, style);
    }
    let room = room_for_name(layout);
    let shown = shorten_name(name, room);
    p.text(area.x + 1, area.y, room as u16, &shown, p.theme.bar.bold());
    p.rule(area.x, area.y + 1, area.width, p.theme.rule);
}

fn bottom_bar(p: &mut Painter<'_>, state: &State, area: Rect) {
    if area.height < TOP + BOTTOM {
        return;
    }
    let y = area.bottom() - BOTTOM;
    let lang = state.visit.lang;
    let other = match lang {
        Lang::Zh => "English",
        Lang::En => "中文",
    };
    // Where digits type a card number, 9 is a digit: help first, then 9.
    let ask_key = if crate::app::screens::field_capacity(&state.visit.screen).is_some() {
        format!("{HELP_KEY} {ASK_STAFF_KEY}")
    } else {
        ASK_STAFF_KEY.to_string()
    };
    let welcome = state.visit.screen == Screen::Welcome;
    // Back and help keep their places in both modes; what follows fits as room allows (the
    // help box offers the rest).
    // Each button names the site's own keys; one the site has no key for is left out.
    let keys = shown_keys(!state.site.touchscreen);
    let mut buttons: Vec<(&str, String, Action)> =
        vec![(keys.back, p.t("button-back"), Action::Back)];
    if state.visit.assisted {
        buttons.push((keys.help, p.t("button-help"), Action::Help));
        buttons.push((ask_key.as_str(), p.t("ask-staff-button"), Action::AskStaff));
        if let Some(home) = keys.home {
            buttons.push((home, p.t("button-home"), Action::Home));
        }
        buttons.push((keys.language, other.to_string(), Action::ToggleLanguage));
        buttons.push((keys.assisted, p.t("assisted-off"), Action::ToggleAssisted));
    } else {
        // Home on the welcome screen would lead where the person already is.
        if let Some(home) = keys.home.filter(|_| !welcome) {
            buttons.push((home, p.t("button-home"), Action::Home));
        }
        buttons.push((keys.help, p.t("button-help"), Action::Help));
        buttons.push((keys.language, other.to_string(), Action::ToggleLanguage));
        buttons.push((keys.assisted, p.t("assisted-on"), Action::ToggleAssisted));
    }
    let queue = if state.queue.waiting() == 0 {
        p.t("queue-empty")
    } else {
        ta(
            lang,
            "queue-waiting",
            args!["count" => state.queue.waiting()],
        )
    };
    // Sign-ups waiting to be sent keep their room on a standard screen (staff and the
    // person both read it); "nothing to send" and assisted screens give way to buttons.
    let queue_w = crate::ui::text::width(&queue) as u16;
    let widths: Vec<u16> = buttons.iter().map(|(k, l, _)| button_width(k, l)).collect();
    let reserve = if state.queue.waiting() > 0 && !state.visit.assisted {
        queue_w + 2
    } else {
        0
    };
    let max_right = area
        .right()
        .saturating_sub(reserve)
        .max(area.x + 1 + widths[0] + widths[1] + 1);
    let areas = row_of_buttons(area.x + 1, y, max_right, &widths);
    let mut used = area.x + 1;
    for (rect, (key, label, action)) in areas.iter().zip(buttons.iter()) {
        p.button(*rect, key, label, *action, ButtonKind::Normal, false);
        used = rect.right();
    }
    let room = area.right().saturating_sub(used + 2);
    // Whole or not at all: a cut-off status would say something else.
    if queue_w > room {
        return;
    }
    p.text_right(
        area.right().saturating_sub(1),
        y + 1,
        room,
        &queue,
        p.theme.muted.style(),
    );
}
