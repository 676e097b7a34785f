//! Personal data: reads audited, sealed at rest, exported and erased per person, expired
//! by retention; on SQLite and PostgreSQL.

use crate::common::{World, mediator_input, request_input, worlds};
use mittler_db::testing::{self, holds, raw_bytes};
use mittler_domain::Role;
use serde_json::{Value, json};

fn actions(v: &Value) -> Vec<(String, String)> {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn reads_of_personal_data_are_audited_and_who_saw_it_is_answerable() {
    for w in worlds().await {
        let b = w.backend();
        let coord = w.token(Role::Coordinator).await;
        let inst = w.token(Role::Institution).await;
        let admin = w.token(Role::Admin).await;
        let req = w.a.req_other;
        let (st, _) = w
            .api(
                "get",
                &format!("/api/v1/requests/{req}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}");
        // The institution of another request is refused: recorded as an attempt.
        let (st, _) = w
            .api("get", &format!("/api/v1/requests/{req}"), Some(&inst), None)
            .await;
        assert_eq!(st, 404, "{b}");
        let (st, _) = w
            .api(
                "get",
                &format!("/api/v1/mediators/{}", w.a.med_own),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}");
        for path in ["/api/v1/mediators", "/api/v1/users", "/api/v1/requests"] {
            w.api("get", path, Some(&admin), None).await;
        }

        let (st, v) = w
            .api(
                "get",
                &format!("/api/v1/audit?object={req}"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}: {v}");
        let seen = actions(&v);
        let coord_mail = &w.a.users[&Role::Coordinator].1;
        let inst_mail = &w.a.users[&Role::Institution].1;
        assert!(
            seen.contains(&("view".into(), coord_mail.clone())),
            "{b}: {seen:?}"
        );
        assert!(
            seen.contains(&("view-denied".into(), inst_mail.clone())),
            "{b}: {seen:?}"
        );
        // The entry names the object, never its content.
        for e in v["entries"].as_array().unwrap() {
            assert_eq!(e["object_id"], json!(req.to_string()), "{b}");
        }
        let (_, v) = w
            .api(
                "get",
                &format!("/api/v1/audit?object={}", w.a.med_own),
                Some(&admin),
                None,
            )
            .await;
        assert!(
            actions(&v).contains(&("view".into(), coord_mail.clone())),
            "{b}"
        );
        let (_, v) = w
            .api("get", "/api/v1/audit?action=view", Some(&admin), None)
            .await;
        let kinds: Vec<&str> = v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["object_type"].as_str().unwrap())
            .collect();
        for k in ["mediator-list", "user-list", "request-list", "audit-log"] {
            assert!(kinds.contains(&k), "{b}: {k} not in {kinds:?}");
        }
        // Reading the log is itself recorded, and bad filters name their field.
        let (st, v) = w
            .api(
                "get",
                "/api/v1/audit?object=nope&from=gestern",
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(st, 422, "{b}");
        assert!(
            v["error"]["fields"]["object"].is_string() && v["error"]["fields"]["from"].is_string(),
            "{b}: {v}"
        );
        // Refused attempts at the log and at exports are recorded too.
        let (st, _) = w.api("get", "/api/v1/audit", Some(&coord), None).await;
        assert_eq!(st, 403, "{b}");
        let (st, _) = w
            .api(
                "get",
                "/api/v1/privacy/export?subject=client:X-1",
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(st, 403, "{b}");
        let (_, v) = w
            .api(
                "get",
                "/api/v1/audit?action=view-denied",
                Some(&admin),
                None,
            )
            .await;
        let denied: Vec<(&str, &str)> = v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["object_type"].as_str().unwrap(),
                    e["actor"].as_str().unwrap(),
                )
            })
            .collect();
        for kind in ["audit-log", "export", "request"] {
            assert!(
                denied
                    .iter()
                    .any(|(k, who)| *k == kind && (who == coord_mail || who == inst_mail)),
                "{b}: {kind} in {denied:?}"
            );
        }
        assert_eq!(
            mittler_db::audit::verify(&w.app.db).await.unwrap().broken,
            None,
            "{b}"
        );
    }
}

/// Worlds whose raw bytes can be read: SQLite in a file, and PostgreSQL when configured.
pub(crate) async fn disk_worlds() -> Vec<World> {
    let mut v = vec![World::new(testing::sqlite_on_disk().await).await];
    if let Some(pg) = testing::postgres().await {
        v.push(World::new(pg).await);
    }
    v
}

const NAME: &str = "Zerafina Quellwasser";
const PHONE: &str = "+49 157 9876 5432";
const CLIENT: &str = "KLIENT-4711-XQ";
const NOTE: &str = "Befund Schilddruese Quellwasserfall";

#[tokio::test]
async fn a_subject_is_exported_with_who_read_it_and_erased_everywhere() {
    for w in disk_worlds().await {
        let b = w.backend();
        let admin_actor = w.actor(Role::Admin).await;
        let mut m = mediator_input(NAME, "zerafina.q@example.org");
        m.phone = PHONE.into();
        let med = mittler_app::mediators::create(&w.app, &admin_actor, &m)
            .await
            .unwrap();
        let mut r = request_input(None, "2026-12-07T10:00");
        r.client_ref = Some(CLIENT.into());
        r.notes = Some(NOTE.into());
        let inst = w.actor(Role::Institution).await;
        let req = mittler_app::requests::create(&w.app, &inst, None, &r)
            .await
            .unwrap();
        mittler_app::requests::assign(&w.app, &admin_actor, req, med)
            .await
            .unwrap();

        // At rest: the note, the client reference and the phone number are sealed.
        let raw = raw_bytes(&w.db).await;
        assert!(holds(&raw, NAME), "{b}: the probe finds plain names");
        for secret in [NOTE, CLIENT, PHONE] {
            assert!(!holds(&raw, secret), "{b}: {secret} lies in plain text");
        }

        let coord = w.token(Role::Coordinator).await;
        let admin = w.token(Role::Admin).await;
        w.api(
            "get",
            &format!("/api/v1/mediators/{med}"),
            Some(&coord),
            None,
        )
        .await;
        let (st, v) = w
            .api(
                "get",
                &format!("/api/v1/privacy/export?subject=mediator:{med}"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}: {v}");
        assert_eq!(v["mediator"]["phone"], PHONE, "{b}");
        assert_eq!(
            v["assignments"][0]["request"],
            json!(req.to_string()),
            "{b}"
        );
        let coord_mail = &w.a.users[&Role::Coordinator].1;
        assert!(
            v["read_by"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["who"] == json!(coord_mail) && e["action"] == "view"),
            "{b}: {v}"
        );
        let (st, v) = w
            .api(
                "get",
                &format!("/api/v1/privacy/export?subject=client:{CLIENT}"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}");
        assert_eq!(v["requests"][0]["notes"], NOTE, "{b}");
        assert_eq!(v["requests"][0]["client_ref"], CLIENT, "{b}");
        // The readable page shows the same.
        let (token, _) = w.session(Role::Admin).await;
        let (st, _, html) = w
            .page(
                "get",
                &format!("/privacy?kind=client&value={CLIENT}"),
                Some(&token),
                "x",
                None,
            )
            .await;
        assert_eq!(st, 200, "{b}");
        assert!(html.contains(NOTE), "{b}");

        // Bad input names its field; erasing needs a reason.
        let (st, v) = w
            .api(
                "post",
                "/api/v1/privacy/erase",
                Some(&admin),
                Some(json!({"subject": format!("mediator:{med}"), "reason": " "})),
            )
            .await;
        assert!(
            st == 422 && v["error"]["fields"]["reason"].is_string(),
            "{b}: {v}"
        );
        let (st, v) = w
            .api(
                "get",
                "/api/v1/privacy/export?subject=person:1",
                Some(&admin),
                None,
            )
            .await;
        assert!(
            st == 422 && v["error"]["fields"]["subject"].is_string(),
            "{b}: {v}"
        );

        for subject in [format!("mediator:{med}"), format!("client:{CLIENT}")] {
            let (st, v) = w
                .api(
                    "post",
                    "/api/v1/privacy/erase",
                    Some(&admin),
                    Some(json!({"subject": subject, "reason": "Antrag der Person vom 1.12."})),
                )
                .await;
            assert_eq!(st, 200, "{b}: {v}");
        }
        let raw = raw_bytes(&w.db).await;
        for gone in [
            NAME,
            PHONE,
            CLIENT,
            NOTE,
            "zerafina.q@example.org",
            "Quellwasser",
        ] {
            assert!(!holds(&raw, gone), "{b}: {gone} is still held");
        }
        let (st, _) = w
            .api(
                "get",
                &format!("/api/v1/privacy/export?subject=client:{CLIENT}"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(st, 404, "{b}");
        // The request itself stays (pseudonymous) for the statistics; the erasure is audited.
        assert!(
            mittler_db::requests::get(&w.app.db, w.a.id, req)
                .await
                .unwrap()
                .notes
                .is_none(),
            "{b}"
        );
        let (_, v) = w
            .api("get", "/api/v1/audit?action=erase", Some(&admin), None)
            .await;
        assert_eq!(v["entries"].as_array().unwrap().len(), 2, "{b}");
        assert_eq!(
            mittler_db::audit::verify(&w.app.db).await.unwrap().broken,
            None,
            "{b}"
        );
    }
}

fn move_to(w: &World, to: &str) {
    let to: jiff::Timestamp = to.parse().unwrap();
    w.clock.advance(to.duration_since(w.app.now()));
}

#[tokio::test]
async fn after_the_retention_periods_nothing_expired_is_left() {
    for w in disk_worlds().await {
        let b = w.backend();
        let inst = w.actor(Role::Institution).await;
        let admin = w.actor(Role::Admin).await;
        let mut r = request_input(None, "2026-12-07T10:00");
        r.client_ref = Some(CLIENT.into());
        r.notes = Some(NOTE.into());
        let kept = mittler_app::requests::create(&w.app, &inst, None, &r)
            .await
            .unwrap();
        let unserved = mittler_app::requests::create(
            &w.app,
            &inst,
            None,
            &request_input(None, "2026-12-08T10:00"),
        )
        .await
        .unwrap();
        mittler_app::requests::cancel(&w.app, &admin, unserved, "nicht mehr nötig")
            .await
            .unwrap();
        mittler_db::outbox::add(
            &w.app.db,
            Some(w.a.id),
            &[mittler_db::outbox::NewMail {
                to: "gone@example.org".into(),
                subject: "x".into(),
                body_text: "y".into(),
                attachment: None,
            }],
            w.app.now(),
        )
        .await
        .unwrap();
        let mails = mittler_db::outbox::to_address(&w.app.db, "gone@example.org")
            .await
            .unwrap();
        mittler_db::outbox::mark_failed(&w.app.db, mails[0].id, "550", None)
            .await
            .unwrap();
        let patch = mittler_app::users::UserPatch {
            active: Some(false),
            ..Default::default()
        };
        let extra = w.a.extra_user.0;
        mittler_app::users::update(&w.app, &admin, extra, &patch)
            .await
            .unwrap();

        // Nothing is due yet.
        let before = mittler_app::retention::apply(&w.app).await.unwrap();
        assert!(before.iter().all(|(_, e)| e.is_empty()), "{b}: {before:?}");

        // Two years and a day later: notes, unserved requests, failed mails, accounts and
        // the oldest audit entries are gone; client references stay for billing.
        move_to(&w, "2028-12-09T12:00:00Z");
        mittler_app::retention::apply(&w.app).await.unwrap();
        let row = mittler_db::requests::get(&w.app.db, w.a.id, kept)
            .await
            .unwrap();
        assert_eq!(
            (row.notes.as_deref(), row.client_ref.as_str()),
            (None, CLIENT),
            "{b}"
        );
        assert!(
            matches!(
                mittler_db::requests::get(&w.app.db, w.a.id, unserved).await,
                Err(mittler_db::DbError::NotFound)
            ),
            "{b}"
        );
        assert!(
            mittler_db::outbox::to_address(&w.app.db, "gone@example.org")
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );
        let u = mittler_db::users::get(&w.app.db, w.a.id, extra)
            .await
            .unwrap();
        assert!(
            u.email.starts_with("erased-") && u.name.is_empty(),
            "{b}: {}",
            u.email
        );
        let oldest = mittler_db::audit::list(&w.app.db, w.a.id, 100_000, 0)
            .await
            .unwrap();
        let cutoff: jiff::Timestamp = "2026-12-10T00:00:00Z".parse().unwrap();
        assert!(
            oldest.iter().all(|e| e.at.0 > cutoff),
            "{b}: an audit entry older than 2 years is left"
        );
        assert!(oldest.iter().any(|e| e.action == "expire"), "{b}");
        assert_eq!(
            mittler_db::audit::verify(&w.app.db).await.unwrap().broken,
            None,
            "{b}"
        );

        // Ten years on, the client reference goes too.
        move_to(&w, "2036-12-09T12:00:00Z");
        mittler_app::retention::apply(&w.app).await.unwrap();
        let row = mittler_db::requests::get(&w.app.db, w.a.id, kept)
            .await
            .unwrap();
        assert_eq!(row.client_ref, "", "{b}");
        let raw = raw_bytes(&w.db).await;
        assert!(!holds(&raw, CLIENT) && !holds(&raw, NOTE), "{b}");
    }
}

#[tokio::test]
async fn the_privacy_pages_keep_what_was_typed_and_the_records_follow_the_settings() {
    for w in worlds().await {
        let b = w.backend();
        let (token, csrf) = w.session(Role::Admin).await;
        let form = format!(
            "csrf={csrf}&kind=mediator&value={}&reason=Antrag",
            w.a.med_other
        );
        let (st, _, html) = w
            .page("post", "/privacy/erase", Some(&token), "x", Some(form))
            .await;
        assert_eq!(st, 422, "{b}: {html}");
        assert!(
            html.contains("Antrag</textarea>") && html.contains("confirm-err"),
            "{b}"
        );
        let (st, _, html) = w
            .page(
                "get",
                "/privacy?kind=user&value=keine-id",
                Some(&token),
                "x",
                None,
            )
            .await;
        assert_eq!(st, 422, "{b}");
        assert!(html.contains("value-err"), "{b}");
        let (st, _, html) = w
            .page("get", "/privacy/records", Some(&token), "x", None)
            .await;
        assert_eq!(st, 200, "{b}");
        assert!(html.contains("3653"), "{b}: the client references' period");
        // The settings page changes a period; out of bounds is refused with the field named.
        let (st, _, html) = w.page("post", "/settings", Some(&token), "x",
            Some(format!("csrf={csrf}&cancel_notice_hours=48&fee_euros_per_hour=30&fee_minimum_min=60&fee_increment_min=15&fee_travel_euros=0&retention_days=90&notes_days=0"))).await;
        assert_eq!(st, 422, "{b}");
        assert!(html.contains("notes_days-err"), "{b}");
        let (st, _, _) = w.page("post", "/settings", Some(&token), "x",
            Some(format!("csrf={csrf}&cancel_notice_hours=48&fee_euros_per_hour=30&fee_minimum_min=60&fee_increment_min=15&fee_travel_euros=0&retention_days=90&notes_days=30"))).await;
        assert_eq!(st, 303, "{b}");
        let (_, _, html) = w
            .page("get", "/privacy/records", Some(&token), "x", None)
            .await;
        assert!(html.contains("30 Tage"), "{b}");
    }
}

/// Reads that finish together are recorded together (one transaction per batch): each
/// read still has its own entry, in a chain that holds.
#[tokio::test]
async fn reads_at_once_are_each_recorded_and_the_chain_holds() {
    for w in worlds().await {
        let b = w.backend();
        let coord = w.token(Role::Coordinator).await;
        let filter = mittler_db::audit::Filter {
            action: Some("view".into()),
            object_type: Some("request-list".into()),
            ..Default::default()
        };
        let seen = async || {
            mittler_db::audit::search(&w.app.db, w.a.id, &filter, 1, 0)
                .await
                .unwrap()
                .1
        };
        let before = seen().await;
        let answers = futures_util::future::join_all(
            (0..12).map(|_| w.api("get", "/api/v1/requests", Some(&coord), None)),
        )
        .await;
        assert!(answers.iter().all(|(st, _)| *st == 200), "{b}");
        assert_eq!(seen().await - before, 12, "{b}: one entry per read");
        let v = mittler_db::audit::verify(&w.app.db).await.unwrap();
        assert!(v.broken.is_none(), "{b}: {:?}", v.broken);
    }
}
