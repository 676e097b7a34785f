//! `/api/v1/funds`: the funds (Fördertöpfe) that pay the mediators' side.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `rules` of a fund: an empty list allows any.
#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct FundRulesBody {
    /// authority, medical, psychotherapy, school, social, court
    sectors: Vec<String>,
    /// Institution categories.
    categories: Vec<String>,
    /// onsite, phone, video
    modes: Vec<String>,
    /// ISO 639-3 codes.
    languages: Vec<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct FundBody {
    #[schema(required = true, min_length = 1)]
    name: String,
    #[schema(required = true, minimum = 0)]
    budget_cents: Option<i64>,
    /// `YYYY-MM-DD`, inclusive.
    #[schema(required = true, min_length = 1)]
    from: String,
    /// `YYYY-MM-DD`, inclusive.
    #[schema(required = true, min_length = 1)]
    to: String,
    rules: FundRulesBody,
    /// Lower numbers are tried first (default 100).
    priority: Option<i64>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct FundPatch {
    name: Option<String>,
    budget_cents: Option<i64>,
    from: Option<String>,
    to: Option<String>,
    rules: Option<FundRulesBody>,
    priority: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct FundOut {
    id: uuid::Uuid,
    name: String,
    budget_cents: i64,
    committed_cents: i64,
    spent_cents: i64,
    left_cents: i64,
    from: String,
    to: String,
    priority: i64,
    rules: FundRulesBody,
}

fn rules_body(r: &mittler_domain::billing::fund::Rules) -> FundRulesBody {
    FundRulesBody {
        sectors: r.sectors.iter().map(|x| x.as_str().to_owned()).collect(),
        categories: r.categories.iter().map(|x| x.as_str().to_owned()).collect(),
        modes: r.modes.iter().map(|x| x.as_str().to_owned()).collect(),
        languages: r.languages.clone(),
    }
}

impl From<mittler_domain::billing::fund::Fund> for FundOut {
    fn from(f: mittler_domain::billing::fund::Fund) -> Self {
        FundOut {
            id: f.id,
            name: f.name.clone(),
            budget_cents: f.budget_cents,
            committed_cents: f.committed_cents,
            spent_cents: f.spent_cents,
            left_cents: f.left_cents(),
            from: f.from.to_string(),
            to: f.to.to_string(),
            priority: f.priority,
            rules: rules_body(&f.rules),
        }
    }
}

fn fund_input(b: FundBody) -> mittler_domain::billing::fund::FundInput {
    mittler_domain::billing::fund::FundInput {
        name: b.name,
        budget_cents: b.budget_cents,
        from: b.from,
        to: b.to,
        rules: mittler_domain::billing::fund::RulesInput {
            sectors: b.rules.sectors,
            categories: b.rules.categories,
            modes: b.rules.modes,
            languages: b.rules.languages,
        },
        priority: b.priority,
    }
}

#[utoipa::path(get, path = "/api/v1/funds", tag = "billing", security(("bearer" = [])), responses((status = 200, body = [FundOut])))]
pub async fn list_funds(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<FundOut>>, ApiError> {
    Ok(Json(
        mittler_app::funds::list(&s.app, &a)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/funds", tag = "billing", request_body = FundBody, security(("bearer" = [])),
    responses((status = 201, body = FundOut)))]
pub async fn create_fund(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<FundBody>,
) -> Result<(StatusCode, Json<FundOut>), ApiError> {
    let f = mittler_app::funds::save(&s.app, &a, None, &fund_input(b)).await?;
    Ok((StatusCode::CREATED, Json(f.into())))
}

#[utoipa::path(patch, path = "/api/v1/funds/{id}", tag = "billing", request_body = FundPatch, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = FundOut)))]
pub async fn patch_fund(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<FundPatch>,
) -> Result<Json<FundOut>, ApiError> {
    let id = parse_id(&id)?;
    a.require(mittler_domain::Action::CloseMonth)
        .map_err(ApiError::from)?;
    let f = mittler_app::funds::list(&s.app, &a)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(ApiError::not_found)?;
    let body = FundBody {
        name: p.name.unwrap_or(f.name.clone()),
        budget_cents: Some(p.budget_cents.unwrap_or(f.budget_cents)),
        from: p.from.unwrap_or_else(|| f.from.to_string()),
        to: p.to.unwrap_or_else(|| f.to.to_string()),
        rules: p.rules.unwrap_or_else(|| rules_body(&f.rules)),
        priority: Some(p.priority.unwrap_or(f.priority)),
    };
    Ok(Json(
        mittler_app::funds::save(&s.app, &a, Some(id), &fund_input(body))
            .await?
            .into(),
    ))
}
