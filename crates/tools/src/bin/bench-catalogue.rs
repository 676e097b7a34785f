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

/// Districts of Essen with a rough centre.
const DISTRICTS: [(&str, f64, f64); 16] = [
    ("Altendorf", 51.4590, 6.9870),
    ("Frohnhausen", 51.4480, 6.9700),
    ("Holsterhausen", 51.4430, 6.9850),
    ("Rüttenscheid", 51.4330, 7.0030),
    ("Südviertel", 51.4440, 7.0110),
    ("Nordviertel", 51.4640, 7.0140),
    ("Ostviertel", 51.4550, 7.0300),
    ("Westviertel", 51.4560, 6.9980),
    ("Huttrop", 51.4450, 7.0350),
    ("Steele", 51.4500, 7.0750),
    ("Kray", 51.4650, 7.0750),
    ("Borbeck", 51.4750, 6.9500),
    ("Altenessen", 51.4850, 7.0100),
    ("Katernberg", 51.4900, 7.0400),
    ("Werden", 51.3880, 7.0040),
    ("Kettwig", 51.3640, 6.9450),
];

const STREETS: [&str; 10] = [
    "Helenenstraße",
    "Kerckhoffstraße",
    "Gemarkenstraße",
    "Altendorfer Straße",
    "Hülsmannstraße",
    "Bochumer Landstraße",
    "Heinrich-Brauns-Straße",
    "Katernberger Straße",
    "Brückstraße",
    "Frintroper Straße",
];

const PLACES: [&str; 8] = [
    "Jugendhaus",
    "Stadtteilzentrum",
    "Familienzentrum",
    "Bürgerhaus",
    "Sporthalle",
    "Gemeindezentrum",
    "Stadtteilbibliothek",
    "Begegnungsstätte",
];

const PROVIDERS: [&str; 12] = [
    "Sport und Begegnung e. V.",
    "Internationaler Frauentreff",
    "Kinder- und Jugendhilfe Ruhr",
    "Nachbarschaftsverein",
    "Schwimmverein Delphin",
    "Sprachbrücke gGmbH",
    "Kulturwerkstatt",
    "Beratungsstelle Ankommen",
    "Lernhaus e. V.",
    "Familienbildungsstätte",
    "Fachstelle Interkulturelle Öffnung",
    "Elterncafé Netzwerk",
];

/// Title nouns per category: (German, English, Arabic).
fn nouns(c: Category) -> &'static [(&'static str, &'static str, &'static str)] {
    match c {
        Category::Sport => &[
            ("Fußballtraining", "Football practice", "تدريب كرة القدم"),
            ("Boxtraining", "Boxing practice", "تدريب الملاكمة"),
            ("Laufgruppe", "Running group", "مجموعة الجري"),
            ("Tischtennis", "Table tennis", "كرة الطاولة"),
        ],
        Category::Swimming => &[
            ("Schwimmkurs", "Swimming course", "دورة سباحة"),
            (
                "Seepferdchen-Kurs",
                "Beginners' swimming",
                "سباحة للمبتدئين",
            ),
        ],
        Category::PlayMovement => &[
            ("Spielgruppe", "Play group", "مجموعة لعب"),
            ("Bewegungsstunde", "Movement hour", "ساعة الحركة"),
        ],
        Category::Language => &[
            (
                "Deutschkurs A1",
                "German course A1",
                "دورة اللغة الألمانية A1",
            ),
            ("Sprachcafé", "Language café", "مقهى اللغة"),
            ("Lesepatenschaft", "Reading mentors", "رعاية القراءة"),
        ],
        Category::Counselling => &[
            ("Sozialberatung", "Social counselling", "استشارة اجتماعية"),
            (
                "Beratung zum Aufenthalt",
                "Residence advice",
                "استشارة الإقامة",
            ),
        ],
        Category::School => &[
            ("Hausaufgabenhilfe", "Homework help", "مساعدة في الواجبات"),
            (
                "Lernförderung Mathe",
                "Maths tutoring",
                "دروس تقوية في الرياضيات",
            ),
        ],
        Category::Culture => &[
            ("Theaterwerkstatt", "Theatre workshop", "ورشة مسرح"),
            (
                "Malen und Basteln",
                "Painting and crafts",
                "الرسم والأشغال اليدوية",
            ),
            ("Chor der Nationen", "Choir of nations", "جوقة الأمم"),
        ],
        Category::Professionals => &[
            (
                "Fortbildung Traumasensibilität",
                "Trauma-aware practice",
                "تدريب حول الصدمات",
            ),
            (
                "Fachtag Elternarbeit",
                "Working with parents",
                "يوم متخصص للعمل مع الأهل",
            ),
        ],
        Category::Meeting => &[
            ("Frauenfrühstück", "Women's breakfast", "فطور النساء"),
            ("Elterncafé", "Parents' café", "مقهى الأهل"),
            (
                "Nachbarschaftstreff",
                "Neighbourhood meeting",
                "لقاء الجيران",
            ),
        ],
    }
}

