//! Reading the audit log: admins only.

use crate::{Actor, App, AppError, Result};
use mittler_db::audit::{self, AuditRow};
use mittler_domain::Action;

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
    if !actor.may(Action::ReadAudit) {
        return Err(AppError::Forbidden);
    }
    let per_page = per_page.clamp(1, 500);
    let offset = page.max(0).saturating_mul(per_page);
    let (rows, total) = audit::search(&app.db, actor.tenant_id, filter, per_page, offset).await?;
    Ok(Page { rows, total })
}

/// The actions and object types found in the actor's log (the filter's choices).
pub async fn kinds(app: &App, actor: &Actor) -> Result<(Vec<String>, Vec<String>)> {
    if !actor.may(Action::ReadAudit) {
        return Err(AppError::Forbidden);
    }
    Ok(audit::kinds(&app.db, actor.tenant_id).await?)
}
