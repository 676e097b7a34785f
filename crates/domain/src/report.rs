//! The summary for the council and the funder (`billing.md`, Reports): requests, served,
//! unserved (with reasons), cancellations, hours and amounts, grouped by one dimension.

use crate::billing::price::{Kind, Work, price};
use crate::billing::tariff::{Tariff, find};
use crate::institution::Category;
use crate::request::Mode;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Language,
    Sector,
    Category,
    Mode,
    Month,
    Institution,
    Gender,
}

impl By {
    pub const ALL: [By; 7] = [
        By::Language,
        By::Sector,
        By::Category,
        By::Mode,
        By::Month,
        By::Institution,
        By::Gender,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            By::Language => "language",
            By::Sector => "sector",
            By::Category => "category",
            By::Mode => "mode",
            By::Month => "month",
            By::Institution => "institution",
            By::Gender => "gender",
        }
    }
    pub fn parse(s: &str) -> Option<By> {
        By::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// One request of the period, as the report needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub language: String,
    pub sector: String,
    pub category: Category,
    pub mode: Mode,
    pub day: Date,
    pub institution: String,
    /// The assigned mediator's gender (`f`, `m`, `d`), or `none`.
    pub gender: String,
    /// `open`, `invited`, `confirmed`, `completed`, `cancelled`, `unfilled`.
    pub status: String,
    pub billable: bool,
    /// Hours between creation and start.
    pub lead_h: f64,
    /// The billable work (completed or late cancellation), priced by the tariffs.
    pub work: Option<Work>,
    /// Why an unfilled request was not served.
    pub reason: Option<Reason>,
}

/// Why demand went unmet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Nobody in the pool speaks the language.
    NoSpeaker,
    /// Booked less than [`SHORT_NOTICE_H`] hours ahead.
    ShortNotice,
    /// No fund could pay for it.
    Unfunded,
    /// Speakers exist, but none was free or accepted.
    NobodyFree,
}

/// Requests booked less than this many hours before their start count as short notice.
pub const SHORT_NOTICE_H: f64 = 48.0;

