//! Health checks for a load balancer or an orchestrator: `/healthz` answers while the
//! process runs; `/readyz` only when the database answers and its schema is current.

use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

/// The process is up.
pub async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok\n")
}

/// The database is reachable and migrated: 200, else 503 (and the reason in the log).
pub async fn readyz(State(s): State<AppState>) -> impl IntoResponse {
    match s.app.db.ready().await {
        Ok(true) => (StatusCode::OK, "ready\n"),
        Ok(false) => {
            tracing::warn!("not ready: the database's migrations are not all applied");
            (StatusCode::SERVICE_UNAVAILABLE, "migrations pending\n")
        }
        Err(e) => {
            tracing::warn!("not ready: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
        }
    }
}
