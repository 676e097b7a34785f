//! The only place with SQL: one `Db` over SQLite (default) and PostgreSQL.
//!
//! Every statement is written once in portable SQL and run on either pool by
//! [`with_pool!`]; every function that touches tenant-owned rows takes the tenant.

mod ts;

pub mod audit;
pub mod billing;
pub mod institutions;
pub mod mediators;
pub mod offers;
pub mod outbox;
pub mod passkeys;
pub mod plans;
pub mod requests;
pub mod sessions;
pub mod tenants;
#[cfg(feature = "test-util")]
pub mod testing;
pub mod throttle;
pub mod users;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

pub use ts::UtcTs;
pub use uuid::Uuid;

/// A database error the layers above can act on.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    /// A unique or foreign-key constraint refused the change.
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("invalid database URL: {0}")]
    Url(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Sqlx(sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                DbError::Conflict(d.constraint().map(str::to_owned).unwrap_or_else(|| {
                    // SQLite names the columns, not the constraint: "UNIQUE constraint failed: users.email".
                    d.message()
                        .rsplit(": ")
                        .next()
                        .unwrap_or("unique")
                        .to_owned()
                }))
            }
            other => DbError::Sqlx(other),
        }
    }
}

pub type Result<T> = std::result::Result<T, DbError>;

/// The database: SQLite for one city, PostgreSQL for many instances.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same expression against whichever pool `db` holds.
/// The expression must end in a backend-neutral type.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

/// A transaction a use-case opened with [`Db::begin`]: the plain functions that take
/// `&mut Tx` run within it, and nothing is kept unless the use-case commits. Dropped
/// without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs the same expression on the connection of whichever transaction `tx` holds.
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

impl Tx {
    /// Keeps every change made within the transaction.
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    /// Drops every change made within the transaction.
    pub async fn rollback(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.rollback().await?,
            Tx::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }
}

impl Db {
    /// Opens a transaction for a use-case.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin().await?),
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// Connects to `sqlite://PATH` (created when missing) or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|e| DbError::Url(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // Read through the operating system's page cache (shared by every
                // connection) instead of copying pages; a year's report reads every row.
                .pragma("mmap_size", "268435456")
                .pragma("cache_size", "-8192");
            // In-memory databases live as long as one connection holds them.
            let memory = url.contains(":memory:") || url.contains("mode=memory");
            let pool = SqlitePoolOptions::new()
                .max_connections(if memory { 1 } else { 8 })
                .min_connections(if memory { 1 } else { 0 })
                .idle_timeout(if memory {
                    None
                } else {
                    Some(Duration::from_secs(600))
                })
                .max_lifetime(if memory {
                    None
                } else {
                    Some(Duration::from_secs(3600))
                })
                .connect_with(opts)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| DbError::Url(e.to_string()))?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbError::Url(
                "use sqlite://PATH or postgres://USER@HOST/DB".into(),
            ))
        }
    }

    /// Applies the migrations older than `version` only: the schema an older release left,
    /// for tests that upgrade it with data in it.
    pub async fn migrate_before(&self, version: i64) -> Result<()> {
        fn older(m: sqlx::migrate::Migrator, version: i64) -> sqlx::migrate::Migrator {
            let keep: Vec<_> = m
                .migrations
                .iter()
                .filter(|x| x.version < version)
                .cloned()
                .collect();
            sqlx::migrate::Migrator {
                migrations: keep.into(),
                ..m
            }
        }
        match self {
            Db::Sqlite(p) => {
                older(sqlx::migrate!("./migrations/sqlite"), version)
                    .run(p)
                    .await?
            }
            Db::Postgres(p) => {
                older(sqlx::migrate!("./migrations/postgres"), version)
                    .run(p)
                    .await?
            }
        }
        Ok(())
    }

    /// Applies every pending migration of this backend.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Db::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        with_pool!(self, p => p.close().await)
    }

    /// Tables and their columns, sorted: the schema parity test compares backends with it.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>> {
        let rows: Vec<(String, String)> = match self {
            Db::Sqlite(p) => {
                sqlx::query_as(
                    "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await?
            }
            // information_schema is PostgreSQL's catalogue; current_schema() follows search_path.
            Db::Postgres(p) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await?
            }
        };
        let mut tables: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (t, c) in rows {
            tables.entry(t).or_default().push(c);
        }
        Ok(tables
            .into_iter()
            .map(|(t, mut cs)| {
                cs.sort();
                (t, cs)
            })
            .collect())
    }

    /// Index names, sorted (primary keys excluded: the backends name them differently).
    pub async fn indexes(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> =
            match self {
                Db::Sqlite(p) => {
                    sqlx::query_scalar(
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                    )
                    .fetch_all(p)
                    .await?
                }
                Db::Postgres(p) => sqlx::query_scalar(
                    "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() \
                     AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'",
                )
                .fetch_all(p)
                .await?,
            };
        names.sort();
        Ok(names)
    }
}

/// A sort key for names that orders alike on both backends (their collations differ):
/// case-insensitive, with German umlauts beside their base letters.
pub(crate) fn name_key(s: &str) -> String {
    s.to_lowercase()
        .replace('ä', "a")
        .replace('ö', "o")
        .replace('ü', "u")
        .replace('ß', "ss")
}

/// Encodes a list as the JSON text stored in a column.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| DbError::Corrupt(e.to_string()))
}

/// Decodes the JSON text of a column.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| DbError::Corrupt(e.to_string()))
}
