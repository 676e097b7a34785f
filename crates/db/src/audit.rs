//! The append-only audit log: who did what, when, from which tenant.

use crate::conditions::{Bind, Conditions, bind_all};
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
    pub actor_id: Option<Uuid>,
    /// The entry's place in its chain (none before it is linked).
    pub seq: Option<i64>,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<Uuid>,
    pub detail: String,
    pub address: Option<String>,
}

/// The chain an entry of `tenant` belongs to: one per centre, one for the installation.
pub fn chain_of(tenant: Option<Uuid>) -> String {
    tenant
        .map(|t| t.to_string())
        .unwrap_or_else(|| "installation".to_owned())
}

/// Appends `$entry` on `$conn` (a connection within the caller's transaction) as the next
/// link of its chain: the chain's head row is updated first, which serialises appends to
/// one chain (a row lock on PostgreSQL, the write lock on SQLite) until the commit.
macro_rules! append {
    ($conn:expr, $sealer:expr, $entry:expr) => {{
        let e: &$crate::audit::AuditEntry = $entry;
        let sealer: $crate::Sealer = $sealer;
        let conn = $conn;
        async {
            let chain = $crate::audit::chain_of(e.tenant_id);
            let next = "UPDATE audit_heads SET seq = seq + 1 WHERE chain = $1 RETURNING seq, hash";
            let head: Option<(i64, String)> =
                sqlx::query_as(next).bind(&chain).fetch_optional(&mut *conn).await?;
            let (seq, prev): (i64, String) = match head {
                Some(head) => head,
                // The chain's first entry makes its head row (once: a concurrent first
                // entry waits for it and then finds it).
                None => {
                    sqlx::query("INSERT INTO audit_heads (chain, seq, hash) VALUES ($1, 0, '') ON CONFLICT (chain) DO NOTHING")
                        .bind(&chain)
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query_as(next).bind(&chain).fetch_one(&mut *conn).await?
                }
            };
            let id = uuid::Uuid::new_v4();
            let at = e.at.as_microsecond();
            let detail = e.detail.to_string();
            let detail_hash = sealer.digest(
                $crate::audit::DETAIL_HASH,
                &mittler_domain::audit::details_text(&e.actor, &detail, e.address.as_deref()),
            );
            let (id_s, actor_s, object_s) = (
                id.to_string(),
                e.actor_id.map(|a| a.to_string()),
                e.object_id.map(|o| o.to_string()),
            );
            let hash = mittler_domain::audit::link_hash(
                &prev,
                &mittler_domain::audit::Link {
                    chain: &chain,
                    seq,
                    id: &id_s,
                    at_micros: at,
                    actor_id: actor_s.as_deref(),
                    action: e.action,
                    object_type: e.object_type,
                    object_id: object_s.as_deref(),
                    detail_hash: &detail_hash,
                },
            );
            sqlx::query(
                "INSERT INTO audit_log (id, tenant_id, at, actor_id, actor, action, object_type, object_id, detail, address, \
                 chain, seq, detail_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            )
            .bind(id)
            .bind(e.tenant_id)
            .bind($crate::UtcTs(jiff::Timestamp::from_microsecond(at).unwrap_or(e.at)))
            .bind(e.actor_id)
            .bind(&e.actor)
            .bind(e.action)
            .bind(e.object_type)
            .bind(e.object_id)
            .bind(&detail)
            .bind(&e.address)
            .bind(&chain)
            .bind(seq)
            .bind(&detail_hash)
            .bind(&hash)
            .execute(&mut *conn)
            .await?;
            sqlx::query("UPDATE audit_heads SET hash = $2 WHERE chain = $1")
                .bind(&chain)
                .bind(&hash)
                .execute(&mut *conn)
                .await
                .map(|_| ())
        }
        .await
    }};
}
pub(crate) use append;

/// The purpose of the keyed hash of an entry's details.
pub const DETAIL_HASH: &str = "audit-detail";

/// Appends an entry within the use-case's transaction.
pub async fn append_in(tx: &mut crate::Tx, entry: &AuditEntry) -> Result<()> {
    let s = tx.sealer();
    crate::with_tx!(tx, c => append!(c, s, entry))?;
    Ok(())
}

/// Appends one entry on its own (a sign-in, a read).
pub async fn record(db: &Db, entry: &AuditEntry) -> Result<()> {
    let mut tx = db.begin().await?;
    append_in(&mut tx, entry).await?;
    tx.commit().await
}

/// Appends the records of reads in one transaction, without waiting for the disk: on
/// PostgreSQL the commit returns before its write-ahead log is flushed
/// (`synchronous_commit = off`), so a chain's head row, which every read of a centre
/// updates, is held for a few statements instead of a disk flush as well. A crash can
/// lose the records of the last fraction of a second's reads, as it loses a read whose
/// record was not yet written (reads are recorded after they ran); the log is written in
/// order, so the chain stays whole. The heads are taken in the order of their chains
/// (two batches never wait for each other's heads). Changes are recorded in their own
/// transaction ([`append_in`]), flushed.
pub async fn record_reads(db: &Db, entries: &[AuditEntry]) -> Result<()> {
    let mut sorted: Vec<&AuditEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| chain_of(e.tenant_id));
    let mut tx = db.begin().await?;
    tx.on_postgres(&["SET LOCAL synchronous_commit = off"])
        .await?;
    for entry in sorted {
        append_in(&mut tx, entry).await?;
    }
    tx.commit().await
}

