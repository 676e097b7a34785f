//! E-mail through the outbox and a real SMTP server on loopback: each in the recipient's
//! language, the confirmation with its `.ics`, retries with back-off, failures visible.

use crate::common::{World, worlds};
use jiff::SignedDuration;
use mittler_app::mail::{MAX_ATTEMPTS, Mailer, deliver_due};
use mittler_domain::Role;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server on loopback that keeps every message it receives.
pub async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let store: Arc<Mutex<Vec<String>>> = Arc::default();
    let keep = store.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let keep = keep.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                let _ = w.write_all(b"220 sink.test ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            keep.lock().unwrap().push(std::mem::take(buf));
                            data = None;
                            let _ = w.write_all(b"250 2.0.0 queued\r\n").await;
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-sink.test\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    let _ = w.write_all(reply).await;
                }
            });
        }
    });
    (port, store)
}

async fn set_lang(w: &World, role: Role, lang: &str) {
    mittler_db::users::set_lang(&w.app.db, w.a.id, w.a.users[&role].0, lang)
        .await
        .unwrap();
}

#[tokio::test]
async fn mails_go_out_over_smtp_in_each_recipients_language() {
    for w in worlds().await {
        let (port, inbox) = smtp_sink().await;
        let mailer = Mailer::smtp(
            &format!("smtp://127.0.0.1:{port}"),
            "Mittler <mittler@example.org>",
        )
        .unwrap();
        set_lang(&w, Role::Mediator, "en").await;
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        let med = w.token(Role::Mediator).await;
        let (_, r) = w
            .api(
                "POST",
                "/api/v1/requests",
                Some(&inst),
                Some(serde_json::json!({ "mode": "phone", "language": "prs",
                "sector": "authority", "start": "2026-11-30T08:00", "duration_min": 45 })),
            )
            .await;
        let id = r["id"].as_str().unwrap().to_owned();
        w.api(
            "POST",
            &format!("/api/v1/requests/{id}/invitations"),
            Some(&coord),
            Some(serde_json::json!({ "mediator_ids": [w.a.med_own] })),
        )
        .await;
        let (_, invs) = w.api("GET", "/api/v1/invitations", Some(&med), None).await;
        let inv = invs
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["request"]["id"] == id.as_str())
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        w.api(
            "POST",
            &format!("/api/v1/invitations/{inv}/accept"),
            Some(&med),
            None,
        )
        .await;

        let sent = deliver_due(&w.app, &mailer).await.unwrap();
        let got = inbox.lock().unwrap().clone();
        assert_eq!(sent, got.len(), "[{}]", w.backend());
        let inst_mail = &w.a.users[&Role::Institution].1;
        let med_mail = "m1@essen.test";
        let to = |addr: &str| {
            got.iter()
                .filter(|m| m.contains(&format!("To: {addr}")))
                .cloned()
                .collect::<Vec<_>>()
        };
        let inst_box = to(inst_mail);
        let med_box = to(med_mail);
        assert!(
            inst_box
                .iter()
                .any(|m| m.contains("Subject: Anfrage eingegangen")),
            "German for the institution: {inst_box:?}"
        );
        assert!(
            inst_box
                .iter()
                .any(|m| m.contains("Subject: =?utf-8?") || m.contains("Subject: Best")),
            "confirmation in German"
        );
        assert!(
            med_box.iter().any(|m| m.contains("Subject: Invitation:")),
            "English for the mediator: {med_box:?}"
        );
        assert!(med_box.iter().any(|m| m.contains("Subject: Confirmed:")));
        let confirmed = med_box
            .iter()
            .find(|m| m.contains("Subject: Confirmed:"))
            .unwrap();
        assert!(
            confirmed.contains("text/calendar") && confirmed.contains("termin.ics"),
            "{confirmed}"
        );
        // Nothing is sent twice.
        assert_eq!(deliver_due(&w.app, &mailer).await.unwrap(), 0);
        assert!(
            mittler_db::outbox::unsent(&w.app.db, w.a.id, 100)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn failed_sends_are_retried_with_back_off_and_then_shown_to_admins() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    // A port nobody listens on.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mailer = Mailer::smtp(
        &format!("smtp://127.0.0.1:{dead}"),
        "Mittler <mittler@example.org>",
    )
    .unwrap();
    let now = w.app.now();
    let mail = mittler_db::outbox::NewMail {
        to: "someone@example.org".into(),
        subject: "Test".into(),
        body_text: "Hallo".into(),
        attachment: None,
    };
    mittler_db::outbox::add(&w.app.db, Some(w.a.id), &[mail], now)
        .await
        .unwrap();
    for attempt in 1..=MAX_ATTEMPTS {
        assert_eq!(deliver_due(&w.app, &mailer).await.unwrap(), 0);
        let rows = mittler_db::outbox::to_address(&w.app.db, "someone@example.org")
            .await
            .unwrap();
        assert_eq!(rows[0].attempts, attempt);
        assert!(rows[0].last_error.is_some());
        if attempt < MAX_ATTEMPTS {
            assert_eq!(rows[0].status, "pending");
            let wait = (rows[0].next_attempt_at.0 - w.app.now()).get_seconds();
            assert!(
                wait >= 60 * (1 << (attempt - 1)) - 1,
                "back-off grows: {wait}"
            );
            // Not due yet: nothing happens.
            assert_eq!(deliver_due(&w.app, &mailer).await.unwrap(), 0);
            assert_eq!(
                mittler_db::outbox::to_address(&w.app.db, "someone@example.org")
                    .await
                    .unwrap()[0]
                    .attempts,
                attempt
            );
            w.clock.advance(SignedDuration::from_secs(wait + 1));
        } else {
            assert_eq!(rows[0].status, "failed");
        }
    }
    // Admins see it.
    let (token, _) = w.session(Role::Admin).await;
    let (s, _, body) = w
        .page(
            "GET",
            "/outbox",
            Some(&token),
            crate::common::ANON_CSRF,
            None,
        )
        .await;
    assert_eq!(s, axum::http::StatusCode::OK);
    assert!(body.contains("someone@example.org") && body.contains("Test"));
    // A good server later does not resurrect a failed mail by itself.
    let (port, inbox) = smtp_sink().await;
    let good = Mailer::smtp(
        &format!("smtp://127.0.0.1:{port}"),
        "Mittler <mittler@example.org>",
    )
    .unwrap();
    assert_eq!(deliver_due(&w.app, &good).await.unwrap(), 0);
    assert!(inbox.lock().unwrap().is_empty());
}

