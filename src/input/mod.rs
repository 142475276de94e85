//! The input edge: the terminal's bytes become events, and events messages. Card-reader bursts are told apart from
//! typing here, so a reader never lands in a menu or a field as keystrokes.

pub mod card_reader;
pub mod decoder;
pub mod keys;
pub mod reader_device;
