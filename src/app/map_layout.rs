//! Where the map screen's parts go. `update` needs it to turn a tap into a venue, the view to
//! draw; both call this, so they agree.

use ratatui::layout::Rect;

use crate::app::paging;
use crate::domain::lang::Lang;
use crate::map::legend;

/// The map screen's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapLayout {
    /// The map itself.
    pub map: Rect,
    /// The column beside it: heading, legend, list.
    pub side: Rect,
    /// The legend of venue kinds, where there is room: in the column beside the map under its
    /// own heading, or (on a narrow screen) in a strip across the foot of map and column.
    pub legend: Option<Rect>,
    /// Whether the legend is beside the map, with a heading as its first row.
    pub legend_beside: bool,
    /// The numbered list of nearest venues.
    pub list: Rect,
    /// The row of buttons under the map: zoom, pan, back to here.
    pub controls: Rect,
}

/// The fewest rows the map keeps when a legend strip takes rows from it.
const MAP_MIN_ROWS: u16 = 8;

/// The layout for a screen of `cols` x `rows` with the legend's words in `lang`.
pub fn layout(cols: u16, rows: u16, touch: bool, lang: Lang) -> MapLayout {
    let body = paging::body_area(cols, rows);
    let controls = Rect::new(
        body.x,
        body.bottom().saturating_sub(3),
        body.width,
        3.min(body.height),
    );
    let mut upper = body.height.saturating_sub(4);
    let side_w = if body.width >= 140 {
        48
    } else if body.width >= 100 {
        40
    } else {
        32
    }
    .min(body.width / 2);
    let item = paging::item_height(rows, touch);
    // Beside the map, under the heading, when the list keeps room for three venues; else a
    // strip under map and list when the map keeps its rows; else none.
    let beside_rows = 1 + legend::rows(lang, side_w);
    let strip_rows = legend::rows(lang, body.width.saturating_sub(2));
    let beside = upper.saturating_sub(1) >= beside_rows + 1 + 3 * item;
    let strip = !beside && upper >= MAP_MIN_ROWS + strip_rows;
    if strip {
        upper -= strip_rows;
    }
    let map = Rect::new(body.x, body.y, body.width.saturating_sub(side_w + 1), upper);
    let side = Rect::new(map.right() + 1, body.y, side_w, upper);
    // The heading on the first row, then the legend if it is beside, a gap, the list.
    let mut list_top = side.y + 2;
    let legend = if beside {
        list_top = side.y + 1 + beside_rows + 1;
        Some(Rect::new(side.x, side.y + 1, side.width, beside_rows))
    } else if strip {
        Some(Rect::new(
            body.x + 1,
            map.bottom(),
            body.width.saturating_sub(2),
            strip_rows,
        ))
    } else {
        None
    };
    let list = Rect::new(
        side.x,
        list_top.min(side.bottom()),
        side.width,
        side.bottom().saturating_sub(list_top),
    );
    MapLayout {
        map,
        side,
        legend,
        legend_beside: beside,
        list,
        controls,
    }
}

/// How many venues the list beside the map holds.
pub fn list_capacity(cols: u16, rows: u16, touch: bool, lang: Lang) -> usize {
    let list = layout(cols, rows, touch, lang).list;
    usize::from(list.height / paging::item_height(rows, touch)).clamp(1, paging::MAX_PAGE)
}
