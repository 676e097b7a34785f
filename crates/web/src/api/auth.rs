//! `POST /api/v1/auth/token`: a bearer token for an e-mail and password.

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiJson;
use axum::Json;
use axum::extract::State;
use mittler_app::auth;
use mittler_app::auth::SessionKind as Kind;
use mittler_app::local_time::rfc3339;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    email: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    token: String,
    /// RFC 3339.
    expires_at: String,
    role: String,
    tenant: String,
}

#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody), (status = 429, body = crate::error::ErrorBody)))]
pub async fn token(
    State(s): State<AppState>,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let mut e = mittler_domain::FieldErrors::new();
    if body.email.trim().is_empty() {
        e.add("email", "required");
    }
    if body.password.is_empty() {
        e.add("password", "required");
    }
    if !e.is_empty() {
        return Err(ApiError::invalid(&e));
    }
    let signed = auth::sign_in(
        &s.app,
        &body.email,
        &body.password,
        addr.as_deref(),
        Kind::Api,
    )
    .await?;
    Ok(Json(TokenResponse {
        token: signed.token,
        expires_at: rfc3339(signed.expires_at),
        role: signed.user.role.as_str().to_owned(),
        tenant: signed.tenant_slug,
    }))
}
