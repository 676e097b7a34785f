//! `/api/v1/mediators`.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use mittler_app::{AppError, billing, mediators};
use mittler_domain::Action;
use mittler_domain::billing::Engagement;
use mittler_domain::mediator::{
    AbsenceInput, Mediator, MediatorInput, SkillInput, WindowInput, format_hhmm,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct SkillBody {
    /// ISO 639-3
    #[schema(required = true, min_length = 1)]
    code: String,
    /// native, fluent or working
    #[schema(required = true, min_length = 1)]
    level: String,
}

#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct WindowBody {
    /// 1 = Monday .. 7 = Sunday
    #[schema(required = true)]
    weekday: i64,
    /// "HH:MM", local time
    #[schema(required = true, min_length = 1)]
    start: String,
    #[schema(required = true, min_length = 1)]
    end: String,
}

#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct AbsenceBody {
    /// "YYYY-MM-DD", inclusive
    #[schema(required = true, min_length = 1)]
    from: String,
    #[schema(required = true, min_length = 1)]
    to: String,
}

#[derive(Deserialize, Serialize, ToSchema, Default, Clone, Copy)]
pub struct HomeBody {
    #[schema(required = true, value_type = f64)]
    lat: Option<f64>,
    #[schema(required = true, value_type = f64)]
    lon: Option<f64>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct MediatorBody {
    #[schema(required = true, min_length = 1)]
    name: String,
    #[schema(required = true, min_length = 1)]
    email: String,
    phone: String,
    /// f, m or d
    #[schema(required = true, min_length = 1)]
    gender: String,
    #[schema(required = true, min_items = 1)]
    languages: Vec<SkillBody>,
    /// any of authority, medical, psychotherapy, school, social, court
    sectors: Vec<String>,
    /// Coarse home location (stored rounded to about a kilometre).
    #[schema(required = true, value_type = HomeBody)]
    home: Option<HomeBody>,
    remote: bool,
    speed_kmh: Option<i64>,
    max_work_min_per_day: Option<i64>,
    availability: Vec<WindowBody>,
    absences: Vec<AbsenceBody>,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
    /// volunteer (default), freelance or employee: how statements are made.
    engagement: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct MediatorPatch {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    gender: Option<String>,
    languages: Option<Vec<SkillBody>>,
    sectors: Option<Vec<String>>,
    home: Option<HomeBody>,
    remote: Option<bool>,
    speed_kmh: Option<i64>,
    max_work_min_per_day: Option<i64>,
    /// A mediator may change their own availability and absences.
    availability: Option<Vec<WindowBody>>,
    absences: Option<Vec<AbsenceBody>>,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
    active: Option<bool>,
    /// volunteer, freelance or employee.
    engagement: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MediatorOut {
    id: uuid::Uuid,
    name: String,
    email: String,
    phone: String,
    gender: String,
    languages: Vec<SkillBody>,
    sectors: Vec<String>,
    home: HomeBody,
    remote: bool,
    speed_kmh: u16,
    max_work_min_per_day: u16,
    availability: Vec<WindowBody>,
    absences: Vec<AbsenceBody>,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
    active: bool,
    /// volunteer, freelance or employee.
    engagement: String,
}

/// A valid engagement or a 422 naming the field.
fn engagement(v: Option<&str>) -> Result<Option<Engagement>, ApiError> {
    v.map(|v| {
        Engagement::parse(v.trim()).ok_or_else(|| {
            ApiError::from(AppError::Invalid(mittler_domain::FieldErrors::single(
                "engagement",
                "invalid",
            )))
        })
    })
    .transpose()
}

/// The mediators with their engagements.
async fn outs(
    s: &AppState,
    a: &mittler_app::Actor,
    ms: Vec<Mediator>,
) -> Result<Vec<MediatorOut>, ApiError> {
    let e = billing::engagements(&s.app, a.tenant_id).await?;
    Ok(ms
        .into_iter()
        .map(|m| {
            let engagement = e.get(&m.id).copied().unwrap_or_default();
            let mut o = MediatorOut::from(m);
            o.engagement = engagement.as_str().to_owned();
            o
        })
        .collect())
}

async fn out(
    s: &AppState,
    a: &mittler_app::Actor,
    m: Mediator,
) -> Result<Json<MediatorOut>, ApiError> {
    let mut all = outs(s, a, vec![m]).await?;
    all.pop().map(Json).ok_or_else(ApiError::not_found)
}

impl From<Mediator> for MediatorOut {
    fn from(m: Mediator) -> Self {
        MediatorOut {
            engagement: Engagement::default().as_str().to_owned(),
            id: m.id,
            gender: m.gender.as_str().into(),
            languages: m
                .languages
                .iter()
                .map(|l| SkillBody {
                    code: l.code.to_string(),
                    level: l.level.as_str().into(),
                })
                .collect(),
            sectors: m.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
            home: HomeBody {
                lat: Some(m.home.lat),
                lon: Some(m.home.lon),
            },
            availability: m
                .availability
                .iter()
                .map(|w| WindowBody {
                    weekday: i64::from(w.weekday),
                    start: format_hhmm(w.start_min),
                    end: format_hhmm(w.end_min),
                })
                .collect(),
            absences: m
                .absences
                .iter()
                .map(|a| AbsenceBody {
                    from: a.from.to_string(),
                    to: a.to.to_string(),
                })
                .collect(),
            qualified_on: m.qualified_on.map(|d| d.to_string()),
            pledge_signed_on: m.pledge_signed_on.map(|d| d.to_string()),
            name: m.name,
            email: m.email,
            phone: m.phone,
            remote: m.remote,
            speed_kmh: m.speed_kmh,
            max_work_min_per_day: m.max_work_min_per_day,
            active: m.active,
        }
    }
}

fn skills(v: Vec<SkillBody>) -> Vec<SkillInput> {
    v.into_iter()
        .map(|s| SkillInput {
            code: s.code,
            level: s.level,
        })
        .collect()
}
fn windows(v: Vec<WindowBody>) -> Vec<WindowInput> {
    v.into_iter()
        .map(|w| WindowInput {
            weekday: w.weekday,
            start: w.start,
            end: w.end,
        })
        .collect()
}
fn absences(v: Vec<AbsenceBody>) -> Vec<AbsenceInput> {
    v.into_iter()
        .map(|a| AbsenceInput {
            from: a.from,
            to: a.to,
        })
        .collect()
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// Search in name, e-mail, languages (code, German or English name) and sectors.
    q: Option<String>,
    /// `true` to include deactivated mediators.
    inactive: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/mediators", tag = "mediators", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = [MediatorOut]), (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<MediatorOut>>, ApiError> {
    let inactive = q.inactive.as_deref() == Some("true");
    let all = mediators::list(&s.app, &a, q.q.as_deref().unwrap_or(""), inactive).await?;
    Ok(Json(outs(&s, &a, all).await?))
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: uuid::Uuid,
}

#[utoipa::path(post, path = "/api/v1/mediators", tag = "mediators", request_body = MediatorBody, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 400, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<MediatorBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let input = MediatorInput {
        name: b.name,
        email: b.email,
        phone: b.phone,
        gender: b.gender,
        languages: skills(b.languages),
        sectors: b.sectors,
        home_lat: b.home.and_then(|h| h.lat),
        home_lon: b.home.and_then(|h| h.lon),
        remote: b.remote,
        speed_kmh: b.speed_kmh,
        max_work_min_per_day: b.max_work_min_per_day,
        availability: windows(b.availability),
        absences: absences(b.absences),
        qualified_on: b.qualified_on,
        pledge_signed_on: b.pledge_signed_on,
    };
    let e = engagement(b.engagement.as_deref())?;
    let id = mediators::create(&s.app, &a, &input).await?;
    if let Some(e) = e {
        billing::set_engagement(&s.app, &a, id, e).await?;
    }
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[utoipa::path(get, path = "/api/v1/mediators/{id}", tag = "mediators", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = MediatorOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<MediatorOut>, ApiError> {
    let m = mediators::get(&s.app, &a, parse_id(&id)?).await?;
    out(&s, &a, m).await
}

#[utoipa::path(patch, path = "/api/v1/mediators/{id}", tag = "mediators", request_body = MediatorPatch, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = MediatorOut), (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody)))]
pub async fn patch(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<MediatorPatch>,
) -> Result<Json<MediatorOut>, ApiError> {
    let id = parse_id(&id)?;
    let current = mediators::get(&s.app, &a, id).await?;
    let profile_change = p.name.is_some()
        || p.email.is_some()
        || p.phone.is_some()
        || p.gender.is_some()
        || p.languages.is_some()
        || p.sectors.is_some()
        || p.home.is_some()
        || p.remote.is_some()
        || p.speed_kmh.is_some()
        || p.max_work_min_per_day.is_some()
        || p.qualified_on.is_some()
        || p.pledge_signed_on.is_some()
        || p.active.is_some()
        || p.engagement.is_some();
    let new_engagement = engagement(p.engagement.as_deref())?;
    if !a.may(Action::RunMediation) {
        // Others who may see the profile (the mediator themself) keep their schedule
        // current through it, nothing else; `set_schedule` decides who that is.
        if profile_change {
            return Err(AppError::Forbidden.into());
        }
        let avail = p
            .availability
            .map(windows)
            .unwrap_or_else(|| mediators::to_input(&current).availability);
        let abs = p
            .absences
            .map(absences)
            .unwrap_or_else(|| mediators::to_input(&current).absences);
        let m = mediators::set_schedule(&s.app, &a, id, &avail, &abs).await?;
        return out(&s, &a, m).await;
    }
    let mut input = mediators::to_input(&current);
    if let Some(v) = p.name {
        input.name = v;
    }
    if let Some(v) = p.email {
        input.email = v;
    }
    if let Some(v) = p.phone {
        input.phone = v;
    }
    if let Some(v) = p.gender {
        input.gender = v;
    }
    if let Some(v) = p.languages {
        input.languages = skills(v);
    }
    if let Some(v) = p.sectors {
        input.sectors = v;
    }
    if let Some(h) = p.home {
        input.home_lat = h.lat;
        input.home_lon = h.lon;
    }
    if let Some(v) = p.remote {
        input.remote = v;
    }
    if let Some(v) = p.speed_kmh {
        input.speed_kmh = Some(v);
    }
    if let Some(v) = p.max_work_min_per_day {
        input.max_work_min_per_day = Some(v);
    }
    if let Some(v) = p.availability {
        input.availability = windows(v);
    }
    if let Some(v) = p.absences {
        input.absences = absences(v);
    }
    if let Some(v) = p.qualified_on {
        input.qualified_on = Some(v);
    }
    if let Some(v) = p.pledge_signed_on {
        input.pledge_signed_on = Some(v);
    }
    mediators::update(&s.app, &a, id, &input).await?;
    if let Some(active) = p.active
        && active != current.active
    {
        mediators::set_active(&s.app, &a, id, active).await?;
    }
    if let Some(e) = new_engagement {
        billing::set_engagement(&s.app, &a, id, e).await?;
    }
    let m = mediators::get(&s.app, &a, id).await?;
    out(&s, &a, m).await
}
