//! The state's view and the installation's centres: figures across the centres that
//! share them with small rows suppressed (API, CSV, page); a superadmin adds a centre
//! and its first administrator and sees nothing inside a centre; the installation-wide
//! roles belong to no centre. On SQLite and PostgreSQL.

use crate::common::{ANON_CSRF, PASSWORD, World, enc, worlds};
use jiff::Timestamp;
use mittler_db::bulk::BulkRequest;
use mittler_domain::Role;
use mittler_domain::user::UserInput;
use serde_json::{Value, json};
use uuid::Uuid;

/// `n` requests of a tenant's own institution in `language` on 2026-10-05, `served` of
/// them completed (confirmed two hours after creation), the rest unfilled.
async fn invent(
    w: &World,
    tenant: Uuid,
    inst: Uuid,
    language: &'static str,
    n: usize,
    served: usize,
) {
    let start: Timestamp = "2026-10-05T08:00:00Z".parse().unwrap();
    let created: Timestamp = "2026-09-20T08:00:00Z".parse().unwrap();
    let rows: Vec<BulkRequest> = (0..n)
        .map(|i| BulkRequest {
            id: Uuid::new_v4(),
            institution_id: inst,
            place_id: None,
            mode: "phone",
            language,
            sector: "authority",
            start_at: start,
            duration_min: 90,
            local_date: "2026-10-05".into(),
            status: if i < served { "completed" } else { "unfilled" },
            mediator_id: None,
            cancelled_by: None,
            created_at: created,
            confirmed_at: (i < served).then(|| created + jiff::SignedDuration::from_hours(2)),
            client_ref: format!("K-{i}"),
        })
        .collect();
    mittler_db::bulk::insert_requests(&w.app.db, tenant, &rows)
        .await
        .unwrap();
}

/// An account of the installation (state or superadmin) and its API token.
async fn installation_user(w: &World, role: &str) -> (String, String) {
    let t = mittler_app::tenants::installation(&w.app).await.unwrap();
    let email = format!("{role}@land.test");
    let input = UserInput {
        email: email.clone(),
        name: format!("{role} Land"),
        role: role.into(),
        password: PASSWORD.into(),
        ..Default::default()
    };
    mittler_app::users::create_in(&w.app, t.id, &input, None)
        .await
        .unwrap();
    let (st, v) = w
        .api(
            "post",
            "/api/v1/auth/token",
            None,
            Some(json!({"email": email, "password": PASSWORD})),
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        v["tenant"],
        Value::Null,
        "an installation role has no centre"
    );
    assert_eq!(v["role"], role);
    (email, v["token"].as_str().unwrap().to_owned())
}

fn row<'a>(v: &'a Value, key: &str) -> &'a Value {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {v}"))
}

