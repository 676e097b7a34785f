//! Retention: the registrations of offers long over lose their personal data.

use crate::audit::{AuditEntry, append};
use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// Every tenant with its retention in days.
pub async fn retention_by_tenant(db: &Db) -> Result<Vec<(Uuid, i32)>> {
    let q = "SELECT id, retention_days FROM tenants ORDER BY id";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}

/// Offers of a tenant whose last date was before `cutoff` and whose registrations still
/// hold personal data.
pub async fn ended_before(db: &Db, tenant: Uuid, cutoff: Timestamp) -> Result<Vec<Uuid>> {
    let q = "SELECT id FROM offers WHERE tenant_id = $1 AND retained_at IS NULL AND last_end <= $2 \
             ORDER BY last_end LIMIT 500";
    Ok(
        with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(UtcTs(cutoff)).fetch_all(p).await)?,
    )
}

/// Anonymises every registration of an offer: names, addresses and consents go; status,
/// persons, ages and attendance stay for the statistics. Returns how many were changed.
pub async fn anonymise(
    db: &Db,
    tenant: Uuid,
    offer: Uuid,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<u64> {
    let qi = "SELECT id FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND anonymised_at IS NULL";
    // The link token goes too: a random value keeps the column unique and matches no link.
    let qr = "UPDATE registrations SET name = '', email = '', token_hash = $3, anonymised_at = $4 \
              WHERE tenant_id = $1 AND id = $2";
    let qc = "DELETE FROM registration_consents WHERE tenant_id = $1 AND registration_id IN \
              (SELECT id FROM registrations WHERE tenant_id = $1 AND offer_id = $2)";
    let qo = "UPDATE offers SET retained_at = $3 WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(qc).bind(tenant).bind(offer).execute(&mut *tx).await?;
        let ids: Vec<Uuid> = sqlx::query_scalar(qi).bind(tenant).bind(offer).fetch_all(&mut *tx).await?;
        for id in &ids {
            sqlx::query(qr).bind(tenant).bind(id).bind(format!("gone:{}", Uuid::new_v4())).bind(UtcTs(now))
                .execute(&mut *tx).await?;
        }
        let n = u64::try_from(ids.len()).unwrap_or(u64::MAX);
        sqlx::query(qo).bind(tenant).bind(offer).bind(UtcTs(now)).execute(&mut *tx).await?;
        append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await.map(|_| n)
    })?;
    Ok(n)
}
