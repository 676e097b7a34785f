//! Every `db` function on both backends (SQLite always, PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiff::{SignedDuration, Timestamp};
use mittler_db::audit::{self, AuditEntry};
use mittler_db::sessions::{self, Kind, NewSession};
use mittler_db::testing::{self, TestDb};
use mittler_db::{Db, DbError, institutions, mediators, tenants, throttle, users};
use mittler_domain::Role;
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};

fn t0() -> Timestamp {
    "2026-11-25T08:00:00Z".parse().unwrap()
}

fn entry(tenant: uuid::Uuid, at: Timestamp, action: &'static str) -> AuditEntry {
    AuditEntry {
        tenant_id: Some(tenant),
        at,
        actor_id: None,
        actor: "test".into(),
        action,
        object_type: "test",
        object_id: None,
        detail: serde_json::json!({}),
        address: None,
    }
}

fn institution_input(name: &str) -> InstitutionInput {
    InstitutionInput {
        name: name.into(),
        category: "health".into(),
        places: vec![
            PlaceInput {
                id: None,
                name: "A".into(),
                address: "Teststraße 1, 45127 Essen".into(),
                lat: Some(51.45),
                lon: Some(7.01),
            },
            PlaceInput {
                id: None,
                name: "B".into(),
                address: "Teststraße 2, 45127 Essen".into(),
                lat: Some(51.46),
                lon: Some(7.02),
            },
        ],
        ..Default::default()
    }
}

fn mediator_input(name: &str) -> MediatorInput {
    MediatorInput {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        phone: "+49 157 5550 0001".into(),
        gender: "f".into(),
        languages: vec![
            SkillInput {
                code: "tir".into(),
                level: "native".into(),
            },
            SkillInput {
                code: "deu".into(),
                level: "fluent".into(),
            },
        ],
        sectors: vec!["medical".into()],
        home_lat: Some(51.4567),
        home_lon: Some(7.0111),
        remote: true,
        speed_kmh: Some(20),
        max_work_min_per_day: Some(300),
        availability: vec![WindowInput {
            weekday: 2,
            start: "09:00".into(),
            end: "13:00".into(),
        }],
        absences: vec![],
        qualified_on: Some("2025-01-15".into()),
        pledge_signed_on: None,
    }
}

async fn each(f: impl AsyncFn(&TestDb)) {
    for t in testing::all().await {
        f(&t).await;
    }
}

#[test]
fn migration_folders_have_the_same_files() {
    let list = |dir: &str| {
        let mut v: Vec<String> =
            std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        v.sort();
        v
    };
    assert_eq!(list("sqlite"), list("postgres"));
    assert!(!list("sqlite").is_empty());
}

#[tokio::test]
async fn both_backends_produce_the_same_schema() {
    let Some(pg) = testing::postgres().await else {
        return;
    };
    let lite = testing::sqlite().await;
    assert_eq!(
        lite.db.schema().await.unwrap(),
        pg.db.schema().await.unwrap()
    );
    assert_eq!(
        lite.db.indexes().await.unwrap(),
        pg.db.indexes().await.unwrap()
    );
    assert!(
        lite.db
            .schema()
            .await
            .unwrap()
            .iter()
            .any(|(t, _)| t == "audit_log")
    );
}

