//! Invented centres for the benchmarks: institutions with places, mediators with
//! languages, a coordinator, and years of requests written in bulk. The same seed gives
//! the same centre on every run and every day.

// A measuring tool's seeder: indexes into its own constant tables and casts freely.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use crate::Lcg;
use anyhow::{Result, anyhow};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use mittler_app::{Actor, App};
use mittler_db::audit::AuditEntry;
use mittler_db::bulk::BulkRequest;
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
use uuid::Uuid;

/// The languages of the invented demand, the most asked first (Arabic, Dari, Farsi,
/// Turkish, Ukrainian, Russian, ...): demand falls off along the list.
pub const LANGS: [&str; 20] = [
    "arb", "prs", "pes", "tur", "ukr", "rus", "kmr", "tir", "pus", "apc", "sqi", "srp", "ron",
    "bul", "pol", "fra", "som", "amh", "ckb", "eng",
];
pub const SECTORS: [&str; 6] = [
    "authority",
    "medical",
    "psychotherapy",
    "school",
    "social",
    "court",
];

/// The password of every invented account.
pub const PASSWORD: &str = "bench password 123";

/// One invented centre.
pub struct Centre {
    pub tenant: Uuid,
    pub slug: String,
    /// The coordinator's e-mail address.
    pub coordinator: String,
    pub coordinator_actor: Actor,
    /// (institution, place) pairs.
    pub places: Vec<(Uuid, Uuid)>,
    /// Each mediator with the languages they speak (besides German).
    pub mediators: Vec<(Uuid, Vec<&'static str>)>,
}

fn err(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow!("{e:?}")
}

/// A session of an invented account: an API token or a browser's session cookie.
pub async fn sign_in(app: &App, email: &str, kind: mittler_db::sessions::Kind) -> Result<String> {
    mittler_app::auth::sign_in(app, email, PASSWORD, None, kind)
        .await
        .map(|s| s.token)
        .map_err(err)
}

/// A language, more often the earlier ones in [`LANGS`].
pub fn language(rng: &mut Lcg) -> &'static str {
    let a = rng.below(LANGS.len() as u64);
    let b = rng.below(LANGS.len() as u64);
    LANGS[a.min(b) as usize]
}

/// Creates a centre `slug` with `institutions` institutions (two places each) around
/// the given point and `mediators` mediators.
pub async fn seed(
    app: &App,
    slug: &str,
    institutions: usize,
    mediators: usize,
    centre: (f64, f64),
    rng: &mut Lcg,
) -> Result<Centre> {
    let now = app.now();
    let tenant = mittler_app::tenants::add(app, slug, &format!("KI {slug}"))
        .await
        .map_err(err)?;
    let coordinator = format!("coordinator@{slug}.example");
    let input = mittler_domain::user::UserInput {
        email: coordinator.clone(),
        name: "Koordination".into(),
        role: "coordinator".into(),
        password: PASSWORD.into(),
        ..Default::default()
    };
    let uid = mittler_app::users::create_in(app, tenant.id, &input, None)
        .await
        .map_err(err)?;
    let coordinator_actor = Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, uid).await?,
        None,
    );
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
    let jitter = |rng: &mut Lcg, c: f64| c + (rng.below(1000) as f64 - 500.0) / 10000.0;
    let mut places = Vec::new();
    for i in 0..institutions {
        let p = |k: usize, rng: &mut Lcg| PlaceInput {
            id: None,
            name: format!("Haus {k}"),
            address: format!("Beispielstraße {k}, {slug}"),
            lat: Some(jitter(rng, centre.0)),
            lon: Some(jitter(rng, centre.1)),
        };
        let input = InstitutionInput {
            name: format!("Einrichtung {i}"),
            category: "authority".into(),
            places: vec![p(1, rng), p(2, rng)],
            ..Default::default()
        };
        let d = input.validate().map_err(err)?;
        let inst = mittler_db::institutions::create(&app.db, tenant.id, &d, now, &entry).await?;
        for pl in &inst.places {
            places.push((inst.id, pl.id));
        }
    }
    let mut pool = Vec::new();
    for m in 0..mediators {
        let mut langs: Vec<&'static str> = Vec::new();
        for _ in 0..1 + rng.below(2) {
            let code = language(rng);
            if !langs.contains(&code) {
                langs.push(code);
            }
        }
        let mut languages = vec![SkillInput {
            code: "deu".into(),
            level: "fluent".into(),
        }];
        languages.extend(langs.iter().map(|c| SkillInput {
            code: (*c).into(),
            level: "native".into(),
        }));
        let input = MediatorInput {
            name: format!("Mediator {m}"),
            email: format!("m{m}@{slug}.example"),
            phone: String::new(),
            gender: ["f", "m", "d"][rng.below(3) as usize].into(),
            languages,
            sectors: SECTORS
                .iter()
                .filter(|_| rng.below(2) == 0)
                .map(|s| (*s).to_owned())
                .collect(),
            home_lat: Some(jitter(rng, centre.0)),
            home_lon: Some(jitter(rng, centre.1)),
            remote: rng.below(2) == 0,
            speed_kmh: Some(15 + rng.below(20) as i64),
            max_work_min_per_day: Some(360),
            availability: (1..=5)
                .filter(|_| rng.below(4) != 0)
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
        let d = input.validate().map_err(err)?;
        let id = mittler_db::mediators::create(&app.db, tenant.id, &d, now, &entry).await?;
        pool.push((id, langs));
    }
    Ok(Centre {
        tenant: tenant.id,
        slug: slug.to_owned(),
        coordinator,
        coordinator_actor,
        places,
        mediators: pool,
    })
}

