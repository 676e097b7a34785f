//! A day of the tenant as a planning instance (`plan-format.md`): the open requests of a
//! local date and the active mediators as they are that day.

use crate::{Actor, App, AppError, Result};
use mittler_domain::{Action, FieldErrors};
use mittler_planner::instance::{AppointmentIn, Instance, MediatorIn, Travel};
use uuid::Uuid;

/// The planning instance of a local date: every open request, every active mediator with
/// the windows of that weekday (none when absent).
pub async fn instance_for(app: &App, actor: &Actor, date: jiff::civil::Date) -> Result<Instance> {
    Ok(day(app, actor, date, None).await?.0)
}

/// A confirmed assignment a re-planning may move: (request, its mediator now, the
/// request's version).
pub type Current = (Uuid, Uuid, i32);

/// The instance of a day; when re-planning (`without` given), the mediators named are out
/// and every confirmed assignment not yet begun is an appointment again, with its mediator
/// as the preferred one (moving it costs a continuity break); begun ones stay.
async fn day(
    app: &App,
    actor: &Actor,
    date: jiff::civil::Date,
    without: Option<&[Uuid]>,
) -> Result<(Instance, Vec<Current>)> {
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant_id;
    let tz = crate::local_time::zone();
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
    // Confirmed assignments stay: their time is taken out of the mediator's windows
    // (`matching::free_windows`) and their minutes out of the daily limit.
    let mut booked: std::collections::HashMap<uuid::Uuid, Vec<(u32, u32)>> = Default::default();
    let out = without.unwrap_or(&[]);
    let mut current = Vec::new();
    let mut movable = Vec::new();
    for r in mittler_db::requests::booked_on(&app.db, tenant, &date.to_string(), None).await? {
        if let Some(m) = r.mediator_id {
            if without.is_some() && r.status == "confirmed" && r.start_at.0 > app.now() {
                current.push((r.id, m, r.version));
                movable.push((r, m));
                continue;
            }
            let local = r.start_at.0.to_zoned(tz.clone());
            let start = u32::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute()))
                .unwrap_or(0);
            booked
                .entry(m)
                .or_default()
                .push((start, start + u32::try_from(r.duration_min).unwrap_or(0)));
        }
    }
    let mediators: Vec<MediatorIn> = pool
        .iter()
        .filter(|m| m.active && !out.contains(&m.id))
        .map(|m| MediatorIn {
            id: m.id.to_string(),
            languages: m.languages.iter().map(|l| l.code.to_string()).collect(),
            gender: m.gender.as_str().to_owned(),
            home: [m.home.lat, m.home.lon],
            speed_kmh: f64::from(m.speed_kmh),
            available: mittler_domain::matching::free_windows(
                m,
                date,
                weekday,
                booked.get(&m.id).map(Vec::as_slice).unwrap_or(&[]),
            ),
            max_work_min: u32::from(m.max_work_min_per_day).saturating_sub(
                booked
                    .get(&m.id)
                    .map(|b| b.iter().map(|(s, e)| e - s).sum())
                    .unwrap_or(0),
            ),
            sectors: m.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
            remote: m.remote,
        })
        .collect();
    // Whoever declined a request or dropped out of it is not proposed for it again.
    let mut refused: std::collections::HashMap<uuid::Uuid, Vec<String>> = Default::default();
    for (req, med) in mittler_db::requests::refusals_on(&app.db, tenant, &date.to_string()).await? {
        refused.entry(req).or_default().push(med.to_string());
    }
    let planned: std::collections::HashSet<&str> =
        mediators.iter().map(|m| m.id.as_str()).collect();
    let appointment = |r: &mittler_db::requests::RequestRow, preferred: Option<Uuid>| {
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
                .chain(refused.get(&r.id).into_iter().flatten().cloned())
                .collect(),
            // Only a mediator of the day counts (one who is out or inactive cannot be kept).
            preferred: preferred
                .map(|p| p.to_string())
                .filter(|p| planned.contains(p.as_str())),
        }
    };
    let appointments = rows
        .iter()
        .map(|r| appointment(r, r.preferred_mediator_id))
        .chain(movable.iter().map(|(r, m)| {
            let keep = if out.contains(m) {
                r.preferred_mediator_id
            } else {
                Some(*m)
            };
            appointment(r, keep)
        }))
        .collect();
    let inst = Instance {
        format: "mittler-plan-instance/1".into(),
        name: format!("{}-{date}", actor.tenant_id),
        travel: Travel {
            detour_factor: mittler_domain::matching::DETOUR_FACTOR,
            buffer_min: mittler_domain::matching::BUFFER_MIN,
        },
        mediators,
        appointments,
    };
    Ok((inst, current))
}

