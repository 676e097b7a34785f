//! The offers network over HTTP and the use-cases, on both databases: registrations that
//! never overbook, the waiting list, the lottery, retention, the export and the review.

use crate::common::{World, offer_input, worlds};
use jiff::SignedDuration;
use mittler_app::offers;
use mittler_app::offers::Confirmed;
use mittler_app::registrations;
use mittler_domain::Role;
use mittler_domain::offer::Event;
use mittler_domain::registration::{RegistrationInput, Status as RegStatus};
use serde_json::json;
use uuid::Uuid;

async fn admin(w: &World) -> mittler_app::Actor {
    let id = w.a.users[&Role::Admin].0;
    let u = mittler_db::users::get(&w.app.db, w.a.id, id).await.unwrap();
    mittler_app::Actor::from_user(&u, None)
}

/// The secret of the newest link of `kind` (`confirm` or `cancel`) mailed to `to`.
async fn link_token(w: &World, to: &str, kind: &str) -> String {
    let mails = mittler_db::outbox::to_address(&w.app.db, to).await.unwrap();
    let needle = format!("/r/{kind}/");
    mails
        .iter()
        .rev()
        .find_map(|m| {
            let at = m.body_text.find(&needle)? + needle.len();
            Some(
                m.body_text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect::<String>(),
            )
        })
        .unwrap_or_else(|| panic!("no {kind} link mailed to {to}"))
}

async fn new_offer(w: &World, title: &str, capacity: i64) -> Uuid {
    let a = admin(w).await;
    let mut input = offer_input(title, capacity);
    input.age_min = Some(0);
    input.target_groups = vec!["families".into(), "newly_arrived".into()];
    let id = offers::create(&w.app, &a, Some(w.a.prov_own), &input)
        .await
        .unwrap();
    offers::transition(&w.app, &a, id, Event::Publish, None)
        .await
        .unwrap();
    id
}

fn person(email: &str, lang: &str) -> RegistrationInput {
    RegistrationInput {
        name: "Test".into(),
        email: email.into(),
        persons: Some(1),
        children: vec![],
        consents: vec!["participation".into()],
        lang: lang.into(),
        group: None,
    }
}

