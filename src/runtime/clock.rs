//! The clock: real or pinned, plus a monotonic count for idle timing.

use std::time::Instant;

use crate::app::Clock;
use crate::domain::time::{Moment, now_beijing};

/// Where the time comes from.
#[derive(Clone, Debug)]
pub struct ClockSource {
    pinned: Option<Moment>,
    started: Instant,
}

impl ClockSource {
    /// The real clock, or one pinned at `--now`.
    pub fn new(pinned: Option<Moment>) -> ClockSource {
        ClockSource {
            pinned,
            started: Instant::now(),
        }
    }

    /// The time now.
    pub fn now(&self) -> Clock {
        Clock {
            now: self.pinned.unwrap_or_else(now_beijing),
            mono_ms: self.mono_ms(),
        }
    }

    /// Milliseconds since start.
    pub fn mono_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}
