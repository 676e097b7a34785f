//! Invitations: accepted once, declined, expired.

use super::*;

#[tokio::test]
async fn invitations_are_accepted_once_and_the_rest_withdrawn() {
    each(async |t| {
        let db = &t.db;
        let f = fixture(db).await;
        let id = create(
            db,
            &f,
            &new_request(&f, "2027-03-02T08:00:00Z", "2027-03-02"),
        )
        .await;
        let t1 = t0() + SignedDuration::from_mins(5);
        let expires = t0() + SignedDuration::from_hours(4);
        let h = hist(
            t1,
            "invite",
            Some(Status::Open),
            Status::Invited,
            None,
            None,
        );

        let invs = requests::invite(
            db,
            f.a,
            id,
            Status::Open,
            &[f.m1, f.m2],
            expires,
            &h,
            &[mail("selam.tesfay@example.org", "Einladung")],
        )
        .await
        .unwrap()
        .expect("the request was open");
        assert_eq!(invs.len(), 2);
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(
            (r.status().unwrap(), r.version),
            (Status::Invited, 2),
            "{}",
            t.backend()
        );
        assert_eq!(
            outbox::to_address(db, "selam.tesfay@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        // Not open any more: a second invitation from `Open` does nothing.
        assert!(
            requests::invite(db, f.a, id, Status::Open, &[f.m1], expires, &h, &[])
                .await
                .unwrap()
                .is_none()
        );
        // Another tenant cannot invite.
        assert!(
            requests::invite(db, f.b, id, Status::Invited, &[f.m1], expires, &h, &[])
                .await
                .unwrap()
                .is_none()
        );
        let of = requests::invitations_of(db, f.a, id).await.unwrap();
        assert_eq!(of.len(), 2);
        assert!(of.iter().all(|i| i.status == "open" && i.request_id == id));
        let i1 = requests::invitation(db, f.a, invs[0]).await.unwrap();
        assert_eq!((i1.mediator_id, i1.status.as_str()), (f.m1, "open"));
        assert_eq!((i1.created_at.0, i1.expires_at.0), (t1, expires));
        assert!(matches!(
            requests::invitation(db, f.b, invs[0]).await,
            Err(DbError::NotFound)
        ));
        let open = requests::open_invitations(db, f.a, f.m1, t1).await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].id, invs[0]);
        assert!(
            requests::open_invitations(db, f.a, f.m1, expires)
                .await
                .unwrap()
                .is_empty(),
            "expired"
        );
        assert!(
            requests::open_invitations(db, f.b, f.m1, t1)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            requests::due_invitations(db, expires - SignedDuration::from_secs(1))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            requests::due_invitations(db, expires).await.unwrap().len(),
            2
        );

        // Re-inviting a mediator replaces the open invitation.
        let h2 = hist(
            t1,
            "invite",
            Some(Status::Invited),
            Status::Invited,
            None,
            None,
        );
        let again = requests::invite(db, f.a, id, Status::Invited, &[f.m2], expires, &h2, &[])
            .await
            .unwrap()
            .unwrap();
        let i2_old = requests::invitation(db, f.a, invs[1]).await.unwrap();
        assert_eq!(i2_old.status, "withdrawn");
        let i2 = again[0];

        let t2 = t1 + SignedDuration::from_mins(5);
        let accept = hist(
            t2,
            "accept",
            Some(Status::Invited),
            Status::Confirmed,
            Some(f.m1),
            None,
        );
        assert_eq!(
            requests::accept(db, f.a, invs[0], f.m2, t2, &accept, &[])
                .await
                .unwrap(),
            Answer::TooLate,
            "not the invited mediator"
        );
        assert_eq!(
            requests::accept(db, f.a, invs[0], f.m1, expires, &accept, &[])
                .await
                .unwrap(),
            Answer::TooLate,
            "expired"
        );
        assert!(matches!(
            requests::accept(db, f.b, invs[0], f.m1, t2, &accept, &[]).await,
            Err(DbError::NotFound)
        ));
        assert_eq!(
            requests::accept(
                db,
                f.a,
                invs[0],
                f.m1,
                t2,
                &accept,
                &[mail("praxis@example.org", "Bestätigt")]
            )
            .await
            .unwrap(),
            Answer::Won
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(
            (r.status().unwrap(), r.mediator_id),
            (Status::Confirmed, Some(f.m1))
        );
        assert_eq!(
            requests::invitation(db, f.a, invs[0]).await.unwrap().status,
            "accepted"
        );
        assert_eq!(
            requests::invitation(db, f.a, i2).await.unwrap().status,
            "withdrawn"
        );
        assert_eq!(
            requests::accept(db, f.a, i2, f.m2, t2, &accept, &[])
                .await
                .unwrap(),
            Answer::TooLate,
            "someone else was first"
        );
        assert_eq!(
            outbox::to_address(db, "praxis@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            events(db, &f, id).await,
            ["create", "invite", "invite", "accept"]
        );
        assert!(
            requests::due_invitations(db, expires)
                .await
                .unwrap()
                .is_empty(),
            "nothing open is left"
        );

        // The booking shows in the day and workload queries.
        let booked = requests::booked_on(db, f.a, "2027-03-02", None)
            .await
            .unwrap();
        assert_eq!(row_ids(&booked), [id]);
        assert_eq!(
            row_ids(
                &requests::booked_on(db, f.a, "2027-03-02", Some(f.m1))
                    .await
                    .unwrap()
            ),
            [id]
        );
        assert!(
            requests::booked_on(db, f.a, "2027-03-02", Some(f.m2))
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            requests::booked_on(db, f.a, "2027-03-03", None)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            requests::booked_minutes(db, f.a, "2027-03-01", "2027-03-07")
                .await
                .unwrap(),
            [(f.m1, 90)]
        );
        assert!(
            requests::booked_minutes(db, f.a, "2027-03-03", "2027-03-07")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            requests::last_mediator_for_client(db, f.a, "K-1001")
                .await
                .unwrap(),
            Some(f.m1)
        );
        assert_eq!(
            requests::last_mediator_for_client(db, f.a, "K-9999")
                .await
                .unwrap(),
            None
        );
        assert_eq!(
            requests::last_mediator_for_client(db, f.b, "K-1001")
                .await
                .unwrap(),
            None
        );
    })
    .await;
}

#[tokio::test]
async fn declining_or_expiring_the_last_invitation_reopens_the_request() {
    each(async |t| {
        let db = &t.db;
        let f = fixture(db).await;
        let id = create(
            db,
            &f,
            &new_request(&f, "2027-03-02T08:00:00Z", "2027-03-02"),
        )
        .await;
        let t1 = t0() + SignedDuration::from_mins(5);
        let expires = t0() + SignedDuration::from_hours(4);
        let invs = requests::invite(
            db,
            f.a,
            id,
            Status::Open,
            &[f.m1, f.m2],
            expires,
            &hist(
                t1,
                "invite",
                Some(Status::Open),
                Status::Invited,
                None,
                None,
            ),
            &[],
        )
        .await
        .unwrap()
        .unwrap();
        let closed = hist(
            t1,
            "invitations_closed",
            Some(Status::Invited),
            Status::Open,
            None,
            Some("declined"),
        );

        assert_eq!(
            requests::close_invitation(db, f.a, invs[0], Some(f.m2), "declined", t1, &closed, &[])
                .await
                .unwrap(),
            Answer::TooLate,
            "only the invited mediator declines"
        );
        assert_eq!(
            requests::close_invitation(
                db,
                f.a,
                invs[0],
                Some(f.m1),
                "declined",
                t1,
                &closed,
                &[mail("koordination@example.org", "Abgelehnt")]
            )
            .await
            .unwrap(),
            Answer::Declined(false),
            "{}",
            t.backend()
        );
        assert_eq!(
            requests::invitation(db, f.a, invs[0]).await.unwrap().status,
            "declined"
        );
        assert_eq!(
            status(db, &f, id).await,
            Status::Invited,
            "one is still open"
        );
        assert_eq!(
            outbox::to_address(db, "koordination@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            requests::close_invitation(db, f.a, invs[1], None, "expired", expires, &closed, &[])
                .await
                .unwrap(),
            Answer::Declined(true)
        );
        assert_eq!(
            requests::invitation(db, f.a, invs[1]).await.unwrap().status,
            "expired"
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!((r.status().unwrap(), r.version), (Status::Open, 3));
        assert_eq!(
            events(db, &f, id).await,
            ["create", "invite", "decline", "invitations_closed"],
            "the first decline is kept although the request stayed invited"
        );
        let last = requests::history(db, f.a, id).await.unwrap().pop().unwrap();
        assert_eq!(last.reason.as_deref(), Some("declined"));
        assert_eq!(
            requests::close_invitation(db, f.a, invs[1], None, "expired", expires, &closed, &[])
                .await
                .unwrap(),
            Answer::TooLate,
            "closed before"
        );
        assert!(matches!(
            requests::close_invitation(db, f.b, invs[1], None, "expired", expires, &closed, &[])
                .await,
            Err(DbError::NotFound)
        ));
    })
    .await;
}
