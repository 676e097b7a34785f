//! The command line as a user runs it: the real binary, a real SQLite file, and
//! PostgreSQL when TEST_DATABASE_URL is set.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{bin, get, run, serve, temp_dir};
use std::process::Command;
use std::time::{Duration, Instant};

fn admin_commands(url: &str) {
    let (ok, out, err) = run(bin().args(["migrate", "--database-url", url]));
    assert!(ok, "{err}");
    assert!(out.contains("up to date"));
    let (ok, out, err) = run(bin().args([
        "tenant",
        "add",
        "essen",
        "--name",
        "KI Essen",
        "--database-url",
        url,
    ]));
    assert!(ok, "{err}");
    assert!(
        uuid::Uuid::parse_str(out.trim()).is_ok(),
        "prints the new id: {out}"
    );
    let (ok, _, err) = run(bin().args([
        "tenant",
        "add",
        "essen",
        "--name",
        "Again",
        "--database-url",
        url,
    ]));
    assert!(!ok && err.contains("exists already"), "{err}");
    let (ok, _, err) = run(bin().args([
        "tenant",
        "add",
        "Bad Slug",
        "--name",
        "X",
        "--database-url",
        url,
    ]));
    assert!(!ok && err.contains("slug"), "{err}");

    let user = |email: &str, role: &str, pw: &str| {
        let mut c = bin();
        c.args([
            "user",
            "add",
            "--tenant",
            "essen",
            "--email",
            email,
            "--role",
            role,
            "--name",
            "Erste Admin",
            "--database-url",
            url,
        ]);
        c.env("MITTLER_PASSWORD", pw);
        run(&mut c)
    };
    let (ok, out, err) = user("admin@essen.test", "admin", "a long admin password");
    assert!(ok, "{err}");
    assert!(uuid::Uuid::parse_str(out.trim()).is_ok());
    let (ok, _, err) = user("admin@essen.test", "admin", "a long admin password");
    assert!(!ok && err.contains("email is already in use"), "{err}");
    let (ok, _, err) = user("x@essen.test", "wizard", "a long admin password");
    assert!(!ok && err.contains("role"), "{err}");
    let (ok, _, err) = user("y@essen.test", "coordinator", "short");
    assert!(!ok && err.contains("password"), "{err}");
    let (ok, _, err) = user("z@essen.test", "institution", "a long enough password");
    assert!(!ok && err.contains("institution_id"), "{err}");
    let (ok, _, err) = run(bin()
        .args([
            "user",
            "add",
            "--tenant",
            "nowhere",
            "--email",
            "a@b.de",
            "--role",
            "admin",
            "--database-url",
            url,
        ])
        .env("MITTLER_PASSWORD", "a long enough password"));
    assert!(!ok && err.contains("no tenant nowhere"), "{err}");

    // The installation's roles belong to no centre: no --tenant for them, and only them.
    let wide = |role: &str, tenant: Option<&str>| {
        let mut c = bin();
        c.args([
            "user",
            "add",
            "--email",
            &format!("{role}@land.test"),
            "--role",
            role,
        ]);
        if let Some(t) = tenant {
            c.args(["--tenant", t]);
        }
        c.args(["--database-url", url]);
        c.env("MITTLER_PASSWORD", "a long enough password");
        run(&mut c)
    };
    for role in ["state", "superadmin"] {
        let (ok, _, err) = wide(role, Some("essen"));
        assert!(!ok && err.contains("leave out --tenant"), "{err}");
        let (ok, out, err) = wide(role, None);
        assert!(ok, "{err}");
        assert!(uuid::Uuid::parse_str(out.trim()).is_ok());
    }
    let (ok, _, err) = wide("coordinator", None);
    assert!(!ok && err.contains("--tenant is needed"), "{err}");
}

#[test]
fn migrate_tenant_and_user_on_sqlite() {
    let dir = temp_dir();
    admin_commands(&format!("sqlite://{}", dir.join("m.db").display()));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn migrate_tenant_and_user_on_postgres() {
    let Some(pg) = mittler_db::testing::postgres().await else {
        return;
    };
    let url = pg.postgres_url().unwrap();
    tokio::task::spawn_blocking(move || admin_commands(&url))
        .await
        .unwrap();
    let t = mittler_db::tenants::by_slug(&pg.db, "essen")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        mittler_db::users::list(&pg.db, t.id).await.unwrap().len(),
        1
    );
}

