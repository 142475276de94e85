//! The card field: a box with the digits typed so far, grouped in fours. The welcome and card
//! screens show it, in both modes.

use ratatui::layout::Rect;

use crate::app::State;
use crate::ui::painter::Painter;
use crate::ui::text::{group4, width};

/// Draws the field centred in `area` on row `y`; the cursor waits where the next digit goes.
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect, y: u16) {
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
    // A space between groups of four.
    let typed = state.visit.field.chars().count().min(15) as u16;
    p.cursor = Some((x + 3 + typed + typed / 4, y + 1));
}
