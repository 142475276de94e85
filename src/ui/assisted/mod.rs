//! Assisted mode's screens: larger, simpler and spoken. One question a screen, at most four
//! large choices, the same frame (back, help, ask staff) around them.

pub mod draw;
pub mod speech;
