//! Counters of sign-in attempts per network address and time window.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;

/// Counts one attempt from `address` in the window starting at `window_start`
/// and returns the attempts in that window so far.
pub async fn hit(db: &Db, address: &str, window_start: Timestamp) -> Result<i64> {
    let q = "INSERT INTO login_throttle (address, window_start, attempts) VALUES ($1, $2, 1) \
             ON CONFLICT (address, window_start) DO UPDATE SET attempts = login_throttle.attempts + 1 \
             RETURNING attempts";
    let n: i32 = with_pool!(db, p => sqlx::query_scalar(q).bind(address).bind(UtcTs(window_start)).fetch_one(p).await)?;
    Ok(i64::from(n))
}

/// Forgets windows that started before `before`.
pub async fn purge(db: &Db, before: Timestamp) -> Result<u64> {
    let q = "DELETE FROM login_throttle WHERE window_start < $1";
    let n = with_pool!(db, p => sqlx::query(q).bind(UtcTs(before)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n)
}

/// The attempts counted for `address` in the window starting at `window_start`.
pub async fn count(db: &Db, address: &str, window_start: Timestamp) -> Result<i64> {
    let q = "SELECT attempts FROM login_throttle WHERE address = $1 AND window_start = $2";
    let n: Option<i32> = with_pool!(db, p => sqlx::query_scalar(q).bind(address).bind(UtcTs(window_start)).fetch_optional(p).await)?;
    Ok(i64::from(n.unwrap_or(0)))
}

/// The failures and lock of one typed identifier (its keyed hash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lock {
    pub failures: u32,
    pub locked_until: Option<Timestamp>,
}

pub async fn lock(db: &Db, key: &str) -> Result<Lock> {
    let q = "SELECT failures, locked_until FROM sign_in_locks WHERE key = $1";
    let row: Option<(i32, Option<UtcTs>)> =
        with_pool!(db, p => sqlx::query_as(q).bind(key).fetch_optional(p).await)?;
    Ok(row
        .map(|(f, until)| Lock {
            failures: u32::try_from(f).unwrap_or(0),
            locked_until: until.map(|t| t.0),
        })
        .unwrap_or_default())
}

/// Counts one more failure of an identifier, atomically, and returns the new count.
pub async fn fail(db: &Db, key: &str, now: Timestamp) -> Result<u32> {
    let q = "INSERT INTO sign_in_locks (key, failures, updated_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET failures = sign_in_locks.failures + 1, updated_at = $2 \
             RETURNING failures";
    let n: i32 =
        with_pool!(db, p => sqlx::query_scalar(q).bind(key).bind(UtcTs(now)).fetch_one(p).await)?;
    Ok(u32::try_from(n).unwrap_or(0))
}

/// Locks an identifier until `until`, unless it is already locked longer.
pub async fn extend_lock(db: &Db, key: &str, until: Timestamp) -> Result<()> {
    let q = "UPDATE sign_in_locks SET locked_until = CASE WHEN locked_until IS NULL OR locked_until < $2 THEN $2 \
             ELSE locked_until END WHERE key = $1";
    with_pool!(db, p => sqlx::query(q).bind(key).bind(UtcTs(until)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets the failures of an identifier (after a successful sign-in).
pub async fn clear(db: &Db, key: &str) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM sign_in_locks WHERE key = $1").bind(key).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets identifiers whose last failure is older than `before` and that are not locked.
pub async fn purge_locks(db: &Db, before: Timestamp) -> Result<u64> {
    let q = "DELETE FROM sign_in_locks WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $1)";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(UtcTs(before)).execute(p).await.map(|r| r.rows_affected()))?,
    )
}
