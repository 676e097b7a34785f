//! Requests, their history, invitations and time sheets on both backends (SQLite always,
//! PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{each, entry, exec_id, t0, ts};
use jiff::{SignedDuration, Timestamp};
use mittler_db::outbox::{self, NewMail};
use mittler_db::requests::{
    self, Answer, Filter, HistoryEntry, Mediator, NewRequest, RequestRow, TimeSheet,
};
use mittler_db::{Db, DbError, Uuid, institutions, mediators, tenants};
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
use mittler_domain::request::Status;

struct Fixture {
    a: Uuid,
    b: Uuid,
    inst: Uuid,
    place: Uuid,
    m1: Uuid,
    m2: Uuid,
}

fn mediator_input(name: &str) -> MediatorInput {
    MediatorInput {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        phone: "+49 157 5550 0001".into(),
        gender: "f".into(),
        languages: vec![SkillInput {
            code: "tir".into(),
            level: "native".into(),
        }],
        sectors: vec!["medical".into()],
        home_lat: Some(51.4567),
        home_lon: Some(7.0111),
        remote: true,
        speed_kmh: Some(20),
        max_work_min_per_day: Some(300),
        availability: vec![WindowInput {
            weekday: 2,
            start: "09:00".into(),
            end: "13:00".into(),
        }],
        absences: vec![],
        qualified_on: Some("2025-01-15".into()),
        pledge_signed_on: None,
    }
}

async fn fixture(db: &Db) -> Fixture {
    let a = tenants::create(db, "a", "A", t0()).await.unwrap().id;
    let b = tenants::create(db, "b", "B", t0()).await.unwrap().id;
    let d = InstitutionInput {
        name: "Praxis Dr. Beispiel".into(),
        category: "health".into(),
        places: vec![PlaceInput {
            id: None,
            name: "Hauptsitz".into(),
            address: "Teststraße 1, 45127 Essen".into(),
            lat: Some(51.45),
            lon: Some(7.01),
        }],
    }
    .validate()
    .unwrap();
    let i = institutions::create(db, a, &d, t0(), &entry(a, t0(), "create"))
        .await
        .unwrap();
    let mut ms = Vec::new();
    for name in ["Selam Tesfay", "Meron Haile"] {
        let d = mediator_input(name).validate().unwrap();
        ms.push(
            mediators::create(db, a, &d, t0(), &entry(a, t0(), "create"))
                .await
                .unwrap(),
        );
    }
    Fixture {
        a,
        b,
        inst: i.id,
        place: i.places[0].id,
        m1: ms[0],
        m2: ms[1],
    }
}

/// An on-site medical request for Tigrinya starting at `start` (UTC; the local date is given).
fn new_request(f: &Fixture, start: &str, local_date: &str) -> NewRequest {
    NewRequest {
        id: Uuid::new_v4(),
        series: None,
        institution_id: f.inst,
        place_id: Some(f.place),
        mode: "onsite",
        language: "tir".into(),
        sector: "medical",
        start_at: ts(start),
        duration_min: 90,
        local_date: local_date.into(),
        gender_pref: "wish",
        gender: Some("f"),
        priority: 1,
        client_ref: "K-1001".into(),
        preferred_mediator_id: Some(f.m1),
        excluded: vec![f.m2],
        notes: Some("Bitte 10 Minuten früher kommen".into()),
        created_by: None,
    }
}

fn hist(
    at: Timestamp,
    event: &'static str,
    from: Option<Status>,
    to: Status,
    mediator: Option<Uuid>,
    reason: Option<&str>,
) -> HistoryEntry {
    HistoryEntry {
        at,
        actor_id: None,
        actor: "Koordination".into(),
        event,
        from_status: from,
        to_status: to,
        mediator_id: mediator,
        reason: reason.map(str::to_owned),
    }
}

fn mail(to: &str, subject: &str) -> NewMail {
    NewMail {
        to: to.into(),
        subject: subject.into(),
        body_text: "Guten Tag".into(),
        attachment: None,
    }
}

async fn create(db: &Db, f: &Fixture, r: &NewRequest) -> Uuid {
    requests::create(
        db,
        f.a,
        r,
        t0(),
        &hist(t0(), "create", None, Status::Open, None, None),
        &[],
    )
    .await
    .unwrap()
}

async fn status(db: &Db, f: &Fixture, id: Uuid) -> Status {
    requests::get(db, f.a, id).await.unwrap().status().unwrap()
}

async fn events(db: &Db, f: &Fixture, id: Uuid) -> Vec<String> {
    requests::history(db, f.a, id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.event)
        .collect()
}

fn row_ids(rows: &[RequestRow]) -> Vec<Uuid> {
    rows.iter().map(|r| r.id).collect()
}

