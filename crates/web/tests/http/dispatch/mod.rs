//! Language mediation end to end through the API, on both backends.

mod planning;
mod properties;
mod series;

use crate::common::{World, mediator_input, worlds};
use axum::http::StatusCode;
use jiff::SignedDuration;
use mittler_app::Actor;
use mittler_domain::Role;
use serde_json::{Value, json};
use uuid::Uuid;

async fn admin_actor(w: &World) -> Actor {
    let u = mittler_db::users::get(&w.app.db, w.a.id, w.a.users[&Role::Admin].0)
        .await
        .unwrap();
    Actor::from_user(&u, None)
}

async fn place(w: &World) -> Uuid {
    let a = admin_actor(w).await;
    mittler_app::institutions::get(&w.app, &a, w.a.inst_own)
        .await
        .unwrap()
        .places[0]
        .id
}

async fn new_request(w: &World, token: &str, body: Value) -> Value {
    let (s, v) = w
        .api("POST", "/api/v1/requests", Some(token), Some(body))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v
}

#[tokio::test]
async fn an_institution_books_the_coordinator_invites_the_mediator_accepts_and_reports() {
    for w in worlds().await {
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        let med = w.token(Role::Mediator).await;
        let place = place(&w).await;
        // Validation names every field.
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/requests",
                Some(&inst),
                Some(json!({ "mode": "onsite", "language": "zzz", "sector": "x",
                "start": "2026-11-01T10:00", "duration_min": 5 })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        for f in ["place_id", "language", "sector", "start", "duration_min"] {
            assert!(v["error"]["fields"][f].is_string(), "{f} in {v}");
        }
        // Another institution's place is refused.
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/requests",
                Some(&inst),
                Some(json!({ "place_id": Uuid::new_v4(), "language": "prs",
                "sector": "authority", "start": "2026-11-30T08:00", "duration_min": 60 })),
            )
            .await;
        assert_eq!(
            (s, v["error"]["fields"]["place_id"].is_string()),
            (StatusCode::UNPROCESSABLE_ENTITY, true),
            "{v}"
        );

        let r = new_request(&w, &inst, json!({ "place_id": place, "language": "prs", "sector": "authority",
            "start": "2026-11-30T08:00", "duration_min": 60, "gender_preference": "wish:f", "priority": 2 })).await;
        assert_eq!(r["status"], "open");
        assert_eq!(
            r["start"], "2026-11-30T08:00:00+01:00",
            "local time with offset"
        );
        assert!(
            r["client_ref"].as_str().unwrap().starts_with("K-2026-"),
            "a pseudonym is generated"
        );
        let id = r["id"].as_str().unwrap().to_owned();

        // Candidates: both fixture mediators fit; ranked with travel.
        let (s, c) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{id}/candidates"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{c}");
        let cands = c["candidates"].as_array().unwrap();
        assert_eq!(cands.len(), 2, "{c}");
        assert!(cands[0]["score"].as_i64() >= cands[1]["score"].as_i64());
        // The own mediator is busy 10:00 elsewhere (fixture), but 08:00-09:00 fits.
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/invitations"),
                Some(&coord),
                Some(
                    json!({ "mediator_ids": [w.a.med_own, w.a.med_other], "expires_in_min": 120 }),
                ),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, invs) = w.api("GET", "/api/v1/invitations", Some(&med), None).await;
        let inv = invs
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["request"]["id"] == id.as_str())
            .unwrap()
            .clone();
        assert!(inv["travel_min"].is_number());
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/invitations/{}/accept", inv["id"].as_str().unwrap()),
                Some(&med),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["request_status"], "confirmed");

        let (_, r) = w
            .api("GET", &format!("/api/v1/requests/{id}"), Some(&inst), None)
            .await;
        assert_eq!(r["status"], "confirmed");
        assert_eq!(r["mediator"]["id"], w.a.med_own.to_string());
        let events: Vec<&str> = r["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["event"].as_str().unwrap())
            .collect();
        assert_eq!(events, ["create", "invite", "accept"]);

        // Time sheet: not before the appointment; then sent, confirmed, completed.
        let sheet = json!({ "start": "2026-11-30T08:05", "end": "2026-11-30T09:10", "waiting_min": 5, "travel_min": 20 });
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet"),
                Some(&med),
                Some(sheet.clone()),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        w.clock.advance(SignedDuration::from_hours(24 * 6));
        // Tokens last a day: sign in again.
        let (inst, coord, med) = (
            w.token(Role::Institution).await,
            w.token(Role::Coordinator).await,
            w.token(Role::Mediator).await,
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet"),
                Some(&med),
                Some(sheet),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            v["status"], "confirmed",
            "completed once the institution confirms"
        );
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet/dispute"),
                Some(&inst),
                Some(json!({ "reason": "we ended at 09:00" })),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let sheet = json!({ "start": "2026-11-30T08:05", "end": "2026-11-30T09:00", "waiting_min": 5, "travel_min": 20 });
        assert_eq!(
            w.api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet"),
                Some(&med),
                Some(sheet)
            )
            .await
            .0,
            StatusCode::OK
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet/confirm"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("completed")),
            "{v}"
        );
        let (_, r) = w
            .api("GET", &format!("/api/v1/requests/{id}"), Some(&coord), None)
            .await;
        assert_eq!(r["timesheet"]["status"], "confirmed");
        assert_eq!(r["timesheet"]["end"], "2026-11-30T09:00:00+01:00");
        // A completed request cannot be cancelled.
        assert_eq!(
            w.api(
                "POST",
                &format!("/api/v1/requests/{id}/cancel"),
                Some(&inst),
                Some(json!({ "reason": "x" }))
            )
            .await
            .0,
            StatusCode::CONFLICT
        );
        // Continuity: the next request of the same client proposes the same mediator.
        let again = new_request(
            &w,
            &inst,
            json!({ "mode": "phone", "language": "prs", "sector": "authority",
            "start": "2026-12-07T09:00", "duration_min": 30, "client_ref": r["client_ref"] }),
        )
        .await;
        assert_eq!(again["preferred_mediator_id"], w.a.med_own.to_string());
    }
}

