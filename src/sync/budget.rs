//! A byte budget per hour for metered links: the worker waits rather than overspend.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

const HOUR: Duration = Duration::from_secs(3600);

/// Bytes used in the last hour, against an allowance.
#[derive(Debug)]
pub struct Budget {
    per_hour: Option<u64>,
    spent: VecDeque<(Instant, u64)>,
}

impl Budget {
    /// An allowance of `per_hour` bytes (`None`: unlimited).
    pub fn new(per_hour: Option<u64>) -> Budget {
        Budget {
            per_hour,
            spent: VecDeque::new(),
        }
    }

    /// Records bytes used at `at`.
    pub fn spend(&mut self, at: Instant, bytes: u64) {
        self.spent.push_back((at, bytes));
    }

    /// Bytes used in the hour before `now`.
    pub fn used(&mut self, now: Instant) -> u64 {
        while self
            .spent
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) >= HOUR)
        {
            self.spent.pop_front();
        }
        self.spent.iter().map(|(_, b)| b).sum()
    }

    /// Bytes still allowed in the hour before `now` (`None`: no limit).
    pub fn remaining(&mut self, now: Instant) -> Option<u64> {
        let limit = self.per_hour?;
        Some(limit.saturating_sub(self.used(now)))
    }

    /// When there will be allowance left, if there is none now.
    pub fn wait_until_free(&mut self, now: Instant) -> Option<Duration> {
        let limit = self.per_hour?;
        let mut used = self.used(now);
        if used < limit {
            return None;
        }
        for (t, bytes) in &self.spent {
            used -= bytes;
            if used < limit {
                return Some(HOUR.saturating_sub(now.duration_since(*t)));
            }
        }
        Some(Duration::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_the_oldest_spending_to_leave_the_hour() {
        let start = Instant::now();
        let mut b = Budget::new(Some(10_000));
        b.spend(start, 6_000);
        assert_eq!(b.wait_until_free(start), None);
        b.spend(start + Duration::from_secs(600), 6_000);
        let wait = b.wait_until_free(start + Duration::from_secs(900));
        assert_eq!(wait, Some(Duration::from_secs(2700)));
        assert_eq!(b.wait_until_free(start + Duration::from_secs(3601)), None);
        assert_eq!(Budget::new(None).wait_until_free(start), None);
    }
}