/// The working days (Monday to Friday) from `from` (inclusive) to `to` (exclusive).
pub fn working_days(from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = from;
    while d < to {
        if d.weekday().to_monday_one_offset() <= 5 {
            out.push(d);
        }
        d = d.tomorrow().unwrap_or(to);
    }
    out
}

/// `per_day` invented requests on each of the days: what lies before `now` is mostly
/// completed (some cancelled or unfilled), what lies after is open or confirmed.
pub fn invent(
    centre: &Centre,
    days: &[Date],
    per_day: u64,
    now: Timestamp,
    rng: &mut Lcg,
) -> Vec<BulkRequest> {
    let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC);
    let mut out = Vec::with_capacity(days.len() * per_day as usize);
    // A client comes back about six times.
    let clients = (days.len() as u64 * per_day / 6).max(1);
    for day in days {
        for _ in 0..per_day {
            let (inst, place) = centre.places[rng.below(centre.places.len() as u64) as usize];
            let language = language(rng);
            let mode = match rng.below(10) {
                0 => "phone",
                1 => "video",
                _ => "onsite",
            };
            let start = day
                .at(
                    8 + rng.below(9) as i8,
                    [0, 15, 30, 45][rng.below(4) as usize],
                    0,
                    0,
                )
                .to_zoned(berlin.clone())
                .map(|z| z.timestamp())
                .unwrap_or(now);
            let created_at = start
                .checked_sub(SignedDuration::from_hours(24 * (2 + rng.below(14) as i64)))
                .unwrap_or(start);
            let speaks: Vec<Uuid> = centre
                .mediators
                .iter()
                .filter(|(_, l)| l.contains(&language))
                .map(|(id, _)| *id)
                .collect();
            let past = start < now;
            let roll = rng.below(100);
            let (status, cancelled_by) = match (past, roll) {
                (_, r) if speaks.is_empty() && r < 70 => ("unfilled", None),
                (true, r) if r < 80 => ("completed", None),
                (true, r) if r < 86 => ("cancelled", Some("institution")),
                (true, r) if r < 89 => ("cancelled", Some("mediator")),
                (true, _) => ("unfilled", None),
                (false, r) if r < 55 => ("confirmed", None),
                (false, _) => ("open", None),
            };
            let served =
                matches!(status, "completed" | "confirmed") || cancelled_by == Some("mediator");
            let mediator_id = if served && !speaks.is_empty() {
                Some(speaks[rng.below(speaks.len() as u64) as usize])
            } else {
                None
            };
            let status = if served && mediator_id.is_none() {
                "unfilled"
            } else {
                status
            };
            let confirmed_at = mediator_id.map(|_| {
                let h = 1 + rng.below(6) * rng.below(12);
                created_at
                    .checked_add(SignedDuration::from_mins(30 + 60 * h as i64))
                    .unwrap_or(created_at)
                    .min(start)
            });
            out.push(BulkRequest {
                id: Uuid::from_u64_pair(
                    rng.step() << 31 ^ rng.step(),
                    rng.step() << 31 ^ rng.step(),
                ),
                institution_id: inst,
                place_id: (mode == "onsite").then_some(place),
                mode,
                language,
                sector: SECTORS[rng.below(6) as usize],
                start_at: start,
                duration_min: 30 + 15 * rng.below(7) as i32,
                local_date: day.to_string(),
                status,
                mediator_id,
                cancelled_by,
                created_at,
                confirmed_at,
                client_ref: format!("K-{}", rng.below(clients)),
            });
        }
    }
    out
}
