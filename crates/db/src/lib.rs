//! The only place with SQL: one `Db` over SQLite (default) and PostgreSQL.
//!
//! Every statement is written once in portable SQL and run on either pool by
//! [`with_pool!`]; every function that touches tenant-owned rows takes the tenant.

mod ts;

pub mod audit;
pub mod billing;
pub mod bulk;
pub mod bus;
pub mod calls;
mod conditions;
pub mod institutions;
pub mod leases;
pub mod mediators;
pub mod offers;
pub mod outbox;
pub mod passkeys;
pub mod plans;
pub mod privacy;
pub mod requests;
pub mod retention;
pub mod seal;
pub mod sealed;
pub mod sessions;
pub mod state;
pub mod tenants;
/// The fixture the tests of every crate share. It is compiled in every build, not behind a
/// feature, so that the tests' build and `cargo run` share every compiled crate (a feature
/// on only for tests made `cargo run` after the tests rebuild the whole workspace); nothing
/// outside tests calls it, and the linker leaves it out of the program.
#[doc(hidden)]
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

/// The database: SQLite for one city, PostgreSQL for many instances, with the keys that
/// seal the most sensitive fields (see [`seal`]).
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: Pool,
    keys: Option<std::sync::Arc<seal::Keyring>>,
}

/// The connection pool of either backend.
#[derive(Debug, Clone)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same expression against whichever pool `db` holds.
/// The expression must end in a backend-neutral type.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match &($db).pool {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}

/// A transaction a use-case opened with [`Db::begin`]: the plain functions that take
/// `&mut Tx` run within it, and nothing is kept unless the use-case commits. Dropped
/// without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub struct Tx {
    pub conn: TxConn,
    keys: Option<std::sync::Arc<seal::Keyring>>,
}

