//! Retention, the export, limits per hour, provider accounts, open formats and consent.

use super::*;

#[tokio::test]
async fn registrations_are_anonymised_after_the_retention_days() {
    for w in worlds().await {
        let offer = new_offer(&w, "Kurz vor Schluss", 10).await;
        let t = registered(&w, offer, &person("keep@example.org", "de")).await;
        registrations::confirm(&w.app, &t).await.unwrap();
        // The offer's last session is on 2027-03-24; 89 days later nothing is deleted.
        let now = w.app.now();
        let last: jiff::Timestamp = "2027-03-24T16:00:00Z".parse().unwrap();
        w.clock
            .advance(last.duration_since(now) + SignedDuration::from_hours(24 * 89));
        assert_eq!(registrations::apply_retention(&w.app).await.unwrap(), 0);
        w.clock.advance(SignedDuration::from_hours(25));
        assert!(registrations::apply_retention(&w.app).await.unwrap() >= 1);
        let regs = mittler_db::offers::registrations(&w.app.db, w.a.id, offer)
            .await
            .unwrap();
        assert!(regs.iter().all(|r| r.name.is_empty()
            && r.email.is_empty()
            && r.consents.is_empty()
            && r.anonymised));
        assert_eq!(
            regs.iter()
                .filter(|r| r.status == RegStatus::Confirmed)
                .count(),
            1,
            "counts stay"
        );
        assert!(
            registrations::by_token(&w.app, &t).await.is_err(),
            "the link is dead"
        );
        assert_eq!(
            registrations::apply_retention(&w.app).await.unwrap(),
            0,
            "once"
        );
    }
}

