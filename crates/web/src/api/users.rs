//! `/api/v1/users`: admins manage the accounts of their tenant.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use mittler_app::users::{self, UserPatch};
use mittler_domain::user::{User, UserInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct UserBody {
    #[schema(required = true, min_length = 1)]
    email: String,
    #[schema(required = true, min_length = 1)]
    name: String,
    /// admin, coordinator, institution, mediator, provider or state
    #[schema(required = true, min_length = 1)]
    role: String,
    /// At least 12 characters.
    #[schema(required = true, min_length = 1)]
    password: String,
    /// de, en or ar
    lang: Option<String>,
    institution_id: Option<uuid::Uuid>,
    mediator_id: Option<uuid::Uuid>,
    provider_id: Option<uuid::Uuid>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct UserPatchBody {
    name: Option<String>,
    role: Option<String>,
    lang: Option<String>,
    active: Option<bool>,
    institution_id: Option<uuid::Uuid>,
    mediator_id: Option<uuid::Uuid>,
    provider_id: Option<uuid::Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct UserOut {
    id: uuid::Uuid,
    email: String,
    name: String,
    role: String,
    lang: String,
    institution_id: Option<uuid::Uuid>,
    mediator_id: Option<uuid::Uuid>,
    provider_id: Option<uuid::Uuid>,
    active: bool,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        UserOut {
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role.as_str().into(),
            lang: u.lang,
            institution_id: u.institution_id,
            mediator_id: u.mediator_id,
            provider_id: u.provider_id,
            active: u.active,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: uuid::Uuid,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "users", security(("bearer" = [])),
    responses((status = 200, body = [UserOut]), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<UserOut>>, ApiError> {
    Ok(Json(
        users::list(&s.app, &a)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = UserBody, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<UserBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let input = UserInput {
        email: b.email,
        name: b.name,
        role: b.role,
        password: b.password,
        lang: b.lang,
        institution_id: b.institution_id,
        mediator_id: b.mediator_id,
        provider_id: b.provider_id,
    };
    let id = users::create(&s.app, &a, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = UserOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<UserOut>, ApiError> {
    Ok(Json(users::get(&s.app, &a, parse_id(&id)?).await?.into()))
}

#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", request_body = UserPatchBody, security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = UserOut), (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody)))]
pub async fn patch(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<UserPatchBody>,
) -> Result<Json<UserOut>, ApiError> {
    let patch = UserPatch {
        name: b.name,
        role: b.role,
        lang: b.lang,
        active: b.active,
        institution_id: b.institution_id.map(Some),
        mediator_id: b.mediator_id.map(Some),
        provider_id: b.provider_id.map(Some),
    };
    Ok(Json(
        users::update(&s.app, &a, parse_id(&id)?, &patch)
            .await?
            .into(),
    ))
}
