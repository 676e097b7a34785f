//! A person's rights under the GDPR (admins): `GET /api/v1/privacy/export?subject=` gives
//! everything held about a subject with who read it (Art. 15); `POST
//! /api/v1/privacy/erase` erases it everywhere but in the documents a law keeps (Art. 17).

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Query, State};
use mittler_app::privacy;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct ExportQuery {
    /// `mediator:ID`, `user:ID`, `client:REFERENCE` or `email:ADDRESS`.
    subject: String,
}

#[utoipa::path(get, path = "/api/v1/privacy/export", tag = "privacy", params(ExportQuery), security(("bearer" = [])),
    responses((status = 200, description = "Everything held about the subject, by kind of record, and `read_by`: who read it", body = Object),
        (status = 404, body = crate::error::ErrorBody, description = "Nothing is held about the subject"),
        (status = 422, body = crate::error::ErrorBody)))]
pub async fn export(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ExportQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(privacy::export(&s.app, &a, &q.subject).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct EraseBody {
    /// `mediator:ID`, `user:ID`, `client:REFERENCE` or `email:ADDRESS`.
    subject: String,
    /// Why (the person's request, its date): recorded in the audit log.
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct ErasedOut {
    profiles: u64,
    accounts: u64,
    requests: u64,
    history: u64,
    registrations: u64,
    mails: u64,
    plans: u64,
    audit_details: u64,
    reminders: u64,
    /// Calls whose client reference went, and on-call plans.
    calls: u64,
}

#[utoipa::path(post, path = "/api/v1/privacy/erase", tag = "privacy", request_body = EraseBody, security(("bearer" = [])),
    responses((status = 200, body = ErasedOut, description = "What was erased, per kind of record"),
        (status = 404, body = crate::error::ErrorBody, description = "Nothing is held about the subject"),
        (status = 422, body = crate::error::ErrorBody)))]
pub async fn erase(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<EraseBody>,
) -> Result<Json<ErasedOut>, ApiError> {
    let e = privacy::erase(&s.app, &a, &b.subject, &b.reason).await?;
    Ok(Json(ErasedOut {
        profiles: e.profiles,
        accounts: e.accounts,
        requests: e.requests,
        history: e.history,
        registrations: e.registrations,
        mails: e.mails,
        plans: e.plans,
        audit_details: e.audit_details,
        reminders: e.reminders,
        calls: e.calls,
    }))
}
