//! An on-screen digit pad, so a card number or a PIN can be typed by touch alone.

use ratatui::layout::Rect;

use crate::app::{Action, State};
use crate::ui::painter::{ButtonKind, Painter};

/// Columns and rows of one key (the UX rules' smallest touch target).
const KEY_W: u16 = 10;
const KEY_H: u16 = 3;
/// The pad: three keys across and four down, with one-cell gaps.
const PAD_W: u16 = 3 * KEY_W + 2;
const PAD_H: u16 = 4 * KEY_H + 3;
/// Columns the screen keeps for its own words beside the pad.
const MIN_CONTENT_W: u16 = 44;

/// Splits an area into the screen's own part and the pad's, when the site has a touchscreen
/// and there is room for both.
pub fn split(state: &State, area: Rect) -> (Rect, Option<Rect>) {
    if !state.site.touchscreen || area.width < PAD_W + MIN_CONTENT_W + 2 || area.height < PAD_H {
        return (area, None);
    }
    let pad = Rect::new(
        area.right() - PAD_W - 1,
        area.y + (area.height - PAD_H) / 2,
        PAD_W,
        PAD_H,
    );
    let content = Rect::new(area.x, area.y, area.width - PAD_W - 2, area.height);
    (content, Some(pad))
}

/// Draws the pad: 1-9, then Delete, 0, OK.
pub fn draw(p: &mut Painter<'_>, area: Rect) {
    let erase = p.t("button-erase");
    let ok = p.t("button-ok");
    let digit_labels: Vec<String> = (1..=9).chain([0]).map(|d: u8| d.to_string()).collect();
    let mut keys: Vec<(&str, Action, ButtonKind)> = digit_labels[..9]
        .iter()
        .zip(1u8..)
        .map(|(label, d)| (label.as_str(), Action::Digit(d), ButtonKind::Normal))
        .collect();
    keys.push((&erase, Action::Erase, ButtonKind::Normal));
    keys.push((&digit_labels[9], Action::Digit(0), ButtonKind::Normal));
    keys.push((&ok, Action::Primary, ButtonKind::Primary));
    for (i, (label, action, kind)) in keys.into_iter().enumerate() {
        let (col, row) = (i as u16 % 3, i as u16 / 3);
        let rect = Rect::new(
            area.x + col * (KEY_W + 1),
            area.y + row * (KEY_H + 1),
            KEY_W,
            KEY_H,
        );
        p.button(rect, "", label, action, kind, false);
    }
}
