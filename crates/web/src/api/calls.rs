//! Interpreting now over the API (`remote.md`): on call, calls, push subscriptions,
//! the fallback from on site and the call figures.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use mittler_app::calls::{self, CallView, Later};
use mittler_app::local_time::rfc3339;
use mittler_domain::FieldErrors;
use mittler_domain::call::{CallInput, CallStatus};
use mittler_domain::mediator::WindowInput;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct OnCallBody {
    /// RFC 3339, or `HH:MM` meaning today in the centre's zone; at most 24 hours ahead.
    #[schema(required = true, min_length = 1)]
    until: String,
}

#[derive(Serialize, ToSchema)]
pub struct OnCallOut {
    on_call: bool,
    until: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/me/on-call", tag = "calls", request_body = OnCallBody, security(("bearer" = [])),
    responses((status = 200, body = OnCallOut), (status = 409, body = crate::error::ErrorBody, description = "The mediator does not serve by phone and video.")))]
pub async fn go_on_call(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<OnCallBody>,
) -> Result<Json<OnCallOut>, ApiError> {
    let until = calls::go_on_call(&s.app, &a, &b.until).await?;
    Ok(Json(OnCallOut {
        on_call: true,
        until: Some(rfc3339(until)),
    }))
}

#[utoipa::path(delete, path = "/api/v1/me/on-call", tag = "calls", security(("bearer" = [])),
    responses((status = 200, body = OnCallOut)))]
pub async fn go_off_call(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<OnCallOut>, ApiError> {
    calls::go_off_call(&s.app, &a).await?;
    Ok(Json(OnCallOut {
        on_call: false,
        until: None,
    }))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct PlanBody {
    /// The weekly on-call windows: `weekday` 1 = Monday, `start`/`end` `"HH:MM"` local.
    windows: Vec<WindowBody>,
}

#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct WindowBody {
    weekday: i64,
    start: String,
    end: String,
}

#[derive(Serialize, ToSchema)]
pub struct MyOnCallOut {
    on_call: bool,
    until: Option<String>,
    windows: Vec<WindowBody>,
    push_devices: i64,
}

#[utoipa::path(get, path = "/api/v1/me/on-call", tag = "calls", security(("bearer" = [])),
    responses((status = 200, body = MyOnCallOut)))]
pub async fn my_on_call(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<MyOnCallOut>, ApiError> {
    let m = calls::mine(&s.app, &a).await?;
    Ok(Json(MyOnCallOut {
        on_call: m.until.is_some(),
        until: m.until.map(rfc3339),
        windows: m
            .plan
            .iter()
            .map(|w| WindowBody {
                weekday: i64::from(w.weekday),
                start: mittler_domain::mediator::format_hhmm(w.start_min),
                end: mittler_domain::mediator::format_hhmm(w.end_min),
            })
            .collect(),
        push_devices: m.push_devices,
    }))
}

#[utoipa::path(put, path = "/api/v1/me/on-call/plan", tag = "calls", request_body = PlanBody, security(("bearer" = [])),
    responses((status = 200, body = MyOnCallOut)))]
pub async fn set_plan(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<PlanBody>,
) -> Result<Json<MyOnCallOut>, ApiError> {
    let windows: Vec<WindowInput> = b
        .windows
        .into_iter()
        .map(|w| WindowInput {
            weekday: w.weekday,
            start: w.start,
            end: w.end,
        })
        .collect();
    calls::set_plan(&s.app, &a, &windows).await?;
    my_on_call(State(s), ApiActor(a)).await
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct PushBody {
    /// The browser's `PushSubscription` (`subscription.toJSON()`).
    subscription: SubscriptionBody,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct SubscriptionBody {
    /// On a browser's push service (https).
    #[schema(required = true, min_length = 1)]
    endpoint: String,
    keys: SubscriptionKeys,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct SubscriptionKeys {
    /// base64url, 65 bytes (a P-256 public key)
    #[schema(required = true, min_length = 1)]
    p256dh: String,
    /// base64url, 16 bytes
    #[schema(required = true, min_length = 1)]
    auth: String,
}

#[derive(Serialize, ToSchema)]
pub struct PushOut {
    subscribed: bool,
}

#[utoipa::path(post, path = "/api/v1/me/push", tag = "calls", request_body = PushBody, security(("bearer" = [])),
    responses((status = 201, body = PushOut)))]
pub async fn subscribe(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<PushBody>,
) -> Result<(StatusCode, Json<PushOut>), ApiError> {
    let sub = b.subscription;
    calls::subscribe_push(&s.app, &a, &sub.endpoint, &sub.keys.p256dh, &sub.keys.auth).await?;
    Ok((StatusCode::CREATED, Json(PushOut { subscribed: true })))
}

#[utoipa::path(delete, path = "/api/v1/me/push", tag = "calls", security(("bearer" = [])),
    responses((status = 200, body = PushOut)))]
