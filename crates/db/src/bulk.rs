//! Writing many invented requests at once, for benchmarks at a centre's and at the
//! state's scale. Rows go in as multi-row INSERTs, sealed and hashed like any other.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// One invented request as it is stored.
#[derive(Debug, Clone)]
pub struct BulkRequest {
    pub id: Uuid,
    pub institution_id: Uuid,
    pub place_id: Option<Uuid>,
    pub mode: &'static str,
    pub language: &'static str,
    pub sector: &'static str,
    pub start_at: Timestamp,
    pub duration_min: i32,
    pub local_date: String,
    /// `open`, `confirmed`, `completed`, `cancelled` or `unfilled`.
    pub status: &'static str,
    pub mediator_id: Option<Uuid>,
    pub cancelled_by: Option<&'static str>,
    pub created_at: Timestamp,
    pub confirmed_at: Option<Timestamp>,
    /// An invented pseudonym (several requests share one, as a client comes again).
    pub client_ref: String,
}

/// Rows per INSERT (16 values each stays under both backends' limit of bound values).
const BATCH: usize = 500;

/// Writes the requests of one tenant; returns how many were written.
pub async fn insert_requests(db: &Db, tenant: Uuid, rows: &[BulkRequest]) -> Result<u64> {
    let s = db.sealer();
    let mut n = 0;
    for chunk in rows.chunks(BATCH) {
        let refs = chunk
            .iter()
            .map(|r| {
                Ok((
                    s.seal(super::requests::CLIENT_REF, Some(&r.client_ref))?,
                    s.hash(super::requests::CLIENT_HASH, &r.client_ref),
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut q = String::from(
            "INSERT INTO requests (id, tenant_id, institution_id, place_id, mode, language, sector, start_at, \
             duration_min, local_date, gender_pref, priority, client_ref, excluded, status, mediator_id, version, \
             created_at, updated_at, billable, ts_status, client_hash, cancelled_by, confirmed_at) VALUES ",
        );
        for (i, _) in chunk.iter().enumerate() {
            let b = i * 16;
            if i > 0 {
                q.push(',');
            }
            let v = |k: usize| format!("${}", b + 2 + k);
            q.push_str(&format!(
                "({}, $1, {}, {}, {}, {}, {}, {}, {}, {}, 'none', 1, {}, '[]', {}, {}, 1, {}, {}, FALSE, 'none', {}, {}, {})",
                v(0),
                v(1),
                v(2),
                v(3),
                v(4),
                v(5),
                v(6),
                v(7),
                v(8),
                v(9),
                v(10),
                v(11),
                v(12),
                v(12),
                v(13),
                v(14),
                v(15)
            ));
        }
        n += with_pool!(db, p => {
            let mut qq = sqlx::query(sqlx::AssertSqlSafe(q.clone())).bind(tenant);
            for (r, (sealed, hash)) in chunk.iter().zip(&refs) {
                qq = qq.bind(r.id).bind(r.institution_id).bind(r.place_id).bind(r.mode).bind(r.language).bind(r.sector)
                    .bind(UtcTs(r.start_at)).bind(r.duration_min).bind(r.local_date.clone()).bind(sealed.clone()).bind(r.status)
                    .bind(r.mediator_id).bind(UtcTs(r.created_at)).bind(hash.clone()).bind(r.cancelled_by).bind(r.confirmed_at.map(UtcTs));
            }
            qq.execute(p).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(n)
}

/// Brings the planner's statistics up to date after a bulk load, so that the first
/// queries already use the right indexes; on SQLite also moves the load from the
/// write-ahead log into the database file (as a checkpoint would in quieter times), on
/// PostgreSQL also vacuums (else autovacuum would work through the load while the
/// benchmark measures) and asks for a checkpoint (else the checkpointer would still be
/// writing the load's pages while the benchmark's commits wait for the disk); a role
/// that may not checkpoint skips that.
pub async fn analyze(db: &Db) -> Result<()> {
    match &db.pool {
        crate::Pool::Sqlite(p) => {
            sqlx::query("ANALYZE").execute(p).await?;
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(p)
                .await?;
        }
        crate::Pool::Postgres(p) => {
            sqlx::query("VACUUM ANALYZE").execute(p).await?;
            if let Err(e) = sqlx::query("CHECKPOINT").execute(p).await {
                tracing::warn!("no checkpoint after the bulk load: {e}");
            }
        }
    }
    Ok(())
}
