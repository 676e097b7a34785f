//! `serve --demo`: the tenant `essen` with invented but realistic data and a login per role.

use anyhow::{Context, Result};
use mittler_app::{Actor, App, institutions, mediators, tenants, users};
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{AbsenceInput, MediatorInput, SkillInput, WindowInput};
use mittler_domain::user::UserInput;
use mittler_web::DemoLogin;
use serde::Deserialize;

const DATA: &str = include_str!("demo/essen.json");
pub const PASSWORD: &str = "demo-essen-2026";

#[derive(Deserialize)]
struct Data {
    institutions: Vec<Inst>,
    mediators: Vec<Med>,
}

#[derive(Deserialize)]
struct Inst {
    name: String,
    category: String,
    places: Vec<Place>,
}

#[derive(Deserialize)]
struct Place {
    name: String,
    address: String,
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct Coord {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct Med {
    name: String,
    email: String,
    phone: String,
    gender: String,
    languages: Vec<SkillInput>,
    sectors: Vec<String>,
    home: Coord,
    remote: bool,
    speed_kmh: i64,
    max_work_min_per_day: i64,
    availability: Vec<WindowInput>,
    absences: Vec<AbsenceInput>,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
    active: bool,
}

fn email(role: &str) -> String {
    format!("{role}@essen.example")
}

/// The demo logins shown on the sign-in page.
pub fn logins() -> Vec<DemoLogin> {
    ["admin", "coordinator", "institution", "mediator", "state"]
        .into_iter()
        .map(|role| DemoLogin {
            role,
            email: email(role),
            password: PASSWORD.into(),
        })
        .collect()
}

/// Seeds the demo tenant unless it exists.
pub async fn seed(app: &App) -> Result<()> {
    if mittler_db::tenants::by_slug(&app.db, "essen")
        .await?
        .is_some()
    {
        return Ok(());
    }
    let data: Data = serde_json::from_str(DATA).context("demo data")?;
    let tenant = tenants::add(app, "essen", "Kommunales Integrationszentrum Essen (Demo)")
        .await
        .map_err(err)?;
    let user = |role: &str, name: &str| UserInput {
        email: email(role),
        name: name.into(),
        role: role.into(),
        password: PASSWORD.into(),
        lang: Some("de".into()),
        ..Default::default()
    };
    let admin_id = users::create_in(app, tenant.id, &user("admin", "Demo Administration"), None)
        .await
        .map_err(err)?;
    let admin_user = mittler_db::users::get(&app.db, tenant.id, admin_id).await?;
    let admin = Actor::from_user(&admin_user, None);
    users::create_in(
        app,
        tenant.id,
        &user("coordinator", "Demo Koordination"),
        Some(&admin),
    )
    .await
    .map_err(err)?;
    users::create_in(
        app,
        tenant.id,
        &user("state", "Demo Landesebene"),
        Some(&admin),
    )
    .await
    .map_err(err)?;

    let mut first_institution = None;
    for i in data.institutions {
        let input = InstitutionInput {
            name: i.name,
            category: i.category,
            places: i
                .places
                .into_iter()
                .map(|p| PlaceInput {
                    id: None,
                    name: p.name,
                    address: p.address,
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                })
                .collect(),
        };
        let created = institutions::create(app, &admin, &input)
            .await
            .map_err(err)?;
        first_institution.get_or_insert(created.id);
    }
    let mut first_mediator = None;
    for m in data.mediators {
        let input = MediatorInput {
            name: m.name,
            email: m.email,
            phone: m.phone,
            gender: m.gender,
            languages: m.languages,
            sectors: m.sectors,
            home_lat: Some(m.home.lat),
            home_lon: Some(m.home.lon),
            remote: m.remote,
            speed_kmh: Some(m.speed_kmh),
            max_work_min_per_day: Some(m.max_work_min_per_day),
            availability: m.availability,
            absences: m.absences,
            qualified_on: m.qualified_on,
            pledge_signed_on: m.pledge_signed_on,
        };
        let id = mediators::create(app, &admin, &input).await.map_err(err)?;
        if !m.active {
            mediators::set_active(app, &admin, id, false)
                .await
                .map_err(err)?;
        }
        first_mediator.get_or_insert(id);
    }
    let institution = UserInput {
        institution_id: first_institution,
        ..user("institution", "Demo Ausländerbehörde")
    };
    users::create_in(app, tenant.id, &institution, Some(&admin))
        .await
        .map_err(err)?;
    let mediator = UserInput {
        mediator_id: first_mediator,
        ..user("mediator", "Demo Sprachmittlerin")
    };
    users::create_in(app, tenant.id, &mediator, Some(&admin))
        .await
        .map_err(err)?;
    requests(app, &admin).await
}

/// A working fortnight of requests: open, invited and confirmed ones, and a school series.
async fn requests(app: &App, admin: &mittler_app::Actor) -> Result<()> {
    use mittler_app::requests as rq;
    let insts = institutions::list(app, admin, "", false)
        .await
        .map_err(err)?;
    let tz = rq::zone();
    let today = app.now().to_zoned(tz.clone()).date();
    let plan: [(&str, &str, i64, i8, &str); 12] = [
        ("arb", "authority", 1, 9, "onsite"),
        ("prs", "medical", 1, 11, "onsite"),
        ("tur", "school", 2, 8, "onsite"),
        ("ukr", "social", 2, 14, "video"),
        ("kmr", "authority", 3, 10, "onsite"),
        ("tir", "medical", 3, 13, "phone"),
        ("rus", "social", 4, 9, "onsite"),
        ("pus", "authority", 6, 10, "onsite"),
        ("apc", "medical", 7, 15, "onsite"),
        ("pes", "psychotherapy", 8, 11, "onsite"),
        ("sqi", "school", 9, 12, "onsite"),
        ("arb", "court", 10, 9, "onsite"),
    ];
    // The next working days (the pool works on weekdays).
    let weekdays: Vec<jiff::civil::Date> = (1..30)
        .filter_map(|d| today.checked_add(jiff::Span::new().days(d)).ok())
        .filter(|d| d.weekday().to_monday_one_offset() <= 5)
        .collect();
    let (mut confirmed, mut invited, mut left_open) = (0, 0, 0);
    for (k, (lang, sector, days, hour, mode)) in plan.iter().enumerate() {
        let Some(inst) = insts.get(k % insts.len().max(1)) else {
            break;
        };
        let Some(date) = weekdays.get(usize::try_from(*days).unwrap_or(0)).copied() else {
            continue;
        };
        let input = mittler_domain::request::RequestInput {
            place_id: if *mode == "onsite" {
                inst.places.first().map(|p| p.id)
            } else {
                None
            },
            mode: (*mode).into(),
            language: (*lang).into(),
            sector: (*sector).into(),
            start: date.at(*hour, 0, 0, 0).to_string(),
            duration_min: Some(60),
            gender_preference: "none".into(),
            priority: Some(if k % 5 == 0 { 2 } else { 1 }),
            ..Default::default()
        };
        let Ok(id) = rq::create(app, admin, Some(inst.id), &input).await else {
            continue;
        };
        // A mix for the coordinator: some confirmed, some invited, some still open.
        let best: Vec<uuid::Uuid> = rq::candidates(app, admin, id)
            .await
            .map_err(err)?
            .candidates
            .iter()
            .take(3)
            .map(|c| c.mediator_id)
            .collect();
        let Some(first) = best.first() else { continue };
        if confirmed <= invited && confirmed <= left_open {
            rq::assign(app, admin, id, *first).await.map_err(err)?;
            confirmed += 1;
        } else if invited <= left_open {
            rq::invite(app, admin, id, &best, 240).await.map_err(err)?;
            invited += 1;
        } else {
            left_open += 1;
        }
    }
    // A language companion at a school: weekly for eight weeks.
    if let Some(school) = insts
        .iter()
        .find(|i| i.category == mittler_domain::institution::Category::School)
        && let Some(date) = weekdays.get(4).copied()
    {
        let input = mittler_domain::request::RequestInput {
            place_id: school.places.first().map(|p| p.id),
            mode: "onsite".into(),
            language: "arb".into(),
            sector: "school".into(),
            start: date.at(8, 0, 0, 0).to_string(),
            duration_min: Some(90),
            gender_preference: "none".into(),
            client_ref: Some("K-DEMO-SCHULE".into()),
            ..Default::default()
        };
        let repeat = mittler_domain::series::Repeat {
            every_weeks: 1,
            count: Some(8),
            until: None,
        };
        rq::create_series(app, admin, Some(school.id), &input, Some(repeat))
            .await
            .map_err(err)?;
    }
    Ok(())
}

fn err(e: mittler_app::AppError) -> anyhow::Error {
    match e {
        mittler_app::AppError::Invalid(f) => {
            let fields: Vec<String> = f.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            anyhow::anyhow!("invalid demo data: {}", fields.join(", "))
        }
        other => anyhow::anyhow!("{other}"),
    }
}
