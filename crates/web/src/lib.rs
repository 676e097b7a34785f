//! Mittler over HTTP: server-rendered pages and the JSON API `/api/v1`, both calling `app`.

pub mod api;
pub mod error;
pub mod extract;
pub use mittler_app::i18n;
pub mod pages;
pub mod reports;
pub mod request_id;
pub mod security;

use axum::Router;
use mittler_app::App;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// A demo login shown on the sign-in page in demo mode only.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: &'static str,
    pub email: String,
    pub password: String,
}

#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Served over TLS (directly or behind a proxy): cookies get `Secure` and `__Host-`.
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    pub demo_logins: Vec<DemoLogin>,
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
}

/// One route of the application, as registered: the authorisation matrix test
/// requires a policy row for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
}

/// Registers routes and records them in a list at the same time, so that no route
/// can exist without appearing in that list.
#[macro_export]
macro_rules! routes {
    ($list:ident, $builder:ident; $($method:ident $path:literal => $handler:path),* $(,)?) => {
        pub const $list: &[$crate::RouteInfo] = &[
            $($crate::RouteInfo { method: stringify!($method), path: $path }),*
        ];
        pub fn $builder() -> axum::Router<$crate::AppState> {
            axum::Router::new()$(.route($path, axum::routing::$method($handler)))*
        }
    };
}

/// Every route of the application.
pub fn all_routes() -> Vec<RouteInfo> {
    api::API_ROUTES
        .iter()
        .chain(pages::PAGE_ROUTES)
        .copied()
        .collect()
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::api_router())
        .merge(pages::page_router())
        .fallback(pages::not_found)
        .layer(RequestBodyLimitLayer::new(256 * 1024))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            let id = error::log_internal("handler panicked");
            axum::response::IntoResponse::into_response((
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                crate::i18n::Lang::De.t_args("error-internal-id", &[("id", id)]),
            ))
        }))
        .layer(TraceLayer::new_for_http())
        // Outermost, so that the answers of the layers above carry the headers too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::layer,
        ))
        .layer(axum::middleware::from_fn(request_id::layer))
        .with_state(state)
}

/// Serves until Ctrl-C (or the end of the process).
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    // Without TCP_NODELAY a streamed body waits for the client's delayed ACK (40 ms).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY: {e}");
        }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
