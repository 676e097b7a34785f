//! Crash safety: the server is killed with SIGKILL at random moments while clients
//! create requests, accept invitations and register for an offer; after each restart
//! every acknowledged write is there, no request has two mediators, the audit chain holds.
//! On SQLite and PostgreSQL. The count of kills survived is printed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Server, bin, call, free_port, temp_dir};
use mittler_app::{Actor, App, SystemClock};
use mittler_db::Db;
use rand::{Rng, SeedableRng};
use serde_json::json;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

const PASSWORD: &str = "Absturz sicher 2026!";
const KILLS: usize = 8;

struct Fixture {
    mediator: Uuid,
    offer: Uuid,
    emails: [String; 3],
}

/// A centre with an institution, a mediator free all week, a published offer with
/// first-come registration, and their accounts; made in-process with the key file.
async fn fixture(url: &str, key: &Path) -> Fixture {
    use mittler_domain::institution::{InstitutionInput, PlaceInput};
    use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
    let (file, _) = mittler_app::keys::KeyFile::load_or_create(key).unwrap();
    let db = Db::connect(url)
        .await
        .unwrap()
        .with_keyring(file.keyring().unwrap());
    db.migrate().await.unwrap();
    let app = App::new(db, Arc::new(SystemClock)).with_secret(file.secret());
    let t = mittler_app::tenants::add(&app, "essen", "KI Essen")
        .await
        .unwrap();
    let user = |role: &str, email: &str, inst: Option<Uuid>, med: Option<Uuid>| {
        mittler_domain::user::UserInput {
            name: format!("{role} Test"),
            email: email.into(),
            role: role.into(),
            password: PASSWORD.into(),
            lang: None,
            institution_id: inst,
            mediator_id: med,
            provider_id: None,
        }
    };
    let admin_id = mittler_app::users::create_in(
        &app,
        t.id,
        &user("admin", "admin@essen.test", None, None),
        None,
    )
    .await
    .unwrap();
    let admin = Actor::from_user(
        &mittler_db::users::get(&app.db, t.id, admin_id)
            .await
            .unwrap(),
        None,
    );
    let inst = mittler_app::institutions::create(
        &app,
        &admin,
        &InstitutionInput {
            name: "Jobcenter Essen".into(),
            category: "authority".into(),
            places: vec![PlaceInput {
                id: None,
                name: "Haus A".into(),
                address: "Amtsweg 1, 45127 Essen".into(),
                lat: Some(51.45),
                lon: Some(7.01),
            }],
            contact: "Empfang".into(),
            phone: "0201 555-0100".into(),
        },
    )
    .await
    .unwrap()
    .id;
    let mediator = mittler_app::mediators::create(
        &app,
        &admin,
        &MediatorInput {
            name: "Samira Testfrau".into(),
            email: "samira@essen.test".into(),
            phone: "+49 157 5550 0999".into(),
            gender: "f".into(),
            languages: vec![SkillInput {
                code: "ara".into(),
                level: "native".into(),
            }],
            sectors: vec!["authority".into()],
            home_lat: Some(51.45),
            home_lon: Some(7.0),
            remote: true,
            speed_kmh: Some(20),
            max_work_min_per_day: Some(600),
            availability: (1..=7)
                .map(|d| WindowInput {
                    weekday: d,
                    start: "06:00".into(),
                    end: "22:00".into(),
                })
                .collect(),
            absences: vec![],
            qualified_on: None,
            pledge_signed_on: None,
        },
    )
    .await
    .unwrap();
    for (role, email, i, m) in [
        ("coordinator", "coord@essen.test", None, None),
        ("institution", "jobcenter@essen.test", Some(inst), None),
        ("mediator", "samira@essen.test", None, Some(mediator)),
    ] {
        mittler_app::users::create_in(&app, t.id, &user(role, email, i, m), Some(&admin))
            .await
            .unwrap();
    }
    // An offer from 60 days on, whatever today is.
    let from = today()
        .date()
        .checked_add(jiff::Span::new().days(60))
        .unwrap();
    let until = from.checked_add(jiff::Span::new().days(70)).unwrap();
    let provider = mittler_app::offers::create_provider(&app, &admin, "Schwimmverein")
        .await
        .unwrap();
    let input = mittler_domain::offer::OfferInput {
        texts: vec![mittler_domain::offer::TextInput {
            lang: "de".into(),
            title: "Schwimmkurs".into(),
            description: "Für Kinder, die schwimmen lernen möchten.".into(),
        }],
        category: "swimming".into(),
        target_groups: vec!["children".into()],
        age_min: Some(6),
        age_max: Some(12),
        languages: vec!["deu".into()],
        place_name: "Hallenbad".into(),
        address: "Badweg 1, 45127 Essen".into(),
        lat: Some(51.455),
        lon: Some(7.012),
        schedule: mittler_domain::offer::ScheduleInput {
            kind: "weekly".into(),
            weekdays: vec!["we".into()],
            start_time: "15:00".into(),
            end_time: "16:00".into(),
            from: from.to_string(),
            until: until.to_string(),
            ..Default::default()
        },
        capacity: Some(12),
        registration: "first_come".into(),
        ..Default::default()
    };
    let offer = mittler_app::offers::create(&app, &admin, Some(provider), &input)
        .await
        .unwrap();
    mittler_app::offers::transition(
        &app,
        &admin,
        offer,
        mittler_domain::offer::Event::Publish,
        None,
    )
    .await
    .unwrap();
    app.db.close().await;
    Fixture {
        mediator,
        offer,
        emails: [
            "jobcenter@essen.test".into(),
            "coord@essen.test".into(),
            "samira@essen.test".into(),
        ],
    }
}

