//! Providers, offers, registrations, seats, lottery, attendance and retention on both
//! backends (SQLite always, PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

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

#[tokio::test]
async fn seat_primitives_under_the_offer_lock() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let o = offer(db, a.id, &TWO_MONDAYS, 3, Registration::FirstCome).await;
        let r1 = register(db, a.id, o, "Amina Haddad", &[7, 9], "tok-1").await;
        let r2 = register(db, a.id, o, "Lena Schmidt", &[8], "tok-2").await;
        let r3 = register(db, a.id, o, "Yusuf Demir", &[6, 10], "tok-3").await;
        let t1 = t0() + SignedDuration::from_hours(1);

        let mut tx = db.begin().await.unwrap();
        let l1 = offers::lock(&mut tx, a.id, o).await.unwrap();
        assert_eq!(
            l1,
            Locked {
                seq: 1,
                capacity: 3,
                registration: Registration::FirstCome,
                drawn: false
            },
            "{}",
            t.backend()
        );
        let l2 = offers::lock(&mut tx, a.id, o).await.unwrap();
        assert_eq!(l2.seq, 2, "each lock takes the next number");
        assert_eq!(
            offers::taken_and_waiting(&mut tx, a.id, o).await.unwrap(),
            (0, 0)
        );
        assert_eq!(offers::active(&mut tx, a.id, o).await.unwrap(), 3);

        assert!(
            offers::move_to(
                &mut tx,
                a.id,
                r1,
                RegStatus::Pending,
                RegStatus::Confirmed,
                Some(l1.seq),
                t1
            )
            .await
            .unwrap()
        );
        assert!(
            !offers::move_to(
                &mut tx,
                a.id,
                r1,
                RegStatus::Pending,
                RegStatus::Confirmed,
                Some(l1.seq),
                t1
            )
            .await
            .unwrap(),
            "no longer pending"
        );
        assert!(
            !offers::move_to(
                &mut tx,
                b.id,
                r2,
                RegStatus::Pending,
                RegStatus::Confirmed,
                Some(l2.seq),
                t1
            )
            .await
            .unwrap(),
            "another tenant cannot move it"
        );
        assert_eq!(
            offers::held(&mut tx, a.id, r1).await.unwrap(),
            Held {
                status: RegStatus::Confirmed,
                seq: Some(1),
                persons: 2,
                children: vec![7, 9],
            }
        );
        assert!(
            offers::move_to(
                &mut tx,
                a.id,
                r2,
                RegStatus::Pending,
                RegStatus::Confirmed,
                Some(l2.seq),
                t1
            )
            .await
            .unwrap()
        );
        let l3 = offers::lock(&mut tx, a.id, o).await.unwrap();
        assert_eq!(l3.seq, 3);
        assert!(
            offers::move_to(
                &mut tx,
                a.id,
                r3,
                RegStatus::Pending,
                RegStatus::Waitlisted,
                Some(l3.seq),
                t1
            )
            .await
            .unwrap()
        );
        assert_eq!(
            offers::taken_and_waiting(&mut tx, a.id, o).await.unwrap(),
            (3, 1)
        );
        assert_eq!(offers::position(&mut tx, a.id, o, l3.seq).await.unwrap(), 1);
        assert_eq!(offers::position(&mut tx, a.id, o, l2.seq).await.unwrap(), 0);
        let confirmed = offers::in_status(&mut tx, a.id, o, RegStatus::Confirmed)
            .await
            .unwrap();
        assert_eq!(
            confirmed.iter().map(|r| r.id).collect::<Vec<_>>(),
            [r1, r2],
            "in their order"
        );
        let waiting = offers::in_status(&mut tx, a.id, o, RegStatus::Waitlisted)
            .await
            .unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!((waiting[0].id, waiting[0].seq), (r3, Some(3)));

        // One child leaves the first registration.
        offers::keep(&mut tx, a.id, r1, 1, &[9]).await.unwrap();
        let h = offers::held(&mut tx, a.id, r1).await.unwrap();
        assert_eq!((h.persons, h.children), (1, vec![9]));
        assert_eq!(
            offers::taken_and_waiting(&mut tx, a.id, o).await.unwrap(),
            (2, 1)
        );
        // A cancellation keeps its place number and is no longer active.
        assert!(
            offers::move_to(
                &mut tx,
                a.id,
                r2,
                RegStatus::Confirmed,
                RegStatus::Cancelled,
                None,
                t1
            )
            .await
            .unwrap()
        );
        assert_eq!(
            offers::held(&mut tx, a.id, r2).await.unwrap().seq,
            Some(2),
            "seq kept when none is given"
        );
        assert_eq!(offers::active(&mut tx, a.id, o).await.unwrap(), 2);
        assert!(matches!(
            offers::held(&mut tx, b.id, r1).await,
            Err(DbError::NotFound)
        ));
        tx.commit().await.unwrap();

        let regs = offers::registrations(db, a.id, o).await.unwrap();
        assert_eq!(
            regs.iter().map(|r| (r.id, r.status)).collect::<Vec<_>>(),
            [
                (r1, RegStatus::Confirmed),
                (r2, RegStatus::Cancelled),
                (r3, RegStatus::Waitlisted)
            ]
        );
        assert_eq!(regs[0].children, [9]);
        // Seats taken count only published offers.
        assert!(offers::seats_taken(db, a.id).await.unwrap().is_empty());
        offers::set_status(
            db,
            a.id,
            o,
            &[Status::Draft],
            Status::Published,
            None,
            t1,
            &entry(a.id, t1, "publish"),
        )
        .await
        .unwrap();
        let taken = offers::seats_taken(db, a.id).await.unwrap();
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[&o], 1);
        assert!(offers::seats_taken(db, b.id).await.unwrap().is_empty());

        // Another tenant cannot lock the offer.
        let mut tx = db.begin().await.unwrap();
        assert!(matches!(
            offers::lock(&mut tx, b.id, o).await,
            Err(DbError::NotFound)
        ));
        tx.rollback().await.unwrap();

        // A rolled-back seat change keeps nothing, not even the number it took.
        let mut tx = db.begin().await.unwrap();
        let l4 = offers::lock(&mut tx, a.id, o).await.unwrap();
        assert_eq!(l4.seq, 4);
        assert!(
            offers::move_to(
                &mut tx,
                a.id,
                r3,
                RegStatus::Waitlisted,
                RegStatus::Confirmed,
                Some(l4.seq),
                t1
            )
            .await
            .unwrap()
        );
        tx.rollback().await.unwrap();
        let mut tx = db.begin().await.unwrap();
        assert_eq!(offers::lock(&mut tx, a.id, o).await.unwrap().seq, 4);
        assert_eq!(
            offers::held(&mut tx, a.id, r3).await.unwrap().status,
            RegStatus::Waitlisted
        );
        drop(tx);
        assert_eq!(
            offers::registration(db, a.id, r3).await.unwrap().status,
            RegStatus::Waitlisted
        );
    })
    .await;
}

