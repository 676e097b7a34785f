//! The mediator's side of a request over the API: open invitations, accepting and
//! declining them, time sheets and the institution's answer to them.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, State};
use mittler_app::local_time::rfc3339;
use mittler_app::requests;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::requests::{ReasonBody, RequestOut, StatusOut, out};

#[derive(Serialize, ToSchema)]
pub struct InvitationOut {
    id: uuid::Uuid,
    expires_at: String,
    travel_min: Option<u32>,
    continuity: bool,
    /// The expected fee in cents under the centre's allowance rule.
    expected_fee_cents: i64,
    request: RequestOut,
}

#[utoipa::path(get, path = "/api/v1/invitations", tag = "invitations", security(("bearer" = [])),
    responses((status = 200, body = [InvitationOut]), (status = 403, body = crate::error::ErrorBody)))]
pub async fn my_invitations(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<InvitationOut>>, ApiError> {
    let list = requests::my_invitations(&s.app, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|i| InvitationOut {
                id: i.invitation.id,
                expires_at: rfc3339(i.invitation.expires_at.0),
                travel_min: i.travel_min,
                continuity: i.continuity,
                expected_fee_cents: i.expected_fee_cents,
                request: out(i.request),
            })
            .collect(),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct AcceptBody {
    /// The mediator confirms having no conflict of interest (default true through the API).
    no_conflict_of_interest: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct AcceptOut {
    request_status: String,
}

/// An optional JSON body: none at all is the default.
async fn optional_body<T: serde::de::DeserializeOwned + Default>(
    body: axum::body::Bytes,
) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        crate::extract::parse_json(&body)
    }
}

#[utoipa::path(post, path = "/api/v1/invitations/{id}/accept", tag = "invitations", request_body = AcceptBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = AcceptOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn accept(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<AcceptOut>, ApiError> {
    let b: AcceptBody = optional_body(body).await?;
    let status = requests::accept(
        &s.app,
        &a,
        parse_id(&id)?,
        b.no_conflict_of_interest.unwrap_or(true),
    )
    .await?;
    Ok(Json(AcceptOut {
        request_status: status.as_str().into(),
    }))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct DeclineBody {
    reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/invitations/{id}/decline", tag = "invitations", request_body = DeclineBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = AcceptOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn decline(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<AcceptOut>, ApiError> {
    let b: DeclineBody = optional_body(body).await?;
    let status = requests::decline(&s.app, &a, parse_id(&id)?, b.reason.as_deref()).await?;
    Ok(Json(AcceptOut {
        request_status: status.as_str().into(),
    }))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct TimesheetBody {
    /// RFC 3339 or local `YYYY-MM-DDTHH:MM`
    #[schema(required = true, min_length = 1)]
    start: String,
    #[schema(required = true, min_length = 1)]
    end: String,
    waiting_min: i64,
    travel_min: i64,
    /// km travelled there and back, one decimal, 0 to 500 (on site).
    #[schema(minimum = 0, maximum = 500)]
    travel_km: Option<f64>,
}

/// km with at most one decimal as tenths; anything else names the field.
fn km_tenths(km: Option<f64>) -> Result<Option<i64>, ApiError> {
    let Some(km) = km else { return Ok(None) };
    let tenths = (km * 10.0).round();
    if !km.is_finite() || (km * 10.0 - tenths).abs() > 1e-6 || !(0.0..=5000.0).contains(&tenths) {
        return Err(ApiError::from(mittler_app::AppError::Invalid(
            mittler_domain::FieldErrors::single("travel_km", "out-of-range"),
        )));
    }
    Ok(Some(tenths as i64))
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/timesheet", tag = "requests", request_body = TimesheetBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 403, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody),
    (status = 422, body = crate::error::ErrorBody)))]
pub async fn timesheet(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TimesheetBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let id = parse_id(&id)?;
    let sheet = requests::SheetInput {
        start: &b.start,
        end: &b.end,
        waiting_min: b.waiting_min,
        travel_min: b.travel_min,
        travel_km_tenths: km_tenths(b.travel_km)?,
    };
    requests::submit_timesheet(&s.app, &a, id, sheet).await?;
    let d = requests::get(&s.app, &a, id).await?;
    Ok(Json(StatusOut {
        status: d.view.status.as_str().into(),
    }))
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/timesheet/confirm", tag = "requests", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 403, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn confirm_timesheet(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<StatusOut>, ApiError> {
    let status = requests::answer_timesheet(&s.app, &a, parse_id(&id)?, true, None).await?;
    Ok(Json(StatusOut {
        status: status.as_str().into(),
    }))
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/timesheet/dispute", tag = "requests", request_body = ReasonBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn dispute_timesheet(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReasonBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let status =
        requests::answer_timesheet(&s.app, &a, parse_id(&id)?, false, Some(&b.reason)).await?;
    Ok(Json(StatusOut {
        status: status.as_str().into(),
    }))
}
