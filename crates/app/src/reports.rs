//! Reports for the council and the funder: the summary of `billing.md` by language,
//! sector, category, mode, month, institution or the mediator's gender, with the unmet
//! demand and its reasons. Amounts are those the tariffs give, whatever became of invoices.

use crate::local_time::zone;
use crate::{Actor, App, AppError, Result};
use jiff::civil::Date;
use mittler_db::billing as db;
use mittler_domain::billing::price::{Kind, Work};
use mittler_domain::institution::Category;
use mittler_domain::report::{self, By, Fact, Summary};
use mittler_domain::request::{Mode, Status};
use mittler_domain::{Action, FieldErrors};

pub use mittler_domain::report::{By as Dimension, Summary as ReportSummary};

/// The longest period one report covers.
pub const MAX_DAYS: i32 = 3 * 366;

fn invalid(field: &str, reason: &'static str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, reason))
}

/// Checks a period and a dimension as given in the query.
pub fn parse(from: Option<&str>, to: Option<&str>, by: Option<&str>) -> Result<(Date, Date, By)> {
    let day = |field: &str, v: Option<&str>| -> Result<Date> {
        let v = v
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| invalid(field, "required"))?;
        match v.parse::<Date>() {
            Ok(d) if v.len() == 10 && (2000..=2100).contains(&d.year()) => Ok(d),
            _ => Err(invalid(field, "invalid")),
        }
    };
    let from = day("from", from)?;
    let to = day("to", to)?;
    if to < from {
        return Err(invalid("to", "before-start"));
    }
    if (to - from).get_days() > MAX_DAYS {
        return Err(invalid("to", "too-long"));
    }
    let by = match by.map(str::trim).filter(|b| !b.is_empty()) {
        None => By::Language,
        Some(b) => By::parse(b).ok_or_else(|| invalid("by", "invalid"))?,
    };
    Ok((from, to, by))
}

/// The summary of a period (admins and coordinators).
pub async fn summary(app: &App, actor: &Actor, from: Date, to: Date, by: By) -> Result<Summary> {
    actor.require(Action::CloseMonth)?;
    let tenant = actor.tenant_id;
    let rows = db::report_rows(&app.db, tenant, from, to).await?;
    let tariffs = db::tariffs(&app.db, tenant).await?;
    let spoken = db::spoken(&app.db, tenant).await?;
    let funds = db::funds(&app.db, tenant).await?;
    let institutions = mittler_db::institutions::list(&app.db, tenant).await?;
    let categories: std::collections::HashMap<uuid::Uuid, Category> =
        institutions.iter().map(|i| (i.id, i.category)).collect();
    let names: std::collections::HashMap<uuid::Uuid, String> = if by == By::Institution {
        institutions.into_iter().map(|i| (i.id, i.name)).collect()
    } else {
        Default::default()
    };
    let genders = if by == By::Gender {
        db::mediator_genders(&app.db, tenant).await?
    } else {
        Default::default()
    };
    let tz = zone();
    let mut facts = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(status), Some(category), Some(mode), Ok(day)) = (
            Status::parse(&r.status),
            categories.get(&r.institution_id).copied(),
            Mode::parse(&r.mode),
            r.local_date.parse::<Date>(),
        ) else {
            return Err(AppError::Internal(format!(
                "stored request of {}",
                r.local_date
            )));
        };
        let kind =
            mittler_domain::billing::run::kind_of(status, r.billable, r.ts_status == "confirmed");
        let work = kind.map(|kind| {
            let (start, minutes) = match (kind, r.ts_start, r.ts_end) {
                (Kind::Assignment, Some(s), Some(e)) => (
                    s.0,
                    mittler_domain::billing::price::worked_minutes(
                        s.0.as_second(),
                        e.0.as_second(),
                        i64::from(r.ts_waiting_min.unwrap_or(0)),
                    ),
                ),
                _ => (r.start_at.0, i64::from(r.duration_min)),
            };
            Work {
                kind,
                start: start.to_zoned(tz.clone()).datetime(),
                minutes,
                onsite: mode == Mode::Onsite,
                travel_km_tenths: r.ts_travel_km_tenths.unwrap_or(0),
                travel_min: i64::from(r.ts_travel_min.unwrap_or(0)),
            }
        });
        let lead_h = (r.start_at.0.as_second() - r.created_at.0.as_second()) as f64 / 3600.0;
        // Unfunded: the centre has funds, but none of them pays for such a request at all
        // (rules and period; the budget of that day is not known afterwards).
        let unfunded = !funds.is_empty()
            && r.fund_id.is_none()
            && !funds.iter().any(|f| {
                mittler_domain::mediator::Sector::parse(&r.sector).is_some_and(|sector| {
                    f.matches(&mittler_domain::billing::fund::Need {
                        sector,
                        category,
                        mode,
                        language: &r.language,
                        day,
                        cents: 0,
                    })
                })
            });
        let reason = (status == Status::Unfilled)
            .then(|| report::reason(spoken.contains(&r.language), lead_h, unfunded));
        facts.push(Fact {
            language: r.language,
            sector: r.sector,
            category,
            mode,
            day,
            institution: if by == By::Institution {
                names.get(&r.institution_id).cloned().unwrap_or_default()
            } else {
                String::new()
            },
            gender: r
                .mediator_id
                .and_then(|m| genders.get(&m).cloned())
                .unwrap_or_else(|| {
                    if by == By::Gender {
                        "none".into()
                    } else {
                        String::new()
                    }
                }),
            status: r.status,
            billable: r.billable,
            lead_h,
            work,
            reason,
        });
    }
    Ok(report::summarise(&facts, by, &tariffs))
}