/// The reason of an unfilled request, the first that applies in this order.
pub fn reason(has_speaker: bool, lead_h: f64, unfunded: bool) -> Reason {
    if !has_speaker {
        Reason::NoSpeaker
    } else if lead_h < SHORT_NOTICE_H {
        Reason::ShortNotice
    } else if unfunded {
        Reason::Unfunded
    } else {
        Reason::NobodyFree
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Row {
    pub key: String,
    pub requests: i64,
    pub served: i64,
    pub unserved: i64,
    pub cancelled: i64,
    pub late_cancelled: i64,
    /// Billed hours of the served assignments (one decimal).
    pub hours: f64,
    pub client_cents: i64,
    pub mediator_cents: i64,
    pub median_lead_h: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Reasons {
    pub no_speaker: i64,
    pub nobody_free: i64,
    pub short_notice: i64,
    pub unfunded: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Summary {
    pub rows: Vec<Row>,
    pub total: Row,
    pub unserved_reasons: Reasons,
}

fn key(f: &Fact, by: By) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match by {
        By::Language => Cow::Borrowed(&f.language),
        By::Sector => Cow::Borrowed(&f.sector),
        By::Category => Cow::Borrowed(f.category.as_str()),
        By::Mode => Cow::Borrowed(f.mode.as_str()),
        By::Month => Cow::Owned(format!("{:04}-{:02}", f.day.year(), f.day.month())),
        By::Institution => Cow::Borrowed(&f.institution),
        By::Gender => Cow::Borrowed(&f.gender),
    }
}

/// A fact's amounts by the tariffs: (client cents, mediator cents, billed hours).
fn amounts(f: &Fact, tariffs: &[Tariff]) -> (i64, i64, f64) {
    let Some(w) = &f.work else {
        return (0, 0, 0.0);
    };
    let worked = if w.kind == Kind::LateCancellation {
        0.0
    } else {
        w.minutes as f64 / 60.0
    };
    match find(tariffs, f.category, f.mode, f.day) {
        Some(t) => {
            let c = price(&t.client, w);
            let hours = if w.kind == Kind::LateCancellation {
                0.0
            } else {
                c.minutes as f64 / 60.0
            };
            (c.total_cents, price(&t.mediator, w).total_cents, hours)
        }
        None => (0, 0, worked),
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let m = if n % 2 == 1 {
        v.get(n / 2).copied()?
    } else {
        (v.get(n / 2 - 1).copied()? + v.get(n / 2).copied()?) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

fn add(row: &mut Row, f: &Fact, (client, mediator, hours): (i64, i64, f64), leads: &mut Vec<f64>) {
    row.requests += 1;
    leads.push(f.lead_h);
    match f.status.as_str() {
        "completed" => row.served += 1,
        "unfilled" => row.unserved += 1,
        "cancelled" if f.billable => {
            row.cancelled += 1;
            row.late_cancelled += 1;
        }
        "cancelled" => row.cancelled += 1,
        _ => {}
    }
    row.client_cents += client;
    row.mediator_cents += mediator;
    row.hours += hours;
}

/// The summary of `facts` grouped by `by`, rows sorted by key, with a total row.
pub fn summarise(facts: &[Fact], by: By, tariffs: &[Tariff]) -> Summary {
    let mut groups: BTreeMap<String, (Row, Vec<f64>)> = BTreeMap::new();
    let mut total = (
        Row {
            key: "total".into(),
            ..Row::default()
        },
        Vec::new(),
    );
    let mut reasons = Reasons::default();
    for f in facts {
        let k = key(f, by);
        let a = amounts(f, tariffs);
        if !groups.contains_key(k.as_ref()) {
            let row = Row {
                key: k.to_string(),
                ..Row::default()
            };
            groups.insert(k.to_string(), (row, Vec::new()));
        }
        if let Some(g) = groups.get_mut(k.as_ref()) {
            add(&mut g.0, f, a, &mut g.1);
        }
        add(&mut total.0, f, a, &mut total.1);
        match f.reason {
            Some(Reason::NoSpeaker) => reasons.no_speaker += 1,
            Some(Reason::NobodyFree) => reasons.nobody_free += 1,
            Some(Reason::ShortNotice) => reasons.short_notice += 1,
            Some(Reason::Unfunded) => reasons.unfunded += 1,
            None => {}
        }
    }
    let finish = |(mut r, mut leads): (Row, Vec<f64>)| {
        r.hours = (r.hours * 10.0).round() / 10.0;
        r.median_lead_h = median(&mut leads);
        r
    };
    Summary {
        rows: groups.into_values().map(finish).collect(),
        total: finish(total),
        unserved_reasons: reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, datetime};

    fn fact(language: &str, status: &str, lead_h: f64, work: Option<i64>) -> Fact {
        Fact {
            language: language.into(),
            sector: "school".into(),
            category: Category::School,
            mode: Mode::Video,
            day: date(2027, 3, 10),
            institution: "Schule".into(),
            gender: "f".into(),
            status: status.into(),
            billable: false,
            lead_h,
            work: work.map(|m| Work {
                kind: Kind::Assignment,
                start: datetime(2027, 3, 10, 9, 0, 0, 0),
                minutes: m,
                onsite: false,
                travel_km_tenths: 0,
                travel_min: 0,
            }),
            reason: (status == "unfilled").then(|| reason(language != "tir", lead_h, false)),
        }
    }

    #[test]
    fn rows_count_serve_and_explain_what_was_not_served() {
        let facts = vec![
            fact("ukr", "completed", 100.0, Some(45)),
            fact("ukr", "completed", 20.0, Some(90)),
            fact("ukr", "unfilled", 10.0, None),
            fact("tir", "unfilled", 200.0, None),
            fact("tir", "unfilled", 300.0, None),
            fact("ara", "cancelled", 50.0, None),
        ];
        let s = summarise(&facts, By::Language, &[]);
        let keys: Vec<&str> = s.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["ara", "tir", "ukr"]);
        let ukr = &s.rows[2];
        assert_eq!((ukr.requests, ukr.served, ukr.unserved), (3, 2, 1));
        assert_eq!(ukr.hours, 2.3, "45 + 90 minutes without a tariff");
        assert_eq!(ukr.median_lead_h, Some(20.0));
        assert_eq!(s.rows[1].median_lead_h, Some(250.0));
        assert_eq!(s.total.requests, 6);
        assert_eq!(s.total.cancelled, 1);
        assert_eq!(
            s.unserved_reasons,
            Reasons {
                no_speaker: 2,
                nobody_free: 0,
                short_notice: 1,
                unfunded: 0
            }
        );
        assert_eq!(reason(true, 100.0, true), Reason::Unfunded);
        assert_eq!(reason(true, 100.0, false), Reason::NobodyFree);
        let by_month = summarise(&facts, By::Month, &[]);
        assert_eq!(by_month.rows.len(), 1);
        assert_eq!(by_month.rows[0].key, "2027-03");
    }
}
