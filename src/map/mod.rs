//! The learning map's geography: Beijing's districts and the projection from the ground to
//! terminal cells. Pure: no terminal, no state.

pub mod districts;
pub mod legend;
pub mod projection;
pub mod view;

pub use projection::Projection;
pub use view::{MapView, ZOOM_WIDTHS_KM};
