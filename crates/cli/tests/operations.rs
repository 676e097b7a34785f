//! Operations as an operator runs them: health checks, JSON logs, owner-only files,
//! backups and restores (SQLite and PostgreSQL), the audit chain, key rotation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Server, bin, free_port, get, run, serve, temp_dir};
use mittler_db::Db;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn health_checks_answer_logs_are_json_lines_and_files_are_owner_only() {
    let dir = temp_dir();
    let port = free_port();
    let child = bin()
        .current_dir(&dir)
        .env("MITTLER_LOG", "info")
        .env("MITTLER_LOG_FORMAT", "json")
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let start = Instant::now();
    while get(port, "/healthz").is_none() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let health = get(port, "/healthz").unwrap();
    assert!(
        health.starts_with("HTTP/1.1 200") && health.ends_with("ok\n"),
        "{health}"
    );
    let ready = get(port, "/readyz").unwrap();
    assert!(
        ready.starts_with("HTTP/1.1 200") && ready.ends_with("ready\n"),
        "{ready}"
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&dir.join("mittler.db")), 0o600);
        assert_eq!(mode(&dir.join("mittler.key")), 0o600);
    }
    let _ = server.0.kill();
    let out = server.0.wait_with_output_fix();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    assert!(
        lines
            .iter()
            .all(|l| l["level"].is_string() && l["timestamp"].is_string())
    );
    let request_line = lines
        .iter()
        .find(|l| l["span"]["path"] == "/readyz")
        .unwrap_or_else(|| panic!("no line of the /readyz request: {out}"));
    assert_eq!(request_line["span"]["id"].as_str().map(str::len), Some(12));
    std::fs::remove_dir_all(dir).ok();
}

/// Reads what a killed child wrote to its piped standard output.
trait Drain {
    fn wait_with_output_fix(&mut self) -> String;
}

impl Drain for std::process::Child {
    fn wait_with_output_fix(&mut self) -> String {
        use std::io::Read;
        let _ = self.wait();
        let mut s = String::new();
        if let Some(mut o) = self.stdout.take() {
            o.read_to_string(&mut s).ok();
        }
        s
    }
}

async fn digest(url: &str) -> String {
    let db = Db::connect(url).await.unwrap();
    let d = db.digest().await.unwrap();
    db.close().await;
    d
}

/// A copy of `file` with one byte changed at `at` (a position in the header or payload).
fn tamper(file: &Path, to: &Path, at: usize) {
    let mut b = std::fs::read(file).unwrap();
    let i = at % b.len();
    b[i] ^= 0x20;
    std::fs::write(to, b).unwrap();
}

/// The binary with the test's own key file.
fn mittler(dir: &Path) -> std::process::Command {
    let mut c = bin();
    c.env("MITTLER_DATA_KEY_FILE", dir.join("mittler.key"));
    c
}

fn seed(url: &str, dir: &Path) {
    for (slug, name) in [("essen", "KI Essen"), ("bochum", "KI Bochum")] {
        let (ok, _, err) =
            run(mittler(dir).args(["tenant", "add", slug, "--name", name, "--database-url", url]));
        assert!(ok, "{err}");
    }
    let (ok, _, err) = run(mittler(dir)
        .env("MITTLER_PASSWORD", "Sicheres Passwort 2026")
        .args([
            "user",
            "add",
            "--tenant",
            "essen",
            "--email",
            "admin@essen.test",
            "--role",
            "admin",
            "--database-url",
            url,
        ]));
    assert!(ok, "{err}");
}

