//! QR codes drawn with half blocks: two modules a cell, black on white, with the standard
//! four-module quiet zone so phones can find them. Where a code goes is worked out in
//! `app::receipt` (the receipt's choices depend on it).

use ratatui::layout::Rect;

use crate::app::receipt::{QR_QUIET, QrImage};
use crate::ui::painter::Painter;

/// Draws a code into its place.
pub fn draw(p: &mut Painter<'_>, image: &QrImage, area: Rect) {
    let side = image.size + 2 * QR_QUIET;
    let dark = |x: usize, y: usize| -> bool {
        x >= QR_QUIET
            && y >= QR_QUIET
            && x < QR_QUIET + image.size
            && y < QR_QUIET + image.size
            && image.dark[(y - QR_QUIET) * image.size + (x - QR_QUIET)]
    };
    let style = p.theme.qr.style();
    for row in 0..side.div_ceil(2) {
        let line: String = (0..side)
            .map(|x| match (dark(x, row * 2), dark(x, row * 2 + 1)) {
                (false, false) => ' ',
                (true, false) => '▀',
                (false, true) => '▄',
                (true, true) => '█',
            })
            .collect();
        p.text(area.x, area.y + row as u16, area.width, &line, style);
    }
}
