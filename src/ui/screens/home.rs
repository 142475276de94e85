//! The home menu, once a card has been read: the greeting and four large buttons.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::app::{Action, State};
use crate::ui::model::home::Home;
use crate::ui::painter::{ButtonKind, Painter, button_width};

/// Draws the home menu.
pub fn draw(p: &mut Painter<'_>, state: &State, m: &Home, area: Rect) {
    let inner = area.inner(Margin::new(2, 0));
    // A blank row, the greeting and the question, a blank row, the rows of buttons with a
    // row between them (so no two touch targets meet), then the keypad's way to the map. On
    // a short screen (60x20) the question and the buttons alone: every choice stays on it.
    let block = (m.items.len() as u16).div_ceil(2) * 4 - 1;
    let roomy = area.height >= block + 6;
    let extra = u16::from(roomy);
    let [_, hello, ask, _, buttons, _, hint] = Layout::vertical([
        Constraint::Length(extra),
        Constraint::Length(extra),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(block),
        Constraint::Length(extra),
        Constraint::Length(extra),
    ])
    .areas(area);
    if roomy {
        p.text(inner.x, hello.y, inner.width, &m.hello, p.theme.text.bold());
    }
    let ask_words = crate::ui::words::for_input(state, p.lang, "home-ask");
    p.text(
        inner.x,
        ask.y,
        inner.width,
        &ask_words,
        p.theme.text.style(),
    );
    if let Some(hint_words) = m.map_hint.as_ref().filter(|_| roomy) {
        p.text(
            inner.x,
            hint.y,
            inner.width,
            hint_words,
            p.theme.muted.style(),
        );
    }
    // Two columns of buttons, so four fit on the smallest screen with gaps between them.
    let col_w = (area.width.saturating_sub(6) / 2).clamp(10, 44);
    let w = m
        .items
        .iter()
        .enumerate()
        .map(|(i, (_, label))| button_width(&(i + 1).to_string(), label))
        .max()
        .unwrap_or(10)
        .max(col_w)
        .min(col_w);
    for (i, (_, label)) in m.items.iter().enumerate() {
        let (col, row) = (i as u16 % 2, i as u16 / 2);
        let rect = Rect::new(inner.x + col * (w + 2), buttons.y + row * 4, w, 3);
        let kind = if i == 0 {
            ButtonKind::Primary
        } else {
            ButtonKind::Normal
        };
        p.button(
            rect,
            &(i + 1).to_string(),
            label,
            Action::Choose(i),
            kind,
            state.visit.focus == i,
        );
    }
}
