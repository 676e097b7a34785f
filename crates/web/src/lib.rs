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
        // A line per answered request (status and latency), inside the request's span.
        .layer(
            TraceLayer::new_for_http().on_response(
                tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
            ),
        )
        // Outermost, so that the answers of the layers above carry the headers too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::layer,
        ))
        .layer(axum::middleware::from_fn(request_id::layer))
        .with_state(state)
}

/// How long a client may take to send a request's headers before it is cut off.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves until Ctrl-C (or the end of the process).
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with(listener, state, HEADER_READ_TIMEOUT).await
}

/// Serves with a header-read time-out: a slow client (one byte a minute) is cut off
/// instead of holding a connection forever. hyper's own HTTP/1 time-out, with a timer.
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    header_read_timeout: Duration,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use tower::ServiceExt;
    let app = router(state);
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (tcp, remote) = match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        // Out of file descriptors, say: wait a moment instead of spinning.
                        tracing::warn!("accept: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                // Without TCP_NODELAY a streamed body waits for the client's delayed ACK (40 ms).
                if let Err(e) = tcp.set_nodelay(true) {
                    tracing::debug!("TCP_NODELAY: {e}");
                }
                let svc = app.clone().map_request(
                    move |mut req: axum::http::Request<hyper::body::Incoming>| {
                        req.extensions_mut()
                            .insert(axum::extract::ConnectInfo(remote));
                        req.map(axum::body::Body::new)
                    },
                );
                let conn = builder
                    .serve_connection_with_upgrades(
                        TokioIo::new(tcp),
                        hyper_util::service::TowerToHyperService::new(svc),
                    )
                    .into_owned();
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::debug!("connection: {e}");
                    }
                });
            }
            _ = &mut stop => break,
        }
    }
    // Requests under way get ten seconds to finish.
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}
