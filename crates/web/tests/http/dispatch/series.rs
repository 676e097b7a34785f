//! Series, the calendar feed, the live inbox and the expected fee.

use super::*;

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
