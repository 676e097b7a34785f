//! Pages through the real router: sign-in, CSRF, security headers, languages, forms that
//! keep what was typed, the audit log page.

use crate::common::{ANON_CSRF, PASSWORD, World, enc, worlds};
use axum::http::{HeaderMap, StatusCode};
use mittler_domain::Role;
use std::collections::BTreeSet;

fn set_cookies(h: &HeaderMap) -> Vec<String> {
    h.get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

fn session_from(h: &HeaderMap) -> Option<String> {
    set_cookies(h)
        .iter()
        .find_map(|c| {
            c.strip_prefix("mittler_session=")
                .map(|v| v.split(';').next().unwrap().to_owned())
        })
        .filter(|v| !v.is_empty())
}

#[tokio::test]
async fn sign_in_sets_a_safe_session_cookie_and_sign_out_ends_it() {
    for w in worlds().await {
        let (s, h, body) = w
            .page("GET", "/login?next=/mediators", None, ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(body.contains("name=\"next\" value=\"/mediators\""));
        assert!(
            !body.contains("Demo-Zugänge"),
            "no demo logins outside demo mode"
        );
        let _ = h;
        let email = enc(&w.a.users[&Role::Coordinator].1);
        let form = format!(
            "csrf={ANON_CSRF}&email={email}&password={}&next=%2Fmediators",
            enc(PASSWORD)
        );
        let (s, h, _) = w.page("POST", "/login", None, ANON_CSRF, Some(form)).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(h["location"], "/mediators");
        let cookie = set_cookies(&h)
            .into_iter()
            .find(|c| c.starts_with("mittler_session="))
            .unwrap();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain HTTP in tests");
        let token = session_from(&h).unwrap();
        let (s, h, body) = w
            .page("GET", "/mediators", Some(&token), ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            h["cache-control"], "no-store",
            "signed-in pages are not cached"
        );
        assert!(body.contains("Own Mediator"));

        // A wrong password keeps the typed e-mail and says nothing about which part was wrong.
        let form = format!("csrf={ANON_CSRF}&email={email}&password=nope&next=%2F");
        let (s, _, body) = w.page("POST", "/login", None, ANON_CSRF, Some(form)).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        assert!(body.contains("E-Mail-Adresse oder Passwort ist falsch."));
        assert!(body.contains(&format!("value=\"{}\"", w.a.users[&Role::Coordinator].1)));

        // Sign out: the session no longer works.
        let csrf =
            mittler_app::auth::session(&w.app, &token, mittler_db::sessions::Kind::Web, None)
                .await
                .unwrap()
                .unwrap()
                .csrf;
        let (s, _, _) = w
            .page(
                "POST",
                "/logout",
                Some(&token),
                ANON_CSRF,
                Some(format!("csrf={}", enc(&csrf))),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (s, h, _) = w
            .page("GET", "/mediators", Some(&token), ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(h["location"], "/login?next=/mediators");
        // An API token is no web session and vice versa.
        let api = w.token(Role::Coordinator).await;
        assert_eq!(
            w.page("GET", "/mediators", Some(&api), ANON_CSRF, None)
                .await
                .0,
            StatusCode::SEE_OTHER
        );
        let (web, _) = w.session(Role::Coordinator).await;
        assert_eq!(
            w.api("GET", "/api/v1/mediators", Some(&web), None).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn secure_deployments_get_host_prefixed_secure_cookies() {
    let db = mittler_db::testing::sqlite().await;
    let mut w = World::new(db).await;
    let state = mittler_web::AppState {
        app: w.app.clone(),
        config: std::sync::Arc::new(mittler_web::WebConfig {
            secure_cookies: true,
            ..Default::default()
        }),
    };
    w.router = mittler_web::router(state);
    let form = format!(
        "csrf={ANON_CSRF}&email={}&password={}&next=%2F",
        enc(&w.a.users[&Role::Admin].1),
        enc(PASSWORD)
    );
    let req = axum::http::Request::builder()
        .method("POST")
        .uri("/login")
        .header("cookie", format!("__Host-mittler_csrf={ANON_CSRF}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(form))
        .unwrap();
    let (s, h, _) = w.send(req).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let cookie = set_cookies(&h)
        .into_iter()
        .find(|c| c.starts_with("__Host-mittler_session="))
        .unwrap();
    assert!(
        cookie.contains("; Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // Under https, browsers are told to keep to it (issue 12).
    assert_eq!(
        h["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[test]
fn only_local_paths_are_followed_after_sign_in() {
    use mittler_web::pages::safe_next;
    assert_eq!(safe_next("/mediators?q=x"), "/mediators?q=x");
    for bad in [
        "//evil.example",
        "/\\evil.example",
        "/%09/evil.example",
        "/\t/evil.example",
        "https://evil.example",
        "/a\r\nSet-Cookie: x=y",
        "",
        "/%5cevil.example",
    ] {
        assert_eq!(safe_next(bad), "/", "{bad:?}");
    }
}

#[tokio::test]
async fn forms_need_the_csrf_token_and_the_same_site() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Coordinator).await;
        let form = |c: &str| format!("csrf={}&active=0", enc(c));
        let path = format!("/institutions/{}/active", w.a.inst_other);
        for bad in ["", "wrong", ANON_CSRF] {
            let (s, _, body) = w
                .page("POST", &path, Some(&token), ANON_CSRF, Some(form(bad)))
                .await;
            assert_eq!(s, StatusCode::FORBIDDEN, "token {bad:?}");
            assert!(body.contains("Das Formular ist abgelaufen"));
        }
        assert!(
            mittler_db::institutions::get(&w.app.db, w.a.id, w.a.inst_other)
                .await
                .unwrap()
                .active,
            "nothing changed"
        );
        // A post from another site is refused before anything else.
        let req = axum::http::Request::builder()
            .method("POST")
            .uri(&path)
            .header("cookie", format!("mittler_session={token}"))
            .header("host", "localhost")
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(form(&csrf)))
            .unwrap();
        assert_eq!(w.send(req).await.0, StatusCode::FORBIDDEN);
        // The right token works.
        let (s, _, _) = w
            .page("POST", &path, Some(&token), ANON_CSRF, Some(form(&csrf)))
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert!(
            !mittler_db::institutions::get(&w.app.db, w.a.id, w.a.inst_other)
                .await
                .unwrap()
                .active
        );
        // Signing in needs the anonymous token too.
        let login = format!(
            "csrf=other&email={}&password={}",
            enc(&w.a.users[&Role::Admin].1),
            enc(PASSWORD)
        );
        assert_eq!(
            w.page("POST", "/login", None, ANON_CSRF, Some(login))
                .await
                .0,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let (token, _) = w.session(Role::Admin).await;
    let pages = ["/login", "/", "/mediators", "/nowhere", "/assets/app.css"];
    for p in pages {
        let (_, h, _) = w.page("GET", p, Some(&token), ANON_CSRF, None).await;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline"),
            "{p}: {csp}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{p}");
        assert_eq!(h["referrer-policy"], "same-origin", "{p}");
        assert_eq!(h["x-frame-options"], "DENY", "{p}");
    }
    let req = axum::http::Request::builder()
        .uri("/api/v1/languages")
        .body(axum::body::Body::empty())
        .unwrap();
    let (_, h, _) = w.send(req).await;
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    // No inline script anywhere: the CSP would block it.
    let (_, _, body) = w
        .page("GET", "/mediators/new", Some(&token), ANON_CSRF, None)
        .await;
    assert!(!body.contains("<script>") && !body.contains(" onclick="));
}

#[tokio::test]
async fn the_language_switch_works_for_everyone_and_arabic_is_right_to_left() {
    for w in worlds().await {
        // Anonymous: a cookie.
        let (s, h, _) = w
            .page(
                "POST",
                "/lang",
                None,
                ANON_CSRF,
                Some(format!("csrf={ANON_CSRF}&lang=en&next=%2Flogin")),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(h["location"], "/login");
        assert!(
            set_cookies(&h)
                .iter()
                .any(|c| c.starts_with("mittler_lang=en"))
        );
        // The browser's language is used without a choice.
        let req = axum::http::Request::builder()
            .uri("/login")
            .header("accept-language", "en-GB,en;q=0.9")
            .body(axum::body::Body::empty())
            .unwrap();
        let (_, _, body) = w.send(req).await;
        assert!(body.contains("<html lang=\"en\" dir=\"ltr\">") && body.contains("Sign in"));

        // Signed in: the preference is stored with the user.
        let (token, csrf) = w.session(Role::Coordinator).await;
        let (_, _, body) = w
            .page("GET", "/mediators", Some(&token), ANON_CSRF, None)
            .await;
        assert!(
            body.contains("<html lang=\"de\" dir=\"ltr\">") && body.contains("Sprachmittler:innen")
        );
        w.page(
            "POST",
            "/lang",
            Some(&token),
            ANON_CSRF,
            Some(format!("csrf={}&lang=en&next=%2Fmediators", enc(&csrf))),
        )
        .await;
        let (_, _, body) = w
            .page("GET", "/mediators", Some(&token), ANON_CSRF, None)
            .await;
        assert!(
            body.contains("<html lang=\"en\" dir=\"ltr\">") && body.contains("<h1>Mediators</h1>"),
            "{}",
            w.backend()
        );
        let user = mittler_db::users::get(&w.app.db, w.a.id, w.a.users[&Role::Coordinator].0)
            .await
            .unwrap();
        assert_eq!(user.lang, "en");
        w.page(
            "POST",
            "/lang",
            Some(&token),
            ANON_CSRF,
            Some(format!("csrf={}&lang=ar&next=%2Fmediators", enc(&csrf))),
        )
        .await;
        let (_, _, body) = w
            .page("GET", "/mediators", Some(&token), ANON_CSRF, None)
            .await;
        assert!(body.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(body.contains("تسجيل الخروج"), "{}", w.backend());
        assert!(
            !body.contains("<h1>Mediators</h1>"),
            "the Arabic interface is complete: no English heading"
        );
        let (s, _, _) = w
            .page(
                "POST",
                "/lang",
                Some(&token),
                ANON_CSRF,
                Some(format!("csrf={}&lang=xx&next=%2F", enc(&csrf))),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        // An open redirect is not possible.
        let (_, h, _) = w
            .page(
                "POST",
                "/lang",
                Some(&token),
                ANON_CSRF,
                Some(format!(
                    "csrf={}&lang=de&next=%2F%2Fevil.example",
                    enc(&csrf)
                )),
            )
            .await;
        assert_eq!(h["location"], "/");
    }
}

/// The catalogue's menu offers the interface languages, each complete and named in
/// itself; a browser's language is honoured; a link with `lang` twice still works.
#[tokio::test]
async fn the_catalogue_speaks_every_menu_language_and_survives_odd_links() {
    for w in worlds().await {
        let base = format!("/catalogue/{}", w.a.slug);
        let (s, _, uk) = w
            .page("GET", &format!("{base}?lang=uk"), None, ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK, "[{}]", w.backend());
        assert!(uk.contains("<html lang=\"uk\" dir=\"ltr\">"), "{uk}");
        assert!(uk.contains(">Українська</a>") && uk.contains(">Türkçe</a>"));
        assert!(
            !uk.contains("lang=ti") && !uk.contains("Tigrinya"),
            "no half-made language in the menu"
        );
        assert!(!uk.contains(">Search<"), "Ukrainian, not English");
        // A Farsi browser gets Farsi, right to left.
        let req = axum::http::Request::builder()
            .uri(&base)
            .header("accept-language", "fa-IR,fa;q=0.9,en;q=0.5")
            .header("cookie", format!("mittler_csrf={ANON_CSRF}"))
            .body(axum::body::Body::empty())
            .unwrap();
        let (_, _, fa) = w.send(req).await;
        assert!(fa.contains("<html lang=\"fa\" dir=\"rtl\">"), "{fa}");
        // Two `lang` parameters (links pasted together): the first counts.
        let (s, _, twice) = w
            .page(
                "GET",
                &format!("{base}?lang=ar&lang=uk"),
                None,
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(twice.contains("<html lang=\"ar\" dir=\"rtl\">"));
        // A query that does not fit: the error page in the reader's language, as HTML.
        let (s, h, bad) = w
            .page(
                "GET",
                &format!("{base}?lang=ru&page=many"),
                None,
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
        assert!(
            bad.contains("<html lang=\"de\"") || bad.contains("<html lang=\"ru\""),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_form_with_errors_keeps_what_was_typed() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Coordinator).await;
        let form = format!(
            "csrf={}&name=Hamid+Rahimi&email=hamid-at-example&phone=&gender=m&lang_code=Dari&lang_level=native\
             &lang_code=xx1&lang_level=fluent&lang_code=Kurmanji&lang_level=&sector=medical&home_lat=51%2C45&home_lon=abc&speed_kmh=20\
             &max_work_min_per_day=300&av_day=2&av_start=10%3A00&av_end=09%3A00&abs_from=&abs_to=",
            enc(&csrf)
        );
        let (s, _, body) = w
            .page("POST", "/mediators", Some(&token), ANON_CSRF, Some(form))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("value=\"Hamid Rahimi\""), "name kept");
        assert!(
            body.contains("value=\"hamid-at-example\""),
            "e-mail kept as typed"
        );
        assert!(body.contains("value=\"51,45\""), "decimal comma kept");
        // Every field error, in German, as the coordinator reads it.
        insta::assert_snapshot!("mediator_form_errors", crate::common::field_errors(&body));
        assert!(body.contains("aria-invalid=\"true\""));
        assert!(
            body.contains("value=\"10:00\""),
            "the availability row is kept"
        );
        assert_eq!(
            mittler_db::mediators::list(&w.app.db, w.a.id)
                .await
                .unwrap()
                .len(),
            2,
            "nothing stored"
        );

        // A language typed into an empty row has no level yet: it is asked for, not
        // saved as a mother tongue.
        assert!(
            body.contains("<option value=\"\" selected>"),
            "level to choose"
        );
        // Corrected, it is stored; "Dari" and the Russian "тигринья" were resolved.
        let form = format!(
            "csrf={}&name=Hamid+Rahimi&email=hamid%40example.org&phone=&gender=m&lang_code=Dari&lang_level=native\
             &lang_code=%D1%82%D0%B8%D0%B3%D1%80%D0%B8%D0%BD%D1%8C%D1%8F&lang_level=working\
             &sector=medical&home_lat=51%2C45&home_lon=7.02&speed_kmh=20&max_work_min_per_day=300\
             &av_day=2&av_start=08%3A00&av_end=12%3A00&abs_from=&abs_to=",
            enc(&csrf)
        );
        let (s, h, _) = w
            .page("POST", "/mediators", Some(&token), ANON_CSRF, Some(form))
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let loc = h["location"].to_str().unwrap().to_owned();
        let (_, _, body) = w.page("GET", &loc, Some(&token), ANON_CSRF, None).await;
        assert!(body.contains("value=\"prs\""), "{}", w.backend());
        assert!(body.contains("value=\"tir\""), "{}", w.backend());
        let (_, _, list) = w
            .page("GET", "/mediators?q=rahimi", Some(&token), ANON_CSRF, None)
            .await;
        assert!(list.contains("Hamid Rahimi") && !list.contains("Own Mediator"));
    }
}

#[tokio::test]
async fn a_mediator_keeps_their_availability_on_their_phone_page() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Mediator).await;
        let (s, _, body) = w
            .page("GET", "/me/schedule", Some(&token), ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(body.contains("name=\"viewport\""));
        assert!(body.contains("value=\"08:00\""));
        // A whole week fits at once (seven rows), and more can be added.
        assert!(body.matches("name=\"av_day\"").count() >= 7);
        assert!(body.contains("data-add-row=\"av\""));
        let week: String = (1..=6)
            .map(|d| format!("&av_day={d}&av_start=08%3A00&av_end=12%3A00"))
            .collect();
        let (s, _, _) = w
            .page(
                "POST",
                "/me/schedule",
                Some(&token),
                ANON_CSRF,
                Some(format!("csrf={}{week}&abs_from=&abs_to=", enc(&csrf))),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let six = mittler_db::mediators::get(&w.app.db, w.a.id, w.a.med_own)
            .await
            .unwrap();
        assert_eq!(six.availability.len(), 6, "more than five slots");
        let form = format!(
            "csrf={}&av_day=1&av_start=08%3A00&av_end=16%3A00&av_day=4&av_start=12%3A00&av_end=18%3A00&abs_from=2026-12-24&abs_to=2026-12-31",
            enc(&csrf)
        );
        let (s, h, _) = w
            .page("POST", "/me/schedule", Some(&token), ANON_CSRF, Some(form))
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(h["location"], "/me/schedule?saved=1");
        let m = mittler_db::mediators::get(&w.app.db, w.a.id, w.a.med_own)
            .await
            .unwrap();
        assert_eq!(m.availability.len(), 2);
        assert_eq!(m.absences[0].from.to_string(), "2026-12-24");
        let bad = format!(
            "csrf={}&av_day=1&av_start=08%3A00&av_end=16%3A00&av_day=1&av_start=15%3A00&av_end=18%3A00&abs_from=2026-12-24&abs_to=2026-12-01",
            enc(&csrf)
        );
        let (s, _, body) = w
            .page("POST", "/me/schedule", Some(&token), ANON_CSRF, Some(bad))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Überschneidet sich") && body.contains("value=\"15:00\""));
        assert_eq!(
            mittler_db::mediators::get(&w.app.db, w.a.id, w.a.med_own)
                .await
                .unwrap()
                .availability
                .len(),
            2
        );
    }
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Institution).await;
        let (other, _) = w.session(Role::Institution).await;
        let form = |old: &str, new: &str, confirm: &str| {
            format!(
                "csrf={}&old_password={}&new_password={}&confirm_password={}",
                enc(&csrf),
                enc(old),
                enc(new),
                enc(confirm)
            )
        };
        let (s, _, body) = w
            .page(
                "POST",
                "/account/password",
                Some(&token),
                ANON_CSRF,
                Some(form(
                    "wrong",
                    "a brand new passphrase",
                    "a brand new passphrase",
                )),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        insta::assert_snapshot!("password_errors", crate::common::field_errors(&body));
        let (s, _, body) = w
            .page(
                "POST",
                "/account/password",
                Some(&token),
                ANON_CSRF,
                Some(form(PASSWORD, "short", "other")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("mindestens 12 Zeichen") && body.contains("stimmen nicht überein"));
        let (s, _, _) = w
            .page(
                "POST",
                "/account/password",
                Some(&token),
                ANON_CSRF,
                Some(form(
                    PASSWORD,
                    "a brand new passphrase",
                    "a brand new passphrase",
                )),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(
            w.page("GET", "/", Some(&token), ANON_CSRF, None).await.0,
            StatusCode::OK,
            "this session stays"
        );
        assert_eq!(
            w.page("GET", "/", Some(&other), ANON_CSRF, None).await.0,
            StatusCode::SEE_OTHER,
            "the other one ended"
        );
        let email = &w.a.users[&Role::Institution].1;
        assert!(
            mittler_app::auth::sign_in(
                &w.app,
                email,
                "a brand new passphrase",
                None,
                mittler_db::sessions::Kind::Api
            )
            .await
            .is_ok()
        );
    }
}

#[tokio::test]
async fn admins_read_the_audit_log_in_the_browser() {
    for w in worlds().await {
        let (token, _) = w.session(Role::Admin).await;
        let (s, _, body) = w.page("GET", "/audit", Some(&token), ANON_CSRF, None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(body.contains("Anmeldung") && body.contains(&w.a.users[&Role::Admin].1));
        assert!(body.contains("Angelegt"));
        assert!(!body.contains("Unknown localization key"), "{body}");
        assert!(
            !body.contains("{&quot;"),
            "details as named values, not JSON"
        );
        // Times as people read them (the world's clock: 25.11.2026, 10:00 in Essen).
        assert!(body.contains("25.11.2026 10:00:00"), "{body}");
        // Narrowed to the creation of user accounts: no sign-ins.
        let (_, _, only) = w
            .page(
                "GET",
                "/audit?action=create&object=user",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            only.contains("Angelegt") && !only.contains("data-label=\"Aktion\">Anmeldung<"),
            "{only}"
        );
        assert!(only.contains("<option value=\"create\" selected>"));
        // A day filter in German form; a wrong one is named, not a 500.
        let (s, _, none) = w
            .page("GET", "/audit?from=26.11.26", Some(&token), ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            none.contains("Keine Einträge") || none.contains(">0 "),
            "nothing after the 26th: {none}"
        );
        let (s, _, bad) = w
            .page(
                "GET",
                "/audit?from=32.13.2026",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(bad.contains("aria-invalid=\"true\"") && bad.contains("24.12.2026"));
    }
}

/// Message keys of a Fluent file.
/// The message keys of every file of a language.
fn keys(lang: &str) -> BTreeSet<String> {
    let dir = format!("{}/../../locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for l in text.lines() {
            if l.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && let Some((k, _)) = l.split_once(" =")
            {
                assert!(out.insert(k.trim().to_owned()), "{lang}: {k} twice");
            }
        }
    }
    out
}

#[test]
fn german_and_english_have_the_same_messages_and_every_used_key_exists() {
    let de = keys("de");
    let en = keys("en");
    assert_eq!(de, en, "de and en differ");
    for other in ["ar", "fa"] {
        let k = keys(other);
        assert!(
            k.is_subset(&de),
            "{other} has keys de lacks: {:?}",
            k.difference(&de).collect::<Vec<_>>()
        );
    }
    // The public catalogue is complete in Arabic and Farsi (staff pages may fall back).
    let public = std::fs::read_to_string(format!(
        "{}/../../locales/de/catalogue.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for other in ["ar", "fa"] {
        let k = keys(other);
        for key in public
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .filter(|k| k.starts_with("cat-") || k.starts_with("reg-") || k.starts_with("consent-"))
        {
            assert!(k.contains(key), "{other} lacks {key}");
        }
    }
    // Every literal key used by templates and page code.
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    let mut stack = vec![format!("{root}templates"), format!("{root}src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.to_string_lossy().into_owned());
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for part in text
                .split(".t(\"")
                .skip(1)
                .chain(text.split(".t_args(\"").skip(1))
            {
                let key: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if part[key.len()..].starts_with('"') && key.contains('-') {
                    used.insert(key);
                }
            }
        }
    }
    assert!(used.len() > 50, "{}", used.len());
    let missing: Vec<_> = used.iter().filter(|k| !de.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used but not translated: {missing:?}"
    );
    // Keys built from enums.
    for r in Role::ALL {
        assert!(de.contains(&format!("role-{}", r.as_str())));
    }
    for c in mittler_domain::institution::Category::ALL {
        assert!(de.contains(&format!("category-{}", c.as_str())));
    }
    for s in mittler_domain::mediator::Sector::ALL {
        assert!(de.contains(&format!("sector-{}", s.as_str())));
    }
    // The audit page names every action and every kind of object the code records.
    for e in mittler_domain::request::Event::ALL {
        assert!(de.contains(&format!("event-{}", e.as_str())), "{e:?}");
    }
    for a in mittler_domain::audit::AuditAction::ALL {
        assert!(de.contains(&format!("audit-{}", a.as_str())), "{a:?}");
    }
    let mut objects = BTreeSet::new();
    let mut stack = vec![format!("{root}../app/src"), format!("{root}src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.to_string_lossy().into_owned());
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for part in text.split("AuditAction::").skip(1) {
                let rest = part.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
                let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some((obj, _)) = quoted.split_once('"')
                {
                    objects.insert(obj.to_owned());
                }
            }
        }
    }
    assert!(objects.len() >= 10, "{objects:?}");
    for o in objects {
        assert!(de.contains(&format!("object-{o}")), "object-{o} missing");
    }
    for reason in [
        "required",
        "too-long",
        "too-short",
        "invalid-email",
        "out-of-range",
        "invalid-time",
        "invalid-date",
        "overlaps",
        "unknown-language",
        "taken",
    ] {
        assert!(de.contains(&format!("error-{reason}")), "{reason}");
    }
}

/// On the phone, in Arabic: the invitation says when to answer by, with weekday, and
/// "decline" asks why before anything happens; the coordinator reads the reason.
#[tokio::test]
async fn a_mediator_declines_an_invitation_only_with_a_reason() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Mediator).await;
        let (s, _, _) = w
            .page(
                "POST",
                "/lang",
                Some(&token),
                ANON_CSRF,
                Some(format!("csrf={}&lang=ar&next=%2F", enc(&csrf))),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (_, _, page) = w
            .page("GET", "/me/invitations", Some(&token), ANON_CSRF, None)
            .await;
        assert!(page.contains("الرد قبل"), "answer by, in Arabic: {page}");
        // 2026-11-30 is a Monday.
        assert!(
            page.contains("الاثنين، 30.11.2026") || page.contains("الاثنين, 30.11.2026"),
            "{page}"
        );
        assert!(page.contains("name=\"reason\" value=\"too-far\" required"));
        let inv = w.a.inv_own;
        let decline = format!("/me/invitations/{inv}/decline");
        // Without a reason nothing happens.
        let (s, h, _) = w
            .page(
                "POST",
                &decline,
                Some(&token),
                ANON_CSRF,
                Some(format!("csrf={}&note=", enc(&csrf))),
            )
            .await;
        assert_eq!(
            (s, h["location"].to_str().unwrap()),
            (StatusCode::SEE_OTHER, "/me/invitations?msg=decline-reason")
        );
        let still = mittler_db::requests::invitation(&w.app.db, w.a.id, inv)
            .await
            .unwrap();
        assert_eq!(still.status, "open", "[{}]", w.backend());
        // With one, it is declined.
        let (s, h, _) = w
            .page(
                "POST",
                &decline,
                Some(&token),
                ANON_CSRF,
                Some(format!(
                    "csrf={}&reason=too-far&note=Ohne+Auto+nicht+erreichbar",
                    enc(&csrf)
                )),
            )
            .await;
        assert_eq!(
            (s, h["location"].to_str().unwrap()),
            (StatusCode::SEE_OTHER, "/me/invitations?msg=declined")
        );
        let gone = mittler_db::requests::invitation(&w.app.db, w.a.id, inv)
            .await
            .unwrap();
        assert_eq!(gone.status, "declined");
        // The coordinator reads why, in German.
        let (ct, _) = w.session(Role::Coordinator).await;
        let (_, _, req) = w
            .page(
                "GET",
                &format!("/requests/{}", gone.request_id),
                Some(&ct),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            req.contains("Der Weg ist zu weit: Ohne Auto nicht erreichbar"),
            "{req}"
        );
        assert!(
            !req.contains(" invited"),
            "no English in the German history"
        );
    }
}

/// The coordinator's home page says what needs doing, with counts that lead to the
/// requests; the mediator's says how many invitations wait.
#[tokio::test]
async fn the_home_page_shows_what_needs_doing() {
    for w in worlds().await {
        let (token, _) = w.session(Role::Coordinator).await;
        let count = |body: &str, need: &str| -> i64 {
            let at = body
                .find(&format!("href=\"/requests?need={need}\""))
                .unwrap_or_else(|| panic!("{need} missing: {body}"));
            let rest = &body[at..];
            let n = rest.split("<strong class=\"count\">").nth(1).unwrap();
            n.split('<').next().unwrap().parse().unwrap()
        };
        let (s, _, home) = w.page("GET", "/", Some(&token), ANON_CSRF, None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(home.contains("Was ansteht"), "{home}");
        // Invitations (sent at 10:00 for 10 hours) run out today; nothing starts within 48 h.
        assert_eq!(count(&home, "expiring"), 1, "[{}]", w.backend());
        assert_eq!(count(&home, "unstaffed"), 0);
        assert_eq!(count(&home, "disputes"), 0);
        let (_, _, list) = w
            .page(
                "GET",
                "/requests?need=expiring",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(!list.contains(&format!("/requests/{}", w.a.req_other)));
        assert!(list.contains("Einladungen laufen in 24 Stunden ab"));
        // A mediator sees the invitation count.
        let (mt, _) = w.session(Role::Mediator).await;
        let (_, _, home) = w.page("GET", "/", Some(&mt), ANON_CSRF, None).await;
        assert!(
            home.contains("Eine offene Einladung – bitte antworten"),
            "{home}"
        );
        assert!(!home.contains("Was ansteht"));
        // Four days later both unstaffed requests of the 30th are due.
        w.clock.advance(jiff::SignedDuration::from_hours(4 * 24));
        let (token, _) = w.session(Role::Coordinator).await;
        let (_, _, home) = w.page("GET", "/", Some(&token), ANON_CSRF, None).await;
        assert_eq!(count(&home, "unstaffed"), 2, "[{}]", w.backend());
        let (_, _, list) = w
            .page(
                "GET",
                "/requests?need=unstaffed",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            list.contains(&format!("/requests/{}", w.a.req_other)),
            "{list}"
        );
        assert!(
            !list.contains(&format!("/requests/{}", w.a.req_own)),
            "confirmed is staffed"
        );
        // The filters are folded away until used.
        assert!(list.contains("<details>") && list.contains("<summary>Filter</summary>"));
    }
}

/// The candidates panel says why in words, gives phone numbers, says who already
/// declined (with the reason) or is still asked, and the day plan leaves out whoever
/// dropped out.
#[tokio::test]
async fn candidates_show_reasons_phones_and_who_already_said_no() {
    for w in worlds().await {
        let (mt, mcsrf) = w.session(Role::Mediator).await;
        let (s, _, _) = w
            .page(
                "POST",
                &format!("/me/invitations/{}/decline", w.a.inv_own),
                Some(&mt),
                ANON_CSRF,
                Some(format!("csrf={}&reason=no-time&note=", enc(&mcsrf))),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (ct, _) = w.session(Role::Coordinator).await;
        let inv = mittler_db::requests::invitation(&w.app.db, w.a.id, w.a.inv_own)
            .await
            .unwrap();
        let (_, _, page) = w
            .page(
                "GET",
                &format!("/requests/{}", inv.request_id),
                Some(&ct),
                ANON_CSRF,
                None,
            )
            .await;
        let panel = page.split("id=\"cand-h\"").nth(1).unwrap_or(&page);
        assert!(
            panel.contains("Min. Anfahrt") || panel.contains("Anfahrt "),
            "{panel}"
        );
        assert!(
            !panel.contains("<th scope=\"col\">Eignung</th>"),
            "no bare score"
        );
        assert!(
            panel.contains("hat abgelehnt: Ich habe zu der Zeit keine Zeit"),
            "[{}] {panel}",
            w.backend()
        );
        assert!(
            panel.contains("schon eingeladen, Antwort steht aus"),
            "{panel}"
        );
        assert!(
            !panel.contains(&format!("value=\"{}\" id=\"cand", w.a.med_other)),
            "the one still asked is not offered again"
        );
        // The own mediator drops out of the confirmed request of the 30th: the plan of
        // that day does not propose them for it.
        let med = w.actor(Role::Mediator).await;
        mittler_app::requests::drop_out(&w.app, &med, w.a.req_own, "krank")
            .await
            .unwrap();
        let coord = w.actor(Role::Coordinator).await;
        let day = jiff::civil::date(2026, 11, 30);
        let inst = mittler_app::plans::instance_for(&w.app, &coord, day)
            .await
            .unwrap();
        let a = inst
            .appointments
            .iter()
            .find(|a| a.id == w.a.req_own.to_string())
            .expect("open again, so planned");
        assert!(
            a.excluded.contains(&w.a.med_own.to_string()),
            "{:?}",
            a.excluded
        );
    }
}

/// Outside a mediator's weekly times (their own wish), the coordinator may invite
/// anyway; the mediator can accept. A hard rule (language) offers no such button.
#[tokio::test]
async fn a_near_miss_is_invited_anyway_and_may_accept() {
    for w in worlds().await {
        let coord = w.actor(Role::Coordinator).await;
        let late = mittler_app::requests::create(
            &w.app,
            &coord,
            Some(w.a.inst_own),
            &crate::common::request_input(None, "2026-11-30T17:00"),
        )
        .await
        .unwrap();
        let (ct, csrf) = w.session(Role::Coordinator).await;
        let (_, _, page) = w
            .page(
                "GET",
                &format!("/requests/{late}"),
                Some(&ct),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            page.contains("trotzdem einladen"),
            "[{}] {page}",
            w.backend()
        );
        // The first of the excluded is the own mediator or the other: both are near-misses.
        let form = format!(
            "csrf={}&mediator_id={}&anyway=1&expires_in_min=120",
            enc(&csrf),
            w.a.med_own
        );
        let (s, h, _) = w
            .page(
                "POST",
                &format!("/requests/{late}/invite"),
                Some(&ct),
                ANON_CSRF,
                Some(form),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(
            h["location"].to_str().unwrap(),
            format!("/requests/{late}?msg=invited")
        );
        // Without "anyway" the same invitation is refused with the reason.
        let plain = format!(
            "csrf={}&mediator_id={}&expires_in_min=120",
            enc(&csrf),
            w.a.med_other
        );
        let (s, _, body) = w
            .page(
                "POST",
                &format!("/requests/{late}/invite"),
                Some(&ct),
                ANON_CSRF,
                Some(plain),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{body}");
        // The mediator accepts; accepting waives the weekly times.
        let med = w.actor(Role::Mediator).await;
        let mine = mittler_app::requests::my_invitations(&w.app, &med)
            .await
            .unwrap();
        let inv = mine
            .iter()
            .find(|i| i.invitation.request_id == late)
            .expect("invited");
        let st = mittler_app::requests::accept(&w.app, &med, inv.invitation.id, true)
            .await
            .unwrap();
        assert_eq!(st, mittler_domain::request::Status::Confirmed);
    }
}

/// An institution has a contact person and a phone number; a wrong number is named and
/// kept; the mediator's invitation shows whom to call, as a link to dial.
#[tokio::test]
async fn institutions_have_a_phone_the_mediator_can_dial() {
    for w in worlds().await {
        let (ct, csrf) = w.session(Role::Coordinator).await;
        let url = format!("/institutions/{}", w.a.inst_other);
        let (_, _, form) = w.page("GET", &url, Some(&ct), ANON_CSRF, None).await;
        assert!(form.contains("name=\"phone\" type=\"tel\""), "{form}");
        let body = |phone: &str| {
            format!(
                "csrf={}&name=Klinikum+bochum&category=authority&contact=Frau+Beispiel%2C+Zimmer+12&phone={}\
                 &place_id=&place_name=Hauptsitz&place_address=Beispielweg+1%2C+45127+Essen&place_lat=51.45&place_lon=7.01",
                enc(&csrf),
                enc(phone)
            )
        };
        let (s, _, bad) = w
            .page(
                "POST",
                &url,
                Some(&ct),
                ANON_CSRF,
                Some(body("0201 12 34 xx")),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{}] {bad}",
            w.backend()
        );
        assert!(bad.contains("value=\"0201 12 34 xx\"") && bad.contains("phone-err"));
        assert!(
            bad.contains("value=\"Frau Beispiel, Zimmer 12\""),
            "the rest is kept"
        );
        let (s, _, _) = w
            .page(
                "POST",
                &url,
                Some(&ct),
                ANON_CSRF,
                Some(body("+49 201 12 34-56")),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        // The API shows them too.
        let token = w.token(Role::Coordinator).await;
        let (_, inst) = w
            .api(
                "GET",
                &format!("/api/v1/institutions/{}", w.a.inst_other),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(inst["phone"], "+49 201 12 34-56");
        assert_eq!(inst["contact"], "Frau Beispiel, Zimmer 12");
        // The open invitation (a request of that institution) offers the number to dial.
        let (mt, _) = w.session(Role::Mediator).await;
        let (_, _, inv) = w
            .page("GET", "/me/invitations", Some(&mt), ANON_CSRF, None)
            .await;
        assert!(inv.contains("href=\"tel:+49201123456\""), "{inv}");
        assert!(inv.contains("Frau Beispiel, Zimmer 12"));
    }
}

/// The phone pages install as an app: a manifest with icons, a service worker at the
/// root; signing out clears what it kept.
#[tokio::test]
async fn the_phone_pages_install_as_an_app() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let (s, h, m) = w
        .page("GET", "/manifest.webmanifest", None, ANON_CSRF, None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h["content-type"], "application/manifest+json");
    let m: serde_json::Value = serde_json::from_str(&m).unwrap();
    assert_eq!(m["start_url"], "/me/assignments");
    assert_eq!(m["display"], "standalone");
    for icon in m["icons"].as_array().unwrap() {
        let (s, h, _) = w
            .page("GET", icon["src"].as_str().unwrap(), None, ANON_CSRF, None)
            .await;
        assert_eq!(
            (s, h["content-type"].to_str().unwrap()),
            (StatusCode::OK, "image/png")
        );
    }
    let (s, h, sw) = w.page("GET", "/sw.js", None, ANON_CSRF, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        h["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(sw.contains("/me/assignments"));
    let (token, csrf) = w.session(Role::Mediator).await;
    let (_, _, page) = w
        .page("GET", "/me/assignments", Some(&token), ANON_CSRF, None)
        .await;
    assert!(page.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));
    let (s, h, _) = w
        .page(
            "POST",
            "/logout",
            Some(&token),
            ANON_CSRF,
            Some(format!("csrf={}", enc(&csrf))),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(h["clear-site-data"], "\"cache\", \"storage\"");
}

/// The client's appointment slip: for the Dari request it comes in Farsi, right to left,
/// with the German text for the desk; the date, the mediator's first name, what to bring
/// and whom to call are on it; the PDF reads back the same; nothing typed is stored; an
/// unconfirmed request has no slip yet.
#[tokio::test]
async fn the_institution_prints_an_appointment_slip_in_the_clients_language() {
    for w in worlds().await {
        let (t, _) = w.session(Role::Institution).await;
        let (_, _, show) = w
            .page(
                "GET",
                &format!("/requests/{}", w.a.req_own),
                Some(&t),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            show.contains(&format!("/requests/{}/slip", w.a.req_own)),
            "{show}"
        );
        let url = format!(
            "/requests/{}/slip?bring=Pass+und+Brief+vom+Amt",
            w.a.req_own
        );
        let (s, _, page) = w.page("GET", &url, Some(&t), ANON_CSRF, None).await;
        assert_eq!(s, StatusCode::OK, "[{}] {page}", w.backend());
        assert!(
            page.contains("<article class=\"slip\" lang=\"fa\" dir=\"rtl\">"),
            "{page}"
        );
        assert!(page.contains("نوبت شما"), "the Farsi title");
        assert!(page.contains("30.11.2026, 10:00 – 11:00"), "{page}");
        assert!(
            page.contains("<bdi>Own</bdi>"),
            "the mediator's first name only: {page}"
        );
        assert!(!page.contains("Own Mediator</bdi>"));
        assert!(page.contains("Pass und Brief vom Amt"));
        assert!(
            page.contains("openstreetmap.org/?mlat="),
            "a map of the place"
        );
        assert!(page.contains("lang=\"de\" dir=\"ltr\"") && page.contains("Ihr Termin"));
        // Another language on request; the PDF carries the same.
        let (s, h, pdf) = w
            .page(
                "GET",
                &format!("/requests/{}/slip.pdf?lang=uk&bring=Pass", w.a.req_own),
                Some(&t),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(h["content-type"], "application/pdf");
        assert!(pdf.starts_with("%PDF"));
        // Nothing of what was typed is kept.
        let row = mittler_db::requests::get(&w.app.db, w.a.id, w.a.req_own)
            .await
            .unwrap();
        assert!(!format!("{row:?}").contains("Brief vom Amt"));
        // No slip before a mediator is confirmed.
        let (ct, _) = w.session(Role::Coordinator).await;
        let (s, _, body) = w
            .page(
                "GET",
                &format!("/requests/{}/slip", w.a.req_other),
                Some(&ct),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(body.contains("erst da, wenn eine Sprachmittlung bestätigt ist"));
    }
}

/// Where the client agrees, a reminder goes out the day before in their language; the
/// address is gone afterwards; without consent or with a wrong address nothing is kept.
#[tokio::test]
async fn the_client_is_reminded_the_day_before_in_their_language_and_forgotten() {
    for w in worlds().await {
        let (t, csrf) = w.session(Role::Institution).await;
        let url = format!("/requests/{}/client-reminder", w.a.req_own);
        let (s, _, page) = w
            .page(
                "POST",
                &url,
                Some(&t),
                ANON_CSRF,
                Some(format!(
                    "csrf={}&contact=klient-at-example&lang=fa",
                    enc(&csrf)
                )),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{}] {page}",
            w.backend()
        );
        assert!(
            page.contains("value=\"klient-at-example\""),
            "typed address kept"
        );
        assert!(page.contains("Die Person ist mit der Erinnerung einverstanden."));
        assert!(
            mittler_db::requests::client_reminder(&w.app.db, w.a.id, w.a.req_own)
                .await
                .unwrap()
                .is_none()
        );
        let (s, h, _) = w
            .page(
                "POST",
                &url,
                Some(&t),
                ANON_CSRF,
                Some(format!(
                    "csrf={}&contact=klient%40example.org&lang=fa&consent=on",
                    enc(&csrf)
                )),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert!(
            h["location"]
                .to_str()
                .unwrap()
                .contains("msg=reminder-saved")
        );
        // The day before (the appointment is on the 30th at 10:00): the reminder goes out.
        w.clock
            .advance(jiff::SignedDuration::from_hours(4 * 24 + 1));
        let sent = mittler_app::requests::send_reminders(&w.app).await.unwrap();
        assert!(sent >= 1);
        let mails = mittler_db::outbox::to_address(&w.app.db, "klient@example.org")
            .await
            .unwrap();
        assert_eq!(mails.len(), 1, "[{}]", w.backend());
        assert!(
            mails[0].subject.contains("یادآوری"),
            "in Farsi: {}",
            mails[0].subject
        );
        assert!(
            mails[0].body_text.contains("30.11.2026, 10:00"),
            "{}",
            mails[0].body_text
        );
        // The address is forgotten once the reminder is out.
        assert!(
            mittler_db::requests::client_reminder(&w.app.db, w.a.id, w.a.req_own)
                .await
                .unwrap()
                .is_none()
        );
    }
}

/// Coordinates come from the address through the configured geocoder (a real HTTP server
/// on loopback answering as Nominatim does); an address it does not know asks for them.
#[tokio::test]
async fn places_get_their_coordinates_from_the_address() {
    let app = axum::Router::new().route(
        "/search",
        axum::routing::get(
            |q: axum::extract::Query<std::collections::HashMap<String, String>>| async move {
                let asked = q.get("q").cloned().unwrap_or_default();
                let body = if asked.contains("Porscheplatz") {
                    serde_json::json!([{"lat": "51.4556", "lon": "7.0116", "display_name": "Porscheplatz 1, Essen"}])
                } else if asked == "45141 Essen" {
                    // A postcode district's centre.
                    serde_json::json!([{"lat": "51.4700", "lon": "7.0300"}])
                } else {
                    serde_json::json!([])
                };
                axum::Json(body)
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/search", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    for w in worlds().await {
        let geo = mittler_app::geocode::Geocoder::new(&url).unwrap();
        let app = w.app.clone().with_geocoder(geo);
        let coord = w.actor(Role::Coordinator).await;
        let place = |address: &str| mittler_domain::institution::PlaceInput {
            id: None,
            name: "Rathaus".into(),
            address: address.into(),
            lat: None,
            lon: None,
        };
        let input = mittler_domain::institution::InstitutionInput {
            name: "Bürgeramt Mitte".into(),
            category: "authority".into(),
            places: vec![place("Porscheplatz 1, 45127 Essen")],
            ..Default::default()
        };
        let i = mittler_app::institutions::create(&app, &coord, &input)
            .await
            .unwrap();
        assert_eq!(
            (i.places[0].lat, i.places[0].lon),
            (51.4556, 7.0116),
            "[{}]",
            w.backend()
        );
        // A street the geocoder does not know: the centre of its postcode district.
        let district = mittler_domain::institution::InstitutionInput {
            places: vec![place("Neue Gasse 7, 45141 Essen")],
            ..input.clone()
        };
        let d = mittler_app::institutions::create(&app, &coord, &district)
            .await
            .unwrap();
        assert_eq!((d.places[0].lat, d.places[0].lon), (51.47, 7.03));
        let unknown = mittler_domain::institution::InstitutionInput {
            places: vec![place("Nirgendwo 99")],
            ..input.clone()
        };
        match mittler_app::institutions::create(&app, &coord, &unknown).await {
            Err(mittler_app::AppError::Invalid(e)) => {
                assert_eq!(e.get("places[0].lat"), Some("required"))
            }
            other => panic!("expected the coordinates to be asked for: {other:?}"),
        }
        // A mediator's home from the postcode: coarse coordinates, none typed.
        let mut w = w;
        w.router = mittler_web::router(mittler_web::AppState {
            app: app.clone(),
            config: std::sync::Arc::new(mittler_web::WebConfig::default()),
        });
        let (token, csrf) = w.session(Role::Coordinator).await;
        let form = format!(
            "csrf={}&name=Nadia+Beispiel&email=nadia%40example.org&phone=&gender=f&lang_code=ara&lang_level=native\
             &sector=medical&home_place=45141+Essen&home_lat=&home_lon=&speed_kmh=20&max_work_min_per_day=300\
             &av_day=1&av_start=08%3A00&av_end=12%3A00&abs_from=&abs_to=",
            enc(&csrf)
        );
        let (s, _, body) = w
            .page("POST", "/mediators", Some(&token), ANON_CSRF, Some(form))
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "[{}] {body}", w.backend());
        let all = mittler_db::mediators::list(&w.app.db, w.a.id)
            .await
            .unwrap();
        let nadia = all.iter().find(|m| m.name == "Nadia Beispiel").unwrap();
        assert_eq!((nadia.home.lat, nadia.home.lon), (51.47, 7.03));
    }
}

/// Issue 12, first hole: a NUL byte (or another control character) in any text is
/// refused with a 422 naming the field, before any query, on both databases; signed out
/// too (sign-in, the public registration, the sign-in form).
#[tokio::test]
async fn control_characters_are_refused_naming_the_field_before_any_query() {
    for w in worlds().await {
        let (s, body) = w
            .api(
                "post",
                "/api/v1/auth/token",
                None,
                Some(serde_json::json!({"email": "a\u{0000}@x.org", "password": "whatever"})),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{}] {body}",
            w.backend()
        );
        assert!(body["error"]["fields"]["email"].is_string(), "{body}");
        let (s, body) = w
            .api(
                "post",
                &format!(
                    "/api/v1/public/{}/offers/{}/registrations",
                    w.a.slug, w.a.offer_own
                ),
                None,
                Some(serde_json::json!({"name": "Mi\u{0007}na",
                    "email": "mina@example.org", "persons": 1})),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["error"]["fields"]["name"].is_string(), "{body}");
        let (s, _, page) = w
            .page(
                "POST",
                "/login",
                None,
                ANON_CSRF,
                Some(format!(
                    "csrf={ANON_CSRF}&email=a%00%40x.org&password=x&next=%2F"
                )),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
        assert!(
            page.contains("email: ") && page.contains("Steuerzeichen"),
            "{page}"
        );
        // Line breaks and tabs in a multi-line text are fine.
        let (s, _) = w
            .api(
                "post",
                "/api/v1/auth/token",
                None,
                Some(serde_json::json!({"email": "nobody@x.org", "password": "two\nlines"})),
            )
            .await;
        assert_ne!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