#[tokio::test]
async fn lotteries_fall_due_and_are_drawn_once() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let at = ts("2027-03-20T10:00:00Z");
        let later = at + SignedDuration::from_hours(1);
        let publish = async |tenant: Uuid, id: Uuid| {
            offers::set_status(
                db,
                tenant,
                id,
                &[Status::Draft],
                Status::Published,
                None,
                t0(),
                &entry(tenant, t0(), "publish"),
            )
            .await
            .unwrap()
        };
        let oa = offer(db, a.id, &TWO_MONDAYS, 5, Registration::Lottery { at }).await;
        let ob = offer(
            db,
            b.id,
            &TWO_MONDAYS,
            5,
            Registration::Lottery { at: later },
        )
        .await;
        let first_come = offer(db, a.id, &TWO_MONDAYS, 5, Registration::FirstCome).await;
        let unpublished = offer(db, a.id, &TWO_MONDAYS, 5, Registration::Lottery { at }).await;
        assert!(publish(a.id, oa).await);
        assert!(publish(b.id, ob).await);
        assert!(publish(a.id, first_come).await);
        let _ = unpublished;

        assert!(
            offers::due_lotteries(db, at - SignedDuration::from_secs(1))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            offers::due_lotteries(db, at).await.unwrap(),
            [(a.id, oa)],
            "{}",
            t.backend()
        );
        assert_eq!(
            offers::due_lotteries(db, later).await.unwrap(),
            [(a.id, oa), (b.id, ob)],
            "every tenant, soonest first"
        );

        let mut tx = db.begin().await.unwrap();
        let l = offers::lock(&mut tx, a.id, oa).await.unwrap();
        assert_eq!(
            (l.registration, l.drawn),
            (Registration::Lottery { at }, false)
        );
        assert!(
            !offers::mark_drawn(&mut tx, b.id, oa, 42, at).await.unwrap(),
            "another tenant cannot draw it"
        );
        assert!(offers::mark_drawn(&mut tx, a.id, oa, 42, at).await.unwrap());
        assert!(
            !offers::mark_drawn(&mut tx, a.id, oa, 43, later)
                .await
                .unwrap(),
            "drawn before"
        );
        assert!(offers::lock(&mut tx, a.id, oa).await.unwrap().drawn);
        tx.commit().await.unwrap();
        let o = offers::get(db, a.id, oa).await.unwrap();
        assert_eq!((o.lottery_seed, o.drawn_at), (Some(42), Some(at)));
        assert_eq!(
            offers::due_lotteries(db, later).await.unwrap(),
            [(b.id, ob)]
        );

        // A draw that is rolled back keeps nothing.
        let mut tx = db.begin().await.unwrap();
        assert!(
            offers::mark_drawn(&mut tx, b.id, ob, 7, later)
                .await
                .unwrap()
        );
        tx.rollback().await.unwrap();
        assert_eq!(
            offers::due_lotteries(db, later).await.unwrap(),
            [(b.id, ob)]
        );
        let o = offers::get(db, b.id, ob).await.unwrap();
        assert_eq!((o.lottery_seed, o.drawn_at), (None, None));
    })
    .await;
}