fn group_de(g: TargetGroup) -> &'static str {
    match g {
        TargetGroup::Children => "Kinder",
        TargetGroup::Youth => "Jugendliche",
        TargetGroup::Adults => "Erwachsene",
        TargetGroup::Families => "Familien",
        TargetGroup::Women => "Frauen",
        TargetGroup::Seniors => "Ältere",
        TargetGroup::Professionals => "Fachkräfte",
        TargetGroup::NewlyArrived => "Neuzugewanderte",
    }
}

const SENTENCES_DE: [&str; 10] = [
    "Wir treffen uns jede Woche in kleinen Gruppen und fangen dort an, wo alle gerade stehen.",
    "Vorkenntnisse braucht es keine, und wer nur mal schauen möchte, ist ebenso willkommen.",
    "Die Anleitung spricht Deutsch und Arabisch, bei Bedarf übersetzen Ehrenamtliche auch ins Türkische.",
    "Bitte bequeme Kleidung und etwas zu trinken mitbringen; alles Weitere stellen wir.",
    "Geschwisterkinder können während der Zeit nebenan in der Spielecke betreut werden.",
    "Der Raum ist barrierefrei erreichbar, ein Aufzug und eine barrierefreie Toilette sind vorhanden.",
    "Zum Abschluss gibt es eine kleine Feier, zu der auch Eltern und Freunde eingeladen sind.",
    "Die Teilnahme ist verbindlich; wer einmal nicht kommen kann, sagt bitte kurz Bescheid.",
    "Das Angebot wird aus Mitteln der Stadt gefördert und ist deshalb für die meisten kostenlos.",
    "Fragen beantworten wir gern vorab am Telefon oder direkt beim ersten Termin vor Ort.",
];

const SENTENCES_EN: [&str; 6] = [
    "We meet every week in small groups and start wherever everyone currently is.",
    "No previous knowledge is needed, and anyone who just wants to have a look is welcome too.",
    "Please bring comfortable clothes and something to drink; we provide everything else.",
    "The room is step-free, with a lift and an accessible toilet.",
    "Taking part is binding; if you cannot come once, please let us know.",
    "We are happy to answer questions by phone beforehand or at the first meeting.",
];

const SENTENCES_AR: [&str; 5] = [
    "نلتقي كل أسبوع في مجموعات صغيرة ونبدأ من مستوى كل مشارك.",
    "لا حاجة إلى معرفة مسبقة، ومن يريد أن يلقي نظرة فقط فهو مرحب به أيضا.",
    "يرجى إحضار ملابس مريحة وشيء للشرب، ونحن نوفر كل ما تبقى.",
    "المكان مناسب للكراسي المتحركة ويوجد مصعد ودورة مياه مجهزة.",
    "يسعدنا الرد على الأسئلة بالهاتف مسبقا أو في اللقاء الأول.",
];

/// About `len` bytes of sentences from `pool`.
fn description(rng: &mut Lcg, pool: &[&str], len: usize) -> Result<String> {
    let mut out = String::new();
    while out.len() < len {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(rng.pick(pool)?);
    }
    Ok(out)
}

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{e}")
}