/// The newest entries of a tenant first.
pub async fn list(db: &Db, tenant: Uuid, limit: i64, offset: i64) -> Result<Vec<AuditRow>> {
    let q = "SELECT id, at, actor_id, seq, actor, action, object_type, object_id, detail, address FROM audit_log \
             WHERE tenant_id = $1 ORDER BY at DESC, id LIMIT $2 OFFSET $3";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(limit).bind(offset).fetch_all(p).await)?,
    )
}

/// The newest failed sign-ins of the whole installation (those of unknown identifiers
/// belong to no centre): for operators and tests.
pub async fn failed_sign_ins(db: &Db, limit: i64) -> Result<Vec<AuditRow>> {
    let q = "SELECT id, at, actor_id, seq, actor, action, object_type, object_id, detail, address FROM audit_log \
             WHERE action = 'sign-in-failed' ORDER BY at DESC, id LIMIT $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(limit).fetch_all(p).await)?)
}

/// What the audit page narrows the log to; empty fields do not narrow.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    pub object_type: Option<String>,
    /// Entries about one object (a request, a mediator, a user): "who saw this".
    pub object_id: Option<Uuid>,
    /// Part of the actor's e-mail or name, any case.
    pub actor: Option<String>,
    pub from: Option<Timestamp>,
    /// Exclusive.
    pub to: Option<Timestamp>,
}

/// The conditions of `f`, only those set, numbered from `$2`.
fn conditions(f: &Filter) -> Conditions {
    let mut c = Conditions::of_tenant();
    c.add_if("action =", f.action.clone(), Bind::Text);
    c.add_if("object_type =", f.object_type.clone(), Bind::Text);
    c.add_if("object_id =", f.object_id, Bind::Id);
    c.add_if(
        "LOWER(actor) LIKE",
        f.actor
            .as_ref()
            .map(|a| format!("%{}%", a.to_lowercase().replace(['%', '_', '\\'], ""))),
        Bind::Text,
    );
    c.add_if("at >=", f.from.map(UtcTs), Bind::At);
    c.add_if("at <", f.to.map(UtcTs), Bind::At);
    c
}

/// The newest entries of a tenant that match `f`, and how many match in all.
pub async fn search(
    db: &Db,
    tenant: Uuid,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AuditRow>, i64)> {
    let c = conditions(f);
    let n = c.next();
    let list = format!(
        "SELECT id, at, actor_id, seq, actor, action, object_type, object_id, detail, address FROM audit_log{} \
         ORDER BY at DESC, id LIMIT ${n} OFFSET ${}",
        c.sql,
        n + 1
    );
    let count = format!("SELECT COUNT(*) FROM audit_log{}", c.sql);
    let out = with_pool!(db, p => {
        let q = sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(list.clone())).bind(tenant);
        let q = bind_all!(q, c.binds);
        let cq = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count.clone())).bind(tenant);
        let cq = bind_all!(cq, c.binds);
        let rows = q.bind(limit).bind(offset).fetch_all(p).await?;
        let total = cq.fetch_one(p).await?;
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

/// Where a chain stops being intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub chain: String,
    /// The place of the first link that does not hold.
    pub seq: i64,
    pub id: Option<Uuid>,
    pub why: &'static str,
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub chains: usize,
    pub entries: u64,
    pub broken: Option<Break>,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: Uuid,
    at: UtcTs,
    actor_id: Option<Uuid>,
    actor: String,
    action: String,
    object_type: String,
    object_id: Option<Uuid>,
    detail: String,
    address: Option<String>,
    seq: Option<i64>,
    detail_hash: Option<String>,
    hash: Option<String>,
    details_removed: bool,
}

