//! Issue 12: the holes found outside sign-in itself, each with the test that failed before
//! it was closed: live streams, calendar feeds and invitations that outlived their rights,
//! slow clients and planning runs without limits, registration names in official mail.

use crate::common::{PASSWORD, World, worlds};
use axum::http::StatusCode;
use mittler_domain::Role;
use serde_json::json;

/// Defect 7: planning runs are capped per process (429 with Retry-After while busy).
#[tokio::test]
async fn planning_runs_are_capped() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let coord = w.token(Role::Coordinator).await;
    let slot = w.app.planning_slot(1.0).unwrap();
    let (s, v) = w
        .api(
            "post",
            "/api/v1/plans",
            Some(&coord),
            Some(json!({"date": "2026-12-07", "time_limit_s": 0.1})),
        )
        .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{v}");
    drop(slot);
    let (s, v) = w
        .api(
            "post",
            "/api/v1/plans",
            Some(&coord),
            Some(json!({"date": "2026-12-07", "time_limit_s": 0.1})),
        )
        .await;
    assert!(s.is_success(), "{v}");
}

/// Defect 7: a client that sends its headers slowly is cut off.
#[tokio::test]
async fn slow_clients_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = mittler_web::AppState {
        app: w.app.clone(),
        config: std::sync::Arc::new(mittler_web::WebConfig::default()),
    };
    tokio::spawn(mittler_web::serve_with(
        listener,
        state,
        std::time::Duration::from_millis(500),
    ));
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 256];
    // The header never ends: the server closes the connection on its own.
    let read = tokio::time::timeout(std::time::Duration::from_secs(20), tcp.read(&mut buf)).await;
    match read {
        Ok(Ok(n)) => assert!(
            n == 0 || String::from_utf8_lossy(&buf[..n]).contains("408"),
            "closed"
        ),
        Ok(Err(_)) => {}
        Err(_) => panic!("the connection was still open after 20 s"),
    }
}

/// changes role; rights are checked before each event.
#[tokio::test]
async fn live_streams_end_with_their_session_and_rights() {
    use mittler_app::live;
    for w in worlds().await {
        let admin = w.actor(Role::Admin).await;
        let input = crate::common::request_input(None, "2026-12-09T10:00");
        let open = async |role: Role| {
            let (token, _) = w.session(role).await;
            mittler_app::auth::session(&w.app, &token, mittler_app::auth::SessionKind::Web, None)
                .await
                .unwrap()
                .unwrap()
        };
        let next = async |c: &mut live::Changes| {
            tokio::time::timeout(std::time::Duration::from_secs(5), c.next())
                .await
                .unwrap()
        };
        // Signed out.
        let s = open(Role::Coordinator).await;
        let mut c = live::follow(&w.app, &s).unwrap();
        mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
            .await
            .unwrap();
        assert!(next(&mut c).await.is_some(), "an event while signed in");
        mittler_app::auth::sign_out(&w.app, &s).await.unwrap();
        mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
            .await
            .unwrap();
        assert!(
            next(&mut c).await.is_none(),
            "[{}] the stream ends with the session",
            w.backend()
        );
        // Deactivated, and role changed.
        let extra = w.a.extra_user.0;
        let s = {
            let (token, _) = {
                let t = mittler_app::auth::sign_in(
                    &w.app,
                    &w.a.extra_user.1,
                    PASSWORD,
                    None,
                    mittler_app::auth::SessionKind::Web,
                )
                .await
                .unwrap();
                (t.token, t.csrf)
            };
            mittler_app::auth::session(&w.app, &token, mittler_app::auth::SessionKind::Web, None)
                .await
                .unwrap()
                .unwrap()
        };
        let mut c = live::follow(&w.app, &s).unwrap();
        let patch = mittler_app::users::UserPatch {
            role: Some("provider".into()),
            provider_id: Some(Some(w.a.prov_own)),
            ..Default::default()
        };
        mittler_app::users::update(&w.app, &admin, extra, &patch)
            .await
            .unwrap();
        mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
            .await
            .unwrap();
        assert!(next(&mut c).await.is_none(), "a new role ends the stream");
        let s = open(Role::Institution).await;
        let mut c = live::follow(&w.app, &s).unwrap();
        let patch = mittler_app::users::UserPatch {
            active: Some(false),
            ..Default::default()
        };
        mittler_app::users::update(&w.app, &admin, w.a.users[&Role::Institution].0, &patch)
            .await
            .unwrap();
        mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
            .await
            .unwrap();
        assert!(next(&mut c).await.is_none(), "deactivation ends the stream");
    }
}

