//! Signing in and out, the language switch, the own password, language search for pickers.

use super::{Base, PageResult, fail, render, safe_next};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{
    CheckedForm, LANG_COOKIE, PageCtx, SECURE_SESSION_COOKIE, SESSION_COOKIE, SignedIn,
};
use crate::i18n::Lang;
use crate::security::set_cookie;
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::AppError;
use mittler_app::auth;
use mittler_app::auth::SessionKind as Kind;
use serde::{Deserialize, Serialize};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    base: Base,
    email: String,
    next: String,
    message: Option<String>,
    demo: Vec<(String, String, String)>,
    /// The centres to choose from, where the address signs in to several.
    tenants: Vec<(String, String)>,
    /// The centres that offer single sign-on: (slug, name).
    sso: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    base: Base,
    next: String,
    message: Option<String>,
    /// The waiting account has a passkey: the button to use it.
    passkey: bool,
}

async fn code_page(
    s: &AppState,
    ctx: &PageCtx,
    headers: &axum::http::HeaderMap,
    next: String,
    message: Option<String>,
) -> CodePage {
    let passkey = match crate::security::cookie_value(headers, PENDING_COOKIE) {
        Some(p) => auth::pending_factors(&s.app, p)
            .await
            .map(|(_, passkey)| passkey)
            .unwrap_or(false),
        None => false,
    };
    CodePage {
        base: Base::new(ctx, "login-code-title"),
        next,
        message,
        passkey,
    }
}

/// The cookie of a sign-in waiting for its second factor.
pub const PENDING_COOKIE: &str = "mittler_pending";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    next: Option<String>,
    /// How a single sign-on ended, when it did not.
    sso: Option<String>,
}

fn login_page(
    state: &AppState,
    ctx: &PageCtx,
    email: String,
    next: String,
    message: Option<String>,
) -> LoginPage {
    let demo = state
        .config
        .demo_logins
        .iter()
        .map(|d| {
            (
                ctx.lang.t(&format!("role-{}", d.role)),
                d.email.clone(),
                d.password.clone(),
            )
        })
        .collect();
    LoginPage {
        base: Base::new(ctx, "login-title"),
        email,
        next,
        message,
        demo,
        tenants: Vec::new(),
        sso: Vec::new(),
    }
}

