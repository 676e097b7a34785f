//! The client's appointment slip: a page to print and a PDF, in the client's language.

use super::{Base, PageError, PageResult, fail, parse_id, render};
use crate::AppState;
use crate::extract::{PageQuery, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use mittler_app::AppError;
use mittler_app::slip::{self, Slip};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SlipQuery {
    lang: String,
    bring: String,
}

#[derive(Template)]
#[template(path = "requests/slip.html")]
struct SlipPage {
    base: Base,
    id: String,
    slip: Slip,
    bring: String,
    /// (code, own name, chosen)
    langs: Vec<(&'static str, &'static str, bool)>,
    /// The query of the PDF link.
    query: String,
}

async fn load(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &mittler_app::Actor,
    id: &str,
    q: &SlipQuery,
) -> Result<(uuid::Uuid, Slip), PageError> {
    let id = parse_id(ctx, id)?;
    let lang = Lang::parse(q.lang.trim());
    match slip::slip(&s.app, a, id, lang, q.bring.trim()).await {
        Ok(slip) => Ok((id, slip)),
        Err(AppError::Conflict(_)) => Err(PageError(Box::new(super::message_page(
            ctx,
            StatusCode::CONFLICT,
            ctx.lang.t("error-not-confirmed"),
        )))),
        Err(e) => Err(fail(ctx)(e)),
    }
}

pub async fn page(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<SlipQuery>,
) -> PageResult {
    let (id, slip) = load(&s, &ctx, &a, &id, &q).await?;
    let query = format!(
        "lang={}&bring={}",
        slip.lang.code(),
        super::encode_query(q.bring.trim())
    );
    Ok(render(&SlipPage {
        base: Base::new(&ctx, "slip-page-title"),
        id: id.to_string(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code(), l.autonym(), *l == slip.lang))
            .collect(),
        bring: q.bring.trim().to_owned(),
        query,
        slip,
    }))
}

pub async fn pdf(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<SlipQuery>,
) -> PageResult {
    let id = id.strip_suffix(".pdf").unwrap_or(&id).to_owned();
    let (_, slip) = load(&s, &ctx, &a, &id, &q).await?;
    let bytes = slip::pdf(&slip).map_err(fail(&ctx))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"termin.pdf\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        bytes,
    )
        .into_response())
}
