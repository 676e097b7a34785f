//! Single sign-on against a real OpenID Connect provider (`oidc-provider` from npm, in
//! `tests/oidc`), started by the test: a coordinator signs in with the city's account; an
//! unknown or unverified address, another browser and a replayed answer are refused.

use crate::common::World;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use mittler_domain::Role;
use std::collections::BTreeMap;

/// Signs in at the provider as `login` with plain HTTP, from the authorization address
/// to the answer for our callback (what a browser would do).
async fn at_provider(auth_url: &str, login: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut jar: BTreeMap<String, String> = BTreeMap::new();
    let mut url = reqwest::Url::parse(auth_url).unwrap();
    let mut form: Option<Vec<(&str, &str)>> = None;
    for _ in 0..6 {
        let cookie = jar
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let req = match form.take() {
            Some(f) => http.post(url.clone()).form(&f),
            None => http.get(url.clone()),
        };
        let resp = req.header(header::COOKIE, cookie).send().await.unwrap();
        for sc in resp.headers().get_all(header::SET_COOKIE) {
            let pair = sc.to_str().unwrap().split(';').next().unwrap();
            if let Some((k, v)) = pair.split_once('=') {
                jar.insert(k.trim().into(), v.trim().into());
            }
        }
        let loc = resp
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        let Some(loc) = loc else {
            panic!("no redirect from {url}: {}", resp.status())
        };
        let next = url.join(&loc).unwrap();
        if next.path() == mittler_app::sso::CALLBACK_PATH {
            return next.to_string();
        }
        if next.path().starts_with("/interaction/") && !next.path().ends_with("/login") {
            url = reqwest::Url::parse(&format!("{next}/login")).unwrap();
            form = Some(vec![("login", login)]);
        } else {
            url = next;
        }
    }
    panic!("the provider never answered for our callback");
}

async fn get(w: &World, path: &str, cookie: &str) -> (StatusCode, axum::http::HeaderMap) {
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookie)
        .header(header::HOST, "localhost")
        .body(Body::empty())
        .unwrap();
    let (s, h, _) = w.send(req).await;
    (s, h)
}

fn cookie_of(h: &axum::http::HeaderMap, name: &str) -> Option<String> {
    h.get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

#[tokio::test]
async fn a_coordinator_signs_in_with_the_citys_account() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let redirect = format!("{}{}", w.app.public_url, mittler_app::sso::CALLBACK_PATH);
    let accounts = serde_json::json!({
        "k1": { "email": w.a.users[&Role::Coordinator].1, "email_verified": true },
        "stranger": { "email": "stranger@essen.test", "email_verified": true },
        "unverified": { "email": w.a.users[&Role::Admin].1, "email_verified": false },
    });
    let Some((_idp, issuer)) = crate::common::oidc_provider(
        "mittler-essen",
        "essen-secret-for-tests",
        &redirect,
        &accounts,
    )
    .await
    else {
        return;
    };
    let admin = w.actor(Role::Admin).await;
    // A trailing slash is refused; then the centre's provider is set.
    assert!(
        mittler_app::sso::set(
            &w.app,
            &admin,
            &format!("{}/", issuer),
            "mittler-essen",
            "x"
        )
        .await
        .is_err()
    );
    mittler_app::sso::set(
        &w.app,
        &admin,
        &issuer,
        "mittler-essen",
        "essen-secret-for-tests",
    )
    .await
    .unwrap();
    let (_, h, page) = w.page("GET", "/login", None, "", None).await;
    assert!(h.get("content-type").is_some());
    assert!(
        page.contains("/login/sso") && page.contains("KI essen"),
        "the centre is offered"
    );

    let sign_in = async |login: &str| {
        let (s, h) = get(&w, "/login/sso?tenant=essen&next=%2Frequests", "").await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let to_provider = h["location"].to_str().unwrap().to_owned();
        assert!(
            to_provider.starts_with(&issuer) && to_provider.contains("code_challenge="),
            "PKCE: {to_provider}"
        );
        let flow = cookie_of(&h, "mittler_sso").unwrap();
        let back = at_provider(&to_provider, login).await;
        let path = back.trim_start_matches(&w.app.public_url).to_owned();
        (flow, path)
    };

    let (flow, path) = sign_in("k1").await;
    // Another browser cannot use the answer.
    let (s, h) = get(&w, &path, "mittler_sso=someone-else").await;
    assert_eq!(
        (s, h["location"].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/login?sso=failed")
    );
    let (flow2, path) = sign_in("k1").await;
    assert_ne!(flow, flow2);
    let (s, h) = get(&w, &path, &format!("mittler_sso={flow2}")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(h["location"], "/requests");
    let session = cookie_of(&h, "mittler_session").expect("a session");
    let (s, _, page) = w.page("GET", "/requests", Some(&session), "", None).await;
    assert_eq!(s, StatusCode::OK, "signed in as the coordinator");
    assert!(page.contains("coordinator essen"), "the coordinator's name");
    // The answer is good once.
    let (_, h) = get(&w, &path, &format!("mittler_sso={flow2}")).await;
    assert_eq!(h["location"], "/login?sso=failed");

    // Nobody is created by a login; an unverified address is not believed.
    let (flow, path) = sign_in("stranger").await;
    let (_, h) = get(&w, &path, &format!("mittler_sso={flow}")).await;
    assert_eq!(h["location"], "/login?sso=no-account");
    let (flow, path) = sign_in("unverified").await;
    let (_, h) = get(&w, &path, &format!("mittler_sso={flow}")).await;
    assert_eq!(h["location"], "/login?sso=failed");
    let rows = mittler_db::audit::failed_sign_ins(&w.app.db, 10)
        .await
        .unwrap();
    assert!(rows.iter().any(|r| r.detail.contains("sso-no-account")));
}