pub async fn login_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    PageQuery(q): PageQuery<NextQuery>,
) -> Response {
    if ctx.session.is_some() {
        return Redirect::to("/").into_response();
    }
    let next = safe_next(q.next.as_deref().unwrap_or("/")).to_owned();
    let message = match q.sso.as_deref() {
        Some("no-account") => Some(ctx.lang.t("login-sso-no-account")),
        Some("unavailable") => Some(ctx.lang.t("login-sso-unavailable")),
        Some(_) => Some(ctx.lang.t("login-sso-failed")),
        None => None,
    };
    let mut page = login_page(&s, &ctx, String::new(), next, message);
    page.sso = mittler_app::sso::centres(&s.app).await.unwrap_or_default();
    render(&page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    csrf: String,
    email: String,
    password: String,
    tenant: String,
    next: String,
}

/// The answer to a finished sign-in: the session cookie, and on to `next` (or to the
/// password change an admin asked for, or to the enrolment the centre requires).
fn signed_in(s: &AppState, signed: &auth::SignedIn, next: &str) -> Response {
    let mut r = Redirect::to(next).into_response();
    for v in session_cookies(s, signed) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The cookies of a new session: the session's, and the end of a waiting sign-in's.
pub fn session_cookies(s: &AppState, signed: &auth::SignedIn) -> Vec<axum::http::HeaderValue> {
    let name = if s.config.secure_cookies {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    };
    let age = auth::WEB_SESSION.as_secs();
    [
        set_cookie(
            name,
            &signed.token,
            Some(age),
            s.config.secure_cookies,
            "Lax",
        ),
        set_cookie(PENDING_COOKIE, "", Some(0), s.config.secure_cookies, "Lax"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn locked_message(ctx: &PageCtx, retry_after_secs: i64) -> Option<String> {
    let minutes = ((retry_after_secs + 59) / 60).max(1);
    Some(
        ctx.lang
            .t_args("login-locked", &[("minutes", minutes.to_string())]),
    )
}

pub async fn login(
    State(s): State<AppState>,
    ctx: PageCtx,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    form: Result<CheckedForm<LoginForm>, Response>,
) -> PageResult {
    let CheckedForm(f) = match form {
        Ok(f) => f,
        Err(refused) => {
            // A form refused before it was read (control characters, say) is a failed
            // sign-in too: audited, without what was typed.
            if refused.status() == axum::http::StatusCode::UNPROCESSABLE_ENTITY {
                auth::refused_input(&s.app, "", addr.as_deref())
                    .await
                    .map_err(fail(&ctx))?;
            }
            return Ok(refused);
        }
    };
    let next = safe_next(&f.next).to_owned();
    let attempt = auth::Attempt {
        email: &f.email,
        password: &f.password,
        tenant: Some(f.tenant.as_str()),
        code: None,
        address: addr.as_deref(),
        kind: Kind::Web,
    };
    match auth::attempt(&s.app, &attempt).await {
        Ok(auth::Outcome::Done(signed)) => Ok(signed_in(&s, &signed, &next)),
        Ok(auth::Outcome::NeedsCode { pending }) => {
            let to = format!("/login/code?next={}", super::encode_query(&next));
            let mut r = Redirect::to(&to).into_response();
            let age = auth::PENDING.as_secs();
            if let Some(v) = set_cookie(
                PENDING_COOKIE,
                &pending,
                Some(age),
                s.config.secure_cookies,
                "Lax",
            ) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(r)
        }
        Err(AppError::Unauthorized) => {
            let msg = Some(ctx.lang.t("login-failed"));
            let page = login_page(&s, &ctx, f.email.trim().to_owned(), next, msg);
            Ok((axum::http::StatusCode::UNAUTHORIZED, render(&page)).into_response())
        }
        Err(AppError::ChooseTenant(slugs)) => {
            let mut tenants = Vec::new();
            for slug in slugs {
                let name = mittler_app::tenants::by_slug(&s.app, &slug)
                    .await
                    .map_err(fail(&ctx))?
                    .name;
                tenants.push((slug, name));
            }
            let msg = Some(ctx.lang.t("login-choose-centre"));
            let mut page = login_page(&s, &ctx, f.email.trim().to_owned(), next, msg);
            page.tenants = tenants;
            Ok((axum::http::StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(AppError::TooMany { retry_after_secs }) => {
            let msg = locked_message(&ctx, retry_after_secs);
            let page = login_page(&s, &ctx, f.email.trim().to_owned(), next, msg);
            Ok((axum::http::StatusCode::TOO_MANY_REQUESTS, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn code_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    headers: axum::http::HeaderMap,
    PageQuery(q): PageQuery<NextQuery>,
) -> Response {
    let next = safe_next(q.next.as_deref().unwrap_or("/")).to_owned();
    render(&code_page(&s, &ctx, &headers, next, None).await)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    csrf: String,
    code: String,
    next: String,
}

/// The second step of a sign-in: the code of the authenticator app, or a recovery code.
pub async fn code(
    State(s): State<AppState>,
    ctx: PageCtx,
    headers: axum::http::HeaderMap,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    CheckedForm(f): CheckedForm<CodeForm>,
) -> PageResult {
    let next = safe_next(&f.next).to_owned();
    let Some(pending) = crate::security::cookie_value(&headers, PENDING_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    match auth::complete(&s.app, pending, &f.code, addr.as_deref()).await {
        Ok(signed) => Ok(signed_in(&s, &signed, &next)),
        Err(AppError::Unauthorized) => {
            let msg = Some(ctx.lang.t("error-wrong-code"));
            let page = code_page(&s, &ctx, &headers, next, msg).await;
            Ok((axum::http::StatusCode::UNAUTHORIZED, render(&page)).into_response())
        }
        // Expired, or too many wrong codes: start again.
        Err(AppError::NotFound) => Ok(Redirect::to("/login").into_response()),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

use super::CsrfForm;

pub async fn logout(
    State(s): State<AppState>,
    ctx: PageCtx,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    if let Some(session) = &ctx.session {
        auth::sign_out(&s.app, session).await.map_err(fail(&ctx))?;
    }
    let name = if s.config.secure_cookies {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    };
    let mut r = Redirect::to("/login").into_response();
    if let Some(v) = set_cookie(name, "", Some(0), s.config.secure_cookies, "Lax") {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    // The offline copies of the own pages go with the session.
    r.headers_mut().insert(
        axum::http::HeaderName::from_static("clear-site-data"),
        axum::http::HeaderValue::from_static("\"cache\", \"storage\""),
    );
    Ok(r)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LangForm {
    csrf: String,
    lang: String,
    next: String,
}

/// The language switch on every page: a cookie, and the user's preference when signed in.
pub async fn switch_language(
    State(s): State<AppState>,
    ctx: PageCtx,
    CheckedForm(f): CheckedForm<LangForm>,
) -> PageResult {
    let Some(lang) = Lang::parse(&f.lang) else {
        return Err(fail(&ctx)(AppError::Invalid(
            mittler_domain::FieldErrors::single("lang", "invalid"),
        )));
    };
    if let Some(a) = ctx.actor() {
        auth::set_language(&s.app, a, lang.code())
            .await
            .map_err(fail(&ctx))?;
    }
    let mut r = Redirect::to(safe_next(&f.next)).into_response();
    if let Some(v) = set_cookie(
        LANG_COOKIE,
        lang.code(),
        Some(365 * 24 * 3600),
        s.config.secure_cookies,
        "Lax",
    ) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    base: Base,
    done: bool,
    initial: bool,
    fields: Vec<(&'static str, String, &'static str, Option<String>)>,
}

fn password_page(ctx: &PageCtx, errors: &mittler_domain::FieldErrors, done: bool) -> PasswordPage {
    let initial = ctx.session.as_ref().is_some_and(|s| s.must_change_password);
    let l = ctx.lang;
    let f = |name: &'static str, key: &str, auto: &'static str| {
        (name, l.t(key), auto, super::field_error(l, errors, name))
    };
    PasswordPage {
        base: Base::new(ctx, "password-title"),
        done,
        initial,
        fields: vec![
            f("old_password", "password-old", "current-password"),
            f("new_password", "password-new", "new-password"),
            f("confirm_password", "password-confirm", "new-password"),
        ],
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn password_form(
    SignedIn(ctx, _): SignedIn,
    PageQuery(q): PageQuery<DoneQuery>,
) -> Response {
    render(&password_page(&ctx, &Default::default(), q.done.is_some()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    csrf: String,
    old_password: String,
    new_password: String,
    confirm_password: String,
}

pub async fn change_password(
    State(s): State<AppState>,
    SignedIn(ctx, _): SignedIn,
    CheckedForm(f): CheckedForm<PasswordForm>,
) -> PageResult {
    let Some(session) = ctx.session.clone() else {
        return Err(fail(&ctx)(AppError::Unauthorized));
    };
    match auth::change_password(
        &s.app,
        &session,
        &f.old_password,
        &f.new_password,
        &f.confirm_password,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account/password?done=1").into_response()),
        Err(AppError::Invalid(e)) => Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            render(&password_page(&ctx, &e, false)),
        )
            .into_response()),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
}

#[derive(Serialize)]
pub struct LanguageOption {
    code: &'static str,
    label: String,
}

/// Suggestions for the language pickers of the forms: the whole ISO 639-3 list.
pub async fn language_search(
    SignedIn(ctx, _): SignedIn,
    PageQuery(q): PageQuery<SearchQuery>,
) -> Json<Vec<LanguageOption>> {
    let lang = ctx.lang;
    Json(
        mittler_domain::language::search(&q.q, 30)
            .into_iter()
            .map(|l| LanguageOption {
                code: l.code,
                label: format!("{} ({})", lang.language_name(l.code), l.code),
            })
            .collect(),
    )
}
