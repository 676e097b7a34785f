//! 2,000 invented offers in three languages, spread over the districts of a city.

use super::*;

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

pub(super) fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{e}")
}

/// Seeds the tenant `bench` with a coordinator, providers and `n` published offers.
pub(super) async fn seed(app: &App, n: usize) -> Result<()> {
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
