//! Does a page cost what its rows cost, or what the table holds? One large centre (30
//! institutions, 150 mediators) with 2,000 requests around the benchmark's week, then
//! with 98,000 more from four years before: the day list, the inbox page and candidates
//! are measured at both sizes by 8 clients over HTTP on loopback, and printed side by
//! side; then requests are created through the API by 8 clients.
//!
//! With `--state` (PostgreSQL): the state's data instead, 54 centres, five years, five
//! million requests and 3,000 mediators, written centre by centre; after 1, 6, 18 and 54
//! centres the inbox and candidates of the first centre (8 clients) and the state's
//! summary of a year (1 client) are measured and printed as a table.
//!
//! `cargo run --release -p mittler-tools --bin bench-scale -- [--database-url URL] [--seconds 10]`
//! `cargo run --release -p mittler-tools --bin bench-scale -- --state --database-url postgres://... [--centres 54] [--requests 5000000]`
// A measuring tool, like a test: indexes into its own tables and casts freely.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use anyhow::{Result, anyhow};
use mittler_app::App;
use mittler_db::Db;
use mittler_tools::Lcg;
use mittler_tools::centre::{self, Centre};
use mittler_tools::http::{Auth, Conn, Latencies};
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// What is measured: a name and the path of the i-th call of a client.
struct Probe {
    name: &'static str,
    auth: Auth,
    path: Box<dyn Fn(&mut Lcg) -> String + Send + Sync>,
}

/// 8 clients call the probe for `seconds`; every answer must be 200.
async fn measure(addr: std::net::SocketAddr, probe: Arc<Probe>, seconds: u64) -> Result<Latencies> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..8u64 {
        let probe = probe.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(addr).await?;
            let mut rng = Lcg(c + 11);
            let mut lat = Vec::new();
            while Instant::now() < deadline {
                let path = (probe.path)(&mut rng);
                let s = Instant::now();
                let status = conn.get(&path, &probe.auth).await?;
                anyhow::ensure!(status == 200, "{} {path}: status {status}", probe.name);
                lat.push(s.elapsed());
            }
            Ok::<_, anyhow::Error>(lat)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await??);
    }
    Ok(Latencies::new(all))
}

/// Creates requests through the API with 8 clients for `seconds`: how many per second.
async fn create_rate(
    addr: std::net::SocketAddr,
    c: &Centre,
    token: &str,
    seconds: u64,
) -> Result<(f64, Latencies)> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let places = Arc::new(c.places.clone());
    let mut tasks = Vec::new();
    for k in 0..8u64 {
        let (places, auth) = (places.clone(), Auth::Bearer(token.to_owned()));
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(addr).await?;
            let mut rng = Lcg(k + 101);
            let mut lat = Vec::new();
            while Instant::now() < deadline {
                let (inst, place) = places[rng.below(places.len() as u64) as usize];
                let body = serde_json::json!({
                    "institution_id": inst,
                    "place_id": place,
                    "language": centre::language(&mut rng),
                    "sector": centre::SECTORS[rng.below(6) as usize],
                    "start": format!("2027-01-{:02}T{:02}:00:00+01:00", 4 + rng.below(25), 8 + rng.below(9)),
                    "duration_min": 60,
                    "client_ref": format!("B-{}", rng.below(100_000)),
                })
                .to_string();
                let s = Instant::now();
                let (status, b) = conn.send("POST", "/api/v1/requests", &auth, Some(&body)).await?;
                anyhow::ensure!(status == 201, "create: status {status} {}", String::from_utf8_lossy(&b));
                lat.push(s.elapsed());
            }
            Ok::<_, anyhow::Error>(lat)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await??);
    }
    let n = all.len();
    Ok((n as f64 / seconds as f64, Latencies::new(all)))
}