#[tokio::test]
async fn direct_assignment_names_the_reasons_it_is_refused() {
    for w in worlds().await {
        let coord = w.token(Role::Coordinator).await;
        let admin = admin_actor(&w).await;
        // A Tigrinya speaker, available Tuesdays only, no remote work.
        let mut input = mediator_input("Tigrinya Only", "ti@example.org");
        input.languages = vec![mittler_domain::mediator::SkillInput {
            code: "tir".into(),
            level: "native".into(),
        }];
        input.availability = vec![mittler_domain::mediator::WindowInput {
            weekday: 2,
            start: "08:00".into(),
            end: "12:00".into(),
        }];
        input.remote = false;
        let ti = mittler_app::mediators::create(&w.app, &admin, &input)
            .await
            .unwrap();
        let r = new_request(&w, &coord, json!({ "institution_id": w.a.inst_own, "mode": "phone", "language": "prs",
            "sector": "court", "start": "2026-11-30T10:30", "duration_min": 60, "gender_preference": "must:m" })).await;
        let id = r["id"].as_str().unwrap();
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/assign"),
                Some(&coord),
                Some(json!({ "mediator_id": ti })),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let reasons: Vec<&str> = v["error"]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        for r in ["language", "sector", "gender", "remote", "availability"] {
            assert!(reasons.contains(&r), "{r} in {reasons:?}");
        }
        // The own mediator is confirmed 10:00-11:00 (fixture): overlap.
        let (_, c) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{id}/candidates"),
                Some(&coord),
                None,
            )
            .await;
        let own = c["excluded"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["mediator_id"] == w.a.med_own.to_string())
            .unwrap();
        let own_reasons = own["reasons"].as_array().unwrap();
        assert!(
            own_reasons.contains(&json!("overlap")) && own_reasons.contains(&json!("sector")),
            "{own}"
        );
        assert_eq!(
            c["excluded"].as_array().unwrap().len(),
            3,
            "every active mediator is listed once: {c}"
        );
    }
}

