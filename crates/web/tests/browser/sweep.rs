//! Every page of every role, in every interface language, on a 360 px phone: axe-core
//! finds no WCAG 2.1 AA violation and nothing sticks out sideways. The pages are found
//! by following the links of the navigation and of each page (one page per kind:
//! `/requests/{id}` once), so a new page is checked without being listed here.
//! With `MITTLER_SCREENSHOTS=DIR`, each role's home page is saved there as PNG, and in
//! German and Arabic every page whose path starts with one of the comma-separated
//! prefixes of `MITTLER_SCREENSHOT_PAGES` (e.g. `/privacy,/settings`).

use super::*;
use std::collections::{BTreeSet, HashSet, VecDeque};

use super::common;

/// A path with ids replaced, so that one page of each kind is checked.
fn kind_of(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if uuid::Uuid::parse_str(part).is_ok() {
                "{id}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a link leads to a page worth checking (not a download, feed or action).
fn is_page(path: &str) -> bool {
    !path.is_empty()
        && path.starts_with('/')
        && !path.starts_with("/api/")
        && !path.starts_with("/calendar/")
        && !path.starts_with("/assets/")
        && !path.starts_with("/catalogue/")
        && !path.contains("/events")
        && !path.contains("/export")
        && ![
            ".pdf",
            ".csv",
            ".xml",
            ".ics",
            ".json",
            ".zip",
            ".webmanifest",
            ".js",
        ]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// The same-origin links of the current page, as paths with their query.
async fn links(c: &Client, base: &str) -> Vec<String> {
    let v = c
        .execute(
            "return Array.from(document.querySelectorAll('nav.main a[href], main a[href]')).map(a => a.href);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value::<Vec<String>>(v)
        .unwrap()
        .into_iter()
        .filter_map(|h| {
            h.strip_prefix(base)
                .map(|p| p.split('#').next().unwrap_or("").to_owned())
        })
        .filter(|p| is_page(p.split('?').next().unwrap_or("")))
        .collect()
}

/// Every kind of page a role reaches from its home page, at most `limit`.
async fn crawl(c: &Client, base: &str, limit: usize) -> Vec<String> {
    let mut seen_kinds = HashSet::new();
    let mut pages = Vec::new();
    let mut queue = VecDeque::from([String::from("/")]);
    while let Some(path) = queue.pop_front() {
        let kind = kind_of(path.split('?').next().unwrap_or(""));
        if !seen_kinds.insert(kind) || pages.len() >= limit {
            continue;
        }
        c.goto(&format!("{base}{path}")).await.unwrap();
        if c.current_url().await.unwrap().path().ends_with("/login") {
            continue;
        }
        pages.push(path.clone());
        for l in links(c, base).await {
            queue.push_back(l);
        }
    }
    pages
}

/// Switches the interface language through the header's menu. Under the whole suite's
/// load a switch has once landed on an error page (the message is printed); it is tried
/// again from the home page before the sweep gives up.
async fn set_language(c: &Client, base: &str, code: &str) {
    for attempt in 0..3 {
        switch_language(c, code).await;
        if c.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(&format!("html[lang='{code}']")))
            .await
            .is_ok()
        {
            return;
        }
        let url = c.current_url().await.unwrap();
        let main = c
            .execute(
                "const m = document.querySelector('main'); return m ? m.innerText : document.body.innerText;",
                vec![],
            )
            .await
            .unwrap();
        eprintln!("switching to {code} (attempt {attempt}) ended at {url}: {main}");
        c.goto(&format!("{base}/")).await.unwrap();
    }
    panic!("no {code} after three switches");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_every_language_passes_axe_on_a_phone() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let w = common::World::new(mittler_db::testing::sqlite_on_disk().await).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState {
        app: w.app.clone(),
        config: Arc::new(WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve(listener, state));
    // Interpreting now: the mediator on call; an ended call, a missed one and one
    // nobody was on call for, so that each kind of call page is checked.
    let med = w.actor(Role::Mediator).await;
    let inst = w.actor(Role::Institution).await;
    mittler_app::calls::go_on_call(&w.app, &med, "20:00")
        .await
        .unwrap();
    let call = |language: &str| mittler_domain::call::CallInput {
        mode: "phone".into(),
        language: language.into(),
        sector: "medical".into(),
        client_ref: Some("K-2026-0042".into()),
        ..Default::default()
    };
    let ended = mittler_app::calls::create(&w.app, &inst, None, &call("prs"))
        .await
        .unwrap();
    mittler_app::calls::accept(&w.app, &med, ended.row.id)
        .await
        .unwrap();
    w.clock.advance(jiff::SignedDuration::from_secs(420));
    mittler_app::calls::end(&w.app, &inst, ended.row.id)
        .await
        .unwrap();
    let missed = mittler_app::calls::create(&w.app, &inst, None, &call("prs"))
        .await
        .unwrap();
    w.clock.advance(jiff::SignedDuration::from_secs(180));
    mittler_app::calls::sweep(&w.app).await.unwrap();
    let _ = mittler_app::calls::create(&w.app, &inst, None, &call("tir")).await;
    // An on-site request nobody can come to: its page offers video instead.
    let place = mittler_app::institutions::get(&w.app, &inst, w.a.inst_own)
        .await
        .unwrap()
        .places[0]
        .id;
    let mut far = common::request_input(Some(place), "2026-12-01T10:00");
    far.sector = "medical".into();
    let fallback = mittler_app::requests::create(&w.app, &inst, None, &far)
        .await
        .unwrap();
    c.set_window_size(360, 780).await.unwrap();
    let shots = std::env::var("MITTLER_SCREENSHOTS").ok().map(PathBuf::from);
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut kinds = BTreeSet::new();
    // The installation's operator, beside the roles of a centre.
    let installation = mittler_app::tenants::installation(&w.app).await.unwrap();
    let superadmin = mittler_domain::user::UserInput {
        email: "superadmin@land.test".into(),
        name: "Betrieb".into(),
        role: "superadmin".into(),
        password: common::PASSWORD.into(),
        ..Default::default()
    };
    mittler_app::users::create_in(&w.app, installation.id, &superadmin, None)
        .await
        .unwrap();
    let accounts = common::ROLES
        .iter()
        .map(|r| (*r, w.a.users[r].1.clone()))
        .chain([(Role::Superadmin, superadmin.email.clone())]);
    for (role, email) in accounts {
        sign_in(&c, &base, &email).await;
        let mut pages = crawl(&c, &base, 40).await;
        if role == Role::Institution {
            // Each kind of call page (the crawl checks one page per kind).
            pages.push(format!("/call/{}", ended.row.id));
            pages.push(format!("/call/{}", missed.row.id));
            pages.push(format!("/requests/{fallback}"));
        }
        if role == Role::Admin {
            // A person's data as the data-protection page shows it (reached by a form).
            pages.push(format!("/privacy?kind=mediator&value={}", w.a.med_own));
        }
        assert!(
            pages.len() >= 3 || role.installation_wide(),
            "{role:?} reaches {pages:?}"
        );
        for lang in ["de", "en", "ar", "fa", "uk", "ru", "tr"] {
            c.goto(&format!("{base}/")).await.unwrap();
            set_language(&c, &base, lang).await;
            if let Some(dir) = &shots
                && matches!(lang, "de" | "ar")
            {
                std::fs::create_dir_all(dir).unwrap();
                let png = c.screenshot().await.unwrap();
                std::fs::write(dir.join(format!("{}-{lang}.png", role.as_str())), png).unwrap();
            }
            for page in &pages {
                c.goto(&format!("{base}{page}")).await.unwrap();
                let html_lang = c
                    .execute("return document.documentElement.lang;", vec![])
                    .await
                    .unwrap();
                if html_lang != lang {
                    problems.push(format!("{lang} {page}: page is in {html_lang}"));
                }
                let violations = axe_violations(&c).await;
                if !violations.is_empty() {
                    problems.push(format!("{lang} {page}: {}", violations.join("; ")));
                }
                if let Some(dir) = &shots
                    && matches!(lang, "de" | "ar")
                    && std::env::var("MITTLER_SCREENSHOT_PAGES")
                        .is_ok_and(|p| p.split(',').any(|x| !x.is_empty() && page.starts_with(x)))
                {
                    let name: String = page
                        .chars()
                        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
                        .take(60)
                        .collect();
                    // The whole page, as tall as a long phone screen scrolled through.
                    c.set_window_size(360, 2600).await.unwrap();
                    let png = c.screenshot().await.unwrap();
                    c.set_window_size(360, 780).await.unwrap();
                    std::fs::write(dir.join(format!("{}-{lang}{name}.png", role.as_str())), png)
                        .unwrap();
                }
                let (scroll, inner) = no_horizontal_overflow(&c).await;
                if scroll > inner {
                    problems.push(format!("{lang} {page}: overflows {scroll} > {inner}"));
                }
                let unknown = c
                    .source()
                    .await
                    .unwrap()
                    .contains("Unknown localization key");
                if unknown {
                    problems.push(format!("{lang} {page}: unknown localization key"));
                }
                kinds.insert(format!("{:?} {page}", role));
                checked += 1;
            }
        }
        c.goto(&format!("{base}/")).await.unwrap();
        set_language(&c, &base, "de").await;
    }
    eprintln!(
        "checked {checked} page views ({} pages): {kinds:?}",
        kinds.len()
    );
    assert!(checked >= 7 * 30, "only {checked} page views");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    c.close().await.unwrap();
}