/// Today where the server runs: the server under test keeps real time, so the load's
/// appointments are placed from it (30 days on), whatever day the test runs.
fn today() -> jiff::Zoned {
    use mittler_app::Clock;
    SystemClock.now().to_zoned(mittler_app::local_time::zone())
}

#[derive(Debug, Clone)]
enum Ack {
    Request(Uuid),
    Accepted(Uuid),
    Registration(String),
}

fn token(port: u16, email: &str) -> Option<String> {
    let (st, v) = call(
        port,
        "POST",
        "/api/v1/auth/token",
        None,
        Some(&json!({"email": email, "password": PASSWORD})),
    )?;
    (st == 200)
        .then(|| v["token"].as_str().map(str::to_owned))
        .flatten()
}

/// Writes until `stop`: a request, its invitation and acceptance, a registration.
fn load(
    port: &AtomicU16,
    stop: &AtomicBool,
    f: &Fixture,
    acks: &Mutex<Vec<Ack>>,
    first_day: jiff::civil::Date,
) {
    let mut tokens: [Option<String>; 3] = [None, None, None];
    let mut i = 0i64;
    while !stop.load(Ordering::SeqCst) {
        let p = port.load(Ordering::SeqCst);
        for (k, t) in tokens.iter_mut().enumerate() {
            if t.is_none() {
                *t = token(p, &f.emails[k]);
            }
        }
        let (Some(inst), Some(coord), Some(med)) = (&tokens[0], &tokens[1], &tokens[2]) else {
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        i += 1;
        let day = first_day.checked_add(jiff::Span::new().days(i)).unwrap();
        let body = json!({"mode": "phone", "language": "ara", "sector": "authority", "start": format!("{day}T10:00"), "duration_min": 60});
        let Some((201, v)) = call(p, "POST", "/api/v1/requests", Some(inst), Some(&body)) else {
            continue;
        };
        let id: Uuid = v["id"].as_str().unwrap().parse().unwrap();
        acks.lock().unwrap().push(Ack::Request(id));
        let invite = json!({"mediator_ids": [f.mediator], "expires_in_min": 600});
        if !matches!(
            call(
                p,
                "POST",
                &format!("/api/v1/requests/{id}/invitations"),
                Some(coord),
                Some(&invite)
            ),
            Some((201, _))
        ) {
            continue;
        }
        if let Some((200, list)) = call(p, "GET", "/api/v1/invitations", Some(med), None) {
            let inv = list.as_array().and_then(|a| {
                a.iter()
                    .find(|x| x["request_id"] == json!(id.to_string()))
                    .cloned()
            });
            if let Some(inv) = inv {
                let path = format!("/api/v1/invitations/{}/accept", inv["id"].as_str().unwrap());
                if let Some((200, _)) = call(p, "POST", &path, Some(med), None) {
                    acks.lock().unwrap().push(Ack::Accepted(id));
                }
            }
        }
        let email = format!("familie{i}-{}@example.org", Uuid::new_v4().simple());
        let reg = json!({"name": "Familie Test", "email": email, "persons": 1, "children": [{"age": 7}], "consents": ["participation"], "lang": "ar"});
        if let Some((202, _)) = call(
            p,
            "POST",
            &format!("/api/v1/public/essen/offers/{}/registrations", f.offer),
            None,
            Some(&reg),
        ) {
            acks.lock().unwrap().push(Ack::Registration(email));
        }
    }
}

fn start(dir: &Path, url: &str, port: u16) -> Server {
    let child = bin()
        .current_dir(dir)
        .env("MITTLER_DATA_KEY_FILE", dir.join("mittler.key"))
        .args([
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            url,
        ])
        .spawn()
        .unwrap();
    let server = Server(child);
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if call(port, "GET", "/readyz", None, None).is_some_and(|(s, _)| s == 200) {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("mittler serve did not become ready");
}

fn check(port: u16, f: &Fixture, acks: &[Ack]) {
    let admin = token(port, "admin@essen.test").unwrap();
    let coord = token(port, "coord@essen.test").unwrap();
    let (_, regs) = call(
        port,
        "GET",
        &format!("/api/v1/offers/{}/registrations", f.offer),
        Some(&coord),
        None,
    )
    .unwrap();
    let regs = regs.to_string();
    for a in acks {
        match a {
            Ack::Request(id) => {
                let (st, _) = call(
                    port,
                    "GET",
                    &format!("/api/v1/requests/{id}"),
                    Some(&admin),
                    None,
                )
                .unwrap();
                assert_eq!(st, 200, "an acknowledged request {id} is lost");
            }
            Ack::Accepted(id) => {
                let (_, v) = call(
                    port,
                    "GET",
                    &format!("/api/v1/requests/{id}"),
                    Some(&admin),
                    None,
                )
                .unwrap();
                assert_eq!(
                    v["status"], "confirmed",
                    "an acknowledged acceptance of {id} is lost: {v}"
                );
                assert_eq!(v["mediator_id"], json!(f.mediator.to_string()));
            }
            Ack::Registration(email) => assert!(
                regs.contains(email.as_str()),
                "an acknowledged registration {email} is lost"
            ),
        }
    }
}

async fn survive(url: String, dir: &Path, seed: u64) -> usize {
    let key = dir.join("mittler.key");
    let f = Arc::new(fixture(&url, &key).await);
    let acks = Arc::new(Mutex::new(Vec::new()));
    let port = Arc::new(AtomicU16::new(free_port()));
    let stop = Arc::new(AtomicBool::new(false));
    let first_day = today()
        .date()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let mut server = start(dir, &url, port.load(Ordering::SeqCst));
    let loader = {
        let (port, stop, f, acks) = (port.clone(), stop.clone(), f.clone(), acks.clone());
        std::thread::spawn(move || load(&port, &stop, &f, &acks, first_day))
    };
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut survived = 0;
    for _ in 0..KILLS {
        std::thread::sleep(Duration::from_millis(rng.random_range(300..1500)));
        server.0.kill().unwrap(); // SIGKILL
        server.0.wait().unwrap();
        let next = free_port();
        server = start(dir, &url, next);
        port.store(next, Ordering::SeqCst);
        check(next, &f, &acks.lock().unwrap().clone());
        survived += 1;
    }
    stop.store(true, Ordering::SeqCst);
    loader.join().unwrap();
    check(
        port.load(Ordering::SeqCst),
        &f,
        &acks.lock().unwrap().clone(),
    );
    drop(server);
    let acked = acks.lock().unwrap().len();
    assert!(
        acked > KILLS,
        "the load wrote too little to prove anything: {acked}"
    );
    // No request has two accepted invitations; the audit chain survived every kill.
    let (file, _) = mittler_app::keys::KeyFile::load_or_create(&key).unwrap();
    let db = Db::connect(&url)
        .await
        .unwrap()
        .with_keyring(file.keyring().unwrap());
    let v = mittler_db::audit::verify(&db).await.unwrap();
    assert_eq!(v.broken, None);
    let doubled: Vec<(Uuid, i64)> = mittler_db::with_pool!(&db, p => sqlx::query_as(
        "SELECT request_id, COUNT(*) FROM invitations WHERE status = 'accepted' GROUP BY request_id HAVING COUNT(*) > 1")
        .fetch_all(p).await).unwrap();
    assert!(doubled.is_empty(), "double-booked: {doubled:?}");
    eprintln!(
        "{}: survived {survived} kills with {acked} acknowledged writes",
        db.backend()
    );
    survived
}

#[tokio::test(flavor = "multi_thread")]
async fn every_acknowledged_write_survives_kill_9_on_sqlite() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("mittler.db").display());
    assert_eq!(survive(url, &dir, 13).await, KILLS);
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn every_acknowledged_write_survives_kill_9_on_postgres() {
    let Some(pg) = mittler_db::testing::postgres().await else {
        return;
    };
    let dir = temp_dir();
    assert_eq!(survive(pg.postgres_url().unwrap(), &dir, 14).await, KILLS);
    std::fs::remove_dir_all(dir).ok();
}
