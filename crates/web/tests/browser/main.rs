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

mod calls;
mod catalogue;
#[path = "../http/common.rs"]
#[allow(dead_code)]
mod common;
mod journeys;
mod sso;
mod sweep;
mod two_factor;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
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
    start_driver_with(&[]).await
}

/// A browser with extra command-line switches (e.g. a fake camera and microphone).
async fn start_driver_with(extra: &[&str]) -> Option<(Driver, Client)> {
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
    let port = free_port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let mut caps = serde_json::Map::new();
    let mut args: Vec<&str> = vec![
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=de-DE",
    ];
    args.extend_from_slice(extra);
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": chromium, "args": args }),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if let Ok(c) = ClientBuilder::new(HttpConnector::new())
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
    let (base, app, t, _) = centre("127.0.0.1").await;
    (base, app, t)
}

/// A centre `essen` with one coordinator, served on loopback and reached by the browser
/// as `host` (`localhost` for passkeys, which refuse IP addresses), its public address.
async fn centre(host: &str) -> (String, App, mittler_db::testing::TestDb, uuid::Uuid) {
    let t = mittler_db::testing::sqlite().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{host}:{}", listener.local_addr().unwrap().port());
    // Fixed dates in the data, so a fixed start: the test passes on any day.
    let app = App::new(
        t.db.clone(),
        Arc::new(RunningClock::starting_at(
            "2026-11-25T09:00:00Z".parse().unwrap(),
        )),
    )
    .with_public_url(&base);
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
    let id = mittler_app::users::create_in(&app, tenant.id, &input, None)
        .await
        .unwrap();
    let state = AppState {
        app: app.clone(),
        config: Arc::new(WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));
    (base, app, t, id)
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

/// Waits (up to 30 s: a loaded machine runs three chromium at once) until the page's
/// source contains `needle`; otherwise fails naming the address and the page's text.
async fn wait_source(c: &Client, needle: &str) {
    for _ in 0..300 {
        if c.source().await.unwrap().contains(needle) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = c
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    let text = c
        .execute(
            "return document.body ? document.body.innerText : '';",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let text: String = text.chars().take(600).collect();
    panic!("the page never showed {needle}: at {url}, it says: {text}");
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
    switch_language(&c, "en").await;
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
    switch_language(&c, "ar").await;
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

/// Opens the language menu in the header and picks `code`.
async fn switch_language(c: &Client, code: &str) {
    click(c, Locator::Css("details.langs-menu > summary")).await;
    click(
        c,
        Locator::Css(&format!("form.langs button[value='{code}']")),
    )
    .await;
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
            ..Default::default()
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
    // Radio buttons keep their own size (not stretched to the form's width).
    let widest = c
        .execute(
            "return Math.max(...[...document.querySelectorAll('input[type=radio]')].map(r => r.getBoundingClientRect().width));",
            vec![],
        )
        .await
        .unwrap();
    let widest = widest.as_f64().unwrap();
    assert!(
        widest > 0.0 && widest < 40.0,
        "radio buttons {widest} px wide"
    );
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
const AXE: &str = include_str!("../vendor/axe.min.js");

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
