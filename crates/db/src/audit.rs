//! The append-only audit log: who did what, when, from which tenant.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// One entry to append.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub tenant_id: Option<Uuid>,
    pub at: Timestamp,
    pub actor_id: Option<Uuid>,
    /// The actor's e-mail (or `system`, or the address typed at a failed sign-in).
    pub actor: String,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<Uuid>,
    /// What changed, as JSON (never a password).
    pub detail: serde_json::Value,
    pub address: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: Uuid,
    pub at: UtcTs,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<Uuid>,
    pub detail: String,
    pub address: Option<String>,
}

/// Appends `$entry` on `$conn` (a pool or a transaction), inside the caller's transaction.
macro_rules! append {
    ($conn:expr, $entry:expr) => {{
        let e: &$crate::audit::AuditEntry = $entry;
        sqlx::query(
            "INSERT INTO audit_log (id, tenant_id, at, actor_id, actor, action, object_type, object_id, detail, address) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(uuid::Uuid::new_v4())
        .bind(e.tenant_id)
        .bind($crate::UtcTs(e.at))
        .bind(e.actor_id)
        .bind(&e.actor)
        .bind(e.action)
        .bind(e.object_type)
        .bind(e.object_id)
        .bind(e.detail.to_string())
        .bind(&e.address)
        .execute($conn)
        .await
        .map(|_| ())
    }};
}
pub(crate) use append;

/// Appends an entry within the use-case's transaction.
pub async fn append_in(tx: &mut crate::Tx, entry: &AuditEntry) -> Result<()> {
    crate::with_tx!(tx, c => append!(c, entry))?;
    Ok(())
}

/// Appends one entry on its own (for events that change nothing else, such as a sign-in).
pub async fn record(db: &Db, entry: &AuditEntry) -> Result<()> {
    with_pool!(db, p => append!(p, entry))?;
    Ok(())
}

/// The newest entries of a tenant first.
pub async fn list(db: &Db, tenant: Uuid, limit: i64, offset: i64) -> Result<Vec<AuditRow>> {
    let q = "SELECT id, at, actor, action, object_type, object_id, detail, address FROM audit_log \
             WHERE tenant_id = $1 ORDER BY at DESC, id LIMIT $2 OFFSET $3";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(limit).bind(offset).fetch_all(p).await)?,
    )
}

/// Counts the entries of a tenant.
pub async fn count(db: &Db, tenant: Uuid) -> Result<i64> {
    let q = "SELECT COUNT(*) FROM audit_log WHERE tenant_id = $1";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).fetch_one(p).await)?)
}
