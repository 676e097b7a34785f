//! The state's figures: requests of every centre that shares its figures, grouped by
//! centre, language, sector or month, with no personal data. A row from fewer than
//! [`MIN_REQUESTS`] requests is suppressed, and so many more rows are suppressed with it
//! that no suppressed row can be worked out from the total (which other groupings show).

use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Rows from fewer requests than this show no numbers.
pub const MIN_REQUESTS: i64 = 5;

/// Width of the buckets of the time to confirm: a tenth of an hour.
pub const BUCKET_H: f64 = 0.1;
/// Times to confirm of more than this many buckets count as this many (10 days).
pub const MAX_BUCKET: i64 = 2400;

/// What to group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Tenant,
    Language,
    Sector,
    Month,
}

impl By {
    pub const ALL: [By; 4] = [By::Tenant, By::Language, By::Sector, By::Month];

    pub fn as_str(self) -> &'static str {
        match self {
            By::Tenant => "tenant",
            By::Language => "language",
            By::Sector => "sector",
            By::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<By> {
        By::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// Counts of one group (or of one part of it, summed by [`Figures::add`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub requests: i64,
    /// Completed appointments.
    pub served: i64,
    /// Nobody could be found (`unfilled`), by reason.
    pub no_speaker: i64,
    pub short_notice: i64,
    pub nobody_free: i64,
    pub cancelled: i64,
    /// Booked minutes of the completed appointments.
    pub minutes: i64,
    /// How many were confirmed after so many buckets ([`BUCKET_H`]) from their creation.
    pub confirm_buckets: BTreeMap<i64, i64>,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.requests += o.requests;
        self.served += o.served;
        self.no_speaker += o.no_speaker;
        self.short_notice += o.short_notice;
        self.nobody_free += o.nobody_free;
        self.cancelled += o.cancelled;
        self.minutes += o.minutes;
        for (b, n) in &o.confirm_buckets {
            *self.confirm_buckets.entry(*b).or_default() += n;
        }
    }

    pub fn unserved(&self) -> i64 {
        self.no_speaker + self.short_notice + self.nobody_free
    }

    /// The median time to confirm in hours (one decimal), from the buckets.
    pub fn median_confirm_h(&self) -> Option<f64> {
        let n: i64 = self.confirm_buckets.values().sum();
        if n == 0 {
            return None;
        }
        // The middle element (the lower one of an even count).
        let mid = (n + 1) / 2;
        let mut seen = 0;
        for (b, c) in &self.confirm_buckets {
            seen += c;
            if seen >= mid {
                return Some((*b as f64 * BUCKET_H * 10.0).round() / 10.0);
            }
        }
        None
    }
}

/// Why demand went unmet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unserved {
    pub no_speaker: i64,
    pub short_notice: i64,
    pub nobody_free: i64,
}

/// The numbers of a row that may be shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub requests: i64,
    pub served: i64,
    pub unserved: i64,
    pub unserved_reasons: Unserved,
    pub cancelled: i64,
    pub hours: f64,
    pub median_confirm_h: Option<f64>,
}

impl Figures {
    fn of(c: &Counts) -> Figures {
        Figures {
            requests: c.requests,
            served: c.served,
            unserved: c.unserved(),
            unserved_reasons: Unserved {
                no_speaker: c.no_speaker,
                short_notice: c.short_notice,
                nobody_free: c.nobody_free,
            },
            cancelled: c.cancelled,
            hours: (c.minutes as f64 / 6.0).round() / 10.0,
            median_confirm_h: c.median_confirm_h(),
        }
    }
}

/// A row as shown: its numbers, or none when suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    pub figures: Option<Figures>,
}

/// The summary: rows by key, the total (none when it is itself too small), and the
/// languages with the most unmet demand (shown rows only).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub rows: Vec<Row>,
    pub total: Option<Figures>,
}

/// Which keys are suppressed: those from fewer than [`MIN_REQUESTS`] requests, then the
/// smallest others until the suppressed rows are at least two and together hold at
/// least [`MIN_REQUESTS`] requests (so that the total, known from another grouping,
/// gives none of them away), or all rows are suppressed.
pub fn suppressed(groups: &BTreeMap<String, Counts>) -> Vec<String> {
    let mut by_size: Vec<(&String, i64)> = groups.iter().map(|(k, c)| (k, c.requests)).collect();
    by_size.sort_by_key(|(k, n)| (*n, (*k).clone()));
    let mut out: Vec<String> = by_size
        .iter()
        .filter(|(_, n)| *n < MIN_REQUESTS)
        .map(|(k, _)| (*k).clone())
        .collect();
    if out.is_empty() {
        return out;
    }
    let mut rest = by_size.iter().filter(|(_, n)| *n >= MIN_REQUESTS);
    loop {
        let sum: i64 = out
            .iter()
            .filter_map(|k| groups.get(k))
            .map(|c| c.requests)
            .sum();
        if out.len() >= 2 && sum >= MIN_REQUESTS {
            return out;
        }
        match rest.next() {
            Some((k, _)) => out.push((*k).clone()),
            None => return out,
        }
    }
}