#[tokio::test]
async fn late_cancellation_by_the_institution_is_billable() {
    for w in worlds().await {
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        let soon = new_request(
            &w,
            &inst,
            json!({ "mode": "video", "language": "prs", "sector": "authority",
            "start": "2026-11-26T09:00", "duration_min": 60 }),
        )
        .await;
        let later = new_request(
            &w,
            &inst,
            json!({ "mode": "video", "language": "prs", "sector": "authority",
            "start": "2026-12-10T09:00", "duration_min": 60 }),
        )
        .await;
        let cancel = async |id: &Value, token: &str| {
            w.api(
                "POST",
                &format!("/api/v1/requests/{}/cancel", id.as_str().unwrap()),
                Some(token),
                Some(json!({ "reason": "Termin verschoben" })),
            )
            .await
        };
        let (s, v) = cancel(&soon["id"], &inst).await;
        assert_eq!(
            (s, v["billable"].as_bool()),
            (StatusCode::OK, Some(true)),
            "{v}"
        );
        let (s, v) = cancel(&later["id"], &inst).await;
        assert_eq!((s, v["billable"].as_bool()), (StatusCode::OK, Some(false)));
        assert_eq!(
            cancel(&later["id"], &inst).await.0,
            StatusCode::CONFLICT,
            "cancelled once"
        );
        let third = new_request(
            &w,
            &inst,
            json!({ "mode": "video", "language": "prs", "sector": "authority",
            "start": "2026-11-26T11:00", "duration_min": 60 }),
        )
        .await;
        let (_, v) = cancel(&third["id"], &coord).await;
        assert_eq!(
            v["billable"], false,
            "the centre's cancellation is not billed"
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/cancel", third["id"].as_str().unwrap()),
                Some(&inst),
                Some(json!({ "reason": " " })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    }
}

#[tokio::test]
async fn declined_and_expired_invitations_return_the_request_and_dropping_out_reopens() {
    for w in worlds().await {
        let coord = w.token(Role::Coordinator).await;
        let med = w.token(Role::Mediator).await;
        // The fixture's third request has two open invitations.
        let (_, invs) = w.api("GET", "/api/v1/invitations", Some(&med), None).await;
        let inv = invs[0]["id"].as_str().unwrap().to_owned();
        let req = invs[0]["request"]["id"].as_str().unwrap().to_owned();
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/invitations/{inv}/decline"),
                Some(&med),
                Some(json!({ "reason": "krank" })),
            )
            .await;
        assert_eq!(
            (s, v["request_status"].as_str()),
            (StatusCode::OK, Some("invited")),
            "another invitation is still out"
        );
        assert_eq!(
            w.api(
                "POST",
                &format!("/api/v1/invitations/{inv}/accept"),
                Some(&med),
                None
            )
            .await
            .0,
            StatusCode::CONFLICT
        );
        // The other one expires.
        w.clock.advance(SignedDuration::from_mins(601));
        let (expired, _) = mittler_app::requests::sweep(&w.app).await.unwrap();
        assert!(expired >= 1);
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{req}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(r["status"], "open", "{r}");
        assert_eq!(
            r["history"].as_array().unwrap().last().unwrap()["reason"],
            "invitations expired"
        );

        // Dropping out reopens a confirmed request, history kept.
        let own = w.a.req_own;
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{own}/drop-out"),
                Some(&med),
                Some(json!({ "reason": "Unfall" })),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("open")),
            "{v}"
        );
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{own}"),
                Some(&coord),
                None,
            )
            .await;
        assert!(r["mediator"].is_null());
        let events: Vec<&str> = r["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["event"].as_str().unwrap())
            .collect();
        assert_eq!(events, ["create", "assign", "drop_out"]);
        let (_, c) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{own}/candidates"),
                Some(&coord),
                None,
            )
            .await;
        assert!(
            !c["candidates"].as_array().unwrap().is_empty(),
            "the next candidates are proposed"
        );

        // Once the start passes, an open request is unfilled.
        w.clock.advance(SignedDuration::from_hours(24 * 7));
        let coord = w.token(Role::Coordinator).await;
        let (_, unfilled) = mittler_app::requests::sweep(&w.app).await.unwrap();
        assert!(unfilled >= 2);
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{own}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(r["status"], "unfilled");
    }
}

#[tokio::test]
async fn of_sixteen_mediators_accepting_at_once_exactly_one_wins_every_round() {
    for w in worlds().await {
        let admin = admin_actor(&w).await;
        let meds = crate::common::mediators_with_tokens(&w, 16, "racer").await;
        let ids: Vec<Uuid> = meds.iter().map(|(id, _)| *id).collect();
        let rounds = 50;
        for round in 0..rounds {
            // Each round a fresh phone request, 20 minutes, one after the other.
            let start = jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0)
                + SignedDuration::from_hours(24 * round);
            let mut input = crate::common::request_input(None, &start.to_string());
            input.duration_min = Some(20);
            let req = mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
                .await
                .unwrap();
            let invs = mittler_app::requests::invite(&w.app, &admin, req, &ids, 60)
                .await
                .unwrap();
            // Sixteen HTTP calls at once, through the real router.
            let mut tasks = Vec::new();
            for ((_, token), inv) in meds.iter().zip(invs) {
                let router = w.router.clone();
                let req = axum::http::Request::builder()
                    .method("POST")
                    .uri(format!("/api/v1/invitations/{inv}/accept"))
                    .header("authorization", format!("Bearer {token}"))
                    .body(axum::body::Body::empty())
                    .unwrap();
                tasks.push(tokio::spawn(async move {
                    tower::ServiceExt::oneshot(router, req)
                        .await
                        .unwrap()
                        .status()
                }));
            }
            let mut won = 0;
            for t in tasks {
                match t.await.unwrap() {
                    StatusCode::OK => won += 1,
                    StatusCode::CONFLICT => {}
                    other => panic!("[{}] round {round}: unexpected {other}", w.backend()),
                }
            }
            assert_eq!(won, 1, "[{}] round {round}", w.backend());
            let r = mittler_db::requests::get(&w.app.db, w.a.id, req)
                .await
                .unwrap();
            assert_eq!(r.status, "confirmed");
            let open = mittler_db::requests::invitations_of(&w.app.db, w.a.id, req)
                .await
                .unwrap();
            assert_eq!(open.iter().filter(|i| i.status == "accepted").count(), 1);
            assert_eq!(
                open.iter().filter(|i| i.status == "open").count(),
                0,
                "the others are withdrawn"
            );
        }
    }
}
