//! Language mediation end to end through the API, on both backends.

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
        let mut meds = Vec::new();
        for i in 0..16 {
            let mut input = mediator_input(&format!("Racer {i}"), &format!("racer{i}@example.org"));
            input.availability = (1..=7)
                .map(|d| mittler_domain::mediator::WindowInput {
                    weekday: d,
                    start: "00:00".into(),
                    end: "24:00".into(),
                })
                .collect();
            input.max_work_min_per_day = Some(720);
            let id = mittler_app::mediators::create(&w.app, &admin, &input)
                .await
                .unwrap();
            let user = mittler_domain::user::UserInput {
                email: format!("racer{i}@example.org"),
                name: format!("Racer {i}"),
                role: "mediator".into(),
                password: "racing password 123".into(),
                mediator_id: Some(id),
                ..Default::default()
            };
            mittler_app::users::create_in(&w.app, w.a.id, &user, None)
                .await
                .unwrap();
            let token = mittler_app::auth::sign_in(
                &w.app,
                &format!("racer{i}@example.org"),
                "racing password 123",
                None,
                mittler_db::sessions::Kind::Api,
            )
            .await
            .unwrap()
            .token;
            meds.push((id, token));
        }
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

mod properties {
    use super::*;
    use mittler_domain::matching::{Point, travel_min};
    use mittler_domain::request::{Event, Status, next};
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Create { hour: u8, remote: bool, minutes: u8 },
        Invite { req: usize, mask: u8 },
        Accept { med: usize, req: usize },
        Decline { med: usize, req: usize },
        Expire,
        Assign { req: usize, med: usize },
        Cancel { req: usize },
        DropOut { req: usize },
        Timesheet { req: usize },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (8u8..15, any::<bool>(), 1u8..4).prop_map(|(hour, remote, minutes)| Op::Create {
                hour,
                remote,
                minutes
            }),
            (0usize..8, 1u8..16).prop_map(|(req, mask)| Op::Invite { req, mask }),
            (0usize..4, 0usize..8).prop_map(|(med, req)| Op::Accept { med, req }),
            (0usize..4, 0usize..8).prop_map(|(med, req)| Op::Decline { med, req }),
            Just(Op::Expire),
            (0usize..8, 0usize..4).prop_map(|(req, med)| Op::Assign { req, med }),
            (0usize..8).prop_map(|req| Op::Cancel { req }),
            (0usize..8).prop_map(|req| Op::DropOut { req }),
            (0usize..8).prop_map(|req| Op::Timesheet { req }),
        ]
    }

    /// Fails on an internal error; refusals (409, 422, 403) are part of the game.
    fn fine<T>(r: Result<T, mittler_app::AppError>) {
        if let Err(mittler_app::AppError::Internal(e)) = r {
            panic!("internal error: {e}");
        }
    }

    async fn run(ops: Vec<Op>) {
        let w = World::new(mittler_db::testing::sqlite().await).await;
        let admin = admin_actor(&w).await;
        let own_place = place(&w).await;
        // Four mediators, all free all Monday; two at home far apart.
        let mut meds = vec![w.a.med_own, w.a.med_other];
        for i in 0..2 {
            let mut input = mediator_input(&format!("Extra {i}"), &format!("extra{i}@example.org"));
            input.home_lat = Some(51.40 + f64::from(i) * 0.1);
            meds.push(
                mittler_app::mediators::create(&w.app, &admin, &input)
                    .await
                    .unwrap(),
            );
        }
        let mut actors = Vec::new();
        for (i, m) in meds.iter().enumerate() {
            let user = mittler_domain::user::UserInput {
                email: format!("p{i}@example.org"),
                name: format!("P{i}"),
                role: "mediator".into(),
                password: "property password".into(),
                mediator_id: Some(*m),
                ..Default::default()
            };
            let uid = mittler_app::users::create_in(&w.app, w.a.id, &user, None)
                .await
                .unwrap();
            actors.push(Actor::from_user(
                &mittler_db::users::get(&w.app.db, w.a.id, uid)
                    .await
                    .unwrap(),
                None,
            ));
        }
        let inst = Actor::from_user(
            &mittler_db::users::get(&w.app.db, w.a.id, w.a.users[&Role::Institution].0)
                .await
                .unwrap(),
            None,
        );
        let mut reqs: Vec<Uuid> = vec![w.a.req_own, w.a.req_other];
        for op in ops {
            let pick = |i: usize| reqs.get(i % reqs.len()).copied().unwrap_or(w.a.req_own);
            match op {
                Op::Create {
                    hour,
                    remote,
                    minutes,
                } => {
                    let mut input = crate::common::request_input(
                        if remote { None } else { Some(own_place) },
                        &format!("2026-11-30T{hour:02}:{:02}", u32::from(minutes) * 15 % 60),
                    );
                    input.duration_min = Some(i64::from(minutes) * 30);
                    let r = mittler_app::requests::create(&w.app, &inst, None, &input).await;
                    if let Ok(id) = r {
                        reqs.push(id);
                    } else {
                        fine(r);
                    }
                }
                Op::Invite { req, mask } => {
                    let ids: Vec<Uuid> = meds
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, m)| *m)
                        .collect();
                    fine(mittler_app::requests::invite(&w.app, &admin, pick(req), &ids, 30).await);
                }
                Op::Accept { med, req } | Op::Decline { med, req } => {
                    let actor = &actors[med % actors.len()];
                    let mine = mittler_db::requests::open_invitations(
                        &w.app.db,
                        w.a.id,
                        meds[med % meds.len()],
                        w.app.now(),
                    )
                    .await
                    .unwrap();
                    if let Some(inv) = mine
                        .iter()
                        .find(|i| i.request_id == pick(req))
                        .or(mine.first())
                    {
                        if matches!(op, Op::Accept { .. }) {
                            fine(mittler_app::requests::accept(&w.app, actor, inv.id, true).await);
                        } else {
                            fine(mittler_app::requests::decline(&w.app, actor, inv.id, None).await);
                        }
                    }
                }
                Op::Expire => {
                    w.clock.advance(SignedDuration::from_mins(31));
                    fine(mittler_app::requests::sweep(&w.app).await);
                }
                Op::Assign { req, med } => fine(
                    mittler_app::requests::assign(
                        &w.app,
                        &admin,
                        pick(req),
                        meds[med % meds.len()],
                    )
                    .await,
                ),
                Op::Cancel { req } => {
                    fine(mittler_app::requests::cancel(&w.app, &admin, pick(req), "property").await)
                }
                Op::DropOut { req } => fine(
                    mittler_app::requests::drop_out(&w.app, &admin, pick(req), "property").await,
                ),
                Op::Timesheet { req } => {
                    let r = mittler_db::requests::get(&w.app.db, w.a.id, pick(req))
                        .await
                        .unwrap();
                    if let Some(m) = r.mediator_id
                        && let Some(i) = meds.iter().position(|x| *x == m)
                    {
                        fine(
                            mittler_app::requests::submit_timesheet(
                                &w.app,
                                &actors[i],
                                r.id,
                                "2026-11-30T08:00",
                                "2026-11-30T09:00",
                                0,
                                0,
                            )
                            .await,
                        );
                    }
                }
            }
            check_invariants(&w, &reqs).await;
        }
    }

    async fn check_invariants(w: &World, reqs: &[Uuid]) {
        let places: std::collections::HashMap<Uuid, Point> =
            mittler_db::institutions::list(&w.app.db, w.a.id)
                .await
                .unwrap()
                .into_iter()
                .flat_map(|i| {
                    i.places.into_iter().map(|p| {
                        (
                            p.id,
                            Point {
                                lat: p.lat,
                                lon: p.lon,
                            },
                        )
                    })
                })
                .collect();
        for id in reqs {
            let hist = mittler_db::requests::history(&w.app.db, w.a.id, *id)
                .await
                .unwrap();
            let mut current = None;
            for h in &hist {
                let to = Status::parse(&h.to_status).unwrap();
                let from = h.from_status.as_deref().map(|f| Status::parse(f).unwrap());
                assert_eq!(from, current, "history of {id} is a chain: {hist:?}");
                let legal = match h.event.as_str() {
                    "create" => from.is_none() && to == Status::Open,
                    "timesheet" | "timesheet_disputed" => from == Some(to),
                    e => {
                        let ev = [
                            Event::Invite,
                            Event::InvitationsClosed,
                            Event::Accept,
                            Event::Assign,
                            Event::DropOut,
                            Event::Cancel,
                            Event::Complete,
                            Event::StartPassed,
                        ]
                        .into_iter()
                        .find(|x| x.as_str() == e)
                        .unwrap_or_else(|| panic!("unknown event {e}"));
                        from.and_then(|f| next(f, ev)) == Some(to)
                    }
                };
                assert!(legal, "illegal transition {from:?} -{}-> {to:?}", h.event);
                current = Some(to);
            }
            let row = mittler_db::requests::get(&w.app.db, w.a.id, *id)
                .await
                .unwrap();
            assert_eq!(
                Some(row.status().unwrap()),
                current,
                "stored status matches the history"
            );
        }
        // No mediator has two confirmed assignments that overlap once travel is counted.
        let booked = mittler_db::requests::booked_on(&w.app.db, w.a.id, "2026-11-30", None)
            .await
            .unwrap();
        let meds = mittler_db::mediators::list(&w.app.db, w.a.id)
            .await
            .unwrap();
        for m in meds {
            let home = Point {
                lat: m.home.lat,
                lon: m.home.lon,
            };
            let mut mine: Vec<_> = booked
                .iter()
                .filter(|r| r.mediator_id == Some(m.id))
                .collect();
            mine.sort_by_key(|r| r.start_at);
            for pair in mine.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let la = a
                    .place_id
                    .and_then(|p| places.get(&p).copied())
                    .unwrap_or(home);
                let lb = b
                    .place_id
                    .and_then(|p| places.get(&p).copied())
                    .unwrap_or(home);
                let end_a = a.start_at.0.as_second() + i64::from(a.duration_min) * 60;
                let travel = i64::from(travel_min(la, lb, m.speed_kmh)) * 60;
                assert!(
                    end_a + travel <= b.start_at.0.as_second(),
                    "{} has overlapping assignments",
                    m.name
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn random_dispatch_never_breaks_the_rules(ops in proptest::collection::vec(op(), 1..40)) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(run(ops));
        }
    }
}

