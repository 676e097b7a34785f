//! Providers, offers, registrations, seats, lottery, attendance and retention on both
//! backends (SQLite always, PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;
mod retention;
mod seats;

use common::{
    TWO_MONDAYS, draft, each, entry, exec_id, offer, provider, reg_draft, register, schedule, t0,
    texts, ts,
};
use jiff::SignedDuration;
use mittler_db::offers::{self, Held, Locked, NewRegistration, OfferFilter};
use mittler_db::{DbError, Uuid, audit, tenants};
use mittler_domain::offer::{Category, Consent, Registration, Status, TargetGroup};
use mittler_domain::registration::Status as RegStatus;

#[tokio::test]
async fn providers_and_offers_round_trip_per_tenant() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let nord = provider(db, a.id, "Sportverein Nord").await;
        let awo = provider(db, a.id, "Awo Mitte").await;
        let names: Vec<String> = offers::providers(db, a.id)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Awo Mitte", "Sportverein Nord"], "{}", t.backend());
        let p = offers::provider(db, a.id, nord).await.unwrap();
        assert_eq!(
            (p.id, p.name.as_str(), p.active),
            (nord, "Sportverein Nord", true)
        );
        assert!(matches!(
            offers::provider(db, b.id, nord).await,
            Err(DbError::NotFound)
        ));
        assert!(offers::providers(db, b.id).await.unwrap().is_empty());

        let d = draft(&TWO_MONDAYS, 10, Registration::FirstCome);
        let id = offers::create(
            db,
            a.id,
            nord,
            &d,
            &texts("Schwimmkurs", 1),
            &schedule(&TWO_MONDAYS),
            t0(),
            &entry(a.id, t0(), "offer"),
        )
        .await
        .unwrap();
        let o = offers::get(db, a.id, id).await.unwrap();
        assert_eq!(o.id, id);
        assert_eq!(
            (o.provider_id, o.provider_name.as_str()),
            (nord, "Sportverein Nord")
        );
        assert_eq!(o.status, Status::Draft, "a new offer is a draft");
        assert_eq!(o.texts, texts("Schwimmkurs", 1));
        assert_eq!(o.category, Category::Swimming);
        assert_eq!(o.target_groups, d.target_groups);
        assert_eq!((o.age_min, o.age_max), (Some(6), Some(10)));
        assert_eq!(o.languages, ["de", "ar"]);
        assert_eq!(o.venue, d.venue);
        assert_eq!(o.schedule, schedule(&TWO_MONDAYS));
        let times: Vec<_> = o.sessions.iter().map(|(_, s)| *s).collect();
        assert_eq!(times, d.sessions);
        assert_ne!(o.sessions[0].0, o.sessions[1].0);
        assert_eq!(
            (o.cost_cents, o.cost_note.as_deref()),
            (500, Some("ermäßigt 2 €"))
        );
        assert_eq!(o.capacity, 10);
        assert_eq!(o.registration, Registration::FirstCome);
        assert_eq!(o.quotas, [(TargetGroup::Children, 4)]);
        assert_eq!(
            (o.lottery_seed, o.drawn_at, o.retained_at),
            (None, None, None)
        );
        assert_eq!(o.review_note, None);
        assert_eq!(o.first_start, ts("2027-04-05T14:00:00Z"));
        assert_eq!(o.last_end, ts("2027-04-12T16:00:00Z"));
        assert_eq!(o.updated_at, t0());

        // A lottery offer of the other provider, earlier: it comes first.
        let lottery_at = ts("2027-03-10T12:00:00Z");
        let early = [("2027-03-22T09:00:00Z", "2027-03-22T10:30:00Z")];
        let id2 = offers::create(
            db,
            a.id,
            awo,
            &draft(&early, 5, Registration::Lottery { at: lottery_at }),
            &texts("Sprachcafé", 1),
            &schedule(&early),
            t0(),
            &entry(a.id, t0(), "offer"),
        )
        .await
        .unwrap();
        let all = offers::list(db, a.id, OfferFilter::default())
            .await
            .unwrap();
        assert_eq!(
            all.iter().map(|o| o.id).collect::<Vec<_>>(),
            [id2, id],
            "soonest first ({})",
            t.backend()
        );
        assert_eq!(
            all[0].registration,
            Registration::Lottery { at: lottery_at }
        );
        assert_eq!(all[0].sessions.len(), 1);
        assert_eq!(all[1].sessions.len(), 2, "sessions stay with their offer");
        let of_nord = offers::list(
            db,
            a.id,
            OfferFilter {
                provider: Some(nord),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(of_nord.len(), 1);
        assert_eq!(of_nord[0].id, id);
        let drafts = |s| OfferFilter {
            status: Some(s),
            ..Default::default()
        };
        assert_eq!(
            offers::list(db, a.id, drafts(Status::Draft))
                .await
                .unwrap()
                .len(),
            2
        );
        assert!(
            offers::list(db, a.id, drafts(Status::Published))
                .await
                .unwrap()
                .is_empty()
        );

        // Another tenant sees nothing.
        assert!(matches!(
            offers::get(db, b.id, id).await,
            Err(DbError::NotFound)
        ));
        assert!(
            offers::list(db, b.id, OfferFilter::default())
                .await
                .unwrap()
                .is_empty()
        );
        let (n, latest) = offers::fingerprint(db, a.id).await.unwrap();
        assert_eq!((n, latest.map(|u| u.0)), (2, Some(t0())));
        let (n, latest) = offers::fingerprint(db, b.id).await.unwrap();
        assert_eq!((n, latest.map(|u| u.0)), (0, None));
        // Two providers and two offers, each audited.
        assert_eq!(audit::count(db, a.id).await.unwrap(), 4);
        assert_eq!(audit::count(db, b.id).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn set_status_moves_only_from_the_given_statuses() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let id = offer(db, a.id, &TWO_MONDAYS, 10, Registration::FirstCome).await;
        let t1 = t0() + SignedDuration::from_hours(1);
        let audited = audit::count(db, a.id).await.unwrap();

        assert!(
            !offers::set_status(
                db,
                a.id,
                id,
                &[Status::InReview, Status::Published],
                Status::Archived,
                None,
                t1,
                &entry(a.id, t1, "archive"),
            )
            .await
            .unwrap(),
            "a draft is in neither"
        );
        assert_eq!(
            offers::get(db, a.id, id).await.unwrap().status,
            Status::Draft
        );
        assert!(
            !offers::set_status(
                db,
                b.id,
                id,
                &[Status::Draft],
                Status::InReview,
                None,
                t1,
                &entry(b.id, t1, "submit"),
            )
            .await
            .unwrap(),
            "another tenant cannot move it"
        );
        assert_eq!(audit::count(db, a.id).await.unwrap(), audited);
        assert_eq!(audit::count(db, b.id).await.unwrap(), 0);

        assert!(
            offers::set_status(
                db,
                a.id,
                id,
                &[Status::Draft],
                Status::InReview,
                Some("Bitte Uhrzeit prüfen"),
                t1,
                &entry(a.id, t1, "submit"),
            )
            .await
            .unwrap()
        );
        let o = offers::get(db, a.id, id).await.unwrap();
        assert_eq!(o.status, Status::InReview, "{}", t.backend());
        assert_eq!(o.review_note.as_deref(), Some("Bitte Uhrzeit prüfen"));
        assert_eq!(o.updated_at, t1);
        assert_eq!(audit::count(db, a.id).await.unwrap(), audited + 1);
        assert!(
            offers::set_status(
                db,
                a.id,
                id,
                &[Status::Draft, Status::InReview],
                Status::Published,
                None,
                t1,
                &entry(a.id, t1, "publish"),
            )
            .await
            .unwrap()
        );
        let o = offers::get(db, a.id, id).await.unwrap();
        assert_eq!((o.status, o.review_note), (Status::Published, None));
    })
    .await;
}

