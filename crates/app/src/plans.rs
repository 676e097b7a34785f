//! A day of the tenant as a planning instance (`plan-format.md`): the open requests of a
//! local date and the active mediators as they are that day.

use crate::{Actor, App, AppError, Result};
use mittler_planner::instance::{AppointmentIn, Instance, MediatorIn, Travel};

/// The planning instance of a local date: every open request, every active mediator with
/// the windows of that weekday (none when absent).
pub async fn instance_for(app: &App, actor: &Actor, date: jiff::civil::Date) -> Result<Instance> {
    if !actor.role.manages_mediation() {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant_id;
    let tz = crate::requests::zone();
    let from = date
        .to_zoned(tz.clone())
        .map_err(|e| AppError::Internal(e.to_string()))?
        .timestamp();
    let to = date
        .checked_add(jiff::Span::new().days(1))
        .and_then(|d| d.to_zoned(tz.clone()))
        .map_err(|e| AppError::Internal(e.to_string()))?
        .timestamp();
    let filter = mittler_db::requests::Filter {
        status: Some(mittler_domain::request::Status::Open),
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let rows = mittler_db::requests::list(&app.db, tenant, &filter, 100_000).await?;
    let places = crate::cache::places(app, tenant).await?;
    let pool = crate::cache::pool(app, tenant).await?;
    let weekday = u8::try_from(date.weekday().to_monday_one_offset()).unwrap_or(1);
    let mediators = pool
        .iter()
        .filter(|m| m.active)
        .map(|m| {
            let absent = m.absences.iter().any(|a| a.from <= date && date <= a.to);
            MediatorIn {
                id: m.id.to_string(),
                languages: m.languages.iter().map(|l| l.code.to_string()).collect(),
                gender: m.gender.as_str().to_owned(),
                home: [m.home.lat, m.home.lon],
                speed_kmh: f64::from(m.speed_kmh),
                available: if absent {
                    Vec::new()
                } else {
                    m.availability
                        .iter()
                        .filter(|w| w.weekday == weekday)
                        .map(|w| [u32::from(w.start_min), u32::from(w.end_min)])
                        .collect()
                },
                max_work_min: u32::from(m.max_work_min_per_day),
                sectors: m.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
                remote: m.remote,
            }
        })
        .collect();
    let appointments = rows
        .iter()
        .map(|r| {
            let local = r.start_at.0.to_zoned(tz.clone());
            let onsite = r.mode == "onsite";
            AppointmentIn {
                id: r.id.to_string(),
                language: r.language.clone(),
                start_min: u32::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute()))
                    .unwrap_or(0),
                duration_min: u32::try_from(r.duration_min).unwrap_or(0),
                location: if onsite {
                    r.place_id
                        .and_then(|p| places.get(&p))
                        .map(|p| [p.lat, p.lon])
                } else {
                    None
                },
                sector: r.sector.clone(),
                // A wish only ranks; the planning rules know the must.
                gender: if r.gender_pref == "must" {
                    r.gender.clone()
                } else {
                    None
                },
                priority: u32::try_from(r.priority).unwrap_or(1),
                excluded: r
                    .excluded()
                    .unwrap_or_default()
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                preferred: r.preferred_mediator_id.map(|p| p.to_string()),
            }
        })
        .collect();
    Ok(Instance {
        format: "mittler-plan-instance/1".into(),
        name: format!("{}-{date}", actor.tenant_id),
        travel: Travel {
            detour_factor: mittler_domain::matching::DETOUR_FACTOR,
            buffer_min: mittler_domain::matching::BUFFER_MIN,
        },
        mediators,
        appointments,
    })
}
