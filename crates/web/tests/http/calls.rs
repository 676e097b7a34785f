//! Interpreting now, through the real router on both databases: on call, calls, the
//! race for a call, missed calls, the fallback from on site, push, billing and figures.

use crate::common::{World, mediators_with_tokens, worlds};
use axum::http::StatusCode;
use jiff::SignedDuration;
use mittler_domain::Role;
use serde_json::{Value, json};
use uuid::Uuid;

fn call_body(mode: &str, language: &str) -> Value {
    json!({ "mode": mode, "language": language, "sector": "medical", "client_ref": "K-2026-0815" })
}

async fn on_call(w: &World, token: &str, until: &str) -> (StatusCode, Value) {
    w.api(
        "POST",
        "/api/v1/me/on-call",
        Some(token),
        Some(json!({ "until": until })),
    )
    .await
}

#[tokio::test]
async fn a_call_rings_for_the_mediators_on_call_and_ends_as_a_billed_record() {
    for w in worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        // Nobody on call: said at once, never a silent ringing.
        let (s, r) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "prs")),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "[{b}] {r}");
        assert_eq!(r["error"]["code"], "nobody_on_call");

        let (s, r) = on_call(&w, &med, "14:00").await;
        assert_eq!(s, StatusCode::OK, "[{b}] {r}");
        assert_eq!(r["until"], "2026-11-25T14:00:00+01:00");
        let (_, now) = w.api("GET", "/api/v1/on-call", Some(&coord), None).await;
        assert_eq!(now[0]["language"], "prs", "[{b}] {now}");
        assert_eq!(
            now[0]["mediators"][0]["mediator_id"],
            w.a.med_own.to_string()
        );

        // Nobody on call speaks Tigrinya.
        let (s, r) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "tir")),
            )
            .await;
        assert_eq!(
            (s, r["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("nobody_on_call"))
        );

        let (s, call) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "prs")),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "[{b}] {call}");
        assert_eq!(
            (call["status"].as_str(), call["told"].as_i64()),
            (Some("ringing"), Some(1))
        );
        let id = call["id"].as_str().unwrap().to_owned();

        // The mediator sees it ringing; the institution's other users' calls are apart.
        let (_, ringing) = w
            .api("GET", "/api/v1/calls?status=ringing", Some(&med), None)
            .await;
        assert_eq!(ringing.as_array().unwrap().len(), 1, "[{b}] {ringing}");
        assert_eq!(ringing[0]["id"], id.as_str());
        assert!(ringing[0].get("join_url").unwrap().is_null());

        w.clock.advance(SignedDuration::from_secs(20));
        let (s, taken) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/accept"),
                Some(&med),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {taken}");
        assert_eq!(taken["status"], "connected");
        assert_eq!(taken["join_url"], format!("/call/{id}"));
        let (_, seen) = w
            .api("GET", &format!("/api/v1/calls/{id}"), Some(&inst), None)
            .await;
        assert_eq!(
            (seen["status"].as_str(), seen["join_url"].as_str()),
            (Some("connected"), Some(format!("/call/{id}").as_str()))
        );
        // Accepting twice is refused; the mediator is in a call, so no other rings for them.
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/accept"),
                Some(&med),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, _) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("phone", "prs")),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "[{b}] a connected call occupies its mediator"
        );

        // Another tenant's users, and another institution's, do not see the call.
        let foreign = w.token_of(&w.b, Role::Coordinator).await;
        let (s, _) = w
            .api("GET", &format!("/api/v1/calls/{id}"), Some(&foreign), None)
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/end"),
                Some(&foreign),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // Seven minutes and a second: billed as eight.
        w.clock.advance(SignedDuration::from_secs(7 * 60 + 1));
        let (s, ended) = w
            .api("POST", &format!("/api/v1/calls/{id}/end"), Some(&med), None)
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {ended}");
        assert_eq!(
            (ended["status"].as_str(), ended["duration_s"].as_i64()),
            (Some("ended"), Some(421))
        );
        w.clock.advance(SignedDuration::from_secs(30));
        let (s, again) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/end"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            (again["duration_s"].as_i64(), again["ended_at"].clone()),
            (Some(421), ended["ended_at"].clone()),
            "[{b}] ending twice changes nothing"
        );
        let record = again["request_id"].as_str().unwrap().to_owned();
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{record}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(
            (
                r["status"].as_str(),
                r["mode"].as_str(),
                r["language"].as_str()
            ),
            (Some("completed"), Some("video"), Some("prs")),
            "[{b}] {r}"
        );

        // The month's close bills it by the video tariff: minutes after a minimum.
        let tariff = json!({ "name": "Video", "categories": ["authority", "health", "school", "social", "court", "other"],
            "modes": ["video"], "valid_from": "2026-01-01",
            "client": { "cents_per_hour": 6000, "minimum_min": 5, "step_min": 1, "flat_cents": 0, "per_km_cents": 0,
                "travel_cents_per_hour": 0, "travel_step_min": 1, "night_pct": 0, "sunday_pct": 0, "holiday_pct": 0, "cancel_pct": 0 },
            "mediator": { "cents_per_hour": 3000, "minimum_min": 5, "step_min": 1, "flat_cents": 0, "per_km_cents": 0,
                "travel_cents_per_hour": 0, "travel_step_min": 1, "night_pct": 0, "sunday_pct": 0, "holiday_pct": 0, "cancel_pct": 0 } });
        let admin = w.token(Role::Admin).await;
        let (s, t) = w
            .api("POST", "/api/v1/tariffs", Some(&admin), Some(tariff))
            .await;
        assert_eq!(s, StatusCode::CREATED, "[{b}] {t}");
        let (s, run) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-11" })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "[{b}] {run}");
        let lines: Vec<&Value> = run["invoices"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| i["lines"].as_array().unwrap().iter())
            .filter(|l| l["request_id"] == record.as_str())
            .collect();
        assert_eq!(lines.len(), 1, "[{b}] {run}");
        assert_eq!(
            (
                lines[0]["kind"].as_str(),
                lines[0]["minutes"].as_i64(),
                lines[0]["time_cents"].as_i64()
            ),
            (Some("call"), Some(8), Some(800)),
            "[{b}] {run}"
        );
    }
}

