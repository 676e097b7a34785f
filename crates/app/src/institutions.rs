//! Institutions: the centre manages them; an institution's users see their own.

use crate::{Actor, App, AppError, Result};
use mittler_db::institutions;
use mittler_domain::Action;
use mittler_domain::audit::AuditAction;
use mittler_domain::institution::{Institution, InstitutionInput};
use uuid::Uuid;

/// Institutions the actor may see, filtered by a search over name, category and addresses.
pub async fn list(
    app: &App,
    actor: &Actor,
    query: &str,
    include_inactive: bool,
) -> Result<Vec<Institution>> {
    let all = if actor.may(Action::RunMediation) {
        crate::cache::institutions(app, actor.tenant_id)
            .await?
            .to_vec()
    } else if actor.may(Action::SeeOwnInstitution) {
        match actor.institution_id {
            Some(id) => vec![institutions::get(&app.db, actor.tenant_id, id).await?],
            None => Vec::new(),
        }
    } else {
        return Err(AppError::Forbidden);
    };
    let q = query.trim().to_lowercase();
    Ok(all
        .into_iter()
        .filter(|i| include_inactive || i.active)
        .filter(|i| {
            q.is_empty()
                || i.name.to_lowercase().contains(&q)
                || i.category.as_str() == q
                || i.places.iter().any(|p| {
                    p.name.to_lowercase().contains(&q) || p.address.to_lowercase().contains(&q)
                })
        })
        .collect())
}

fn may_see(actor: &Actor, id: Uuid) -> bool {
    actor.may(Action::RunMediation)
        || (actor.may(Action::SeeOwnInstitution) && actor.institution_id == Some(id))
}

pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<Institution> {
    if !may_see(actor, id) {
        return Err(AppError::NotFound);
    }
    Ok(institutions::get(&app.db, actor.tenant_id, id).await?)
}

/// The institution, if the actor may change it (404 when it may not even see it, else 403).
pub async fn get_for_change(app: &App, actor: &Actor, id: Uuid) -> Result<Institution> {
    let current = get(app, actor, id).await?;
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    Ok(current)
}

/// Places without coordinates get them from their address through the geocoder, where
/// one is configured; the rest is left for validation to ask.
pub async fn locate_places(app: &App, input: &InstitutionInput) -> InstitutionInput {
    let mut input = input.clone();
    let Some(g) = &app.geocoder else {
        return input;
    };
    for p in input.places.iter_mut() {
        if (p.lat.is_none() || p.lon.is_none())
            && !p.address.trim().is_empty()
            && let Some((lat, lon)) = g.locate(p.address.trim()).await
        {
            p.lat = Some(lat);
            p.lon = Some(lon);
        }
    }
    input
}

pub async fn create(app: &App, actor: &Actor, input: &InstitutionInput) -> Result<Institution> {
    crate::cache::forget(app, actor.tenant_id);
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let d = locate_places(app, input).await.validate()?;
    if d.places.iter().any(|p| p.id.is_some()) {
        return Err(AppError::Invalid(mittler_domain::FieldErrors::single(
            "places",
            "unknown-id",
        )));
    }
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "institution",
        None,
        serde_json::json!({ "name": d.name }),
    );
    Ok(institutions::create(&app.db, actor.tenant_id, &d, now, &entry).await?)
}

/// Replaces the institution's data; `input.places` lists the places to keep (with id) or add.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: Uuid,
    input: &InstitutionInput,
) -> Result<Institution> {
    crate::cache::forget(app, actor.tenant_id);
    let current = get(app, actor, id).await?;
    if !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let d = locate_places(app, input).await.validate()?;
    let now = app.now();
    let detail = serde_json::json!({ "name": d.name, "category": d.category.as_str(),
        "places": d.places.len(), "was": { "name": current.name, "category": current.category.as_str() } });
    let entry = actor.audit(now, AuditAction::Update, "institution", Some(id), detail);
    institutions::update(&app.db, actor.tenant_id, id, &d, now, &entry)
        .await
        .map_err(|e| match e {
            mittler_db::DbError::NotFound => {
                AppError::Invalid(mittler_domain::FieldErrors::single("places", "unknown-id"))
            }
            other => other.into(),
        })
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
        "institution",
        Some(id),
        serde_json::json!({ "active": active }),
    );
    Ok(institutions::set_active(&app.db, actor.tenant_id, id, active, now, &entry).await?)
}
