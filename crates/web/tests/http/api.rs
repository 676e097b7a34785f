//! The JSON API end to end: what each role sees, and every error status.

use crate::common::{PASSWORD, World, worlds};
use axum::http::StatusCode;
use jiff::SignedDuration;
use mittler_domain::Role;
use serde_json::{Value, json};

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn admin_builds_the_pool_and_each_role_sees_its_part() {
    for w in worlds().await {
        let admin = w.token(Role::Admin).await;
        let (s, inst) = w
            .api("POST", "/api/v1/institutions", Some(&admin), Some(json!({
                "name": "Grundschule Beispiel", "category": "school",
                "places": [{ "name": "Hauptgebäude", "address": "Schulstraße 5, 45127 Essen", "lat": 51.455, "lon": 7.012 }]
            })))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{inst}");
        let inst_id = inst["id"].as_str().unwrap().to_owned();
        assert!(inst["places"][0]["id"].is_string());

        let (s, med) = w
            .api("POST", "/api/v1/mediators", Some(&admin), Some(json!({
                "name": "Mariam Test", "email": "mariam@example.org", "phone": "+49 157 5550 0999", "gender": "f",
                "languages": [{ "code": "pus", "level": "native" }, { "code": "prs", "level": "fluent" }],
                "sectors": ["school", "social"], "home": { "lat": 51.4612, "lon": 7.0234 }, "remote": true,
                "speed_kmh": 18, "max_work_min_per_day": 300,
                "availability": [{ "weekday": 1, "start": "08:00", "end": "12:00" }, { "weekday": 3, "start": "13:00", "end": "17:30" }]
            })))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{med}");
        let med_id = med["id"].as_str().unwrap().to_owned();
        let (_, m) = w
            .api(
                "GET",
                &format!("/api/v1/mediators/{med_id}"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(
            m["home"],
            json!({ "lat": 51.46, "lon": 7.02 }),
            "the home is kept coarse"
        );
        assert_eq!(
            m["availability"][1],
            json!({ "weekday": 3, "start": "13:00", "end": "17:30" })
        );

        // Users for the new institution and mediator; they sign in and see only their own.
        for (role, link, email) in [
            (
                "institution",
                ("institution_id", &inst_id),
                "schule@example.org",
            ),
            ("mediator", ("mediator_id", &med_id), "mariam@example.org"),
        ] {
            let (s, u) = w
                .api("POST", "/api/v1/users", Some(&admin), Some(json!({
                    "email": email, "name": "Neu", "role": role, "password": "a long enough password", link.0: link.1
                })))
                .await;
            assert_eq!(s, StatusCode::CREATED, "{u}");
        }
        let sign_in = async |email: &str| {
            let (s, t) = w
                .api(
                    "POST",
                    "/api/v1/auth/token",
                    None,
                    Some(json!({ "email": email, "password": "a long enough password" })),
                )
                .await;
            assert_eq!(s, StatusCode::OK, "{t}");
            assert_eq!(t["tenant"], "essen");
            t["token"].as_str().unwrap().to_owned()
        };
        let school = sign_in("schule@example.org").await;
        let (_, list) = w
            .api("GET", "/api/v1/institutions", Some(&school), None)
            .await;
        assert_eq!(
            ids(&list),
            vec![inst_id.clone()],
            "[{}] an institution user sees only their institution",
            w.backend()
        );
        let mariam = sign_in("mariam@example.org").await;
        // The pool is for those who run it; a mediator reads their own profile by its id.
        let (s, _) = w.api("GET", "/api/v1/mediators", Some(&mariam), None).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, own) = w
            .api(
                "GET",
                &format!("/api/v1/mediators/{med_id}"),
                Some(&mariam),
                None,
            )
            .await;
        assert_eq!(
            (s, own["id"].as_str()),
            (StatusCode::OK, Some(med_id.as_str()))
        );
        // The mediator keeps their own availability, but may not change their languages.
        let (s, m) = w
            .api(
                "PATCH",
                &format!("/api/v1/mediators/{med_id}"),
                Some(&mariam),
                Some(json!({
                "absences": [{ "from": "2026-12-21", "to": "2027-01-03" }] })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{m}");
        assert_eq!(m["absences"][0]["to"], "2027-01-03");
        assert_eq!(
            m["availability"].as_array().unwrap().len(),
            2,
            "availability untouched"
        );
        let (s, _) = w
            .api(
                "PATCH",
                &format!("/api/v1/mediators/{med_id}"),
                Some(&mariam),
                Some(json!({ "languages": [] })),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);

        // Coordinators see everything of their tenant, nothing of another.
        let coord = w.token(Role::Coordinator).await;
        let (_, list) = w
            .api("GET", "/api/v1/mediators?q=paschtu", Some(&coord), None)
            .await;
        assert_eq!(
            ids(&list),
            vec![med_id.clone()],
            "search by the German language name"
        );
        let (_, list) = w
            .api("GET", "/api/v1/mediators?q=pus", Some(&coord), None)
            .await;
        assert_eq!(ids(&list), vec![med_id.clone()], "search by the code");
        let (_, list) = w
            .api("GET", "/api/v1/institutions", Some(&coord), None)
            .await;
        assert!(ids(&list).contains(&inst_id));
        assert!(!ids(&list).contains(&w.b.inst_own.to_string()));

        // Deactivation hides from lists unless asked for.
        let (s, _) = w
            .api(
                "PATCH",
                &format!("/api/v1/institutions/{inst_id}"),
                Some(&coord),
                Some(json!({ "active": false })),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, list) = w
            .api("GET", "/api/v1/institutions", Some(&coord), None)
            .await;
        assert!(!ids(&list).contains(&inst_id));
        let (_, list) = w
            .api(
                "GET",
                "/api/v1/institutions?inactive=true",
                Some(&coord),
                None,
            )
            .await;
        assert!(ids(&list).contains(&inst_id));
    }
}

#[tokio::test]
async fn every_error_status_has_the_documented_shape() {
    for w in worlds().await {
        let coord = w.token(Role::Coordinator).await;
        // 400: not JSON, wrong content type.
        let req = axum::http::Request::builder()
            .method("POST")
            .uri("/api/v1/institutions")
            .header("authorization", format!("Bearer {coord}"))
            .header("content-type", "application/json")
            .body(axum::body::Body::from("{\"name\": "))
            .unwrap();
        let (s, _, body) = w.send(req).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["error"]["code"], "malformed");
        let req = axum::http::Request::builder()
            .method("POST")
            .uri("/api/v1/institutions")
            .header("authorization", format!("Bearer {coord}"))
            .body(axum::body::Body::from("name=x"))
            .unwrap();
        assert_eq!(w.send(req).await.0, StatusCode::BAD_REQUEST);
        // An array is no object, even where every field may be left out.
        let (s, v) = w
            .api(
                "PATCH",
                &format!("/api/v1/institutions/{}", w.a.inst_own),
                Some(&coord),
                Some(json!([null, null])),
            )
            .await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("malformed"))
        );

        // The framework's own errors come in the same shape.
        let (s, v) = w
            .api("DELETE", "/api/v1/institutions", Some(&coord), None)
            .await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed"))
        );
        let big = json!({ "name": "x".repeat(300_000) });
        let (s, v) = w
            .api("POST", "/api/v1/institutions", Some(&coord), Some(big))
            .await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::PAYLOAD_TOO_LARGE, Some("too_large")),
            "{v}"
        );

        // 401: no token, a wrong token; with WWW-Authenticate.
        let (s, v) = w.api("GET", "/api/v1/mediators", None, None).await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("unauthorized"))
        );
        let (s, _) = w
            .api("GET", "/api/v1/mediators", Some("forged"), None)
            .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);

        // 403 and 404.
        let inst = w.token(Role::Institution).await;
        let (s, v) = w
            .api("POST", "/api/v1/mediators", Some(&inst), Some(json!({})))
            .await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("forbidden"))
        );
        for path in [
            format!("/api/v1/mediators/{}", w.b.med_own),
            "/api/v1/mediators/not-a-uuid".into(),
            "/api/v1/nothing".into(),
        ] {
            let (s, v) = w.api("GET", &path, Some(&coord), None).await;
            assert_eq!(
                (s, v["error"]["code"].as_str()),
                (StatusCode::NOT_FOUND, Some("not_found")),
                "{path}"
            );
        }

        // 409: an e-mail already in use in the centre, named.
        let admin = w.token(Role::Admin).await;
        let (s, v) = w
            .api("POST", "/api/v1/users", Some(&admin), Some(json!({
                "email": w.a.users[&Role::Coordinator].1, "name": "X", "role": "coordinator", "password": "long enough password" })))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        assert!(v["error"]["fields"]["email"].is_string());

        // 422: every invalid field named, with a wrong type too.
        let (s, v) = w
            .api("POST", "/api/v1/mediators", Some(&coord), Some(json!({
                "name": " ", "email": "not-an-email", "gender": "x", "languages": [{ "code": "xyz", "level": "native" }],
                "sectors": ["cooking"], "home": { "lat": 95.0, "lon": 7.0 }, "speed_kmh": 500,
                "availability": [{ "weekday": 9, "start": "25:00", "end": "08:00" }],
                "absences": [{ "from": "2026-12-10", "to": "2026-12-01" }] })))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let fields = v["error"]["fields"].as_object().unwrap();
        for f in [
            "name",
            "email",
            "gender",
            "languages[0].code",
            "sectors[0]",
            "home.lat",
            "speed_kmh",
            "availability[0].weekday",
            "availability[0].start",
            "absences[0].to",
        ] {
            assert!(
                fields.contains_key(f),
                "[{}] {f} not named in {v}",
                w.backend()
            );
        }
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/institutions",
                Some(&coord),
                Some(json!({ "name": "X", "category": "school", "places": [{ "lat": "north" }] })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v["error"]["fields"]["places[0].lat"].is_string(), "{v}");
        let (s, v) = w.api("POST", "/api/v1/users", Some(&admin), Some(json!({ "email": "a@b.de", "name": "A", "role": "institution", "password": "long enough password" }))).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v["error"]["fields"]["institution_id"].is_string(), "{v}");
        let (s, v) = w.api("POST", "/api/v1/users", Some(&admin), Some(json!({ "email": "a@b.de", "name": "A", "role": "institution", "password": "long enough password", "institution_id": w.b.inst_own }))).await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a foreign institution is unknown: {v}"
        );
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/auth/token",
                None,
                Some(json!({ "email": "" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v["error"]["fields"]["password"].is_string());
        // No internals in any answer.
        assert!(!v.to_string().contains("sqlx") && !v.to_string().contains("src/"));
    }
}

