//! The own account's security: "my sessions" (sessions and API tokens, ended one by one
//! or all others), the second factor (TOTP with a QR code, recovery codes), and admins
//! ending all sessions of a user.

use super::{Base, PageResult, fail, render};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mittler_app::auth::{self, Enrolment, SessionView};
use mittler_app::local_time::local_text;
use mittler_app::{Actor, AppError};
use serde::Deserialize;

use super::CsrfForm;

struct Row {
    id: String,
    kind: String,
    created: String,
    last_seen: String,
    address: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "account_sessions.html")]
struct SessionsPage {
    base: Base,
    rows: Vec<Row>,
    notice: Option<String>,
    own: bool,
    action_base: String,
}

fn rows(ctx: &PageCtx, list: Vec<SessionView>) -> Vec<Row> {
    list.into_iter()
        .map(|s| Row {
            id: s.id,
            kind: ctx.lang.t(&format!("sessions-kind-{}", s.kind)),
            created: local_text(s.created_at),
            last_seen: local_text(s.last_seen_at),
            address: s.address.unwrap_or_default(),
            current: s.current,
        })
        .collect()
}

fn session_hash(ctx: &PageCtx) -> Option<&str> {
    ctx.session.as_ref().map(|s| s.token_hash.as_str())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeQuery {
    ended: Option<String>,
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    crate::extract::PageQuery(q): crate::extract::PageQuery<NoticeQuery>,
) -> PageResult {
    let list = auth::list_sessions(&s.app, &a, a.user_id, session_hash(&ctx))
        .await
        .map_err(fail(&ctx))?;
    Ok(render(&SessionsPage {
        base: Base::new(&ctx, "sessions-title"),
        rows: rows(&ctx, list),
        notice: q.ended.map(|_| ctx.lang.t("sessions-ended")),
        own: true,
        action_base: "/account/sessions".into(),
    }))
}

pub async fn end(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    auth::end_session(&s.app, &a, a.user_id, &id)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/account/sessions?ended=1").into_response())
}

/// Ends every session and token of the account but this one.
pub async fn end_others(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    let list = auth::list_sessions(&s.app, &a, a.user_id, session_hash(&ctx))
        .await
        .map_err(fail(&ctx))?;
    for other in list.iter().filter(|x| !x.current) {
        auth::end_session(&s.app, &a, a.user_id, &other.id)
            .await
            .map_err(fail(&ctx))?;
    }
    Ok(Redirect::to("/account/sessions?ended=1").into_response())
}

/// Admins: a user's sessions and tokens, with the button to end them all.
pub async fn of_user(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    let user = super::parse_id(&ctx, &id)?;
    admin_only(&ctx, &a)?;
    auth::end_all_sessions(&s.app, &a, user)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/users/{user}?sessions-ended=1")).into_response())
}

fn admin_only(ctx: &PageCtx, a: &Actor) -> Result<(), super::PageError> {
    // Another's sessions are not even visible to other roles.
    if a.may(mittler_domain::Action::ManageUsers) {
        Ok(())
    } else {
        Err(fail(ctx)(AppError::NotFound))
    }
}

#[derive(Template)]
#[template(path = "two_factor.html")]
struct TwoFactorPage {
    base: Base,
    /// (id, name, added, last used) of the own passkeys.
    passkeys: Vec<(String, String, String, String)>,
    passkeys_available: bool,
    enabled: bool,
    on_text: String,
    enrolment: Option<Enrolment>,
    codes: Vec<String>,
    error: Option<String>,
    required: bool,
}

async fn two_factor_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    codes: Vec<String>,
    error: Option<String>,
) -> Result<TwoFactorPage, super::PageError> {
    let (enabled, left) = auth::second_factor(&s.app, a).await.map_err(fail(ctx))?;
    let enrolment = if enabled {
        None
    } else {
        auth::pending_totp(&s.app, a).await.map_err(fail(ctx))?
    };
    let passkeys = auth::list_passkeys(&s.app, a)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|p| {
            (
                p.id,
                p.name,
                local_text(p.created_at),
                p.last_used_at.map(local_text).unwrap_or_default(),
            )
        })
        .collect();
    Ok(TwoFactorPage {
        base: Base::new(ctx, "two-factor-title"),
        passkeys,
        passkeys_available: auth::passkeys_available(&s.app),
        enabled,
        on_text: ctx
            .lang
            .t_args("two-factor-on", &[("left", left.to_string())]),
        enrolment,
        codes,
        error,
        required: ctx.session.as_ref().is_some_and(|s| s.must_enrol),
    })
}

/// The page again with an error under the password field (a passkey not removed).
pub async fn two_factor_with_error(
    s: &AppState,
    ctx: &PageCtx,
    error: Option<String>,
) -> PageResult {
    let Some(a) = ctx.actor().cloned() else {
        return Err(fail(ctx)(AppError::Unauthorized));
    };
    let page = two_factor_page(s, ctx, &a, Vec::new(), error).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}

pub async fn two_factor(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    Ok(render(
        &two_factor_page(&s, &ctx, &a, Vec::new(), None).await?,
    ))
}

/// Starts an enrolment: a new secret and its QR code.
pub async fn begin(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    auth::begin_totp(&s.app, &a).await.map_err(fail(&ctx))?;
    Ok(Redirect::to("/account/two-factor").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    csrf: String,
    code: String,
}

/// Confirms the enrolment with a first code and shows the recovery codes once.
pub async fn confirm(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<CodeForm>,
) -> PageResult {
    match auth::confirm_totp(&s.app, &a, &f.code).await {
        Ok(codes) => Ok(render(&two_factor_page(&s, &ctx, &a, codes, None).await?)),
        Err(AppError::Invalid(e)) => {
            let msg = super::field_error(ctx.lang, &e, "code");
            let page = two_factor_page(&s, &ctx, &a, Vec::new(), msg).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    csrf: String,
    password: String,
}

pub async fn remove(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<PasswordForm>,
) -> PageResult {
    let Some(session) = ctx.session.clone() else {
        return Err(fail(&ctx)(AppError::Unauthorized));
    };
    match auth::remove_totp(&s.app, &session, &f.password).await {
        Ok(()) => Ok(Redirect::to("/account/two-factor").into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = super::field_error(ctx.lang, &e, "password");
            let page = two_factor_page(&s, &ctx, &a, Vec::new(), msg).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
