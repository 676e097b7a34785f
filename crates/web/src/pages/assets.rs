//! The static files: style sheet, script, icons, the web app manifest and the service
//! worker, compiled into the binary (nothing is fetched at run time).

use axum::http::header;
use axum::response::{IntoResponse, Response};

pub async fn icon_192() -> Response {
    png(include_bytes!("../../assets/icon-192.png"))
}

pub async fn icon_512() -> Response {
    png(include_bytes!("../../assets/icon-512.png"))
}

fn png(bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response()
}

/// The web app manifest: the phone pages install as an app.
pub async fn manifest() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/manifest.webmanifest"),
    )
        .into_response()
}

/// The service worker, at the root so that it may serve `/me/...` offline.
pub async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../assets/sw.js"),
    )
        .into_response()
}

pub async fn app_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/app.css"),
    )
        .into_response()
}

pub async fn app_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/app.js"),
    )
        .into_response()
}

/// The passkey ceremonies of the security page and the sign-in's second step.
pub async fn passkey_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/passkey.js"),
    )
        .into_response()
}

/// The video call: camera and microphone, the peer connection and its signalling.
pub async fn call_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/call.js"),
    )
        .into_response()
}