#[tokio::test]
async fn without_a_server_mails_land_as_files() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let dir = std::env::temp_dir().join(format!("mittler-mail-{}", uuid::Uuid::new_v4().simple()));
    let mailer = Mailer::folder(dir.clone(), "Mittler <mittler@example.org>").unwrap();
    let n = deliver_due(&w.app, &mailer).await.unwrap();
    assert!(
        n >= 1,
        "the fixture's bookings and invitations produced mails"
    );
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), n);
    assert!(
        files
            .iter()
            .all(|f| f.extension().is_some_and(|e| e == "eml"))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A real HTTP server on loopback standing in for an SMS gateway: it records each
/// request (the bearer token and the JSON body) and answers `status`.
async fn sms_gateway(status: u16) -> (String, Arc<Mutex<Vec<(String, serde_json::Value)>>>) {
    use axum::http::HeaderMap;
    let seen: Arc<Mutex<Vec<(String, serde_json::Value)>>> = Arc::default();
    let keep = seen.clone();
    let app = axum::Router::new().route(
        "/send",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let keep = keep.clone();
            async move {
                let auth = headers
                    .get("authorization")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_owned();
                let json = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
                keep.lock().unwrap().push((auth, json));
                axum::http::StatusCode::from_u16(status).unwrap()
            }
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/send", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, seen)
}

/// A client who gave a mobile number gets the reminder as a text message through the
/// configured gateway, in their language; a gateway that fails is retried.
#[tokio::test]
async fn a_clients_reminder_goes_out_as_a_text_message_through_the_gateway() {
    for w in worlds().await {
        let app = w.app.clone().with_sms(true);
        let inst = w.actor(Role::Institution).await;
        // Without a gateway a mobile number is refused, naming the field.
        let refused =
            mittler_app::slip::set_reminder(&w.app, &inst, w.a.req_own, "0170 1234567", "ar", true)
                .await;
        assert!(
            matches!(refused, Err(mittler_app::AppError::Invalid(ref e)) if e.get("contact") == Some("no-sms"))
        );
        mittler_app::slip::set_reminder(&app, &inst, w.a.req_own, "0170 123 45-67", "ar", true)
            .await
            .unwrap();
        w.clock.advance(SignedDuration::from_hours(4 * 24 + 1));
        mittler_app::requests::send_reminders(&app).await.unwrap();
        // First the gateway fails: the message waits for a retry.
        let (bad_url, bad_seen) = sms_gateway(503).await;
        let dir = std::env::temp_dir().join(format!("mittler-sms-{}", uuid::Uuid::new_v4()));
        let failing = Mailer::folder(dir.clone(), "Mittler <mittler@example.org>")
            .unwrap()
            .with_sms(mittler_app::sms::SmsGateway::new(&bad_url, Some("geheim")).unwrap());
        deliver_due(&app, &failing).await.unwrap();
        assert_eq!(bad_seen.lock().unwrap().len(), 1, "[{}]", w.backend());
        // A few minutes later a working gateway takes it.
        w.clock.advance(SignedDuration::from_mins(5));
        let (url, seen) = sms_gateway(200).await;
        let mailer = Mailer::folder(dir, "Mittler <mittler@example.org>")
            .unwrap()
            .with_sms(mittler_app::sms::SmsGateway::new(&url, Some("geheim")).unwrap());
        deliver_due(&app, &mailer).await.unwrap();
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 1, "[{}] {seen:?}", w.backend());
        let (auth, body) = &seen[0];
        assert_eq!(auth, "Bearer geheim");
        assert_eq!(body["to"], "+491701234567");
        let text = body["text"].as_str().unwrap();
        assert!(
            text.contains("30.11.2026") && text.contains("تذكير"),
            "{text}"
        );
    }
}
