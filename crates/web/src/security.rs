//! Security middleware: strict headers on every response, a refusal of cross-site
//! form posts, and the anonymous CSRF cookie (double submit) for forms before sign-in.

use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const CSRF_COOKIE: &str = "mittler_csrf";
pub const SECURE_CSRF_COOKIE: &str = "__Host-mittler_csrf";

/// The anonymous CSRF token of this request (from its cookie, or freshly made).
#[derive(Debug, Clone)]
pub struct CsrfCookie(pub String);

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                   base-uri 'none'; object-src 'none'";

pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// `Set-Cookie` for a cookie of ours: HttpOnly, SameSite, Secure over TLS, whole site.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    secure: bool,
    same_site: &str,
) -> Option<HeaderValue> {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&c).ok()
}

/// Whether an unsafe request comes from another site (Fetch Metadata, else Origin).
fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "cross-site" || site == "same-site";
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
            origin_host != host
        }
        _ => false,
    }
}

pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let api = path.starts_with("/api/");
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !api && cross_site(req.headers()) {
        return finish(
            (StatusCode::FORBIDDEN, refusal_text(req.headers())).into_response(),
            api,
            false,
            false,
            state.config.secure_cookies,
        );
    }
    let mut new_cookie = None;
    if !api {
        let cookie_name = if state.config.secure_cookies {
            SECURE_CSRF_COOKIE
        } else {
            CSRF_COOKIE
        };
        let token = match cookie_value(req.headers(), cookie_name) {
            Some(t) if t.len() >= 32 => t.to_owned(),
            _ => {
                let t = mittler_app::auth::random_token();
                new_cookie = Some(t.clone());
                t
            }
        };
        req.extensions_mut().insert(CsrfCookie(token));
    }
    let mut resp = next.run(req).await;
    if api {
        resp = json_errors(resp);
    }
    if let Some(t) = new_cookie
        && let Some(v) = set_cookie(
            if state.config.secure_cookies {
                SECURE_CSRF_COOKIE
            } else {
                CSRF_COOKIE
            },
            &t,
            None,
            state.config.secure_cookies,
            "Strict",
        )
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    let no_store = !path.starts_with("/assets/") && path != "/api/v1/openapi.json";
    let media = path.starts_with("/call/");
    finish(resp, api, no_store, media, state.config.secure_cookies)
}

/// The refusal of a cross-site form, in the caller's language.
fn refusal_text(headers: &HeaderMap) -> String {
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::i18n::Lang::from_accept)
        .unwrap_or(crate::i18n::Lang::De);
    lang.t("error-cross-site")
}

/// Errors the framework answers itself (405, 413, 415, ...) get the API's JSON shape too.
fn json_errors(resp: Response) -> Response {
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let code = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::BAD_REQUEST => "malformed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        _ if status.is_server_error() => "internal",
        _ => "error",
    };
    let message = status.canonical_reason().unwrap_or("Error");
    let mut out = crate::error::ApiError::new(status, code, format!("{message}.")).into_response();
    if let Some(allow) = resp.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}

fn finish(mut resp: Response, api: bool, no_store: bool, media: bool, https: bool) -> Response {
    let h = resp.headers_mut();
    // Served over https: browsers keep to https for a year (ASVS 3.4.1).
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let csp = if api {
        "default-src 'none'; frame-ancestors 'none'"
    } else {
        CSP
    };
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        // A call's page uses the camera and microphone (of this origin only).
        HeaderValue::from_static(if media {
            "camera=(self), microphone=(self), geolocation=()"
        } else {
            "camera=(), microphone=(), geolocation=()"
        }),
    );
    if no_store {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_detection() {
        let mut h = HeaderMap::new();
        assert!(!cross_site(&h));
        h.insert(header::HOST, HeaderValue::from_static("mittler.example"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://mittler.example"),
        );
        assert!(!cross_site(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(cross_site(&h));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(!cross_site(&h));
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(cross_site(&h));
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; mittler_csrf=xyz; b=2"),
        );
        assert_eq!(cookie_value(&h, "mittler_csrf"), Some("xyz"));
        let c = set_cookie("s", "v", Some(10), true, "Lax").unwrap();
        assert_eq!(
            c.to_str().unwrap(),
            "s=v; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=10"
        );
    }
}