#[tokio::test]
async fn on_call_and_calls_refuse_bad_input_by_field() {
    for w in worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let inst = w.token(Role::Institution).await;
        for (until, reason) in [
            ("", "required"),
            ("09:00", "not-in-future"),
            ("26:00", "invalid-datetime"),
            ("2026-11-27T10:00:00Z", "too-far"),
        ] {
            let (s, r) = on_call(&w, &med, until).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {until}: {r}");
            assert!(
                r["error"]["fields"]["until"].is_string(),
                "[{b}] {reason}: {r}"
            );
        }
        let (s, r) = w
            .api("POST", "/api/v1/calls", Some(&inst), Some(json!({ "mode": "onsite", "language": "xx-none", "sector": "", "callback_phone": "ring me" })))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {r}");
        for f in ["mode", "language", "sector", "callback_phone"] {
            assert!(r["error"]["fields"][f].is_string(), "[{b}] {f}: {r}");
        }
        // A coordinator names the institution.
        let coord = w.token(Role::Coordinator).await;
        let (s, r) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&coord),
                Some(call_body("video", "prs")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r["error"]["fields"]["institution_id"].is_string(), "{r}");
        // A mediator who does not work remotely cannot go on call.
        let admin = w.actor(Role::Admin).await;
        let mut input = crate::common::mediator_input("Nur vor Ort", "m1@essen.test");
        input.remote = false;
        mittler_app::mediators::update(&w.app, &admin, w.a.med_own, &input)
            .await
            .unwrap();
        let (s, r) = on_call(&w, &med, "14:00").await;
        assert_eq!(s, StatusCode::CONFLICT, "[{b}] {r}");
        let (s, r) = w
            .api(
                "GET",
                "/api/v1/reports/calls?from=2026-11-01&to=2026-10-01",
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {r}");
    }
}