#[tokio::test]
async fn attendance_is_recorded_per_session_and_follows_kept_sessions() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let o = offer(db, a.id, &TWO_MONDAYS, 5, Registration::FirstCome).await;
        let r1 = register(db, a.id, o, "Amina Haddad", &[7], "tok-1").await;
        let r2 = register(db, a.id, o, "Lena Schmidt", &[8], "tok-2").await;
        let cur = offers::get(db, a.id, o).await.unwrap();
        let (s1, s2) = (cur.sessions[0].0, cur.sessions[1].0);
        let t1 = ts("2027-04-05T16:30:00Z");

        assert!(offers::attendance(db, a.id, o).await.unwrap().is_empty());
        offers::set_attendance(db, a.id, &[(r1, s1, true), (r2, s1, false)], t1)
            .await
            .unwrap();
        let at = offers::attendance(db, a.id, o).await.unwrap();
        assert_eq!(at.len(), 2, "{}", t.backend());
        assert_eq!((at[&(r1, s1)], at[&(r2, s1)]), (true, false));
        // Recording again changes the cell.
        offers::set_attendance(db, a.id, &[(r2, s1, true), (r1, s2, false)], t1)
            .await
            .unwrap();
        let at = offers::attendance(db, a.id, o).await.unwrap();
        assert_eq!(at.len(), 3);
        assert!(at[&(r2, s1)]);
        assert!(!at[&(r1, s2)]);
        assert!(offers::attendance(db, b.id, o).await.unwrap().is_empty());

        // The first session stays, the second is dropped: its attendance goes with it.
        let times = [TWO_MONDAYS[0]];
        let mut tx = db.begin().await.unwrap();
        offers::update(
            &mut tx,
            a.id,
            &cur,
            &draft(&times, 5, Registration::FirstCome),
            &texts("Schwimmkurs", 1),
            &schedule(&times),
            Status::Draft,
            t1,
            &entry(a.id, t1, "update"),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let at = offers::attendance(db, a.id, o).await.unwrap();
        assert_eq!(at.len(), 2, "{}", t.backend());
        assert!(at[&(r1, s1)] && at[&(r2, s1)]);
    })
    .await;
}

