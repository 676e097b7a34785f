//! Single sign-on from the sign-in page: off to the centre's identity provider, and back.

use super::{PageResult, fail, safe_next};
use crate::AppState;
use crate::extract::{ClientAddress, PageCtx, PageQuery};
use crate::security::{cookie_value, set_cookie};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use mittler_app::{AppError, sso};
use serde::Deserialize;

/// The cookie that ties the provider's answer to the browser that asked.
const FLOW_COOKIE: &str = "mittler_sso";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartQuery {
    tenant: String,
    next: String,
}

pub async fn start(
    State(s): State<AppState>,
    ctx: PageCtx,
    PageQuery(q): PageQuery<StartQuery>,
) -> PageResult {
    let browser = mittler_app::auth::random_token();
    let next = safe_next(if q.next.is_empty() { "/" } else { &q.next }).to_owned();
    match sso::begin(&s.app, q.tenant.trim(), &next, &browser).await {
        Ok(url) => {
            let mut r = Redirect::to(&url).into_response();
            // Lax: the provider's answer is a top-level navigation from another site.
            if let Some(v) = set_cookie(
                FLOW_COOKIE,
                &browser,
                Some(600),
                s.config.secure_cookies,
                "Lax",
            ) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(r)
        }
        Err(AppError::Invalid(_)) => Ok(Redirect::to("/login?sso=unavailable").into_response()),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CallbackQuery {
    code: String,
    state: String,
    iss: Option<String>,
    error: Option<String>,
}

pub async fn callback(
    State(s): State<AppState>,
    ctx: PageCtx,
    headers: axum::http::HeaderMap,
    ClientAddress(addr): ClientAddress,
    PageQuery(q): PageQuery<CallbackQuery>,
) -> PageResult {
    let Some(browser) = cookie_value(&headers, FLOW_COOKIE) else {
        return Ok(Redirect::to("/login?sso=failed").into_response());
    };
    if q.error.is_some() || q.code.is_empty() {
        return Ok(Redirect::to("/login?sso=failed").into_response());
    }
    let answer = sso::Answer {
        code: &q.code,
        state: &q.state,
        iss: q.iss.as_deref(),
        browser,
        address: addr.as_deref(),
    };
    match sso::finish(&s.app, &answer).await {
        Ok((signed, next)) => {
            let mut r = Redirect::to(safe_next(&next)).into_response();
            for v in super::account::session_cookies(&s, &signed) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            if let Some(v) = set_cookie(FLOW_COOKIE, "", Some(0), s.config.secure_cookies, "Lax") {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(r)
        }
        Err(AppError::Forbidden) => Ok(Redirect::to("/login?sso=no-account").into_response()),
        Err(AppError::Unauthorized | AppError::NotFound | AppError::Invalid(_)) => {
            Ok(Redirect::to("/login?sso=failed").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
