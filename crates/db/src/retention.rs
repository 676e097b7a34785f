//! Retention per centre: what is past its period is removed or blanked by the worker.

use crate::{Db, Result, UtcTs, with_pool, with_tx};
use jiff::{SignedDuration, Timestamp};
use mittler_domain::retention::Retention;
use uuid::Uuid;

const COLUMNS: &str = "keep_notes_days, keep_unserved_days, keep_client_refs_days, keep_failed_mail_days, \
                       keep_audit_days, keep_inactive_accounts_days";

type Row = (i32, i32, i32, i32, i32, i32);

fn of(r: Row) -> Retention {
    Retention {
        notes_days: r.0,
        unserved_days: r.1,
        client_refs_days: r.2,
        failed_mail_days: r.3,
        audit_days: r.4,
        inactive_accounts_days: r.5,
    }
}

/// A tenant's periods.
pub async fn get(db: &Db, tenant: Uuid) -> Result<Retention> {
    let q = format!("SELECT {COLUMNS} FROM tenants WHERE id = $1");
    let r: Row = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).fetch_one(p).await)?;
    Ok(of(r))
}

/// Every tenant with its periods.
pub async fn by_tenant(db: &Db) -> Result<Vec<(Uuid, Retention)>> {
    let q = format!("SELECT id, {COLUMNS} FROM tenants ORDER BY id");
    let rows: Vec<(Uuid, i32, i32, i32, i32, i32, i32)> =
        with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).fetch_all(p).await)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.0, of((r.1, r.2, r.3, r.4, r.5, r.6))))
        .collect())
}

/// Changes a tenant's periods, with its audit entry.
pub async fn set(
    db: &Db,
    tenant: Uuid,
    r: &Retention,
    audit: &crate::audit::AuditEntry,
) -> Result<()> {
    let q = "UPDATE tenants SET keep_notes_days = $2, keep_unserved_days = $3, keep_client_refs_days = $4, \
             keep_failed_mail_days = $5, keep_audit_days = $6, keep_inactive_accounts_days = $7 WHERE id = $1";
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(r.notes_days).bind(r.unserved_days).bind(r.client_refs_days)
        .bind(r.failed_mail_days).bind(r.audit_days).bind(r.inactive_accounts_days).execute(c).await.map(|_| ()))?;
    crate::audit::append_in(&mut tx, audit).await?;
    tx.commit().await
}

/// What one run removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Expired {
    pub notes: u64,
    pub unserved_requests: u64,
    pub client_refs: u64,
    pub failed_mails: u64,
    pub audit_entries: u64,
    pub accounts: u64,
}

impl Expired {
    pub fn is_empty(&self) -> bool {
        *self == Expired::default()
    }
}

fn before(now: Timestamp, days: i32) -> UtcTs {
    UtcTs(
        now.checked_sub(SignedDuration::from_hours(i64::from(days) * 24))
            .unwrap_or(now),
    )
}

/// Applies a tenant's periods at `now`, within one transaction.
pub async fn apply(db: &Db, tenant: Uuid, r: &Retention, now: Timestamp) -> Result<Expired> {
    let mut e = Expired::default();
    let mut tx = db.begin().await?;
    let exec = |q: &'static str, t: UtcTs| (q, t);
    let (q, t) = exec(
        "UPDATE requests SET notes = NULL WHERE tenant_id = $1 AND notes IS NOT NULL AND start_at < $2",
        before(now, r.notes_days),
    );
    e.notes = with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(t).execute(c).await.map(|x| x.rows_affected()))?;

    // Unserved requests go whole (with their history, invitations and reminders);
    // a billable one (a late cancellation) stays with its invoice.
    let t = before(now, r.unserved_days);
    let q = "SELECT id FROM requests WHERE tenant_id = $1 AND status IN ('cancelled', 'unfilled') AND billable = FALSE \
             AND start_at < $2 AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.request_id = requests.id) \
             AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.request_id = requests.id) LIMIT 5000";
    let gone: Vec<Uuid> =
        with_tx!(&mut tx, c => sqlx::query_scalar(q).bind(tenant).bind(t).fetch_all(c).await)?;
    for id in &gone {
        for q in [
            "DELETE FROM request_history WHERE tenant_id = $1 AND request_id = $2",
            "DELETE FROM invitations WHERE tenant_id = $1 AND request_id = $2",
            "DELETE FROM client_reminders WHERE tenant_id = $1 AND request_id = $2",
            "UPDATE calls SET request_id = NULL WHERE tenant_id = $1 AND request_id = $2",
            "DELETE FROM requests WHERE tenant_id = $1 AND id = $2",
        ] {
            with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(id).execute(c).await.map(|_| ()))?;
        }
    }
    e.unserved_requests = gone.len() as u64;

    let q = "UPDATE requests SET client_ref = '', client_hash = NULL WHERE tenant_id = $1 AND client_ref <> '' AND start_at < $2";
    let t = before(now, r.client_refs_days);
    e.client_refs = with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(t).execute(c).await.map(|x| x.rows_affected()))?;
    let q = "UPDATE calls SET client_ref = '', client_hash = '' WHERE tenant_id = $1 AND client_ref <> '' AND created_at < $2";
    e.client_refs += with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(t).execute(c).await.map(|x| x.rows_affected()))?;

    let q = "DELETE FROM outbox WHERE tenant_id = $1 AND status = 'failed' AND created_at < $2";
    let t = before(now, r.failed_mail_days);
    e.failed_mails = with_tx!(&mut tx, c => sqlx::query(q).bind(tenant).bind(t).execute(c).await.map(|x| x.rows_affected()))?;

    e.audit_entries = crate::audit::expire(&mut tx, tenant, before(now, r.audit_days).0).await?;

    let q = "SELECT id FROM users WHERE tenant_id = $1 AND active = FALSE AND updated_at < $2 AND email NOT LIKE 'erased-%'";
    let t = before(now, r.inactive_accounts_days);
    let accounts: Vec<Uuid> =
        with_tx!(&mut tx, c => sqlx::query_scalar(q).bind(tenant).bind(t).fetch_all(c).await)?;
    for u in &accounts {
        e.accounts += crate::privacy::erase_account(&mut tx, tenant, *u, now).await?;
    }
    tx.commit().await?;
    if !e.is_empty() {
        crate::privacy::settle(db).await?;
    }
    Ok(e)
}
