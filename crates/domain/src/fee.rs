//! What a mediator is paid for an assignment: the tenant's allowance rule, in integer cents.

use serde::Serialize;

/// The allowance rule of a centre (for example 18 €/h, the first hour in full, then
/// half hours, 6 € travel flat rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeeRule {
    pub cents_per_hour: i64,
    /// Minutes billed at least.
    pub minimum_min: i64,
    /// Minutes beyond the minimum are rounded up to this step.
    pub increment_min: i64,
    /// A flat travel allowance for on-site assignments.
    pub travel_cents: i64,
}

impl Default for FeeRule {
    fn default() -> Self {
        FeeRule {
            cents_per_hour: 1800,
            minimum_min: 60,
            increment_min: 30,
            travel_cents: 600,
        }
    }
}

/// The minutes paid for `minutes` of work.
pub fn paid_minutes(rule: &FeeRule, minutes: i64) -> i64 {
    let m = minutes.max(0).max(rule.minimum_min);
    let step = rule.increment_min.max(1);
    let extra = m - rule.minimum_min;
    rule.minimum_min + (extra + step - 1) / step * step
}

/// The expected fee in cents for an assignment of `minutes`, on site or remote.
pub fn expected_cents(rule: &FeeRule, minutes: i64, onsite: bool) -> i64 {
    let pay = paid_minutes(rule, minutes).saturating_mul(rule.cents_per_hour) / 60;
    pay + if onsite { rule.travel_cents } else { 0 }
}

/// `12,50 €`: cents as German money.
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{},{:02} €", c / 100, c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_hour_in_full_then_half_hours() {
        let r = FeeRule::default();
        assert_eq!(paid_minutes(&r, 20), 60);
        assert_eq!(paid_minutes(&r, 60), 60);
        assert_eq!(paid_minutes(&r, 61), 90);
        assert_eq!(paid_minutes(&r, 95), 120);
        assert_eq!(expected_cents(&r, 95, true), 3600 + 600);
        assert_eq!(expected_cents(&r, 30, false), 1800);
        assert_eq!(euros(4200), "42,00 €");
        assert_eq!(euros(5), "0,05 €");
    }

    proptest! {
        #[test]
        fn paid_never_less_than_worked_and_grows(m in 0i64..2000, inc in 1i64..90, min in 0i64..120) {
            let r = FeeRule { cents_per_hour: 1800, minimum_min: min, increment_min: inc, travel_cents: 0 };
            let p = paid_minutes(&r, m);
            prop_assert!(p >= m && p >= min);
            prop_assert!(p - m.max(min) < inc);
            prop_assert!(paid_minutes(&r, m + 1) >= p);
        }
    }
}
