//! Issued documents over the API: invoices (XRechnung and PDF), their cancellation, and
//! the mediators' statements.

use super::billing::*;
use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use mittler_app::billing;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct MonthQuery {
    /// `YYYY-MM`
    month: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/invoices", tag = "billing", params(MonthQuery), security(("bearer" = [])),
    responses((status = 200, body = [InvoiceOut]), (status = 422, body = crate::error::ErrorBody)))]
pub async fn list_invoices(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<MonthQuery>,
) -> Result<Json<Vec<InvoiceOut>>, ApiError> {
    let all = billing::invoices(&s.app, &a, q.month.as_deref()).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = InvoiceOut)))]
pub async fn get_invoice(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<InvoiceOut>, ApiError> {
    Ok(Json(
        billing::invoice(&s.app, &a, parse_id(&id)?).await?.into(),
    ))
}

pub(super) fn file(name: &str, kind: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}/xrechnung.xml", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "XRechnung 3.0 (UN/CEFACT CII)", content_type = "application/xml")))]
pub async fn invoice_xml(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (name, xml) = billing::invoice_xml(&s.app, &a, parse_id(&id)?).await?;
    Ok(file(&name, "application/xml", xml.into_bytes()))
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}/pdf", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The invoice as PDF", content_type = "application/pdf")))]
pub async fn invoice_pdf(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (name, pdf) = billing::invoice_pdf(&s.app, &a, parse_id(&id)?).await?;
    Ok(file(&name, "application/pdf", pdf))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct CancelBody {
    #[schema(required = true, min_length = 1, max_length = 500)]
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/invoices/{id}/cancel", tag = "billing", request_body = CancelBody, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 201, body = InvoiceOut, description = "The credit note"), (status = 409, body = crate::error::ErrorBody)))]
pub async fn cancel_invoice(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CancelBody>,
) -> Result<(StatusCode, Json<InvoiceOut>), ApiError> {
    let credit = billing::cancel_invoice(&s.app, &a, parse_id(&id)?, &b.reason).await?;
    Ok((StatusCode::CREATED, Json(credit.into())))
}

#[utoipa::path(get, path = "/api/v1/statements", tag = "billing", params(MonthQuery), security(("bearer" = [])),
    responses((status = 200, body = [StatementOut]), (status = 422, body = crate::error::ErrorBody)))]
pub async fn list_statements(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<MonthQuery>,
) -> Result<Json<Vec<StatementOut>>, ApiError> {
    let all = billing::statements(&s.app, &a, q.month.as_deref()).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

#[utoipa::path(get, path = "/api/v1/statements/{id}", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = StatementOut)))]
pub async fn get_statement(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<StatementOut>, ApiError> {
    Ok(Json(
        billing::statement(&s.app, &a, parse_id(&id)?).await?.into(),
    ))
}

#[utoipa::path(get, path = "/api/v1/statements/{id}/pdf", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The statement as PDF", content_type = "application/pdf")))]
pub async fn statement_pdf(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (name, pdf) = billing::statement_pdf(&s.app, &a, parse_id(&id)?).await?;
    Ok(file(&name, "application/pdf", pdf))
}