#[tokio::test]
async fn update_in_a_transaction_replaces_content_and_refuses_stale_reads() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let id = offer(db, a.id, &TWO_MONDAYS, 10, Registration::FirstCome).await;
        let cur = offers::get(db, a.id, id).await.unwrap();
        let t1 = t0() + SignedDuration::from_hours(1);

        // The first Monday stays, the second moves to a Wednesday.
        let times = [
            TWO_MONDAYS[0],
            ("2027-04-14T15:00:00Z", "2027-04-14T17:00:00Z"),
        ];
        let mut d = draft(&times, 12, Registration::FirstCome);
        d.category = Category::Sport;
        d.quotas = vec![];
        let mut new_texts = texts("Schwimmkurs für Kinder", 2);
        new_texts.by_lang.remove("en");
        let mut tx = db.begin().await.unwrap();
        offers::update(
            &mut tx,
            a.id,
            &cur,
            &d,
            &new_texts,
            &schedule(&times),
            Status::InReview,
            t1,
            &entry(a.id, t1, "update"),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let o = offers::get(db, a.id, id).await.unwrap();
        assert_eq!(o.status, Status::InReview, "{}", t.backend());
        assert_eq!((o.capacity, o.category), (12, Category::Sport));
        assert!(o.quotas.is_empty());
        assert_eq!(o.texts, new_texts, "the English text is gone");
        assert_eq!(o.schedule, schedule(&times));
        assert_eq!(
            o.sessions.iter().map(|(_, s)| *s).collect::<Vec<_>>(),
            d.sessions
        );
        assert_eq!(
            o.sessions[0].0, cur.sessions[0].0,
            "a kept session keeps its id"
        );
        assert_ne!(o.sessions[1].0, cur.sessions[1].0);
        assert_eq!(o.last_end, ts("2027-04-14T17:00:00Z"));
        assert_eq!(o.updated_at, t1);

        // `cur` is stale now: refused, and nothing changes.
        let mut tx = db.begin().await.unwrap();
        let stale = offers::update(
            &mut tx,
            a.id,
            &cur,
            &draft(&TWO_MONDAYS, 3, Registration::None),
            &texts("Alt", 1),
            &schedule(&TWO_MONDAYS),
            Status::Draft,
            t1 + SignedDuration::from_secs(1),
            &entry(a.id, t1, "update"),
        )
        .await;
        assert!(
            matches!(&stale, Err(DbError::Conflict(c)) if c == "offers.updated_at"),
            "{stale:?}"
        );
        tx.rollback().await.unwrap();
        // Another tenant cannot update it, even with a fresh read.
        let mut tx = db.begin().await.unwrap();
        let foreign = offers::update(
            &mut tx,
            b.id,
            &o,
            &d,
            &new_texts,
            &schedule(&times),
            Status::Draft,
            t1,
            &entry(b.id, t1, "update"),
        )
        .await;
        assert!(matches!(foreign, Err(DbError::Conflict(_))), "{foreign:?}");
        tx.rollback().await.unwrap();

        // An update that is rolled back, or dropped, keeps nothing.
        let mut bigger = d.clone();
        bigger.capacity = 20;
        for commit_nothing in [true, false] {
            let mut tx = db.begin().await.unwrap();
            offers::update(
                &mut tx,
                a.id,
                &o,
                &bigger,
                &texts("Anders", 3),
                &schedule(&TWO_MONDAYS),
                Status::Published,
                t1 + SignedDuration::from_secs(5),
                &entry(a.id, t1, "update"),
            )
            .await
            .unwrap();
            if commit_nothing {
                tx.rollback().await.unwrap();
            } else {
                drop(tx);
            }
            assert_eq!(
                offers::get(db, a.id, id).await.unwrap(),
                o,
                "{}",
                t.backend()
            );
        }
        // Provider + offer + one update.
        assert_eq!(audit::count(db, a.id).await.unwrap(), 3);
        assert_eq!(audit::count(db, b.id).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn registrations_are_created_in_a_transaction_and_read_back() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let o = offer(db, a.id, &TWO_MONDAYS, 3, Registration::FirstCome).await;
        let id = register(db, a.id, o, "Amina Haddad", &[7, 9], "tok-a").await;

        let r = offers::registration(db, a.id, id).await.unwrap();
        assert_eq!((r.id, r.tenant_id, r.offer_id), (id, a.id, o));
        assert_eq!(r.status, RegStatus::Pending, "{}", t.backend());
        assert_eq!(
            (r.name.as_str(), r.email.as_str()),
            ("Amina Haddad", "amina.haddad@example.org")
        );
        assert_eq!((r.persons, r.children.as_slice()), (2, [7u8, 9].as_slice()));
        assert_eq!(r.lang, "ar");
        assert_eq!(r.group, Some(TargetGroup::Children));
        assert_eq!(r.seq, None);
        assert_eq!(r.created_at, t0());
        assert!(!r.anonymised);
        let mut consents = r.consents.clone();
        consents.sort();
        assert_eq!(
            consents,
            [(Consent::Participation, None), (Consent::Photos, None)]
        );
        // Consents come in no particular order: compare without them.
        let without_consents = |mut x: offers::Reg| {
            x.consents.clear();
            x
        };
        let listed = offers::registrations(db, a.id, o).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].consents.len(), 2);
        assert_eq!(
            without_consents(listed[0].clone()),
            without_consents(r.clone())
        );
        let found = offers::by_token(db, "tok-a").await.unwrap();
        assert_eq!(found.consents.len(), 2);
        assert_eq!(without_consents(found), without_consents(r.clone()));
        assert!(matches!(
            offers::by_token(db, "tok-unknown").await,
            Err(DbError::NotFound)
        ));
        // Another tenant sees nothing.
        assert!(matches!(
            offers::registration(db, b.id, id).await,
            Err(DbError::NotFound)
        ));
        assert!(offers::registrations(db, b.id, o).await.unwrap().is_empty());

        // Consents are withdrawn one by one, once.
        let t1 = t0() + SignedDuration::from_hours(2);
        assert!(
            !offers::revoke_consent(db, b.id, id, Consent::Photos, t1)
                .await
                .unwrap()
        );
        assert!(
            offers::revoke_consent(db, a.id, id, Consent::Photos, t1)
                .await
                .unwrap()
        );
        assert!(
            !offers::revoke_consent(db, a.id, id, Consent::Photos, t1)
                .await
                .unwrap(),
            "withdrawn before"
        );
        assert!(
            !offers::revoke_consent(db, a.id, id, Consent::ShareContact, t1)
                .await
                .unwrap(),
            "never given"
        );
        let mut consents = offers::registration(db, a.id, id).await.unwrap().consents;
        consents.sort();
        assert_eq!(
            consents,
            [(Consent::Participation, None), (Consent::Photos, Some(t1))]
        );

        // A rolled-back or dropped transaction keeps nothing.
        let d = reg_draft("Omar Haddad", &[]);
        for (token, roll_back) in [("tok-b", true), ("tok-c", false)] {
            let mut tx = db.begin().await.unwrap();
            let nr = NewRegistration {
                offer_id: o,
                draft: &d,
                token_hash: token.into(),
            };
            offers::create_registration(&mut tx, a.id, &nr, t0())
                .await
                .unwrap();
            if roll_back {
                tx.rollback().await.unwrap();
            } else {
                drop(tx);
            }
            assert!(matches!(
                offers::by_token(db, token).await,
                Err(DbError::NotFound)
            ));
        }
        assert_eq!(offers::registrations(db, a.id, o).await.unwrap().len(), 1);

        // A token is unique.
        let mut tx = db.begin().await.unwrap();
        let nr = NewRegistration {
            offer_id: o,
            draft: &d,
            token_hash: "tok-a".into(),
        };
        let dup = offers::create_registration(&mut tx, a.id, &nr, t0()).await;
        assert!(matches!(dup, Err(DbError::Conflict(_))), "{dup:?}");
        drop(tx);
        assert_eq!(offers::registrations(db, a.id, o).await.unwrap().len(), 1);
    })
    .await;
}
