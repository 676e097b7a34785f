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
    pub last_seen_at: Option<UtcTs>,
    /// The tenant's idle time-out in minutes.
    pub idle_timeout_min: i32,
    /// The roles the tenant requires a second factor of (comma-separated).
    pub second_factor_roles: String,
}

/// A session or token as its owner sees it in "my sessions".
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Listed {
    pub token_hash: String,
    pub kind: String,
    pub created_at: UtcTs,
    pub last_seen_at: Option<UtcTs>,
    pub expires_at: UtcTs,
    pub address: Option<String>,
}

impl Listed {
    /// The public handle of a session: the first 16 characters of its token's hash.
    pub fn id(&self) -> &str {
        self.token_hash.get(..16).unwrap_or(&self.token_hash)
    }
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub kind: Kind,
    pub csrf: &'a str,
    pub now: Timestamp,
    pub expires_at: Timestamp,
    pub address: Option<&'a str>,
}

pub async fn create(db: &Db, s: &NewSession<'_>) -> Result<()> {
    let q = "INSERT INTO sessions (token_hash, tenant_id, user_id, kind, csrf, created_at, expires_at, last_seen_at, address) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8)";
    with_pool!(db, p => sqlx::query(q).bind(s.token_hash).bind(s.tenant_id).bind(s.user_id).bind(s.kind.as_str())
        .bind(s.csrf).bind(UtcTs(s.now)).bind(UtcTs(s.expires_at)).bind(s.address).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The unexpired session of this kind with this token hash, if its user is still active.
pub async fn find(
    db: &Db,
    token_hash: &str,
    kind: Kind,
    now: Timestamp,
) -> Result<Option<Session>> {
    let q = "SELECT s.token_hash, s.tenant_id, s.user_id, s.csrf, s.expires_at, s.last_seen_at, t.idle_timeout_min, \
             t.second_factor_roles \
             FROM sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id \
             JOIN tenants t ON t.id = s.tenant_id WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND u.active = TRUE";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(token_hash).bind(kind.as_str()).bind(UtcTs(now)).fetch_optional(p).await)?,
    )
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Notes that a session was used (for the idle time-out and "my sessions").
pub async fn touch(db: &Db, token_hash: &str, now: Timestamp) -> Result<()> {
    let q = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
    with_pool!(db, p => sqlx::query(q).bind(token_hash).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The unexpired sessions and tokens of a user, newest first.
pub async fn list(db: &Db, tenant: Uuid, user: Uuid, now: Timestamp) -> Result<Vec<Listed>> {
    let q = "SELECT token_hash, kind, created_at, last_seen_at, expires_at, address FROM sessions \
             WHERE tenant_id = $1 AND user_id = $2 AND expires_at > $3 ORDER BY created_at DESC";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(user).bind(UtcTs(now)).fetch_all(p).await)?,
    )
}

/// Ends one session of a user by its public handle; false when there is none.
pub async fn end(db: &Db, tenant: Uuid, user: Uuid, id: &str) -> Result<bool> {
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(false);
    }
    let pattern = format!("{id}%");
    let q = "DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2 AND token_hash LIKE $3";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(user).bind(pattern).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Ends every session and token of a user; returns how many.
pub async fn end_all(db: &Db, tenant: Uuid, user: Uuid) -> Result<u64> {
    let q = "DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(tenant).bind(user).execute(p).await.map(|r| r.rows_affected()))?,
    )
}

/// A correct password waiting for the second factor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub key: String,
    pub attempts: i32,
}

pub async fn create_pending(
    db: &Db,
    token_hash: &str,
    tenant: Uuid,
    user: Uuid,
    key: &str,
    expires_at: Timestamp,
) -> Result<()> {
    let q = "INSERT INTO sign_in_pending (token_hash, tenant_id, user_id, key, attempts, expires_at) VALUES ($1, $2, $3, $4, 0, $5)";
    with_pool!(db, p => sqlx::query(q).bind(token_hash).bind(tenant).bind(user).bind(key).bind(UtcTs(expires_at)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The unexpired pending sign-in, counting one more attempt at its code.
pub async fn pending_attempt(db: &Db, token_hash: &str, now: Timestamp) -> Result<Option<Pending>> {
    let q = "UPDATE sign_in_pending SET attempts = attempts + 1 WHERE token_hash = $1 AND expires_at > $2 \
             RETURNING tenant_id, user_id, key, attempts";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(token_hash).bind(UtcTs(now)).fetch_optional(p).await)?,
    )
}

/// The unexpired pending sign-in, without counting an attempt.
pub async fn pending_peek(db: &Db, token_hash: &str, now: Timestamp) -> Result<Option<Pending>> {
    let q = "SELECT tenant_id, user_id, key, attempts FROM sign_in_pending WHERE token_hash = $1 AND expires_at > $2";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(token_hash).bind(UtcTs(now)).fetch_optional(p).await)?,
    )
}

pub async fn delete_pending(db: &Db, token_hash: &str) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM sign_in_pending WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes expired sessions.
pub async fn purge(db: &Db, now: Timestamp) -> Result<u64> {
    let q = "DELETE FROM sessions WHERE expires_at <= $1";
    let n = with_pool!(db, p => sqlx::query(q).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    let q = "DELETE FROM sign_in_pending WHERE expires_at <= $1";
    let m = with_pool!(db, p => sqlx::query(q).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n + m)
}