/// 10 restores give the same data; 10 tampered files are refused and leave the target alone.
fn restores_and_refusals(url: &str, dir: &Path, target: &dyn Fn(usize) -> String, force: bool) {
    let want = futures_block(digest(url));
    let file = dir.join("m.backup");
    let (ok, out, err) = run(mittler(dir).args([
        "backup",
        "--to",
        file.to_str().unwrap(),
        "--database-url",
        url,
    ]));
    assert!(ok && out.contains("backup written"), "{out}{err}");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let mut restored = 0;
    for i in 0..10 {
        let t = target(i);
        if force {
            // The target moves on (a new centre) before it is put back.
            let (ok, _, err) = run(mittler(dir).args([
                "tenant",
                "add",
                &format!("neu{i}"),
                "--name",
                "Neu",
                "--database-url",
                &t,
            ]));
            assert!(ok, "{err}");
            let (ok, _, err) = run(mittler(dir).args([
                "restore",
                "--from",
                file.to_str().unwrap(),
                "--database-url",
                &t,
            ]));
            assert!(
                !ok && err.contains("holds data"),
                "a non-empty target is refused: {err}"
            );
        }
        let mut cmd = mittler(dir);
        cmd.args([
            "restore",
            "--from",
            file.to_str().unwrap(),
            "--database-url",
            &t,
        ]);
        if force {
            cmd.arg("--force");
        }
        let (ok, out, err) = run(&mut cmd);
        assert!(ok, "restore {i}: {out}{err}");
        assert_eq!(
            futures_block(digest(&t)),
            want,
            "restore {i} gives other data"
        );
        restored += 1;
    }
    assert_eq!(restored, 10);
    let mut refused = 0;
    let len = std::fs::metadata(&file).unwrap().len() as usize;
    for i in 0..10 {
        let bad = dir.join(format!("bad{i}.backup"));
        // Positions spread over the file: the header's checksum and size, and the payload.
        tamper(&file, &bad, 20 + i * (len / 10));
        let t = target(100 + i);
        let (ok, _, err) = run(mittler(dir).args([
            "restore",
            "--from",
            bad.to_str().unwrap(),
            "--database-url",
            &t,
            "--force",
        ]));
        assert!(!ok, "tampered file {i} was restored");
        assert!(
            err.contains("damaged")
                || err.contains("not a Mittler backup")
                || err.contains("header"),
            "{err}"
        );
        if let Some(path) = t.strip_prefix("sqlite://") {
            assert!(
                !Path::new(path).exists(),
                "a refused restore leaves no file"
            );
        } else {
            assert_eq!(
                futures_block(digest(&t)),
                want,
                "a refused restore changes nothing"
            );
        }
        refused += 1;
    }
    assert_eq!(refused, 10);
}

fn futures_block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

