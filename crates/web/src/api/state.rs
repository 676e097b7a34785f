//! `/api/v1/state/summary`: the state's figures across the centres that share them.

use super::documents::file;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiActor;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use mittler_domain::state::Figures;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct StateQuery {
    /// `YYYY-MM-DD`, inclusive.
    from: Option<String>,
    /// `YYYY-MM-DD`, inclusive (at most five years after `from`).
    to: Option<String>,
    /// tenant (default), language, sector or month.
    by: Option<String>,
    /// `json` (default) or `csv` (for German Excel: semicolons, decimal commas).
    format: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UnservedOut {
    no_speaker: i64,
    short_notice: i64,
    nobody_free: i64,
}

/// One group's figures; all numbers null and `suppressed: true` where the group (or
/// the total less the others) could name fewer than 5 requests.
#[derive(Serialize, ToSchema)]
pub struct StateRowOut {
    /// The centre's slug, the language's ISO 639-3 code, the sector or `YYYY-MM`.
    key: String,
    suppressed: bool,
    requests: Option<i64>,
    served: Option<i64>,
    unserved: Option<i64>,
    unserved_reasons: Option<UnservedOut>,
    cancelled: Option<i64>,
    hours: Option<f64>,
    median_confirm_h: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct StateOut {
    rows: Vec<StateRowOut>,
    /// The total over every row (suppressed too when it is under 5).
    total: StateRowOut,
}

fn row(key: String, f: Option<Figures>) -> StateRowOut {
    let u = f.as_ref().map(|f| UnservedOut {
        no_speaker: f.unserved_reasons.no_speaker,
        short_notice: f.unserved_reasons.short_notice,
        nobody_free: f.unserved_reasons.nobody_free,
    });
    StateRowOut {
        key,
        suppressed: f.is_none(),
        requests: f.as_ref().map(|f| f.requests),
        served: f.as_ref().map(|f| f.served),
        unserved: f.as_ref().map(|f| f.unserved),
        unserved_reasons: u,
        cancelled: f.as_ref().map(|f| f.cancelled),
        hours: f.as_ref().map(|f| f.hours),
        median_confirm_h: f.as_ref().and_then(|f| f.median_confirm_h),
    }
}

#[utoipa::path(get, path = "/api/v1/state/summary", tag = "state", params(StateQuery), security(("bearer" = [])),
    responses((status = 200, body = StateOut, description = "JSON; with format=csv text/csv"),
        (status = 403, body = crate::error::ErrorBody, description = "Not a state viewer"),
        (status = 422, body = crate::error::ErrorBody, description = "`from`, `to`, `by` or `format` invalid")))]
pub async fn summary(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<StateQuery>,
) -> Result<Response, ApiError> {
    a.require(mittler_domain::Action::ReadStateFigures)
        .map_err(ApiError::from)?;
    let (from, to, by) =
        mittler_app::state::parse(q.from.as_deref(), q.to.as_deref(), q.by.as_deref())?;
    let format = q.format.as_deref().unwrap_or("json");
    if !matches!(format, "json" | "csv") {
        return Err(
            mittler_app::AppError::Invalid(mittler_domain::FieldErrors::single(
                "format", "invalid",
            ))
            .into(),
        );
    }
    let sum = mittler_app::state::summary(&s.app, &a, from, to, by).await?;
    if format == "csv" {
        let lang = mittler_app::i18n::Lang::parse(&a.lang).unwrap_or(mittler_app::i18n::Lang::De);
        let names = mittler_app::state::centre_names(&s.app, &a).await?;
        let labels = crate::reports::state_labels(lang, by, &sum, &names);
        let body = mittler_documents::state_csv(&sum, &labels)
            .map_err(|e| ApiError::from(mittler_app::AppError::Internal(e.to_string())))?;
        return Ok(file(
            &format!("land-{from}-{to}-{}.csv", by.as_str()),
            "text/csv; charset=utf-8",
            body,
        ));
    }
    Ok(Json(StateOut {
        rows: sum
            .rows
            .into_iter()
            .map(|r| row(r.key, r.figures))
            .collect(),
        total: row("total".into(), sum.total),
    })
    .into_response())
}