#[tokio::test]
async fn timestamps_sort_to_the_microsecond() {
    each(async |t| {
        let tenant = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let half = t0() + SignedDuration::from_millis(500);
        let micro = t0() + SignedDuration::from_micros(1);
        for (at, action) in [
            (half, "half"),
            (t0(), "zero"),
            (micro, "micro"),
            (t0() + SignedDuration::from_secs(1), "one"),
        ] {
            audit::record(&t.db, &entry(tenant.id, at, action))
                .await
                .unwrap();
        }
        let rows = audit::list(&t.db, tenant.id, 10, 0).await.unwrap();
        let order: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(order, ["one", "half", "micro", "zero"], "{}", t.backend());
        assert_eq!(rows[1].at.0, half, "{}", t.backend());
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_is_a_chain_that_refuses_changes_and_names_a_broken_link() {
    each(async |t| {
        let b = t.backend();
        let exec = async |sql: &'static str| {
            mittler_db::with_pool!(&t.db, p => sqlx::query(sql).execute(p).await.map(|_| ()))
        };
        let tenant = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let other = tenants::create(&t.db, "b", "B", t0()).await.unwrap();
        let object = uuid::Uuid::new_v4();
        for i in 0..5 {
            let at = t0() + SignedDuration::from_secs(i);
            audit::record(&t.db, &entry(tenant.id, at, "x")).await.unwrap();
            let mut e = entry(other.id, at, "y");
            e.object_id = Some(object);
            e.detail = serde_json::json!({ "name": "Amina Beispiel" });
            audit::record(&t.db, &e).await.unwrap();
        }
        let v = audit::verify(&t.db).await.unwrap();
        assert_eq!(v.broken, None, "{b}");
        assert_eq!(v.entries, 10, "{b}");
        assert!(v.chains >= 2, "{b}");

        // The chained part is fixed, and links are not deleted (no anchor yet).
        assert!(exec("UPDATE audit_log SET action = 'y'").await.is_err(), "{b}");
        assert!(exec("UPDATE audit_log SET hash = 'x'").await.is_err(), "{b}");
        assert!(exec("DELETE FROM audit_log").await.is_err(), "{b}");
        assert_eq!(audit::count(&t.db, tenant.id).await.unwrap(), 5, "{b}");

        // Removing details (an erasure) keeps the chain intact.
        let mut tx = t.db.begin().await.unwrap();
        let n = audit::remove_details(&mut tx, other.id, Some(object), None).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(n, 5, "{b}");
        let rows = audit::list(&t.db, other.id, 10, 0).await.unwrap();
        assert!(rows.iter().all(|r| r.detail == "{}" && r.actor.is_empty()), "{b}");
        assert_eq!(audit::verify(&t.db).await.unwrap().broken, None, "{b}");

        // Changed details are found: the third link of the first centre's chain.
        let q = "UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = $1 AND seq = 3";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(tenant.id).execute(p).await.map(|_| ())).unwrap();
        let broken = audit::verify(&t.db).await.unwrap().broken.expect("broken");
        assert_eq!((broken.chain.as_str(), broken.seq), (tenant.id.to_string().as_str(), 3), "{b}");
        assert_eq!(broken.why, "its details were changed", "{b}");

        // Someone who drops the guard and changes an entry breaks its link.
        let drop = if b == "sqlite" {
            "DROP TRIGGER audit_log_chain_fixed"
        } else {
            "DROP TRIGGER audit_log_guard ON audit_log"
        };
        exec(drop).await.unwrap();
        let q = "UPDATE audit_log SET action = 'z' WHERE tenant_id = $1 AND seq = 2";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(tenant.id).execute(p).await.map(|_| ())).unwrap();
        let broken = audit::verify(&t.db).await.unwrap().broken.expect("broken");
        assert_eq!(broken.seq, 2, "{b}");
        assert_eq!(broken.why, "the entry was changed, or a link before it", "{b}");
        // A deleted link is named as missing.
        let q = "UPDATE audit_log SET action = 'x' WHERE tenant_id = $1 AND seq = 2";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(tenant.id).execute(p).await.map(|_| ())).unwrap();
        let q = "UPDATE audit_log SET actor = 'test' WHERE tenant_id = $1 AND seq = 3";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(tenant.id).execute(p).await.map(|_| ())).unwrap();
        assert_eq!(audit::verify(&t.db).await.unwrap().broken, None, "{b}: restored");
        let q = "DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 4";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(tenant.id).execute(p).await.map(|_| ())).ok();
        if audit::count(&t.db, tenant.id).await.unwrap() == 4 {
            let broken = audit::verify(&t.db).await.unwrap().broken.expect("broken");
            assert_eq!((broken.seq, broken.why), (4, "a link is missing"), "{b}");
        }
    })
    .await;
}

