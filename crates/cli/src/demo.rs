//! `serve --demo`: the tenant `essen` with invented but realistic data and a login per role.

mod billing;
mod requests;
use billing::month_close;
use requests::requests;

use anyhow::{Context, Result};
use mittler_app::{Actor, App, institutions, mediators, tenants, users};
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{AbsenceInput, MediatorInput, SkillInput, WindowInput};
use mittler_domain::user::UserInput;
use mittler_web::DemoLogin;
use serde::Deserialize;

const DATA: &str = include_str!("demo/essen.json");
pub const PASSWORD: &str = "demo-kaffee-tram-2026";

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
    [
        "admin",
        "coordinator",
        "institution",
        "mediator",
        "provider",
        "state",
    ]
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
    // The state viewer belongs to no centre: the installation's own tenant holds it.
    let installation = tenants::installation(app).await.map_err(err)?;
    users::create_in(
        app,
        installation.id,
        &user("state", "Demo Landesebene"),
        None,
    )
    .await
    .map_err(err)?;

    let mut first_institution = None;
    for (n, i) in data.institutions.into_iter().enumerate() {
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
            // Invented desk numbers in Essen's area code.
            contact: "Empfang".into(),
            phone: format!("0201 555-{:04}", 100 + n),
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
    requests(app, &admin).await?;
    month_close(app, &admin).await?;
    let provider = catalogue(app, &admin).await?;
    let provider_user = UserInput {
        provider_id: Some(provider),
        ..user("provider", "Demo Schwimmverein")
    };
    users::create_in(app, tenant.id, &provider_user, Some(&admin))
        .await
        .map_err(err)?;
    Ok(())
}

