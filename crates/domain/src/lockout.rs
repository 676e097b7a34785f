//! Sign-in throttling: when a typed identifier (an account or not) is locked, and how much
//! an address that fails often is slowed down (never locked: a whole hospital may share it).

use jiff::{SignedDuration, Timestamp};

/// Failed attempts an account may make before it is locked.
pub const FREE_ATTEMPTS: u32 = 10;
/// The longest an account stays locked.
pub const MAX_LOCK: SignedDuration = SignedDuration::from_mins(15);
/// Failed sign-ins from one network address per window before it is slowed down.
pub const ADDRESS_FREE_FAILURES: u32 = 30;
/// The window in which an address's failures are counted.
pub const ADDRESS_WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// The longest an address is made to wait per attempt.
pub const MAX_ADDRESS_DELAY: SignedDuration = SignedDuration::from_secs(30);

/// How long an attempt from an address with `failures` failures in the window waits
/// before it is looked at: nothing for the first `free` (by default
/// [`ADDRESS_FREE_FAILURES`]), then a quarter second doubling with every further failure,
/// at most 30 s. A right password still gets through after it.
pub fn address_delay(failures: u32, free: u32) -> SignedDuration {
    if failures < free {
        return SignedDuration::ZERO;
    }
    let doublings = (failures - free).min(16);
    let ms = 250_i64.saturating_mul(1_i64 << doublings);
    SignedDuration::from_millis(ms).min(MAX_ADDRESS_DELAY)
}

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

    #[test]
    fn addresses_are_slowed_never_locked() {
        let free = ADDRESS_FREE_FAILURES;
        assert_eq!(address_delay(0, free), SignedDuration::ZERO);
        assert_eq!(address_delay(29, free), SignedDuration::ZERO);
        assert_eq!(address_delay(30, free), SignedDuration::from_millis(250));
        assert_eq!(address_delay(31, free), SignedDuration::from_millis(500));
        assert_eq!(address_delay(300, free), MAX_ADDRESS_DELAY);
        assert_eq!(address_delay(u32::MAX, free), MAX_ADDRESS_DELAY);
        assert_eq!(address_delay(300, 1000), SignedDuration::ZERO);
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
