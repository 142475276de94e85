//! Drawing the state: a pure function of it. It also says where the touch targets are.

pub mod assisted;
pub mod card_field;
pub mod chrome;
pub mod hitmap;
pub mod keypad;
pub mod list;
pub mod model;
pub mod names;
pub mod overlays;
pub mod painter;
pub mod qr;
pub mod screens;
pub mod text;
pub mod theme;
pub mod words;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{Overlay, State, paging};
use crate::ui::hitmap::HitMap;
use crate::ui::painter::Painter;

/// What drawing a frame yields besides the picture.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    /// Where the touch targets are.
    pub hits: HitMap,
    /// Where the terminal cursor goes (the focused choice), if anywhere.
    pub cursor: Option<(u16, u16)>,
    /// The lines drawn in large glyphs.
    pub large: Vec<painter::LargeText>,
}

/// Draws the state into a terminal frame, puts the cursor on the focused choice, and returns
/// the frame's touch targets.
pub fn view(state: &State, frame: &mut Frame<'_>) -> HitMap {
    let drawn = render(state, frame.buffer_mut());
    if let Some((x, y)) = drawn.cursor {
        frame.set_cursor_position((x, y));
    }
    drawn.hits
}

/// Draws the state into a buffer; returns the touch targets and the cursor.
pub fn render(state: &State, buf: &mut Buffer) -> Drawn {
    let area = buf.area;
    let mut p = Painter {
        buf,
        theme: if state.visit.assisted {
            theme::HIGH_CONTRAST
        } else {
            theme::STANDARD
        },
        lang: state.visit.lang,
        hits: HitMap::default(),
        cursor: None,
        large: Vec::new(),
    };
    p.fill(area, p.theme.text);
    let content = chrome::draw(&mut p, state, area);
    let body = paging::body_area(area.width, area.height);
    let notice = Rect::new(
        content.x,
        body.bottom(),
        content.width,
        content.bottom().saturating_sub(body.bottom()),
    );
    screens::draw(&mut p, state, body);
    overlays::notice(&mut p, state, notice);
    match state.visit.overlay {
        Some(Overlay::Help) => overlays::help(&mut p, state, content),
        Some(Overlay::Countdown { .. }) => overlays::countdown(&mut p, state, area),
        Some(Overlay::AskStaff) => overlays::ask_staff(&mut p, state, area),
        Some(Overlay::Qr) => overlays::qr(&mut p, state, area),
        None => {}
    }
    Drawn {
        hits: p.hits,
        cursor: p.cursor,
        large: p.large,
    }
}
