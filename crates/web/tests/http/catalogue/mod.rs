//! The offers network over HTTP and the use-cases, on both databases: registrations that
//! never overbook, the waiting list, the lottery, retention, the export and the review.

mod retention;
mod waiting;

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
            mails.iter().any(|m| m.subject.starts_with("توفّر مكان")),
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