#[tokio::test]
async fn of_sixteen_mediators_on_call_exactly_one_takes_each_call() {
    for w in worlds().await {
        let meds = mediators_with_tokens(&w, 16, "caller").await;
        for (_, t) in &meds {
            assert_eq!(on_call(&w, t, "20:00").await.0, StatusCode::OK);
        }
        let inst = w.token(Role::Institution).await;
        for round in 0..50 {
            let (s, call) = w
                .api(
                    "POST",
                    "/api/v1/calls",
                    Some(&inst),
                    Some(call_body("phone", "prs")),
                )
                .await;
            assert_eq!(
                s,
                StatusCode::CREATED,
                "[{}] round {round}: {call}",
                w.backend()
            );
            assert!(call["told"].as_i64().unwrap() >= 16, "{call}");
            let id = call["id"].as_str().unwrap().to_owned();
            let mut tasks = Vec::new();
            for (_, token) in &meds {
                let router = w.router.clone();
                let req = axum::http::Request::builder()
                    .method("POST")
                    .uri(format!("/api/v1/calls/{id}/accept"))
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
            let (_, c) = w
                .api("GET", &format!("/api/v1/calls/{id}"), Some(&inst), None)
                .await;
            assert_eq!(c["status"], "connected");
            // The phone call shows the institution's number to call back.
            assert!(c["callback_phone"].is_string(), "{c}");
            w.clock.advance(SignedDuration::from_secs(60));
            let (s, _) = w
                .api(
                    "POST",
                    &format!("/api/v1/calls/{id}/end"),
                    Some(&inst),
                    None,
                )
                .await;
            assert_eq!(s, StatusCode::OK);
        }
    }
}

#[tokio::test]
async fn a_missed_call_rings_again_or_becomes_a_request_in_one_step() {
    for w in worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let inst = w.token(Role::Institution).await;
        on_call(&w, &med, "14:00").await;
        let (_, call) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "prs")),
            )
            .await;
        let id = call["id"].as_str().unwrap().to_owned();
        // The centre's answer time (120 s) passes.
        w.clock.advance(SignedDuration::from_secs(121));
        let (_, c) = w
            .api("GET", &format!("/api/v1/calls/{id}"), Some(&inst), None)
            .await;
        assert_eq!(c["status"], "missed", "[{b}] {c}");
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/accept"),
                Some(&med),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "[{b}] too late to take");
        // Ending a missed call changes nothing.
        let (s, c) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/end"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!((s, c["status"].as_str()), (StatusCode::OK, Some("missed")));
        // Keep ringing: nobody on call now is said at once.
        w.api("DELETE", "/api/v1/me/on-call", Some(&med), None)
            .await;
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/ring-again"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(
            (s, r["error"]["code"].as_str()),
            (StatusCode::CONFLICT, Some("nobody_on_call")),
            "[{b}] {r}"
        );
        on_call(&w, &med, "14:00").await;
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/ring-again"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(
            (s, r["status"].as_str()),
            (StatusCode::OK, Some("ringing")),
            "[{b}] {r}"
        );
        // The mediator may not ring it again for the caller.
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/ring-again"),
                Some(&med),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        w.clock.advance(SignedDuration::from_secs(121));
        assert_eq!(
            mittler_app::calls::sweep(&w.app).await.unwrap(),
            1,
            "[{b}] the worker settles it"
        );
        // Book a video appointment later instead, with the call's language and sector.
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/to-request"),
                Some(&inst),
                Some(json!({ "mode": "video", "start": "2026-11-20T15:00" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {r}");
        assert!(r["error"]["fields"]["start"].is_string(), "[{b}] {r}");
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/to-request"),
                Some(&inst),
                Some(json!({ "mode": "video", "start": "2026-11-26T15:00", "duration_min": 30 })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "[{b}] {r}");
        let req = r["request_id"].as_str().unwrap().to_owned();
        let (_, rq) = w
            .api("GET", &format!("/api/v1/requests/{req}"), Some(&inst), None)
            .await;
        assert_eq!(
            (
                rq["language"].as_str(),
                rq["sector"].as_str(),
                rq["mode"].as_str(),
                rq["client_ref"].as_str()
            ),
            (
                Some("prs"),
                Some("medical"),
                Some("video"),
                Some("K-2026-0815")
            ),
            "[{b}] {rq}"
        );
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/calls/{id}/to-request"),
                Some(&inst),
                Some(json!({ "mode": "video", "start": "2026-11-26T16:00", "duration_min": 30 })),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "[{b}] one request per missed call");
        let (_, c) = w
            .api("GET", &format!("/api/v1/calls/{id}"), Some(&inst), None)
            .await;
        assert_eq!(c["request_id"], req.as_str());
    }
}

