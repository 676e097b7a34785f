//! Reading the audit log: admins only.

use crate::{Actor, App, AppError, Result};
use mittler_db::audit::{self, AuditRow};
use mittler_domain::Action;
use mittler_domain::audit::AuditAction;

pub use mittler_db::audit::Filter;

pub struct Page {
    pub rows: Vec<AuditRow>,
    pub total: i64,
}

pub async fn list(app: &App, actor: &Actor, page: i64, per_page: i64) -> Result<Page> {
    search(app, actor, &Filter::default(), page, per_page).await
}

/// The entries matching `filter`, newest first, one page of them.
pub async fn search(
    app: &App,
    actor: &Actor,
    filter: &Filter,
    page: i64,
    per_page: i64,
) -> Result<Page> {
    let per_page = per_page.clamp(1, 500);
    let offset = page.max(0).saturating_mul(per_page);
    read(app, actor, "audit-log", filter.object_id, async {
        actor.require(Action::ReadAudit)?;
        let (rows, total) =
            audit::search(&app.db, actor.tenant_id, filter, per_page, offset).await?;
        Ok(Page { rows, total })
    })
    .await
}

/// The actions and object types found in the actor's log (the filter's choices).
pub async fn kinds(app: &App, actor: &Actor) -> Result<(Vec<String>, Vec<String>)> {
    if !actor.may(Action::ReadAudit) {
        return Err(AppError::Forbidden);
    }
    Ok(audit::kinds(&app.db, actor.tenant_id).await?)
}

/// Runs a read of personal data and records it in the audit log: a `view` entry naming
/// the object (never its content) when shown, a `view-denied` entry when the use-case
/// refused. "Who saw this person's data" is then a search by object id.
pub(crate) async fn read<T>(
    app: &App,
    actor: &Actor,
    object_type: &'static str,
    object_id: Option<uuid::Uuid>,
    run: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    let out = run.await;
    let action = match &out {
        Ok(_) => AuditAction::View,
        Err(AppError::Forbidden | AppError::NotFound) => AuditAction::ViewDenied,
        Err(_) => return out,
    };
    let entry = actor.audit(
        app.now(),
        action,
        object_type,
        object_id,
        serde_json::json!({}),
    );
    audit::record_read(&app.db, &entry).await?;
    out
}