/// Seeds the tenant `bench` with a coordinator, providers and `n` published offers.
async fn seed(app: &App, n: usize) -> Result<()> {
    let tenant = mittler_app::tenants::add(app, "bench", "Bench")
        .await
        .map_err(err)?;
    let input = mittler_domain::user::UserInput {
        email: "bench@example.org".into(),
        name: "Bench".into(),
        role: "coordinator".into(),
        password: "bench password 123".into(),
        ..Default::default()
    };
    // The only password hash of the run.
    let uid = mittler_app::users::create_in(app, tenant.id, &input, None)
        .await
        .map_err(err)?;
    let actor = Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, uid).await?,
        None,
    );
    let mut providers = Vec::new();
    for name in PROVIDERS {
        providers.push(
            mittler_app::offers::create_provider(app, &actor, name)
                .await
                .map_err(err)?,
        );
    }
    let mut rng = Lcg(42);
    let spoken = ["arb", "tur", "ukr", "rus", "pes", "kmr", "eng", "fra"];
    let weekdays = ["mo", "tu", "we", "th", "fr"];
    let times = [
        ("09:00", "10:30"),
        ("10:00", "12:00"),
        ("14:00", "15:30"),
        ("16:00", "17:30"),
        ("17:00", "18:30"),
        ("18:30", "20:00"),
    ];
    let ages: [(Option<i64>, Option<i64>); 6] = [
        (Some(6), Some(12)),
        (Some(3), Some(6)),
        (Some(12), Some(17)),
        (Some(16), None),
        (Some(18), None),
        (None, None),
    ];
    let t0 = Instant::now();
    for i in 0..n {
        let category = *Category::ALL
            .get(i % Category::ALL.len())
            .context("category")?;
        let (noun_de, noun_en, noun_ar) = *rng.pick(nouns(category))?;
        let mut groups = vec![*rng.pick(TargetGroup::ALL)?];
        if rng.below(3) == 0 {
            let g = *rng.pick(TargetGroup::ALL)?;
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        let first = *groups.first().context("group")?;
        let &(district, lat, lon) = rng.pick(&DISTRICTS)?;
        let mut texts = vec![TextInput {
            lang: "de".into(),
            title: format!("{noun_de} für {} in {district}", group_de(first)),
            description: description(&mut rng, &SENTENCES_DE, 380)?,
        }];
        if rng.below(3) == 0 {
            texts.push(TextInput {
                lang: "en".into(),
                title: format!("{noun_en} in {district}"),
                description: description(&mut rng, &SENTENCES_EN, 380)?,
            });
        }
        if rng.below(6) == 0 {
            texts.push(TextInput {
                lang: "ar".into(),
                title: format!("{noun_ar} في {district}"),
                description: description(&mut rng, &SENTENCES_AR, 380)?,
            });
        }
        let mut languages = vec!["deu".to_owned()];
        for _ in 0..rng.below(3) {
            let l = (*rng.pick(&spoken)?).to_owned();
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let (age_min, age_max) = *rng.pick(&ages)?;
        let (start, end) = *rng.pick(&times)?;
        let offer = OfferInput {
            texts,
            category: category.as_str().into(),
            target_groups: groups.iter().map(|g| g.as_str().to_owned()).collect(),
            age_min,
            age_max,
            languages,
            place_name: format!("{} {district}", rng.pick(&PLACES)?),
            address: format!(
                "{} {}, 451{:02} Essen",
                rng.pick(&STREETS)?,
                1 + rng.below(120),
                rng.below(60)
            ),
            district: Some(district.into()),
            lat: Some(lat + (rng.below(200) as f64 - 100.0) / 20000.0),
            lon: Some(lon + (rng.below(200) as f64 - 100.0) / 20000.0),
            accessibility: (rng.below(2) == 0).then(|| "Stufenloser Zugang, Aufzug".into()),
            schedule: ScheduleInput {
                kind: "weekly".into(),
                weekdays: vec![(*rng.pick(&weekdays)?).into()],
                start_time: start.into(),
                end_time: end.into(),
                from: "2027-01-11".into(),
                until: "2027-03-26".into(),
                ..Default::default()
            },
            cost_cents: (rng.below(10) < 3).then(|| 200 + 50 * rng.below(27) as i64),
            cost_note: None,
            capacity: Some(12 + rng.below(19) as i64),
            registration: "first_come".into(),
            lottery_at: None,
            quotas: Vec::new(),
        };
        let provider = *rng.pick(&providers)?;
        let id = mittler_app::offers::create(app, &actor, Some(provider), &offer)
            .await
            .map_err(|e| anyhow!("offer {i}: {e:?}"))?;
        mittler_app::offers::transition(app, &actor, id, Event::Publish, None)
            .await
            .map_err(err)?;
        if (i + 1) % 250 == 0 || i + 1 == n {
            println!(
                "  {} offers published, {:.1} s",
                i + 1,
                t0.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// One request on a keep-alive HTTP/1.1 connection: the status and the body's length.
/// Reads bodies with a length or chunked.
async fn get(
    conn: &mut BufReader<TcpStream>,
    path: &str,
    body: &mut Vec<u8>,
) -> Result<(u16, usize)> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("status")?;
    let mut len = 0usize;
    let mut chunked = false;
    loop {
        line.clear();
        ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
        if line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().context("content-length")?;
        } else if let Some(v) = lower.strip_prefix("transfer-encoding:") {
            chunked = v.contains("chunked");
        }
    }
    body.clear();
    if !chunked {
        body.resize(len, 0);
        conn.read_exact(body).await?;
        return Ok((status, len));
    }
    loop {
        line.clear();
        ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
        let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
            .context("chunk size")?;
        if size == 0 {
            // Trailers up to the empty line.
            loop {
                line.clear();
                ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
                if line == "\r\n" {
                    break;
                }
            }
            return Ok((status, body.len()));
        }
        let at = body.len();
        body.resize(at + size + 2, 0);
        conn.read_exact(body.get_mut(at..).context("chunk")?)
            .await?;
        body.truncate(at + size);
    }
}

async fn connect(addr: SocketAddr) -> Result<BufReader<TcpStream>> {
    let s = TcpStream::connect(addr).await?;
    s.set_nodelay(true)?;
    Ok(BufReader::with_capacity(64 * 1024, s))
}

/// What the clients saw while measuring.
#[derive(Default)]
struct Outcome {
    /// Latencies of the 200 answers.
    ok: Vec<Duration>,
    other_status: u64,
    errors: u64,
}

impl Outcome {
    fn percentile_ms(&self, p: f64) -> f64 {
        let i = ((self.ok.len() as f64 * p) as usize).min(self.ok.len().saturating_sub(1));
        self.ok.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

/// `connections` clients ask for `path` as fast as they can: one second of warm-up,
/// then `seconds` measured.
async fn load(addr: SocketAddr, path: &str, connections: usize, seconds: u64) -> Result<Outcome> {
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(1);
    let until = measure_from + Duration::from_secs(seconds);
    let path: Arc<str> = Arc::from(path);
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let path = path.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Outcome::default();
            let mut conn = connect(addr).await?;
            let mut body = Vec::new();
            loop {
                let s = Instant::now();
                if s >= until {
                    break;
                }
                let counted = s >= measure_from;
                match get(&mut conn, &path, &mut body).await {
                    Ok((200, _)) if counted => out.ok.push(s.elapsed()),
                    Ok((_, _)) if counted => out.other_status += 1,
                    Ok(_) => {}
                    Err(_) => {
                        if counted {
                            out.errors += 1;
                        }
                        conn = connect(addr).await?;
                    }
                }
            }
            Ok::<_, anyhow::Error>(out)
        }));
    }
    let mut all = Outcome::default();
    for t in tasks {
        let o = t.await??;
        all.ok.extend(o.ok);
        all.other_status += o.other_status;
        all.errors += o.errors;
    }
    all.ok.sort();
    Ok(all)
}

/// Exactly `len` bytes of HTML.
fn filler(len: usize) -> Vec<u8> {
    let head = "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Static</title></head><body>\n";
    let row = "<article class=\"card\"><h2>Angebot</h2><p>Wir treffen uns jede Woche in kleinen Gruppen.</p></article>\n";
    let mut s = String::with_capacity(len + row.len());
    s.push_str(head);
    while s.len() < len {
        s.push_str(row);
    }
    let mut b = s.into_bytes();
    b.truncate(len);
    b
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

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
