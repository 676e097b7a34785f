//! Benchmark of the public catalogue page: 2,000 published offers, `connections`
//! keep-alive clients on loopback for a fixed time, first against a static file of the
//! same size served by the same server, then against the catalogue page with a filter.
//! Prints both rates, p50 and p99, their ratio (goal: at least 0.5), and rough timings
//! of the parts of the page (rebuilding the catalogue, the search, the per-request work).
//! The server sets TCP_NODELAY, as otherwise the streamed static file waits 40 ms for
//! delayed ACKs and would be no fair yardstick.
//!
//! `cargo run --release -p mittler-tools --bin bench-catalogue -- [--offers 2000] [--connections 32]
//! [--seconds 10] [--database-url URL] [--url-path PATH] [--frozen-clock]`

use anyhow::{Context, Result, anyhow, bail, ensure};
use clap::Parser;
use mittler_app::catalogue::Filter;
use mittler_app::{Actor, App};
use mittler_db::Db;
use mittler_domain::offer::{Category, Event, OfferInput, ScheduleInput, TargetGroup, TextInput};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Parser)]
#[command(about = "Catalogue page against a static file of the same size, on loopback")]
struct Args {
    /// Published offers to seed.
    #[arg(long, default_value_t = 2000)]
    offers: usize,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Measured seconds per target (after one second of warm-up).
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Database to seed (default: a fresh SQLite file in a temporary directory).
    #[arg(long)]
    database_url: Option<String>,
    /// The catalogue page to measure.
    #[arg(long, default_value = "/catalogue/bench?category=sport&lang=de")]
    url_path: String,
    /// Also measure the page with the application's clock stopped, so that the catalogue
    /// in memory never goes stale: the page without rebuilds (a diagnostic).
    #[arg(long)]
    frozen_clock: bool,
    /// Also measure the page through this many instances (own caches, one PostgreSQL,
    /// hearing each other through LISTEN/NOTIFY) behind one port, round robin.
    #[arg(long, default_value_t = 1)]
    instances: usize,
}

use mittler_tools::Lcg;

/// One element of a non-empty slice.
trait Pick {
    fn pick<'a, T>(&mut self, of: &'a [T]) -> Result<&'a T>;
}

impl Pick for Lcg {
    fn pick<'a, T>(&mut self, of: &'a [T]) -> Result<&'a T> {
        let i = self.below(of.len() as u64) as usize;
        of.get(i).context("empty table")
    }
}

mod load;
mod seed;

