//! Passkeys (WebAuthn credentials, stored as the library's JSON) and the state of
//! ceremonies under way (WebAuthn, OpenID Connect), each used once.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: String,
    pub name: String,
    pub passkey: String,
    pub created_at: UtcTs,
    pub last_used_at: Option<UtcTs>,
}

/// A passkey to keep: its credential id (base64url), a name its owner chose, the
/// library's JSON.
pub struct NewPasskey<'a> {
    pub tenant: Uuid,
    pub user: Uuid,
    pub id: &'a str,
    pub name: &'a str,
    pub passkey: &'a str,
    pub now: Timestamp,
}

pub async fn add(db: &Db, k: &NewPasskey<'_>, audit: &crate::audit::AuditEntry) -> Result<()> {
    let q = "INSERT INTO passkeys (id, tenant_id, user_id, name, passkey, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(k.id).bind(k.tenant).bind(k.user).bind(k.name).bind(k.passkey).bind(UtcTs(k.now))
            .execute(&mut *tx).await?;
        crate::audit::append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// The passkeys of a user, oldest first.
pub async fn of_user(db: &Db, tenant: Uuid, user: Uuid) -> Result<Vec<PasskeyRow>> {
    let q = "SELECT id, name, passkey, created_at, last_used_at FROM passkeys \
             WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, id";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(user).fetch_all(p).await)?)
}

/// Stores a passkey's new state (its signature counter) after a sign-in.
pub async fn used(db: &Db, id: &str, passkey: Option<&str>, now: Timestamp) -> Result<()> {
    let q = "UPDATE passkeys SET passkey = COALESCE($2, passkey), last_used_at = $3 WHERE id = $1";
    with_pool!(db, p => sqlx::query(q).bind(id).bind(passkey).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes one passkey of a user; false when there is none.
pub async fn remove(
    db: &Db,
    tenant: Uuid,
    user: Uuid,
    id: &str,
    audit: &crate::audit::AuditEntry,
) -> Result<bool> {
    let q = "DELETE FROM passkeys WHERE tenant_id = $1 AND user_id = $2 AND id = $3";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(user).bind(id).execute(&mut *tx).await?.rows_affected();
        if n > 0 {
            crate::audit::append!(&mut *tx, db.sealer(), audit)?;
        }
        tx.commit().await.map(|_| n)
    })?;
    Ok(n > 0)
}

/// Keeps the state of a ceremony until `expires_at` (a newer one under the same key wins).
pub async fn put_ceremony(db: &Db, key: &str, state: &str, expires_at: Timestamp) -> Result<()> {
    let q = "INSERT INTO ceremonies (key, state, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (key) DO UPDATE SET state = $2, expires_at = $3";
    with_pool!(db, p => sqlx::query(q).bind(key).bind(state).bind(UtcTs(expires_at)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Takes the state of a ceremony (it is gone afterwards), unless expired.
pub async fn take_ceremony(db: &Db, key: &str, now: Timestamp) -> Result<Option<String>> {
    let q = "DELETE FROM ceremonies WHERE key = $1 RETURNING state, expires_at";
    let row: Option<(String, UtcTs)> =
        with_pool!(db, p => sqlx::query_as(q).bind(key).fetch_optional(p).await)?;
    Ok(row.filter(|(_, until)| until.0 > now).map(|(s, _)| s))
}

/// Forgets expired ceremonies.
pub async fn purge_ceremonies(db: &Db, now: Timestamp) -> Result<u64> {
    let q = "DELETE FROM ceremonies WHERE expires_at <= $1";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?,
    )
}