#[tokio::test]
async fn the_state_sees_sharing_centres_with_small_rows_suppressed() {
    for w in worlds().await {
        // Essen: 30 Arabic (24 served), 3 Tigrinya, 8 Pashto. Bochum shares nothing.
        invent(&w, w.a.id, w.a.inst_own, "arb", 30, 24).await;
        invent(&w, w.a.id, w.a.inst_own, "tir", 3, 0).await;
        invent(&w, w.a.id, w.a.inst_own, "pus", 8, 8).await;
        invent(&w, w.b.id, w.b.inst_own, "arb", 50, 50).await;
        let admin_b = mittler_app::Actor::from_user(
            &mittler_db::users::get(&w.app.db, w.b.id, w.b.users[&Role::Admin].0)
                .await
                .unwrap(),
            None,
        );
        mittler_app::state::set_shares(&w.app, &admin_b, false)
            .await
            .unwrap();
        let (_, token) = installation_user(&w, "state").await;
        let q = "/api/v1/state/summary?from=2026-10-01&to=2026-10-31";
        let (st, v) = w
            .api("get", &format!("{q}&by=language"), Some(&token), None)
            .await;
        assert_eq!(st, 200, "{v}");
        let arb = row(&v, "arb");
        assert_eq!(
            (arb["requests"].as_i64(), arb["served"].as_i64()),
            (Some(30), Some(24))
        );
        assert_eq!(arb["unserved"].as_i64(), Some(6));
        assert_eq!(arb["hours"].as_f64(), Some(36.0));
        assert_eq!(arb["median_confirm_h"].as_f64(), Some(2.0));
        assert_eq!(arb["suppressed"], false);
        // Tigrinya (3) is hidden, and Pashto (8) with it: else 3 = 41 - 30 - 8.
        for key in ["tir", "pus"] {
            let r = row(&v, key);
            assert_eq!(r["suppressed"], true, "{r}");
            assert!(
                r["requests"].is_null() && r["served"].is_null() && r["hours"].is_null(),
                "{r}"
            );
        }
        assert_eq!(
            v["total"]["requests"].as_i64(),
            Some(41),
            "Bochum does not share"
        );
        // By centre: only Essen.
        let (_, v) = w
            .api("get", &format!("{q}&by=tenant"), Some(&token), None)
            .await;
        let keys: Vec<&str> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, vec!["essen"]);
        // Each wrong field is named.
        let (st, v) = w
            .api(
                "get",
                "/api/v1/state/summary?from=2026-13-01&to=2026-10-31&by=town",
                Some(&token),
                None,
            )
            .await;
        assert_eq!(st, 422, "{v}");
        let text = v.to_string();
        assert!(text.contains("from") && text.contains("by"), "{text}");
        // CSV for German Excel: the hidden rows say "< 5".
        let (st, v) = w
            .api(
                "get",
                &format!("{q}&by=language&format=csv"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let csv = v.as_str().unwrap();
        assert!(
            csv.contains(";30;24;6;6;0;0;0;36,0;2,0") && csv.contains("Tigrinya;< 5"),
            "{csv}"
        );
        assert!(
            !csv.contains(";3;"),
            "Tigrinya's count must not show: {csv}"
        );
        // A centre's roles see none of it.
        for role in [Role::Admin, Role::Coordinator] {
            let (st, _) = w.api("get", q, Some(&w.token(role).await), None).await;
            assert_eq!(st, 403, "{role}");
        }
    }
}

#[tokio::test]
async fn the_state_page_shows_the_figures_and_keeps_a_wrong_period() {
    for w in worlds().await {
        invent(&w, w.a.id, w.a.inst_own, "arb", 12, 10).await;
        invent(&w, w.a.id, w.a.inst_own, "tir", 2, 0).await;
        invent(&w, w.a.id, w.a.inst_own, "pus", 9, 9).await;
        let (email, _) = installation_user(&w, "state").await;
        let session = mittler_app::auth::sign_in(
            &w.app,
            &email,
            PASSWORD,
            None,
            mittler_db::sessions::Kind::Web,
        )
        .await
        .unwrap()
        .token;
        let (st, _, html) = w
            .page(
                "get",
                "/state?from=2026-10-01&to=2026-10-31&by=language",
                Some(&session),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert!(
            html.contains("Arabisch") && html.contains(">12<") && html.contains("&#60; 5"),
            "{html}"
        );
        assert!(html.contains("<svg"), "a chart");
        let (st, _, html) = w
            .page(
                "get",
                "/state?from=2026-10-31&to=2026-10-01&by=language",
                Some(&session),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(st, 422);
        assert!(
            html.contains("value=\"2026-10-31\"") && html.contains("aria-invalid"),
            "{html}"
        );
        let (st, h, _) = w
            .page(
                "get",
                "/state/export?from=2026-10-01&to=2026-10-31&by=month",
                Some(&session),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert!(
            h[axum::http::header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        // The state viewer reaches nothing inside a centre.
        for path in ["/requests", "/reports", "/mediators", "/centres"] {
            let (st, _, _) = w.page("get", path, Some(&session), ANON_CSRF, None).await;
            assert_eq!(st, 403, "{path}");
        }
    }
}

#[tokio::test]
async fn a_superadmin_adds_a_centre_and_sees_nothing_inside_one() {
    for w in worlds().await {
        let (email, token) = installation_user(&w, "superadmin").await;
        let signed = mittler_app::auth::sign_in(
            &w.app,
            &email,
            PASSWORD,
            None,
            mittler_db::sessions::Kind::Web,
        )
        .await
        .unwrap();
        let (session, csrf) = (signed.token, signed.csrf);
        let (st, _, html) = w
            .page("get", "/centres", Some(&session), ANON_CSRF, None)
            .await;
        assert_eq!(st, 200);
        assert!(html.contains("essen") && html.contains("bochum"), "{html}");
        // Wrong input: every field named, what was typed kept (never the password).
        let form = format!(
            "csrf={csrf}&slug=Kreis%20Lippe&name=&admin_email=nope&admin_name=Ada&admin_password=short"
        );
        let (st, _, html) = w
            .page("post", "/centres", Some(&session), ANON_CSRF, Some(form))
            .await;
        assert_eq!(st, 422, "{html}");
        for field in [
            "slug-err",
            "name-err",
            "admin_email-err",
            "admin_password-err",
        ] {
            assert!(html.contains(field), "{field} in {html}");
        }
        assert!(html.contains("value=\"Kreis Lippe\"") && html.contains("value=\"Ada\""));
        assert!(!html.contains("value=\"short\""));
        // A taken slug.
        let form = |slug: &str| {
            format!(
                "csrf={csrf}&slug={slug}&name={}&admin_email=admin%40lippe.example&admin_name=Ada%20Admin&admin_password={}",
                enc("KI Kreis Lippe"),
                enc("Erstes Passwort 2026!")
            )
        };
        let (st, _, html) = w
            .page(
                "post",
                "/centres",
                Some(&session),
                ANON_CSRF,
                Some(form("essen")),
            )
            .await;
        assert_eq!(st, 422);
        assert!(html.contains("slug-err"), "{html}");
        let (st, h, _) = w
            .page(
                "post",
                "/centres",
                Some(&session),
                ANON_CSRF,
                Some(form("kreis-lippe")),
            )
            .await;
        assert_eq!(st, 303);
        assert!(
            h[axum::http::header::LOCATION]
                .to_str()
                .unwrap()
                .starts_with("/centres?added=")
        );
        // The new centre's administrator signs in there and must choose a password.
        let (st, v) = w
            .api(
                "post",
                "/api/v1/auth/token",
                None,
                Some(json!({"email": "admin@lippe.example", "password": "Erstes Passwort 2026!"})),
            )
            .await;
        assert_eq!(st, 200, "{v}");
        assert_eq!(v["tenant"], "kreis-lippe");
        let t = mittler_db::tenants::by_slug(&w.app.db, "kreis-lippe")
            .await
            .unwrap()
            .unwrap();
        let users = mittler_db::users::list(&w.app.db, t.id).await.unwrap();
        assert_eq!(users.len(), 1);
        let c = mittler_db::users::credentials(&w.app.db, t.id, users[0].id)
            .await
            .unwrap();
        assert!(
            c.must_change_password,
            "the first password is changed at once"
        );
        // Nothing inside a centre: its requests, people, reports, the state's figures.
        for path in [
            "/api/v1/requests",
            "/api/v1/mediators",
            "/api/v1/users",
            "/api/v1/state/summary?from=2026-01-01&to=2026-12-31",
        ] {
            let (st, _) = w.api("get", path, Some(&token), None).await;
            assert_eq!(st, 403, "{path}");
        }
        for path in ["/requests", "/reports", "/state", "/settings"] {
            let (st, _, _) = w.page("get", path, Some(&session), ANON_CSRF, None).await;
            assert_eq!(st, 403, "{path}");
        }
        // The installation's tenant is no centre: no catalogue, no slug.
        let (st, _) = w
            .api("get", "/api/v1/public/_installation/offers", None, None)
            .await;
        assert_eq!(st, 404);
    }
}

#[tokio::test]
async fn a_centre_admin_cannot_make_installation_roles() {
    for w in worlds().await {
        let token = w.token(Role::Admin).await;
        for role in ["state", "superadmin"] {
            let (st, v) = w
                .api(
                    "post",
                    "/api/v1/users",
                    Some(&token),
                    Some(json!({"email": format!("{role}@essen.test2"), "name": "X", "role": role, "password": "lang genug 2026!"})),
                )
                .await;
            assert_eq!(st, 422, "{role}: {v}");
            assert!(v.to_string().contains("role"), "{v}");
        }
        // Nor can the command line put a superadmin into a centre.
        let input = UserInput {
            email: "root@essen.test".into(),
            name: "Root".into(),
            role: "superadmin".into(),
            password: PASSWORD.into(),
            ..Default::default()
        };
        assert!(
            mittler_app::users::create_in(&w.app, w.a.id, &input, None)
                .await
                .is_err()
        );
    }
}

#[tokio::test]
async fn the_inbox_shows_a_page_and_links_the_next() {
    for w in worlds().await {
        // 150 requests ahead, two at each start (the page's edge may fall between them).
        let created: Timestamp = "2026-11-20T08:00:00Z".parse().unwrap();
        let rows: Vec<BulkRequest> = (0..150)
            .map(|i| {
                let start: Timestamp = "2026-12-01T08:00:00Z".parse().unwrap();
                BulkRequest {
                    id: Uuid::new_v4(),
                    institution_id: w.a.inst_own,
                    place_id: None,
                    mode: "phone",
                    language: "arb",
                    sector: "authority",
                    start_at: start + jiff::SignedDuration::from_mins(30 * (i / 2)),
                    duration_min: 60,
                    local_date: "2026-12-01".into(),
                    status: "open",
                    mediator_id: None,
                    cancelled_by: None,
                    created_at: created,
                    confirmed_at: None,
                    client_ref: format!("P-{i}"),
                }
            })
            .collect();
        mittler_db::bulk::insert_requests(&w.app.db, w.a.id, &rows)
            .await
            .unwrap();
        let (session, _) = w.session(Role::Coordinator).await;
        let ids = |html: &str| -> Vec<String> {
            html.match_indices("href=\"/requests/")
                .filter_map(|(i, _)| html.get(i + 16..i + 52).map(str::to_owned))
                .filter(|id| Uuid::parse_str(id).is_ok())
                .collect()
        };
        // Page by page until no page links a next one.
        let next_of = |html: &str| {
            html.contains("rel=\"next\"").then(|| {
                html.split("rel=\"next\"")
                    .next()
                    .and_then(|h| h.rsplit("href=\"").next())
                    .and_then(|h| h.split('"').next())
                    .unwrap()
                    .replace("&amp;", "&")
                    .replace("&#38;", "&")
            })
        };
        let mut all: Vec<String> = Vec::new();
        let mut path = Some("/requests".to_owned());
        let mut pages = 0;
        while let Some(p) = path {
            let (st, _, html) = w.page("get", &p, Some(&session), ANON_CSRF, None).await;
            assert_eq!(st, 200, "{p}");
            let on_page = ids(&html);
            assert!(on_page.len() <= 50, "a page shows at most 50");
            if pages == 0 {
                assert_eq!(on_page.len(), 50, "the first page is full");
            }
            all.extend(on_page);
            path = next_of(&html);
            if let Some(n) = &path {
                assert!(
                    n.starts_with("/requests?") && n.contains("after_id="),
                    "{n}"
                );
            }
            pages += 1;
            assert!(pages < 10, "paging ends");
        }
        assert!(
            pages >= 4,
            "150 requests and the fixture's take four pages: {pages}"
        );
        // The fixture's own requests come on top of the 150: all of them, each once.
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "no request on two pages");
        assert!(
            rows.iter().all(|r| all.contains(&r.id.to_string())),
            "none lost"
        );
    }
}

/// Every grouping of several periods, as the summary counts it.
async fn every_count(
    w: &World,
    periods: &[(&str, &str)],
) -> Vec<std::collections::BTreeMap<String, mittler_domain::state::Counts>> {
    let mut out = Vec::new();
    for (from, to) in periods {
        for by in mittler_domain::state::By::ALL {
            let (f, t) = (from.parse().unwrap(), to.parse().unwrap());
            out.push(
                mittler_db::state::counts(&w.app.db, f, t, by)
                    .await
                    .unwrap(),
            );
        }
    }
    out
}

/// Runs a statement on the test's database (to change requests behind the use-cases'
/// back, as an import or a correction would, and to spoil the kept counts).
async fn exec(w: &World, sql: &'static str) -> u64 {
    mittler_db::testing::exec(&w.app.db, sql).await
}

#[tokio::test]
async fn the_kept_monthly_counts_agree_with_the_requests_and_follow_each_change() {
    for w in worlds().await {
        // Three months of two centres: languages, sectors, outcomes, notices and times
        // to confirm all vary.
        let sectors = mittler_tools::centre::SECTORS;
        let statuses = ["completed", "unfilled", "cancelled", "open", "completed"];
        for (tenant, inst) in [(w.a.id, w.a.inst_own), (w.b.id, w.b.inst_own)] {
            let rows: Vec<BulkRequest> = (0..150usize)
                .map(|i| {
                    let day = format!("2026-{:02}-{:02}", 9 + i % 3, 1 + (i * 7) % 28);
                    let start: Timestamp = format!("{day}T09:00:00Z").parse().unwrap();
                    let notice = if i % 4 == 0 {
                        10
                    } else {
                        24 * (2 + i as i64 % 9)
                    };
                    let created = start - jiff::SignedDuration::from_hours(notice);
                    let status = statuses[i % 5];
                    BulkRequest {
                        id: Uuid::new_v4(),
                        institution_id: inst,
                        place_id: None,
                        mode: "phone",
                        language: ["arb", "ukr", "tur", "fas"][i % 4],
                        sector: sectors[i % 6],
                        start_at: start,
                        duration_min: 30 + 15 * (i % 5) as i32,
                        local_date: day,
                        status,
                        mediator_id: None,
                        cancelled_by: (status == "cancelled").then_some("institution"),
                        created_at: created,
                        confirmed_at: (i % 5 != 1 && i % 3 != 0).then(|| {
                            created + jiff::SignedDuration::from_mins(37 * (i % 7) as i64)
                        }),
                        client_ref: format!("K-{i}"),
                    }
                })
                .collect();
            mittler_db::bulk::insert_requests(&w.app.db, tenant, &rows)
                .await
                .unwrap();
        }
        let periods = [
            ("2026-09-01", "2026-11-30"),
            ("2026-09-15", "2026-11-10"),
            ("2026-10-01", "2026-10-31"),
            ("2026-10-03", "2026-10-20"),
        ];
        // Nothing kept yet: every month is counted from the requests.
        let from_requests = every_count(&w, &periods).await;
        assert_eq!(
            mittler_db::state::refresh(&w.app.db, 1000).await.unwrap(),
            6
        );
        assert_eq!(
            mittler_db::state::refresh(&w.app.db, 1000).await.unwrap(),
            0
        );
        assert_eq!(
            every_count(&w, &periods).await,
            from_requests,
            "{}",
            w.db.backend()
        );

        // A correction after the counts were kept counts at once: one request of October
        // completed instead of left unfilled, one moved from October to November.
        let october = |c: &[std::collections::BTreeMap<
            String,
            mittler_domain::state::Counts,
        >]| { (c[3]["2026-10"].clone(), c[3]["2026-11"].clone()) };
        let (oct, nov) = october(&from_requests);
        for sql in [
            "UPDATE requests SET status = 'completed' WHERE id = (SELECT id FROM requests \
             WHERE status = 'unfilled' AND local_date = '2026-10-08' ORDER BY id LIMIT 1)",
            "UPDATE requests SET local_date = '2026-11-02' WHERE id = (SELECT id FROM requests \
             WHERE status = 'open' AND local_date = '2026-10-15' ORDER BY id LIMIT 1)",
        ] {
            assert_eq!(exec(&w, sql).await, 1, "{sql}");
        }
        let changed = every_count(&w, &periods).await;
        let (oct2, nov2) = october(&changed);
        assert_eq!(
            (oct2.served, oct2.requests),
            (oct.served + 1, oct.requests - 1),
            "{}",
            w.db.backend()
        );
        assert_eq!(oct2.unserved(), oct.unserved() - 1);
        assert_eq!(nov2.requests, nov.requests + 1);
        // Only the months changed are counted again, and agree with the requests.
        let marked = mittler_db::state::refresh(&w.app.db, 1000).await.unwrap();
        assert!((2..=3).contains(&marked), "{marked} months counted again");
        assert_eq!(
            every_count(&w, &periods).await,
            changed,
            "{}",
            w.db.backend()
        );

        // The whole months are read from the kept counts, the days around them from the
        // requests: spoiling the kept counts shows in whole months only.
        exec(&w, "UPDATE state_months SET requests = requests + 1000").await;
        let spoiled = every_count(&w, &periods).await;
        let total = |c: &std::collections::BTreeMap<String, mittler_domain::state::Counts>| {
            c.values().map(|c| c.requests).sum::<i64>()
        };
        assert!(
            total(&spoiled[0]) > total(&changed[0]) + 1000,
            "three whole months"
        );
        assert!(
            total(&spoiled[4]) > total(&changed[4]),
            "October whole within the second period"
        );
        assert_eq!(
            spoiled[12], changed[12],
            "no whole month from the 3rd to the 20th"
        );
    }
}
