//! `GET /api/v1/languages`: the ISO 639-3 list with German and English names.

use crate::error::ApiError;
use crate::extract::ApiActor;
use axum::Json;
use axum::extract::Query;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct LanguageOut {
    code: &'static str,
    name_de: &'static str,
    name_en: &'static str,
}

#[derive(Deserialize, IntoParams)]
pub struct LanguageQuery {
    /// Part of a German or English name, or a code; without it, every language.
    q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/languages", tag = "languages", params(LanguageQuery),
    security(("bearer" = [])),
    responses((status = 200, body = [LanguageOut]), (status = 401, body = crate::error::ErrorBody)))]
pub async fn list(
    _actor: ApiActor,
    Query(q): Query<LanguageQuery>,
) -> Result<Json<Vec<LanguageOut>>, ApiError> {
    let out = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(q) => mittler_domain::language::search(q, 100),
        None => mittler_domain::language::all().iter().collect(),
    };
    Ok(Json(
        out.into_iter()
            .map(|l| LanguageOut {
                code: l.code,
                name_de: l.name_de,
                name_en: l.name_en,
            })
            .collect(),
    ))
}
