//! Server-side sessions (web) and bearer tokens (API): only the hash of a secret is stored.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Web,
    Api,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Web => "web",
            Kind::Api => "api",
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub token_hash: String,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub csrf: String,
    pub expires_at: UtcTs,
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub kind: Kind,
    pub csrf: &'a str,
    pub now: Timestamp,
    pub expires_at: Timestamp,
}

pub async fn create(db: &Db, s: &NewSession<'_>) -> Result<()> {
    let q = "INSERT INTO sessions (token_hash, tenant_id, user_id, kind, csrf, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_pool!(db, p => sqlx::query(q).bind(s.token_hash).bind(s.tenant_id).bind(s.user_id).bind(s.kind.as_str())
        .bind(s.csrf).bind(UtcTs(s.now)).bind(UtcTs(s.expires_at)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The unexpired session of this kind with this token hash, if its user is still active.
pub async fn find(
    db: &Db,
    token_hash: &str,
    kind: Kind,
    now: Timestamp,
) -> Result<Option<Session>> {
    let q = "SELECT s.token_hash, s.tenant_id, s.user_id, s.csrf, s.expires_at FROM sessions s \
             JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id \
             WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND u.active = TRUE";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(token_hash).bind(kind.as_str()).bind(UtcTs(now)).fetch_optional(p).await)?,
    )
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes expired sessions.
pub async fn purge(db: &Db, now: Timestamp) -> Result<u64> {
    let q = "DELETE FROM sessions WHERE expires_at <= $1";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?,
    )
}
