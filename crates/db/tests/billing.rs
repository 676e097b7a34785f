//! Billing storage on both backends (SQLite always, PostgreSQL with TEST_DATABASE_URL):
//! document numbers stay gapless under concurrent issuing, settings and tariffs round-trip.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{each, t0};
use mittler_db::billing::{self, documents};
use mittler_db::tenants;
use mittler_domain::billing::{Seller, TariffInput, Vat};

#[tokio::test]
async fn numbers_are_gapless_per_centre_and_year_under_concurrent_issuing() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        // 24 issuers at once; every third fails after taking its number and rolls back.
        let tasks = (0..24).map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin().await.unwrap();
                let n = documents::next_number(&mut tx, a.id, 2027).await.unwrap();
                tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                if i % 3 == 2 {
                    tx.rollback().await.unwrap();
                    None
                } else {
                    tx.commit().await.unwrap();
                    Some(n)
                }
            })
        });
        let mut kept: Vec<i64> = futures_util::future::join_all(tasks)
            .await
            .into_iter()
            .filter_map(|r| r.unwrap())
            .collect();
        kept.sort_unstable();
        assert_eq!(kept, (1..=16).collect::<Vec<_>>(), "{}", t.backend());
        // Another year and another centre count on their own.
        let mut tx = db.begin().await.unwrap();
        assert_eq!(
            documents::next_number(&mut tx, a.id, 2028).await.unwrap(),
            1
        );
        assert_eq!(
            documents::next_number(&mut tx, b.id, 2027).await.unwrap(),
            1
        );
        assert_eq!(
            documents::next_number(&mut tx, a.id, 2027).await.unwrap(),
            17
        );
        tx.commit().await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn settings_and_tariffs_round_trip() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let s = billing::settings(db, a.id).await.unwrap();
        assert_eq!((s.seller, s.vat), (None, Vat::default()));
        let seller = Seller {
            legal_name: "KI A".into(),
            iban: "DE02120300000000202051".into(),
            ..Seller::default()
        };
        let mut tx = db.begin().await.unwrap();
        billing::set_settings(
            &mut tx,
            a.id,
            Some(&seller),
            Some(&Vat::Rate { percent: 19 }),
            &[(2027, 100_000)],
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let s = billing::settings(db, a.id).await.unwrap();
        assert_eq!(s.seller.as_ref(), Some(&seller));
        assert_eq!(s.vat, Vat::Rate { percent: 19 });
        assert_eq!(s.allowances.get(&2027), Some(&100_000));

        let card = mittler_domain::billing::Card {
            cents_per_hour: 4500,
            step_min: 30,
            travel_step_min: 30,
            ..Default::default()
        };
        let draft = TariffInput {
            name: "Alle".into(),
            categories: vec!["school".into(), "health".into()],
            modes: vec!["video".into()],
            valid_from: "2027-01-01".into(),
            valid_to: Some("2028-01-01".into()),
            client: Some(card.into()),
            mediator: Some(card.into()),
        }
        .validate()
        .unwrap();
        let id = mittler_db::Uuid::new_v4();
        let mut tx = db.begin().await.unwrap();
        billing::save_tariff(&mut tx, a.id, id, &draft, t0(), true)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let all = billing::tariffs(db, a.id).await.unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(
            (all[0].id, &all[0].categories, all[0].valid_to),
            (id, &draft.categories, draft.valid_to)
        );
        assert_eq!(all[0].client, card);
        // Another centre sees none of it.
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        assert!(billing::tariffs(db, b.id).await.unwrap().is_empty());
        let mut tx = db.begin().await.unwrap();
        assert!(
            billing::save_tariff(&mut tx, b.id, id, &draft, t0(), false)
                .await
                .is_err()
        );
        tx.rollback().await.unwrap();
    })
    .await;
}
