//! Benchmark of the month's close: a large centre (150 institutions, 300 mediators) with a
//! year of 25,000 requests, its busiest month holding about 2,000 completed assignments.
//! Times the draft, the issue with every XRechnung and PDF, and the year's summary (p50,
//! p99), and prints the process's peak memory after each. Dates are fixed (2027), the clock
//! is a manual one: the figures do not depend on the day they are taken.
//!
//! `cargo run --release -p mittler-tools --bin bench-billing -- [--database-url URL] [--summaries 30]`
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use anyhow::Result;
use mittler_app::billing::{self, SettingsPatch};
use mittler_app::history::{PastSpec, import};
use mittler_app::reports::{self, Dimension};
use mittler_app::{Actor, App, ManualClock};
use mittler_db::Db;
use mittler_domain::billing::{
    BillingAddress, Card, CardInput, Engagement, Month, Seller, TariffInput, Vat,
};
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
use mittler_tools::Lcg;
use std::sync::Arc;
use std::time::Instant;

const LANGS: [&str; 16] = [
    "arb", "apc", "prs", "pes", "tur", "ukr", "rus", "kmr", "tir", "pus", "sqi", "srp", "ron",
    "bul", "som", "ckb",
];
const SECTORS: [&str; 6] = [
    "authority",
    "medical",
    "psychotherapy",
    "school",
    "social",
    "court",
];
const CATEGORIES: [&str; 6] = ["authority", "health", "school", "social", "court", "other"];

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn e(x: mittler_app::AppError) -> anyhow::Error {
    anyhow::anyhow!("{x:?}")
}

/// The process's peak resident memory so far (VmHWM), in MiB.
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(0.0)
}

async fn seed(app: &App) -> Result<Actor> {
    let tenant = mittler_app::tenants::add(app, "bench", "Bench")
        .await
        .map_err(e)?;
    let input = mittler_domain::user::UserInput {
        email: "bench-admin@example.org".into(),
        name: "Bench".into(),
        role: "admin".into(),
        password: "bench password 123".into(),
        ..Default::default()
    };
    let uid = mittler_app::users::create_in(app, tenant.id, &input, None)
        .await
        .map_err(e)?;
    let admin = Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, uid).await?,
        None,
    );
    let mut rng = Lcg(7);
    let seller = Seller {
        legal_name: "Bench-Stadt – Kommunales Integrationszentrum".into(),
        street: "Benchstraße 1".into(),
        postcode: "45127".into(),
        city: "Essen".into(),
        country: "DE".into(),
        tax_number: Some("112/5000/0000".into()),
        vat_id: None,
        iban: "DE02120300000000202051".into(),
        bic: "BYLADEM1001".into(),
        contact_name: "Bench".into(),
        phone: "0201 000000".into(),
        email: "bench@example.org".into(),
    };
    billing::set_settings(
        app,
        &admin,
        &SettingsPatch {
            seller: Some(seller),
            vat: Some(Vat::default()),
            allowance_cents: Vec::new(),
        },
    )
    .await
    .map_err(e)?;
    let card = |cph: i64, flat: i64| -> CardInput {
        Card {
            cents_per_hour: cph,
            minimum_min: 60,
            step_min: 30,
            flat_cents: flat,
            per_km_cents: 30,
            travel_cents_per_hour: 1000,
            travel_step_min: 30,
            night_pct: 25,
            sunday_pct: 50,
            holiday_pct: 125,
            cancel_pct: 100,
        }
        .into()
    };
    for (name, modes) in [
        ("Vor Ort", vec!["onsite".to_owned()]),
        ("Fern", vec!["phone".to_owned(), "video".to_owned()]),
    ] {
        let t = TariffInput {
            name: name.into(),
            categories: CATEGORIES.iter().map(|c| (*c).to_owned()).collect(),
            modes,
            valid_from: "2027-01-01".into(),
            valid_to: None,
            client: Some(card(4500, 0)),
            mediator: Some(card(2500, 600)),
        };
        billing::save_tariff(app, &admin, None, &t)
            .await
            .map_err(e)?;
    }
    for i in 0..150u64 {
        let input = InstitutionInput {
            name: format!("Einrichtung {i}"),
            category: CATEGORIES[(i % 6) as usize].into(),
            places: vec![PlaceInput {
                id: None,
                name: "Haus".into(),
                address: format!("Benchweg {i}, 45127 Essen"),
                lat: Some(51.40 + rng.below(1000) as f64 / 10000.0),
                lon: Some(6.95 + rng.below(1500) as f64 / 10000.0),
            }],
            ..Default::default()
        };
        let inst = mittler_app::institutions::create(app, &admin, &input)
            .await
            .map_err(e)?;
        let b = BillingAddress {
            name: format!("Einrichtung {i}"),
            street: format!("Benchweg {i}"),
            postcode: "45127".into(),
            city: "Essen".into(),
            country: "DE".into(),
            email: format!("rechnung{i}@example.org"),
            leitweg_id: None,
            vat_id: None,
        };
        billing::set_institution_billing(app, &admin, inst.id, Some(&b))
            .await
            .map_err(e)?;
    }
    for m in 0..300u64 {
        let input = MediatorInput {
            name: format!("Sprachmittler*in {m}"),
            email: format!("m{m}@example.org"),
            phone: String::new(),
            gender: ["f", "m", "d"][rng.below(3) as usize].into(),
            languages: vec![SkillInput {
                code: LANGS[rng.below(LANGS.len() as u64) as usize].into(),
                level: "native".into(),
            }],
            sectors: SECTORS
                .iter()
                .filter(|_| rng.below(2) == 0)
                .map(|s| (*s).to_owned())
                .chain(["authority".to_owned()])
                .collect(),
            home_lat: Some(51.40 + rng.below(1000) as f64 / 10000.0),
            home_lon: Some(6.95 + rng.below(1500) as f64 / 10000.0),
            remote: true,
            speed_kmh: Some(25),
            max_work_min_per_day: Some(360),
            availability: (1..=5)
                .map(|d| WindowInput {
                    weekday: d,
                    start: "08:00".into(),
                    end: "17:00".into(),
                })
                .collect(),
            absences: Vec::new(),
            qualified_on: None,
            pledge_signed_on: None,
        };
        let id = mittler_app::mediators::create(app, &admin, &input)
            .await
            .map_err(e)?;
        let engagement = [
            Engagement::Volunteer,
            Engagement::Volunteer,
            Engagement::Freelance,
            Engagement::Employee,
        ][(m % 4) as usize];
        billing::set_engagement(app, &admin, id, engagement)
            .await
            .map_err(e)?;
    }
    // Eleven months of 2,045 requests, then the busiest month with 2,500 (about 2,000 completed).
    let jan = Month {
        year: 2027,
        month: 1,
    };
    import(
        app,
        &admin,
        &PastSpec {
            first: jan,
            months: 11,
            per_month: 2045,
            seed: 11,
        },
    )
    .await
    .map_err(e)?;
    import(
        app,
        &admin,
        &PastSpec {
            first: Month {
                year: 2027,
                month: 12,
            },
            months: 1,
            per_month: 2500,
            seed: 12,
        },
    )
    .await
    .map_err(e)?;
    Ok(admin)
}