pub async fn unsubscribe(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<PushOut>, ApiError> {
    calls::unsubscribe_push(&s.app, &a).await?;
    Ok(Json(PushOut { subscribed: false }))
}

#[derive(Serialize, ToSchema)]
pub struct OnCallMediatorOut {
    mediator_id: uuid::Uuid,
    name: String,
    until: String,
    in_call: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OnCallLanguageOut {
    language: String,
    mediators: Vec<OnCallMediatorOut>,
}

#[utoipa::path(get, path = "/api/v1/on-call", tag = "calls", security(("bearer" = [])),
    responses((status = 200, body = [OnCallLanguageOut])))]
pub async fn on_call_now(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<OnCallLanguageOut>>, ApiError> {
    let now = calls::on_call_now(&s.app, &a).await?;
    Ok(Json(
        now.into_iter()
            .map(|(language, ms)| OnCallLanguageOut {
                language,
                mediators: ms
                    .into_iter()
                    .map(|m| OnCallMediatorOut {
                        mediator_id: m.id,
                        name: m.name,
                        until: rfc3339(m.until),
                        in_call: m.in_call,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct CallBody {
    /// Coordinators and admins: the institution that calls.
    institution_id: Option<uuid::Uuid>,
    /// `video` or `phone`
    #[schema(required = true, min_length = 1)]
    mode: String,
    /// ISO 639-3
    #[schema(required = true, min_length = 1)]
    language: String,
    #[schema(required = true, min_length = 1)]
    sector: String,
    /// `none`, `wish:f`, `must:m`, ... or with `gender`
    gender_preference: Option<String>,
    gender: Option<String>,
    /// A pseudonym such as K-2026-0042. Never a name.
    client_ref: Option<String>,
    /// For phone calls: the number the mediator calls (else the institution's).
    callback_phone: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CallOut {
    id: uuid::Uuid,
    /// `ringing`, `connected`, `missed`, `ended` (or `nobody`: nobody was on call)
    status: String,
    mode: String,
    language: String,
    sector: String,
    institution_id: uuid::Uuid,
    institution: String,
    client_ref: Option<String>,
    /// For the mediator of a phone call: the number to call.
    callback_phone: Option<String>,
    created_at: String,
    rings_until: Option<String>,
    answered_at: Option<String>,
    ended_at: Option<String>,
    duration_s: Option<i32>,
    mediator_id: Option<uuid::Uuid>,
    mediator: Option<String>,
    /// How many mediators were told (the last time it rang).
    told: i32,
    /// The caller's and the answering mediator's page of the call, once connected.
    join_url: Option<String>,
    /// The request booked in place of a missed call.
    request_id: Option<uuid::Uuid>,
}

fn out(v: CallView) -> CallOut {
    let join_url = v.join_url();
    let sees_number = v.side.is_some() || v.status == CallStatus::Ringing;
    CallOut {
        id: v.row.id,
        status: v.status.as_str().into(),
        callback_phone: (v.row.mode == "phone" && sees_number).then(|| v.callback_phone.clone()),
        mode: v.row.mode,
        language: v.row.language,
        sector: v.row.sector,
        institution_id: v.row.institution_id,
        institution: v.institution,
        client_ref: Some(v.row.client_ref).filter(|c| !c.is_empty()),
        created_at: rfc3339(v.row.created_at.0),
        rings_until: v.rings_until.map(rfc3339),
        answered_at: v.row.answered_at.map(|t| rfc3339(t.0)),
        ended_at: v.row.ended_at.map(|t| rfc3339(t.0)),
        duration_s: v.row.duration_s,
        mediator_id: v.row.mediator_id,
        mediator: v.mediator,
        told: v.row.told,
        join_url,
        request_id: v.row.request_id,
    }
}

#[utoipa::path(post, path = "/api/v1/calls", tag = "calls", request_body = CallBody, security(("bearer" = [])),
    responses((status = 201, body = CallOut), (status = 409, body = crate::error::ErrorBody, description = "`nobody_on_call`: nobody on call may take it.")))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<CallBody>,
) -> Result<(StatusCode, Json<CallOut>), ApiError> {
    let (gender_preference, gender) = super::requests::gender_fields(b.gender_preference, b.gender);
    let input = CallInput {
        mode: b.mode,
        language: b.language,
        sector: b.sector,
        gender_preference,
        gender,
        client_ref: b.client_ref,
        callback_phone: b.callback_phone,
    };
    let v = calls::create(&s.app, &a, b.institution_id, &input).await?;
    Ok((StatusCode::CREATED, Json(out(v))))
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// `ringing` (for mediators: the calls ringing for them), `connected`, `missed`, `ended`, `nobody`.
    status: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = [CallOut])))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<CallOut>>, ApiError> {
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            CallStatus::parse(s)
                .ok_or_else(|| ApiError::invalid(&FieldErrors::single("status", "invalid")))?,
        ),
    };
    let list = calls::list(&s.app, &a, status).await?;
    Ok(Json(list.into_iter().map(out).collect()))
}

#[utoipa::path(get, path = "/api/v1/calls/{id}", tag = "calls", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CallOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<CallOut>, ApiError> {
    Ok(Json(out(calls::get(&s.app, &a, parse_id(&id)?).await?)))
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/accept", tag = "calls", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CallOut), (status = 409, body = crate::error::ErrorBody, description = "Another mediator was first, or the call stopped ringing.")))]
pub async fn accept(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<CallOut>, ApiError> {
    Ok(Json(out(calls::accept(&s.app, &a, parse_id(&id)?).await?)))
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/end", tag = "calls", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CallOut)))]
pub async fn end(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<CallOut>, ApiError> {
    Ok(Json(out(calls::end(&s.app, &a, parse_id(&id)?).await?)))
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/ring-again", tag = "calls", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CallOut), (status = 409, body = crate::error::ErrorBody)))]
pub async fn ring_again(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<CallOut>, ApiError> {
    Ok(Json(out(
        calls::ring_again(&s.app, &a, parse_id(&id)?).await?
    )))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct LaterBody {
    /// `video`, `phone` or `onsite` (needs `place_id`)
    #[schema(required = true, min_length = 1)]
    mode: String,
    /// RFC 3339 with offset, or local `YYYY-MM-DDTHH:MM`
    #[schema(required = true, min_length = 1)]
    start: String,
    /// Minutes, 15 to 480 (default 30).
    duration_min: Option<i64>,
    place_id: Option<uuid::Uuid>,
    notes: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LaterOut {
    request_id: uuid::Uuid,
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/to-request", tag = "calls", request_body = LaterBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 201, body = LaterOut), (status = 409, body = crate::error::ErrorBody)))]
pub async fn to_request(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<LaterBody>,
) -> Result<(StatusCode, Json<LaterOut>), ApiError> {
    let later = Later {
        mode: b.mode,
        start: b.start,
        duration_min: Some(b.duration_min.unwrap_or(30)),
        place_id: b.place_id,
        notes: b.notes,
    };
    let request_id = calls::to_request(&s.app, &a, parse_id(&id)?, &later).await?;
    Ok((StatusCode::CREATED, Json(LaterOut { request_id })))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ConvertBody {
    /// `video` (or `phone`)
    #[schema(required = true, min_length = 1)]
    mode: String,
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/convert", tag = "requests", request_body = ConvertBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = super::requests::StatusOut), (status = 409, body = crate::error::ErrorBody)))]
pub async fn convert(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ConvertBody>,
) -> Result<Json<super::requests::StatusOut>, ApiError> {
    let status = mittler_app::requests::convert(&s.app, &a, parse_id(&id)?, &b.mode).await?;
    Ok(Json(super::requests::StatusOut {
        status: status.as_str().into(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct FiguresQuery {
    /// `YYYY-MM-DD`, inclusive.
    #[param(required = true)]
    from: Option<String>,
    /// `YYYY-MM-DD`, inclusive (at most a year after `from`).
    #[param(required = true)]
    to: Option<String>,
}

/// The figures of calls in a period (`remote.md`, Figures).
#[utoipa::path(get, path = "/api/v1/reports/calls", tag = "reports", params(FiguresQuery), security(("bearer" = [])),
    responses((status = 200, description = "Calls by language and hour, time to answer, share missed, minutes, on-call hours"),
        (status = 422, body = crate::error::ErrorBody, description = "`from` or `to` missing, not a date, or the period longer than three years")))]
pub async fn figures(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<FiguresQuery>,
) -> Result<Json<mittler_domain::call::CallFigures>, ApiError> {
    Ok(Json(
        calls::figures(&s.app, &a, q.from.as_deref(), q.to.as_deref()).await?,
    ))
}
