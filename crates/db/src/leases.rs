//! Leases of the worker's periodic jobs: one worker at a time runs a job (sweeps,
//! reminders, lotteries, retention), on any number of workers; a lease that is not
//! renewed runs out, and another worker takes the job over.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;

/// Takes or renews the lease of job `name` for `holder` until `until`; false while
/// another holder's lease runs.
pub async fn take(
    db: &Db,
    name: &str,
    holder: &str,
    now: Timestamp,
    until: Timestamp,
) -> Result<bool> {
    let q = "INSERT INTO worker_leases (name, holder, until_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_at = excluded.until_at \
             WHERE worker_leases.until_at < $4 OR worker_leases.holder = excluded.holder";
    let n = with_pool!(db, p => sqlx::query(q).bind(name).bind(holder).bind(UtcTs(until)).bind(UtcTs(now))
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
