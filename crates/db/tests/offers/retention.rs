//! Retention anonymises the registrations of ended offers.

use super::*;

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