/// The days from `from` on (two weeks) that have open requests: (date, count).
pub async fn open_days(
    app: &App,
    actor: &Actor,
    from: jiff::civil::Date,
) -> Result<Vec<(jiff::civil::Date, i64)>> {
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let to = from
        .checked_add(jiff::Span::new().days(14))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(mittler_db::requests::open_days(
        &app.db,
        actor.tenant_id,
        &from.to_string(),
        &to.to_string(),
    )
    .await?
    .into_iter()
    .filter_map(|(d, n)| Some((d.parse().ok()?, n)))
    .collect())
}

/// A proposal of the planner for a date.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Proposal {
    pub id: uuid::Uuid,
    pub date: String,
    /// (request, mediator, the request's version when planned).
    pub assignments: Vec<(uuid::Uuid, uuid::Uuid, i32)>,
    pub unassigned: Vec<uuid::Uuid>,
    pub cost: u64,
    /// What the cost is made of (stored proposals from before read as `[weight, travel, breaks]`).
    #[serde(default)]
    pub parts: mittler_planner::Costs,
    /// No plan of the day costs less (the planner's proof; `None` from before, or when the
    /// day was too large to bound).
    #[serde(default)]
    pub lower_bound: Option<u64>,
    /// A re-planning: the mediators out for the day.
    #[serde(default)]
    pub without: Vec<Uuid>,
    /// A re-planning: the confirmed assignments it was free to move.
    #[serde(default)]
    pub current: Vec<Current>,
}

impl Proposal {
    /// How far the plan may be from the best possible, in percent of the bound (0 when
    /// proven optimal); `None` without a bound.
    pub fn gap_pct(&self) -> Option<f64> {
        let lb = self.lower_bound?;
        Some(if self.cost <= lb || lb == 0 {
            0.0
        } else {
            (self.cost - lb) as f64 * 100.0 / lb as f64
        })
    }

    /// The mediator a confirmed request has now, in a re-planning.
    pub fn current_of(&self, request: Uuid) -> Option<Uuid> {
        self.current
            .iter()
            .find(|(r, _, _)| *r == request)
            .map(|(_, m, _)| *m)
    }

    /// Whether the plan leaves this request with the mediator it has (no invitation).
    pub fn unchanged(&self, request: Uuid, mediator: Uuid) -> bool {
        self.current_of(request) == Some(mediator)
    }
}

/// Planning runs one process makes at once: each takes both cores for up to 30 s.
pub const MAX_CONCURRENT_RUNS: usize = 1;

impl App {
    /// A place for one planning run, or 429 while the process is busy with others.
    pub fn planning_slot(&self, seconds: f64) -> Result<tokio::sync::OwnedSemaphorePermit> {
        self.planning
            .clone()
            .try_acquire_owned()
            .map_err(|_| AppError::TooMany {
                retry_after_secs: seconds.ceil().clamp(1.0, 30.0) as i64,
            })
    }
}

/// Plans the open requests of a date (confirmed ones stay) and keeps the proposal.
pub async fn propose(
    app: &App,
    actor: &Actor,
    date: jiff::civil::Date,
    seconds: f64,
) -> Result<Proposal> {
    propose_day(app, actor, date, seconds, None).await
}

/// Plans a day that has started anew: the mediators in `without` are out; appointments
/// already begun stay; every other confirmed assignment may move, at the cost of a
/// continuity break, so the plan changes only where it must.
pub async fn replan(
    app: &App,
    actor: &Actor,
    date: jiff::civil::Date,
    seconds: f64,
    without: &[Uuid],
) -> Result<Proposal> {
    actor.require(Action::RunMediation)?;
    let pool = crate::cache::pool(app, actor.tenant_id).await?;
    if without.iter().any(|w| !pool.iter().any(|m| m.id == *w)) {
        return Err(AppError::Invalid(FieldErrors::single(
            "without",
            "unknown-mediator",
        )));
    }
    propose_day(app, actor, date, seconds, Some(without)).await
}