#[tokio::test]
async fn the_calendar_feed_shows_confirmed_assignments_until_revoked() {
    for w in worlds().await {
        let (token, csrf) = w.session(Role::Mediator).await;
        let (s, _, body) = w
            .page(
                "POST",
                "/me/calendar",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(format!("csrf={}", crate::common::enc(&csrf))),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let start = body.find("/calendar/").unwrap();
        let path: String = body[start..].chars().take_while(|c| *c != '"').collect();
        assert!(path.ends_with(".ics"), "{path}");
        let (s, h, ics) = w
            .page("GET", &path, None, crate::common::ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            h["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        assert!(
            ics.contains("BEGIN:VEVENT") && ics.contains(&format!("UID:{}@mittler", w.a.req_own)),
            "{ics}"
        );
        assert!(
            ics.contains("DTSTART:20261130T090000Z"),
            "10:00 in Berlin is 09:00 UTC"
        );
        // Renewing revokes the old address; revoking ends it.
        let (_, _, body2) = w
            .page(
                "POST",
                "/me/calendar",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(format!("csrf={}", crate::common::enc(&csrf))),
            )
            .await;
        assert!(!body2.contains(&path));
        assert_eq!(
            w.page("GET", &path, None, crate::common::ANON_CSRF, None)
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        w.page(
            "POST",
            "/me/calendar/revoke",
            Some(&token),
            crate::common::ANON_CSRF,
            Some(format!("csrf={}", crate::common::enc(&csrf))),
        )
        .await;
        let start = body2.find("/calendar/").unwrap();
        let path2: String = body2[start..].chars().take_while(|c| *c != '"').collect();
        assert_eq!(
            w.page("GET", &path2, None, crate::common::ANON_CSRF, None)
                .await
                .0,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn a_weekly_series_keeps_its_local_time_and_cancels_by_scope() {
    for w in worlds().await {
        let inst = w.token(Role::Institution).await;
        let r = new_request(&w, &inst, json!({ "mode": "onsite", "place_id": place(&w).await, "language": "prs", "sector": "school",
            "start": "2027-03-15T09:00", "duration_min": 90, "client_ref": "K-2027-SCHULE",
            "preferred_mediator_id": w.a.med_own, "repeat": { "every_weeks": 1, "count": 4 } })).await;
        let occ: Vec<String> = r["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(occ.len(), 4);
        let mut starts = Vec::new();
        for id in &occ {
            let (_, o) = w
                .api("GET", &format!("/api/v1/requests/{id}"), Some(&inst), None)
                .await;
            assert_eq!(
                o["preferred_mediator_id"],
                w.a.med_own.to_string(),
                "continuity proposed for all"
            );
            assert_eq!(o["series_id"], r["series_id"]);
            starts.push(o["start"].as_str().unwrap().to_owned());
        }
        assert_eq!(
            starts,
            [
                "2027-03-15T09:00:00+01:00",
                "2027-03-22T09:00:00+01:00",
                "2027-03-29T09:00:00+02:00",
                "2027-04-05T09:00:00+02:00"
            ],
            "09:00 across the change to summer time"
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/cancel", occ[2]),
                Some(&inst),
                Some(json!({ "reason": "Schulferien", "scope": "following" })),
            )
            .await;
        assert_eq!(
            (s, v["cancelled"].as_u64()),
            (StatusCode::OK, Some(2)),
            "{v}"
        );
        let mut statuses = Vec::new();
        for id in &occ {
            let (_, o) = w
                .api("GET", &format!("/api/v1/requests/{id}"), Some(&inst), None)
                .await;
            statuses.push(o["status"].as_str().unwrap().to_owned());
        }
        assert_eq!(statuses, ["open", "open", "cancelled", "cancelled"]);
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/requests",
                Some(&inst),
                Some(
                    json!({ "mode": "phone", "language": "prs", "sector": "school",
            "start": "2027-03-15T09:00", "duration_min": 60, "repeat": { "every_weeks": 3 } }),
                ),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            v["error"]["fields"]["repeat.every_weeks"].is_string(),
            "{v}"
        );
    }
}

#[tokio::test]
async fn the_inbox_hears_of_new_requests_and_answers_live() {
    use http_body_util::BodyExt;
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let (token, _) = w.session(Role::Coordinator).await;
    let req = axum::http::Request::builder()
        .uri("/requests/events")
        .header("cookie", format!("mittler_session={token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let resp = tower::ServiceExt::oneshot(w.router.clone(), req)
        .await
        .unwrap();
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let mut body = resp.into_body();
    // Tenant b's news does not reach tenant a's coordinator; tenant a's does.
    let inst_b = mittler_db::users::get(&w.app.db, w.b.id, w.b.users[&Role::Institution].0)
        .await
        .unwrap();
    mittler_app::requests::create(
        &w.app,
        &Actor::from_user(&inst_b, None),
        None,
        &crate::common::request_input(None, "2026-12-01T09:00"),
    )
    .await
    .unwrap();
    let inst = w.token(Role::Institution).await;
    let r = new_request(&w, &inst, json!({ "mode": "phone", "language": "prs", "sector": "authority", "start": "2026-12-01T09:00", "duration_min": 30 })).await;
    let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(
        text.contains("event: created") && text.contains(r["id"].as_str().unwrap()),
        "{text}"
    );
}

#[tokio::test]
async fn invitations_show_the_expected_fee_under_the_centres_rule() {
    for w in worlds().await {
        let med = w.token(Role::Mediator).await;
        let (_, invs) = w.api("GET", "/api/v1/invitations", Some(&med), None).await;
        // The fixture's invitation: 60 minutes by phone, default rule 18 €/h, first hour in full.
        assert_eq!(invs[0]["expected_fee_cents"], 1800, "{invs}");
        let (token, csrf) = w.session(Role::Admin).await;
        let form = format!(
            "csrf={}&cancel_notice_hours=48&fee_euros_per_hour=21%2C50&fee_minimum_min=30&fee_increment_min=15&fee_travel_euros=5&retention_days=120",
            crate::common::enc(&csrf)
        );
        let (s, _, _) = w
            .page(
                "POST",
                "/settings",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(form),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (_, invs) = w.api("GET", "/api/v1/invitations", Some(&med), None).await;
        assert_eq!(invs[0]["expected_fee_cents"], 2150);
        let bad = format!(
            "csrf={}&cancel_notice_hours=-1&fee_euros_per_hour=abc&fee_minimum_min=30&fee_increment_min=0&fee_travel_euros=5&retention_days=0",
            crate::common::enc(&csrf)
        );
        let (s, _, body) = w
            .page(
                "POST",
                "/settings",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(bad),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body.contains("value=\"abc\""),
            "the form keeps what was typed"
        );
        let bad = format!(
            "csrf={}&cancel_notice_hours=24&fee_euros_per_hour=18&fee_minimum_min=30&fee_increment_min=15&fee_travel_euros=5&retention_days=0",
            crate::common::enc(&csrf)
        );
        let (s, _, body) = w
            .page(
                "POST",
                "/settings",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(bad),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body.contains("aria-describedby=\"retention_days-err\""),
            "retention out of range"
        );
        assert_eq!(
            mittler_db::tenants::settings(&w.app.db, w.a.id)
                .await
                .unwrap()
                .cancel_notice_hours,
            48
        );
        assert_eq!(
            mittler_db::tenants::settings(&w.app.db, w.a.id)
                .await
                .unwrap()
                .retention_days,
            120
        );
    }
}

#[tokio::test]
async fn a_series_is_moved_from_one_occurrence_on_and_confirmed_ones_stay() {
    for w in worlds().await {
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        let r = new_request(&w, &inst, json!({ "mode": "phone", "language": "prs", "sector": "authority",
            "start": "2026-11-30T09:00", "duration_min": 60, "repeat": { "every_weeks": 2, "count": 4 } })).await;
        let occ: Vec<String> = r["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        // The last one is confirmed already; the second is invited.
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/assign", occ[3]),
                Some(&coord),
                Some(json!({ "mediator_id": w.a.med_own })),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        w.api(
            "POST",
            &format!("/api/v1/requests/{}/invitations", occ[1]),
            Some(&coord),
            Some(json!({ "mediator_ids": [w.a.med_other] })),
        )
        .await;
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/reschedule", occ[1]),
                Some(&inst),
                Some(json!({ "time": "13:30", "duration_min": 45, "scope": "following" })),
            )
            .await;
        assert_eq!(
            (s, v["changed"].as_u64(), v["skipped"].as_u64()),
            (StatusCode::OK, Some(2), Some(1)),
            "{v}"
        );
        let mut got = Vec::new();
        for id in &occ {
            let (_, o) = w
                .api("GET", &format!("/api/v1/requests/{id}"), Some(&inst), None)
                .await;
            got.push((
                o["start"].as_str().unwrap().to_owned(),
                o["duration_min"].as_i64().unwrap(),
                o["status"].as_str().unwrap().to_owned(),
            ));
        }
        assert_eq!(
            got[0],
            (
                "2026-11-30T09:00:00+01:00".to_owned(),
                60,
                "open".to_owned()
            ),
            "before the scope"
        );
        assert_eq!(
            got[1],
            (
                "2026-12-14T13:30:00+01:00".to_owned(),
                45,
                "open".to_owned()
            ),
            "moved, invitation withdrawn"
        );
        assert_eq!(
            got[2],
            (
                "2026-12-28T13:30:00+01:00".to_owned(),
                45,
                "open".to_owned()
            )
        );
        assert_eq!(
            got[3],
            (
                "2027-01-11T09:00:00+01:00".to_owned(),
                60,
                "confirmed".to_owned()
            ),
            "confirmed stays"
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/reschedule", occ[0]),
                Some(&inst),
                Some(json!({ "time": "25:00", "duration_min": 5 })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            v["error"]["fields"]["time"].is_string()
                && v["error"]["fields"]["duration_min"].is_string()
        );
    }
}

#[tokio::test]
async fn the_candidates_panel_and_the_planner_agree_on_who_may_serve_what() {
    for w in worlds().await {
        let admin = admin_actor(&w).await;
        use mittler_domain::mediator::{AbsenceInput, SkillInput, WindowInput};
        let mk = |name: &str,
                  langs: &[&str],
                  gender: &str,
                  remote: bool,
                  day: i64,
                  from: &str,
                  to: &str,
                  sectors: &[&str],
                  absent: bool| {
            let mut m = mediator_input(
                name,
                &format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
            );
            m.languages = langs
                .iter()
                .map(|l| SkillInput {
                    code: (*l).into(),
                    level: "native".into(),
                })
                .collect();
            m.gender = gender.into();
            m.remote = remote;
            m.availability = vec![WindowInput {
                weekday: day,
                start: from.into(),
                end: to.into(),
            }];
            m.sectors = sectors.iter().map(|s| (*s).to_owned()).collect();
            if absent {
                m.absences = vec![AbsenceInput {
                    from: "2026-12-05".into(),
                    to: "2026-12-09".into(),
                }];
            }
            m
        };
        for m in [
            mk(
                "Tir Morning",
                &["tir"],
                "f",
                false,
                1,
                "08:00",
                "12:00",
                &["medical", "authority"],
                false,
            ),
            mk(
                "Dari Away",
                &["prs"],
                "m",
                true,
                1,
                "08:00",
                "18:00",
                &["authority"],
                true,
            ),
            mk(
                "Court Afternoon",
                &["prs", "tir"],
                "d",
                true,
                1,
                "12:00",
                "18:00",
                &["court"],
                false,
            ),
            mk(
                "Tuesday Only",
                &["prs"],
                "f",
                true,
                2,
                "08:00",
                "18:00",
                &["authority", "medical"],
                false,
            ),
        ] {
            mittler_app::mediators::create(&w.app, &admin, &m)
                .await
                .unwrap();
        }
        let place = place(&w).await;
        let asks = [
            ("prs", "authority", "09:00", 60, true, ""),
            ("prs", "authority", "13:00", 60, false, "m"),
            ("tir", "medical", "10:00", 90, true, "f"),
            ("tir", "medical", "11:30", 60, true, ""),
            ("prs", "court", "14:00", 45, false, ""),
            ("tir", "court", "14:00", 45, true, "d"),
            ("prs", "medical", "07:00", 30, false, ""),
            ("prs", "authority", "15:00", 400, false, ""),
        ];
        for (lang, sector, time, dur, onsite, must) in asks {
            let mut input = crate::common::request_input(
                if onsite { Some(place) } else { None },
                &format!("2026-12-07T{time}"),
            );
            input.language = lang.into();
            input.sector = sector.into();
            input.duration_min = Some(dur);
            if !must.is_empty() {
                input.gender_preference = "must".into();
                input.gender = Some(must.into());
            }
            mittler_app::requests::create(&w.app, &admin, Some(w.a.inst_own), &input)
                .await
                .unwrap();
        }
        let inst = mittler_app::plans::instance_for(&w.app, &admin, "2026-12-07".parse().unwrap())
            .await
            .unwrap();
        assert_eq!(inst.appointments.len(), asks.len());
        for (id, planner) in mittler_planner::candidates(&inst) {
            let panel = mittler_app::requests::candidates(&w.app, &admin, id.parse().unwrap())
                .await
                .unwrap();
            let mut ranked: Vec<String> = panel
                .candidates
                .iter()
                .map(|c| c.mediator_id.to_string())
                .collect();
            let mut planned = planner.clone();
            ranked.sort();
            planned.sort();
            assert_eq!(ranked, planned, "[{}] request {id}", w.backend());
        }
    }
}

#[tokio::test]
async fn a_day_plan_is_proposed_and_applied_once() {
    for w in worlds().await {
        let coord = w.token(Role::Coordinator).await;
        let inst = w.token(Role::Institution).await;
        let mut ids = Vec::new();
        for (time, lang) in [
            ("08:00", "prs"),
            ("10:00", "prs"),
            ("12:00", "prs"),
            ("09:00", "ara"),
        ] {
            let r = new_request(
                &w,
                &inst,
                json!({ "mode": "phone", "language": lang, "sector": "authority",
                "start": format!("2026-12-07T{time}"), "duration_min": 60 }),
            )
            .await;
            ids.push(r["id"].as_str().unwrap().to_owned());
        }
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/plans",
                Some(&coord),
                Some(json!({ "date": "2026-12-07", "time_limit_s": 0.3 })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(
            v["assignments"].as_array().unwrap().len(),
            3,
            "three Dari requests for two Dari mediators: {v}"
        );
        assert_eq!(
            v["unassigned"].as_array().unwrap().len(),
            1,
            "nobody speaks Arabic here"
        );
        assert!(v["cost"].as_u64().unwrap() >= 1000);
        let plan = v["id"].as_str().unwrap().to_owned();
        // The other tenant cannot apply it.
        let other = {
            let email = &w.b.users[&Role::Coordinator].1;
            mittler_app::auth::sign_in(
                &w.app,
                email,
                crate::common::PASSWORD,
                None,
                mittler_db::sessions::Kind::Api,
            )
            .await
            .unwrap()
            .token
        };
        assert_eq!(
            w.api(
                "POST",
                &format!("/api/v1/plans/{plan}/apply"),
                Some(&other),
                None
            )
            .await
            .0,
            StatusCode::NOT_FOUND
        );
        let (s, v) = w
            .api(
                "POST",
                &format!("/api/v1/plans/{plan}/apply"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(
            (s, v["invitations"].as_u64()),
            (StatusCode::OK, Some(3)),
            "{v}"
        );
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{}", ids[0]),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(r["status"], "invited");
        assert_eq!(
            w.api(
                "POST",
                &format!("/api/v1/plans/{plan}/apply"),
                Some(&coord),
                None
            )
            .await
            .0,
            StatusCode::CONFLICT
        );
        // A plan whose requests changed since is refused.
        let (_, v) = w
            .api(
                "POST",
                "/api/v1/plans",
                Some(&coord),
                Some(json!({ "date": "2026-12-07", "time_limit_s": 0.1 })),
            )
            .await;
        let plan2 = v["id"].as_str().unwrap().to_owned();
        let changed = v["assignments"]
            .as_array()
            .unwrap()
            .first()
            .map(|a| a["request_id"].as_str().unwrap().to_owned());
        if let Some(changed) = changed {
            w.api(
                "POST",
                &format!("/api/v1/requests/{changed}/cancel"),
                Some(&coord),
                Some(json!({ "reason": "verlegt" })),
            )
            .await;
            assert_eq!(
                w.api(
                    "POST",
                    &format!("/api/v1/plans/{plan2}/apply"),
                    Some(&coord),
                    None
                )
                .await
                .0,
                StatusCode::CONFLICT
            );
        }
        let (s, v) = w
            .api(
                "POST",
                "/api/v1/plans",
                Some(&coord),
                Some(json!({ "date": "7.12." })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v["error"]["fields"]["date"].is_string());
    }
}

#[tokio::test]
async fn the_plan_page_shows_lanes_and_reasons_and_applies_the_ticked_rows() {
    for w in worlds().await {
        let inst = w.token(Role::Institution).await;
        let mut ids = Vec::new();
        for (time, lang) in [("08:00", "prs"), ("10:00", "prs"), ("09:00", "ara")] {
            let r = new_request(
                &w,
                &inst,
                json!({ "mode": "phone", "language": lang, "sector": "authority",
                "start": format!("2026-12-07T{time}"), "duration_min": 60 }),
            )
            .await;
            ids.push(r["id"].as_str().unwrap().to_owned());
        }
        let (token, csrf) = w.session(Role::Coordinator).await;
        let c = crate::common::enc(&csrf);
        let (s, _, body) = w
            .page(
                "POST",
                "/plans",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(format!("csrf={c}&date=7.12.")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("value=\"7.12.\""));
        let (s, h, _) = w
            .page(
                "POST",
                "/plans",
                Some(&token),
                crate::common::ANON_CSRF,
                Some(format!("csrf={c}&date=2026-12-07")),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let plan = h["location"].to_str().unwrap().to_owned();
        let (s, _, body) = w
            .page("GET", &plan, Some(&token), crate::common::ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            body.contains("Own Mediator") || body.contains("Other Mediator"),
            "a lane per mediator"
        );
        assert!(
            body.contains("Niemand im Pool spricht diese Sprache."),
            "the Arabic request says why"
        );
        assert!(body.contains("Fahrtzeit"));
        // Leave the second row out, and give the first to the other mediator.
        let first = format!("{}:{}", ids[0], w.a.med_other);
        let (s, h, _) = w
            .page(
                "POST",
                &format!("{plan}/apply"),
                Some(&token),
                crate::common::ANON_CSRF,
                Some(format!(
                    "csrf={c}&pick={}&pick={}%3A",
                    crate::common::enc(&first),
                    ids[1]
                )),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{h:?}");
        let coord = w.token(Role::Coordinator).await;
        let status = async |id: &str| {
            w.api("GET", &format!("/api/v1/requests/{id}"), Some(&coord), None)
                .await
                .1["status"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(status(&ids[0]).await, "invited");
        assert_eq!(status(&ids[1]).await, "open");
        let invs = mittler_db::requests::invitations_of(&w.app.db, w.a.id, ids[0].parse().unwrap())
            .await
            .unwrap();
        assert_eq!(
            invs.iter().map(|i| i.mediator_id).collect::<Vec<_>>(),
            vec![w.a.med_other],
            "the changed row"
        );
        let (_, _, body) = w
            .page("GET", &plan, Some(&token), crate::common::ANON_CSRF, None)
            .await;
        assert!(body.contains("angewendet"));
    }
}
