//! `/api/v1/me/...`: the caller's own second factor and sessions; and admins ending a
//! user's sessions.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson, ApiSession};
use axum::Json;
use axum::extract::{Path, State};
use mittler_app::auth;
use mittler_app::local_time::rfc3339;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct TotpStart {
    /// Base32, for typing into an authenticator app.
    secret: String,
    /// The `otpauth://` address the QR code carries.
    otpauth_url: String,
}

/// Starts enrolling a TOTP second factor; confirm with a first code.
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = TotpStart)))]
pub async fn totp_begin(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<TotpStart>, ApiError> {
    let e = auth::begin_totp(&s.app, &a).await?;
    Ok(Json(TotpStart {
        secret: e.secret,
        otpauth_url: e.otpauth_url,
    }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct CodeBody {
    /// The six digits the app shows now.
    #[schema(required = true, min_length = 1)]
    code: String,
}

#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Ten single-use codes, shown only this once.
    recovery_codes: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/me/totp/confirm", tag = "auth", security(("bearer" = [])),
    request_body = CodeBody, responses((status = 200, body = RecoveryCodes)))]
pub async fn totp_confirm(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<CodeBody>,
) -> Result<Json<RecoveryCodes>, ApiError> {
    let recovery_codes = auth::confirm_totp(&s.app, &a, &b.code).await?;
    Ok(Json(RecoveryCodes { recovery_codes }))
}

#[derive(Serialize, ToSchema)]
pub struct AccountSession {
    /// The handle to end it with.
    id: String,
    /// `web` or `api`.
    kind: String,
    created_at: String,
    last_seen_at: String,
    expires_at: String,
    address: Option<String>,
    /// The token of this request.
    current: bool,
}

/// The caller's sessions and API tokens.
#[utoipa::path(get, path = "/api/v1/me/sessions", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = Vec<AccountSession>)))]
pub async fn sessions(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
) -> Result<Json<Vec<AccountSession>>, ApiError> {
    let a = &session.actor;
    let list = auth::list_sessions(&s.app, a, a.user_id, Some(session.token_hash.as_str())).await?;
    Ok(Json(
        list.into_iter()
            .map(|v| AccountSession {
                id: v.id,
                kind: v.kind.into(),
                created_at: rfc3339(v.created_at),
                last_seen_at: rfc3339(v.last_seen_at),
                expires_at: rfc3339(v.expires_at),
                address: v.address,
                current: v.current,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct SessionsEnded {
    ended: u64,
}

/// Ends one of the caller's sessions or tokens (this one too, if named).
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", tag = "auth", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = SessionsEnded)))]
pub async fn end_session(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<SessionsEnded>, ApiError> {
    auth::end_session(&s.app, &a, a.user_id, &id).await?;
    Ok(Json(SessionsEnded { ended: 1 }))
}

/// Admins: ends every session and token of a user of the centre.
#[utoipa::path(delete, path = "/api/v1/users/{id}/sessions", tag = "users", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = SessionsEnded)))]
pub async fn end_user_sessions(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<SessionsEnded>, ApiError> {
    let id = parse_id(&id)?;
    if !a.may(mittler_domain::Action::ManageUsers) {
        // Another's sessions are not even visible to other roles.
        return Err(if id == a.user_id {
            mittler_app::AppError::Forbidden.into()
        } else {
            ApiError::not_found()
        });
    }
    let ended = auth::end_all_sessions(&s.app, &a, id).await?;
    Ok(Json(SessionsEnded { ended }))
}
