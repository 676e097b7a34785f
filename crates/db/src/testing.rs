//! The test fixture shared by every crate: a fresh, migrated database per test, on
//! SQLite (in memory) always and on PostgreSQL (a schema per test) when
//! `TEST_DATABASE_URL` is set. Under `CI=true` a missing PostgreSQL fails the test.

use crate::Db;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;

/// A database for one test; a PostgreSQL schema is dropped when it goes.
pub struct TestDb {
    pub db: Db,
    pg: Option<(String, String)>,
    /// The SQLite file of an on-disk test database.
    pub file: Option<std::path::PathBuf>,
}

impl TestDb {
    pub fn backend(&self) -> &'static str {
        self.db.backend()
    }

    /// A URL that reaches this test's PostgreSQL schema (for tests of the command line).
    pub fn postgres_url(&self) -> Option<String> {
        let (url, schema) = self.pg.as_ref()?;
        let sep = if url.contains('?') { '&' } else { '?' };
        Some(format!("{url}{sep}options=-c%20search_path%3D{schema}"))
    }
}

/// The keys of test databases (fixed: tests do not depend on randomness here).
#[allow(clippy::expect_used)]
pub fn test_keys() -> crate::seal::Keyring {
    crate::seal::Keyring::new([0x5a; 32], &[[0x42; 32]]).expect("a keyring")
}

/// Whether tests run under CI, where skipping is not allowed.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A fresh in-memory SQLite database, migrated.
#[allow(clippy::expect_used)]
pub async fn sqlite() -> TestDb {
    let t = sqlite_empty().await;
    t.db.migrate().await.expect("sqlite migrates");
    t
}

/// A fresh in-memory SQLite database without any migration (upgrade tests).
#[allow(clippy::expect_used)]
pub async fn sqlite_empty() -> TestDb {
    let url = format!(
        "sqlite:file:t{}?mode=memory&cache=shared",
        uuid::Uuid::new_v4().simple()
    );
    let db = Db::connect(&url)
        .await
        .expect("sqlite connects")
        .with_keyring(test_keys());
    TestDb {
        db,
        pg: None,
        file: None,
    }
}

/// A fresh SQLite database in a file (as in production: several connections, not the
/// single one an in-memory database has), migrated. For tests that serve a real browser,
/// whose page loads overlap.
#[allow(clippy::expect_used)]
pub async fn sqlite_on_disk() -> TestDb {
    let dir = std::env::temp_dir().join(format!("mittler-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let url = format!("sqlite://{}", dir.join("test.db").display());
    let db = Db::connect(&url)
        .await
        .expect("sqlite connects")
        .with_keyring(test_keys());
    db.migrate().await.expect("sqlite migrates");
    TestDb {
        db,
        pg: None,
        file: Some(dir.join("test.db")),
    }
}

/// A fresh PostgreSQL schema, migrated; `None` (with a message) when no server is configured.
#[allow(clippy::expect_used, clippy::panic)]
pub async fn postgres() -> Option<TestDb> {
    let t = postgres_empty().await?;
    t.db.migrate().await.expect("postgres migrates");
    Some(t)
}

/// A fresh PostgreSQL schema without any migration (upgrade tests).
#[allow(clippy::expect_used, clippy::panic)]
pub async fn postgres_empty() -> Option<TestDb> {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        if in_ci() {
            panic!(
                "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests would be skipped"
            );
        }
        eprintln!(
            "skipping PostgreSQL: set TEST_DATABASE_URL (the test script does) to run this test there too"
        );
        return None;
    };
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let admin = PgPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .expect("postgres connects");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&admin)
        .await
        .expect("schema created");
    admin.close().await;
    // A transaction a test left open (a dropped future's rollback waits until its
    // connection is used again) would hold its locks and block dropping the schema
    // forever: the server ends such a session after a few idle seconds.
    let opts = PgConnectOptions::from_str(&url).expect("url").options([
        ("search_path", schema.as_str()),
        ("idle_in_transaction_session_timeout", "5s"),
    ]);
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .connect_with(opts)
        .await
        .expect("postgres connects");
    let db = Db::from_pool(crate::Pool::Postgres(pool)).with_keyring(test_keys());
    Some(TestDb {
        db,
        pg: Some((url, schema)),
        file: None,
    })
}

/// Every backend available: SQLite, then PostgreSQL when configured.
pub async fn all() -> Vec<TestDb> {
    let mut v = vec![sqlite().await];
    if let Some(pg) = postgres().await {
        v.push(pg);
    }
    v
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((url, schema)) = self.pg.take() else {
            return;
        };
        // Drop runs outside async: a short-lived runtime on its own thread drops the schema.
        let handle = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(pool) = PgPoolOptions::new().max_connections(1).connect(&url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA IF EXISTS {schema} CASCADE"
                    )))
                    .execute(&pool)
                    .await;
                    pool.close().await;
                }
            });
        });
        let _ = handle.join();
    }
}

/// Every byte the database keeps of its data: the SQLite file and its write-ahead log
/// (of a database made by [`sqlite_on_disk`]), or a plain `pg_dump` of the test's
/// PostgreSQL schema. Tests grep it for values that must not be there in plain text.
#[allow(clippy::expect_used, clippy::panic)]
pub async fn raw_bytes(t: &TestDb) -> Vec<u8> {
    if let (Some(url), Some((_, schema))) = (t.postgres_url(), &t.pg) {
        // This test's schema only: other tests' (and killed runs' leftovers) are not its data.
        let out = std::process::Command::new("pg_dump")
            .arg("--data-only")
            .arg(format!("--schema={schema}"))
            .arg(format!("--dbname={url}"))
            .output()
            .expect("pg_dump runs");
        assert!(
            out.status.success(),
            "pg_dump: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return out.stdout;
    }
    let Some(file) = t.file.clone() else {
        panic!("raw bytes need a database in a file: use sqlite_on_disk()");
    };
    let mut bytes = std::fs::read(&file).expect("the database file");
    if let Ok(wal) = std::fs::read(format!("{}-wal", file.display())) {
        bytes.extend(wal);
    }
    bytes
}

/// Whether `needle` occurs in `haystack` (as UTF-8 bytes).
pub fn holds(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && haystack.windows(n.len()).any(|w| w == n)
}

/// Runs one statement as it stands (a test's change behind the use-cases' back, as an
/// import or a hand-made correction would make it); how many rows it changed.
#[allow(clippy::expect_used)]
pub async fn exec(db: &Db, sql: &'static str) -> u64 {
    crate::with_pool!(db, p => sqlx::query(sql).execute(p).await.map(|r| r.rows_affected()))
        .expect("the statement runs")
}