#[tokio::test]
async fn the_weekly_plan_puts_mediators_on_call_and_off_call_holds() {
    for w in worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let coord = w.token(Role::Coordinator).await;
        // Wednesday 09:00-12:00 (the clock stands at Wednesday 10:00).
        let (s, r) = w
            .api(
                "PUT",
                "/api/v1/me/on-call/plan",
                Some(&med),
                Some(json!({ "windows": [{ "weekday": 3, "start": "09:00", "end": "12:00" }] })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {r}");
        assert_eq!(
            (r["on_call"].as_bool(), r["until"].as_str()),
            (Some(true), Some("2026-11-25T12:00:00+01:00")),
            "[{b}] {r}"
        );
        let (_, now) = w.api("GET", "/api/v1/on-call", Some(&coord), None).await;
        assert_eq!(
            now[0]["mediators"][0]["until"], "2026-11-25T12:00:00+01:00",
            "[{b}] {now}"
        );
        let (s, r) = w
            .api(
                "PUT",
                "/api/v1/me/on-call/plan",
                Some(&med),
                Some(json!({ "windows": [{ "weekday": 9, "start": "12:00", "end": "09:00" }] })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {r}");
        // Off call within the window: stays off until the next window.
        w.api("DELETE", "/api/v1/me/on-call", Some(&med), None)
            .await;
        w.clock.advance(SignedDuration::from_secs(600));
        mittler_app::calls::sweep(&w.app).await.unwrap();
        let (_, now) = w.api("GET", "/api/v1/on-call", Some(&coord), None).await;
        assert_eq!(now, json!([]), "[{b}]");
        // The next Wednesday's window puts them on call again.
        w.clock.advance(SignedDuration::from_hours(24 * 7));
        let med = w.token(Role::Mediator).await;
        let (_, me) = w.api("GET", "/api/v1/me/on-call", Some(&med), None).await;
        assert_eq!(me["on_call"], true, "[{b}] {me}");
    }
}

#[tokio::test]
async fn an_onsite_request_nobody_can_come_to_is_converted_to_video() {
    for w in worlds().await {
        let b = w.backend();
        let inst = w.token(Role::Institution).await;
        let admin = w.actor(Role::Admin).await;
        let place = mittler_app::institutions::get(&w.app, &admin, w.a.inst_own)
            .await
            .unwrap()
            .places[0]
            .id;
        // Tuesday: the fixture mediators are available on Mondays only.
        let (s, r) = w
            .api("POST", "/api/v1/requests", Some(&inst), Some(json!({ "place_id": place, "language": "prs", "sector": "medical", "start": "2026-12-01T10:00", "duration_min": 45 })))
            .await;
        assert_eq!(s, StatusCode::CREATED, "[{b}] {r}");
        let id = r["id"].as_str().unwrap().to_owned();
        let id_uuid: Uuid = id.parse().unwrap();
        let actor = w.actor(Role::Institution).await;
        let f = mittler_app::requests::video_fallback(&w.app, &actor, id_uuid)
            .await
            .unwrap()
            .unwrap();
        assert!(f.nobody_on_site, "[{b}] {f:?}");
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/convert"),
                Some(&inst),
                Some(json!({ "mode": "onsite" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "[{b}] {r}");
        let (s, r) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/convert"),
                Some(&inst),
                Some(json!({ "mode": "video" })),
            )
            .await;
        assert_eq!(
            (s, r["status"].as_str()),
            (StatusCode::OK, Some("open")),
            "[{b}] {r}"
        );
        let (_, rq) = w
            .api("GET", &format!("/api/v1/requests/{id}"), Some(&inst), None)
            .await;
        assert_eq!(rq["mode"], "video");
        let history = rq["history"].to_string();
        assert!(
            history.contains("convert") && history.contains("onsite → video"),
            "[{b}] {rq}"
        );
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/convert"),
                Some(&inst),
                Some(json!({ "mode": "video" })),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "[{b}] once");
        assert_eq!(
            mittler_app::requests::video_fallback(&w.app, &actor, id_uuid)
                .await
                .unwrap(),
            None
        );
    }
}

#[tokio::test]
async fn figures_count_calls_answers_and_on_call_hours() {
    for w in worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let inst = w.token(Role::Institution).await;
        let coord = w.token(Role::Coordinator).await;
        on_call(&w, &med, "14:00").await;
        let (_, c1) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "prs")),
            )
            .await;
        w.clock.advance(SignedDuration::from_secs(30));
        let id = c1["id"].as_str().unwrap();
        w.api(
            "POST",
            &format!("/api/v1/calls/{id}/accept"),
            Some(&med),
            None,
        )
        .await;
        w.clock.advance(SignedDuration::from_secs(600));
        w.api("POST", &format!("/api/v1/calls/{id}/end"), Some(&med), None)
            .await;
        w.api(
            "POST",
            "/api/v1/calls",
            Some(&inst),
            Some(call_body("video", "prs")),
        )
        .await;
        w.clock.advance(SignedDuration::from_secs(200));
        mittler_app::calls::sweep(&w.app).await.unwrap();
        w.api(
            "POST",
            "/api/v1/calls",
            Some(&inst),
            Some(call_body("video", "tir")),
        )
        .await;
        w.clock.advance(SignedDuration::from_hours(5));
        let (s, f) = w
            .api(
                "GET",
                "/api/v1/reports/calls?from=2026-11-01&to=2026-11-30",
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "[{b}] figures are for those who close the month: {f}"
        );
        let (s, f) = w
            .api(
                "GET",
                "/api/v1/reports/calls?from=2026-11-01&to=2026-11-30",
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {f}");
        assert_eq!(
            (
                f["calls"].as_i64(),
                f["answered"].as_i64(),
                f["median_answer_s"].as_i64(),
                f["minutes"].as_i64()
            ),
            (Some(3), Some(1), Some(30), Some(10)),
            "[{b}] {f}"
        );
        assert_eq!(f["missed_pct"].as_f64(), Some(66.7));
        assert_eq!(f["by_hour"][10], 3, "[{b}] local hours");
        let prs = f["by_language"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["language"] == "prs")
            .unwrap();
        // On call from 10:00 until 14:00, and the period is over.
        assert_eq!(
            (
                prs["calls"].as_i64(),
                prs["missed"].as_i64(),
                prs["on_call_hours"].as_f64()
            ),
            (Some(2), Some(1), Some(4.0)),
            "[{b}] {prs}"
        );
        let tir = f["by_language"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["language"] == "tir")
            .unwrap();
        assert_eq!(tir["nobody"], 1);
    }
}

