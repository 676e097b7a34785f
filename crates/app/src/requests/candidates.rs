//! Who can take a request: the pool, ranked by the domain's matching rules.

use super::*;

/// A ranked candidate or an excluded mediator with every reason.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub mediator_id: Uuid,
    pub name: String,
    pub phone: String,
    pub score: i64,
    pub travel_min: u32,
    pub continuity: bool,
    pub week_min: u32,
}

/// A mediator the rules exclude, with every reason.
#[derive(Debug, Clone)]
pub struct Excluded {
    pub mediator_id: Uuid,
    pub name: String,
    pub phone: String,
    pub reasons: Vec<Reason>,
}

impl Excluded {
    /// Only the mediator's own wishes stand in the way: they may be invited anyway.
    pub fn wishes_only(&self) -> bool {
        self.reasons.iter().all(|r| r.is_wish())
    }

    /// Speaks the language, but another rule excludes them.
    pub fn near_miss(&self) -> bool {
        !self.reasons.contains(&Reason::Language)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub candidates: Vec<Candidate>,
    /// Near-misses first: wishes only, then those who speak the language (fewest reasons
    /// first), then the rest.
    pub excluded: Vec<Excluded>,
}

/// The matching view of a stored request.
fn need_of(row: &RequestRow, places: &HashMap<Uuid, Point>) -> Result<Need> {
    let local = row.start_at.0.to_zoned(zone());
    let mode =
        Mode::parse(&row.mode).ok_or_else(|| AppError::Internal(format!("mode {}", row.mode)))?;
    let sector = Sector::parse(&row.sector)
        .ok_or_else(|| AppError::Internal(format!("sector {}", row.sector)))?;
    let gender = match (
        row.gender_pref.as_str(),
        row.gender.as_deref().and_then(Gender::parse),
    ) {
        ("wish", Some(g)) => GenderPreference::Wish(g),
        ("must", Some(g)) => GenderPreference::Must(g),
        _ => GenderPreference::None,
    };
    let start_min =
        u32::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute())).unwrap_or(0);
    Ok(Need {
        id: row.id,
        language: row.language.clone(),
        sector,
        gender,
        location: request::location(mode, row.place_id.and_then(|p| places.get(&p).copied())),
        date: local.date(),
        weekday: u8::try_from(local.weekday().to_monday_one_offset()).unwrap_or(1),
        start_min,
        duration_min: u32::try_from(row.duration_min).unwrap_or(0),
        excluded: row.excluded()?,
        preferred: row.preferred_mediator_id,
    })
}

pub(crate) fn booked(row: &RequestRow, places: &HashMap<Uuid, Point>) -> Result<Booked> {
    let n = need_of(row, places)?;
    Ok(Booked {
        start_min: n.start_min,
        duration_min: n.duration_min,
        location: n.location,
    })
}

/// Everything matching needs for one request: the need, the pool, each mediator's day.
pub(super) struct Pool {
    pub(super) need: Need,
    /// Every mediator of the tenant; inactive ones are skipped when ranking.
    pub(super) mediators: std::sync::Arc<Vec<Mediator>>,
    pub(super) days: HashMap<Uuid, Vec<Booked>>,
    pub(super) week: HashMap<Uuid, u32>,
}

pub(super) async fn pool(app: &App, tenant: Uuid, row: &RequestRow) -> Result<Pool> {
    let places = crate::cache::places(app, tenant).await?;
    let need = need_of(row, &places)?;
    let mut days: HashMap<Uuid, Vec<Booked>> = HashMap::new();
    for r in db::booked_on(&app.db, tenant, &row.local_date, None).await? {
        if r.id == row.id {
            continue;
        }
        if let Some(m) = r.mediator_id {
            days.entry(m).or_default().push(booked(&r, &places)?);
        }
    }
    let monday = need
        .date
        .checked_sub(SignedDuration::from_hours(
            24 * i64::from(need.weekday.saturating_sub(1)),
        ))
        .unwrap_or(need.date);
    let sunday = monday
        .checked_add(SignedDuration::from_hours(24 * 6))
        .unwrap_or(need.date);
    let week = db::booked_minutes(&app.db, tenant, &monday.to_string(), &sunday.to_string())
        .await?
        .into_iter()
        .map(|(m, min)| (m, u32::try_from(min).unwrap_or(u32::MAX)))
        .collect();
    let mediators = crate::cache::pool(app, tenant).await?;
    Ok(Pool {
        need,
        mediators,
        days,
        week,
    })
}

pub(super) fn rank(p: &Pool) -> Candidates {
    let mut out = Candidates::default();
    for m in p.mediators.iter().filter(|m| m.active) {
        let day = p.days.get(&m.id).map(Vec::as_slice).unwrap_or(&[]);
        match matching::check(m, &p.need, day) {
            Ok(fit) => {
                let week_min = p.week.get(&m.id).copied().unwrap_or(0);
                out.candidates.push(Candidate {
                    mediator_id: m.id,
                    name: m.name.clone(),
                    phone: m.phone.clone(),
                    score: matching::score(&fit, week_min),
                    travel_min: fit.travel_min,
                    continuity: fit.continuity,
                    week_min,
                });
            }
            Err(reasons) => out.excluded.push(Excluded {
                mediator_id: m.id,
                name: m.name.clone(),
                phone: m.phone.clone(),
                reasons,
            }),
        }
    }
    out.candidates
        .sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    out.excluded.sort_by(|a, b| {
        (!a.wishes_only(), !a.near_miss(), a.reasons.len(), &a.name).cmp(&(
            !b.wishes_only(),
            !b.near_miss(),
            b.reasons.len(),
            &b.name,
        ))
    });
    out
}

pub async fn candidates(app: &App, actor: &Actor, id: Uuid) -> Result<Candidates> {
    let row = load(app, actor, id).await?;
    actor.require(Action::RunMediation)?;
    Ok(rank(&pool(app, actor.tenant_id, &row).await?))
}

/// Checks one mediator against the request: `Ok` or 409 with the reasons. With
/// `waive_wishes`, the mediator's own wishes (weekly times, workload) do not count.
pub(super) async fn check_one(
    app: &App,
    tenant: Uuid,
    row: &RequestRow,
    mediator: Uuid,
    waive_wishes: bool,
) -> Result<()> {
    let p = pool(app, tenant, row).await?;
    let Some(m) = p.mediators.iter().find(|m| m.id == mediator && m.active) else {
        return Err(AppError::Invalid(FieldErrors::single(
            "mediator_id",
            "unknown",
        )));
    };
    let day = p.days.get(&m.id).map(Vec::as_slice).unwrap_or(&[]);
    match matching::check(m, &p.need, day) {
        Ok(_) => Ok(()),
        Err(reasons) if waive_wishes && reasons.iter().all(|r| r.is_wish()) => Ok(()),
        Err(reasons) => Err(AppError::Unavailable(reasons)),
    }
}