/// The state's summary of a year by centre, asked by one client for `seconds` (at least
/// five times).
async fn summary(addr: std::net::SocketAddr, token: &str, seconds: u64) -> Result<Latencies> {
    let mut conn = Conn::open(addr).await?;
    let auth = Auth::Bearer(token.to_owned());
    let mut lat = Vec::new();
    let until = Instant::now() + Duration::from_secs(seconds.max(5));
    while Instant::now() < until || lat.len() < 5 {
        let s = Instant::now();
        let st = conn
            .get(
                "/api/v1/state/summary?from=2025-11-01&to=2026-10-31&by=tenant",
                &auth,
            )
            .await?;
        anyhow::ensure!(st == 200, "state summary: {st}");
        lat.push(s.elapsed());
    }
    Ok(Latencies::new(lat))
}

#[tokio::main]
async fn main() -> Result<()> {
    // `MITTLER_LOG=sqlx=debug` shows each statement and its time, to find a slow one.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("MITTLER_LOG") {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    if std::env::args().any(|a| a == "--state") {
        return state().await;
    }
    let url = arg("--database-url").unwrap_or_else(|| {
        let path = std::env::temp_dir().join(format!("mittler-scale-{}.db", std::process::id()));
        format!("sqlite://{}", path.display())
    });
    let seconds: u64 = arg("--seconds").and_then(|s| s.parse().ok()).unwrap_or(10);
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let app = App::new(db, Arc::new(mittler_tools::clock()));
    let now = app.now();
    let mut rng = Lcg(7);
    let t0 = Instant::now();
    let c = centre::seed(&app, "gross", 30, 150, (51.45, 7.01), &mut rng).await?;
    // 2,000 requests: 80 on each working day of the five weeks around the benchmark's Monday.
    let around = centre::working_days(
        jiff::civil::date(2026, 11, 9),
        jiff::civil::date(2026, 12, 14),
    );
    let current = centre::invent(&c, &around, 80, now, &mut rng);
    mittler_db::bulk::insert_requests(&app.db, c.tenant, &current).await?;
    mittler_db::bulk::analyze(&app.db).await?;
    let open: Arc<Vec<Uuid>> = Arc::new(
        current
            .iter()
            .filter(|r| r.status == "open")
            .map(|r| r.id)
            .collect(),
    );
    println!(
        "{}: centre with 30 institutions, 150 mediators, {} requests seeded in {:.1} s",
        app.db.backend(),
        current.len(),
        t0.elapsed().as_secs_f64()
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let state = mittler_web::AppState {
        app: app.clone(),
        config: Arc::new(mittler_web::WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));
    let token = centre::sign_in(&app, &c.coordinator, mittler_db::sessions::Kind::Api).await?;
    let cookie = centre::sign_in(&app, &c.coordinator, mittler_db::sessions::Kind::Web).await?;
    let probes: Vec<Arc<Probe>> = vec![
        Arc::new(Probe {
            name: "day list (API)",
            auth: Auth::Bearer(token.clone()),
            path: Box::new(|rng| {
                let d = 23 + rng.below(5);
                format!("/api/v1/requests?from=2026-11-{d}&to=2026-11-{}", d + 1)
            }),
        }),
        Arc::new(Probe {
            name: "inbox page",
            auth: Auth::Cookie(cookie),
            path: Box::new(|_| "/requests".to_owned()),
        }),
        Arc::new({
            let open = open.clone();
            Probe {
                name: "candidates (API)",
                auth: Auth::Bearer(token.clone()),
                path: Box::new(move |rng| {
                    format!(
                        "/api/v1/requests/{}/candidates",
                        open[rng.below(open.len() as u64) as usize]
                    )
                }),
            }
        }),
    ];
    let mut small = Vec::new();
    for p in &probes {
        small.push(measure(addr, p.clone(), seconds).await?);
    }
    // 98,000 more: four years of the centre's past.
    let t1 = Instant::now();
    let past = centre::working_days(
        jiff::civil::date(2022, 11, 7),
        jiff::civil::date(2026, 11, 9),
    );
    let per_day = 98_000u64.div_ceil(past.len() as u64);
    let mut history = centre::invent(&c, &past, per_day, now, &mut rng);
    history.truncate(98_000);
    mittler_db::bulk::insert_requests(&app.db, c.tenant, &history).await?;
    mittler_db::bulk::analyze(&app.db).await?;
    println!(
        "{}: {} requests more (four years before) written in {:.1} s",
        app.db.backend(),
        history.len(),
        t1.elapsed().as_secs_f64()
    );
    let mut large = Vec::new();
    for p in &probes {
        large.push(measure(addr, p.clone(), seconds).await?);
    }
    println!(
        "\n{:<18} {:>10} {:>10} {:>10} {:>10} {:>7}",
        app.db.backend(),
        "2k p50",
        "2k p99",
        "100k p50",
        "100k p99",
        "growth"
    );
    for ((p, s), l) in probes.iter().zip(&small).zip(&large) {
        println!(
            "{:<18} {:>7.1} ms {:>7.1} ms {:>7.1} ms {:>7.1} ms {:>6.2}x",
            p.name,
            s.ms(0.5),
            s.ms(0.99),
            l.ms(0.5),
            l.ms(0.99),
            l.ms(0.99) / s.ms(0.99).max(0.001)
        );
    }
    let (rate, lat) = create_rate(addr, &c, &token, seconds).await?;
    println!(
        "\ncreating requests on {} (8 clients, {} s): {:.0}/s; p50 {:.1} ms, p99 {:.1} ms",
        app.db.backend(),
        seconds,
        rate,
        lat.ms(0.5),
        lat.ms(0.99)
    );
    Ok(())
}

