//! Extractors: who is calling (bearer token or session cookie), in which language,
//! from which address, with which CSRF token; and JSON bodies with field-named errors.

use crate::AppState;
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::security::{CsrfCookie, cookie_value};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::Actor;
use mittler_app::auth::SessionKind as Kind;
use mittler_app::auth::{self, CurrentSession};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "mittler_session";
pub const SECURE_SESSION_COOKIE: &str = "__Host-mittler_session";
pub const LANG_COOKIE: &str = "mittler_lang";

/// The caller's network address. Behind a trusted proxy it is the last `X-Forwarded-For`
/// entry, the one the proxy added (earlier entries come from the client and may be forged).
pub fn client_address(parts: &Parts, state: &AppState) -> Option<String> {
    if state.config.trust_proxy
        && let Some(first) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|xff| xff.rsplit(',').next())
    {
        return Some(first.trim().to_owned());
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
}

/// The caller's network address, for throttling and the audit log.
pub struct ClientAddress(pub Option<String>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts, state)))
    }
}

/// The signed-in caller of the JSON API, from `Authorization: Bearer TOKEN`.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        bearer_session(parts, state)
            .await
            .map(|s| ApiActor(s.actor))
    }
}

/// The bearer token's whole session (the own sessions' list marks it as the current one).
pub struct ApiSession(pub CurrentSession);

impl FromRequestParts<AppState> for ApiSession {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        bearer_session(parts, state).await.map(ApiSession)
    }
}

async fn bearer_session(parts: &Parts, state: &AppState) -> Result<CurrentSession, ApiError> {
    {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token)
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() < 200)
            .ok_or_else(ApiError::unauthorized)?;
        let address = client_address(parts, state);
        match auth::session(&state.app, token, Kind::Api, address.as_deref()).await? {
            Some(s) => Ok(s),
            None => Err(ApiError::unauthorized()),
        }
    }
}

/// A JSON body; syntax errors answer 400, wrong types 422 naming the field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(ApiError::malformed("Send the body as application/json."));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(r.status(), "too_large", "The body is too large.")
            } else {
                ApiError::malformed("The body could not be read.")
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Reads a request body: always a JSON object (serde would also fill a struct from an
/// array, which no client means), its fields of the expected types.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        return Err(ApiError::malformed("The body must be a JSON object."));
    }
    // Control characters (a NUL byte above all, which PostgreSQL refuses) are named and
    // refused before any query.
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let mut bad = Vec::new();
        control_paths(&v, String::new(), &mut bad);
        if !bad.is_empty() {
            let mut err = ApiError::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "The input is invalid.",
            );
            for path in bad {
                err.fields
                    .insert(path, Lang::En.t("error-control-characters"));
            }
            return Err(err);
        }
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() && path != "." {
            let mut err = ApiError::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "The input is invalid.",
            );
            err.fields.insert(path, Lang::En.t("error-wrong-type"));
            err
        } else {
            ApiError::malformed("The body is not valid JSON of the expected shape.")
        }
    })
}

/// Whether a text holds a control character other than tab and line breaks.
pub fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{2028}')
}

/// The paths (`places[0].name`) of strings and keys that hold control characters.
fn control_paths(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if has_control(s) => {
            out.push(if at.is_empty() { ".".into() } else { at })
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                control_paths(item, format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                if has_control(k) {
                    out.push(path);
                } else {
                    control_paths(item, path, out);
                }
            }
        }
        _ => {}
    }
}

/// A submitted page form whose CSRF token matched the session's (or, signed out, the
/// anonymous cookie's): the one check every state-changing form passes, before its
/// handler runs. Repeated keys (`days=mo&days=tu`) fill a `Vec`, as with
/// `axum_extra`'s form. A mismatch is the "form expired" page (403); a body that is no
/// form at all, 400.
pub struct CheckedForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for CheckedForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = PageCtx::from_request_parts(&mut parts, state).await?;
        let req = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let bad = || crate::pages::bad_request(&ctx);
        let token: CsrfField = serde_html_form::from_bytes(&bytes).map_err(|_| bad())?;
        // Control characters are refused, naming the field, before any query.
        let pairs: Vec<(String, String)> =
            serde_html_form::from_bytes(&bytes).map_err(|_| bad())?;
        if let Some((field, _)) = pairs.iter().find(|(k, v)| has_control(k) || has_control(v)) {
            let name: String = field.chars().filter(|c| !c.is_control()).take(60).collect();
            return Err(crate::pages::message_page(
                &ctx,
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                format!("{name}: {}", ctx.lang.t("error-control-characters")),
            ));
        }
        crate::pages::check_csrf(&ctx, &token.csrf).map_err(IntoResponse::into_response)?;
        serde_html_form::from_bytes(&bytes)
            .map(CheckedForm)
            .map_err(|_| bad())
    }
}

