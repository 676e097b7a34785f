//! Benchmark of interpreting now: 200 mediators on call across 20 languages, each with
//! an open on-call page (server-sent events over HTTP on loopback) and a push
//! subscription at a push service on loopback (which checks the VAPID signature and
//! decrypts, as a browser's would). Institutions start calls over the API; for every
//! mediator told, the time from the call's creation (the request leaving the client) to
//! the live event reaching the open page and to the push message reaching the service
//! is measured. Prints p50, p95, p99 and max of each, and of the later of the two.
//!
//! `cargo run --release -p mittler-tools --bin bench-calls -- [--database-url URL] [--calls 400] [--per-second 20]`
// A measuring tool, like a test: indexes into its own constant tables and casts freely.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use anyhow::{Context, Result};
use mittler_app::App;
use mittler_db::Db;
use mittler_tools::push_service::PushService;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use uuid::Uuid;

const LANGS: [&str; 20] = [
    "arb", "apc", "prs", "pes", "tur", "ukr", "rus", "kmr", "tir", "pus", "sqi", "srp", "ron",
    "bul", "pol", "fra", "eng", "som", "amh", "ckb",
];
const MEDIATORS: usize = 200;
const PASSWORD: &str = "bench password 123";

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn err(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// The centre: an institution user, and 200 mediators (10 per language) with accounts.
async fn seed(app: &App) -> Result<(Uuid, Vec<(Uuid, String, Uuid)>)> {
    let tenant = mittler_app::tenants::add(app, "bench", "Bench")
        .await
        .map_err(err)?;
    let admin = mittler_app::users::create_in(
        app,
        tenant.id,
        &mittler_domain::user::UserInput {
            email: "admin@bench.test".into(),
            name: "Admin".into(),
            role: "admin".into(),
            password: PASSWORD.into(),
            ..Default::default()
        },
        None,
    )
    .await
    .map_err(err)?;
    let admin = mittler_app::Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, admin).await?,
        None,
    );
    let inst = mittler_app::institutions::create(
        app,
        &admin,
        &mittler_domain::institution::InstitutionInput {
            name: "Klinikum".into(),
            category: "health".into(),
            phone: "0201 555 0100".into(),
            places: vec![mittler_domain::institution::PlaceInput {
                id: None,
                name: "Notaufnahme".into(),
                address: "Klinikweg 1, 45127 Essen".into(),
                lat: Some(51.45),
                lon: Some(7.01),
            }],
            ..Default::default()
        },
    )
    .await
    .map_err(err)?;
    mittler_app::users::create_in(
        app,
        tenant.id,
        &mittler_domain::user::UserInput {
            email: "station@bench.test".into(),
            name: "Station".into(),
            role: "institution".into(),
            password: PASSWORD.into(),
            institution_id: Some(inst.id),
            ..Default::default()
        },
        None,
    )
    .await
    .map_err(err)?;
    let mut meds = Vec::new();
    for m in 0..MEDIATORS {
        let email = format!("m{m}@bench.test");
        let input = mittler_domain::mediator::MediatorInput {
            name: format!("Mediator {m}"),
            email: email.clone(),
            phone: String::new(),
            gender: ["f", "m", "d"][m % 3].into(),
            languages: vec![
                mittler_domain::mediator::SkillInput {
                    code: LANGS[m % LANGS.len()].into(),
                    level: "native".into(),
                },
                mittler_domain::mediator::SkillInput {
                    code: "deu".into(),
                    level: "fluent".into(),
                },
            ],
            sectors: vec!["medical".into(), "authority".into(), "social".into()],
            home_lat: Some(51.45),
            home_lon: Some(7.0),
            remote: true,
            speed_kmh: Some(20),
            max_work_min_per_day: Some(480),
            availability: Vec::new(),
            absences: Vec::new(),
            qualified_on: None,
            pledge_signed_on: None,
        };
        let id = mittler_app::mediators::create(app, &admin, &input)
            .await
            .map_err(err)?;
        let user = mittler_app::users::create_in(
            app,
            tenant.id,
            &mittler_domain::user::UserInput {
                email: email.clone(),
                name: format!("Mediator {m}"),
                role: "mediator".into(),
                password: PASSWORD.into(),
                mediator_id: Some(id),
                ..Default::default()
            },
            None,
        )
        .await
        .map_err(err)?;
        meds.push((id, email, user));
    }
    Ok((tenant.id, meds))
}

