//! Day plans: the planner's proposal for a date, kept until a coordinator applies it.

use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: Uuid,
    pub local_date: String,
    pub proposal: String,
    pub cost: i64,
    pub applied_at: Option<UtcTs>,
}

pub async fn create(
    db: &Db,
    tenant: Uuid,
    local_date: &str,
    proposal: &str,
    cost: i64,
    now: Timestamp,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let q = "INSERT INTO plans (id, tenant_id, local_date, proposal, cost, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_pool!(db, p => sqlx::query(q).bind(id).bind(tenant).bind(local_date).bind(proposal).bind(cost).bind(UtcTs(now))
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<PlanRow> {
    let q = "SELECT id, local_date, proposal, cost, applied_at FROM plans WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?)
}

/// Marks a plan applied, once.
pub async fn mark_applied(db: &Db, tenant: Uuid, id: Uuid, now: Timestamp) -> Result<()> {
    let q =
        "UPDATE plans SET applied_at = $3 WHERE tenant_id = $1 AND id = $2 AND applied_at IS NULL";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict("plan applied".into()))
    }
}
