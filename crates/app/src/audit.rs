//! Reading the audit log: admins only.

use crate::{Actor, App, AppError, Result};
use mittler_db::audit::{self, AuditRow};
use mittler_domain::Action;

pub struct Page {
    pub rows: Vec<AuditRow>,
    pub total: i64,
}

pub async fn list(app: &App, actor: &Actor, page: i64, per_page: i64) -> Result<Page> {
    if !actor.may(Action::ReadAudit) {
        return Err(AppError::Forbidden);
    }
    let per_page = per_page.clamp(1, 500);
    let offset = page.max(0).saturating_mul(per_page);
    Ok(Page {
        rows: audit::list(&app.db, actor.tenant_id, per_page, offset).await?,
        total: audit::count(&app.db, actor.tenant_id).await?,
    })
}
