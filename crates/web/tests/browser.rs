//! A real browser (Debian's chromium through chromedriver) against a real server on
//! loopback: a coordinator signs in, creates a mediator through the form, finds it in
//! the list, switches to English, and the page fits a 360 px wide phone; a parent registers
//! two children in the Arabic public catalogue, whose pages axe-core checks (WCAG 2.1 AA).
//! Without chromium the test is skipped with a message, except under `CI=true`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use fantoccini::{Client, ClientBuilder, Locator};
use mittler_app::{App, RunningClock};
use mittler_domain::Role;
use mittler_web::{AppState, WebConfig};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

const PASSWORD: &str = "correct horse battery staple";

fn find(var: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Ok(p) = std::env::var(var) {
        return Some(PathBuf::from(p));
    }
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_driver() -> Option<(Driver, Client)> {
    let chromedriver = find(
        "CHROMEDRIVER",
        &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
    );
    let chromium = find(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    );
    let (Some(chromedriver), Some(chromium)) = (chromedriver, chromium) else {
        if mittler_db::testing::in_ci() {
            panic!(
                "CI=true but chromium or chromedriver is missing: the browser test would be skipped"
            );
        }
        eprintln!(
            "skipping the browser test: install Debian's chromium and chromium-driver (the test script does)"
        );
        return None;
    };
    // lettre brings ring, the WebDriver client aws-lc-rs: name the one to use.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = free_port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,900", "--lang=de-DE"]
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if let Ok(c) = ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            return Some((driver, c));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not answer");
}

async fn server() -> (String, App, mittler_db::testing::TestDb) {
    let t = mittler_db::testing::sqlite().await;
    // Fixed dates in the data, so a fixed start: the test passes on any day.
    let app = App::new(
        t.db.clone(),
        Arc::new(RunningClock::starting_at(
            "2026-11-25T09:00:00Z".parse().unwrap(),
        )),
    );
    let tenant = mittler_app::tenants::add(&app, "essen", "KI Essen")
        .await
        .unwrap();
    let input = mittler_domain::user::UserInput {
        email: "koordination@essen.test".into(),
        name: "Koordination".into(),
        role: Role::Coordinator.as_str().into(),
        password: PASSWORD.into(),
        ..Default::default()
    };
    mittler_app::users::create_in(&app, tenant.id, &input, None)
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState {
        app: app.clone(),
        config: Arc::new(WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));
    (format!("http://{addr}"), app, t)
}

async fn fill(c: &Client, css: &str, text: &str) {
    let e = c.find(Locator::Css(css)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(text).await.unwrap();
}

/// Clicks an element, retrying while the page is still changing under it.
async fn click(c: &Client, loc: Locator<'_>) {
    let mut last = None;
    for _ in 0..50 {
        match c.find(loc).await {
            Ok(e) => match e.click().await {
                Ok(()) => return,
                Err(err) => last = Some(err.to_string()),
            },
            Err(err) => last = Some(err.to_string()),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not click {loc:?}: {last:?}");
}

/// Waits until the address contains `part`.
async fn wait_url(c: &Client, part: &str) {
    for _ in 0..100 {
        if c.current_url().await.unwrap().as_str().contains(part) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the address never contained {part}");
}

async fn wait_source(c: &Client, needle: &str) {
    for _ in 0..100 {
        if c.source().await.unwrap().contains(needle) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page never showed {needle}");
}

async fn no_horizontal_overflow(c: &Client) -> (i64, i64) {
    let v = c
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
            vec![],
        )
        .await
        .unwrap();
    (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_creates_a_mediator_and_finds_it_in_english_on_a_phone() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (base, app, t) = server().await;

    // Sign in.
    c.goto(&format!("{base}/mediators")).await.unwrap();
    assert!(c.current_url().await.unwrap().path().ends_with("/login"));
    fill(&c, "#email", "koordination@essen.test").await;
    fill(&c, "#password", PASSWORD).await;
    click(&c, Locator::Css("form.narrow button[type=submit]")).await;
    c.wait()
        .for_element(Locator::Css("a[href='/mediators/new']"))
        .await
        .unwrap();
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/mediators"),
        "back where we wanted to go"
    );

    // Create a mediator through the form.
    click(&c, Locator::Css("a[href='/mediators/new']")).await;
    c.wait().for_element(Locator::Css("#name")).await.unwrap();
    fill(&c, "#name", "Selam Berhane").await;
    fill(&c, "#email", "selam.berhane@example.org").await;
    fill(&c, "#phone", "+49 157 5550 0777").await;
    c.find(Locator::Css("#gender"))
        .await
        .unwrap()
        .select_by_value("f")
        .await
        .unwrap();
    fill(&c, "#lc1", "tir").await;
    c.find(Locator::Css("#ll1"))
        .await
        .unwrap()
        .select_by_value("native")
        .await
        .unwrap();
    click(&c, Locator::Css("input[name=sector][value=medical]")).await;
    fill(&c, "#home_lat", "51.46").await;
    fill(&c, "#home_lon", "7.01").await;
    c.execute("document.getElementById('avs1').value='08:00';document.getElementById('ave1').value='13:00';", vec![]).await.unwrap();
    click(
        &c,
        Locator::Css("form[action='/mediators'] > button[type=submit]"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("form[action$='/active']"))
        .await
        .unwrap();
    let src = c.source().await.unwrap();
    assert!(
        src.contains("value=\"Selam Berhane\""),
        "the saved profile is shown"
    );

    // Find it in the list.
    c.goto(&format!("{base}/mediators")).await.unwrap();
    fill(&c, "#q", "tigrinya").await;
    click(&c, Locator::Css("form.search button")).await;
    // The list shows the mediator before and after the search: wait for the new address.
    wait_url(&c, "q=tigrinya").await;
    c.wait()
        .for_element(Locator::LinkText("Selam Berhane"))
        .await
        .unwrap();

    // Switch to English.
    click(&c, Locator::Css("form.langs button[value=en]")).await;
    wait_source(&c, "<h1>Mediators</h1>").await;
    let lang = c
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, "en");
    assert!(
        c.find(Locator::LinkText("Selam Berhane")).await.is_ok(),
        "the search is kept"
    );

    // A 360 px wide phone: nothing sticks out sideways, the table turns into cards.
    c.set_window_size(360, 800).await.unwrap();
    let (scroll, inner) = no_horizontal_overflow(&c).await;
    assert!(inner <= 400, "the window is phone-sized ({inner})");
    assert!(
        scroll <= inner,
        "the list page overflows: {scroll} > {inner}"
    );
    for path in ["/mediators/new", "/", "/institutions"] {
        c.goto(&format!("{base}{path}")).await.unwrap();
        let (scroll, inner) = no_horizontal_overflow(&c).await;
        assert!(scroll <= inner, "{path} overflows: {scroll} > {inner}");
    }
    // Right to left in Arabic, still fitting.
    c.goto(&format!("{base}/mediators")).await.unwrap();
    click(&c, Locator::Css("form.langs button[value=ar]")).await;
    wait_source(&c, "dir=\"rtl\"").await;
    let dir = c
        .execute("return getComputedStyle(document.body).direction;", vec![])
        .await
        .unwrap();
    assert_eq!(dir, "rtl");
    let (scroll, inner) = no_horizontal_overflow(&c).await;
    assert!(scroll <= inner, "Arabic overflows: {scroll} > {inner}");

    // The keyboard reaches the skip link first.
    c.execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap();
    let focused = c
        .execute("return document.activeElement.className;", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "skip");

    c.close().await.unwrap();
    let list = mittler_db::mediators::list(
        &app.db,
        mittler_db::tenants::by_slug(&app.db, "essen")
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].languages[0].code.as_str(), "tir");
    drop(t);
}

async fn sign_in(c: &Client, base: &str, email: &str) {
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "#email", email).await;
    fill(c, "#password", PASSWORD).await;
    click(c, Locator::Css("form.narrow button[type=submit]")).await;
    c.wait()
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .unwrap();
}

/// An institution books; the coordinator invites from the candidates panel; the mediator
/// accepts on a phone; the institution sees the confirmation; the mediator sends the time
/// sheet; the institution confirms it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_from_booking_to_confirmed_time_sheet() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let t = mittler_db::testing::sqlite().await;
    let clock = Arc::new(mittler_app::ManualClock::new(
        "2026-11-25T09:00:00Z".parse().unwrap(),
    ));
    let app = App::new(t.db.clone(), clock.clone());
    let tenant = mittler_app::tenants::add(&app, "essen", "KI Essen")
        .await
        .unwrap();
    let mk = |email: &str, role: &str| mittler_domain::user::UserInput {
        email: email.into(),
        name: email.split('@').next().unwrap().into(),
        role: role.into(),
        password: PASSWORD.into(),
        ..Default::default()
    };
    let admin_id =
        mittler_app::users::create_in(&app, tenant.id, &mk("admin@essen.test", "admin"), None)
            .await
            .unwrap();
    let admin = mittler_app::Actor::from_user(
        &mittler_db::users::get(&app.db, tenant.id, admin_id)
            .await
            .unwrap(),
        None,
    );
    let inst = mittler_app::institutions::create(
        &app,
        &admin,
        &mittler_domain::institution::InstitutionInput {
            name: "Jobcenter Mitte".into(),
            category: "authority".into(),
            places: vec![mittler_domain::institution::PlaceInput {
                id: None,
                name: "Haus A".into(),
                address: "Beispielweg 1, 45127 Essen".into(),
                lat: Some(51.455),
                lon: Some(7.011),
            }],
        },
    )
    .await
    .unwrap();
    let med = mittler_app::mediators::create(
        &app,
        &admin,
        &mittler_domain::mediator::MediatorInput {
            name: "Farida Karimi".into(),
            email: "farida@example.org".into(),
            phone: String::new(),
            gender: "f".into(),
            languages: vec![mittler_domain::mediator::SkillInput {
                code: "prs".into(),
                level: "native".into(),
            }],
            sectors: vec!["authority".into()],
            home_lat: Some(51.46),
            home_lon: Some(7.02),
            remote: true,
            speed_kmh: Some(20),
            max_work_min_per_day: Some(360),
            availability: vec![mittler_domain::mediator::WindowInput {
                weekday: 1,
                start: "08:00".into(),
                end: "16:00".into(),
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    mittler_app::users::create_in(
        &app,
        tenant.id,
        &mittler_domain::user::UserInput {
            institution_id: Some(inst.id),
            ..mk("jobcenter@essen.test", "institution")
        },
        None,
    )
    .await
    .unwrap();
    mittler_app::users::create_in(
        &app,
        tenant.id,
        &mk("koordination@essen.test", "coordinator"),
        None,
    )
    .await
    .unwrap();
    mittler_app::users::create_in(
        &app,
        tenant.id,
        &mittler_domain::user::UserInput {
            mediator_id: Some(med),
            ..mk("farida@example.org", "mediator")
        },
        None,
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(mittler_web::serve(
        listener,
        AppState {
            app: app.clone(),
            config: Arc::new(WebConfig::default()),
        },
    ));

    // 1. The institution books.
    sign_in(&c, &base, "jobcenter@essen.test").await;
    c.goto(&format!("{base}/requests/new")).await.unwrap();
    c.find(Locator::Css("#place_id"))
        .await
        .unwrap()
        .select_by_value(&inst.places[0].id.to_string())
        .await
        .unwrap();
    fill(&c, "#language", "prs").await;
    c.find(Locator::Css("#sector"))
        .await
        .unwrap()
        .select_by_value("authority")
        .await
        .unwrap();
    c.execute(
        "document.getElementById('start').value = '2026-11-30T10:00';",
        vec![],
    )
    .await
    .unwrap();
    click(
        &c,
        Locator::Css("form[action='/requests'] > button[type=submit]"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("dl.facts"))
        .await
        .unwrap();
    let request_url = c.current_url().await.unwrap().path().to_owned();
    assert!(c.source().await.unwrap().contains("status-open"));

    // 2. The coordinator invites from the candidates panel.
    sign_in(&c, &base, "koordination@essen.test").await;
    c.goto(&format!("{base}/requests")).await.unwrap();
    click(&c, Locator::Css(&format!("a[href='{request_url}']"))).await;
    c.wait()
        .for_element(Locator::Css("#invite-form"))
        .await
        .unwrap();
    click(&c, Locator::Css("#cand1")).await;
    click(&c, Locator::Css("#invite-form button[type=submit]")).await;
    wait_source(&c, "Die Einladungen sind verschickt.").await;

    // 3. The mediator accepts on a phone.
    c.set_window_size(360, 800).await.unwrap();
    sign_in(&c, &base, "farida@example.org").await;
    c.goto(&format!("{base}/me/invitations")).await.unwrap();
    let (scroll, inner) = no_horizontal_overflow(&c).await;
    assert!(
        scroll <= inner,
        "the invitation page fits the phone: {scroll} > {inner}"
    );
    assert!(c.source().await.unwrap().contains("Jobcenter Mitte"));
    click(&c, Locator::Css("input[name=no_conflict_of_interest]")).await;
    click(&c, Locator::Css("form[action$='/accept'] button")).await;
    wait_source(&c, "Angenommen.").await;

    // 4. The institution sees the confirmed mediator.
    c.set_window_size(1280, 900).await.unwrap();
    sign_in(&c, &base, "jobcenter@essen.test").await;
    c.goto(&format!("{base}{request_url}")).await.unwrap();
    let src = c.source().await.unwrap();
    assert!(src.contains("status-confirmed") && src.contains("Farida Karimi"));

    // 5. After the appointment the mediator sends the time sheet.
    clock.advance(jiff::SignedDuration::from_hours(24 * 5 + 3));
    c.set_window_size(360, 800).await.unwrap();
    sign_in(&c, &base, "farida@example.org").await;
    c.goto(&format!("{base}/me/assignments")).await.unwrap();
    click(&c, Locator::Css("form[action$='/timesheet'] button")).await;
    wait_source(&c, "Zeitnachweis gesendet.").await;

    // 6. The institution confirms it: completed.
    c.set_window_size(1280, 900).await.unwrap();
    sign_in(&c, &base, "jobcenter@essen.test").await;
    c.goto(&format!("{base}{request_url}")).await.unwrap();
    click(
        &c,
        Locator::Css("form[action$='/timesheet/confirm'] button"),
    )
    .await;
    wait_source(&c, "status-completed").await;
    c.close().await.unwrap();
    drop(t);
}

// ---------------------------------------------------------------- the public catalogue

/// axe-core (see `vendor/README.md`), injected into pages to check them against WCAG 2.1 AA.
const AXE: &str = include_str!("vendor/axe.min.js");

/// The WCAG 2.0/2.1 A and AA violations axe finds on the current page, one line each:
/// the rule and the elements that break it.
async fn axe_violations(c: &Client) -> Vec<String> {
    c.execute(AXE, vec![]).await.unwrap();
    let v = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done({
                 passes: r.passes.length,
                 violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')),
               }))
               .catch(e => done({passes: 0, violations: ['axe failed: ' + e]}));",
            vec![],
        )
        .await
        .unwrap();
    // No rule passing would mean that axe checked nothing.
    assert!(v["passes"].as_u64().unwrap() > 0, "axe ran no rule: {v}");
    serde_json::from_value(v["violations"].clone()).unwrap()
}

/// Asserts that axe finds nothing, nothing sticks out sideways and that every resource
/// the page loaded came from our own server.
async fn check_page(c: &Client, base: &str, what: &str) {
    let violations = axe_violations(c).await;
    assert!(
        violations.is_empty(),
        "axe finds WCAG violations on the {what}:\n{}",
        violations.join("\n")
    );
    let (scroll, inner) = no_horizontal_overflow(c).await;
    assert!(inner <= 400, "the window is phone-sized ({inner})");
    assert!(scroll <= inner, "the {what} overflows: {scroll} > {inner}");
    let loaded: Vec<String> = serde_json::from_value(
        c.execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    let foreign: Vec<&String> = loaded
        .iter()
        .filter(|u| !u.starts_with(&format!("{base}/")))
        .collect();
    assert!(
        foreign.is_empty(),
        "the {what} loads from elsewhere: {foreign:?}"
    );
}

/// The token of the last mail to `to` holding a `/r/{kind}/` link.
async fn token_in_mail(app: &App, to: &str, kind: &str) -> String {
    let mails = mittler_db::outbox::to_address(&app.db, to).await.unwrap();
    let needle = format!("/r/{kind}/");
    let body = &mails
        .iter()
        .rev()
        .find(|m| m.body_text.contains(&needle))
        .unwrap_or_else(|| panic!("no mail to {to} with {needle}"))
        .body_text;
    let at = body.find(&needle).unwrap() + needle.len();
    body[at..]
        .chars()
        .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '-' || *ch == '_')
        .collect()
}

/// Registers a family of one child through the app and confirms it as if by its mail.
async fn family_registers(
    app: &App,
    offer: uuid::Uuid,
    email: &str,
    lang: &str,
) -> mittler_app::offers::Confirmed {
    mittler_app::registrations::register(
        app,
        "essen",
        offer,
        &mittler_domain::registration::RegistrationInput {
            name: email.split('@').next().unwrap().into(),
            email: email.into(),
            children: vec![Some(8)],
            consents: vec!["participation".into()],
            lang: lang.into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let token = token_in_mail(app, email, "confirm").await;
    mittler_app::registrations::confirm(app, &token)
        .await
        .unwrap()
        .2
}

fn offer_input(
    texts: &[(&str, &str, &str)],
    category: &str,
    targets: &[&str],
    ages: (i64, i64),
    schedule: mittler_domain::offer::ScheduleInput,
    capacity: i64,
) -> mittler_domain::offer::OfferInput {
    mittler_domain::offer::OfferInput {
        texts: texts
            .iter()
            .map(
                |(lang, title, description)| mittler_domain::offer::TextInput {
                    lang: (*lang).into(),
                    title: (*title).into(),
                    description: (*description).into(),
                },
            )
            .collect(),
        category: category.into(),
        target_groups: targets.iter().map(|t| (*t).into()).collect(),
        age_min: Some(ages.0),
        age_max: Some(ages.1),
        languages: vec!["deu".into(), "ara".into()],
        place_name: "Hallenbad Altenessen".into(),
        address: "Altenessener Straße 100, 45326 Essen".into(),
        district: Some("Altenessen".into()),
        lat: Some(51.49),
        lon: Some(7.01),
        accessibility: Some("Stufenloser Zugang".into()),
        schedule,
        capacity: Some(capacity),
        registration: "first_come".into(),
        ..Default::default()
    }
}

/// A parent finds a swimming course in Arabic on a phone with a misspelt search, registers
/// two children, confirms by the mailed link and later cancels one child, whose seat goes
/// to the family waiting. Every public page passes axe (WCAG 2.1 AA), fits 360 px and
/// loads nothing from elsewhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_registers_two_children_for_a_swimming_course_in_arabic_on_a_phone() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (base, app, t) = server().await;
    let tenant = mittler_db::tenants::by_slug(&app.db, "essen")
        .await
        .unwrap()
        .unwrap();
    let users = mittler_db::users::list(&app.db, tenant.id).await.unwrap();
    let coordinator = mittler_app::Actor::from_user(
        users
            .iter()
            .find(|u| u.email == "koordination@essen.test")
            .unwrap(),
        None,
    );
    let provider = mittler_app::offers::create_provider(&app, &coordinator, "Schwimmverein Essen")
        .await
        .unwrap();
    let swimming = mittler_app::offers::create(
        &app,
        &coordinator,
        Some(provider),
        &offer_input(
            &[
                (
                    "de",
                    "Schwimmkurs in den Sommerferien",
                    "Zwei Wochen lang jeden Vormittag schwimmen lernen, in kleinen Gruppen.",
                ),
                (
                    "ar",
                    "دورة سباحة في العطلة الصيفية",
                    "تعلّم السباحة كل صباح لمدة أسبوعين في مجموعات صغيرة.",
                ),
            ],
            "swimming",
            &["children", "newly_arrived"],
            (6, 12),
            mittler_domain::offer::ScheduleInput {
                kind: "block".into(),
                from: "2027-07-05".into(),
                until: "2027-07-16".into(),
                start_time: "10:00".into(),
                end_time: "11:30".into(),
                ..Default::default()
            },
            3,
        ),
    )
    .await
    .unwrap();
    // A second offer, so that the search has something to leave out.
    let football = mittler_app::offers::create(
        &app,
        &coordinator,
        Some(provider),
        &offer_input(
            &[(
                "de",
                "Fußballtraining für Jugendliche",
                "Jeden Dienstag auf dem Platz.",
            )],
            "sport",
            &["youth"],
            (12, 17),
            mittler_domain::offer::ScheduleInput {
                kind: "weekly".into(),
                weekdays: vec!["tu".into()],
                from: "2027-01-12".into(),
                until: "2027-03-23".into(),
                start_time: "17:00".into(),
                end_time: "18:30".into(),
                ..Default::default()
            },
            20,
        ),
    )
    .await
    .unwrap();
    for id in [swimming, football] {
        mittler_app::offers::transition(
            &app,
            &coordinator,
            id,
            mittler_domain::offer::Event::Publish,
            None,
        )
        .await
        .unwrap();
    }
    // Another family has one of the three seats.
    assert_eq!(
        family_registers(&app, swimming, "familie.a@example.org", "de").await,
        mittler_app::offers::Confirmed::Now(mittler_domain::registration::Status::Confirmed, None)
    );

    // The list in Arabic on a phone, right to left.
    c.set_window_size(360, 740).await.unwrap();
    c.goto(&format!("{base}/catalogue/essen?lang=ar"))
        .await
        .unwrap();
    assert!(
        c.source()
            .await
            .unwrap()
            .contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the page is Arabic, right to left"
    );
    assert_eq!(
        c.execute("return getComputedStyle(document.body).direction;", vec![])
            .await
            .unwrap(),
        "rtl"
    );
    assert_eq!(c.find_all(Locator::Css("li.offer")).await.unwrap().len(), 2);
    check_page(&c, &base, "list page").await;

    // A search without the dots of the ta marbuta finds the swimming course only.
    fill(&c, "#f-q", "سباحه").await;
    click(&c, Locator::Css("form.filters .search button")).await;
    wait_url(&c, "q=").await;
    c.wait()
        .for_element(Locator::Css("li.offer"))
        .await
        .unwrap();
    let found = c.find_all(Locator::Css("li.offer h2 a")).await.unwrap();
    assert_eq!(found.len(), 1, "only the swimming course matches");
    assert_eq!(
        found[0].text().await.unwrap(),
        "دورة سباحة في العطلة الصيفية"
    );
    check_page(&c, &base, "list page with a search").await;
    click(&c, Locator::Css("li.offer h2 a")).await;
    c.wait().for_element(Locator::Css("#r-name")).await.unwrap();
    wait_url(&c, &format!("/catalogue/essen/{swimming}")).await;
    let src = c.source().await.unwrap();
    assert!(src.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        src.contains("تعلّم السباحة كل صباح"),
        "the Arabic description"
    );
    check_page(&c, &base, "detail page").await;

    // The keyboard reaches the skip link first, and it leads to the content.
    c.execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap();
    let skip = c.active_element().await.unwrap();
    assert_eq!(skip.attr("class").await.unwrap().as_deref(), Some("skip"));
    skip.send_keys("\u{E007}").await.unwrap();
    assert_eq!(
        c.execute("return location.hash;", vec![]).await.unwrap(),
        "#main"
    );

    // Without the consent the form comes back with the errors, keeping what was typed.
    fill(&c, "#r-name", "أمينة").await;
    fill(&c, "#r-email", "amina@example.org").await;
    fill(&c, "#r-children-0-age", "7").await;
    fill(&c, "#r-children-1-age", "9").await;
    click(&c, Locator::Css("section form button[type=submit]")).await;
    c.wait()
        .for_element(Locator::Css("#reg-errors"))
        .await
        .unwrap();
    assert_eq!(
        c.find(Locator::Css("#r-consents-participation"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        c.find(Locator::Css("#r-name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("أمينة")
    );
    check_page(&c, &base, "detail page with errors").await;

    // Registered: check the mail.
    click(&c, Locator::Css("#r-consents-participation")).await;
    click(&c, Locator::Css("section form button[type=submit]")).await;
    wait_source(&c, "يرجى تأكيد تسجيلك").await;
    assert!(c.source().await.unwrap().contains("amina@example.org"));
    check_page(&c, &base, "check-your-mail page").await;
    // axe sees a violation when there is one: a field without a label.
    c.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"canary\">');",
        vec![],
    )
    .await
    .unwrap();
    let canary = axe_violations(&c).await;
    assert!(
        canary
            .iter()
            .any(|v| v.starts_with("label: ") && v.contains("#canary")),
        "axe missed an unlabelled field: {canary:?}"
    );
    c.execute("document.getElementById('canary').remove();", vec![])
        .await
        .unwrap();
    let mails = mittler_db::outbox::to_address(&app.db, "amina@example.org")
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(
        mails[0].subject, "يرجى التأكيد: دورة سباحة في العطلة الصيفية",
        "the mail is in Arabic"
    );

    // The mailed link, then the button: both children have seats.
    let confirm = token_in_mail(&app, "amina@example.org", "confirm").await;
    let cancel = token_in_mail(&app, "amina@example.org", "cancel").await;
    assert_eq!(confirm, cancel, "one token for both links");
    c.goto(&format!("{base}/r/confirm/{confirm}"))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("form[action^='/r/confirm/'] button"))
        .await
        .unwrap();
    check_page(&c, &base, "confirmation page").await;
    click(&c, Locator::Css("form[action^='/r/confirm/'] button")).await;
    c.wait().for_element(Locator::Css("#notice")).await.unwrap();
    assert_eq!(
        c.find(Locator::Css("#notice"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "شكرًا! تم تأكيد تسجيلك ولديك مكان."
    );
    assert_eq!(
        c.find(Locator::Css("#reg-status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "لديك مكان"
    );
    check_page(&c, &base, "confirmed page").await;

    // The course is full: the next family waits.
    assert_eq!(
        family_registers(&app, swimming, "familie.b@example.org", "en").await,
        mittler_app::offers::Confirmed::Now(
            mittler_domain::registration::Status::Waitlisted,
            Some(1)
        )
    );

    // One child cannot come after all.
    c.goto(&format!("{base}/r/cancel/{cancel}")).await.unwrap();
    c.wait()
        .for_element(Locator::Css("ul.plain li:first-child button.danger"))
        .await
        .unwrap();
    check_page(&c, &base, "cancellation page").await;
    click(&c, Locator::Css("ul.plain li:first-child button.danger")).await;
    c.wait().for_element(Locator::Css("#notice")).await.unwrap();
    assert_eq!(
        c.find(Locator::Css("#notice"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "تم إلغاء تسجيل الطفل؛ ويحتفظ الآخرون بأماكنهم."
    );
    check_page(&c, &base, "cancellation page after a child").await;
    c.close().await.unwrap();

    // The parent keeps one seat (the nine-year-old); the waiting family moved up and was
    // told in English.
    let regs = mittler_db::offers::registrations(&app.db, tenant.id, swimming)
        .await
        .unwrap();
    let reg = |email: &str| regs.iter().find(|r| r.email == email).unwrap();
    let confirmed = mittler_domain::registration::Status::Confirmed;
    assert_eq!(reg("amina@example.org").status, confirmed);
    assert_eq!(reg("amina@example.org").persons, 1);
    assert_eq!(reg("amina@example.org").children, vec![9]);
    assert_eq!(reg("amina@example.org").lang, "ar");
    assert_eq!(reg("familie.b@example.org").status, confirmed);
    assert_eq!(reg("familie.a@example.org").status, confirmed);
    let to_b = mittler_db::outbox::to_address(&app.db, "familie.b@example.org")
        .await
        .unwrap();
    assert_eq!(
        to_b.last().unwrap().subject,
        "A place is free: Schwimmkurs in den Sommerferien"
    );
    drop(t);
}
