//! `/api/v1/requests` and `/api/v1/invitations`: language mediation requests end to end.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use mittler_app::local_time;
use mittler_app::local_time::rfc3339;
use mittler_app::requests::{self, ListFilter, RequestView};
use mittler_domain::FieldErrors;
use mittler_domain::request::{RequestInput, Status};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct RequestBody {
    /// Coordinators and admins: the institution the request is for.
    institution_id: Option<uuid::Uuid>,
    /// For `onsite`: a place of the institution.
    place_id: Option<uuid::Uuid>,
    /// `onsite` (needs `place_id`), `phone` or `video`; `onsite` when a place is given.
    mode: Option<String>,
    /// ISO 639-3
    #[schema(required = true, min_length = 1)]
    language: String,
    #[schema(required = true, min_length = 1)]
    sector: String,
    /// RFC 3339 with offset, or local `YYYY-MM-DDTHH:MM` (Europe/Berlin)
    #[schema(required = true, min_length = 1)]
    start: String,
    #[schema(required = true, value_type = i64)]
    duration_min: Option<i64>,
    /// `none`, `wish:f`, `must:m`, ... or an object-free pair with `gender`
    gender_preference: Option<String>,
    gender: Option<String>,
    /// 1 normal, 2 high, 3 urgent
    priority: Option<i64>,
    /// A pseudonym such as K-2026-0042; generated when left out. Never a name.
    client_ref: Option<String>,
    preferred_mediator_id: Option<uuid::Uuid>,
    /// No health details here.
    notes: Option<String>,
    /// Repeat weekly (1) or fortnightly (2), for `count` occurrences or `until` a date.
    repeat: Option<RepeatBody>,
}

#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct RepeatBody {
    every_weeks: Option<i64>,
    count: Option<i64>,
    /// `YYYY-MM-DD`, inclusive
    until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MediatorRef {
    id: uuid::Uuid,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct HistoryOut {
    at: String,
    actor: String,
    event: String,
    from: Option<String>,
    to: String,
    reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TimesheetOut {
    status: String,
    start: Option<String>,
    end: Option<String>,
    waiting_min: Option<i32>,
    travel_min: Option<i32>,
    /// The distance travelled in km (one decimal).
    travel_km: Option<f64>,
    /// The distance lies far above the travel model's round trip: for the coordinator to check.
    travel_km_flagged: bool,
    dispute: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RequestOut {
    id: uuid::Uuid,
    status: String,
    institution_id: uuid::Uuid,
    institution: String,
    place_id: Option<uuid::Uuid>,
    mode: String,
    language: String,
    sector: String,
    start: String,
    duration_min: i32,
    gender_preference: String,
    gender: Option<String>,
    priority: i32,
    client_ref: String,
    preferred_mediator_id: Option<uuid::Uuid>,
    notes: Option<String>,
    mediator: Option<MediatorRef>,
    billable: bool,
    cancel_reason: Option<String>,
    timesheet: TimesheetOut,
    series_id: Option<uuid::Uuid>,
    series_index: Option<i32>,
    /// The fund (Fördertopf) that pays the mediator's side (centre staff only).
    fund_id: Option<uuid::Uuid>,
    /// No fund can pay it (shown where the centre has funds; centre staff only).
    unfunded: bool,
    /// On creation of a series: every occurrence, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    occurrences: Option<Vec<uuid::Uuid>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<Vec<HistoryOut>>,
}

pub(super) fn out(v: RequestView) -> RequestOut {
    let r = v.row;
    RequestOut {
        id: r.id,
        status: v.status.as_str().into(),
        institution_id: r.institution_id,
        institution: v.institution,
        place_id: r.place_id,
        mode: r.mode,
        language: r.language,
        sector: r.sector,
        start: rfc3339(r.start_at.0),
        duration_min: r.duration_min,
        gender_preference: r.gender_pref,
        gender: r.gender,
        priority: r.priority,
        client_ref: r.client_ref,
        preferred_mediator_id: r.preferred_mediator_id,
        notes: r.notes,
        mediator: v.mediator.map(|(id, name)| MediatorRef { id, name }),
        billable: r.billable,
        cancel_reason: r.cancel_reason,
        timesheet: TimesheetOut {
            status: r.ts_status,
            start: r.ts_start.map(|t| rfc3339(t.0)),
            end: r.ts_end.map(|t| rfc3339(t.0)),
            waiting_min: r.ts_waiting_min,
            travel_min: r.ts_travel_min,
            travel_km: r.ts_travel_km_tenths.map(|t| t as f64 / 10.0),
            travel_km_flagged: r.ts_km_flagged,
            dispute: r.ts_dispute,
        },
        series_id: r.series_id,
        series_index: r.series_index,
        fund_id: None,
        unfunded: false,
        occurrences: None,
        history: None,
    }
}

/// Splits `wish:f` / `must:m` / `none` (or a separate `gender`) into the domain's two fields.
pub(super) fn gender_fields(
    pref: Option<String>,
    gender: Option<String>,
) -> (String, Option<String>) {
    match pref {
        Some(p) => match p.split_once(':') {
            Some((kind, g)) => (kind.to_owned(), Some(g.to_owned())),
            None => (p, gender),
        },
        None => ("none".into(), gender),
    }
}

#[utoipa::path(post, path = "/api/v1/requests", tag = "requests", request_body = RequestBody, security(("bearer" = [])),
    responses((status = 201, body = RequestOut), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<RequestBody>,
) -> Result<(StatusCode, Json<RequestOut>), ApiError> {
    let (gender_preference, gender) = gender_fields(b.gender_preference, b.gender);
    let mode = b.mode.unwrap_or_else(|| {
        if b.place_id.is_some() {
            "onsite".into()
        } else {
            String::new()
        }
    });
    let input = RequestInput {
        place_id: b.place_id,
        mode,
        language: b.language,
        sector: b.sector,
        start: b.start,
        duration_min: b.duration_min,
        gender_preference,
        gender,
        priority: b.priority,
        client_ref: b.client_ref,
        preferred_mediator_id: b.preferred_mediator_id,
        notes: b.notes,
    };
    let r = b.repeat.unwrap_or_default();
    let repeat = mittler_domain::series::validate(r.every_weeks, r.count, r.until.as_deref())
        .map_err(|e| ApiError::invalid(&e))?;
    let ids = requests::create_series(&s.app, &a, b.institution_id, &input, repeat).await?;
    let first = *ids.first().ok_or_else(ApiError::not_found)?;
    let d = requests::created(&s.app, &a, first).await?;
    let mut o = out(d.view);
    if repeat.is_some() {
        o.occurrences = Some(ids);
    }
    Ok((StatusCode::CREATED, Json(o)))
}

#[derive(Deserialize, IntoParams, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub status: Option<String>,
    /// RFC 3339 or a local date `YYYY-MM-DD`
    pub from: Option<String>,
    pub to: Option<String>,
    pub language: Option<String>,
    pub sector: Option<String>,
    pub institution_id: Option<String>,
}

/// Parses `from`/`to`: an instant, or a local date (its start).
pub fn parse_bound(field: &str, v: Option<&str>, e: &mut FieldErrors) -> Option<jiff::Timestamp> {
    let v = v.map(str::trim).filter(|v| !v.is_empty())?;
    if let Ok(t) = v.parse::<jiff::Timestamp>() {
        return Some(t);
    }
    match v.parse::<jiff::civil::Date>() {
        Ok(d) => d.to_zoned(local_time::zone()).ok().map(|z| z.timestamp()),
        Err(_) => {
            e.add(field, "invalid-datetime");
            None
        }
    }
}

pub fn list_filter(q: &ListQuery) -> Result<ListFilter, FieldErrors> {
    let mut e = FieldErrors::new();
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Status::parse(s).or_else(|| {
            e.add("status", "invalid");
            None
        }),
        None => None,
    };
    let from = parse_bound("from", q.from.as_deref(), &mut e);
    let to = parse_bound("to", q.to.as_deref(), &mut e);
    let institution_id = match q.institution_id.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => uuid::Uuid::parse_str(s).ok().or_else(|| {
            e.add("institution_id", "invalid");
            None
        }),
        None => None,
    };
    let f = ListFilter {
        status,
        from,
        to,
        language: q.language.clone().filter(|s| !s.is_empty()),
        sector: q.sector.clone().filter(|s| !s.is_empty()),
        institution_id,
        after: None,
        limit: None,
    };
    e.finish(f)
}

