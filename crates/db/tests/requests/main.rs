//! Requests, their history, invitations and time sheets on both backends (SQLite always,
//! PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;
mod flow;
mod invitations;

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
        ..Default::default()
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