/// The first day of the first and the last day of the last calendar month that lie wholly
/// from `from` to `to` (inclusive); none if no month does. The state's counts are kept per
/// month: a period reads its whole months from them and counts the days around them.
pub fn whole_months(from: Date, to: Date) -> Option<(Date, Date)> {
    let first = if from.day() == 1 {
        from
    } else {
        from.last_of_month().tomorrow().ok()?
    };
    let last = if to == to.last_of_month() {
        to
    } else {
        to.first_of_month().yesterday().ok()?
    };
    (first <= last).then_some((first, last))
}

/// The summary of the groups, suppressed where a row could name too few requests.
pub fn summary(groups: BTreeMap<String, Counts>) -> Summary {
    let hidden = suppressed(&groups);
    let mut total = Counts::default();
    for c in groups.values() {
        total.add(c);
    }
    Summary {
        rows: groups
            .iter()
            .map(|(k, c)| Row {
                key: k.clone(),
                figures: (!hidden.contains(k)).then(|| Figures::of(c)),
            })
            .collect(),
        total: (total.requests >= MIN_REQUESTS).then(|| Figures::of(&total)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_period_holds_the_whole_months_between_its_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let w = |a: &str, b: &str| {
            whole_months(d(a), d(b)).map(|(f, l)| (f.to_string(), l.to_string()))
        };
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(
            w("2025-11-01", "2026-10-31"),
            pair("2025-11-01", "2026-10-31")
        );
        assert_eq!(
            w("2025-11-02", "2026-10-30"),
            pair("2025-12-01", "2026-09-30")
        );
        assert_eq!(
            w("2024-02-01", "2024-02-29"),
            pair("2024-02-01", "2024-02-29")
        );
        assert_eq!(w("2024-02-01", "2024-02-28"), None);
        assert_eq!(w("2026-10-05", "2026-10-05"), None);
        assert_eq!(
            w("2026-10-31", "2026-12-01"),
            pair("2026-11-01", "2026-11-30")
        );
        assert_eq!(w("2026-10-02", "2026-11-29"), None);
    }

    fn counts(requests: i64) -> Counts {
        Counts {
            requests,
            served: requests / 2,
            ..Default::default()
        }
    }

    fn groups(sizes: &[(&str, i64)]) -> BTreeMap<String, Counts> {
        sizes
            .iter()
            .map(|(k, n)| ((*k).to_owned(), counts(*n)))
            .collect()
    }

    #[test]
    fn a_small_row_is_hidden_with_the_next_smallest() {
        // Alone, "b" (3) would follow from the total (40) minus the others.
        let g = groups(&[("a", 20), ("b", 3), ("c", 9), ("d", 8)]);
        assert_eq!(suppressed(&g), vec!["b".to_owned(), "d".to_owned()]);
        let s = summary(g);
        assert!(s.rows[1].figures.is_none() && s.rows[3].figures.is_none());
        assert_eq!(s.rows[0].figures.as_ref().unwrap().requests, 20);
        assert_eq!(s.total.unwrap().requests, 40);
    }

    #[test]
    fn small_rows_that_together_stay_small_take_another() {
        // 1 + 2 = 3: each could be guessed from the pair; a third row joins.
        let g = groups(&[("a", 1), ("b", 2), ("c", 30), ("d", 6)]);
        assert_eq!(suppressed(&g), vec!["a", "b", "d"]);
        // Two small rows that together hold enough stay two.
        let g = groups(&[("a", 4), ("b", 3), ("c", 30)]);
        assert_eq!(suppressed(&g), vec!["b", "a"]);
        // Nothing small, nothing hidden.
        assert!(suppressed(&groups(&[("a", 5), ("b", 50)])).is_empty());
    }

    #[test]
    fn everything_small_shows_nothing_not_even_the_total() {
        let s = summary(groups(&[("a", 1), ("b", 2)]));
        assert!(s.rows.iter().all(|r| r.figures.is_none()));
        assert!(s.total.is_none());
    }

    #[test]
    fn the_median_time_to_confirm_comes_from_the_buckets() {
        let mut c = counts(5);
        // 0.5 h, 1.0 h, 1.0 h, 30.0 h, 240 h (capped).
        for (b, n) in [(5, 1), (10, 2), (300, 1), (MAX_BUCKET, 1)] {
            c.confirm_buckets.insert(b, n);
        }
        assert_eq!(c.median_confirm_h(), Some(1.0));
        assert_eq!(counts(5).median_confirm_h(), None);
        let f = Figures::of(&Counts {
            minutes: 95,
            ..c.clone()
        });
        assert_eq!(f.hours, 1.6);
    }
}
