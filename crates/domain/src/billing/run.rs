//! A billing run's draft: every billable item of a month priced by its tariff, grouped
//! into one invoice per institution and one statement per mediator.

use super::Vat;
use super::price::{Kind, Priced, Work, price};
use super::tariff::{Tariff, find};
use crate::institution::Category;
use crate::request::Mode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// How a mediator works for the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Engagement {
    /// Ehrenamt: paid an allowance, tracked against the tax-free yearly amount.
    #[default]
    Volunteer,
    /// Honorarkraft: paid by the mediator card.
    Freelance,
    /// Employed by the centre: hours only, no amounts.
    Employee,
}

impl Engagement {
    pub const ALL: [Engagement; 3] = [
        Engagement::Volunteer,
        Engagement::Freelance,
        Engagement::Employee,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Engagement::Volunteer => "volunteer",
            Engagement::Freelance => "freelance",
            Engagement::Employee => "employee",
        }
    }
    pub fn parse(s: &str) -> Option<Engagement> {
        Engagement::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// Something that happened in the month and may be billed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub request_id: Uuid,
    pub institution_id: Uuid,
    pub category: Category,
    pub mode: Mode,
    pub language: String,
    /// The appointment's local date.
    pub day: Date,
    pub mediator: Option<(Uuid, Engagement)>,
    pub work: Work,
    /// Already on an issued invoice (not cancelled by a credit note).
    pub invoiced: bool,
    /// Already on an issued statement.
    pub paid: bool,
}

/// A line of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub request_id: Uuid,
    pub day: Date,
    pub language: String,
    #[serde(flatten)]
    pub priced: Priced,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvoiceDraft {
    pub institution_id: Uuid,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub total_cents: i64,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementDraft {
    pub mediator_id: Uuid,
    pub engagement: Engagement,
    pub total_cents: i64,
    pub year_to_date_cents: i64,
    pub allowance_left_cents: Option<i64>,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RunDraft {
    pub invoices: Vec<InvoiceDraft>,
    pub statements: Vec<StatementDraft>,
    /// Requests that no tariff covers: listed, never billed as zero.
    pub without_tariff: Vec<Uuid>,
}

/// What the year held for each mediator before this run (issued statements of the year).
pub struct YearSoFar<'a> {
    pub paid_cents: &'a HashMap<Uuid, i64>,
    pub allowance_cents: i64,
}

fn line(item: &Item, priced: Priced) -> Line {
    Line {
        request_id: item.request_id,
        day: item.day,
        language: item.language.clone(),
        priced,
    }
}

/// Drafts a run from the month's items (in any order; documents come out sorted).
pub fn draft(items: &[Item], tariffs: &[Tariff], vat: &Vat, year: &YearSoFar<'_>) -> RunDraft {
    let mut items: Vec<&Item> = items.iter().collect();
    items.sort_by_key(|i| (i.day, i.work.start, i.request_id));
    let mut invoices: BTreeMap<Uuid, Vec<Line>> = BTreeMap::new();
    let mut statements: BTreeMap<Uuid, (Engagement, Vec<Line>)> = BTreeMap::new();
    let mut without_tariff = Vec::new();
    for item in items {
        if item.invoiced && item.paid {
            continue;
        }
        let Some(tariff) = find(tariffs, item.category, item.mode, item.day) else {
            without_tariff.push(item.request_id);
            continue;
        };
        if !item.invoiced {
            invoices
                .entry(item.institution_id)
                .or_default()
                .push(line(item, price(&tariff.client, &item.work)));
        }
        if let (false, Some((mediator, engagement))) = (item.paid, item.mediator) {
            let mut p = price(&tariff.mediator, &item.work);
            if engagement == Engagement::Employee {
                p = Priced {
                    time_cents: 0,
                    surcharge_cents: 0,
                    travel_cents: 0,
                    total_cents: 0,
                    ..p
                };
            }
            statements
                .entry(mediator)
                .or_insert_with(|| (engagement, Vec::new()))
                .1
                .push(line(item, p));
        }
    }
    RunDraft {
        invoices: invoices
            .into_iter()
            .map(|(institution_id, lines)| {
                let net_cents = lines.iter().map(|l| l.priced.total_cents).sum();
                let vat_cents = vat.on(net_cents);
                InvoiceDraft {
                    institution_id,
                    net_cents,
                    vat_cents,
                    total_cents: net_cents + vat_cents,
                    lines,
                }
            })
            .collect(),
        statements: statements
            .into_iter()
            .map(|(mediator_id, (engagement, lines))| {
                let total_cents: i64 = lines.iter().map(|l| l.priced.total_cents).sum();
                let year_to_date_cents =
                    year.paid_cents.get(&mediator_id).copied().unwrap_or(0) + total_cents;
                StatementDraft {
                    mediator_id,
                    engagement,
                    total_cents,
                    year_to_date_cents,
                    allowance_left_cents: (engagement == Engagement::Volunteer)
                        .then(|| year.allowance_cents - year_to_date_cents),
                    lines,
                }
            })
            .collect(),
        without_tariff,
    }
}

/// The billable kind of a request's end: a completed assignment, a late (billable)
/// cancellation, or nothing.
pub fn kind_of(
    status: crate::request::Status,
    billable: bool,
    timesheet_confirmed: bool,
) -> Option<Kind> {
    use crate::request::Status;
    match status {
        Status::Completed if timesheet_confirmed => Some(Kind::Assignment),
        Status::Cancelled if billable => Some(Kind::LateCancellation),
        _ => None,
    }
}