/// Sends one request on a keep-alive connection and reads the answer: (status, body).
async fn request(
    conn: &mut BufReader<TcpStream>,
    method: &str,
    path: &str,
    token: &str,
    body: &str,
) -> Result<(u16, String)> {
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("status")?;
    let mut len = 0usize;
    loop {
        line.clear();
        conn.read_line(&mut line).await?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; len];
    conn.read_exact(&mut body).await?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

type Arrivals = Arc<Mutex<Vec<(Uuid, Uuid, Instant)>>>;

/// Opens a mediator's live page of ringing calls and notes when each `ringing` arrives.
async fn open_page(
    addr: std::net::SocketAddr,
    session: String,
    mediator: Uuid,
    seen: Arrivals,
) -> Result<()> {
    let mut conn = BufReader::new(TcpStream::connect(addr).await?);
    let req = format!(
        "GET /me/calls/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: mittler_session={session}\r\n\
         Accept: text/event-stream\r\n\r\n"
    );
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    anyhow::ensure!(line.contains(" 200 "), "live page: {line}");
    tokio::spawn(async move {
        let mut ringing = false;
        let mut line = String::new();
        loop {
            line.clear();
            match conn.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let l = line.trim_end();
            if l == "event: ringing" {
                ringing = true;
            } else if let Some(d) = l.strip_prefix("data: ") {
                if ringing && let Ok(call) = Uuid::parse_str(d.trim()) {
                    let at = Instant::now();
                    if let Ok(mut v) = seen.lock() {
                        v.push((call, mediator, at));
                    }
                }
                ringing = false;
            }
        }
    });
    Ok(())
}

fn pct(v: &[f64], p: f64) -> f64 {
    v.get(((v.len() as f64 * p) as usize).min(v.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}

fn line(what: &str, mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    format!(
        "{what}: {} deliveries; p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        v.len(),
        pct(&v, 0.50),
        pct(&v, 0.95),
        pct(&v, 0.99),
        v.last().copied().unwrap_or(0.0)
    )
}

#[tokio::main]
async fn main() -> Result<()> {
    let url = arg("--database-url").unwrap_or_else(|| {
        let path =
            std::env::temp_dir().join(format!("mittler-bench-calls-{}.db", std::process::id()));
        format!("sqlite://{}", path.display())
    });
    let calls: usize = arg("--calls").and_then(|s| s.parse().ok()).unwrap_or(400);
    let per_second: u64 = arg("--per-second")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let keys = mittler_app::keys::KeyFile::random();
    let db = Db::connect(&url)
        .await?
        .with_keyring(keys.keyring().map_err(err)?);
    db.migrate().await?;
    let vapid = keys.vapid().context("a VAPID key")?;
    // The push service needs the public key first; a pusher with it tells it.
    let probe =
        mittler_app::push::Pusher::new(&vapid, "mailto:bench@example.org", vec![]).map_err(err)?;
    let service = PushService::start(probe.public_key()).await?;
    let pusher =
        mittler_app::push::Pusher::new(&vapid, "mailto:bench@example.org", vec![service.host()])
            .map_err(err)?;
    let app = App::new(db, Arc::new(mittler_tools::clock()))
        .with_secret(keys.secret())
        .with_pusher(pusher);
    let t0 = Instant::now();
    let (tenant, meds) = seed(&app).await?;
    println!(
        "seeded {} mediators in {} languages on {} in {:.1} s",
        meds.len(),
        LANGS.len(),
        app.db.backend(),
        t0.elapsed().as_secs_f64()
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let state = mittler_web::AppState {
        app: app.clone(),
        config: Arc::new(mittler_web::WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));

    // Every mediator: on call for the day, a push subscription, an open page.
    let pages: Arrivals = Arc::default();
    for (i, (id, email, user)) in meds.iter().enumerate() {
        let s = mittler_app::auth::sign_in(
            &app,
            email,
            PASSWORD,
            None,
            mittler_db::sessions::Kind::Web,
        )
        .await
        .map_err(err)?;
        let actor = mittler_app::Actor::from_user(
            &mittler_db::users::get(&app.db, tenant, *user).await?,
            None,
        );
        mittler_app::calls::go_on_call(
            &app,
            &actor,
            &mittler_app::local_time::rfc3339(
                app.now().checked_add(jiff::SignedDuration::from_hours(8))?,
            ),
        )
        .await
        .map_err(err)?;
        let sub = service.subscribe(&format!("m{i}"));
        mittler_app::calls::subscribe_push(&app, &actor, &sub.endpoint, &sub.p256dh, &sub.auth)
            .await
            .map_err(err)?;
        open_page(addr, s.token.clone(), *id, pages.clone()).await?;
    }
    let token = mittler_app::auth::sign_in(
        &app,
        "station@bench.test",
        PASSWORD,
        None,
        mittler_db::sessions::Kind::Api,
    )
    .await
    .map_err(err)?
    .token;
    println!(
        "{} mediators on call with open pages and push subscriptions",
        meds.len()
    );

    // The calls: `per_second` a second, each for the next language.
    let mut conn = BufReader::new(TcpStream::connect(addr).await?);
    let mut started: HashMap<Uuid, (Instant, i64)> = HashMap::new();
    let gap = Duration::from_micros(1_000_000 / per_second.max(1));
    let mut next = Instant::now();
    let mut refused = 0;
    for c in 0..calls {
        tokio::time::sleep_until(next.into()).await;
        next += gap;
        let body = serde_json::json!({ "mode": "video", "language": LANGS[c % LANGS.len()], "sector": "medical" })
            .to_string();
        let at = Instant::now();
        let (status, answer) = request(&mut conn, "POST", "/api/v1/calls", &token, &body).await?;
        if status != 201 {
            refused += 1;
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&answer)?;
        let id = Uuid::parse_str(v["id"].as_str().context("id")?)?;
        started.insert(id, (at, v["told"].as_i64().unwrap_or(0)));
    }
    let expected: i64 = started.values().map(|(_, n)| n).sum();
    // Wait for the last deliveries (at most 10 s).
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let live = pages.lock().map(|v| v.len()).unwrap_or(0) as i64;
        let pushed = service.received().len() as i64;
        if (live >= expected && pushed >= expected) || Instant::now() > until {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut live_ms = Vec::new();
    let mut by_pair: HashMap<(Uuid, Uuid), f64> = HashMap::new();
    for (call, m, at) in pages.lock().map(|v| v.clone()).unwrap_or_default() {
        if let Some((t, _)) = started.get(&call) {
            let ms = at.duration_since(*t).as_secs_f64() * 1000.0;
            live_ms.push(ms);
            by_pair.insert((call, m), ms);
        }
    }
    let sub_of: HashMap<String, Uuid> = meds
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| (format!("m{i}"), *id))
        .collect();
    let mut push_ms = Vec::new();
    let mut both_ms = Vec::new();
    for r in service.received() {
        let Some(call) = r.payload["tag"]
            .as_str()
            .and_then(|t| t.strip_prefix("call-"))
            .and_then(|c| Uuid::parse_str(c).ok())
        else {
            continue;
        };
        if let Some((t, _)) = started.get(&call) {
            let ms = r.at.duration_since(*t).as_secs_f64() * 1000.0;
            push_ms.push(ms);
            if let Some(live) = sub_of
                .get(&r.subscription)
                .and_then(|m| by_pair.get(&(call, *m)))
            {
                both_ms.push(ms.max(*live));
            }
        }
    }
    println!(
        "calls on {}: {} started at {}/s ({} refused), {} mediators told in all, {} push messages refused by the service",
        app.db.backend(),
        started.len(),
        per_second,
        refused,
        expected,
        service.refused()
    );
    println!("{}", line("live event on the open page", live_ms));
    println!("{}", line("push message at the push service", push_ms));
    println!("{}", line("both (the later of the two)", both_ms));
    Ok(())
}
