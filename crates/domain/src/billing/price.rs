//! The rules of `billing.md` that turn work into cents: billed minutes, the time component,
//! surcharges, travel, late cancellations and calls. Integer cents, rounded half up.

use super::holidays::is_nrw_holiday;
use super::tariff::Card;
use jiff::civil::{DateTime, Weekday};
use serde::Serialize;

/// What a line bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Assignment,
    LateCancellation,
    Call,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Assignment => "assignment",
            Kind::LateCancellation => "late_cancellation",
            Kind::Call => "call",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Assignment, Kind::LateCancellation, Kind::Call]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One piece of work to be priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    pub kind: Kind,
    /// The start in the tenant's local time (the time sheet's start, else the booked one).
    pub start: DateTime,
    /// Worked minutes (time sheet end - start + waiting), the booked minutes of a late
    /// cancellation, or a call's minutes.
    pub minutes: i64,
    pub onsite: bool,
    /// The time sheet's distance in tenths of a km.
    pub travel_km_tenths: i64,
    pub travel_min: i64,
}

/// A priced line (the fields of `billing.md`'s lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Priced {
    pub kind: Kind,
    /// The billed minutes.
    pub minutes: i64,
    pub time_cents: i64,
    pub surcharge_cents: i64,
    pub travel_cents: i64,
    pub total_cents: i64,
}

/// `n / d` rounded half up (away from zero for halves), for `d > 0`.
pub fn div_half_up(n: i64, d: i64) -> i64 {
    let d = d.max(1);
    let q = (n.unsigned_abs().saturating_add(d.unsigned_abs() / 2)) / d.unsigned_abs();
    let q = i64::try_from(q).unwrap_or(i64::MAX);
    if n < 0 { -q } else { q }
}

/// `m` rounded up to whole `step`s (`m ≥ 0`).
fn ceil_to(m: i64, step: i64) -> i64 {
    let step = step.max(1);
    let m = m.max(0);
    ((m + step - 1) / step).saturating_mul(step)
}

/// Rule 1: the billed minutes of `worked` minutes.
pub fn billed_minutes(card: &Card, worked: i64) -> i64 {
    let w = worked.max(0);
    if w <= card.minimum_min {
        card.minimum_min
    } else {
        card.minimum_min + ceil_to(w - card.minimum_min, card.step_min)
    }
}

/// Rule 2: the time component of `billed` minutes.
pub fn time_cents(card: &Card, billed: i64) -> i64 {
    div_half_up(billed.saturating_mul(card.cents_per_hour), 60)
}

/// Rule 3: the one (highest) surcharge in percent for work starting at `start`.
pub fn surcharge_pct(card: &Card, start: DateTime) -> i64 {
    let night = start.hour() >= 20 || start.hour() < 6;
    let sunday = start.weekday() == Weekday::Sunday;
    let holiday = is_nrw_holiday(start.date());
    [
        (night, card.night_pct),
        (sunday, card.sunday_pct),
        (holiday, card.holiday_pct),
    ]
    .into_iter()
    .filter(|(applies, _)| *applies)
    .map(|(_, pct)| pct)
    .max()
    .unwrap_or(0)
}

/// Rule 4: travel of an on-site assignment.
pub fn travel_cents(card: &Card, km_tenths: i64, travel_min: i64) -> i64 {
    let km = div_half_up(km_tenths.max(0).saturating_mul(card.per_km_cents), 10);
    let time = div_half_up(
        ceil_to(travel_min, card.travel_step_min).saturating_mul(card.travel_cents_per_hour),
        60,
    );
    card.flat_cents.saturating_add(km).saturating_add(time)
}

/// Rule 1's worked minutes of a time sheet: started minutes from start to end, plus waiting.
pub fn worked_minutes(start_s: i64, end_s: i64, waiting_min: i64) -> i64 {
    ((end_s - start_s).max(0) + 59) / 60 + waiting_min.max(0)
}

/// A call of `seconds` as whole minutes (rule 7: rounded up).
pub fn call_minutes(seconds: i64) -> i64 {
    (seconds.max(0) + 59) / 60
}

/// Prices `work` by `card` (rules 1-5 and 7).
pub fn price(card: &Card, work: &Work) -> Priced {
    let minutes = billed_minutes(card, work.minutes);
    let time = time_cents(card, minutes);
    let surcharge = div_half_up(time.saturating_mul(surcharge_pct(card, work.start)), 100);
    let (time, surcharge, travel) = match work.kind {
        Kind::Assignment if work.onsite => (
            time,
            surcharge,
            travel_cents(card, work.travel_km_tenths, work.travel_min),
        ),
        Kind::Assignment | Kind::Call => (time, surcharge, 0),
        Kind::LateCancellation => (
            div_half_up(time.saturating_mul(card.cancel_pct), 100),
            div_half_up(surcharge.saturating_mul(card.cancel_pct), 100),
            0,
        ),
    };
    Priced {
        kind: work.kind,
        minutes,
        time_cents: time,
        surcharge_cents: surcharge,
        travel_cents: travel,
        total_cents: time.saturating_add(surcharge).saturating_add(travel),
    }
}

/// What a mediator can expect for an appointment of `booked` minutes, before any time sheet:
/// the mediator card on the booked time, with the travel flat rate on site.
pub fn expected(card: &Card, start: DateTime, booked: i64, onsite: bool) -> i64 {
    price(
        card,
        &Work {
            kind: Kind::Assignment,
            start,
            minutes: booked,
            onsite,
            travel_km_tenths: 0,
            travel_min: 0,
        },
    )
    .total_cents
}
