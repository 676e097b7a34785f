//! The public holidays of North Rhine-Westphalia, computed (Easter by the Gregorian computus).

use jiff::civil::{Date, date};

/// Easter Sunday of `year` (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction.
    date(year, month as i8, day as i8)
}

/// Every public holiday of NRW in `year`, in date order.
pub fn nrw(year: i16) -> Vec<Date> {
    let e = easter(year);
    let moved = |days: i32| e.checked_add(jiff::Span::new().days(days)).unwrap_or(e);
    let mut all = vec![
        date(year, 1, 1),
        moved(-2),
        moved(1),
        date(year, 5, 1),
        moved(39),
        moved(50),
        moved(60),
        date(year, 10, 3),
        date(year, 11, 1),
        date(year, 12, 25),
        date(year, 12, 26),
    ];
    all.sort();
    all
}

/// Whether `d` is a public holiday in NRW (without building the year's list: reports
/// ask this for every appointment).
pub fn is_nrw_holiday(d: Date) -> bool {
    let fixed = matches!(
        (d.month(), d.day()),
        (1, 1) | (5, 1) | (10, 3) | (11, 1) | (12, 25) | (12, 26)
    );
    if fixed {
        return true;
    }
    // The movable ones lie between March 20 (Good Friday) and June 25 (Corpus Christi).
    if !(3..=6).contains(&d.month()) {
        return false;
    }
    let offset = (d - easter(d.year())).get_days();
    matches!(offset, -2 | 1 | 39 | 50 | 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates_known_from_the_calendar() {
        assert_eq!(easter(2024), date(2024, 3, 31));
        assert_eq!(easter(2025), date(2025, 4, 20));
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2027), date(2027, 3, 28));
        assert_eq!(easter(2038), date(2038, 4, 25));
        assert_eq!(easter(2285), date(2285, 3, 22));
    }

    #[test]
    fn the_holidays_of_2027() {
        assert_eq!(
            nrw(2027),
            vec![
                date(2027, 1, 1),
                date(2027, 3, 26),
                date(2027, 3, 29),
                date(2027, 5, 1),
                date(2027, 5, 6),
                date(2027, 5, 17),
                date(2027, 5, 27),
                date(2027, 10, 3),
                date(2027, 11, 1),
                date(2027, 12, 25),
                date(2027, 12, 26),
            ]
        );
        assert!(is_nrw_holiday(date(2026, 6, 4)), "Corpus Christi 2026");
        assert!(!is_nrw_holiday(date(2026, 6, 5)));
        assert!(
            !is_nrw_holiday(date(2026, 12, 24)),
            "Christmas Eve is a working day"
        );
    }
}
