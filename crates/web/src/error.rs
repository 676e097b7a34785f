//! How errors reach the user: JSON for the API, a page for the browser.
//! Internal details are logged with an error id and never shown.

use crate::i18n::Lang;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mittler_app::AppError;
use mittler_domain::FieldErrors;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// Why a mediator cannot serve a request (409 of assign, invite and accept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// An error of the JSON API.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
    pub reasons: Vec<String>,
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            fields: BTreeMap::new(),
            reasons: Vec::new(),
            retry_after: None,
        }
    }

    pub fn malformed(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "malformed", message)
    }

    pub fn invalid(errors: &FieldErrors) -> ApiError {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "The input is invalid.",
        );
        e.fields = errors
            .iter()
            .map(|(k, v)| (k.to_owned(), Lang::En.reason(v)))
            .collect();
        e
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unknown e-mail or wrong password, or no valid token.",
        )
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "Not found.")
    }
}

/// Logs an internal error and returns the id to show: the request's id, which every
/// log line of the request carries.
pub fn log_internal(detail: &str) -> String {
    let id = crate::request_id::current();
    tracing::error!(error_id = %id, "{detail}");
    id
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Unauthorized => ApiError::unauthorized(),
            AppError::Forbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Your role may not do this.",
            ),
            AppError::NotFound => ApiError::not_found(),
            AppError::Invalid(f) => ApiError::invalid(&f),
            AppError::Conflict(_) => ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                "The change conflicts with the current state.",
            ),
            AppError::Unavailable(reasons) => {
                let mut e = ApiError::new(
                    StatusCode::CONFLICT,
                    "unavailable",
                    "The mediator cannot serve this request.",
                );
                e.reasons = reasons.iter().map(|r| r.as_str().to_owned()).collect();
                e
            }
            AppError::Taken(field) => {
                let mut e =
                    ApiError::new(StatusCode::CONFLICT, "taken", "A value is already in use.");
                e.fields.insert(field.to_owned(), Lang::En.reason("taken"));
                e
            }
            AppError::TooMany { retry_after_secs } => {
                let mut e = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    "Too many attempts; try again later.",
                );
                e.retry_after = Some(retry_after_secs);
                e
            }
            AppError::SecondFactorRequired => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "second_factor_required",
                "Send the code of your authenticator app (or a recovery code) as `totp`.",
            ),
            AppError::NobodyOnCall => ApiError::new(
                StatusCode::CONFLICT,
                "nobody_on_call",
                "Nobody on call now may take this call; book an appointment instead.",
            ),
            AppError::ChooseTenant(slugs) => {
                let mut e = ApiError::new(
                    StatusCode::CONFLICT,
                    "choose_tenant",
                    format!(
                        "This address signs in to several centres; say which as `tenant`: {}.",
                        slugs.join(", ")
                    ),
                );
                e.fields.insert("tenant".to_owned(), slugs.join(","));
                e
            }
            AppError::Internal(detail) => {
                let id = log_internal(&detail);
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    format!("Internal error (id {id})."),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
                fields: self.fields,
                reasons: self.reasons,
            },
        };
        let mut r = (self.status, Json(body)).into_response();
        if let Some(s) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}
