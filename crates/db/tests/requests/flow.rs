//! Transitions, cancellations, time sheets, series, reminders and the sweep.

use super::*;

#[tokio::test]
async fn transitions_cancellations_and_time_sheets() {
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
        let assign = hist(
            t1,
            "assign",
            Some(Status::Open),
            Status::Confirmed,
            Some(f.m1),
            None,
        );

        assert!(
            !requests::transition(db, f.b, id, Status::Open, Mediator::Set(f.m1), &assign, &[])
                .await
                .unwrap(),
            "another tenant"
        );
        assert!(
            requests::transition(
                db,
                f.a,
                id,
                Status::Open,
                Mediator::Set(f.m1),
                &assign,
                &[mail("selam.tesfay@example.org", "Zugewiesen")]
            )
            .await
            .unwrap()
        );
        assert!(
            !requests::transition(db, f.a, id, Status::Open, Mediator::Set(f.m2), &assign, &[])
                .await
                .unwrap(),
            "no longer open"
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(
            (r.status().unwrap(), r.mediator_id, r.version),
            (Status::Confirmed, Some(f.m1), 2),
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

        // Time sheets: only the confirmed mediator submits; the institution answers.
        let sheet = TimeSheet {
            start: ts("2027-03-02T08:05:00Z"),
            end: ts("2027-03-02T09:40:00Z"),
            waiting_min: 5,
            travel_min: 25,
            travel_km_tenths: Some(125),
            km_flagged: false,
        };
        let t2 = ts("2027-03-02T10:00:00Z");
        let submit = hist(
            t2,
            "timesheet",
            Some(Status::Confirmed),
            Status::Confirmed,
            Some(f.m1),
            None,
        );
        assert!(
            !requests::submit_timesheet(db, f.a, id, f.m2, &sheet, &submit, &[])
                .await
                .unwrap()
        );
        assert!(
            requests::submit_timesheet(db, f.a, id, f.m1, &sheet, &submit, &[])
                .await
                .unwrap()
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(r.ts_status, "submitted");
        assert_eq!(
            (r.ts_start.map(|u| u.0), r.ts_end.map(|u| u.0)),
            (Some(sheet.start), Some(sheet.end))
        );
        assert_eq!((r.ts_waiting_min, r.ts_travel_min), (Some(5), Some(25)));
        let dispute = hist(
            t2,
            "timesheet_disputed",
            Some(Status::Confirmed),
            Status::Confirmed,
            None,
            Some("Ende war 09:30"),
        );
        assert!(
            requests::answer_timesheet(db, f.a, id, false, &dispute, &[])
                .await
                .unwrap()
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(
            (r.ts_status.as_str(), r.ts_dispute.as_deref()),
            ("disputed", Some("Ende war 09:30"))
        );
        assert_eq!(r.status().unwrap(), Status::Confirmed);
        assert!(
            !requests::answer_timesheet(db, f.a, id, true, &dispute, &[])
                .await
                .unwrap(),
            "nothing submitted to answer"
        );
        let fixed = TimeSheet {
            end: ts("2027-03-02T09:30:00Z"),
            ..sheet
        };
        assert!(
            requests::submit_timesheet(db, f.a, id, f.m1, &fixed, &submit, &[])
                .await
                .unwrap()
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!((r.ts_status.as_str(), r.ts_dispute), ("submitted", None));
        assert_eq!(r.ts_end.map(|u| u.0), Some(fixed.end));
        let complete = hist(
            t2,
            "complete",
            Some(Status::Confirmed),
            Status::Completed,
            None,
            None,
        );
        assert!(
            !requests::answer_timesheet(db, f.b, id, true, &complete, &[])
                .await
                .unwrap()
        );
        assert!(
            requests::answer_timesheet(db, f.a, id, true, &complete, &[])
                .await
                .unwrap()
        );
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(
            (r.status().unwrap(), r.ts_status.as_str()),
            (Status::Completed, "confirmed")
        );
        assert!(
            !requests::submit_timesheet(db, f.a, id, f.m1, &sheet, &submit, &[])
                .await
                .unwrap(),
            "completed"
        );
        let cancel = hist(
            t2,
            "cancel",
            Some(Status::Confirmed),
            Status::Cancelled,
            None,
            Some("x"),
        );
        assert!(
            !requests::cancel(
                db,
                f.a,
                id,
                Status::Confirmed,
                "institution",
                false,
                &cancel,
                &[]
            )
            .await
            .unwrap()
        );
        assert_eq!(
            events(db, &f, id).await,
            [
                "create",
                "assign",
                "timesheet",
                "timesheet_disputed",
                "timesheet",
                "complete"
            ]
        );

        // A cancellation of an invited request withdraws its invitations.
        let id2 = create(
            db,
            &f,
            &new_request(&f, "2027-03-04T08:00:00Z", "2027-03-04"),
        )
        .await;
        let invs = requests::invite(
            db,
            f.a,
            id2,
            Status::Open,
            &[f.m2],
            t0() + SignedDuration::from_hours(4),
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
        let cancel = hist(
            t1,
            "cancel",
            Some(Status::Invited),
            Status::Cancelled,
            None,
            Some("Termin entfällt"),
        );
        assert!(
            !requests::cancel(
                db,
                f.a,
                id2,
                Status::Open,
                "institution",
                true,
                &cancel,
                &[]
            )
            .await
            .unwrap(),
            "not open"
        );
        assert!(
            requests::cancel(
                db,
                f.a,
                id2,
                Status::Invited,
                "institution",
                true,
                &cancel,
                &[mail("meron.haile@example.org", "Abgesagt")]
            )
            .await
            .unwrap()
        );
        let r = requests::get(db, f.a, id2).await.unwrap();
        assert_eq!(r.status().unwrap(), Status::Cancelled);
        assert_eq!(
            (
                r.cancelled_by.as_deref(),
                r.cancel_reason.as_deref(),
                r.billable
            ),
            (Some("institution"), Some("Termin entfällt"), true)
        );
        assert_eq!(
            requests::invitation(db, f.a, invs[0]).await.unwrap().status,
            "withdrawn"
        );
        assert_eq!(
            outbox::to_address(db, "meron.haile@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        assert!(
            !requests::cancel(
                db,
                f.a,
                id2,
                Status::Invited,
                "institution",
                true,
                &cancel,
                &[]
            )
            .await
            .unwrap(),
            "cancelled before"
        );

        // A confirmed mediator drops out: open again, mediator cleared.
        let id3 = create(
            db,
            &f,
            &new_request(&f, "2027-03-05T08:00:00Z", "2027-03-05"),
        )
        .await;
        assert!(
            requests::transition(
                db,
                f.a,
                id3,
                Status::Open,
                Mediator::Set(f.m2),
                &assign,
                &[]
            )
            .await
            .unwrap()
        );
        let drop_out = hist(
            t1,
            "drop_out",
            Some(Status::Confirmed),
            Status::Open,
            None,
            Some("krank"),
        );
        assert!(
            requests::transition(
                db,
                f.a,
                id3,
                Status::Confirmed,
                Mediator::Clear,
                &drop_out,
                &[]
            )
            .await
            .unwrap()
        );
        let r = requests::get(db, f.a, id3).await.unwrap();
        assert_eq!(
            (r.status().unwrap(), r.mediator_id, r.version),
            (Status::Open, None, 3)
        );
        assert_eq!(events(db, &f, id3).await, ["create", "assign", "drop_out"]);
    })
    .await;
}

#[tokio::test]
async fn series_reschedules_reminders_and_sweeps() {
    each(async |t| {
        let db = &t.db;
        let f = fixture(db).await;
        let series = Uuid::new_v4();
        let starts = [
            ("2027-03-09T08:00:00Z", "2027-03-09"),
            ("2027-03-02T08:00:00Z", "2027-03-02"),
            ("2027-03-16T08:00:00Z", "2027-03-16"),
        ];
        let mut ids = Vec::new();
        for (k, (start, date)) in [2, 0, 1].into_iter().zip(starts) {
            let mut n = new_request(&f, start, date);
            n.series = Some((series, k));
            ids.push(create(db, &f, &n).await);
        }
        let in_order = requests::series(db, f.a, series).await.unwrap();
        assert_eq!(
            row_ids(&in_order),
            [ids[1], ids[2], ids[0]],
            "{}",
            t.backend()
        );
        assert_eq!(
            in_order.iter().map(|r| r.series_index).collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2)]
        );
        assert!(requests::series(db, f.b, series).await.unwrap().is_empty());
        assert!(
            requests::series(db, f.a, Uuid::new_v4())
                .await
                .unwrap()
                .is_empty()
        );

        // Rescheduling an open request.
        let first = ids[1];
        let t1 = t0() + SignedDuration::from_mins(5);
        let re = hist(
            t1,
            "reschedule",
            Some(Status::Open),
            Status::Open,
            None,
            None,
        );
        let new_start = ts("2027-03-02T12:30:00Z");
        assert!(
            !requests::reschedule(
                db,
                f.a,
                first,
                Status::Invited,
                new_start,
                "2027-03-02",
                120,
                &re,
                &[]
            )
            .await
            .unwrap(),
            "not invited"
        );
        assert!(
            requests::reschedule(
                db,
                f.a,
                first,
                Status::Open,
                new_start,
                "2027-03-02",
                120,
                &re,
                &[mail("praxis@example.org", "Verschoben")]
            )
            .await
            .unwrap()
        );
        let r = requests::get(db, f.a, first).await.unwrap();
        assert_eq!(
            (
                r.start_at.0,
                r.local_date.as_str(),
                r.duration_min,
                r.version
            ),
            (new_start, "2027-03-02", 120, 2)
        );
        assert_eq!(r.status().unwrap(), Status::Open);
        // Rescheduling an invited request withdraws its invitations.
        let second = ids[2];
        let invs = requests::invite(
            db,
            f.a,
            second,
            Status::Open,
            &[f.m1],
            ts("2027-03-08T08:00:00Z"),
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
        assert!(
            requests::reschedule(
                db,
                f.a,
                second,
                Status::Invited,
                ts("2027-03-10T08:00:00Z"),
                "2027-03-10",
                60,
                &re,
                &[]
            )
            .await
            .unwrap()
        );
        assert_eq!(status(db, &f, second).await, Status::Open);
        assert_eq!(
            requests::invitation(db, f.a, invs[0]).await.unwrap().status,
            "withdrawn"
        );
        assert_eq!(
            events(db, &f, second).await,
            ["create", "invite", "reschedule"]
        );

        // Reminders of confirmed requests, once.
        assert_eq!(requests::notice_hours(db, f.a).await.unwrap(), 24);
        let third = ids[0];
        let assign = hist(
            t1,
            "assign",
            Some(Status::Open),
            Status::Confirmed,
            Some(f.m1),
            None,
        );
        assert!(
            requests::transition(
                db,
                f.a,
                third,
                Status::Open,
                Mediator::Set(f.m1),
                &assign,
                &[]
            )
            .await
            .unwrap()
        );
        let from = ts("2027-03-09T00:00:00Z");
        let to = ts("2027-03-10T00:00:00Z");
        let due = requests::due_reminders(db, from, to).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!((due[0].0, due[0].1.id), (f.a, third));
        assert!(
            requests::due_reminders(db, from, ts("2027-03-09T08:00:00Z"))
                .await
                .unwrap()
                .is_empty(),
            "the end is exclusive"
        );
        assert!(
            requests::mark_reminded(
                db,
                f.a,
                third,
                t1,
                &[mail("selam.tesfay@example.org", "Erinnerung")]
            )
            .await
            .unwrap()
        );
        assert!(
            !requests::mark_reminded(
                db,
                f.a,
                third,
                t1,
                &[mail("selam.tesfay@example.org", "Erinnerung")]
            )
            .await
            .unwrap(),
            "once"
        );
        assert_eq!(
            outbox::to_address(db, "selam.tesfay@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        assert!(
            requests::due_reminders(db, from, to)
                .await
                .unwrap()
                .is_empty()
        );

        // Requests whose start passed without a mediator.
        let now = ts("2027-03-10T09:00:00Z");
        let past = requests::past_unfilled(db, now).await.unwrap();
        assert_eq!(
            past.iter()
                .map(|(tn, id, st)| (*tn, *id, st.as_str()))
                .collect::<Vec<_>>(),
            [(f.a, first, "open"), (f.a, second, "open")],
            "{}",
            t.backend()
        );
        let unfilled = hist(
            now,
            "start_passed",
            Some(Status::Open),
            Status::Unfilled,
            None,
            None,
        );
        assert!(
            requests::transition(db, f.a, first, Status::Open, Mediator::Keep, &unfilled, &[])
                .await
                .unwrap()
        );
        assert_eq!(status(db, &f, first).await, Status::Unfilled);
        assert_eq!(
            requests::past_unfilled(db, now).await.unwrap().len(),
            1,
            "unfilled is final"
        );
    })
    .await;
}
