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
    /// The centre's slug, where the address signs in to several centres.
    #[serde(default)]
    tenant: Option<String>,
    /// The current code of the authenticator app, or a recovery code: needed by users
    /// with a second factor (401 `second_factor_required` without it).
    #[serde(default)]
    totp: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    token: String,
    /// RFC 3339.
    expires_at: String,
    role: String,
    /// The centre's slug; null for the installation-wide roles `state` and `superadmin`.
    tenant: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse),
              (status = 401, description = "Unknown e-mail or wrong password (`unauthorized`), or a second factor is needed (`second_factor_required`)", body = crate::error::ErrorBody),
              (status = 409, description = "The address signs in to several centres: `tenant` picks (`choose_tenant`)", body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody), (status = 429, body = crate::error::ErrorBody)))]
pub async fn token(
    State(s): State<AppState>,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    body: Result<ApiJson<TokenRequest>, ApiError>,
) -> Result<Json<TokenResponse>, ApiError> {
    let ApiJson(body) = match body {
        Ok(b) => b,
        Err(refused) => {
            // Refused before it was read (a control character, say): still a failed
            // sign-in, audited without what was typed.
            if refused.status == axum::http::StatusCode::UNPROCESSABLE_ENTITY {
                auth::refused_input(&s.app, "", addr.as_deref()).await?;
            }
            return Err(refused);
        }
    };
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
    let attempt = auth::Attempt {
        email: &body.email,
        password: &body.password,
        tenant: body.tenant.as_deref(),
        code: body.totp.as_deref(),
        address: addr.as_deref(),
        kind: Kind::Api,
    };
    let signed = match auth::attempt(&s.app, &attempt).await? {
        auth::Outcome::Done(signed) => *signed,
        // Not for tokens: the code comes with the request.
        auth::Outcome::NeedsCode { .. } => {
            return Err(mittler_app::AppError::SecondFactorRequired.into());
        }
    };
    Ok(Json(TokenResponse {
        token: signed.token,
        expires_at: rfc3339(signed.expires_at),
        role: signed.user.role.as_str().to_owned(),
        tenant: (!signed.user.role.installation_wide()).then_some(signed.tenant_slug),
    }))
}
