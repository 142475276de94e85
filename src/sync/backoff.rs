//! Waiting between failed attempts: exponential backoff with full jitter (a random wait up to
//! the exponential bound), so a district's kiosks do not all return at once after an outage.

use std::time::Duration;

/// The first bound.
const BASE: Duration = Duration::from_secs(2);
/// The longest bound.
const CAP: Duration = Duration::from_secs(300);

/// The bound after `failures` failures in a row.
pub fn bound(failures: u32) -> Duration {
    let factor = 2u32.saturating_pow(failures.saturating_sub(1).min(16));
    BASE.saturating_mul(factor).min(CAP)
}

/// How long to wait after `failures` failures in a row: random in `[0, bound]`, and never
/// shorter than the hub asked (`Retry-After`).
pub fn delay(failures: u32, retry_after: Option<Duration>) -> Duration {
    let bound = bound(failures);
    let jittered = Duration::from_secs_f64(bound.as_secs_f64() * fastrand::f64());
    retry_after.map_or(jittered, |asked| jittered.max(asked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_grow_then_stop() {
        assert_eq!(bound(1), Duration::from_secs(2));
        assert_eq!(bound(2), Duration::from_secs(4));
        assert_eq!(bound(5), Duration::from_secs(32));
        assert_eq!(bound(20), CAP);
        assert_eq!(bound(u32::MAX), CAP);
    }

    #[test]
    fn delays_are_spread_and_honour_retry_after() {
        let delays: Vec<Duration> = (0..200).map(|_| delay(4, None)).collect();
        assert!(delays.iter().all(|d| *d <= bound(4)));
        let spread = delays.iter().max().unwrap_or(&Duration::ZERO).as_secs_f64()
            - delays.iter().min().unwrap_or(&Duration::ZERO).as_secs_f64();
        assert!(spread > 8.0, "full jitter spreads the waits: {spread}");
        for _ in 0..50 {
            assert!(delay(1, Some(Duration::from_secs(30))) >= Duration::from_secs(30));
        }
    }
}