/// A page's query string. A key given twice where one value is meant (`?lang=ar&lang=uk`,
/// as links pasted together make) counts once, the first; a query that still does not
/// fit gets the error page in the reader's language, not a plain-text 400.
pub struct PageQuery<T>(pub T);

impl<T: DeserializeOwned> FromRequestParts<AppState> for PageQuery<T> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(v) = first_values(parts.uri.query().unwrap_or("")) {
            return Ok(PageQuery(v));
        }
        let ctx = PageCtx::from_request_parts(parts, state).await?;
        Err(crate::pages::bad_link(&ctx))
    }
}

/// The query as `T`; where that fails, with each key's first value only.
fn first_values<T: DeserializeOwned>(query: &str) -> Option<T> {
    if let Ok(v) = serde_html_form::from_str::<T>(query) {
        return Some(v);
    }
    let mut seen = std::collections::HashSet::new();
    let first: Vec<&str> = query
        .split('&')
        .filter(|pair| seen.insert(pair.split('=').next().unwrap_or("")))
        .collect();
    serde_html_form::from_str::<T>(&first.join("&")).ok()
}

/// What every page needs: language, the session if any, the CSRF token, the path.
#[derive(Clone)]
pub struct PageCtx {
    pub lang: Lang,
    pub session: Option<CurrentSession>,
    pub csrf: String,
    pub path: String,
}

impl PageCtx {
    pub fn actor(&self) -> Option<&Actor> {
        self.session.as_ref().map(|s| &s.actor)
    }
}

fn session_token<'a>(headers: &'a HeaderMap, state: &AppState) -> Option<&'a str> {
    let name = if state.config.secure_cookies {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    };
    cookie_value(headers, name)
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Several extractors of one request ask for it: the session is looked up once.
        if let Some(ctx) = parts.extensions.get::<PageCtx>() {
            return Ok(ctx.clone());
        }
        let address = client_address(parts, state);
        let session = match session_token(&parts.headers, state) {
            Some(t) => auth::session(&state.app, t, Kind::Web, address.as_deref())
                .await
                .map_err(|e| crate::pages::error_page(Lang::De, e))?,
            None => None,
        };
        let lang = session
            .as_ref()
            .and_then(|s| Lang::parse(&s.actor.lang))
            .or_else(|| cookie_value(&parts.headers, LANG_COOKIE).and_then(Lang::parse))
            .or_else(|| {
                parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::from_accept)
            })
            .unwrap_or(Lang::De);
        let csrf = match &session {
            Some(s) => s.csrf.clone(),
            None => parts
                .extensions
                .get::<CsrfCookie>()
                .map(|c| c.0.clone())
                .unwrap_or_default(),
        };
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_else(|| "/".into());
        let ctx = PageCtx {
            lang,
            session,
            csrf,
            path,
        };
        parts.extensions.insert(ctx.clone());
        Ok(ctx)
    }
}

/// A page that needs a signed-in user: otherwise the sign-in page, then back here.
pub struct SignedIn(pub PageCtx, pub Actor);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = PageCtx::from_request_parts(parts, state).await?;
        // An initial password is changed, and a required second factor enrolled, before
        // anything else.
        if let Some(s) = &ctx.session {
            let path = parts.uri.path();
            if s.must_change_password && path != "/account/password" {
                return Err(Redirect::to("/account/password?initial=1").into_response());
            }
            if s.must_enrol && !s.must_change_password && !path.starts_with("/account/two-factor") {
                return Err(Redirect::to("/account/two-factor").into_response());
            }
        }
        match ctx.actor().cloned() {
            Some(a) => Ok(SignedIn(ctx, a)),
            None => {
                let next = crate::pages::encode_query(&ctx.path);
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}