#[tokio::test]
async fn retention_cuts_the_oldest_links_and_the_rest_still_verifies() {
    each(async |t| {
        let b = t.backend();
        let tenant = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        for i in 0..6 {
            let at = t0() + SignedDuration::from_hours(i * 24);
            audit::record(&t.db, &entry(tenant.id, at, "x"))
                .await
                .unwrap();
        }
        let mut tx = t.db.begin().await.unwrap();
        let cut = audit::expire(
            &mut tx,
            tenant.id,
            t0() + SignedDuration::from_hours(3 * 24),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(cut, 3, "{b}");
        assert_eq!(audit::count(&t.db, tenant.id).await.unwrap(), 3, "{b}");
        let v = audit::verify(&t.db).await.unwrap();
        assert_eq!((v.broken, v.entries), (None, 3), "{b}");
        audit::record(
            &t.db,
            &entry(tenant.id, t0() + SignedDuration::from_hours(200), "x"),
        )
        .await
        .unwrap();
        assert_eq!(audit::verify(&t.db).await.unwrap().broken, None, "{b}");
    })
    .await;
}

#[tokio::test]
async fn institutions_are_scoped_by_tenant_and_keep_place_ids() {
    each(async |t| {
        let a = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(&t.db, "b", "B", t0()).await.unwrap();
        let d = institution_input("Praxis").validate().unwrap();
        let i = institutions::create(&t.db, a.id, &d, t0(), &entry(a.id, t0(), "create"))
            .await
            .unwrap();
        assert_eq!(i.places.len(), 2);
        assert!(matches!(
            institutions::get(&t.db, b.id, i.id).await,
            Err(DbError::NotFound)
        ));
        assert!(institutions::list(&t.db, b.id).await.unwrap().is_empty());

        // Keep the second place (renamed), drop the first, add a third.
        let mut input = institution_input("Praxis Nord");
        input.places.remove(0);
        input.places[0].id = Some(i.places[1].id);
        input.places[0].name = "B2".into();
        input.places.push(PlaceInput {
            id: None,
            name: "C".into(),
            address: "X 3".into(),
            lat: Some(1.0),
            lon: Some(2.0),
        });
        let d2 = input.validate().unwrap();
        let u = institutions::update(&t.db, a.id, i.id, &d2, t0(), &entry(a.id, t0(), "update"))
            .await
            .unwrap();
        assert_eq!(u.name, "Praxis Nord");
        assert_eq!(
            u.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["B2", "C"]
        );
        assert_eq!(u.places[0].id, i.places[1].id);
        // Another tenant cannot change it.
        assert!(
            institutions::update(&t.db, b.id, i.id, &d2, t0(), &entry(b.id, t0(), "update"))
                .await
                .is_err()
        );
        assert!(matches!(
            institutions::set_active(&t.db, b.id, i.id, false, t0(), &entry(b.id, t0(), "x")).await,
            Err(DbError::NotFound)
        ));
        institutions::set_active(&t.db, a.id, i.id, false, t0(), &entry(a.id, t0(), "x"))
            .await
            .unwrap();
        assert!(!institutions::get(&t.db, a.id, i.id).await.unwrap().active);
        assert_eq!(audit::count(&t.db, a.id).await.unwrap(), 3);
        assert_eq!(audit::count(&t.db, b.id).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn mediators_round_trip() {
    each(async |t| {
        let a = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(&t.db, "b", "B", t0()).await.unwrap();
        let d = mediator_input("Selam Tesfay").validate().unwrap();
        let id = mediators::create(&t.db, a.id, &d, t0(), &entry(a.id, t0(), "create"))
            .await
            .unwrap();
        let m = mediators::get(&t.db, a.id, id).await.unwrap();
        assert_eq!(m.name, "Selam Tesfay");
        assert_eq!(m.languages.len(), 2);
        assert_eq!(m.languages[0].code.as_str(), "tir");
        assert_eq!((m.home.lat, m.home.lon), (51.46, 7.01));
        assert_eq!(m.availability, d.availability);
        assert_eq!(m.qualified_on, d.qualified_on);
        assert!(matches!(
            mediators::get(&t.db, b.id, id).await,
            Err(DbError::NotFound)
        ));

        let mut d2 = mediator_input("Selam Tesfay").validate().unwrap();
        d2.languages.truncate(1);
        d2.remote = false;
        mediators::update(&t.db, a.id, id, &d2, t0(), &entry(a.id, t0(), "u"))
            .await
            .unwrap();
        let m2 = mediators::get(&t.db, a.id, id).await.unwrap();
        assert_eq!(m2.languages.len(), 1);
        assert!(!m2.remote);
        assert!(matches!(
            mediators::update(&t.db, b.id, id, &d2, t0(), &entry(b.id, t0(), "u")).await,
            Err(DbError::NotFound)
        ));
        mediators::set_schedule(&t.db, a.id, id, &[], &[], t0(), &entry(a.id, t0(), "s"))
            .await
            .unwrap();
        assert!(
            mediators::get(&t.db, a.id, id)
                .await
                .unwrap()
                .availability
                .is_empty()
        );
        assert_eq!(mediators::list(&t.db, a.id).await.unwrap().len(), 1);
        assert!(mediators::list(&t.db, b.id).await.unwrap().is_empty());
    })
    .await;
}

async fn user(db: &Db, tenant: uuid::Uuid, email: &str) -> Result<uuid::Uuid, DbError> {
    let u = users::NewUser {
        email: email.into(),
        name: "N".into(),
        role: Role::Coordinator,
        password_hash: "x".into(),
        lang: "de".into(),
        institution_id: None,
        mediator_id: None,
        provider_id: None,
        must_change_password: false,
    };
    users::create(db, tenant, &u, t0(), &entry(tenant, t0(), "create")).await
}

#[tokio::test]
async fn users_sessions_and_throttle() {
    each(async |t| {
        let a = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(&t.db, "b", "B", t0()).await.unwrap();
        let id = user(&t.db, a.id, "c@example.org").await.unwrap();
        // E-mails are unique per centre: the same person may work for another one.
        assert!(matches!(
            user(&t.db, a.id, "c@example.org").await,
            Err(DbError::Conflict(_))
        ));
        let in_b = user(&t.db, b.id, "c@example.org").await.unwrap();
        assert!(matches!(
            tenants::create(&t.db, "a", "again", t0()).await,
            Err(DbError::Conflict(_))
        ));
        assert!(matches!(
            users::get(&t.db, b.id, id).await,
            Err(DbError::NotFound)
        ));
        let both = users::by_email(&t.db, "c@example.org").await.unwrap();
        let ids: Vec<_> = both
            .iter()
            .map(|(c, slug)| (c.user.id, slug.as_str()))
            .collect();
        assert_eq!(ids, vec![(id, "a"), (in_b, "b")]);
        assert_eq!(both[0].0.user.role, Role::Coordinator);

        // Locks belong to a typed identifier (its keyed hash), not to an account.
        let lock = t0() + SignedDuration::from_secs(30);
        for n in 1..=10 {
            assert_eq!(throttle::fail(&t.db, "k1", t0()).await.unwrap(), n);
        }
        throttle::extend_lock(&t.db, "k1", lock).await.unwrap();
        throttle::extend_lock(&t.db, "k1", t0()).await.unwrap();
        assert_eq!(
            throttle::lock(&t.db, "k1").await.unwrap(),
            throttle::Lock {
                failures: 10,
                locked_until: Some(lock)
            },
            "a lock is never shortened"
        );
        assert_eq!(
            throttle::lock(&t.db, "k2").await.unwrap(),
            throttle::Lock::default()
        );
        throttle::clear(&t.db, "k1").await.unwrap();
        assert_eq!(
            throttle::lock(&t.db, "k1").await.unwrap(),
            throttle::Lock::default()
        );

        let s = NewSession {
            token_hash: "h1",
            tenant_id: a.id,
            user_id: id,
            kind: Kind::Web,
            csrf: "c",
            now: t0(),
            expires_at: t0() + SignedDuration::from_hours(1),
            address: Some("10.0.0.9"),
        };
        sessions::create(&t.db, &s).await.unwrap();
        assert!(
            sessions::find(&t.db, "h1", Kind::Web, t0())
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            sessions::find(&t.db, "h1", Kind::Api, t0())
                .await
                .unwrap()
                .is_none(),
            "kinds do not mix"
        );
        assert!(
            sessions::find(&t.db, "h1", Kind::Web, t0() + SignedDuration::from_hours(2))
                .await
                .unwrap()
                .is_none(),
            "expired"
        );
        let listed = sessions::list(&t.db, a.id, id, t0()).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].address.as_deref(), Some("10.0.0.9"));
        assert!(
            !sessions::end(&t.db, b.id, id, "h1").await.unwrap(),
            "not of another centre"
        );
        // Deactivating the account ends its sessions.
        let changes = users::UserChanges {
            name: "N".into(),
            role: Role::Coordinator,
            lang: "de".into(),
            active: false,
            institution_id: None,
            mediator_id: None,
            provider_id: None,
        };
        users::update(&t.db, a.id, id, &changes, t0(), &entry(a.id, t0(), "u"))
            .await
            .unwrap();
        assert!(
            sessions::find(&t.db, "h1", Kind::Web, t0())
                .await
                .unwrap()
                .is_none()
        );

        assert_eq!(throttle::hit(&t.db, "10.0.0.1", t0()).await.unwrap(), 1);
        assert_eq!(throttle::hit(&t.db, "10.0.0.1", t0()).await.unwrap(), 2);
        assert_eq!(throttle::hit(&t.db, "10.0.0.2", t0()).await.unwrap(), 1);
        assert_eq!(throttle::count(&t.db, "10.0.0.1", t0()).await.unwrap(), 2);
        assert_eq!(throttle::count(&t.db, "10.0.0.3", t0()).await.unwrap(), 0);
        assert_eq!(
            throttle::purge(&t.db, t0() + SignedDuration::from_secs(1))
                .await
                .unwrap(),
            2
        );
    })
    .await;
}

/// Issue 12's migration rebuilds SQLite's users table (e-mail addresses unique per centre
/// instead of installation-wide): an installation upgraded with data keeps every account,
/// its sessions and its links, and the foreign keys still hold.
#[tokio::test]
async fn the_sign_in_migration_keeps_accounts_and_sessions() {
    let mut dbs = vec![testing::sqlite_empty().await];
    if let Some(pg) = testing::postgres_empty().await {
        dbs.push(pg);
    }
    for t in dbs {
        t.db.migrate_before(20261204000000).await.unwrap();
        let a = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(&t.db, "b", "B", t0()).await.unwrap();
        // The old schema: users with failure counters, written as the old release did.
        let mut ids = Vec::new();
        for (tenant, email) in [(a.id, "x@example.org"), (b.id, "y@example.org")] {
            let id = uuid::Uuid::new_v4();
            let q = "INSERT INTO users (id, tenant_id, email, name, role, password_hash, lang, active, failed_logins, \
                     created_at, updated_at) VALUES ($1, $2, $3, 'N', 'coordinator', 'h', 'de', TRUE, 3, $4, $4)";
            mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(id).bind(tenant).bind(email)
                .bind(mittler_db::UtcTs(t0())).execute(p).await.map(|r| r.rows_affected()))
            .unwrap();
            let q = "INSERT INTO sessions (token_hash, tenant_id, user_id, kind, csrf, created_at, expires_at) \
                     VALUES ($1, $2, $3, 'web', 'c', $4, $5)";
            mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(format!("h-{email}")).bind(tenant).bind(id)
                .bind(mittler_db::UtcTs(t0())).bind(mittler_db::UtcTs(t0() + SignedDuration::from_hours(1)))
                .execute(p).await.map(|r| r.rows_affected()))
            .unwrap();
            ids.push((tenant, id, email));
        }
        t.db.migrate().await.unwrap();
        for (tenant, id, email) in &ids {
            let u = users::get(&t.db, *tenant, *id).await.unwrap();
            assert_eq!(&u.email, email, "[{}]", t.backend());
            let s = sessions::find(&t.db, &format!("h-{email}"), Kind::Web, t0())
                .await
                .unwrap()
                .expect("the session survived");
            assert_eq!(s.user_id, *id);
        }
        // Now unique per centre: the same address in the other centre is fine.
        assert!(user(&t.db, b.id, "x@example.org").await.is_ok());
        assert!(matches!(
            user(&t.db, a.id, "x@example.org").await,
            Err(DbError::Conflict(_))
        ));
        if let mittler_db::Pool::Sqlite(p) = &t.db.pool {
            let broken: Vec<(String,)> =
                sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                    .fetch_all(p)
                    .await
                    .unwrap();
            assert!(broken.is_empty(), "{broken:?}");
        }
    }
}

/// Issue 13's upgrade: audit entries of the older release are linked into their chain,
/// and personal fields written in plain text are sealed.
#[tokio::test]
async fn an_upgraded_installation_gets_a_chained_log_and_sealed_fields() {
    let mut dbs = vec![testing::sqlite_empty().await];
    if let Some(pg) = testing::postgres_empty().await {
        dbs.push(pg);
    }
    for t in dbs {
        let b = t.backend();
        t.db.migrate_before(20261205000000).await.unwrap();
        let a = tenants::create(&t.db, "a", "A", t0()).await.unwrap();
        for i in 0..3 {
            let q = "INSERT INTO audit_log (id, tenant_id, at, actor_id, actor, action, object_type, object_id, detail, address) \
                     VALUES ($1, $2, $3, NULL, 'alt@example.org', 'update', 'settings', NULL, '{}', NULL)";
            mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(uuid::Uuid::new_v4()).bind(a.id)
                .bind(mittler_db::UtcTs(t0() + SignedDuration::from_secs(i))).execute(p).await.map(|_| ()))
            .unwrap();
        }
        let m = uuid::Uuid::new_v4();
        let q = "INSERT INTO mediators (id, tenant_id, name, email, phone, gender, sectors, home_lat, home_lon, remote, \
                 speed_kmh, max_work_min_per_day, availability, absences, active, created_at, updated_at) \
                 VALUES ($1, $2, 'Alt', 'alt@example.org', '+49 151 0000 7777', 'f', '[]', 51.4, 7.0, TRUE, 20, 480, '[]', '[]', TRUE, $3, $3)";
        mittler_db::with_pool!(&t.db, p => sqlx::query(q).bind(m).bind(a.id).bind(mittler_db::UtcTs(t0()))
            .execute(p).await.map(|_| ()))
        .unwrap();
        t.db.migrate().await.unwrap();
        let v = audit::verify(&t.db).await.unwrap();
        assert_eq!((v.broken, v.entries), (None, 3), "{b}");
        let stored: String = mittler_db::with_pool!(&t.db, p => sqlx::query_scalar("SELECT phone FROM mediators WHERE id = $1")
            .bind(m).fetch_one(p).await)
        .unwrap();
        assert!(stored.starts_with("enc1:"), "{b}: {stored}");
        let med = mittler_db::mediators::get(&t.db, a.id, m).await.unwrap();
        assert_eq!(med.phone, "+49 151 0000 7777", "{b}");
        // New entries continue the chain.
        audit::record(
            &t.db,
            &entry(a.id, t0() + SignedDuration::from_secs(9), "x"),
        )
        .await
        .unwrap();
        assert_eq!(audit::verify(&t.db).await.unwrap().entries, 4, "{b}");
    }
}
