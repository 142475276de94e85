//! Drawing the state: a pure function of it. It also says where the touch targets are.

pub mod chrome;
pub mod hitmap;
pub mod keypad;
pub mod list;
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

/// Draws the state into a terminal frame; returns the frame's touch targets.
pub fn view(state: &State, frame: &mut Frame<'_>) -> HitMap {
    render(state, frame.buffer_mut())
}

/// Draws the state into a buffer; returns the touch targets.
pub fn render(state: &State, buf: &mut Buffer) -> HitMap {
    let area = buf.area;
    let mut p = Painter {
        buf,
        theme: theme::STANDARD,
        lang: state.lang,
        hits: HitMap::default(),
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
    match state.overlay {
        Some(Overlay::Help) => overlays::help(&mut p, state, content),
        Some(Overlay::Countdown { .. }) => overlays::countdown(&mut p, state, area),
        None => {}
    }
    p.hits
}
