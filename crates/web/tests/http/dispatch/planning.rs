//! The candidates panel and the day planner agree, and plans are applied.

use super::*;

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
                Some(format!("csrf={c}&date=7.12.2026")),
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
        // It reads like a plan: the German date, sentences, no cost units.
        assert!(body.contains("Tagesplanung: Montag, 07.12.2026"), "{body}");
        assert!(
            body.contains("2 von 3 Anfragen bekommen einen Vorschlag."),
            "{body}"
        );
        assert!(!body.contains("× 1000") && !body.contains("plan-format"));
        assert!(
            body.contains(&format!("<a href=\"/requests/{}\">", ids[2])),
            "unserved linked"
        );
        assert!(body.contains("Sonntag, 06.12.2026") && body.contains("Dienstag, 08.12.2026"));
        // The form lists the days with open requests.
        let (_, _, form) = w
            .page(
                "GET",
                "/plans",
                Some(&token),
                crate::common::ANON_CSRF,
                None,
            )
            .await;
        assert!(
            form.contains("Montag, 07.12.2026 · 3 offene Anfragen"),
            "{form}"
        );
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

#[tokio::test]
async fn a_started_day_is_planned_anew_without_a_mediator_and_only_changes_are_sent() {
    for w in worlds().await {
        let admin = admin_actor(&w).await;
        let inst = w.token(Role::Institution).await;
        // Own Mediator has 08:00 and 10:00, Other Mediator 12:00 (phone, Dari, a Monday).
        let mut ids = Vec::new();
        for (time, med) in [
            ("08:00", w.a.med_own),
            ("10:00", w.a.med_own),
            ("12:00", w.a.med_other),
        ] {
            let r = new_request(
                &w,
                &inst,
                json!({ "mode": "phone", "language": "prs", "sector": "authority",
                "start": format!("2026-12-07T{time}"), "duration_min": 60 }),
            )
            .await;
            let id: uuid::Uuid = r["id"].as_str().unwrap().parse().unwrap();
            mittler_app::requests::assign(&w.app, &admin, id, med)
                .await
                .unwrap();
            ids.push(id);
        }
        // 08:30 local on the day: the first appointment has begun; Own Mediator calls in sick.
        let now = w.app.now();
        let at: jiff::Timestamp = "2026-12-07T07:30:00Z".parse().unwrap();
        w.clock.advance(now.duration_until(at));
        let (coord, inst) = (
            w.token(Role::Coordinator).await,
            w.token(Role::Institution).await,
        );
        let body = json!({ "date": "2026-12-07", "time_limit_s": 0.3,
            "replan": true, "without": [w.a.med_own.to_string()] });
        let (s, v) = w
            .api("POST", "/api/v1/plans", Some(&coord), Some(body))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let planned: Vec<(String, String)> = v["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["request_id"].as_str().unwrap().to_owned(),
                    a["mediator_id"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let other = w.a.med_other.to_string();
        assert!(
            planned.contains(&(ids[2].to_string(), other.clone())),
            "12:00 stays with Other Mediator: {v}"
        );
        assert!(
            planned.contains(&(ids[1].to_string(), other.clone())),
            "10:00 moves to Other Mediator: {v}"
        );
        assert!(
            !planned.iter().any(|(r, _)| *r == ids[0].to_string()),
            "08:00 has begun: it stays out of the plan"
        );
        assert_eq!(v["unchanged"], json!([ids[2].to_string()]), "{v}");
        let (cost, lb) = (
            v["cost"].as_u64().unwrap(),
            v["lower_bound"].as_u64().unwrap(),
        );
        assert!(lb <= cost, "{v}");
        let plan = v["id"].as_str().unwrap().to_owned();
        // The plan page says what stays, what moves and how good the plan is.
        let (token, _) = w.session(Role::Coordinator).await;
        let (s, _, page) = w
            .page(
                "GET",
                &format!("/plans/{plan}"),
                Some(&token),
                crate::common::ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("Neu geplant: ein bestätigter Termin bleibt, einer wechselt."),
            "{page}"
        );
        assert!(
            page.contains("wechselt von Own Mediator") && page.contains("bleibt wie bestätigt")
        );
        assert!(
            page.contains("nachweislich der bestmögliche") || page.contains("höchstens"),
            "the bound's sentence"
        );
        // Applying sends one invitation, for the move; the rest stays as it is.
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
            (StatusCode::OK, Some(1)),
            "{v}"
        );
        let row = |i: usize| mittler_db::requests::get(&w.app.db, w.a.id, ids[i]);
        let (r0, r1, r2) = (
            row(0).await.unwrap(),
            row(1).await.unwrap(),
            row(2).await.unwrap(),
        );
        assert_eq!(
            (r0.status.as_str(), r0.mediator_id),
            ("confirmed", Some(w.a.med_own))
        );
        assert_eq!((r1.status.as_str(), r1.mediator_id), ("invited", None));
        assert_eq!(
            (r2.status.as_str(), r2.mediator_id),
            ("confirmed", Some(w.a.med_other))
        );
        let invs = mittler_db::requests::invitations_of(&w.app.db, w.a.id, ids[1])
            .await
            .unwrap();
        assert_eq!(
            invs.iter().map(|i| i.mediator_id).collect::<Vec<_>>(),
            vec![w.a.med_other]
        );
        let events: Vec<String> = mittler_db::requests::history(&w.app.db, w.a.id, ids[1])
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.event)
            .collect();
        assert!(events.contains(&"replan".to_owned()), "{events:?}");
        let told = mittler_db::outbox::unsent(&w.app.db, w.a.id, 50)
            .await
            .unwrap();
        assert!(
            told.iter()
                .any(|m| m.to_addr.starts_with("m1@")
                    && m.subject.starts_with("Nicht mehr eingeplant")),
            "Own Mediator is told she need not come"
        );
        // Bad input names the field.
        for (body, field) in [
            (
                json!({ "date": "2026-12-07", "replan": true, "without": ["x"] }),
                "without[0]",
            ),
            (
                json!({ "date": "2026-12-07", "replan": true, "without": [uuid::Uuid::nil().to_string()] }),
                "without",
            ),
            (
                json!({ "date": "2026-12-07", "without": [w.a.med_own.to_string()] }),
                "replan",
            ),
        ] {
            let (s, v) = w
                .api("POST", "/api/v1/plans", Some(&coord), Some(body))
                .await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
            assert!(v["error"]["fields"][field].is_string(), "{field}: {v}");
        }
        // Institutions do not plan.
        let (s, _) = w
            .api(
                "POST",
                "/api/v1/plans",
                Some(&inst),
                Some(json!({ "date": "2026-12-07", "replan": true, "without": [] })),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
}