/// A round-robin TCP proxy on loopback in front of the instances (what nginx does).
async fn proxy(backends: Vec<SocketAddr>) -> Result<SocketAddr> {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let front = l.local_addr()?;
    tokio::spawn(async move {
        let mut next = 0usize;
        while let Ok((mut inbound, _)) = l.accept().await {
            let Some(to) = backends.get(next % backends.len()).copied() else {
                break;
            };
            next += 1;
            tokio::spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(to).await {
                    let _ = inbound.set_nodelay(true);
                    let _ = outbound.set_nodelay(true);
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    Ok(front)
}

use load::*;
use seed::*;

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    let work = std::env::temp_dir().join(format!("mittler-bench-catalogue-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let result = run(&args, &work).await;
    let _ = std::fs::remove_dir_all(&work);
    result
}

async fn run(args: &Args, work: &std::path::Path) -> Result<()> {
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", work.join("bench.db").display()));
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let clock = Arc::new(mittler_tools::clock());
    let app = App::new(db, clock.clone());
    mittler_app::bus::start(&app).await.map_err(err)?;
    let backend = app.db.backend();
    let t0 = Instant::now();
    println!("seeding {} offers on {backend} …", args.offers);
    seed(&app, args.offers).await?;
    println!(
        "seeded {} published offers in {:.1} s",
        args.offers,
        t0.elapsed().as_secs_f64()
    );

    let static_dir: PathBuf = work.join("static");
    std::fs::create_dir_all(&static_dir)?;
    let state = mittler_web::AppState {
        app: app.clone(),
        config: Arc::new(mittler_web::WebConfig::default()),
    };
    let router = mittler_web::router(state).merge(axum::Router::new().nest_service(
        "/bench-static",
        tower_http::services::ServeDir::new(&static_dir),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    // Without TCP_NODELAY a body written after its headers (the static file is streamed)
    // waits for the client's delayed ACK: 40 ms per response on Linux loopback.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });

    // The page once, for its size; then a static file of exactly that size.
    let mut conn = connect(addr).await?;
    let mut body = Vec::new();
    let (status, size) = get(&mut conn, &args.url_path, &mut body).await?;
    if status != 200 {
        bail!("GET {} answered {status}, not 200", args.url_path);
    }
    std::fs::write(static_dir.join("page.html"), filler(size))?;
    let static_path = "/bench-static/page.html";
    let (status, static_size) = get(&mut conn, static_path, &mut body).await?;
    ensure!(
        status == 200 && static_size == size,
        "static file: status {status}, {static_size} bytes instead of {size}"
    );

    // One connection, one after another: the cost of one page without contention.
    let mut alone = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        get(&mut conn, &args.url_path, &mut body).await?;
        alone.push(t.elapsed());
    }
    alone.sort();
    let single = alone.get(alone.len() / 2).copied().unwrap_or_default();
    drop(conn);

    let stat = load(addr, static_path, args.connections, args.seconds).await?;
    let cat = load(addr, &args.url_path, args.connections, args.seconds).await?;
    if args.instances > 1 {
        ensure!(
            backend == "postgres",
            "--instances needs a PostgreSQL --database-url"
        );
        let mut backends = vec![addr];
        for _ in 1..args.instances {
            let other = App::new(Db::connect(&url).await?, clock.clone());
            mittler_app::bus::start(&other).await.map_err(err)?;
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            backends.push(l.local_addr()?);
            let state = mittler_web::AppState {
                app: other,
                config: Arc::new(mittler_web::WebConfig::default()),
            };
            tokio::spawn(mittler_web::serve(l, state));
        }
        let front = proxy(backends).await?;
        let many = load(front, &args.url_path, args.connections, args.seconds).await?;
        println!(
            "catalogue through {} instances behind one port ({} connections): {:.0} pages/s; p50 {:.1} ms, p99 {:.1} ms; \
             one instance: {:.0} pages/s",
            args.instances,
            args.connections,
            many.ok.len() as f64 / args.seconds as f64,
            many.percentile_ms(0.50),
            many.percentile_ms(0.99),
            cat.ok.len() as f64 / args.seconds as f64,
        );
    }
    let frozen = if args.frozen_clock {
        ensure!(clock.stop(), "clock stopped twice");
        // Built once at the stopped time, the catalogue stays fresh.
        mittler_app::catalogue::catalogue(&app, "bench")
            .await
            .map_err(err)?;
        Some(load(addr, &args.url_path, args.connections, args.seconds).await?)
    } else {
        None
    };

    // The parts of the page, in isolation.
    let slug = "bench";
    let n = 5u32;
    let t = Instant::now();
    for _ in 0..n {
        mittler_app::catalogue::changed(&app);
        mittler_app::catalogue::catalogue(&app, slug)
            .await
            .map_err(err)?;
    }
    let rebuild = t.elapsed() / n;
    // The rebuild's parts: loading the published offers, building the search index.
    let tenant = mittler_app::tenants::by_slug(&app, slug)
        .await
        .map_err(err)?;
    let published = mittler_db::offers::OfferFilter {
        status: Some(mittler_domain::offer::Status::Published),
        ..Default::default()
    };
    let t = Instant::now();
    for _ in 1..n {
        std::hint::black_box(mittler_db::offers::list(&app.db, tenant.id, published).await?);
    }
    let listed = mittler_db::offers::list(&app.db, tenant.id, published).await?;
    let load_offers = t.elapsed() / n;
    let t = Instant::now();
    for o in &listed {
        let mut texts: Vec<&str> = Vec::new();
        for x in o.texts.by_lang.values() {
            texts.push(&x.title);
            texts.push(&x.description);
        }
        texts.push(&o.venue.name);
        texts.push(&o.provider_name);
        std::hint::black_box(mittler_domain::fuzzy::Haystack::new(&texts));
    }
    let index = t.elapsed();
    let n = 1000u32;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(
            mittler_app::catalogue::catalogue(&app, slug)
                .await
                .map_err(err)?,
        );
    }
    let cached = t.elapsed() / n;
    let c = mittler_app::catalogue::catalogue(&app, slug)
        .await
        .map_err(err)?;
    let filter = Filter {
        category: Some(Category::Sport),
        ..Default::default()
    };
    let hits = c.search(&filter).len();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(c.search(&filter).len());
    }
    let search = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(c.districts().len());
    }
    let districts = t.elapsed() / n;
    // The filter's choices are computed once per index build.
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(c.spoken().len());
    }
    let spoken = t.elapsed() / n;
    let shown: Vec<_> = c.search(&filter).into_iter().take(20).collect();
    let local = |t: jiff::Timestamp, fmt: &str| {
        t.to_zoned(mittler_app::local_time::zone())
            .strftime(fmt)
            .to_string()
    };
    let t = Instant::now();
    let mut formatted = 0usize;
    for _ in 0..100 {
        for o in &shown {
            for (_, x) in &o.sessions {
                let s = format!(
                    "{} – {}",
                    local(x.start, "%d.%m.%Y %H:%M"),
                    local(x.end, "%H:%M")
                );
                formatted += std::hint::black_box(s).len();
            }
        }
    }
    let sessions = t.elapsed() / 100;
    std::hint::black_box(formatted);
    let session_count: usize = shown.iter().map(|o| o.sessions.len()).sum();
    let de = mittler_app::i18n::Lang::De;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(de.t("cat-category"));
    }
    let plain = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(de.t_args(
            "cat-ages-range",
            &[("min", "6".to_owned()), ("max", "12".to_owned())],
        ));
    }
    let with_args = t.elapsed() / n;

    let secs = args.seconds as f64;
    let rate = |o: &Outcome| o.ok.len() as f64 / secs;
    println!(
        "catalogue bench: {} published offers, {}, {} connections, {} s each, page {} bytes",
        args.offers,
        if backend == "sqlite" {
            "SQLite"
        } else {
            "PostgreSQL"
        },
        args.connections,
        args.seconds,
        size
    );
    let mut rows = vec![("static file", &stat), ("catalogue page", &cat)];
    if let Some(f) = &frozen {
        rows.push(("page, no rebuild", f));
    }
    for (name, o) in rows {
        println!(
            "{name:<16} {:>6.0} req/s  p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms{}",
            rate(o),
            o.percentile_ms(0.50),
            o.percentile_ms(0.99),
            o.percentile_ms(1.0),
            if o.other_status + o.errors > 0 {
                format!("  ({} non-200, {} errors)", o.other_status, o.errors)
            } else {
                String::new()
            }
        );
    }
    let ratio = if rate(&stat) > 0.0 {
        rate(&cat) / rate(&stat)
    } else {
        0.0
    };
    println!("ratio            {ratio:.2} (goal >= 0.50)");
    println!(
        "parts: one page alone (p50 on one connection) {:.2} ms; catalogue() rebuild {:.1} ms \
         (offers from the database {:.1} ms, search index {:.1} ms), from memory {:.1} µs; \
         search {:.1} µs ({hits} hits); districts {:.1} µs",
        ms(single),
        ms(rebuild),
        ms(load_offers),
        ms(index),
        ms(cached) * 1000.0,
        ms(search) * 1000.0,
        ms(districts) * 1000.0,
    );
    println!(
        "       spoken languages of all offers {:.1} µs; all {session_count} sessions of \
         the {} cards as local time {:.1} µs; one message {:.2} µs, with arguments {:.2} µs",
        ms(spoken) * 1000.0,
        shown.len(),
        ms(sessions) * 1000.0,
        ms(plain) * 1000.0,
        ms(with_args) * 1000.0,
    );
    Ok(())
}
