//! QR codes drawn with half blocks: two modules a cell, black on white, with the standard
//! four-module quiet zone so phones can find them.

use ratatui::layout::Rect;

use crate::app::receipt::QrImage;
use crate::ui::painter::Painter;

/// Modules of light margin around the code, as the QR standard asks.
const QUIET: usize = 4;

/// Columns and rows a code takes on screen, quiet zone included.
pub fn cells(image: &QrImage) -> (u16, u16) {
    let side = image.size + 2 * QUIET;
    (side as u16, side.div_ceil(2) as u16)
}

/// The most detailed code that fits at the right of `area`, leaving `min_text` columns for
/// words on the left; with its place.
pub fn fit(images: &[QrImage], area: Rect, min_text: u16) -> Option<(Rect, &QrImage)> {
    images.iter().find_map(|image| {
        let (w, h) = cells(image);
        (w + min_text + 3 <= area.width && h <= area.height)
            .then(|| (Rect::new(area.right() - w - 1, area.y, w, h), image))
    })
}

/// Draws a code into its place.
pub fn draw(p: &mut Painter<'_>, image: &QrImage, area: Rect) {
    let side = image.size + 2 * QUIET;
    let dark = |x: usize, y: usize| -> bool {
        x >= QUIET
            && y >= QUIET
            && x < QUIET + image.size
            && y < QUIET + image.size
            && image.dark[(y - QUIET) * image.size + (x - QUIET)]
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