const LINK_COLUMNS: &str = "id, at, actor_id, actor, action, object_type, object_id, detail, address, seq, \
                            detail_hash, hash, details_removed";

fn link_of(chain: &str, r: &LinkRow, seq: i64, prev: &str, detail_hash: &str) -> String {
    let (id, actor, object) = (
        r.id.to_string(),
        r.actor_id.map(|a| a.to_string()),
        r.object_id.map(|o| o.to_string()),
    );
    mittler_domain::audit::link_hash(
        prev,
        &mittler_domain::audit::Link {
            chain,
            seq,
            id: &id,
            at_micros: r.at.0.as_microsecond(),
            actor_id: actor.as_deref(),
            action: &r.action,
            object_type: &r.object_type,
            object_id: object.as_deref(),
            detail_hash,
        },
    )
}

/// Walks every chain from its anchor to its head and names the first link that does not
/// hold: a changed entry, changed details, a missing or inserted link.
pub async fn verify(db: &Db) -> Result<Verification> {
    let heads: Vec<(String, i64, String, i64, String)> = with_pool!(db, p => sqlx::query_as(
        "SELECT chain, seq, hash, anchor_seq, anchor_hash FROM audit_heads ORDER BY chain").fetch_all(p).await)?;
    let sealer = db.sealer();
    let mut entries = 0u64;
    let broken = |chain: &str, seq: i64, id: Option<Uuid>, why: &'static str| Break {
        chain: chain.to_owned(),
        seq,
        id,
        why,
    };
    let unlinked: Option<(Uuid, Option<String>)> = with_pool!(db, p => sqlx::query_as(
        "SELECT id, chain FROM audit_log WHERE hash IS NULL LIMIT 1").fetch_optional(p).await)?;
    if let Some((id, chain)) = unlinked {
        return Ok(Verification {
            chains: heads.len(),
            entries,
            broken: Some(broken(
                &chain.unwrap_or_default(),
                0,
                Some(id),
                "an entry outside the chain",
            )),
        });
    }
    for (chain, head_seq, head_hash, anchor_seq, anchor_hash) in &heads {
        let mut prev = anchor_hash.clone();
        let mut expect = anchor_seq + 1;
        loop {
            let q = format!(
                "SELECT {LINK_COLUMNS} FROM audit_log WHERE chain = $1 AND seq >= $2 ORDER BY seq LIMIT 2000"
            );
            let rows: Vec<LinkRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q))
                .bind(chain).bind(expect).fetch_all(p).await)?;
            if rows.is_empty() {
                break;
            }
            for r in &rows {
                let seq = r.seq.unwrap_or_default();
                if seq != expect {
                    let why = "a link is missing";
                    return Ok(Verification {
                        chains: heads.len(),
                        entries,
                        broken: Some(broken(chain, expect, None, why)),
                    });
                }
                let stored_detail = r.detail_hash.clone().unwrap_or_default();
                if !r.details_removed {
                    let text = mittler_domain::audit::details_text(
                        &r.actor,
                        &r.detail,
                        r.address.as_deref(),
                    );
                    if sealer.digest(DETAIL_HASH, &text) != stored_detail {
                        let why = "its details were changed";
                        return Ok(Verification {
                            chains: heads.len(),
                            entries,
                            broken: Some(broken(chain, seq, Some(r.id), why)),
                        });
                    }
                }
                let hash = link_of(chain, r, seq, &prev, &stored_detail);
                if Some(&hash) != r.hash.as_ref() {
                    let why = "the entry was changed, or a link before it";
                    return Ok(Verification {
                        chains: heads.len(),
                        entries,
                        broken: Some(broken(chain, seq, Some(r.id), why)),
                    });
                }
                prev = hash;
                expect += 1;
                entries += 1;
            }
        }
        if expect - 1 != *head_seq || (expect - 1 > *anchor_seq && prev != *head_hash) {
            let why = "the newest links are missing";
            return Ok(Verification {
                chains: heads.len(),
                entries,
                broken: Some(broken(chain, expect, None, why)),
            });
        }
    }
    Ok(Verification {
        chains: heads.len(),
        entries,
        broken: None,
    })
}

