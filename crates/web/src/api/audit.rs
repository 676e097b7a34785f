//! `GET /api/v1/audit`: the audit log for admins, narrowed to one object ("who saw this
//! person's data"), an action and days; reading it is itself recorded.

use super::requests::parse_bound;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiActor;
use axum::Json;
use axum::extract::{Query, State};
use mittler_app::audit::{self, Filter};
use mittler_domain::FieldErrors;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

const PER_PAGE: i64 = 100;

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct AuditQuery {
    /// Only entries about this object (a request, a mediator, a user: its id).
    object: Option<String>,
    /// Only this action (`view`, `view-denied`, `create`, `update`, `erase`, ...).
    action: Option<String>,
    /// From this instant (RFC 3339) or local day (`YYYY-MM-DD`), inclusive.
    from: Option<String>,
    /// Up to this instant or local day, exclusive.
    to: Option<String>,
    /// The page, from 0 (100 entries each, newest first).
    page: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryOut {
    id: uuid::Uuid,
    /// RFC 3339, UTC.
    at: String,
    /// The acting account's id (none for the system).
    actor_id: Option<uuid::Uuid>,
    /// The acting account's e-mail (empty once erased).
    actor: String,
    action: String,
    object_type: String,
    object_id: Option<uuid::Uuid>,
    /// The entry's place in its centre's hash chain.
    seq: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditPageOut {
    entries: Vec<AuditEntryOut>,
    /// How many entries match in all.
    total: i64,
    page: i64,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = AuditPageOut), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<AuditQuery>,
) -> Result<Json<AuditPageOut>, ApiError> {
    let mut e = FieldErrors::new();
    let nonempty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let object_id = nonempty(&q.object).and_then(|o| {
        o.parse().ok().or_else(|| {
            e.add("object", "invalid");
            None
        })
    });
    let page = match nonempty(&q.page) {
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|p| (0..=1_000_000).contains(p))
            .unwrap_or_else(|| {
                e.add("page", "invalid");
                0
            }),
        None => 0,
    };
    let from = parse_bound("from", q.from.as_deref(), &mut e);
    let to = parse_bound("to", q.to.as_deref(), &mut e);
    let action = nonempty(&q.action);
    if action.as_ref().is_some_and(|a| a.len() > 40) {
        e.add("action", "invalid");
    }
    let filter = e
        .finish(Filter {
            action,
            object_type: None,
            object_id,
            actor: None,
            from,
            to,
        })
        .map_err(|e| ApiError::invalid(&e))?;
    let result = audit::search(&s.app, &a, &filter, page, PER_PAGE).await?;
    Ok(Json(AuditPageOut {
        entries: result
            .rows
            .into_iter()
            .map(|r| AuditEntryOut {
                id: r.id,
                at: r.at.0.to_string(),
                actor_id: r.actor_id,
                actor: r.actor,
                action: r.action,
                object_type: r.object_type,
                object_id: r.object_id,
                seq: r.seq,
            })
            .collect(),
        total: result.total,
        page,
    }))
}
