//! `/api/v1/plans`: the planner's proposal for a day, and applying it.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use mittler_app::plans;
use mittler_domain::FieldErrors;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct PlanBody {
    /// The local date, `YYYY-MM-DD`.
    #[schema(required = true, min_length = 1)]
    date: String,
    /// Seconds the planner may search (0.1 to 30, default 3).
    time_limit_s: Option<f64>,
    /// Re-plan a day that has started: appointments already begun stay, every other
    /// confirmed assignment may move (a move costs as much as a continuity break, 60), and
    /// applying the plan invites only for the changes.
    replan: bool,
    /// With `replan`: the mediators out for the day (their ids).
    without: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlannedOut {
    request_id: uuid::Uuid,
    mediator_id: uuid::Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct PlanOut {
    id: uuid::Uuid,
    date: String,
    assignments: Vec<PlannedOut>,
    unassigned: Vec<uuid::Uuid>,
    /// The objective of plan-format.md (unserved weight x 1000 + travel minutes + 60 per continuity break).
    cost: u64,
    /// No plan of the day costs less (absent when the day was too large to bound);
    /// `cost == lower_bound` proves the plan optimal.
    lower_bound: Option<u64>,
    /// How far the plan may be from the best possible, in percent of `lower_bound`.
    gap_pct: Option<f64>,
    /// Re-planning: the confirmed assignments among `assignments` that stay as they are
    /// (applying sends no invitation for them).
    unchanged: Vec<uuid::Uuid>,
}

#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanBody, security(("bearer" = [])),
    responses((status = 201, body = PlanOut), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<PlanBody>,
) -> Result<(StatusCode, Json<PlanOut>), ApiError> {
    let date: jiff::civil::Date = b
        .date
        .trim()
        .parse()
        .map_err(|_| ApiError::invalid(&FieldErrors::single("date", "invalid-date")))?;
    let seconds = b.time_limit_s.unwrap_or(3.0);
    let p = if b.replan {
        let mut without = Vec::new();
        for (i, w) in b.without.iter().enumerate() {
            let id = w.trim().parse().map_err(|_| {
                ApiError::invalid(&FieldErrors::single(format!("without[{i}]"), "invalid-id"))
            })?;
            without.push(id);
        }
        plans::replan(&s.app, &a, date, seconds, &without).await?
    } else if !b.without.is_empty() {
        return Err(ApiError::invalid(&FieldErrors::single(
            "replan", "required",
        )));
    } else {
        plans::propose(&s.app, &a, date, seconds).await?
    };
    Ok((
        StatusCode::CREATED,
        Json(PlanOut {
            id: p.id,
            date: p.date.clone(),
            assignments: p
                .assignments
                .iter()
                .map(|(r, m, _)| PlannedOut {
                    request_id: *r,
                    mediator_id: *m,
                })
                .collect(),
            unchanged: p
                .assignments
                .iter()
                .filter(|(r, m, _)| p.unchanged(*r, *m))
                .map(|(r, _, _)| *r)
                .collect(),
            gap_pct: p.gap_pct(),
            lower_bound: p.lower_bound,
            unassigned: p.unassigned.clone(),
            cost: p.cost,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AppliedOut {
    /// Invitations sent.
    invitations: usize,
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/apply", tag = "plans", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = AppliedOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn apply(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<AppliedOut>, ApiError> {
    let n = plans::apply(&s.app, &a, parse_id(&id)?, 120).await?;
    Ok(Json(AppliedOut { invitations: n }))
}
