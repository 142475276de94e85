//! Where the map screen's parts go. `update` needs it to turn a tap into a venue, the view to
//! draw; both call this, so they agree.

use ratatui::layout::Rect;

use crate::app::paging;

/// The map screen's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapLayout {
    /// The map itself.
    pub map: Rect,
    /// The column beside it: heading, legend, list.
    pub side: Rect,
    /// The legend of venue kinds, where there is room (at 80x24 the list replaces it).
    pub legend: Option<Rect>,
    /// The numbered list of nearest venues.
    pub list: Rect,
    /// The row of buttons under the map: zoom, pan, back to here.
    pub controls: Rect,
}

/// Rows the legend takes: a heading, then the ten kinds and "you are here" in two columns.
pub const LEGEND_ROWS: u16 = 7;

/// The layout for a screen of `cols` x `rows`.
pub fn layout(cols: u16, rows: u16, touch: bool) -> MapLayout {
    let body = paging::body_area(cols, rows);
    let controls = Rect::new(
        body.x,
        body.bottom().saturating_sub(3),
        body.width,
        3.min(body.height),
    );
    let upper = body.height.saturating_sub(4);
    let side_w = if body.width >= 140 {
        48
    } else if body.width >= 100 {
        40
    } else {
        32
    }
    .min(body.width / 2);
    let map = Rect::new(body.x, body.y, body.width.saturating_sub(side_w + 1), upper);
    let side = Rect::new(map.right() + 1, body.y, side_w, upper);
    // Heading on the first row; the legend under it when the list still has room for three.
    let below_heading = Rect::new(
        side.x,
        side.y + 1,
        side.width,
        side.height.saturating_sub(1),
    );
    let item = paging::item_height(rows, touch);
    let (legend, list) = if below_heading.height >= LEGEND_ROWS + 1 + 3 * item {
        (
            Some(Rect::new(side.x, below_heading.y, side.width, LEGEND_ROWS)),
            Rect::new(
                side.x,
                below_heading.y + LEGEND_ROWS + 1,
                side.width,
                below_heading.height - LEGEND_ROWS - 1,
            ),
        )
    } else {
        (
            None,
            Rect::new(
                side.x,
                below_heading.y + 1,
                side.width,
                below_heading.height.saturating_sub(1),
            ),
        )
    };
    MapLayout {
        map,
        side,
        legend,
        list,
        controls,
    }
}

/// How many venues the list beside the map holds.
pub fn list_capacity(cols: u16, rows: u16, touch: bool) -> usize {
    let list = layout(cols, rows, touch).list;
    usize::from(list.height / paging::item_height(rows, touch)).clamp(1, paging::MAX_PAGE)
}