#[test]
fn sqlite_backups_made_while_serving_restore_the_same_data_and_tampered_ones_are_refused() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("mittler.db").display());
    seed(&url, &dir);
    let (server, _port) = serve(&dir, &[]);
    let target = |i: usize| format!("sqlite://{}", dir.join(format!("r{i}.db")).display());
    restores_and_refusals(&url, &dir, &target, false);
    drop(server);
    // A non-empty target needs --force.
    let file = dir.join("m.backup");
    let (ok, _, err) = run(mittler(&dir).args([
        "restore",
        "--from",
        file.to_str().unwrap(),
        "--database-url",
        &url,
    ]));
    assert!(!ok && err.contains("holds data"), "{err}");
    let (ok, _, err) = run(mittler(&dir).args([
        "restore",
        "--from",
        file.to_str().unwrap(),
        "--database-url",
        &url,
        "--force",
    ]));
    assert!(ok, "{err}");

    // Encrypted to an age recipient: restored with the identity only.
    let id = age::x25519::Identity::generate();
    let key = dir.join("backup.agekey");
    use age::secrecy::ExposeSecret;
    std::fs::write(
        &key,
        format!("# a test identity\n{}\n", id.to_string().expose_secret()),
    )
    .unwrap();
    let sealed = dir.join("m.age.backup");
    let recipient = id.to_public().to_string();
    let (ok, _, err) = run(mittler(&dir).args([
        "backup",
        "--to",
        sealed.to_str().unwrap(),
        "--encrypt-to",
        &recipient,
        "--database-url",
        &url,
    ]));
    assert!(ok, "{err}");
    assert!(!common::holds(
        &std::fs::read(&sealed).unwrap(),
        "SQLite format 3"
    ));
    let t = format!("sqlite://{}", dir.join("from-age.db").display());
    let (ok, _, err) = run(mittler(&dir).args([
        "restore",
        "--from",
        sealed.to_str().unwrap(),
        "--database-url",
        &t,
    ]));
    assert!(!ok && err.contains("--identity"), "{err}");
    let (ok, _, err) = run(mittler(&dir).args([
        "restore",
        "--from",
        sealed.to_str().unwrap(),
        "--identity",
        key.to_str().unwrap(),
        "--database-url",
        &t,
    ]));
    assert!(ok, "{err}");
    assert_eq!(futures_block(digest(&t)), futures_block(digest(&url)));
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn postgres_backups_restore_the_same_data_and_tampered_ones_are_refused() {
    let Some(pg) = mittler_db::testing::postgres().await else {
        return;
    };
    let url = pg.postgres_url().unwrap();
    let dir = temp_dir();
    let (u, d) = (url.clone(), dir.clone());
    tokio::task::spawn_blocking(move || {
        seed(&u, &d);
        let target = |_: usize| u.clone();
        restores_and_refusals(&u, &d, &target, true);
    })
    .await
    .unwrap();
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn audit_verify_finds_the_chain_intact_and_names_a_broken_link() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("mittler.db").display());
    seed(&url, &dir);
    let (ok, out, err) = run(mittler(&dir).args(["audit", "verify", "--database-url", &url]));
    assert!(ok && out.contains("intact"), "{out}{err}");
    futures_block(async {
        let db = Db::connect(&url).await.unwrap();
        let mittler_db::Pool::Sqlite(p) = &db.pool else {
            panic!()
        };
        sqlx::query("DROP TRIGGER audit_log_chain_fixed")
            .execute(p)
            .await
            .unwrap();
        sqlx::query(
            "UPDATE audit_log SET action = 'sign-in' WHERE seq = 1 AND tenant_id IS NOT NULL",
        )
        .execute(p)
        .await
        .unwrap();
        db.close().await;
    });
    let (ok, out, _) = run(mittler(&dir).args(["audit", "verify", "--database-url", &url]));
    assert!(!ok, "a broken chain exits with a failure");
    assert!(
        out.contains("at link 1") && out.contains("was changed"),
        "{out}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn keys_rotate_seals_everything_with_a_new_key_and_drops_the_old_one() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("mittler.db").display());
    let (server, _) = serve(&dir, &["--demo"]);
    drop(server);
    let key = dir.join("mittler.key");
    let before = std::fs::read_to_string(&key).unwrap();
    let (ok, out, err) = run(bin().args(["keys", "rotate", "--database-url", &url]));
    assert!(ok, "{out}{err}");
    let after = std::fs::read_to_string(&key).unwrap();
    assert_eq!(
        before.lines().next(),
        after.lines().next(),
        "the secret of keyed hashes stays"
    );
    assert_eq!(after.lines().filter(|l| l.starts_with("data ")).count(), 1);
    assert_ne!(
        before.lines().nth(1),
        after.lines().nth(1),
        "a new data key"
    );
    #[cfg(unix)]
    assert_eq!(mode(&key), 0o600);
    futures_block(async {
        let (file, _) = mittler_app::keys::KeyFile::load_or_create(&key).unwrap();
        let db = Db::connect(&url)
            .await
            .unwrap()
            .with_keyring(file.keyring().unwrap());
        assert_eq!(mittler_db::sealed::unsealed(&db).await.unwrap(), 0);
        let essen = mittler_db::tenants::by_slug(&db, "essen")
            .await
            .unwrap()
            .unwrap();
        let held = mittler_db::privacy::export(
            &db,
            essen.id,
            &mittler_db::privacy::Subject::Client("K-DEMO-SCHULE".into()),
        )
        .await
        .unwrap()
        .expect("the demo's school client");
        assert_eq!(held["requests"][0]["client_ref"], "K-DEMO-SCHULE");
        // Without the key file nothing opens.
        let bare = Db::connect(&url).await.unwrap();
        assert!(
            mittler_db::privacy::export(
                &bare,
                essen.id,
                &mittler_db::privacy::Subject::Client("K-DEMO-SCHULE".into())
            )
            .await
            .is_err()
                || mittler_db::privacy::export(
                    &bare,
                    essen.id,
                    &mittler_db::privacy::Subject::Client("K-DEMO-SCHULE".into())
                )
                .await
                .unwrap()
                .is_none()
        );
    });
    std::fs::remove_dir_all(dir).ok();
}
