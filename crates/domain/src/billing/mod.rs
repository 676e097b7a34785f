//! The month's close (`billing.md`): tariffs, pricing, VAT, invoice numbers, the volunteer
//! allowance and the check of a time sheet's distance. Pure rules, integer cents.

pub mod fund;
pub mod holidays;
pub mod party;
pub mod price;
pub mod run;
pub mod tariff;

#[cfg(test)]
mod tests;

use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

pub use party::{BillingAddress, Seller};
pub use price::{Kind, Priced, Work, div_half_up, price};
pub use run::{Engagement, RunDraft};
pub use tariff::{Card, CardInput, Tariff, TariffDraft, TariffInput};

/// A calendar month, as `YYYY-MM` in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    /// Parses exactly `YYYY-MM` (years 2000-2100).
    pub fn parse(s: &str) -> Option<Month> {
        let s = s.trim();
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i16 = y.parse().ok()?;
        let month: i8 = m.parse().ok()?;
        ((2000..=2100).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    pub fn first_day(self) -> Date {
        date(self.year, self.month, 1)
    }

    /// The first day of the following month (the month's exclusive end).
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn of(d: Date) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The tenant's VAT rule (rule 8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum Vat {
    /// Exempt, with the legal note printed on the invoice.
    Exempt { note: String },
    /// A rate in whole percent on the invoice's net sum.
    Rate { percent: i64 },
}

impl Default for Vat {
    fn default() -> Self {
        Vat::Exempt {
            note: "Umsatzsteuerfrei nach § 4 Nr. 25 UStG".into(),
        }
    }
}

impl Vat {
    pub fn percent(&self) -> i64 {
        match self {
            Vat::Exempt { .. } => 0,
            Vat::Rate { percent } => *percent,
        }
    }

    /// The VAT on a net sum, rounded half up.
    pub fn on(&self, net_cents: i64) -> i64 {
        div_half_up(net_cents.saturating_mul(self.percent()), 100)
    }
}

/// `2027-0001`: the number of the `seq`th document of `year`.
pub fn document_number(year: i16, seq: i64) -> String {
    format!("{year:04}-{seq:04}")
}

/// The tax-free yearly allowance for volunteers (§ 3 Nr. 26a EStG) unless the tenant set one:
/// 840 € up to 2025, 960 € from 2026.
pub fn default_allowance_cents(year: i16) -> i64 {
    if year >= 2026 { 96_000 } else { 84_000 }
}

/// Which threshold of the allowance a new year-to-date total crosses (80 or 100 percent).
pub fn allowance_crossed(allowance: i64, before: i64, after: i64) -> Option<u8> {
    let reached = |total: i64, pct: i64| {
        allowance > 0 && total.saturating_mul(100) >= allowance.saturating_mul(pct)
    };
    if reached(after, 100) && !reached(before, 100) {
        Some(100)
    } else if reached(after, 80) && !reached(before, 80) {
        Some(80)
    } else {
        None
    }
}

/// The most km a time sheet may give before it is flagged: half again the travel model's
/// round trip (road distance = straight line × the detour factor), plus 5 km.
pub fn plausible_km_tenths(straight_km_one_way: f64) -> i64 {
    let round_trip = 2.0 * straight_km_one_way * crate::matching::DETOUR_FACTOR;
    let limit = (round_trip * 1.5 + 5.0) * 10.0;
    if limit.is_finite() && limit >= 0.0 {
        limit.ceil().min(1e9) as i64
    } else {
        0
    }
}

/// Parses a distance in km with at most one decimal (`12,5` or `12.5`), 0 to 500, into tenths.
pub fn parse_km(s: &str) -> Option<i64> {
    let s = s.trim().replace(',', ".");
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w.to_owned(), f.to_owned()),
        None => (s.clone(), String::new()),
    };
    if whole.is_empty() || whole.len() > 3 || frac.len() > 1 {
        return None;
    }
    if !whole
        .bytes()
        .chain(frac.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let tenths = whole.parse::<i64>().ok()? * 10 + frac.parse::<i64>().unwrap_or(0);
    (tenths <= 5000).then_some(tenths)
}

/// `12,5`: tenths of a km in German.
pub fn km_text(tenths: i64) -> String {
    format!("{},{}", tenths / 10, tenths % 10)
}
