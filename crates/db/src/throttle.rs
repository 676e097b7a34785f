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
