//! The waiting list moves; groups with kept places; the offer form keeps what was typed.

use super::*;

#[tokio::test]
async fn the_waiting_list_moves_when_a_waiting_family_leaves_or_the_offer_grows() {
    for w in worlds().await {
        let offer = new_offer(&w, "Kleiner Kurs", 2).await;
        let a = admin(&w).await;
        let one = registered(&w, offer, &person("eins@example.org", "de")).await;
        registrations::confirm(&w.app, &one).await.unwrap();
        // A family of two waits (one place left), a single person waits behind it.
        let mut fam = person("familie@example.org", "de");
        fam.persons = None;
        fam.children = vec![Some(6), Some(9)];
        let fam = registered(&w, offer, &fam).await;
        let (_, _, c) = registrations::confirm(&w.app, &fam).await.unwrap();
        assert_eq!(c, Confirmed::Now(RegStatus::Waitlisted, Some(1)));
        let single = registered(&w, offer, &person("einzeln@example.org", "de")).await;
        let (_, _, c) = registrations::confirm(&w.app, &single).await.unwrap();
        assert_eq!(c, Confirmed::Now(RegStatus::Waitlisted, Some(2)));
        // A child index that does not exist is refused and changes nothing.
        let (st, _) = w
            .api(
                "post",
                "/api/v1/public/registrations/cancel",
                None,
                Some(json!({"token": fam, "child": 2})),
            )
            .await;
        assert_eq!(st, 422, "[{}]", w.backend());
        // The waiting family leaves: the single person behind it moves up.
        registrations::cancel(&w.app, &fam, mittler_app::offers::Release::All)
            .await
            .unwrap();
        let (reg, _) = registrations::by_token(&w.app, &single).await.unwrap();
        assert_eq!(reg.status, RegStatus::Confirmed, "[{}]", w.backend());
        // A confirmed registration cannot be confirmed after it was cancelled.
        let (st, _) = w
            .api(
                "post",
                "/api/v1/public/registrations/confirm",
                None,
                Some(json!({"token": fam})),
            )
            .await;
        assert_eq!(st, 409, "[{}]", w.backend());
        // Fewer places than taken is refused; more places move the waiting list up.
        let late = registered(&w, offer, &person("spaet@example.org", "de")).await;
        registrations::confirm(&w.app, &late).await.unwrap();
        let mut input = offer_input("Kleiner Kurs", 1);
        input.age_min = Some(0);
        input.target_groups = vec!["families".into(), "newly_arrived".into()];
        let e = offers::update(&w.app, &a, offer, &input, None)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, mittler_app::AppError::Invalid(f) if f.get("capacity") == Some("below-taken")),
            "{e:?}"
        );
        input.capacity = Some(3);
        offers::update(&w.app, &a, offer, &input, None)
            .await
            .unwrap();
        let (reg, _) = registrations::by_token(&w.app, &late).await.unwrap();
        assert_eq!(
            reg.status,
            RegStatus::Confirmed,
            "[{}] promoted by the larger offer",
            w.backend()
        );
        // The registration mode stays while there are registrations.
        input.registration = "lottery".into();
        input.lottery_at = Some("2026-12-20T12:00".into());
        let e = offers::update(&w.app, &a, offer, &input, None)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, mittler_app::AppError::Invalid(f) if f.get("registration") == Some("has-registrations")),
            "{e:?}"
        );
        // Dates with recorded attendance cannot go.
        let o = mittler_db::offers::get(&w.app.db, w.a.id, offer)
            .await
            .unwrap();
        let (reg, _) = registrations::by_token(&w.app, &late).await.unwrap();
        let first = o.sessions[0].0;
        assert_eq!(
            offers::set_attendance(&w.app, &a, offer, &[(reg.id, first, true)])
                .await
                .unwrap(),
            1
        );
        input.registration = "first_come".into();
        input.schedule.from = "2027-01-20".into();
        let e = offers::update(&w.app, &a, offer, &input, None)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, mittler_app::AppError::Invalid(f) if f.get("sessions") == Some("has-attendance")),
            "{e:?}"
        );
        input.schedule.from = "2027-01-13".into();
        // An edit over someone else's newer change is refused.
        let stale: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        input.registration = "first_come".into();
        let e = offers::update(&w.app, &a, offer, &input, Some(stale))
            .await
            .unwrap_err();
        assert!(matches!(e, mittler_app::AppError::Conflict(_)), "{e:?}");
    }
}

#[tokio::test]
async fn a_family_may_count_for_a_group_with_kept_places_and_odd_titles_keep_the_page_whole() {
    for w in worlds().await {
        let a = admin(&w).await;
        let mut input = offer_input("Kurs </script><!-- & mehr", 10);
        input.target_groups = vec!["children".into()];
        input.registration = "lottery".into();
        input.lottery_at = Some("2026-12-20T12:00".into());
        input.quotas = vec![("newly_arrived".into(), 4)];
        let offer = offers::create(&w.app, &a, Some(w.a.prov_own), &input)
            .await
            .unwrap();
        offers::transition(&w.app, &a, offer, Event::Publish, None)
            .await
            .unwrap();
        let mut p = person("neu@example.org", "ar");
        p.persons = None;
        p.children = vec![Some(7)];
        p.group = Some("newly_arrived".into());
        registrations::register(&w.app, &w.a.slug, offer, &p, None)
            .await
            .unwrap();
        let (_, _, html) = w
            .page(
                "get",
                &format!("/catalogue/{}/{offer}", w.a.slug),
                None,
                "x",
                None,
            )
            .await;
        let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let end = start + html[start..].find("</script>").unwrap();
        let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(ld["name"], "Kurs </script><!-- & mehr");
        assert!(html.contains("id=\"r-group\""), "the form offers the group");
    }
}

#[tokio::test]
async fn the_offer_form_names_what_is_wrong_and_keeps_what_was_typed() {
    for w in worlds().await {
        let (session, csrf) = w.session(Role::Provider).await;
        let form = format!(
            "csrf={}&text_lang=de&text_title=&text_description=Beschreibung+bleibt&category=sport&target=children\
             &languages=deu&place_name=Turnhalle+Nord&address=Weg+1&lat=51.4&lon=7.0&schedule_kind=dates\
             &dates=2027-03-03+18%3A00-19%3A30&capacity=viele&registration=first_come&cost=abc",
            crate::common::enc(&csrf)
        );
        let (st, _, body) = w
            .page("post", "/offers", Some(&session), "x", Some(form))
            .await;
        assert_eq!(st, 422, "[{}]", w.backend());
        assert!(
            body.contains("value=\"Turnhalle Nord\""),
            "[{}] kept",
            w.backend()
        );
        assert!(
            body.contains("Beschreibung bleibt"),
            "[{}] kept",
            w.backend()
        );
        assert!(body.contains("value=\"viele\"") && body.contains("value=\"abc\""));
        assert!(
            body.contains("aria-invalid=\"true\""),
            "[{}] marked",
            w.backend()
        );
        for field in ["title.de", "capacity", "cost"] {
            assert!(
                body.contains(&format!("{field}: ")),
                "[{}] {field} named",
                w.backend()
            );
        }
        let (_, offers) = w
            .api(
                "get",
                "/api/v1/offers",
                Some(&w.token(Role::Provider).await),
                None,
            )
            .await;
        assert_eq!(
            offers.as_array().unwrap().len(),
            1,
            "[{}] nothing stored",
            w.backend()
        );
    }
}