#[tokio::test]
async fn a_corrupt_stored_row_is_an_error() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let o = offer(db, a.id, &TWO_MONDAYS, 5, Registration::FirstCome).await;
        let r = register(db, a.id, o, "Amina Haddad", &[7], "tok-1").await;

        // The schema itself refuses an unknown status.
        let bogus = exec_id(
            db,
            "UPDATE registrations SET status = 'bogus' WHERE id = $1",
            r,
        )
        .await;
        assert!(bogus.is_err(), "{}", t.backend());

        for sql in [
            "UPDATE registrations SET children = 'seven' WHERE id = $1",
            "UPDATE registrations SET children = '', target_group = 'martians' WHERE id = $1",
        ] {
            assert_eq!(exec_id(db, sql, r).await.unwrap(), 1);
            assert!(
                matches!(
                    offers::registration(db, a.id, r).await,
                    Err(DbError::Corrupt(_))
                ),
                "{sql} ({})",
                t.backend()
            );
            assert!(matches!(
                offers::registrations(db, a.id, o).await,
                Err(DbError::Corrupt(_))
            ));
            assert!(matches!(
                offers::by_token(db, "tok-1").await,
                Err(DbError::Corrupt(_))
            ));
        }
        exec_id(
            db,
            "UPDATE registrations SET children = '4,x', target_group = NULL WHERE id = $1",
            r,
        )
        .await
        .unwrap();
        let mut tx = db.begin().await.unwrap();
        assert!(matches!(
            offers::held(&mut tx, a.id, r).await,
            Err(DbError::Corrupt(_))
        ));
        drop(tx);

        assert_eq!(
            exec_id(db, "UPDATE offers SET category = 'bogus' WHERE id = $1", o)
                .await
                .unwrap(),
            1
        );
        assert!(matches!(
            offers::get(db, a.id, o).await,
            Err(DbError::Corrupt(_))
        ));
        assert!(matches!(
            offers::list(db, a.id, OfferFilter::default()).await,
            Err(DbError::Corrupt(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn retention_anonymises_the_registrations_of_ended_offers() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let mut s = tenants::settings(db, a.id).await.unwrap();
        s.retention_days = 30;
        tenants::set_settings(db, a.id, &s, &entry(a.id, t0(), "settings"))
            .await
            .unwrap();
        let mut expected = vec![(a.id, 30), (b.id, 90)];
        expected.sort();
        assert_eq!(
            offers::retention_by_tenant(db).await.unwrap(),
            expected,
            "{}",
            t.backend()
        );

        let ended = offer(db, a.id, &TWO_MONDAYS, 5, Registration::FirstCome).await;
        let june = [("2027-06-07T14:00:00Z", "2027-06-07T16:00:00Z")];
        let running = offer(db, a.id, &june, 5, Registration::FirstCome).await;
        let r1 = register(db, a.id, ended, "Amina Haddad", &[7, 9], "tok-1").await;
        let r2 = register(db, a.id, ended, "Lena Schmidt", &[8], "tok-2").await;
        let r3 = register(db, a.id, running, "Yusuf Demir", &[6], "tok-3").await;
        let s1 = offers::get(db, a.id, ended).await.unwrap().sessions[0].0;
        offers::set_attendance(db, a.id, &[(r1, s1, true)], t0())
            .await
            .unwrap();

        let cutoff = ts("2027-05-01T00:00:00Z");
        assert!(
            offers::ended_before(db, a.id, ts("2027-04-12T15:59:59Z"))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            offers::ended_before(db, a.id, ts("2027-04-12T16:00:00Z"))
                .await
                .unwrap(),
            [ended]
        );
        assert_eq!(
            offers::ended_before(db, a.id, cutoff).await.unwrap(),
            [ended]
        );
        assert!(
            offers::ended_before(db, b.id, cutoff)
                .await
                .unwrap()
                .is_empty()
        );

        // Both are pending (no seq) and created together: compare in the order of their ids.
        let mut before = offers::registrations(db, a.id, ended).await.unwrap();
        before.sort_by_key(|r| r.id);
        let now = ts("2027-05-12T03:00:00Z");
        let audited = audit::count(db, a.id).await.unwrap();
        assert_eq!(
            offers::anonymise(db, a.id, ended, now, &entry(a.id, now, "anonymise"))
                .await
                .unwrap(),
            2
        );
        let mut after = offers::registrations(db, a.id, ended).await.unwrap();
        after.sort_by_key(|r| r.id);
        assert_eq!(after.len(), 2);
        for (old, new) in before.iter().zip(&after) {
            assert_eq!(new.id, old.id);
            assert_eq!((new.name.as_str(), new.email.as_str()), ("", ""));
            assert!(new.anonymised);
            assert!(new.consents.is_empty(), "consents go");
            assert_eq!(
                (new.status, new.persons, &new.children, new.group),
                (old.status, old.persons, &old.children, old.group),
                "what the statistics need stays"
            );
        }
        assert!(matches!(
            offers::by_token(db, "tok-1").await,
            Err(DbError::NotFound)
        ));
        assert!(matches!(
            offers::by_token(db, "tok-2").await,
            Err(DbError::NotFound)
        ));
        assert!(offers::attendance(db, a.id, ended).await.unwrap()[&(r1, s1)]);
        let r = offers::registration(db, a.id, r3).await.unwrap();
        assert_eq!(r.name, "Yusuf Demir", "other offers keep their data");
        assert_eq!(r.consents.len(), 2);
        let _ = r2;
        let o = offers::get(db, a.id, ended).await.unwrap();
        assert_eq!(o.retained_at, Some(now));
        assert!(
            offers::ended_before(db, a.id, cutoff)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(audit::count(db, a.id).await.unwrap(), audited + 1);
        // A second run has nothing left to do.
        assert_eq!(
            offers::anonymise(db, a.id, ended, now, &entry(a.id, now, "anonymise"))
                .await
                .unwrap(),
            0
        );
        // Another tenant cannot anonymise it.
        assert_eq!(
            offers::anonymise(db, b.id, running, now, &entry(b.id, now, "anonymise"))
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            offers::registration(db, a.id, r3).await.unwrap().name,
            "Yusuf Demir"
        );
        assert_eq!(
            offers::get(db, a.id, running).await.unwrap().retained_at,
            None
        );

        // An edit keeping the last date keeps the mark; a new last date starts anew.
        let o = offers::get(db, a.id, ended).await.unwrap();
        let mut tx = db.begin().await.unwrap();
        offers::update(
            &mut tx,
            a.id,
            &o,
            &draft(&TWO_MONDAYS, 6, Registration::FirstCome),
            &texts("Schwimmkurs", 1),
            &schedule(&TWO_MONDAYS),
            Status::Draft,
            now,
            &entry(a.id, now, "update"),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let o = offers::get(db, a.id, ended).await.unwrap();
        assert_eq!((o.capacity, o.retained_at), (6, Some(now)));
        let moved = [
            TWO_MONDAYS[0],
            ("2027-04-19T14:00:00Z", "2027-04-19T16:00:00Z"),
        ];
        let mut tx = db.begin().await.unwrap();
        offers::update(
            &mut tx,
            a.id,
            &o,
            &draft(&moved, 6, Registration::FirstCome),
            &texts("Schwimmkurs", 1),
            &schedule(&moved),
            Status::Draft,
            now + SignedDuration::from_secs(1),
            &entry(a.id, now, "update"),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            offers::get(db, a.id, ended).await.unwrap().retained_at,
            None
        );
        assert_eq!(
            offers::ended_before(db, a.id, cutoff).await.unwrap(),
            [ended]
        );
    })
    .await;
}