async fn token_status(w: &World, email: &str, password: &str) -> (StatusCode, Value) {
    w.api(
        "POST",
        "/api/v1/auth/token",
        None,
        Some(json!({ "email": email, "password": password })),
    )
    .await
}

#[tokio::test]
async fn the_eleventh_wrong_password_is_refused_without_evaluating_it() {
    for w in worlds().await {
        let email = w.a.users[&Role::Coordinator].1.clone();
        let (s, unknown) = token_status(&w, "nobody@nowhere.test", "whatever").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        for i in 0..10 {
            let before = w.app.password_evaluations();
            let (s, wrong) = token_status(&w, &email, "wrong password").await;
            assert_eq!(s, StatusCode::UNAUTHORIZED, "attempt {i}");
            assert_eq!(
                wrong, unknown,
                "the same answer for an unknown e-mail and a wrong password"
            );
            assert_eq!(
                w.app.password_evaluations(),
                before + 1,
                "each attempt evaluates one hash"
            );
        }
        let before = w.app.password_evaluations();
        let (s, v) = token_status(&w, &email, "wrong password").await;
        assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{v}");
        let (s, _) = token_status(&w, &email, PASSWORD).await;
        assert_eq!(
            s,
            StatusCode::TOO_MANY_REQUESTS,
            "even the right password waits"
        );
        assert_eq!(
            w.app.password_evaluations(),
            before,
            "no hash was evaluated while locked"
        );
        // Other accounts are not affected.
        assert_eq!(
            token_status(&w, &w.a.users[&Role::Admin].1, PASSWORD)
                .await
                .0,
            StatusCode::OK
        );
        w.clock.advance(SignedDuration::from_secs(31));
        assert_eq!(
            token_status(&w, &email, PASSWORD).await.0,
            StatusCode::OK,
            "the lock ends"
        );
        // A failure after a success starts from zero again.
        assert_eq!(
            token_status(&w, &email, "wrong").await.0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(token_status(&w, &email, PASSWORD).await.0, StatusCode::OK);
    }
}

#[tokio::test]
async fn parallel_guesses_do_not_escape_the_lock() {
    for w in worlds().await {
        let email = w.a.users[&Role::Provider].1.clone();
        let mut tasks = Vec::new();
        for i in 0..24 {
            let (app, email) = (w.app.clone(), email.clone());
            tasks.push(tokio::spawn(async move {
                mittler_app::auth::sign_in(
                    &app,
                    &email,
                    &format!("guess {i}"),
                    Some("10.1.1.1"),
                    mittler_db::sessions::Kind::Api,
                )
                .await
                .is_ok()
            }));
        }
        for t in tasks {
            assert!(!t.await.unwrap(), "no guess succeeds");
        }
        let lock = mittler_db::throttle::lock(&w.app.db, &w.app.keyed_hash("sign-in", &email))
            .await
            .unwrap();
        assert!(
            lock.failures >= 10,
            "[{}] every failure counted: {}",
            w.backend(),
            lock.failures
        );
        assert!(lock.locked_until.is_some_and(|t| t > w.app.now()), "locked");
        assert_eq!(
            token_status(&w, &email, PASSWORD).await.0,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
}

#[tokio::test]
async fn unknown_addresses_lock_like_accounts() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    for _ in 0..10 {
        assert_eq!(
            token_status(&w, "ghost@nowhere.test", "x").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let before = w.app.password_evaluations();
    let (s, _) = token_status(&w, "ghost@nowhere.test", "x").await;
    assert_eq!(
        s,
        StatusCode::TOO_MANY_REQUESTS,
        "the same as a locked account"
    );
    assert_eq!(w.app.password_evaluations(), before);
}

#[tokio::test]
async fn the_lock_grows_but_never_beyond_fifteen_minutes() {
    for w in worlds().await {
        let email = w.a.users[&Role::State].1.clone();
        for _ in 0..10 {
            token_status(&w, &email, "wrong").await;
        }
        let mut last = 0;
        for _ in 0..8 {
            let (s, _) = token_status(&w, &email, "wrong").await;
            assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
            let lock = mittler_db::throttle::lock(&w.app.db, &w.app.keyed_hash("sign-in", &email))
                .await
                .unwrap();
            let wait = (lock.locked_until.unwrap() - w.app.now()).get_seconds();
            assert!(wait >= last && wait <= 15 * 60, "{wait}");
            last = wait;
            w.clock.advance(SignedDuration::from_secs(wait + 1));
            assert_eq!(
                token_status(&w, &email, "wrong").await.0,
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(last, 15 * 60, "the lock reached its cap");
    }
}

#[tokio::test]
async fn changes_and_sign_ins_are_audited() {
    for w in worlds().await {
        let coord = w.token(Role::Coordinator).await;
        token_status(&w, &w.a.users[&Role::Coordinator].1, "wrong").await;
        let (s, _) = w
            .api(
                "PATCH",
                &format!("/api/v1/mediators/{}", w.a.med_other),
                Some(&coord),
                Some(json!({ "phone": "+49 201 5550 1234" })),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let rows = mittler_db::audit::list(&w.app.db, w.a.id, 100, 0)
            .await
            .unwrap();
        let has = |action: &str, object: &str| {
            rows.iter()
                .any(|r| r.action == action && r.object_type == object)
        };
        assert!(has("sign-in", "user"), "{}", w.backend());
        assert!(has("sign-in-failed", "user"));
        assert!(has("update", "mediator"));
        let upd = rows
            .iter()
            .find(|r| r.action == "update" && r.object_type == "mediator")
            .unwrap();
        assert_eq!(upd.actor, w.a.users[&Role::Coordinator].1);
        assert_eq!(upd.object_id, Some(w.a.med_other));
        assert!(
            !rows.iter().any(|r| r.detail.contains(PASSWORD)),
            "no password in the log"
        );
        // Tenant b's log holds none of it.
        let other = mittler_db::audit::list(&w.app.db, w.b.id, 100, 0)
            .await
            .unwrap();
        assert!(
            !other
                .iter()
                .any(|r| r.object_type == "mediator" && r.action == "update")
        );
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_api_route() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let (s, doc) = w.api("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for r in mittler_web::api::API_ROUTES {
        assert!(
            doc["paths"][r.path][r.method].is_object(),
            "{} {} missing from OpenAPI",
            r.method,
            r.path
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Two answers of one name would be merged into one schema: an offer's dates and a
    // sign-in session each keep theirs.
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["SessionOut"]["properties"]["start"].is_object());
    assert!(schemas["AccountSession"]["properties"]["current"].is_object());
    // Every error an operation can give is documented (schemathesis checks the rest).
    for r in mittler_web::api::API_ROUTES {
        let op = &doc["paths"][r.path][r.method];
        let has = |code: &str| op["responses"][code].is_object();
        if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
            for code in ["401", "403", "404"] {
                assert!(has(code), "{} {} lacks {code}", r.method, r.path);
            }
        }
        if op["requestBody"].is_object() {
            for code in ["400", "422"] {
                assert!(has(code), "{} {} lacks {code}", r.method, r.path);
            }
        }
    }
    // What the server requires, the document marks required.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["RequestBody"]["required"],
        json!(["language", "sector", "start", "duration_min"])
    );
    assert_eq!(
        schemas["TokenRequest"]["required"],
        json!(["email", "password"])
    );
    // Two different places do not share one name.
    assert!(schemas["PlaceBody"]["properties"]["id"].is_object());
    assert!(schemas["OfferPlaceBody"]["properties"]["district"].is_object());
}

#[tokio::test]
async fn languages_know_the_whole_iso_list() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let t = w.token(Role::Mediator).await;
    let (_, all) = w.api("GET", "/api/v1/languages", Some(&t), None).await;
    assert!(all.as_array().unwrap().len() > 7000);
    let (_, hits) = w
        .api("GET", "/api/v1/languages?q=Kurmandschi", Some(&t), None)
        .await;
    assert_eq!(hits[0]["code"], "kmr", "{hits}");
    let (_, hits) = w
        .api("GET", "/api/v1/languages?q=tir", Some(&t), None)
        .await;
    assert_eq!(
        hits[0],
        json!({ "code": "tir", "name_de": "Tigrinya", "name_en": "Tigrinya" })
    );
}

#[tokio::test]
async fn housekeeping_forgets_expired_sessions_only() {
    for w in worlds().await {
        let old = w.token(Role::Admin).await;
        w.clock.advance(SignedDuration::from_hours(20));
        let fresh = w.token(Role::Admin).await;
        w.clock.advance(SignedDuration::from_hours(5));
        assert!(
            mittler_app::maintenance::purge_expired(&w.app)
                .await
                .unwrap()
                >= 1
        );
        assert_eq!(
            w.api("GET", "/api/v1/languages?q=x", Some(&old), None)
                .await
                .0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            w.api("GET", "/api/v1/languages?q=x", Some(&fresh), None)
                .await
                .0,
            StatusCode::OK
        );
    }
}