#[utoipa::path(get, path = "/api/v1/requests", tag = "requests", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = [RequestOut]), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<RequestOut>>, ApiError> {
    let f = list_filter(&q).map_err(|e| ApiError::invalid(&e))?;
    Ok(Json(
        requests::list(&s.app, &a, &f)
            .await?
            .into_iter()
            .map(out)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/requests/{id}", tag = "requests", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = RequestOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<RequestOut>, ApiError> {
    let d = requests::get(&s.app, &a, parse_id(&id)?).await?;
    let history = d
        .history
        .into_iter()
        .map(|h| HistoryOut {
            at: rfc3339(h.at.0),
            actor: h.actor,
            event: h.event,
            from: h.from_status,
            to: h.to_status,
            reason: h.reason,
        })
        .collect();
    let row = d.view.row.clone();
    let mut o = out(d.view);
    o.history = Some(history);
    if a.may(mittler_domain::Action::RunMediation) {
        let (fund, unfunded) = mittler_app::funds::of_request(&s.app, a.tenant_id, &row).await?;
        o.fund_id = fund;
        o.unfunded = unfunded;
    }
    Ok(Json(o))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ReasonBody {
    #[schema(required = true, min_length = 1)]
    pub(super) reason: String,
    /// For a series: `one` (default), `following` or `all`.
    scope: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CancelOut {
    status: String,
    billable: bool,
    /// How many requests were cancelled (more than one for a series scope).
    cancelled: usize,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct FundBody {
    #[schema(required = true)]
    fund_id: Option<uuid::Uuid>,
}

/// The coordinator chooses the fund by hand where the rules do not decide.
#[utoipa::path(post, path = "/api/v1/requests/{id}/fund", tag = "requests", request_body = FundBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn choose_fund(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<FundBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let id = parse_id(&id)?;
    let fund = b.fund_id.ok_or_else(|| {
        ApiError::from(mittler_app::AppError::Invalid(
            mittler_domain::FieldErrors::single("fund_id", "required"),
        ))
    })?;
    mittler_app::funds::choose_by_hand(&s.app, &a, id, fund).await?;
    let d = requests::get(&s.app, &a, id).await?;
    Ok(Json(StatusOut {
        status: d.view.status.as_str().into(),
    }))
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/cancel", tag = "requests", request_body = ReasonBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = CancelOut), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn cancel(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReasonBody>,
) -> Result<Json<CancelOut>, ApiError> {
    let scope = mittler_domain::series::Scope::parse(b.scope.as_deref().unwrap_or(""))
        .ok_or_else(|| ApiError::invalid(&FieldErrors::single("scope", "invalid")))?;
    let (status, billable, cancelled) =
        requests::cancel_scoped(&s.app, &a, parse_id(&id)?, &b.reason, scope).await?;
    Ok(Json(CancelOut {
        status: status.as_str().into(),
        billable,
        cancelled,
    }))
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/drop-out", tag = "requests", request_body = ReasonBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 409, body = crate::error::ErrorBody)))]
pub async fn drop_out(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReasonBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let status = requests::drop_out(&s.app, &a, parse_id(&id)?, &b.reason).await?;
    Ok(Json(StatusOut {
        status: status.as_str().into(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CandidateOut {
    mediator_id: uuid::Uuid,
    name: String,
    score: i64,
    travel_min: u32,
    continuity: bool,
    week_min: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ExcludedOut {
    mediator_id: uuid::Uuid,
    name: String,
    reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CandidatesOut {
    candidates: Vec<CandidateOut>,
    excluded: Vec<ExcludedOut>,
}

#[utoipa::path(get, path = "/api/v1/requests/{id}/candidates", tag = "requests", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CandidatesOut), (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)))]
pub async fn candidates(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<CandidatesOut>, ApiError> {
    let c = requests::candidates(&s.app, &a, parse_id(&id)?).await?;
    Ok(Json(CandidatesOut {
        candidates: c
            .candidates
            .into_iter()
            .map(|c| CandidateOut {
                mediator_id: c.mediator_id,
                name: c.name,
                score: c.score,
                travel_min: c.travel_min,
                continuity: c.continuity,
                week_min: c.week_min,
            })
            .collect(),
        excluded: c
            .excluded
            .into_iter()
            .map(|x| ExcludedOut {
                mediator_id: x.mediator_id,
                name: x.name,
                reasons: x.reasons.iter().map(|r| r.as_str().to_owned()).collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct InviteBody {
    #[schema(required = true, min_items = 1)]
    mediator_ids: Vec<uuid::Uuid>,
    /// Minutes until the invitations expire (5 to 10080); at most until the start.
    expires_in_min: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitedOut {
    status: String,
    invitation_ids: Vec<uuid::Uuid>,
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/invitations", tag = "requests", request_body = InviteBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 201, body = InvitedOut), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn invite(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<InviteBody>,
) -> Result<(StatusCode, Json<InvitedOut>), ApiError> {
    let ids = requests::invite(
        &s.app,
        &a,
        parse_id(&id)?,
        &b.mediator_ids,
        b.expires_in_min.unwrap_or(120),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(InvitedOut {
            status: "invited".into(),
            invitation_ids: ids,
        }),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct AssignBody {
    #[schema(required = true, value_type = uuid::Uuid)]
    mediator_id: Option<uuid::Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct StatusOut {
    pub(super) status: String,
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/assign", tag = "requests", request_body = AssignBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = StatusOut), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn assign(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AssignBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let m = b
        .mediator_id
        .ok_or_else(|| ApiError::invalid(&FieldErrors::single("mediator_id", "required")))?;
    let status = requests::assign(&s.app, &a, parse_id(&id)?, m).await?;
    Ok(Json(StatusOut {
        status: status.as_str().into(),
    }))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct RescheduleBody {
    /// New local time of day, `HH:MM` (Europe/Berlin), on the same date(s).
    #[schema(required = true, min_length = 1)]
    time: String,
    #[schema(required = true)]
    duration_min: i64,
    /// For a series: `one` (default), `following` or `all`.
    scope: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RescheduleOut {
    changed: usize,
    /// Occurrences already confirmed, done or cancelled, left as they are.
    skipped: usize,
}

#[utoipa::path(post, path = "/api/v1/requests/{id}/reschedule", tag = "requests", request_body = RescheduleBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = RescheduleOut), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn reschedule(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<RescheduleBody>,
) -> Result<Json<RescheduleOut>, ApiError> {
    let scope = mittler_domain::series::Scope::parse(b.scope.as_deref().unwrap_or(""))
        .ok_or_else(|| ApiError::invalid(&FieldErrors::single("scope", "invalid")))?;
    let (changed, skipped) =
        requests::reschedule(&s.app, &a, parse_id(&id)?, &b.time, b.duration_min, scope).await?;
    Ok(Json(RescheduleOut { changed, skipped }))
}
