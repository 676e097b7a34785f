//! A request id for every request: on every log line written while it is handled (a
//! tracing span), in the `X-Request-Id` answer header, and on the error page, so that a
//! user's "error 3f2a…" leads an operator to the lines that explain it.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// A fresh id: 12 hexadecimal digits, enough to find one request in a day's logs.
fn fresh() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string();
    id.get(..12).unwrap_or(&id).to_owned()
}

/// The id of the request being handled, or a fresh one outside a request.
pub fn current() -> String {
    REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| fresh())
}

/// Paths whose last part is a secret (a calendar feed's token, a registrant's link).
const SECRET_TAILS: [&str; 4] = ["/calendar/", "/r/confirm/", "/r/cancel/", "/r/consent/"];

/// The path as logged: the secret part of a link replaced by `…`.
fn logged_path(path: &str) -> String {
    match SECRET_TAILS.iter().find(|p| path.starts_with(*p)) {
        Some(prefix) => format!("{prefix}…"),
        None => path.to_owned(),
    }
}

/// The outermost layer: names the request and runs it inside its span.
pub async fn layer(req: Request, next: Next) -> Response {
    let id = fresh();
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        path = %logged_path(req.uri().path())
    );
    let mut resp = REQUEST_ID
        .scope(id.clone(), next.run(req).instrument(span))
        .await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_links_stay_out_of_the_log() {
        assert_eq!(logged_path("/calendar/s3cr3t-token"), "/calendar/…");
        assert_eq!(logged_path("/r/confirm/abc"), "/r/confirm/…");
        assert_eq!(logged_path("/requests/42"), "/requests/42");
    }
    use axum::body::Body;
    use tower::ServiceExt;

    /// What an error page shows (`current()` inside the handler) is the id in the header.
    #[tokio::test]
    async fn the_id_in_the_header_is_the_one_the_handler_sees() {
        let router = axum::Router::new()
            .route("/", axum::routing::get(|| async { current() }))
            .layer(axum::middleware::from_fn(layer));
        let mut seen = Vec::new();
        for _ in 0..2 {
            let req = axum::http::Request::new(Body::empty());
            let resp = router.clone().oneshot(req).await.unwrap();
            let header = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
            let body = axum::body::to_bytes(resp.into_body(), 1024).await.unwrap();
            assert_eq!(header.as_bytes(), &body[..]);
            assert!(header.len() == 12 && header.bytes().all(|b| b.is_ascii_hexdigit()));
            seen.push(header);
        }
        assert_ne!(seen[0], seen[1], "every request has its own id");
    }
}