/// Links the entries written before the log was a chain (oldest first), once, at migration.
pub async fn link_unlinked(db: &Db) -> Result<u64> {
    let q = format!(
        "SELECT {LINK_COLUMNS}, tenant_id FROM audit_log WHERE hash IS NULL ORDER BY at, id"
    );
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        link: LinkRow,
        tenant_id: Option<Uuid>,
    }
    let unlinked: Option<Uuid> = with_pool!(db, p => sqlx::query_scalar(
        "SELECT id FROM audit_log WHERE hash IS NULL LIMIT 1").fetch_optional(p).await)?;
    if unlinked.is_none() {
        return Ok(0);
    }
    let sealer = db.sealer();
    let mut tx = db.begin().await?;
    // Instances starting at once on PostgreSQL link in turn (the second finds nothing left).
    if matches!(db.pool, crate::Pool::Postgres(_)) {
        crate::with_tx!(&mut tx, c => sqlx::query("SELECT pg_advisory_xact_lock(7305130)")
            .execute(c).await.map(|_| ()))?;
    }
    let rows: Vec<Row> =
        crate::with_tx!(&mut tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q)).fetch_all(c).await)?;
    for r in &rows {
        let chain = chain_of(r.tenant_id);
        let l = &r.link;
        let detail_hash = sealer.digest(
            DETAIL_HASH,
            &mittler_domain::audit::details_text(&l.actor, &l.detail, l.address.as_deref()),
        );
        crate::with_tx!(&mut tx, c => {
            sqlx::query("INSERT INTO audit_heads (chain, seq, hash) VALUES ($1, 0, '') ON CONFLICT (chain) DO NOTHING")
                .bind(&chain).execute(&mut *c).await?;
            let (seq, prev): (i64, String) = sqlx::query_as(
                "UPDATE audit_heads SET seq = seq + 1 WHERE chain = $1 RETURNING seq, hash")
                .bind(&chain).fetch_one(&mut *c).await?;
            let hash = link_of(&chain, l, seq, &prev, &detail_hash);
            sqlx::query("UPDATE audit_log SET chain = $2, seq = $3, detail_hash = $4, hash = $5 WHERE id = $1")
                .bind(l.id).bind(&chain).bind(seq).bind(&detail_hash).bind(&hash).execute(&mut *c).await?;
            sqlx::query("UPDATE audit_heads SET hash = $2 WHERE chain = $1")
                .bind(&chain).bind(&hash).execute(&mut *c).await.map(|_| ())
        })?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}

/// Removes the personal details (actor's address, detail, network address) of a tenant's
/// entries about `object` or by `actor`; the chain keeps its links.
pub async fn remove_details(
    tx: &mut crate::Tx,
    tenant: Uuid,
    object: Option<Uuid>,
    actor: Option<Uuid>,
) -> Result<u64> {
    let q = "UPDATE audit_log SET actor = '', detail = '{}', address = NULL, details_removed = TRUE \
             WHERE tenant_id = $1 AND details_removed = FALSE AND (object_id = $2 OR actor_id = $3)";
    Ok(
        crate::with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(object).bind(actor).execute(c).await.map(|r| r.rows_affected()))?,
    )
}

/// Removes the details of a tenant's entries older than `before`, then cuts the chain's
/// links older than `before`: the hash of the last one cut becomes the chain's anchor.
pub async fn expire(tx: &mut crate::Tx, tenant: Uuid, before: jiff::Timestamp) -> Result<u64> {
    let chain = chain_of(Some(tenant));
    let last: Option<(i64, String)> = crate::with_tx!(tx, c => sqlx::query_as(
        "SELECT seq, hash FROM audit_log WHERE chain = $1 AND at < $2 ORDER BY seq DESC LIMIT 1")
        .bind(&chain).bind(UtcTs(before)).fetch_optional(c).await)?;
    let Some((seq, hash)) = last else {
        return Ok(0);
    };
    crate::with_tx!(tx, c => sqlx::query("UPDATE audit_heads SET anchor_seq = $2, anchor_hash = $3 WHERE chain = $1 AND anchor_seq < $2")
        .bind(&chain).bind(seq).bind(&hash).execute(c).await.map(|_| ()))?;
    let n = crate::with_tx!(tx, c => sqlx::query("DELETE FROM audit_log WHERE chain = $1 AND seq <= $2")
        .bind(&chain).bind(seq).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n)
}