/// The transaction of either backend.
#[derive(Debug)]
pub enum TxConn {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs the same expression on the connection of whichever transaction `tx` holds.
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match &mut ($tx).conn {
            $crate::TxConn::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::TxConn::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

impl Tx {
    /// Keeps every change made within the transaction.
    pub async fn commit(self) -> Result<()> {
        match self.conn {
            TxConn::Sqlite(t) => t.commit().await?,
            TxConn::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    /// Runs settings of the transaction that only PostgreSQL has (isolation level, `SET
    /// LOCAL ...`); SQLite has none of them and skips them.
    pub async fn on_postgres(&mut self, settings: &[&'static str]) -> Result<()> {
        if let TxConn::Postgres(c) = &mut self.conn {
            for set in settings {
                sqlx::query(*set).execute(&mut **c).await?;
            }
        }
        Ok(())
    }

    /// Drops every change made within the transaction.
    pub async fn rollback(self) -> Result<()> {
        match self.conn {
            TxConn::Sqlite(t) => t.rollback().await?,
            TxConn::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }
}

impl Db {
    /// A database over `pool`, without keys until [`Db::with_keyring`].
    pub fn from_pool(pool: Pool) -> Db {
        Db { pool, keys: None }
    }

    /// Opens a transaction for a use-case.
    pub async fn begin(&self) -> Result<Tx> {
        let conn = match &self.pool {
            Pool::Sqlite(p) => TxConn::Sqlite(p.begin().await?),
            Pool::Postgres(p) => TxConn::Postgres(p.begin().await?),
        };
        Ok(Tx {
            conn,
            keys: self.keys.clone(),
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
                // Erased values do not linger in free pages.
                .pragma("secure_delete", "ON")
                .busy_timeout(Duration::from_secs(5))
                // Read through the operating system's page cache (shared by every
                // connection) instead of copying pages; a year's report reads every row.
                .pragma("mmap_size", "268435456")
                .pragma("cache_size", "-8192")
                // Statistics that follow the tables' growth: refreshed where stale (each
                // look bounded) when a connection closes, which the pool does after ten
                // idle minutes or an hour.
                .optimize_on_close(true, 400);
            // In-memory databases live as long as one connection holds them.
            let memory = url.contains(":memory:") || url.contains("mode=memory");
            if let Some(path) = sqlite_path(url) {
                make_private(&path)?;
            }
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
            Ok(Db::from_pool(Pool::Sqlite(pool)))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // A transaction dropped on an early error is rolled back only when its
            // connection is next used; on a quiet pool it would hold its locks. The server
            // ends a session idle inside a transaction for a minute (no use-case waits that
            // long between two statements), and the pool tests a connection before use.
            // No just-in-time compilation: Mittler's queries read a page's rows, and the
            // planner, costing a query by a large table, compiled one that then read no
            // row for 30-300 ms (the inbox's funds on the state's data).
            let opts = PgConnectOptions::from_str(url)
                .map_err(|e| DbError::Url(e.to_string()))?
                .options([
                    ("idle_in_transaction_session_timeout", "60s"),
                    ("jit", "off"),
                ]);
            let pool = PgPoolOptions::new()
                .test_before_acquire(true)
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Ok(Db::from_pool(Pool::Postgres(pool)))
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
        match &self.pool {
            Pool::Sqlite(p) => {
                older(sqlx::migrate!("./migrations/sqlite"), version)
                    .run(p)
                    .await?
            }
            Pool::Postgres(p) => {
                older(sqlx::migrate!("./migrations/postgres"), version)
                    .run(p)
                    .await?
            }
        }
        Ok(())
    }

    /// Applies every pending migration of this backend.
    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Pool::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Pool::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        self.finish_upgrades().await
    }

    /// What an upgrade does besides its SQL: links audit entries written before the log
    /// was a chain, and seals personal fields written before sealing began (with keys).
    async fn finish_upgrades(&self) -> Result<()> {
        let linked = audit::link_unlinked(self).await?;
        if linked > 0 {
            tracing::info!("linked {linked} audit entries into their chains");
        }
        if self.has_keys() {
            let sealed = sealed::reseal(self).await?;
            if sealed > 0 {
                tracing::info!("sealed {sealed} stored personal values");
            }
        }
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match &self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        with_pool!(self, p => p.close().await)
    }

    /// Tables and their columns, sorted: the schema parity test compares backends with it.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>> {
        let rows: Vec<(String, String)> = match &self.pool {
            Pool::Sqlite(p) => {
                sqlx::query_as(
                    "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await?
            }
            // information_schema is PostgreSQL's catalogue; current_schema() follows search_path.
            Pool::Postgres(p) => {
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
            match &self.pool {
                Pool::Sqlite(p) => {
                    sqlx::query_scalar(
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                    )
                    .fetch_all(p)
                    .await?
                }
                Pool::Postgres(p) => sqlx::query_scalar(
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

impl Db {
    /// Seals the sensitive fields with `keys` from now on (see [`seal`]).
    pub fn with_keyring(mut self, keys: seal::Keyring) -> Db {
        self.keys = Some(std::sync::Arc::new(keys));
        self
    }

    /// Whether sensitive fields are sealed.
    pub fn has_keys(&self) -> bool {
        self.keys.is_some()
    }

    pub(crate) fn sealer(&self) -> Sealer {
        Sealer(self.keys.clone())
    }
}

impl Tx {
    pub(crate) fn sealer(&self) -> Sealer {
        Sealer(self.keys.clone())
    }
}

/// Seals and opens the sensitive fields with the database's keys (plain without keys).
#[derive(Clone)]
pub struct Sealer(Option<std::sync::Arc<seal::Keyring>>);

impl Sealer {
    pub(crate) fn seal(&self, field: &str, plain: Option<&str>) -> Result<Option<String>> {
        match (self.0.as_deref(), plain) {
            (Some(k), Some(p)) => Ok(Some(k.seal(field, p)?)),
            (_, p) => Ok(p.map(str::to_owned)),
        }
    }

    pub(crate) fn open(&self, field: &str, stored: Option<String>) -> Result<Option<String>> {
        match (self.0.as_deref(), stored) {
            (Some(k), Some(s)) => Ok(Some(k.open(field, &s)?)),
            (None, Some(s)) if s.starts_with(seal::PREFIX) => Err(DbError::Corrupt(format!(
                "{field} is sealed, and no key file was given"
            ))),
            (_, s) => Ok(s),
        }
    }

    /// [`Sealer::seal`] for the statement macros, whose errors are sqlx's.
    pub(crate) fn seal_sqlx(
        &self,
        field: &str,
        plain: &str,
    ) -> std::result::Result<String, sqlx::Error> {
        self.seal(field, Some(plain))
            .map(Option::unwrap_or_default)
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))
    }

    /// A digest of `value` that reveals nothing without the key file (HMAC-SHA-256 with
    /// keys, SHA-256 without).
    pub(crate) fn digest(&self, purpose: &str, value: &str) -> String {
        match self.0.as_deref() {
            Some(k) => k.keyed_hash(purpose, value),
            None => {
                use sha2::Digest;
                sha2::Sha256::digest(format!("{purpose}\0{value}").as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect()
            }
        }
    }

    /// The lookup hash of a value (the value itself without keys).
    pub(crate) fn hash(&self, purpose: &str, value: &str) -> String {
        match self.0.as_deref() {
            Some(k) => k.keyed_hash(purpose, value),
            None => value.to_owned(),
        }
    }
}

/// The file of a `sqlite://PATH` URL (none for an in-memory database).
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    if file.is_empty() || file.contains(":memory:") || url.contains("mode=memory") {
        return None;
    }
    Some(std::path::PathBuf::from(
        file.strip_prefix("file:").unwrap_or(file),
    ))
}

/// A database URL without its password, for messages and logs.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Makes the database file and its write-ahead log owner-only (creating the file empty
/// when it does not exist yet, so that it is never readable by others, not even briefly).
fn make_private(path: &std::path::Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let io = |e: std::io::Error| DbError::Url(format!("{}: {e}", path.display()));
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
        for p in [
            path.to_path_buf(),
            std::path::PathBuf::from(format!("{}-wal", path.display())),
            std::path::PathBuf::from(format!("{}-shm", path.display())),
        ] {
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
            }
        }
    }
    Ok(())
}

impl Db {
    /// Whether the database answers and every migration of this release is applied.
    pub async fn ready(&self) -> Result<bool> {
        let latest = match &self.pool {
            Pool::Sqlite(_) => sqlx::migrate!("./migrations/sqlite")
                .iter()
                .map(|m| m.version)
                .max(),
            Pool::Postgres(_) => sqlx::migrate!("./migrations/postgres")
                .iter()
                .map(|m| m.version)
                .max(),
        };
        let q = "SELECT MAX(version) FROM _sqlx_migrations WHERE success = TRUE";
        let applied: Option<i64> = with_pool!(self, p => sqlx::query_scalar(q).fetch_one(p).await)?;
        Ok(applied.is_some() && applied >= latest)
    }

    /// A consistent copy of a SQLite database into a new file, while others write.
    pub async fn snapshot_sqlite(&self, to: &str) -> Result<()> {
        let Pool::Sqlite(p) = &self.pool else {
            return Err(DbError::Url(
                "a snapshot is SQLite's; PostgreSQL uses pg_dump".into(),
            ));
        };
        let q = format!("VACUUM INTO '{}'", to.replace('\'', "''"));
        sqlx::query(sqlx::AssertSqlSafe(q)).execute(p).await?;
        Ok(())
    }

    /// The PostgreSQL schema the connection works in (`main` on SQLite).
    pub async fn schema_name(&self) -> Result<String> {
        match &self.pool {
            Pool::Sqlite(_) => Ok("main".into()),
            Pool::Postgres(p) => Ok(sqlx::query_scalar("SELECT current_schema()::text")
                .fetch_one(p)
                .await?),
        }
    }

    /// Whether the database holds any table of Mittler's (a restore refuses such a target).
    pub async fn holds_data(&self) -> Result<bool> {
        Ok(!self.schema().await?.is_empty())
    }

    /// A digest of every table's rows (a count, and the sorted ids where there are ids):
    /// what a restore test compares.
    pub async fn digest(&self) -> Result<String> {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for (table, columns) in self.schema().await? {
            let count = format!("SELECT COUNT(*) FROM {table}");
            let n: i64 = with_pool!(self, p => sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await)?;
            h.update(format!("{table}:{n}\n").as_bytes());
            if columns.iter().any(|c| c == "id") {
                let ids = match &self.pool {
                    Pool::Sqlite(_) => format!("SELECT hex(id) FROM {table} ORDER BY id"),
                    Pool::Postgres(_) => format!("SELECT id::text FROM {table} ORDER BY id"),
                };
                let ids: Vec<String> = with_pool!(self, p => sqlx::query_scalar(sqlx::AssertSqlSafe(ids)).fetch_all(p).await)?;
                for id in ids {
                    h.update(id.as_bytes());
                }
            }
        }
        Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }
}