async fn propose_day(
    app: &App,
    actor: &Actor,
    date: jiff::civil::Date,
    seconds: f64,
    without: Option<&[Uuid]>,
) -> Result<Proposal> {
    let (inst, current) = day(app, actor, date, without).await?;
    let _slot = app.planning_slot(seconds)?;
    let opts = mittler_planner::Options {
        time_limit: std::time::Duration::from_secs_f64(seconds.clamp(0.1, 30.0)),
        seed: 1,
        max_iterations: None,
        threads: 2,
    };
    let solved = tokio::task::spawn_blocking(move || {
        let sol = mittler_planner::solve(&inst, &opts);
        let cost = mittler_planner::evaluate(&inst, &sol);
        let parts = mittler_planner::breakdown(&inst, &sol);
        (sol, cost, parts)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let (sol, cost, parts) = solved;
    let cost = cost.map_err(AppError::Internal)?;
    let mut assignments = Vec::new();
    for a in &sol.assignments {
        let (Ok(r), Ok(m)) = (
            a.appointment.parse::<uuid::Uuid>(),
            a.mediator.parse::<uuid::Uuid>(),
        ) else {
            continue;
        };
        let row = mittler_db::requests::get(&app.db, actor.tenant_id, r).await?;
        assignments.push((r, m, row.version));
    }
    let unassigned = sol
        .unassigned
        .iter()
        .filter_map(|u| u.parse().ok())
        .collect();
    let mut p = Proposal {
        id: uuid::Uuid::nil(),
        date: date.to_string(),
        assignments,
        unassigned,
        cost,
        parts,
        lower_bound: sol.lower_bound,
        without: without.unwrap_or(&[]).to_vec(),
        current,
    };
    let json = serde_json::to_string(&p).map_err(|e| AppError::Internal(e.to_string()))?;
    p.id = mittler_db::plans::create(
        &app.db,
        actor.tenant_id,
        &p.date,
        &json,
        i64::try_from(cost).unwrap_or(i64::MAX),
        app.now(),
    )
    .await?;
    Ok(p)
}

/// Sends the proposal's invitations; 409 when a request changed since it was planned.
pub async fn apply(app: &App, actor: &Actor, id: uuid::Uuid, expires_in_min: i64) -> Result<usize> {
    apply_some(app, actor, id, expires_in_min, None).await
}

/// Applies the proposal with the coordinator's changes: `picks` names, for each request
/// to invite, the mediator (the proposed one or another candidate); rows left out are skipped.
pub async fn apply_picks(
    app: &App,
    actor: &Actor,
    id: uuid::Uuid,
    expires_in_min: i64,
    picks: &[(uuid::Uuid, uuid::Uuid)],
) -> Result<usize> {
    let keep: Vec<uuid::Uuid> = picks.iter().map(|(r, _)| *r).collect();
    apply_with(app, actor, id, expires_in_min, Some(&keep), picks).await
}

/// A stored proposal (coordinators and admins).
pub async fn get(app: &App, actor: &Actor, id: uuid::Uuid) -> Result<(Proposal, bool)> {
    if !actor.may(Action::RunMediation) {
        return Err(AppError::NotFound);
    }
    let row = mittler_db::plans::get(&app.db, actor.tenant_id, id).await?;
    let mut p: Proposal =
        serde_json::from_str(&row.proposal).map_err(|e| AppError::Internal(e.to_string()))?;
    p.id = row.id;
    Ok((p, row.applied_at.is_some()))
}

/// Why nobody could be planned for a request, as a message key: nobody speaks the
/// language, nobody qualified is free then, or all who could are needed elsewhere.
pub async fn unserved_reason(
    app: &App,
    actor: &Actor,
    request: uuid::Uuid,
) -> Result<&'static str> {
    let c = crate::requests::candidates(app, actor, request).await?;
    if !c.candidates.is_empty() {
        return Ok("plan-why-busy");
    }
    use mittler_domain::matching::Reason as R;
    let all = |r: R| !c.excluded.is_empty() && c.excluded.iter().all(|x| x.reasons.contains(&r));
    Ok(if c.excluded.is_empty() {
        "plan-why-nobody"
    } else if all(R::Language) {
        "plan-why-language"
    } else if c.excluded.iter().all(|x| {
        x.reasons.iter().any(|r| {
            matches!(
                r,
                R::Language | R::Sector | R::Gender | R::Remote | R::Excluded
            )
        })
    }) {
        "plan-why-qualified"
    } else {
        "plan-why-unavailable"
    })
}

/// Sends the invitations of the proposal's rows in `keep` (all when `None`).
pub async fn apply_some(
    app: &App,
    actor: &Actor,
    id: uuid::Uuid,
    expires_in_min: i64,
    keep: Option<&[uuid::Uuid]>,
) -> Result<usize> {
    apply_with(app, actor, id, expires_in_min, keep, &[]).await
}

async fn apply_with(
    app: &App,
    actor: &Actor,
    id: uuid::Uuid,
    expires_in_min: i64,
    keep: Option<&[uuid::Uuid]>,
    picks: &[(uuid::Uuid, uuid::Uuid)],
) -> Result<usize> {
    if !actor.may(Action::RunMediation) {
        // Plans are the centre's: other roles cannot see them.
        return Err(AppError::NotFound);
    }
    let row = mittler_db::plans::get(&app.db, actor.tenant_id, id).await?;
    if row.applied_at.is_some() {
        return Err(AppError::Conflict("applied".into()));
    }
    let p: Proposal =
        serde_json::from_str(&row.proposal).map_err(|e| AppError::Internal(e.to_string()))?;
    // Nothing the plan names changed since: open requests still open, and in a re-planning
    // the confirmed ones still with the same mediator.
    let named = p
        .assignments
        .iter()
        .map(|(r, _, v)| (*r, *v))
        .chain(p.current.iter().map(|(r, _, v)| (*r, *v)));
    for (r, version) in named {
        let now = mittler_db::requests::get(&app.db, actor.tenant_id, r).await?;
        let expected = if p.current_of(r).is_some() {
            "confirmed"
        } else {
            "open"
        };
        if now.version != version || now.status != expected {
            return Err(AppError::Conflict("requests changed".into()));
        }
    }
    mittler_db::plans::mark_applied(&app.db, actor.tenant_id, id, app.now()).await?;
    let mut todo = Vec::new();
    for (r, m, _) in &p.assignments {
        if keep.is_some_and(|k| !k.contains(r)) {
            continue;
        }
        let m = picks
            .iter()
            .find(|(x, _)| x == r)
            .map_or(*m, |(_, chosen)| *chosen);
        if !p.unchanged(*r, m) {
            todo.push((*r, m));
        }
    }
    // Moves first give their requests up (the mediators they had are told), so that two
    // mediators may trade appointments; then the invitations go out.
    let mut moved = Vec::new();
    for (r, _) in &todo {
        if p.current_of(*r).is_some() {
            crate::requests::release(app, actor, *r).await?;
            moved.push(*r);
        }
    }
    let mut sent = 0;
    for (r, m) in todo {
        if crate::requests::invite(app, actor, r, &[m], expires_in_min)
            .await
            .is_ok()
        {
            sent += 1;
        }
    }
    // Whoever is out for the day gives up what the plan could not hand on; so does a
    // mediator the plan needed elsewhere, when the whole plan is applied.
    for (r, m, _) in &p.current {
        if p.unassigned.contains(r)
            && !moved.contains(r)
            && (keep.is_none() || p.without.contains(m))
        {
            crate::requests::release(app, actor, *r).await?;
        }
    }
    Ok(sent)
}

/// The requests a plan names, as the inbox shows them; those gone since are left out.
pub async fn request_views(
    app: &App,
    actor: &Actor,
    ids: &[Uuid],
) -> Result<Vec<crate::requests::RequestView>> {
    actor.require(Action::RunMediation)?;
    let mut rows = Vec::new();
    for id in ids {
        match mittler_db::requests::get(&app.db, actor.tenant_id, *id).await {
            Ok(row) => rows.push(row),
            Err(mittler_db::DbError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    crate::requests::views(app, actor.tenant_id, rows).await
}
