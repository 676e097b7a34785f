//! Dates and times as people type them: ISO (`2027-03-06`, from a date picker) and the
//! German forms (`06.03.2027`, `6.3.27`, `6.3.2027 10:00`, `10.00 Uhr`).

use jiff::civil::{Date, DateTime, Time};

/// A date in ISO or German form; two-digit years are 20xx.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim().trim_end_matches('.');
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let mut parts = s.split('.').map(str::trim);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.is_empty() || m.is_empty() {
        return None;
    }
    let num = |x: &str, max_len: usize| -> Option<i16> {
        (x.len() <= max_len && x.chars().all(|c| c.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    let (d, m) = (num(d, 2)?, num(m, 2)?);
    let y = match y.len() {
        2 => 2000 + num(y, 2)?,
        4 => num(y, 4)?,
        _ => return None,
    };
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// A time of day: `10:00`, `9:30`, `10.00`, `10 Uhr`, `10:00 Uhr`.
pub fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    let s = s.strip_suffix("Uhr").unwrap_or(s).trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h.trim(), m.trim()),
        None => (s, "0"),
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

/// A date with a time: ISO (`2027-03-06T10:00`) or a German date and a time separated by
/// a space or a comma (`6.3.27 10:00`, `06.03.2027, 10.00 Uhr`).
pub fn parse_date_time(s: &str) -> Option<DateTime> {
    let s = s.trim();
    if let Ok(dt) = s.parse::<DateTime>() {
        return Some(dt);
    }
    let (d, t) = s.split_once([' ', ','])?;
    Some(parse_date(d)?.to_datetime(parse_time(t.trim_start_matches([',', ' ']))?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn german_and_iso_dates() {
        for s in [
            "2027-03-06",
            "06.03.2027",
            "6.3.2027",
            "6.3.27",
            " 06.03.27. ",
        ] {
            assert_eq!(parse_date(s), Some(date(2027, 3, 6)), "{s}");
        }
        for s in [
            "31.02.2027",
            "6.3",
            "6.3.202",
            "a.b.c",
            "",
            "1.1.1.2027",
            "006.3.2027",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn times_and_both() {
        for s in ["10:00", "10.00", "10 Uhr", "10:00 Uhr", "10"] {
            assert_eq!(parse_time(s), Some(time(10, 0, 0, 0)), "{s}");
        }
        assert_eq!(parse_time("9:5"), Some(time(9, 5, 0, 0)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("10:000"), None);
        let want = date(2027, 3, 6).at(10, 0, 0, 0);
        for s in [
            "2027-03-06T10:00",
            "6.3.27 10:00",
            "06.03.2027, 10.00 Uhr",
            "6.3.2027,10:00",
        ] {
            assert_eq!(parse_date_time(s), Some(want), "{s}");
        }
        assert_eq!(parse_date_time("6.3.27"), None);
    }
}