/// The state's data, written centre by centre, measured at 1, 6, 18 and 54 centres.
async fn state() -> Result<()> {
    let url = arg("--database-url")
        .ok_or_else(|| anyhow!("--state needs --database-url postgres://..."))?;
    let seconds: u64 = arg("--seconds").and_then(|s| s.parse().ok()).unwrap_or(5);
    let centres: usize = arg("--centres").and_then(|s| s.parse().ok()).unwrap_or(54);
    let total: u64 = arg("--requests")
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000_000);
    let mediators_total = 3000usize;
    let db = Db::connect(&url).await?;
    anyhow::ensure!(db.backend() == "postgres", "--state runs on PostgreSQL");
    db.migrate().await?;
    let app = App::new(db, Arc::new(mittler_tools::clock()));
    let now = app.now();
    let mut rng = Lcg(54);
    // Five years of working days up to four weeks after the benchmark's Monday.
    let days = centre::working_days(
        jiff::civil::date(2021, 11, 22),
        jiff::civil::date(2026, 12, 19),
    );
    let per_centre = total / centres as u64;
    let per_day = per_centre.div_ceil(days.len() as u64);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let state = mittler_web::AppState {
        app: app.clone(),
        config: Arc::new(mittler_web::WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));
    let installation = mittler_app::tenants::installation(&app)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let viewer = mittler_domain::user::UserInput {
        email: "state@land.example".into(),
        name: "Land".into(),
        role: "state".into(),
        password: centre::PASSWORD.into(),
        ..Default::default()
    };
    mittler_app::users::create_in(&app, installation.id, &viewer, None)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let state_token =
        centre::sign_in(&app, "state@land.example", mittler_db::sessions::Kind::Api).await?;
    let checkpoints: Vec<usize> = [1, 6, 18, 54]
        .into_iter()
        .filter(|c| *c <= centres)
        .chain([centres])
        .collect();
    let mut first: Option<(Centre, Vec<Uuid>)> = None;
    // Centres, requests, inbox p99, candidates p99, summary p50/p99 from the requests
    // and from the kept counts.
    type Line = (usize, u64, f64, f64, f64, f64, f64, f64);
    let mut table: Vec<Line> = Vec::new();
    let mut written = 0u64;
    let t0 = Instant::now();
    for i in 0..centres {
        let lat = 50.6 + (i % 9) as f64 * 0.18;
        let lon = 6.0 + (i / 9) as f64 * 0.5;
        let meds = mediators_total / centres + usize::from(i < mediators_total % centres);
        let c = centre::seed(&app, &format!("ki-{i:02}"), 30, meds, (lat, lon), &mut rng).await?;
        let mut rows = centre::invent(&c, &days, per_day, now, &mut rng);
        // The oldest go: the weeks ahead keep their open requests.
        rows.drain(..rows.len().saturating_sub(per_centre as usize));
        written += mittler_db::bulk::insert_requests(&app.db, c.tenant, &rows).await?;
        if first.is_none() {
            let soon = jiff::civil::date(2026, 12, 19).to_string();
            let open: Vec<Uuid> = rows
                .iter()
                .filter(|r| r.status == "open" && r.local_date < soon)
                .map(|r| r.id)
                .collect();
            first = Some((c, open));
        }
        if !checkpoints.contains(&(i + 1)) || table.iter().any(|(n, ..)| *n == i + 1) {
            continue;
        }
        mittler_db::bulk::analyze(&app.db).await?;
        println!(
            "{} centres, {written} requests written ({:.0} s so far); measuring",
            i + 1,
            t0.elapsed().as_secs_f64()
        );
        let Some((c, open)) = &first else { continue };
        let token = centre::sign_in(&app, &c.coordinator, mittler_db::sessions::Kind::Api).await?;
        let cookie = centre::sign_in(&app, &c.coordinator, mittler_db::sessions::Kind::Web).await?;
        let inbox = measure(
            addr,
            Arc::new(Probe {
                name: "inbox page",
                auth: Auth::Cookie(cookie),
                path: Box::new(|_| "/requests".to_owned()),
            }),
            seconds,
        )
        .await?;
        let open = Arc::new(open.clone());
        let candidates = measure(
            addr,
            Arc::new(Probe {
                name: "candidates",
                auth: Auth::Bearer(token),
                path: Box::new(move |rng| {
                    format!(
                        "/api/v1/requests/{}/candidates",
                        open[rng.below(open.len() as u64) as usize]
                    )
                }),
            }),
            seconds,
        )
        .await?;
        // The state's summary of a year by centre, one client as a state office asks:
        // first counted from the requests (as right after an import, before the worker
        // kept the months' counts), then from the kept counts.
        let raw = summary(addr, &state_token, seconds).await?;
        let t = Instant::now();
        let mut kept = 0;
        loop {
            let n = mittler_db::state::refresh(&app.db, 1000).await?;
            kept += n;
            if n == 0 {
                break;
            }
        }
        println!(
            "kept the counts of {kept} centre-months in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        let summary = summary(addr, &state_token, seconds).await?;
        table.push((
            i + 1,
            written,
            inbox.ms(0.99),
            candidates.ms(0.99),
            raw.ms(0.5),
            raw.ms(0.99),
            summary.ms(0.5),
            summary.ms(0.99),
        ));
    }
    println!(
        "\nstate data on postgres: {written} requests, {mediators_total} mediators, written in {:.0} s",
        t0.elapsed().as_secs_f64()
    );
    println!(
        "{:>8} {:>10} {:>14} {:>18} {:>32} {:>28}",
        "centres",
        "requests",
        "inbox p99",
        "candidates p99",
        "year p50/p99 from the requests",
        "year p50/p99 from kept counts"
    );
    for (n, req, inbox, cand, r50, r99, s50, s99) in table {
        println!(
            "{n:>8} {req:>10} {inbox:>11.1} ms {cand:>15.1} ms {r50:>19.0} / {r99:>6.0} ms {s50:>15.0} / {s99:>6.0} ms"
        );
    }
    Ok(())
}
