//! Benchmark of `GET /api/v1/requests/{id}/candidates`: 1,000 mediators and 20,000 requests
//! in the database, 8 concurrent clients on loopback for a fixed time; prints latency
//! percentiles and throughput.
//!
//! `cargo run --release -p mittler-tools --bin bench-candidates -- [--database-url URL] [--seconds 20]`
// A measuring tool, like a test: indexes into its own constant tables and casts freely.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use anyhow::{Context, Result};
use mittler_app::{Actor, App};
use mittler_db::Db;
use mittler_db::audit::AuditEntry;
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const LANGS: [&str; 20] = [
    "arb", "apc", "prs", "pes", "tur", "ukr", "rus", "kmr", "tir", "pus", "sqi", "srp", "ron",
    "bul", "pol", "fra", "eng", "som", "amh", "ckb",
];
const SECTORS: [&str; 6] = [
    "authority",
    "medical",
    "psychotherapy",
    "school",
    "social",
    "court",
];

use mittler_tools::Lcg;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

async fn seed(app: &App) -> Result<(String, Vec<uuid::Uuid>)> {
    let now = app.now();
    let tenant = mittler_app::tenants::add(app, "bench", "Bench")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let input = mittler_domain::user::UserInput {
        email: "bench@example.org".into(),
        name: "Bench".into(),
        role: "coordinator".into(),
        password: "bench password 123".into(),
        ..Default::default()
    };
    let uid = mittler_app::users::create_in(app, tenant.id, &input, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let actor = Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, uid).await?,
        None,
    );
    let mut rng = Lcg(42);
    let entry = AuditEntry {
        tenant_id: Some(tenant.id),
        at: now,
        actor_id: None,
        actor: "bench".into(),
        action: "create",
        object_type: "bench",
        object_id: None,
        detail: serde_json::json!({}),
        address: None,
    };
    // 40 institutions with 2 places each around Essen.
    let mut places = Vec::new();
    let mut insts = Vec::new();
    for i in 0..40 {
        let p = |k: u64, rng: &mut Lcg| PlaceInput {
            id: None,
            name: format!("Haus {k}"),
            address: format!("Benchstraße {k}, 45127 Essen"),
            lat: Some(51.40 + rng.below(1000) as f64 / 10000.0),
            lon: Some(6.95 + rng.below(1500) as f64 / 10000.0),
        };
        let input = InstitutionInput {
            name: format!("Einrichtung {i}"),
            category: "authority".into(),
            places: vec![p(1, &mut rng), p(2, &mut rng)],
            ..Default::default()
        };
        let d = input.validate().map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let inst = mittler_db::institutions::create(&app.db, tenant.id, &d, now, &entry).await?;
        for pl in &inst.places {
            places.push((inst.id, pl.id));
        }
        insts.push(inst.id);
    }
    // 1,000 mediators.
    for m in 0..1000 {
        let mut languages = vec![SkillInput {
            code: "deu".into(),
            level: "fluent".into(),
        }];
        for _ in 0..1 + rng.below(2) {
            let code = LANGS[rng.below(LANGS.len() as u64) as usize];
            if !languages.iter().any(|l| l.code == code) {
                languages.push(SkillInput {
                    code: code.into(),
                    level: "native".into(),
                });
            }
        }
        let availability = (1..=5)
            .filter(|_| rng.below(4) != 0)
            .map(|d| WindowInput {
                weekday: d,
                start: "08:00".into(),
                end: "17:00".into(),
            })
            .collect();
        let input = MediatorInput {
            name: format!("Mediator {m}"),
            email: format!("m{m}@example.org"),
            phone: String::new(),
            gender: ["f", "m", "d"][rng.below(3) as usize].into(),
            languages,
            sectors: SECTORS
                .iter()
                .filter(|_| rng.below(2) == 0)
                .map(|s| (*s).to_owned())
                .collect(),
            home_lat: Some(51.40 + rng.below(1000) as f64 / 10000.0),
            home_lon: Some(6.95 + rng.below(1500) as f64 / 10000.0),
            remote: rng.below(2) == 0,
            speed_kmh: Some(15 + rng.below(20) as i64),
            max_work_min_per_day: Some(360),
            availability,
            absences: Vec::new(),
            qualified_on: None,
            pledge_signed_on: None,
        };
        let d = input.validate().map_err(|e| anyhow::anyhow!("{e:?}"))?;
        mittler_db::mediators::create(&app.db, tenant.id, &d, now, &entry).await?;
    }
    // 20,000 requests over 100 working days from the Monday after the clock's start.
    let monday = jiff::civil::date(2026, 11, 30);
    let mut ids = Vec::new();
    for r in 0..20_000u64 {
        let day = monday.checked_add(jiff::Span::new().days(((r % 100) / 5 * 7 + r % 5) as i64))?;
        let start = day.at(
            8 + rng.below(8) as i8,
            [0, 15, 30, 45][rng.below(4) as usize],
            0,
            0,
        );
        let (inst, place) = places[rng.below(places.len() as u64) as usize];
        let input = mittler_domain::request::RequestInput {
            place_id: Some(place),
            mode: "onsite".into(),
            language: LANGS[rng.below(LANGS.len() as u64) as usize].into(),
            sector: SECTORS[rng.below(6) as usize].into(),
            start: start.to_string(),
            duration_min: Some(30 + 15 * rng.below(7) as i64),
            gender_preference: "none".into(),
            ..Default::default()
        };
        let id = mittler_app::requests::create(app, &actor, Some(inst), &input)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        ids.push(id);
    }
    let _ = insts;
    Ok(("bench@example.org".into(), ids))
}

/// One keep-alive HTTP/1.1 client: GET and read one response.
async fn get(conn: &mut BufReader<TcpStream>, path: &str, token: &str) -> Result<u16> {
    let req =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n");
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
    Ok(status)
}

#[tokio::main]
async fn main() -> Result<()> {
    let url = arg("--database-url").unwrap_or_else(|| {
        let path = std::env::temp_dir().join(format!("mittler-bench-{}.db", std::process::id()));
        format!("sqlite://{}", path.display())
    });
    let seconds: u64 = arg("--seconds").and_then(|s| s.parse().ok()).unwrap_or(20);
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let app = App::new(db, Arc::new(mittler_tools::clock()));
    let t0 = Instant::now();
    let (email, ids) = seed(&app).await?;
    println!(
        "seeded 1000 mediators, 20000 requests on {} in {:.1} s",
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
    let token = mittler_app::auth::sign_in(
        &app,
        &email,
        "bench password 123",
        None,
        mittler_db::sessions::Kind::Api,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?
    .token;
    let ids = Arc::new(ids);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..8u64 {
        let (ids, token) = (ids.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = BufReader::new(TcpStream::connect(addr).await?);
            let mut rng = Lcg(c + 7);
            let mut lat = Vec::new();
            while Instant::now() < deadline {
                let id = ids[rng.below(ids.len() as u64) as usize];
                let s = Instant::now();
                let status = get(
                    &mut conn,
                    &format!("/api/v1/requests/{id}/candidates"),
                    &token,
                )
                .await?;
                anyhow::ensure!(status == 200, "status {status}");
                lat.push(s.elapsed());
            }
            Ok::<_, anyhow::Error>(lat)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await??);
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    println!(
        "candidates on {}: {} requests in {} s by 8 clients = {:.0}/s; p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        app.db.backend(),
        all.len(),
        seconds,
        all.len() as f64 / seconds as f64,
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
