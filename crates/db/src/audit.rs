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

/// The newest failed sign-ins of the whole installation (those of unknown identifiers
/// belong to no centre): for operators and tests.
pub async fn failed_sign_ins(db: &Db, limit: i64) -> Result<Vec<AuditRow>> {
    let q = "SELECT id, at, actor, action, object_type, object_id, detail, address FROM audit_log \
             WHERE action = 'sign-in-failed' ORDER BY at DESC, id LIMIT $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(limit).fetch_all(p).await)?)
}

/// What the audit page narrows the log to; empty fields do not narrow.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    pub object_type: Option<String>,
    /// Part of the actor's e-mail or name, any case.
    pub actor: Option<String>,
    pub from: Option<Timestamp>,
    /// Exclusive.
    pub to: Option<Timestamp>,
}

enum Bind {
    Text(String),
    At(UtcTs),
}

/// The conditions of `f`, only those set (no catch-all `$n IS NULL OR`: each page's
/// query is as narrow as its filter), numbered from `$2`.
fn conditions(f: &Filter) -> (String, Vec<Bind>) {
    let mut sql = String::from(" WHERE tenant_id = $1");
    let mut binds = Vec::new();
    let mut add = |cond: &str, b: Bind| {
        binds.push(b);
        sql.push_str(&format!(" AND {cond} ${}", binds.len() + 1));
    };
    if let Some(a) = &f.action {
        add("action =", Bind::Text(a.clone()));
    }
    if let Some(o) = &f.object_type {
        add("object_type =", Bind::Text(o.clone()));
    }
    if let Some(a) = &f.actor {
        let like = format!("%{}%", a.to_lowercase().replace(['%', '_', '\\'], ""));
        add("LOWER(actor) LIKE", Bind::Text(like));
    }
    if let Some(t) = f.from {
        add("at >=", Bind::At(UtcTs(t)));
    }
    if let Some(t) = f.to {
        add("at <", Bind::At(UtcTs(t)));
    }
    (sql, binds)
}

/// The newest entries of a tenant that match `f`, and how many match in all.
pub async fn search(
    db: &Db,
    tenant: Uuid,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AuditRow>, i64)> {
    // Only fixed fragments are joined; every value is bound.
    let (cond, binds) = conditions(f);
    let n = binds.len();
    let list = format!(
        "SELECT id, at, actor, action, object_type, object_id, detail, address FROM audit_log{cond} \
         ORDER BY at DESC, id LIMIT ${} OFFSET ${}",
        n + 2,
        n + 3
    );
    let count = format!("SELECT COUNT(*) FROM audit_log{cond}");
    let out = with_pool!(db, p => {
        let mut q = sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(list.clone())).bind(tenant);
        let mut c = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count.clone())).bind(tenant);
        for b in &binds {
            match b {
                Bind::Text(s) => {
                    q = q.bind(s.clone());
                    c = c.bind(s.clone());
                }
                Bind::At(t) => {
                    q = q.bind(*t);
                    c = c.bind(*t);
                }
            }
        }
        let rows = q.bind(limit).bind(offset).fetch_all(p).await?;
        let total = c.fetch_one(p).await?;
        Ok::<_, sqlx::Error>((rows, total))
    });
    Ok(out?)
}

/// The distinct actions and object types of a tenant's log, for the filter's choices.
pub async fn kinds(db: &Db, tenant: Uuid) -> Result<(Vec<String>, Vec<String>)> {
    let qa = "SELECT DISTINCT action FROM audit_log WHERE tenant_id = $1 ORDER BY action";
    let qo = "SELECT DISTINCT object_type FROM audit_log WHERE tenant_id = $1 ORDER BY object_type";
    let out = with_pool!(db, p => {
        let a: Vec<String> = sqlx::query_scalar(qa).bind(tenant).fetch_all(p).await?;
        let o: Vec<String> = sqlx::query_scalar(qo).bind(tenant).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((a, o))
    });
    Ok(out?)
}

/// Counts the entries of a tenant.
pub async fn count(db: &Db, tenant: Uuid) -> Result<i64> {
    let q = "SELECT COUNT(*) FROM audit_log WHERE tenant_id = $1";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).fetch_one(p).await)?)
}
