//! Retention per centre: the admin sets the periods (settings page), the worker applies
//! them every few minutes; each run that removed something is in the audit log.

use crate::{Actor, App, AppError, Result};
use mittler_db::retention::{self, Expired};
use mittler_domain::Action;
use mittler_domain::audit::AuditAction;
use mittler_domain::retention::Retention;

/// The centre's periods.
pub async fn get(app: &App, actor: &Actor) -> Result<Retention> {
    actor.require(Action::ChangeSettings)?;
    Ok(retention::get(&app.db, actor.tenant_id).await?)
}

/// Changes the centre's periods (each within its bounds).
pub async fn set(app: &App, actor: &Actor, r: Retention) -> Result<()> {
    actor.require(Action::ChangeSettings)?;
    let r = r.validate().map_err(AppError::Invalid)?;
    let entry = actor.audit(
        app.now(),
        AuditAction::Update,
        "retention",
        None,
        serde_json::to_value(r).unwrap_or_default(),
    );
    Ok(retention::set(&app.db, actor.tenant_id, &r, &entry).await?)
}

/// Applies every centre's periods now (the worker); returns what went, per centre.
pub async fn apply(app: &App) -> Result<Vec<(uuid::Uuid, Expired)>> {
    let now = app.now();
    let mut out = Vec::new();
    for (tenant, r) in retention::by_tenant(&app.db).await? {
        let e = retention::apply(&app.db, tenant, &r, now).await?;
        if !e.is_empty() {
            let entry = mittler_db::audit::AuditEntry {
                tenant_id: Some(tenant),
                at: now,
                actor_id: None,
                actor: "system".into(),
                action: AuditAction::Expire.as_str(),
                object_type: "retention",
                object_id: None,
                detail: serde_json::to_value(&e).unwrap_or_default(),
                address: None,
            };
            mittler_db::audit::record(&app.db, &entry).await?;
            crate::cache::forget(app, tenant);
        }
        out.push((tenant, e));
    }
    Ok(out)
}
