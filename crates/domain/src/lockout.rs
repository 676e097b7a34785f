//! Sign-in throttling: when an account is locked and how generous the per-address limit is.

use jiff::{SignedDuration, Timestamp};

/// Failed attempts an account may make before it is locked.
pub const FREE_ATTEMPTS: u32 = 10;
/// The longest an account stays locked.
pub const MAX_LOCK: SignedDuration = SignedDuration::from_mins(15);
/// Attempts allowed from one network address per window (a whole hospital may share it).
pub const ADDRESS_LIMIT: u32 = 300;
/// The window of the per-address limit.
pub const ADDRESS_WINDOW: SignedDuration = SignedDuration::from_mins(15);

/// How long the account is locked after its `failed`-th consecutive failure:
/// nothing for the first ten, then 30 s doubling with every further failure, at most 15 minutes.
pub fn lock_after(failed: u32) -> Option<SignedDuration> {
    if failed < FREE_ATTEMPTS {
        return None;
    }
    let doublings = (failed - FREE_ATTEMPTS).min(10);
    let secs = 30_i64.saturating_mul(1_i64 << doublings);
    Some(SignedDuration::from_secs(secs).min(MAX_LOCK))
}

/// Whether an account locked until `locked_until` is locked at `now`.
pub fn is_locked(locked_until: Option<Timestamp>, now: Timestamp) -> bool {
    locked_until.is_some_and(|t| t > now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ten_free_then_growing() {
        for n in 0..10 {
            assert_eq!(lock_after(n), None);
        }
        assert_eq!(lock_after(10), Some(SignedDuration::from_secs(30)));
        assert_eq!(lock_after(11), Some(SignedDuration::from_secs(60)));
        assert_eq!(
            lock_after(15),
            Some(SignedDuration::from_secs(960).min(MAX_LOCK))
        );
        assert_eq!(lock_after(40), Some(MAX_LOCK));
    }

    proptest! {
        #[test]
        fn never_longer_than_fifteen_minutes_and_monotone(n in 0u32..10_000) {
            let a = lock_after(n).unwrap_or_default();
            let b = lock_after(n + 1).unwrap_or_default();
            prop_assert!(a <= MAX_LOCK);
            prop_assert!(a <= b);
        }
    }
}