#[tokio::test]
async fn a_ringing_call_reaches_the_phones_of_those_told_by_signed_encrypted_push() {
    use mittler_tools::push_service::PushService;
    for w in worlds().await {
        let b = w.backend();
        let key = mittler_app::keys::KeyFile::random().vapid().unwrap();
        // A pusher that allows no loopback service refuses its endpoints.
        let strict = mittler_app::push::Pusher::new(&key, "mailto:ki@example.org", vec![]).unwrap();
        let service = PushService::start(strict.public_key()).await.unwrap();
        assert!(!strict.allowed(&format!("{}/push/x", service.origin)));
        assert!(strict.allowed("https://fcm.googleapis.com/fcm/send/abc"));
        assert!(!strict.allowed("https://evil.example/fcm.googleapis.com"));
        assert!(!strict.allowed("http://fcm.googleapis.com/x"));
        let pusher =
            mittler_app::push::Pusher::new(&key, "mailto:ki@example.org", vec![service.host()])
                .unwrap();
        let app = w.app.clone().with_pusher(pusher);
        let med = w.actor(Role::Mediator).await;
        let inst = w.actor(Role::Institution).await;
        let phone = service.subscribe("phone");
        mittler_app::calls::subscribe_push(&app, &med, &phone.endpoint, &phone.p256dh, &phone.auth)
            .await
            .unwrap();
        // A subscription the push service has forgotten is dropped on its 410.
        let gone = service.subscribe("gone");
        mittler_app::calls::subscribe_push(&app, &med, &gone.endpoint, &gone.p256dh, &gone.auth)
            .await
            .unwrap();
        let e = mittler_app::calls::subscribe_push(&app, &med, &phone.endpoint, "short", "x")
            .await
            .unwrap_err();
        assert!(
            format!("{e:?}").contains("p256dh") && format!("{e:?}").contains("auth"),
            "{e:?}"
        );
        assert_eq!(
            mittler_app::calls::mine(&app, &med)
                .await
                .unwrap()
                .push_devices,
            2
        );
        mittler_app::calls::go_on_call(&app, &med, "14:00")
            .await
            .unwrap();
        // Another mediator on call who speaks another language is not told.
        let other = mediators_with_tokens(&w, 1, "turkish").await;
        let admin = w.actor(Role::Admin).await;
        let mut input = crate::common::mediator_input("turkish 0", "turkish0@example.org");
        input.languages[0].code = "tur".into();
        mittler_app::mediators::update(&w.app, &admin, other[0].0, &input)
            .await
            .unwrap();
        on_call(&w, &other[0].1, "14:00").await;
        let call = mittler_app::calls::create(
            &app,
            &inst,
            None,
            &mittler_domain::call::CallInput {
                mode: "video".into(),
                language: "prs".into(),
                sector: "medical".into(),
                client_ref: Some("K-2026-4711".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(call.row.told, 1, "[{b}]");
        let got = service.wait_for(1, std::time::Duration::from_secs(5)).await;
        assert_eq!(got.len(), 1, "[{b}] refused: {}", service.refused());
        let p = &got[0].payload;
        assert_eq!(got[0].subscription, "phone");
        assert_eq!(p["url"], "/me/calls");
        assert_eq!(p["tag"], format!("call-{}", call.row.id));
        assert!(p["title"].as_str().unwrap().contains("Dari"), "[{b}] {p}");
        assert!(
            !p.to_string().contains("K-2026-4711"),
            "no client data in a push: {p}"
        );
        assert_eq!(got[0].ttl.as_deref(), Some("120"));
        // The gone subscription was forgotten, the other kept.
        for _ in 0..100 {
            if mittler_app::calls::mine(&app, &med)
                .await
                .unwrap()
                .push_devices
                == 1
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(
            mittler_app::calls::mine(&app, &med)
                .await
                .unwrap()
                .push_devices,
            1,
            "[{b}]"
        );
        assert_eq!(service.refused(), 0);
        // Turning push off forgets every device.
        mittler_app::calls::unsubscribe_push(&app, &med)
            .await
            .unwrap();
        assert_eq!(
            mittler_app::calls::mine(&app, &med)
                .await
                .unwrap()
                .push_devices,
            0
        );
    }
}

#[tokio::test]
async fn a_clients_calls_are_in_their_export_and_go_with_erasure_and_nothing_is_kept_of_a_conversation()
 {
    // Erasure reads beside its transaction: a database with more than one connection.
    for w in crate::privacy::disk_worlds().await {
        let b = w.backend();
        let med = w.token(Role::Mediator).await;
        let inst = w.token(Role::Institution).await;
        let admin = w.token(Role::Admin).await;
        on_call(&w, &med, "14:00").await;
        let (_, call) = w
            .api(
                "POST",
                "/api/v1/calls",
                Some(&inst),
                Some(call_body("video", "prs")),
            )
            .await;
        let id = call["id"].as_str().unwrap().to_owned();
        w.api(
            "POST",
            &format!("/api/v1/calls/{id}/accept"),
            Some(&med),
            None,
        )
        .await;
        // Only the two sides may pass signalling messages, and only while connected.
        let actor = w.actor(Role::Mediator).await;
        let uuid: Uuid = id.parse().unwrap();
        let mut rx = w.app.signals.listen(uuid);
        mittler_app::calls::signal(&w.app, &actor, uuid, "offer", "{\"sdp\":\"v=0\"}")
            .await
            .unwrap();
        assert_eq!(rx.recv().await.unwrap().kind, "offer");
        let e = mittler_app::calls::signal(&w.app, &actor, uuid, "shout", "{}")
            .await
            .unwrap_err();
        assert!(matches!(e, mittler_app::AppError::Invalid(_)), "{e:?}");
        let big = "x".repeat(mittler_app::signal::MAX_BYTES + 1);
        assert!(
            mittler_app::calls::signal(&w.app, &actor, uuid, "ice", &big)
                .await
                .is_err()
        );
        let coord = w.actor(Role::Coordinator).await;
        assert!(
            matches!(
                mittler_app::calls::signal(&w.app, &coord, uuid, "offer", "{}").await,
                Err(mittler_app::AppError::NotFound)
            ),
            "a coordinator watching is not a side of the call"
        );
        w.clock.advance(SignedDuration::from_secs(300));
        w.api(
            "POST",
            &format!("/api/v1/calls/{id}/end"),
            Some(&inst),
            None,
        )
        .await;
        let after = mittler_app::calls::signal(&w.app, &actor, uuid, "offer", "{}").await;
        assert!(
            matches!(after, Err(mittler_app::AppError::Conflict(_))),
            "[{b}] {after:?}"
        );

        let (s, export) = w
            .api(
                "GET",
                "/api/v1/privacy/export?subject=client:K-2026-0815",
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {export}");
        assert_eq!(export["calls"][0]["id"], id.as_str(), "[{b}] {export}");
        assert_eq!(export["calls"][0]["duration_s"], 300);
        let (s, erased) = w
            .api("POST", "/api/v1/privacy/erase", Some(&admin), Some(json!({ "subject": "client:K-2026-0815", "reason": "Art. 17, letter of 1 Dec" })))
            .await;
        assert_eq!(s, StatusCode::OK, "[{b}] {erased}");
        assert_eq!(erased["calls"], 1, "[{b}] {erased}");
        let (_, c) = w
            .api("GET", &format!("/api/v1/calls/{id}"), Some(&inst), None)
            .await;
        assert!(c["client_ref"].is_null(), "[{b}] {c}");
        let (s, _) = w
            .api(
                "GET",
                "/api/v1/privacy/export?subject=client:K-2026-0815",
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "[{b}] nothing is held any more");
    }
}