#[tokio::main]
async fn main() -> Result<()> {
    let url = arg("--database-url").unwrap_or_else(|| {
        let path =
            std::env::temp_dir().join(format!("mittler-bench-billing-{}.db", std::process::id()));
        format!("sqlite://{}", path.display())
    });
    let summaries: usize = arg("--summaries")
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let clock = Arc::new(ManualClock::new("2028-01-05T09:00:00Z".parse()?));
    let app = App::new(db, clock);
    let t0 = Instant::now();
    let admin = seed(&app).await?;
    println!(
        "seeded 150 institutions, 300 mediators, 25,000 requests of 2027 on {} in {:.1} s (peak {:.0} MiB)",
        app.db.backend(),
        t0.elapsed().as_secs_f64(),
        peak_mib()
    );
    let t = Instant::now();
    let run = billing::draft(&app, &admin, "2027-12").await.map_err(e)?;
    let lines: usize = run.invoices.iter().map(|i| i.lines.len()).sum();
    println!(
        "draft 2027-12: {} invoices, {} statements, {} invoice lines, {} without tariff: {:.2} s (peak {:.0} MiB)",
        run.invoices.len(),
        run.statements.len(),
        lines,
        run.run.without_tariff.len(),
        t.elapsed().as_secs_f64(),
        peak_mib()
    );
    let t = Instant::now();
    let issued = billing::issue(&app, &admin, run.run.id).await.map_err(e)?;
    println!(
        "issue with {} XRechnung + {} invoice PDFs + {} statement PDFs: {:.2} s (peak {:.0} MiB)",
        issued.invoices.len(),
        issued.invoices.len(),
        issued.statements.len(),
        t.elapsed().as_secs_f64(),
        peak_mib()
    );
    let (from, to) = (
        jiff::civil::date(2027, 1, 1),
        jiff::civil::date(2027, 12, 31),
    );
    let mut ms = Vec::new();
    let mut requests = 0;
    for i in 0..summaries {
        let by = [
            Dimension::Language,
            Dimension::Month,
            Dimension::Institution,
        ][i % 3];
        let t = Instant::now();
        let s = reports::summary(&app, &admin, from, to, by)
            .await
            .map_err(e)?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        requests = s.total.requests;
    }
    ms.sort_by(f64::total_cmp);

    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "year summary ({requests} requests, {summaries} runs by language/month/institution): p50 {:.0} ms, p99 {:.0} ms (peak {:.0} MiB)",
        pct(0.5),
        pct(0.99),
        peak_mib()
    );
    // Where the time goes: the database read alone.
    let t = Instant::now();
    let rows = mittler_db::billing::report_rows(&app.db, admin.tenant_id, from, to).await?;
    println!(
        "  of one summary, reading the {} rows: {:.0} ms",
        rows.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}