#[test]
fn a_bad_database_url_is_a_clear_error() {
    let (ok, _, err) = run(bin().args(["migrate", "--database-url", "mysql://x"]));
    assert!(!ok && err.contains("sqlite://PATH or postgres://"), "{err}");
}

#[test]
fn serve_on_an_empty_folder_creates_the_database() {
    let dir = temp_dir();
    let (server, port) = serve(&dir, &[]);
    assert!(dir.join("mittler.db").exists());
    let page = get(port, "/login").unwrap();
    assert!(page.contains("<html lang=\"de\""));
    assert!(
        !page.contains("essen.example"),
        "no demo logins without --demo"
    );
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn the_demo_seeds_essen_and_shows_its_logins() {
    let dir = temp_dir();
    let d = dir.clone();
    let (server, port) = tokio::task::spawn_blocking(move || serve(&d, &["--demo"]))
        .await
        .unwrap();
    let page = get(port, "/login").unwrap();
    for role in ["admin", "coordinator", "institution", "mediator", "state"] {
        assert!(
            page.contains(&format!("{role}@essen.example")),
            "{role} login shown"
        );
    }
    drop(server);
    // Phone numbers and notes are sealed: they open with the key file only.
    let (keys, _) = mittler_app::keys::KeyFile::load_or_create(&dir.join("mittler.key")).unwrap();
    let db = mittler_db::Db::connect(&format!("sqlite://{}", dir.join("mittler.db").display()))
        .await
        .unwrap()
        .with_keyring(keys.keyring().unwrap());
    let t = mittler_db::tenants::by_slug(&db, "essen")
        .await
        .unwrap()
        .unwrap();
    let mediators = mittler_db::mediators::list(&db, t.id).await.unwrap();
    let institutions = mittler_db::institutions::list(&db, t.id).await.unwrap();
    assert!((55..=70).contains(&mediators.len()), "{}", mediators.len());
    assert!(
        (20..=30).contains(&institutions.len()),
        "{}",
        institutions.len()
    );
    let mut langs: Vec<&str> = mediators
        .iter()
        .flat_map(|m| m.languages.iter().map(|l| l.code.as_str()))
        .filter(|c| *c != "deu")
        .collect();
    let arabic = langs
        .iter()
        .filter(|c| ["ara", "arb", "apc", "acm", "arz", "ary"].contains(c))
        .count();
    langs.sort();
    langs.dedup();
    assert!(langs.len() >= 40, "{} languages", langs.len());
    assert!(arabic >= 8, "Arabic dominates: {arabic}");
    assert!(institutions.iter().all(|i| {
        i.places
            .iter()
            .all(|p| (51.3..51.6).contains(&p.lat) && (6.8..7.2).contains(&p.lon))
    }));
    let users = mittler_db::users::list(&db, t.id).await.unwrap();
    assert_eq!(users.len(), 5, "the centre's five demo roles");
    // The state viewer belongs to the installation, not to the centre.
    let land = mittler_db::tenants::installation(&db, jiff::Timestamp::UNIX_EPOCH)
        .await
        .unwrap();
    let state = mittler_db::users::list(&db, land.id).await.unwrap();
    assert_eq!(state.len(), 1);
    assert_eq!(state[0].role, mittler_domain::Role::State);
    assert!(
        users
            .iter()
            .any(|u| u.role == mittler_domain::Role::Provider && u.provider_id.is_some())
    );
    let published = mittler_db::offers::list(
        &db,
        t.id,
        mittler_db::offers::OfferFilter {
            status: Some(mittler_domain::offer::Status::Published),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(published.len(), 5, "demo offers in the catalogue");
    assert!(
        published
            .iter()
            .any(|o| o.texts.by_lang.contains_key("ar") && o.registration.lottery_at().is_some())
    );
    assert!(
        users
            .iter()
            .any(|u| u.role == mittler_domain::Role::Institution && u.institution_id.is_some())
    );
    assert!(
        users
            .iter()
            .any(|u| u.role == mittler_domain::Role::Mediator && u.mediator_id.is_some())
    );
    let f = mittler_db::requests::Filter::default();
    let reqs = mittler_db::requests::list(&db, t.id, &f, 1000)
        .await
        .unwrap();
    assert!(reqs.len() >= 18, "{} demo requests", reqs.len());
    for status in ["open", "invited", "confirmed"] {
        assert!(
            reqs.iter().any(|r| r.status == status),
            "a demo request is {status}"
        );
    }
    assert!(
        reqs.iter().filter(|r| r.series_id.is_some()).count() == 8,
        "a school series"
    );
    // A busy day for the day planner: forty open requests on one date.
    let mut per_day: std::collections::HashMap<&str, usize> = Default::default();
    for r in reqs.iter().filter(|r| r.status == "open") {
        *per_day.entry(r.local_date.as_str()).or_default() += 1;
    }
    assert!(per_day.values().any(|n| *n >= 40), "{per_day:?}");
    db.close().await;
    // A second start keeps the data as it is.
    let d = dir.clone();
    let (server, _) = tokio::task::spawn_blocking(move || serve(&d, &["--demo"]))
        .await
        .unwrap();
    drop(server);
    // Phone numbers and notes are sealed: they open with the key file only.
    let (keys, _) = mittler_app::keys::KeyFile::load_or_create(&dir.join("mittler.key")).unwrap();
    let db = mittler_db::Db::connect(&format!("sqlite://{}", dir.join("mittler.db").display()))
        .await
        .unwrap()
        .with_keyring(keys.keyring().unwrap());
    assert_eq!(
        mittler_db::mediators::list(&db, t.id).await.unwrap().len(),
        mediators.len()
    );
    db.close().await;
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_separate_worker_sends_what_serve_left() {
    let dir = temp_dir();
    let (server, _) = serve(&dir, &["--demo", "--no-worker"]);
    drop(server);
    let mail_dir = dir.join("outgoing");
    let mut worker = bin()
        .current_dir(&dir)
        .args(["worker"])
        .env("MITTLER_MAIL_DIR", &mail_dir)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < Duration::from_secs(30) {
        n = std::fs::read_dir(&mail_dir).map(|d| d.count()).unwrap_or(0);
        if n > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = worker.kill();
    let _ = worker.wait();
    assert!(n > 0, "the worker wrote the demo's mails as files");
    let first = std::fs::read_dir(&mail_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode(&mail_dir),
            0o700,
            "the mail folder is the owner's only"
        );
        assert_eq!(mode(&first), 0o600, "a mail file is the owner's only");
    }
    let text = std::fs::read_to_string(first).unwrap();
    assert!(text.contains("Subject:") && text.contains("From: Mittler"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn plan_prints_a_solution_the_independent_validator_accepts() {
    let inst = concat!(env!("CARGO_MANIFEST_DIR"), "/../planner/tests/small.json");
    let (ok, out, err) = run(bin().args(["plan", inst, "--time-limit", "1"]));
    assert!(ok, "{err}");
    let sol: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sol["format"], "mittler-plan-solution/1");
    let validator = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/bench/validate.py"
    ));
    if validator.exists() && Command::new("python3").arg("--version").output().is_ok() {
        let dir = temp_dir();
        let sol_path = dir.join("sol.json");
        std::fs::write(&sol_path, &out).unwrap();
        let (ok, verdict, err) = run(Command::new("python3")
            .arg(validator)
            .arg(inst)
            .arg(&sol_path));
        assert!(ok, "{verdict} {err}");
        let v: serde_json::Value = serde_json::from_str(verdict.trim()).unwrap();
        assert_eq!(v["feasible"], true);
        // The proven optimum is 4672 (release builds reach it in a second, see README and
        // scripts/bench-planner); a debug build on a busy machine must serve nearly all.
        assert!(v["unassigned"].as_u64().unwrap() <= 6, "{v}");
        std::fs::remove_dir_all(dir).unwrap();
    } else {
        // Under CI the validator must run: a skipped check would pass silently.
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
            "CI=true but ../shared/bench/validate.py or python3 is missing"
        );
        eprintln!(
            "skipping the independent validator: ../shared/bench/validate.py or python3 missing"
        );
    }
}

#[test]
fn a_broken_instance_is_a_clear_error() {
    let dir = temp_dir();
    let p = dir.join("bad.json");
    std::fs::write(&p, r#"{"format": "mittler-plan-instance/1", "name": "x", "travel": {"detour_factor": 1.3, "buffer_min": 5},
        "mediators": [], "appointments": [{"id": "a", "language": "x", "start_min": 600, "duration_min": 30, "location": null,
        "sector": "medical", "gender": null, "priority": 1, "excluded": ["nobody"], "preferred": null}]}"#).unwrap();
    let (ok, _, err) = run(bin().arg("plan").arg(&p));
    assert!(!ok && err.contains("unknown mediator nobody"), "{err}");
    std::fs::write(&p, "not json").unwrap();
    let (ok, _, err) = run(bin().arg("plan").arg(&p));
    assert!(
        !ok && err.contains("not a plan instance") && !err.contains("panicked"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
