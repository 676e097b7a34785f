//! Messages between the instances of one installation: PostgreSQL's `LISTEN/NOTIFY`.
//! A message larger than a notification may carry waits in `bus_messages` and the
//! notification names it. SQLite has one process: there is nothing to listen to.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// The channel every instance listens on.
pub const CHANNEL: &str = "mittler";

/// The largest payload sent in the notification itself (PostgreSQL allows 8,000 bytes).
pub const INLINE_BYTES: usize = 7_000;

/// Sends a payload to every instance listening (this one too).
pub async fn notify(db: &Db, payload: &str) -> Result<()> {
    if let crate::Pool::Postgres(p) = &db.pool {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(p)
            .await?;
    }
    Ok(())
}

/// Keeps a payload too large for a notification; returns its id for the notification.
pub async fn store(db: &Db, payload: &str, now: Timestamp) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let q = "INSERT INTO bus_messages (id, payload, created_at) VALUES ($1, $2, $3)";
    with_pool!(db, p => sqlx::query(q).bind(id).bind(payload).bind(UtcTs(now)).execute(p).await.map(|_| ()))?;
    Ok(id)
}

/// A kept payload (every instance reads it; the worker removes old ones).
pub async fn stored(db: &Db, id: Uuid) -> Result<Option<String>> {
    let q = "SELECT payload FROM bus_messages WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(id).fetch_optional(p).await)?)
}

/// Removes kept payloads written before `before`.
pub async fn purge(db: &Db, before: Timestamp) -> Result<u64> {
    let q = "DELETE FROM bus_messages WHERE created_at < $1";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(UtcTs(before)).execute(p).await.map(|r| r.rows_affected()))?,
    )
}

/// A connection that receives the notifications of [`CHANNEL`].
pub struct Listener(sqlx::postgres::PgListener);

/// Listens on PostgreSQL; `None` on SQLite.
pub async fn listen(db: &Db) -> Result<Option<Listener>> {
    match &db.pool {
        crate::Pool::Postgres(p) => {
            let mut l = sqlx::postgres::PgListener::connect_with(p).await?;
            l.listen(CHANNEL).await?;
            Ok(Some(Listener(l)))
        }
        crate::Pool::Sqlite(_) => Ok(None),
    }
}

impl Listener {
    /// The next payload. After a lost connection it connects again (what was sent
    /// meanwhile is lost: pages reload their lists on the next message).
    pub async fn recv(&mut self) -> Result<String> {
        Ok(self.0.recv().await?.payload().to_owned())
    }
}
