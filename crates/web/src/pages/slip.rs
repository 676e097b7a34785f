//! The client's appointment slip: a page to print and a PDF, in the client's language.

use super::{Base, PageError, PageResult, fail, parse_id, render};
use crate::AppState;
use crate::extract::{CheckedForm, PageQuery, SignedIn};
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
    msg: Option<String>,
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
    /// The client's reminder: the address it goes to, once set up.
    reminder: Option<String>,
    /// What was typed into the reminder form, and what is wrong with it.
    remind_contact: String,
    remind_errors: Vec<String>,
    message: Option<String>,
    /// Whether a mobile number may be given (an SMS gateway is configured).
    sms: bool,
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
    let message = super::MessageQuery { msg: q.msg.clone() }.text(ctx.lang);
    slip_page(&s, &ctx, &a, &id, &q, String::new(), Vec::new(), message).await
}

#[allow(clippy::too_many_arguments)]
async fn slip_page(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &mittler_app::Actor,
    id: &str,
    q: &SlipQuery,
    remind_contact: String,
    remind_errors: Vec<String>,
    message: Option<String>,
) -> PageResult {
    let (id, slip) = load(s, ctx, a, id, q).await?;
    let query = format!(
        "lang={}&bring={}",
        slip.lang.code(),
        super::encode_query(q.bring.trim())
    );
    let reminder = slip::reminder_of(&s.app, a, id)
        .await
        .map_err(fail(ctx))?
        .map(|(contact, _)| contact);
    Ok(render(&SlipPage {
        base: Base::new(ctx, "slip-page-title"),
        id: id.to_string(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code(), l.autonym(), *l == slip.lang))
            .collect(),
        bring: q.bring.trim().to_owned(),
        query,
        reminder,
        remind_contact,
        remind_errors,
        message,
        sms: s.app.sms,
        slip,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReminderForm {
    csrf: String,
    contact: String,
    lang: String,
    consent: Option<String>,
}

pub async fn set_reminder(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ReminderForm>,
) -> PageResult {
    let rid = parse_id(&ctx, &id)?;
    let _ = &f.csrf;
    match slip::set_reminder(&s.app, &a, rid, &f.contact, &f.lang, f.consent.is_some()).await {
        Ok(()) => Ok(axum::response::Redirect::to(&format!(
            "/requests/{rid}/slip?lang={}&msg=reminder-saved",
            super::encode_query(f.lang.trim())
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let lang = ctx.lang;
            let errors = e
                .iter()
                .map(|(field, reason)| match field {
                    "contact" => {
                        format!("{}: {}", lang.t("slip-remind-contact"), lang.reason(reason))
                    }
                    "consent" => lang.t("slip-remind-consent"),
                    other => format!("{other}: {}", lang.reason(reason)),
                })
                .collect();
            let q = SlipQuery {
                lang: f.lang.clone(),
                ..Default::default()
            };
            let page = slip_page(&s, &ctx, &a, &id, &q, f.contact.clone(), errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict(_)) => Err(PageError(Box::new(super::message_page(
            &ctx,
            StatusCode::CONFLICT,
            ctx.lang.t("error-not-confirmed"),
        )))),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn clear_reminder(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<super::CsrfForm>,
) -> PageResult {
    let rid = parse_id(&ctx, &id)?;
    slip::clear_reminder(&s.app, &a, rid)
        .await
        .map_err(fail(&ctx))?;
    Ok(
        axum::response::Redirect::to(&format!("/requests/{rid}/slip?msg=reminder-deleted"))
            .into_response(),
    )
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
