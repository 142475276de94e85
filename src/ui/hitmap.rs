//! Where the touch targets are on the last frame drawn, so a tap becomes an action.

use ratatui::layout::{Position, Rect};

use crate::app::Action;

/// The touch targets of one frame, in drawing order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HitMap {
    targets: Vec<(Rect, Action)>,
}

impl HitMap {
    /// Adds a target.
    pub fn add(&mut self, area: Rect, action: Action) {
        if area.width > 0 && area.height > 0 {
            self.targets.push((area, action));
        }
    }

    /// The action of the topmost target under a cell, if any. A tap on the map says where on
    /// the map it landed.
    pub fn at(&self, column: u16, row: u16) -> Option<Action> {
        let p = Position::new(column, row);
        self.targets
            .iter()
            .rev()
            .find(|(area, _)| area.contains(p))
            .map(|(area, action)| match action {
                Action::TapMap(..) => Action::TapMap(column - area.x, row - area.y),
                other => *other,
            })
    }

    /// Every target, in drawing order.
    pub fn targets(&self) -> &[(Rect, Action)] {
        &self.targets
    }

    /// Forgets targets drawn so far that lie under `area` (an overlay covers them).
    pub fn cover(&mut self, area: Rect) {
        self.targets.retain(|(r, _)| !r.intersects(area));
    }

    /// The centre of the first target with this action (tests tap it).
    pub fn centre_of(&self, action: Action) -> Option<(u16, u16)> {
        self.targets
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(r, _)| (r.x + r.width / 2, r.y + r.height / 2))
    }
}
