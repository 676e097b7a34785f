//! Imported history: past appointments as they ended, written at once (the demo's year
//! of figures and the benchmarks' large months). Invented, deterministic from a seed.

use crate::local_time::zone;
use crate::{Actor, App, Result};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use mittler_db::requests::{NewRequest, PastEnd, insert_past};
use mittler_domain::Action;
use mittler_domain::billing::Month;
use mittler_domain::request::Status;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use uuid::Uuid;

/// What to import.
#[derive(Debug, Clone, Copy)]
pub struct PastSpec {
    pub first: Month,
    pub months: u32,
    pub per_month: u32,
    pub seed: u64,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, v: &'a [T]) -> Option<&'a T> {
    if v.is_empty() {
        None
    } else {
        v.get(rng.next_u32() as usize % v.len())
    }
}

fn percent(rng: &mut ChaCha8Rng) -> u32 {
    rng.next_u32() % 100
}

/// Writes `per_month` past requests for each month: most completed with a confirmed time
/// sheet, some cancelled (half of them late), some left unfilled. Returns how many.
pub async fn import(app: &App, admin: &Actor, spec: &PastSpec) -> Result<usize> {
    admin.require(Action::ChangeSettings)?;
    let tenant = admin.tenant_id;
    let institutions = mittler_db::institutions::list(&app.db, tenant).await?;
    let mediators: Vec<_> = mittler_db::mediators::list(&app.db, tenant)
        .await?
        .into_iter()
        .filter(|m| m.active && !m.languages.is_empty())
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let tz = zone();
    let sectors = [
        "authority",
        "medical",
        "psychotherapy",
        "school",
        "social",
        "court",
    ];
    // Languages asked for that the pool may not speak: the unmet demand of the reports.
    let rare = ["tir", "som", "pus", "ckb"];
    let mut month = spec.first;
    let mut written = 0;
    for _ in 0..spec.months {
        let days: Vec<Date> = (0..31)
            .filter_map(|d| {
                month
                    .first_day()
                    .checked_add(jiff::Span::new().days(d))
                    .ok()
            })
            .filter(|d| Month::of(*d) == month && d.weekday().to_monday_one_offset() <= 5)
            .collect();
        let mut rows = Vec::new();
        for _ in 0..spec.per_month {
            let (Some(inst), Some(day)) = (pick(&mut rng, &institutions), pick(&mut rng, &days))
            else {
                break;
            };
            let m = pick(&mut rng, &mediators);
            let place = inst.places.first().map(|p| p.id);
            let mode = match (place, percent(&mut rng)) {
                (Some(_), 0..=69) => "onsite",
                (_, 70..=84) => "phone",
                _ => "video",
            };
            let place = if mode == "onsite" { place } else { None };
            let hour = 8 + (rng.next_u32() % 8) as i8;
            let minute = if rng.next_u32().is_multiple_of(2) {
                0
            } else {
                30
            };
            let start = day
                .at(hour, minute, 0, 0)
                .to_zoned(tz.clone())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::UNIX_EPOCH);
            let duration: i32 = if rng.next_u32().is_multiple_of(3) {
                90
            } else {
                60
            };
            let lead_h = i64::from(rng.next_u32() % 400) + 4;
            let created = start
                .checked_sub(SignedDuration::from_hours(lead_h))
                .unwrap_or(start);
            let roll = percent(&mut rng);
            let (language, mediator) = match m {
                Some(m) if roll < 90 => {
                    // The languages asked for: any but German.
                    let asked: Vec<String> = m
                        .languages
                        .iter()
                        .map(|l| l.code.to_string())
                        .filter(|c| c != "deu")
                        .collect();
                    match pick(&mut rng, &asked) {
                        Some(l) => (l.clone(), Some(m)),
                        None => ((*pick(&mut rng, &rare).unwrap_or(&"tir")).to_owned(), None),
                    }
                }
                _ => ((*pick(&mut rng, &rare).unwrap_or(&"tir")).to_owned(), None),
            };
            let sector = m
                .and_then(|m| pick(&mut rng, &m.sectors).map(|s| s.as_str()))
                .unwrap_or(*pick(&mut rng, &sectors).unwrap_or(&"authority"));
            let end = match (roll, mediator) {
                (0..=79, Some(m)) => {
                    let worked = i64::from(duration) + i64::from(rng.next_u32() % 31) - 10;
                    let ts_end = start
                        .checked_add(SignedDuration::from_mins(worked))
                        .unwrap_or(start);
                    let onsite = mode == "onsite";
                    PastEnd {
                        status: Status::Completed,
                        mediator_id: Some(m.id),
                        created_at: created,
                        billable: false,
                        cancelled_by: None,
                        timesheet: Some((
                            start,
                            ts_end,
                            (rng.next_u32() % 11) as i32,
                            if onsite {
                                15 + (rng.next_u32() % 30) as i32
                            } else {
                                0
                            },
                            if onsite {
                                30 + i64::from(rng.next_u32() % 220)
                            } else {
                                0
                            },
                        )),
                    }
                }
                (80..=87, Some(m)) => PastEnd {
                    status: Status::Cancelled,
                    mediator_id: Some(m.id),
                    created_at: created,
                    billable: roll.is_multiple_of(2),
                    cancelled_by: Some("institution"),
                    timesheet: None,
                },
                _ => PastEnd {
                    status: Status::Unfilled,
                    mediator_id: None,
                    created_at: created,
                    billable: false,
                    cancelled_by: None,
                    timesheet: None,
                },
            };
            let local_date = start.to_zoned(tz.clone()).date().to_string();
            rows.push((
                NewRequest {
                    id: Uuid::new_v4(),
                    series: None,
                    institution_id: inst.id,
                    place_id: place,
                    mode,
                    language,
                    sector: mittler_domain::mediator::Sector::parse(sector)
                        .map(|s| s.as_str())
                        .unwrap_or("authority"),
                    start_at: start,
                    duration_min: duration,
                    local_date,
                    gender_pref: "none",
                    gender: None,
                    priority: 1,
                    client_ref: format!("K-{:05}", rng.next_u32() % 100_000),
                    preferred_mediator_id: None,
                    excluded: Vec::new(),
                    notes: None,
                    created_by: Some(admin.user_id),
                },
                end,
            ));
        }
        let mut tx = app.db.begin().await?;
        insert_past(&mut tx, tenant, &rows).await?;
        tx.commit().await?;
        written += rows.len();
        month = month.next();
    }
    Ok(written)
}