#[tokio::test]
async fn requests_are_created_listed_and_scoped() {
    each(async |t| {
        let db = &t.db;
        let f = fixture(db).await;
        let n1 = new_request(&f, "2027-03-02T08:00:00Z", "2027-03-02");
        let id = requests::create(
            db,
            f.a,
            &n1,
            t0(),
            &hist(t0(), "create", None, Status::Open, None, None),
            &[mail("praxis@example.org", "Anfrage eingegangen")],
        )
        .await
        .unwrap();
        assert_eq!(id, n1.id);
        let r = requests::get(db, f.a, id).await.unwrap();
        assert_eq!(r.status().unwrap(), Status::Open, "{}", t.backend());
        assert_eq!((r.institution_id, r.place_id), (f.inst, Some(f.place)));
        assert_eq!(
            (r.mode.as_str(), r.language.as_str(), r.sector.as_str()),
            ("onsite", "tir", "medical")
        );
        assert_eq!(r.start_at.0, ts("2027-03-02T08:00:00Z"));
        assert_eq!((r.duration_min, r.local_date.as_str()), (90, "2027-03-02"));
        assert_eq!(
            (r.gender_pref.as_str(), r.gender.as_deref()),
            ("wish", Some("f"))
        );
        assert_eq!((r.priority, r.client_ref.as_str()), (1, "K-1001"));
        assert_eq!(r.preferred_mediator_id, Some(f.m1));
        assert_eq!(r.excluded().unwrap(), [f.m2]);
        assert_eq!(r.notes.as_deref(), Some("Bitte 10 Minuten früher kommen"));
        assert_eq!((r.mediator_id, r.version, r.created_by), (None, 1, None));
        assert_eq!(r.created_at.0, t0());
        assert_eq!(
            (r.cancelled_by, r.cancel_reason, r.billable),
            (None, None, false)
        );
        assert_eq!(r.ts_status, "none");
        assert_eq!((r.series_id, r.series_index), (None, None));
        let h = requests::history(db, f.a, id).await.unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!(
            (
                h[0].event.as_str(),
                h[0].from_status.as_deref(),
                h[0].to_status.as_str()
            ),
            ("create", None, "open")
        );
        assert_eq!((h[0].actor.as_str(), h[0].at.0), ("Koordination", t0()));
        let mails = outbox::to_address(db, "praxis@example.org").await.unwrap();
        assert_eq!(mails.len(), 1, "the mail is written with the request");
        assert_eq!(outbox::unsent(db, f.a, 10).await.unwrap().len(), 1);

        // The same id again is refused, and writes neither history nor mail.
        let dup = requests::create(
            db,
            f.a,
            &n1,
            t0(),
            &hist(t0(), "create", None, Status::Open, None, None),
            &[mail("praxis@example.org", "Anfrage eingegangen")],
        )
        .await;
        assert!(matches!(dup, Err(DbError::Conflict(_))), "{dup:?}");
        assert_eq!(requests::history(db, f.a, id).await.unwrap().len(), 1);
        assert_eq!(
            outbox::to_address(db, "praxis@example.org")
                .await
                .unwrap()
                .len(),
            1
        );

        let mut n2 = new_request(&f, "2027-03-03T12:00:00Z", "2027-03-03");
        n2.mode = "phone";
        n2.place_id = None;
        n2.language = "ara".into();
        n2.sector = "social";
        n2.gender_pref = "none";
        n2.gender = None;
        n2.excluded = vec![];
        let id2 = create(db, &f, &n2).await;
        let all = requests::list(db, f.a, &Filter::default(), 10)
            .await
            .unwrap();
        assert_eq!(row_ids(&all), [id, id2], "by start");
        assert_eq!(
            row_ids(
                &requests::list(db, f.a, &Filter::default(), 1)
                    .await
                    .unwrap()
            ),
            [id]
        );
        let only = async |tenant: Uuid, f: Filter| {
            row_ids(&requests::list(db, tenant, &f, 10).await.unwrap())
        };
        assert_eq!(
            only(
                f.a,
                Filter {
                    language: Some("ara".into()),
                    ..Default::default()
                }
            )
            .await,
            [id2]
        );
        assert_eq!(
            only(
                f.a,
                Filter {
                    sector: Some("medical".into()),
                    institution_id: Some(f.inst),
                    ..Default::default()
                }
            )
            .await,
            [id]
        );
        assert_eq!(
            only(
                f.a,
                Filter {
                    from: Some(ts("2027-03-02T08:00:01Z")),
                    ..Default::default()
                }
            )
            .await,
            [id2],
            "from is inclusive of later starts only"
        );
        assert_eq!(
            only(
                f.a,
                Filter {
                    from: Some(ts("2027-03-02T08:00:00Z")),
                    to: Some(ts("2027-03-03T12:00:00Z")),
                    ..Default::default()
                }
            )
            .await,
            [id],
            "[from, to)"
        );
        assert!(
            only(
                f.a,
                Filter {
                    status: Some(Status::Confirmed),
                    ..Default::default()
                }
            )
            .await
            .is_empty()
        );
        assert!(
            only(
                f.a,
                Filter {
                    mediator_id: Some(f.m1),
                    ..Default::default()
                }
            )
            .await
            .is_empty()
        );
        assert_eq!(
            only(
                f.a,
                Filter {
                    status: Some(Status::Open),
                    ..Default::default()
                }
            )
            .await
            .len(),
            2
        );

        // Another tenant sees nothing.
        assert!(matches!(
            requests::get(db, f.b, id).await,
            Err(DbError::NotFound)
        ));
        assert!(only(f.b, Filter::default()).await.is_empty());
        assert!(requests::history(db, f.b, id).await.unwrap().is_empty());

        // A stored list that cannot be read is an error, not an empty list.
        exec_id(
            db,
            "UPDATE requests SET excluded = 'not json' WHERE id = $1",
            id,
        )
        .await
        .unwrap();
        assert!(matches!(
            requests::get(db, f.a, id).await.unwrap().excluded(),
            Err(DbError::Corrupt(_))
        ));
        // The schema refuses an unknown status.
        assert!(
            exec_id(db, "UPDATE requests SET status = 'bogus' WHERE id = $1", id)
                .await
                .is_err()
        );
    })
    .await;
}

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
            ["create", "invite", "invitations_closed"]
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