/// Defect 5: a deactivated mediator account's calendar feed stops.
#[tokio::test]
async fn a_deactivated_mediators_calendar_feed_stops() {
    for w in worlds().await {
        let m = w.actor(Role::Mediator).await;
        let token = mittler_app::calendar::renew_feed(&w.app, &m).await.unwrap();
        let path = format!("/calendar/{token}.ics");
        let (s, _, _) = w.page("GET", &path, None, "", None).await;
        assert_eq!(s, StatusCode::OK);
        let admin = w.actor(Role::Admin).await;
        let patch = mittler_app::users::UserPatch {
            active: Some(false),
            ..Default::default()
        };
        mittler_app::users::update(&w.app, &admin, w.a.users[&Role::Mediator].0, &patch)
            .await
            .unwrap();
        let (s, _, _) = w.page("GET", &path, None, "", None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "[{}]", w.backend());
    }
}

/// notes; after declining, nothing.
#[tokio::test]
async fn a_mediator_reads_a_request_only_while_invited_and_notes_once_assigned() {
    for w in worlds().await {
        let admin = w.actor(Role::Admin).await;
        let mut input = crate::common::request_input(None, "2026-12-07T12:00");
        input.notes = Some("Gespräch über die Diagnose".into());
        input.client_ref = Some("AZ-4711".into());
        let id = mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
            .await
            .unwrap();
        let invs = mittler_app::requests::invite(&w.app, &admin, id, &[w.a.med_own], 600)
            .await
            .unwrap();
        let token = w.token(Role::Mediator).await;
        let (s, v) = w
            .api("get", &format!("/api/v1/requests/{id}"), Some(&token), None)
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert!(v["notes"].is_null(), "no notes before accepting: {v}");
        assert!(!v.to_string().contains("AZ-4711"), "{v}");
        let (_, list) = w
            .api("get", "/api/v1/invitations", Some(&token), None)
            .await;
        assert!(!list.to_string().contains("Diagnose"), "{list}");
        let (s, _) = w
            .api(
                "post",
                &format!("/api/v1/invitations/{}/decline", invs[0]),
                Some(&token),
                Some(json!({})),
            )
            .await;
        assert!(s.is_success());
        let (s, v) = w
            .api("get", &format!("/api/v1/requests/{id}"), Some(&token), None)
            .await;
        assert_eq!(
            s,
            StatusCode::NOT_FOUND,
            "[{}] nothing after declining: {v}",
            w.backend()
        );
        // Assigned: the notes.
        mittler_app::requests::assign(&w.app, &admin, id, w.a.med_own)
            .await
            .unwrap();
        let (_, v) = w
            .api("get", &format!("/api/v1/requests/{id}"), Some(&token), None)
            .await;
        assert_eq!(v["notes"], "Gespräch über die Diagnose");
    }
}

/// reaches a mail with either, and `+tags` do not multiply the per-mailbox limit.
#[tokio::test]
async fn registration_names_and_tagged_addresses_cannot_abuse_the_centres_mail() {
    for w in worlds().await {
        let path = format!(
            "/api/v1/public/{}/offers/{}/registrations",
            w.a.slug, w.a.offer_own
        );
        let (s, v) = w
            .api("post", &path, None, Some(json!({"name": "Mina\n\nIhr Konto ist gesperrt: https://evil.example/login",
                "email": "mina@example.org", "persons": 1, "consents": ["participation"], "lang": "de"})))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v["error"]["fields"]["name"].is_string(), "{v}");
        let limit = mittler_domain::registration::PER_EMAIL_PER_HOUR;
        let mut refused = false;
        for i in 0..=limit {
            let (s, _) = w
                .api(
                    "post",
                    &path,
                    None,
                    Some(
                        json!({"name": "Mina", "email": format!("victim+{i}@example.org"),
                    "persons": 1, "consents": ["participation"], "lang": "de"}),
                    ),
                )
                .await;
            refused |= s == StatusCode::TOO_MANY_REQUESTS;
        }
        assert!(refused, "[{}] tags count as one mailbox", w.backend());
    }
}