async fn registered(w: &World, offer: Uuid, input: &RegistrationInput) -> String {
    registrations::register(&w.app, &w.a.slug, offer, input, None)
        .await
        .unwrap();
    link_token(w, &input.email, "confirm").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_registrations_for_the_last_five_seats() {
    for w in worlds().await {
        let offer = new_offer(&w, "Ferienschwimmen", 8).await;
        for i in 0..3 {
            let t = registered(&w, offer, &person(&format!("early{i}@example.org"), "de")).await;
            registrations::confirm(&w.app, &t).await.unwrap();
        }
        let mut tokens = Vec::new();
        for i in 0..50 {
            tokens
                .push(registered(&w, offer, &person(&format!("late{i}@example.org"), "ar")).await);
        }
        let tasks: Vec<_> = tokens
            .into_iter()
            .map(|t| {
                let app = w.app.clone();
                tokio::spawn(
                    async move { registrations::confirm(&app, &t).await.map(|(_, _, c)| c) },
                )
            })
            .collect();
        let mut confirmed = 0;
        let mut positions = Vec::new();
        for t in tasks {
            match t.await.unwrap().unwrap() {
                Confirmed::Now(RegStatus::Confirmed, _) => confirmed += 1,
                Confirmed::Now(RegStatus::Waitlisted, Some(p)) => positions.push(p),
                other => panic!("[{}] unexpected {other:?}", w.backend()),
            }
        }
        assert_eq!(
            confirmed,
            5,
            "[{}] exactly the last five seats",
            w.backend()
        );
        positions.sort_unstable();
        assert_eq!(
            positions,
            (1..=45).collect::<Vec<u32>>(),
            "[{}]",
            w.backend()
        );
        let regs = mittler_db::offers::registrations(&w.app.db, w.a.id, offer)
            .await
            .unwrap();
        let count = |s| regs.iter().filter(|r| r.status == s).count();
        assert_eq!(count(RegStatus::Confirmed), 8, "[{}]", w.backend());
        assert_eq!(
            count(RegStatus::Waitlisted),
            45,
            "[{}] none lost",
            w.backend()
        );
        // Everyone was told, in their language.
        let mails = mittler_db::outbox::to_address(&w.app.db, "late0@example.org")
            .await
            .unwrap();
        assert_eq!(
            mails.len(),
            2,
            "[{}] confirmation link and outcome",
            w.backend()
        );
        assert!(
            mails
                .iter()
                .any(|m| m.subject.contains("قائمة الانتظار") || m.subject.contains("مكانك")),
            "[{}] the outcome in Arabic",
            w.backend()
        );
    }
}

#[tokio::test]
async fn a_family_registers_over_the_api_and_a_cancelled_child_moves_the_waiting_list_up() {
    for w in worlds().await {
        let offer = new_offer(&w, "Schwimmen lernen", 3).await;
        let base = format!("/api/v1/public/{}/offers/{offer}", w.a.slug);
        // Bad input is refused naming the field.
        let (st, body) = w
            .api(
                "post",
                &format!("{base}/registrations"),
                None,
                Some(json!({"name": "", "email": "x", "children": [{"age": 30}], "consents": [], "lang": "ar"})),
            )
            .await;
        assert_eq!(st, 422, "[{}] {body}", w.backend());
        for field in ["name", "email", "children.0.age", "consents.participation"] {
            assert!(
                body["error"]["fields"][field].is_string(),
                "[{}] {field}: {body}",
                w.backend()
            );
        }
        let (st, body) = w
            .api(
                "post",
                &format!("{base}/registrations"),
                None,
                Some(json!({"name": "Samira", "email": "samira@example.org", "persons": 2,
                    "children": [{"age": 7}, {"age": 9}], "consents": {"participation": true, "photos": false}, "lang": "ar"})),
            )
            .await;
        assert_eq!(
            (st.as_u16(), body["status"].as_str()),
            (202, Some("pending")),
            "[{}] {body}",
            w.backend()
        );
        let samira = link_token(&w, "samira@example.org", "confirm").await;
        let (st, body) = w
            .api(
                "post",
                "/api/v1/public/registrations/confirm",
                None,
                Some(json!({"token": samira})),
            )
            .await;
        assert_eq!(
            (st.as_u16(), body["status"].as_str()),
            (200, Some("confirmed")),
            "[{}] {body}",
            w.backend()
        );
        // Following the link again changes nothing.
        let (_, again) = w
            .api(
                "post",
                "/api/v1/public/registrations/confirm",
                None,
                Some(json!({"token": samira})),
            )
            .await;
        assert_eq!(again["status"], "confirmed");
        let (_, one) = w.api("get", &format!("{base}?lang=ar"), None, None).await;
        assert_eq!(one["seats_left"], 1, "[{}] {one}", w.backend());
        assert_eq!(one["title"]["lang"], "ar");
        let (_, uk) = w.api("get", &format!("{base}?lang=uk"), None, None).await;
        assert_eq!(
            (
                uk["title"]["lang"].as_str(),
                uk["title"]["fallback"].as_bool()
            ),
            (Some("de"), Some(true))
        );
        // Two more families: one takes the last seat, the other waits.
        for (email, lang) in [("olena@example.org", "uk"), ("hevin@example.org", "ar")] {
            let t = registered(&w, offer, &person(email, lang)).await;
            registrations::confirm(&w.app, &t).await.unwrap();
        }
        let (_, hevin) = w
            .api(
                "post",
                "/api/v1/public/registrations/confirm",
                None,
                Some(json!({"token": link_token(&w, "hevin@example.org", "confirm").await})),
            )
            .await;
        assert_eq!(
            (hevin["status"].as_str(), hevin["position"].as_u64()),
            (Some("waitlisted"), Some(1))
        );
        // Samira cancels one child: the seat goes to the first on the waiting list.
        let cancel = link_token(&w, "samira@example.org", "cancel").await;
        assert_eq!(cancel, samira, "one secret for both links");
        let (st, body) = w
            .api(
                "post",
                "/api/v1/public/registrations/cancel",
                None,
                Some(json!({"token": cancel, "child": 0})),
            )
            .await;
        assert_eq!(
            (st.as_u16(), body["status"].as_str()),
            (200, Some("confirmed")),
            "[{}] {body}",
            w.backend()
        );
        let token = w.token(Role::Coordinator).await;
        let (st, regs) = w
            .api(
                "get",
                &format!("/api/v1/offers/{offer}/registrations"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let by = |e: &str| {
            regs.as_array()
                .unwrap()
                .iter()
                .find(|r| r["email"] == e)
                .unwrap()
                .clone()
        };
        assert_eq!(
            (
                by("samira@example.org")["persons"].as_u64(),
                by("samira@example.org")["children_ages"].clone()
            ),
            (Some(1), json!([9]))
        );
        assert_eq!(
            by("hevin@example.org")["status"],
            "confirmed",
            "[{}] promoted",
            w.backend()
        );
        let mails = mittler_db::outbox::to_address(&w.app.db, "hevin@example.org")
            .await
            .unwrap();
        assert!(
            mails.iter().any(|m| m.subject.starts_with("توفر مكان")),
            "[{}] told in Arabic",
            w.backend()
        );
        // The whole registration, then a repeated link: nothing more happens.
        let (_, body) = w
            .api(
                "post",
                "/api/v1/public/registrations/cancel",
                None,
                Some(json!({"token": cancel})),
            )
            .await;
        assert_eq!(body["status"], "cancelled");
        let (_, body) = w
            .api(
                "post",
                "/api/v1/public/registrations/cancel",
                None,
                Some(json!({"token": cancel})),
            )
            .await;
        assert_eq!(body["status"], "cancelled");
        let (_, one) = w.api("get", &base, None, None).await;
        assert_eq!(one["seats_left"], 1, "[{}] {one}", w.backend());
    }
}

#[tokio::test]
async fn the_lottery_is_drawn_once_keeps_quotas_and_siblings_and_replays_from_its_seed() {
    for w in worlds().await {
        let a = admin(&w).await;
        let mut input = offer_input("Ferienschwimmkurs (Verlosung)", 6);
        input.age_min = Some(0);
        input.registration = "lottery".into();
        input.lottery_at = Some("2026-12-15T12:00".into());
        input.quotas = vec![("newly_arrived".into(), 2)];
        let offer = offers::create(&w.app, &a, Some(w.a.prov_own), &input)
            .await
            .unwrap();
        offers::transition(&w.app, &a, offer, Event::Publish, None)
            .await
            .unwrap();
        for i in 0..12 {
            let mut p = person(&format!("family{i}@example.org"), "de");
            if i % 3 == 0 {
                p.group = Some("newly_arrived".into());
            }
            if i == 5 {
                p.persons = None;
                p.children = vec![Some(6), Some(8)];
            }
            let t = registered(&w, offer, &p).await;
            let (_, _, c) = registrations::confirm(&w.app, &t).await.unwrap();
            assert_eq!(c, Confirmed::Now(RegStatus::Entered, None));
        }
        assert_eq!(
            registrations::draw_due(&w.app).await.unwrap(),
            0,
            "not before its time"
        );
        let late = registered(&w, offer, &person("late@example.org", "de")).await;
        w.clock.advance(SignedDuration::from_hours(24 * 21));
        // A confirmation after the deadline draws first and does not enter the draw.
        let (_, _, c) = registrations::confirm(&w.app, &late).await.unwrap();
        assert!(
            matches!(
                c,
                Confirmed::Now(RegStatus::Confirmed | RegStatus::Waitlisted, _)
            ),
            "[{}] {c:?}",
            w.backend()
        );
        assert_eq!(
            registrations::draw_due(&w.app).await.unwrap(),
            0,
            "drawn once"
        );
        // The late confirmation came after the draw: first come behind it.
        let regs: Vec<_> = mittler_db::offers::registrations(&w.app.db, w.a.id, offer)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.email != "late@example.org")
            .collect();
        let won: Vec<_> = regs
            .iter()
            .filter(|r| r.status == RegStatus::Confirmed)
            .collect();
        let seats: u32 = won.iter().map(|r| r.persons).sum();
        assert!((5..=6).contains(&seats), "[{}] {seats}", w.backend());
        let quota = won.iter().filter(|r| r.group.is_some()).count();
        assert!(
            quota >= 2,
            "[{}] the kept places went to newly arrived children",
            w.backend()
        );
        assert_eq!(
            regs.iter()
                .filter(|r| r.status == RegStatus::Entered)
                .count(),
            0
        );
        // The recorded seed replays the same draw.
        let o = mittler_db::offers::get(&w.app.db, w.a.id, offer)
            .await
            .unwrap();
        let seed = u64::from_ne_bytes(o.lottery_seed.unwrap().to_ne_bytes());
        let mut entries: Vec<_> = regs.clone();
        // In the order of confirmation (the order the draw was given).
        entries.sort_by_key(|r| {
            r.email
                .trim_start_matches("family")
                .trim_end_matches("@example.org")
                .parse::<u32>()
                .unwrap()
        });
        let replay = mittler_domain::lottery::draw(
            6,
            &[mittler_domain::lottery::Quota {
                group: "newly_arrived".into(),
                seats: 2,
            }],
            &entries
                .iter()
                .enumerate()
                .map(|(i, r)| mittler_domain::lottery::Entry {
                    id: r.id,
                    seats: r.persons,
                    group: r.group.map(|g| g.as_str().to_owned()),
                    family: Some(r.email.clone()),
                    order: i as u64 + 1,
                })
                .collect::<Vec<_>>(),
            seed,
        );
        let mut a_ids: Vec<_> = won.iter().map(|r| r.id).collect();
        let mut b_ids = replay.winners.clone();
        a_ids.sort();
        b_ids.sort();
        assert_eq!(
            a_ids,
            b_ids,
            "[{}] replayed from the recorded seed",
            w.backend()
        );
        // Every entry heard the result.
        let mails = mittler_db::outbox::to_address(&w.app.db, "family5@example.org")
            .await
            .unwrap();
        assert!(
            mails
                .iter()
                .any(|m| m.subject.contains("Ferienschwimmkurs"))
                && mails.len() == 3
        );
    }
}

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