/// Providers and offers of the catalogue (invented): a holiday swimming course with
/// places kept for newly arrived children, football, open play, a language café, a
/// teacher training series. Returns the swimming club, whose demo login is `provider`.
async fn catalogue(app: &App, admin: &mittler_app::Actor) -> Result<uuid::Uuid> {
    use mittler_app::offers;
    use mittler_domain::offer::{Event, OfferInput, ScheduleInput, TextInput};
    let swim = offers::create_provider(app, admin, "Schwimmverein Rüttenscheid (Demo)")
        .await
        .map_err(err)?;
    let sport = offers::create_provider(app, admin, "Stadtsportbund (Demo)")
        .await
        .map_err(err)?;
    let school = offers::create_provider(app, admin, "Schulamt (Demo)")
        .await
        .map_err(err)?;
    // Every date counts from the clock, so the demo is as fresh on any day: the term
    // starts on the first Monday at least six weeks ahead, the summer block follows it.
    let today = app.now().to_zoned(mittler_app::local_time::zone()).date();
    let ahead = today
        .checked_add(jiff::Span::new().days(42))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let term = ahead
        .checked_add(
            jiff::Span::new().days((8 - i64::from(ahead.weekday().to_monday_one_offset())) % 7),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let day = |weeks: i64, days: i64| {
        term.checked_add(jiff::Span::new().days(weeks * 7 + days))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let text = |lang: &str, title: &str, description: &str| TextInput {
        lang: lang.into(),
        title: title.into(),
        description: description.into(),
    };
    let weekly = |weekday: &str, start: &str, end: &str| ScheduleInput {
        kind: "weekly".into(),
        weekdays: vec![weekday.into()],
        start_time: start.into(),
        end_time: end.into(),
        from: day(0, 0),
        until: day(23, 4),
        // Spring holidays: a Monday, a Wednesday and the Wednesday after.
        except: vec![day(11, 0), day(11, 2), day(12, 2)],
        ..Default::default()
    };
    let place = |name: &str, address: &str, district: &str, lat: f64, lon: f64| {
        (
            name.to_owned(),
            address.to_owned(),
            district.to_owned(),
            lat,
            lon,
        )
    };
    let offers_data: Vec<(uuid::Uuid, OfferInput, bool)> = vec![
        (
            swim,
            OfferInput {
                texts: vec![
                    text(
                        "de",
                        "Schwimmkurs in den Sommerferien",
                        "Zwei Wochen Schwimmen lernen im Hallenbad, jeden Morgen. Für Kinder von 6 bis 12 Jahren ohne Schwimmabzeichen. Badesachen mitbringen; Schwimmhilfen sind da.",
                    ),
                    text(
                        "ar",
                        "دورة سباحة في العطلة الصيفية",
                        "أسبوعان لتعلم السباحة في المسبح المغلق، كل صباح. للأطفال من 6 إلى 12 سنة. أحضروا ملابس السباحة.",
                    ),
                    text(
                        "uk",
                        "Курс плавання на літніх канікулах",
                        "Два тижні навчання плаванню в критому басейні щоранку. Для дітей 6–12 років.",
                    ),
                    text(
                        "fa",
                        "کلاس شنا در تعطیلات تابستان",
                        "دو هفته آموزش شنا در استخر سرپوشیده، هر روز صبح. برای کودکان ۶ تا ۱۲ سال.",
                    ),
                ],
                category: "swimming".into(),
                target_groups: vec!["children".into(), "newly_arrived".into()],
                age_min: Some(6),
                age_max: Some(12),
                languages: vec!["deu".into(), "ara".into(), "ukr".into()],
                schedule: ScheduleInput {
                    kind: "block".into(),
                    from: day(27, 0),
                    until: day(28, 4),
                    start_time: "09:30".into(),
                    end_time: "11:00".into(),
                    ..Default::default()
                },
                capacity: Some(16),
                registration: "lottery".into(),
                lottery_at: Some(format!("{}T12:00", day(24, 2))),
                quotas: vec![("newly_arrived".into(), 6)],
                accessibility: Some(
                    "Umkleide und Dusche barrierefrei, Hebelifter am Becken".into(),
                ),
                ..Default::default()
            },
            true,
        ),
        (
            sport,
            OfferInput {
                texts: vec![
                    text(
                        "de",
                        "Fußball für alle – offenes Training",
                        "Jeden Dienstag offenes Fußballtraining für Jugendliche. Keine Vereinsmitgliedschaft nötig, Schuhe können geliehen werden.",
                    ),
                    text(
                        "ar",
                        "كرة القدم للجميع – تدريب مفتوح",
                        "تدريب مفتوح لكرة القدم للشباب كل يوم ثلاثاء. لا حاجة لعضوية في النادي.",
                    ),
                    text(
                        "en",
                        "Football for everyone – open training",
                        "Open football training for young people every Tuesday. No club membership needed.",
                    ),
                ],
                category: "sport".into(),
                target_groups: vec!["youth".into()],
                age_min: Some(12),
                age_max: Some(18),
                languages: vec!["deu".into(), "ara".into(), "eng".into()],
                schedule: weekly("tu", "17:00", "18:30"),
                capacity: Some(30),
                registration: "none".into(),
                ..Default::default()
            },
            true,
        ),
        (
            sport,
            OfferInput {
                texts: vec![
                    text(
                        "de",
                        "Offene Bewegungszeit für Kinder",
                        "Spielen, klettern, toben in der Turnhalle – für Kinder von 3 bis 8 Jahren mit ihren Eltern. Kostenlos.",
                    ),
                    text(
                        "uk",
                        "Відкритий час руху для дітей",
                        "Ігри та рух у спортзалі для дітей 3–8 років разом із батьками. Безкоштовно.",
                    ),
                ],
                category: "play".into(),
                target_groups: vec!["children".into(), "families".into()],
                age_min: Some(3),
                age_max: Some(8),
                languages: vec!["deu".into(), "ukr".into(), "rus".into()],
                schedule: weekly("sa", "10:00", "12:00"),
                capacity: Some(25),
                registration: "first_come".into(),
                ..Default::default()
            },
            true,
        ),
        (
            school,
            OfferInput {
                texts: vec![
                    text(
                        "de",
                        "Sprachcafé für Eltern",
                        "Deutsch sprechen bei Kaffee und Tee, mit Kinderbetreuung. Für Eltern neu zugewanderter Schulkinder.",
                    ),
                    text(
                        "ar",
                        "مقهى اللغة للآباء والأمهات",
                        "ممارسة اللغة الألمانية مع القهوة والشاي، مع رعاية للأطفال.",
                    ),
                    text("ti", "ናይ ቋንቋ ካፈ ንወለዲ", "ብቡንን ሻሂን ጀርመንኛ ምዝራብ፡ ምስ ክንክን ቆልዑ።"),
                ],
                category: "language".into(),
                target_groups: vec!["adults".into(), "families".into(), "newly_arrived".into()],
                languages: vec!["deu".into(), "ara".into(), "tir".into()],
                schedule: weekly("th", "09:00", "10:30"),
                capacity: Some(20),
                registration: "first_come".into(),
                ..Default::default()
            },
            true,
        ),
        (
            school,
            OfferInput {
                texts: vec![text(
                    "de",
                    "Fortbildungsreihe: Deutsch als Zweitsprache im Fachunterricht",
                    "Vier Nachmittage für Lehrkräfte: sprachsensibler Unterricht, Seiteneinstieg, Zusammenarbeit mit Sprachmittlerinnen.",
                )],
                category: "professionals".into(),
                target_groups: vec!["professionals".into()],
                languages: vec!["deu".into()],
                schedule: ScheduleInput {
                    kind: "dates".into(),
                    dates: vec![
                        (
                            format!("{}T14:00", day(3, 2)),
                            format!("{}T17:00", day(3, 2)),
                        ),
                        (
                            format!("{}T14:00", day(5, 2)),
                            format!("{}T17:00", day(5, 2)),
                        ),
                        (
                            format!("{}T14:00", day(7, 2)),
                            format!("{}T17:00", day(7, 2)),
                        ),
                        (
                            format!("{}T14:00", day(9, 2)),
                            format!("{}T17:00", day(9, 2)),
                        ),
                    ],
                    ..Default::default()
                },
                capacity: Some(24),
                cost_cents: Some(2500),
                cost_note: Some("für alle vier Termine".into()),
                registration: "first_come".into(),
                ..Default::default()
            },
            true,
        ),
        (
            swim,
            OfferInput {
                texts: vec![text(
                    "de",
                    "Seepferdchen-Kurs im Herbst",
                    "Entwurf: Termine werden noch abgestimmt.",
                )],
                category: "swimming".into(),
                target_groups: vec!["children".into()],
                age_min: Some(5),
                age_max: Some(8),
                schedule: weekly("fr", "15:00", "16:00"),
                capacity: Some(10),
                registration: "first_come".into(),
                ..Default::default()
            },
            false,
        ),
    ];
    let places = [
        place(
            "Hallenbad Rüttenscheid",
            "Töpferstraße 1, 45130 Essen",
            "Rüttenscheid",
            51.4378,
            7.0036,
        ),
        place(
            "Sportplatz Altenessen",
            "Bäuminghausstraße 40, 45326 Essen",
            "Altenessen",
            51.4912,
            7.0107,
        ),
        place(
            "Turnhalle Katernberg",
            "Katernberger Markt 3, 45327 Essen",
            "Katernberg",
            51.4901,
            7.0462,
        ),
        place(
            "Stadtteilbibliothek Steele",
            "Grendplatz 2, 45276 Essen",
            "Steele",
            51.4497,
            7.0731,
        ),
        place(
            "Schulamt, Raum 3.12",
            "Kopstadtplatz 13, 45127 Essen",
            "Stadtmitte",
            51.4574,
            7.0118,
        ),
        place(
            "Hallenbad Rüttenscheid",
            "Töpferstraße 1, 45130 Essen",
            "Rüttenscheid",
            51.4378,
            7.0036,
        ),
    ];
    for ((provider, mut input, publish), (name, address, district, lat, lon)) in
        offers_data.into_iter().zip(places)
    {
        input.place_name = name;
        input.address = address;
        input.district = Some(district);
        input.lat = Some(lat);
        input.lon = Some(lon);
        let id = offers::create(app, admin, Some(provider), &input)
            .await
            .map_err(err)?;
        if publish {
            offers::transition(app, admin, id, Event::Publish, None)
                .await
                .map_err(err)?;
        }
    }
    Ok(swim)
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
