//! The input edge: terminal events become messages. Card-reader bursts are told apart from
//! typing here, so a reader never lands in a menu or a field as keystrokes.

pub mod card_reader;
pub mod keys;
