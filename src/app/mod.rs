//! The kiosk's pure core: messages in, a new state and effects out. No I/O, no clock, no
//! randomness here: time arrives in [`Msg::Tick`], results of I/O arrive as messages.

pub mod catalogue_updates;
pub mod dispatch;
pub mod effect;
pub mod filters;
pub mod idle;
pub mod keymap;
pub mod link;
pub mod map_layout;
pub mod msg;
pub mod nav;
pub mod overlay;
pub mod paging;
pub mod receipt;
pub mod screens;
pub mod state;
pub mod step;
pub mod update;

pub use effect::Effect;
pub use msg::{Action, Clock, Key, Msg};
pub use state::{Notice, Overlay, Screen, State};
pub use step::{Next, Step};
pub use update::update;
