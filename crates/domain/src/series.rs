//! Series of requests: weekly or fortnightly, for a number of occurrences or until a date,
//! at the same local time across daylight saving.

use crate::validation::{FieldErrors, Validated};
use jiff::civil::{Date, DateTime};
use jiff::{Span, Timestamp};

/// The longest series (a school year of weekly companions).
pub const MAX_OCCURRENCES: u32 = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    /// 1 weekly, 2 fortnightly.
    pub every_weeks: u8,
    pub count: Option<u32>,
    pub until: Option<Date>,
}

/// Which occurrences a change or cancellation applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    One,
    Following,
    All,
}

impl Scope {
    pub fn parse(s: &str) -> Option<Scope> {
        match s {
            "" | "one" => Some(Scope::One),
            "following" => Some(Scope::Following),
            "all" => Some(Scope::All),
            _ => None,
        }
    }

    /// Whether the occurrence `index` is in scope when acting on occurrence `at`.
    pub fn covers(self, at: i32, index: i32) -> bool {
        match self {
            Scope::One => at == index,
            Scope::Following => index >= at,
            Scope::All => true,
        }
    }
}

/// Checks a repetition as typed.
pub fn validate(
    every_weeks: Option<i64>,
    count: Option<i64>,
    until: Option<&str>,
) -> Validated<Option<Repeat>> {
    let mut e = FieldErrors::new();
    let Some(every) = every_weeks.filter(|w| *w != 0) else {
        return Ok(None);
    };
    if !(1..=2).contains(&every) {
        e.add("repeat.every_weeks", "invalid");
    }
    let count = match count {
        Some(c) if (2..=i64::from(MAX_OCCURRENCES)).contains(&c) => u32::try_from(c).ok(),
        Some(_) => {
            e.add("repeat.count", "out-of-range");
            None
        }
        None => None,
    };
    let until = match until.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => match u.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                e.add("repeat.until", "invalid-date");
                None
            }
        },
        None => None,
    };
    if count.is_none() && until.is_none() && e.is_empty() {
        e.add("repeat.count", "required");
    }
    e.finish(Some(Repeat {
        every_weeks: u8::try_from(every).unwrap_or(1),
        count,
        until,
    }))
}

/// The local start of every occurrence, the first included; at most `MAX_OCCURRENCES`.
pub fn occurrences(first: DateTime, r: &Repeat) -> Vec<DateTime> {
    let mut out = Vec::new();
    let limit = r.count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES);
    for k in 0..limit {
        let step = Span::new().weeks(i64::from(k) * i64::from(r.every_weeks));
        let Ok(at) = first.checked_add(step) else {
            break;
        };
        if r.until.is_some_and(|u| at.date() > u) {
            break;
        }
        out.push(at);
    }
    out
}

/// The local starts as instants in `tz` (09:00 stays 09:00 across a change of offset).
pub fn instants(starts: &[DateTime], tz: &jiff::tz::TimeZone) -> Vec<Timestamp> {
    starts
        .iter()
        .filter_map(|d| d.to_zoned(tz.clone()).ok().map(|z| z.timestamp()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_keeps_the_local_time_across_daylight_saving() {
        let tz = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        let first: DateTime = "2027-03-15T09:00".parse().unwrap();
        let r = Repeat {
            every_weeks: 1,
            count: Some(4),
            until: None,
        };
        let starts = occurrences(first, &r);
        assert_eq!(starts.len(), 4);
        let t = instants(&starts, &tz);
        // Summer time starts on 2027-03-28: 09:00 local is 08:00 UTC before and 07:00 after.
        assert_eq!(t[0].to_string(), "2027-03-15T08:00:00Z");
        assert_eq!(t[2].to_string(), "2027-03-29T07:00:00Z");
        for z in t {
            assert_eq!(z.to_zoned(tz.clone()).hour(), 9);
        }
    }

    #[test]
    fn fortnightly_until_a_date() {
        let first: DateTime = "2026-12-01T08:00".parse().unwrap();
        let r = Repeat {
            every_weeks: 2,
            count: None,
            until: Some("2027-01-12".parse().unwrap()),
        };
        let s = occurrences(first, &r);
        assert_eq!(
            s.iter().map(|d| d.date().to_string()).collect::<Vec<_>>(),
            ["2026-12-01", "2026-12-15", "2026-12-29", "2027-01-12"]
        );
    }

    #[test]
    fn validation_and_scope() {
        assert_eq!(validate(None, None, None), Ok(None));
        assert_eq!(
            validate(Some(3), Some(5), None)
                .unwrap_err()
                .get("repeat.every_weeks"),
            Some("invalid")
        );
        assert_eq!(
            validate(Some(1), None, None)
                .unwrap_err()
                .get("repeat.count"),
            Some("required")
        );
        assert_eq!(
            validate(Some(1), Some(100), None)
                .unwrap_err()
                .get("repeat.count"),
            Some("out-of-range")
        );
        assert!(Scope::Following.covers(3, 5) && !Scope::Following.covers(3, 2));
        assert!(Scope::One.covers(3, 3) && !Scope::One.covers(3, 4));
    }
}
