//! The seat primitives under the offer lock, the lottery, attendance and corrupt rows.

use super::*;

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
        // Ended explicitly: a dropped transaction is rolled back only when its connection
        // is next used, and on PostgreSQL the schema's removal at the end waited for it.
        tx.rollback().await.unwrap();
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
