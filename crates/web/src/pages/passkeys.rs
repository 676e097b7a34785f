//! Passkeys from the pages: registered on the security page, used at the sign-in's second
//! step. The ceremonies are JSON between `assets/passkey.js` and these handlers; the form
//! token comes as the `X-CSRF-Token` header.

use super::{PageError, PageResult, fail};
use crate::AppState;
use crate::extract::{PageCtx, SignedIn};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mittler_app::{AppError, auth};
use serde::Deserialize;

/// Refuses a JSON call without the page's form token.
pub(super) fn csrf_ok(ctx: &PageCtx, headers: &HeaderMap) -> Result<(), PageError> {
    let given = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ctx.csrf.is_empty() && given == ctx.csrf {
        Ok(())
    } else {
        let message = ctx.lang.t("error-csrf");
        Err(PageError(Box::new(
            (
                StatusCode::FORBIDDEN,
                Json(serde_json::json!({"error": "csrf", "message": message})),
            )
                .into_response(),
        )))
    }
}

fn json_error(e: AppError) -> Response {
    let status = match e {
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(detail) => {
            crate::error::log_internal(&detail);
            StatusCode::INTERNAL_SERVER_ERROR
        }
        _ => StatusCode::CONFLICT,
    };
    (status, Json(serde_json::json!({"error": status.as_u16()}))).into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Finish {
    name: String,
    credential: serde_json::Value,
}

fn body<T: serde::de::DeserializeOwned + Default>(bytes: &Bytes) -> Result<T, PageError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|_| {
        PageError(Box::new(
            (
                StatusCode::BAD_REQUEST,
                Json(serde_json::json!({"error": 400})),
            )
                .into_response(),
        ))
    })
}

pub async fn register_start(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    match auth::begin_passkey_registration(&s.app, &a).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => json_error(e),
    }
}

pub async fn register_finish(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    if let Err(r) = csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    let f: Finish = match body(&bytes) {
        Ok(f) => f,
        Err(r) => return r.into_response(),
    };
    match auth::finish_passkey_registration(&s.app, &a, &f.credential, &f.name).await {
        Ok(codes) => Json(serde_json::json!({ "recovery_codes": codes })).into_response(),
        Err(e) => json_error(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RemoveForm {
    csrf: String,
    password: String,
}

pub async fn remove(
    State(s): State<AppState>,
    SignedIn(ctx, _): SignedIn,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::extract::CheckedForm(f): crate::extract::CheckedForm<RemoveForm>,
) -> PageResult {
    let Some(session) = ctx.session.clone() else {
        return Err(fail(&ctx)(AppError::Unauthorized));
    };
    match auth::remove_passkey(&s.app, &session, &id, &f.password).await {
        Ok(()) => Ok(axum::response::Redirect::to("/account/two-factor").into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = super::field_error(ctx.lang, &e, "password");
            super::sessions::two_factor_with_error(&s, &ctx, msg).await
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

fn pending(headers: &HeaderMap) -> Option<&str> {
    crate::security::cookie_value(headers, super::account::PENDING_COOKIE)
}

pub async fn login_start(State(s): State<AppState>, ctx: PageCtx, headers: HeaderMap) -> Response {
    if let Err(r) = csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    let Some(p) = pending(&headers) else {
        return json_error(AppError::NotFound);
    };
    match auth::begin_passkey_login(&s.app, p).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => json_error(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginFinish {
    credential: serde_json::Value,
}

pub async fn login_finish(
    State(s): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
    bytes: Bytes,
) -> Response {
    if let Err(r) = csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    let Some(p) = pending(&headers) else {
        return json_error(AppError::NotFound);
    };
    let f: LoginFinish = match body(&bytes) {
        Ok(f) => f,
        Err(r) => return r.into_response(),
    };
    match auth::finish_passkey_login(&s.app, p, &f.credential, addr.as_deref()).await {
        Ok(signed) => {
            let next =
                super::safe_next(q.get("next").map(String::as_str).unwrap_or("/")).to_owned();
            let mut r = Json(serde_json::json!({ "next": next })).into_response();
            for v in super::account::session_cookies(&s, &signed) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Err(e) => json_error(e),
    }
}
