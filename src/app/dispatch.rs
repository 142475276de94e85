//! The one loop from messages to effects, shared by the runtime and the test harness: each
//! message is given to `update` in the order it came, and each effect it returns is handed,
//! in order, to whoever carries effects out. Answers join the back of the queue (first in,
//! first out), so the tests see the order the kiosk sees.

use std::collections::VecDeque;

use crate::app::{Effect, Msg, State, update};

/// Who carries effects out: the runtime (threads, the terminal, speech) or a test harness.
pub trait Carrier {
    /// Carries out one effect; a message it can answer at once goes in `answers`.
    fn carry(&mut self, effect: Effect, answers: &mut VecDeque<Msg>);
}

/// Gives `msgs` to `update` in order, with every answer that comes back at once after them.
pub fn dispatch(
    state: &mut State,
    msgs: impl IntoIterator<Item = Msg>,
    carrier: &mut impl Carrier,
) {
    let mut queue: VecDeque<Msg> = msgs.into_iter().collect();
    while let Some(msg) = queue.pop_front() {
        for effect in update(state, msg) {
            carrier.carry(effect, &mut queue);
        }
    }
}
