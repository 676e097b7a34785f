//! `/api/v1/reports/summary`: the figures for the council and the funders.

use super::documents::file;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiActor;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct SummaryQuery {
    /// `YYYY-MM-DD`, inclusive.
    from: Option<String>,
    /// `YYYY-MM-DD`, inclusive (at most three years after `from`).
    to: Option<String>,
    /// language (default), sector, category, mode, month, institution or gender (of the mediator).
    by: Option<String>,
    /// `json` (default), `csv` (for German Excel: semicolons, decimal commas) or `pdf`.
    format: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SummaryRowOut {
    key: String,
    requests: i64,
    served: i64,
    unserved: i64,
    cancelled: i64,
    late_cancelled: i64,
    hours: f64,
    client_cents: i64,
    mediator_cents: i64,
    median_lead_h: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ReasonsOut {
    no_speaker: i64,
    nobody_free: i64,
    short_notice: i64,
    unfunded: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    rows: Vec<SummaryRowOut>,
    total: SummaryRowOut,
    unserved_reasons: ReasonsOut,
}

fn row_out(r: mittler_domain::report::Row) -> SummaryRowOut {
    SummaryRowOut {
        key: r.key,
        requests: r.requests,
        served: r.served,
        unserved: r.unserved,
        cancelled: r.cancelled,
        late_cancelled: r.late_cancelled,
        hours: r.hours,
        client_cents: r.client_cents,
        mediator_cents: r.mediator_cents,
        median_lead_h: r.median_lead_h,
    }
}

#[utoipa::path(get, path = "/api/v1/reports/summary", tag = "billing", params(SummaryQuery), security(("bearer" = [])),
    responses((status = 200, body = SummaryOut, description = "JSON; with format=csv text/csv, with format=pdf a PDF"),
        (status = 422, body = crate::error::ErrorBody, description = "`from`, `to`, `by` or `format` invalid")))]
pub async fn summary(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<SummaryQuery>,
) -> Result<Response, ApiError> {
    a.require(mittler_domain::Action::CloseMonth)
        .map_err(ApiError::from)?;
    let (from, to, by) =
        mittler_app::reports::parse(q.from.as_deref(), q.to.as_deref(), q.by.as_deref())?;
    let format = q.format.as_deref().unwrap_or("json");
    if !matches!(format, "json" | "csv" | "pdf") {
        return Err(
            mittler_app::AppError::Invalid(mittler_domain::FieldErrors::single(
                "format", "invalid",
            ))
            .into(),
        );
    }
    let sum = mittler_app::reports::summary(&s.app, &a, from, to, by).await?;
    let lang = mittler_app::i18n::Lang::parse(&a.lang).unwrap_or(mittler_app::i18n::Lang::De);
    let name = format!("bericht-{from}-{to}-{}", by.as_str());
    let internal = |e: mittler_documents::DocError| {
        ApiError::from(mittler_app::AppError::Internal(e.to_string()))
    };
    Ok(match format {
        "csv" => {
            let l = crate::reports::labels(lang, &sum, from, to, by);
            let body = mittler_documents::report_csv(&sum, &l).map_err(internal)?;
            file(&format!("{name}.csv"), "text/csv; charset=utf-8", body)
        }
        "pdf" => {
            let l = crate::reports::labels(lang, &sum, from, to, by);
            let body = mittler_documents::report_pdf(&sum, &l).map_err(internal)?;
            file(&format!("{name}.pdf"), "application/pdf", body)
        }
        _ => Json(SummaryOut {
            rows: sum.rows.into_iter().map(row_out).collect(),
            total: row_out(sum.total),
            unserved_reasons: ReasonsOut {
                no_speaker: sum.unserved_reasons.no_speaker,
                nobody_free: sum.unserved_reasons.nobody_free,
                short_notice: sum.unserved_reasons.short_notice,
                unfunded: sum.unserved_reasons.unfunded,
            },
        })
        .into_response(),
    })
}
