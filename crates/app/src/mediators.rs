//! Mediators: the centre manages the pool; a mediator keeps their own schedule current.

use crate::{Actor, App, AppError, Result};
use mittler_db::mediators;
use mittler_domain::audit::AuditAction;
use mittler_domain::mediator::{
    AbsenceInput, Mediator, MediatorInput, SkillInput, WindowInput, format_hhmm, validate_absences,
    validate_windows,
};
use mittler_domain::{Action, FieldErrors};
use uuid::Uuid;

/// The pool, for those who run it, filtered by name, e-mail, language (code or name) or
/// sector. A mediator reads their own profile by its id, not through the pool.
pub async fn list(
    app: &App,
    actor: &Actor,
    query: &str,
    include_inactive: bool,
) -> Result<Vec<Mediator>> {
    crate::audit::read(app, actor, "mediator-list", None, async {
        list_unaudited(app, actor, query, include_inactive).await
    })
    .await
}

async fn list_unaudited(
    app: &App,
    actor: &Actor,
    query: &str,
    include_inactive: bool,
) -> Result<Vec<Mediator>> {
    actor.require(Action::RunMediation)?;
    let all = mediators::list(&app.db, actor.tenant_id).await?;
    let q = query.trim().to_lowercase();
    let langs: Vec<&str> = if q.is_empty() {
        Vec::new()
    } else {
        mittler_domain::language::search(&q, 50)
            .into_iter()
            .map(|l| l.code)
            .collect()
    };
    Ok(all
        .into_iter()
        .filter(|m| include_inactive || m.active)
        .filter(|m| {
            q.is_empty()
                || m.name.to_lowercase().contains(&q)
                || m.email.contains(&q)
                || m.sectors.iter().any(|s| s.as_str() == q)
                || m.languages.iter().any(|l| langs.contains(&l.code.as_str()))
        })
        .collect())
}

fn may_see(actor: &Actor, id: Uuid) -> bool {
    actor.may(Action::RunMediation)
        || (actor.may(Action::ServeAsMediator) && actor.mediator_id == Some(id))
}

/// A mediator's profile (read audited).
pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<Mediator> {
    crate::audit::read(app, actor, "mediator", Some(id), async {
        if !may_see(actor, id) {
            return Err(AppError::NotFound);
        }
        Ok(mediators::get(&app.db, actor.tenant_id, id).await?)
    })
    .await
}

/// The mediator, if the actor may change the whole profile (404 when it may not even see it, else 403).
pub async fn get_for_change(app: &App, actor: &Actor, id: Uuid) -> Result<Mediator> {
    let current = get(app, actor, id).await?;
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    Ok(current)
}

pub async fn create(app: &App, actor: &Actor, input: &MediatorInput) -> Result<Uuid> {
    crate::cache::forget(app, actor.tenant_id);
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let d = input.validate()?;
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "mediator",
        None,
        serde_json::json!({ "name": d.name }),
    );
    Ok(mediators::create(&app.db, actor.tenant_id, &d, now, &entry).await?)
}

/// The raw input that reproduces a stored mediator (the start of an edit form or a PATCH).
pub fn to_input(m: &Mediator) -> MediatorInput {
    MediatorInput {
        name: m.name.clone(),
        email: m.email.clone(),
        phone: m.phone.clone(),
        gender: m.gender.as_str().into(),
        languages: m
            .languages
            .iter()
            .map(|l| SkillInput {
                code: l.code.to_string(),
                level: l.level.as_str().into(),
            })
            .collect(),
        sectors: m.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
        home_lat: Some(m.home.lat),
        home_lon: Some(m.home.lon),
        remote: m.remote,
        speed_kmh: Some(i64::from(m.speed_kmh)),
        max_work_min_per_day: Some(i64::from(m.max_work_min_per_day)),
        availability: m
            .availability
            .iter()
            .map(|w| WindowInput {
                weekday: i64::from(w.weekday),
                start: format_hhmm(w.start_min),
                end: format_hhmm(w.end_min),
            })
            .collect(),
        absences: m
            .absences
            .iter()
            .map(|a| AbsenceInput {
                from: a.from.to_string(),
                to: a.to.to_string(),
            })
            .collect(),
        qualified_on: m.qualified_on.map(|d| d.to_string()),
        pledge_signed_on: m.pledge_signed_on.map(|d| d.to_string()),
    }
}

/// Replaces the whole profile (coordinators and admins).
pub async fn update(app: &App, actor: &Actor, id: Uuid, input: &MediatorInput) -> Result<Mediator> {
    crate::cache::forget(app, actor.tenant_id);
    get(app, actor, id).await?;
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let d = input.validate()?;
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "mediator",
        Some(id),
        serde_json::json!({ "name": d.name }),
    );
    mediators::update(&app.db, actor.tenant_id, id, &d, now, &entry).await?;
    Ok(mediators::get(&app.db, actor.tenant_id, id).await?)
}

/// Replaces weekly availability and absences: the mediator themself, or the centre.
pub async fn set_schedule(
    app: &App,
    actor: &Actor,
    id: Uuid,
    availability: &[WindowInput],
    absences: &[AbsenceInput],
) -> Result<Mediator> {
    crate::cache::forget(app, actor.tenant_id);
    get(app, actor, id).await?;
    let mut e = FieldErrors::new();
    let windows = validate_windows(&mut e, availability);
    let absences = validate_absences(&mut e, absences);
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let now = app.now();
    let detail = serde_json::json!({ "availability": windows.len(), "absences": absences.len() });
    let entry = actor.audit(now, AuditAction::Update, "mediator", Some(id), detail);
    mediators::set_schedule(
        &app.db,
        actor.tenant_id,
        id,
        &windows,
        &absences,
        now,
        &entry,
    )
    .await?;
    Ok(mediators::get(&app.db, actor.tenant_id, id).await?)
}

pub async fn set_active(app: &App, actor: &Actor, id: Uuid, active: bool) -> Result<()> {
    crate::cache::forget(app, actor.tenant_id);
    get(app, actor, id).await?;
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let now = app.now();
    let action = if active {
        AuditAction::Update
    } else {
        AuditAction::Deactivate
    };
    let entry = actor.audit(
        now,
        action,
        "mediator",
        Some(id),
        serde_json::json!({ "active": active }),
    );
    Ok(mediators::set_active(&app.db, actor.tenant_id, id, active, now, &entry).await?)
}