#[tokio::test]
async fn the_export_opens_in_german_excel_and_provider_edits_go_back_to_review() {
    for w in worlds().await {
        let mut eins = person("eins@example.org", "ar");
        eins.consents.push("share_contact".into());
        let t = registered(&w, w.a.offer_own, &eins).await;
        registrations::confirm(&w.app, &t).await.unwrap();
        // A provider writes only for the own organisation.
        let token = w.token(Role::Provider).await;
        let (st, _) = w
            .api(
                "post",
                "/api/v1/offers",
                Some(&token),
                Some(json!({ "provider_id": w.a.prov_other, "title": { "de": "Fremd" } })),
            )
            .await;
        assert_eq!(st, 403, "[{}]", w.backend());
        let (session, csrf) = w.session(Role::Provider).await;
        let (st, headers, body) = w
            .page(
                "get",
                &format!("/offers/{}/export.csv", w.a.offer_own),
                Some(&session),
                "x",
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert!(
            headers
                .get("content-type")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(body.starts_with('\u{feff}'), "byte-order mark");
        let first = body
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .next()
            .unwrap();
        assert!(first.starts_with("Stand;Name;E-Mail;Personen;"), "{first}");
        assert!(body.contains(";eins@example.org;1;"), "{body}");
        // A provider changes the German text of the published offer: back to review,
        // the Arabic translation is marked outdated.
        let o = mittler_db::offers::get(&w.app.db, w.a.id, w.a.offer_own)
            .await
            .unwrap();
        assert_eq!(o.status, mittler_domain::offer::Status::Published);
        let form = format!(
            "csrf={csrf}&text_lang=de&text_title=Schwimmkurs+neu&text_description=Neue+Zeiten&text_lang=ar\
             &text_title=%D8%AF%D9%88%D8%B1%D8%A9&text_description=%D9%84%D9%84%D8%A3%D8%B7%D9%81%D8%A7%D9%84.\
             &category=swimming&target=children&age_min=6&age_max=12&languages=deu&place_name=Bad&address=Weg+1\
             &lat=51.4&lon=7.0&schedule_kind=weekly&weekdays=we&start_time=15%3A00&end_time=16%3A00&from=2027-01-13\
             &until=2027-03-24&capacity=30&registration=first_come"
        );
        let (st, _, _) = w
            .page(
                "post",
                &format!("/offers/{}", w.a.offer_own),
                Some(&session),
                &csrf,
                Some(form),
            )
            .await;
        assert_eq!(st, 303, "[{}]", w.backend());
        let o = mittler_db::offers::get(&w.app.db, w.a.id, w.a.offer_own)
            .await
            .unwrap();
        assert_eq!(o.status, mittler_domain::offer::Status::InReview);
        assert!(
            o.texts.is_outdated("ar") == (o.texts.by_lang["ar"].title != "دورة"),
            "changed Arabic is current"
        );
        let (st, _) = w
            .api(
                "get",
                &format!("/api/v1/public/{}/offers/{}", w.a.slug, w.a.offer_own),
                None,
                None,
            )
            .await;
        assert_eq!(st, 404, "[{}] not public while in review", w.backend());
    }
}

#[tokio::test]
async fn registrations_from_one_address_or_to_one_mailbox_are_limited_per_hour() {
    for w in worlds().await {
        let path = format!(
            "/api/v1/public/{}/offers/{}/registrations",
            w.a.slug, w.a.offer_own
        );
        let body = |email: &str| {
            json!({"name": "Amal", "email": email, "children": [{"age": 8}],
                "consents": ["participation"], "lang": "ar"})
        };
        // Five confirmation mails to one mailbox, then no more this hour.
        for _ in 0..5 {
            let (st, _) = w
                .api("post", &path, None, Some(body("same@example.org")))
                .await;
            assert_eq!(st, 202, "[{}]", w.backend());
        }
        let (st, b) = w
            .api("post", &path, None, Some(body("same@example.org")))
            .await;
        assert_eq!(st, 429, "[{}] {b}", w.backend());
        // One address: thirty registrations an hour (the six above count).
        for i in 0..24 {
            let (st, _) = w
                .api(
                    "post",
                    &path,
                    None,
                    Some(body(&format!("f{i}@example.org"))),
                )
                .await;
            assert_eq!(st, 202, "[{}] {i}", w.backend());
        }
        let (st, _) = w
            .api("post", &path, None, Some(body("late@example.org")))
            .await;
        assert_eq!(st, 429, "[{}]", w.backend());
        let mails = mittler_db::outbox::to_address(&w.app.db, "same@example.org")
            .await
            .unwrap();
        assert_eq!(mails.len(), 5, "[{}] no sixth mail", w.backend());
        // The next hour is open again.
        w.clock.advance(SignedDuration::from_hours(1));
        let (st, _) = w
            .api("post", &path, None, Some(body("same@example.org")))
            .await;
        assert_eq!(st, 202, "[{}]", w.backend());
    }
}

#[tokio::test]
async fn an_admin_gives_a_provider_an_account_that_sees_only_its_offers() {
    for w in worlds().await {
        let (session, csrf) = w.session(Role::Admin).await;
        let form = |provider: &str| {
            format!(
                "csrf={}&email=trainerin%40verein.example&name=Trainerin&role=provider&password=a+very+long+password\
                 &lang=de&institution_id=&mediator_id=&provider_id={provider}",
                crate::common::enc(&csrf)
            )
        };
        let (st, _, body) = w
            .page("post", "/users", Some(&session), "x", Some(form("")))
            .await;
        assert_eq!(
            st,
            422,
            "[{}] a provider account needs its provider",
            w.backend()
        );
        assert!(body.contains("prov-err"), "[{}]", w.backend());
        let (st, _, _) = w
            .page(
                "post",
                "/users",
                Some(&session),
                "x",
                Some(form(&w.a.prov_other.to_string())),
            )
            .await;
        assert_eq!(st, 303, "[{}]", w.backend());
        let s = mittler_app::auth::sign_in(
            &w.app,
            "trainerin@verein.example",
            "a very long password",
            Some("127.0.0.1"),
            mittler_db::sessions::Kind::Api,
        )
        .await
        .unwrap();
        let (st, list) = w.api("get", "/api/v1/offers", Some(&s.token), None).await;
        assert_eq!(st, 200);
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            vec![w.a.offer_other.to_string().as_str()],
            "[{}]",
            w.backend()
        );
    }
}

#[tokio::test]
async fn open_formats_carry_the_offer_and_no_personal_data() {
    for w in worlds().await {
        let t = registered(&w, w.a.offer_own, &person("privat@example.org", "de")).await;
        registrations::confirm(&w.app, &t).await.unwrap();
        let base = format!("/catalogue/{}/{}", w.a.slug, w.a.offer_own);
        // iCalendar: one event per session (weekly on Wednesdays, one holiday left out).
        let (st, h, ics) = w
            .page("get", &format!("{base}/calendar.ics"), None, "x", None)
            .await;
        assert_eq!(st, 200);
        assert!(
            h["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 10, "[{}]", w.backend());
        assert!(ics.contains("Hallenbad Mitte"));
        // schema.org JSON-LD on the detail page, with the seats left.
        let (_, _, html) = w
            .page("get", &format!("{base}?lang=ar"), None, "x", None)
            .await;
        let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let end = start + html[start..].find("</script>").unwrap();
        let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(ld["@type"], "Course");
        assert_eq!(ld["hasCourseInstance"].as_array().unwrap().len(), 10);
        assert_eq!(ld["remainingAttendeeCapacity"], 29);
        assert_eq!(ld["offers"]["price"], "0.00");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        // The open-data feed: every language, no registrant.
        let (st, _, feed) = w
            .page(
                "get",
                &format!("/catalogue/{}/offers.json", w.a.slug),
                None,
                "x",
                None,
            )
            .await;
        assert_eq!(st, 200);
        let v: serde_json::Value = serde_json::from_str(&feed).unwrap();
        let offers = v["offers"].as_array().unwrap();
        assert_eq!(offers.len(), 1, "[{}] published only", w.backend());
        assert_eq!(offers[0]["title"]["ar"], "دورة سباحة للأطفال");
        assert_eq!(offers[0]["seats_left"], 29);
        assert!(!feed.contains("privat@example.org") && !feed.contains("\"Test\""));
    }
}

#[tokio::test]
async fn providers_see_an_address_only_with_consent_and_the_centre_sees_who_looked() {
    for w in worlds().await {
        let mut shared = person("teilt@example.org", "de");
        shared.consents.push("share_contact".into());
        for p in [shared, person("privat@example.org", "de")] {
            let t = registered(&w, w.a.offer_own, &p).await;
            registrations::confirm(&w.app, &t).await.unwrap();
        }
        let path = format!("/api/v1/offers/{}/registrations", w.a.offer_own);
        let provider = w.token(Role::Provider).await;
        let (_, regs) = w.api("get", &path, Some(&provider), None).await;
        let mut emails: Vec<&str> = regs
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["email"].as_str().unwrap())
            .collect();
        emails.sort_unstable();
        assert_eq!(emails, vec!["", "teilt@example.org"], "[{}]", w.backend());
        let coordinator = w.token(Role::Coordinator).await;
        let (_, regs) = w.api("get", &path, Some(&coordinator), None).await;
        assert!(regs.to_string().contains("privat@example.org"));
        // The provider's export follows the same rule.
        let (session, _) = w.session(Role::Provider).await;
        let (_, _, csv) = w
            .page(
                "get",
                &format!("/offers/{}/export.csv", w.a.offer_own),
                Some(&session),
                "x",
                None,
            )
            .await;
        assert!(csv.contains("teilt@example.org") && !csv.contains("privat@example.org"));
        // Every look at the registrations is in the audit log.
        let a = admin(&w).await;
        let log = mittler_app::audit::list(&w.app, &a, 0, 200).await.unwrap();
        let views = log.rows.iter().filter(|e| e.action == "view").count();
        assert!(views >= 3, "[{}] {views} views logged", w.backend());
        // A message still reaches both.
        let mut texts = std::collections::BTreeMap::new();
        texts.insert(
            "de".to_owned(),
            ("Hinweis".to_owned(), "Badekappe mitbringen".to_owned()),
        );
        let p = mittler_db::users::get(&w.app.db, w.a.id, w.a.users[&Role::Provider].0)
            .await
            .unwrap();
        let n = offers::message(
            &w.app,
            &mittler_app::Actor::from_user(&p, None),
            w.a.offer_own,
            &texts,
        )
        .await
        .unwrap();
        assert_eq!(n, 2, "[{}]", w.backend());
    }
}
