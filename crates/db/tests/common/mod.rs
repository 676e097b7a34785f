//! Helpers shared by the integration tests of `offers`, `outbox`, `plans` and `requests`.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiff::Timestamp;
use mittler_db::audit::AuditEntry;
use mittler_db::offers::{self, NewRegistration};
use mittler_db::testing::{self, TestDb};
use mittler_db::{Db, Uuid};
use mittler_domain::offer::{
    Category, Consent, OfferDraft, Registration, Schedule, ScheduleInput, Session, TargetGroup,
    Text, Texts, Venue,
};
use mittler_domain::registration::RegistrationDraft;
use std::collections::BTreeMap;

/// A fixed instant all tests start from.
pub fn t0() -> Timestamp {
    ts("2027-03-01T08:00:00Z")
}

pub fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub fn entry(tenant: Uuid, at: Timestamp, action: &'static str) -> AuditEntry {
    AuditEntry {
        tenant_id: Some(tenant),
        at,
        actor_id: None,
        actor: "test".into(),
        action,
        object_type: "test",
        object_id: None,
        detail: serde_json::json!({}),
        address: None,
    }
}

pub async fn each(f: impl AsyncFn(&TestDb)) {
    for t in testing::all().await {
        f(&t).await;
    }
}

/// Runs one statement with one bound id directly on the pool (to corrupt rows).
pub async fn exec_id(db: &Db, sql: &'static str, id: Uuid) -> Result<u64, sqlx::Error> {
    match &db.pool {
        mittler_db::Pool::Sqlite(p) => sqlx::query(sql)
            .bind(id)
            .execute(p)
            .await
            .map(|r| r.rows_affected()),
        mittler_db::Pool::Postgres(p) => sqlx::query(sql)
            .bind(id)
            .execute(p)
            .await
            .map(|r| r.rows_affected()),
    }
}

pub fn sessions(times: &[(&str, &str)]) -> Vec<Session> {
    times
        .iter()
        .map(|(s, e)| Session {
            start: ts(s),
            end: ts(e),
        })
        .collect()
}

/// Two Monday afternoons in April 2027.
pub const TWO_MONDAYS: [(&str, &str); 2] = [
    ("2027-04-05T14:00:00Z", "2027-04-05T16:00:00Z"),
    ("2027-04-12T14:00:00Z", "2027-04-12T16:00:00Z"),
];

pub fn draft(times: &[(&str, &str)], capacity: u32, registration: Registration) -> OfferDraft {
    let sessions = sessions(times);
    OfferDraft {
        texts: BTreeMap::from([(
            "de".to_owned(),
            ("Schwimmkurs".to_owned(), "Für Anfänger".to_owned()),
        )]),
        category: Category::Swimming,
        target_groups: vec![TargetGroup::Children, TargetGroup::Families],
        age_min: Some(6),
        age_max: Some(10),
        languages: vec!["de".into(), "ar".into()],
        venue: Venue {
            name: "Hallenbad Nord".into(),
            address: "Badstraße 3, 45127 Essen".into(),
            district: Some("Nord".into()),
            lat: 51.47,
            lon: 7.01,
            accessibility: Some("Rampe am Eingang".into()),
        },
        schedule: Schedule::Dates(sessions.clone()),
        sessions,
        cost_cents: 500,
        cost_note: Some("ermäßigt 2 €".into()),
        capacity,
        registration,
        quotas: vec![(TargetGroup::Children, 4)],
    }
}

pub fn texts(title: &str, revision: i32) -> Texts {
    Texts {
        by_lang: BTreeMap::from([
            (
                "de".to_owned(),
                Text {
                    title: title.to_owned(),
                    description: "Für Anfänger".into(),
                    de_revision: revision,
                },
            ),
            (
                "en".to_owned(),
                Text {
                    title: "Swimming course".into(),
                    description: "For beginners".into(),
                    de_revision: revision,
                },
            ),
        ]),
        de_revision: revision,
    }
}

pub fn schedule(times: &[(&str, &str)]) -> ScheduleInput {
    ScheduleInput {
        kind: "dates".into(),
        dates: times
            .iter()
            .map(|(s, e)| ((*s).to_owned(), (*e).to_owned()))
            .collect(),
        ..Default::default()
    }
}

pub async fn provider(db: &Db, tenant: Uuid, name: &str) -> Uuid {
    offers::create_provider(db, tenant, name, t0(), &entry(tenant, t0(), "provider"))
        .await
        .unwrap()
}

/// A draft offer of a new provider with `times`.
pub async fn offer(
    db: &Db,
    tenant: Uuid,
    times: &[(&str, &str)],
    capacity: u32,
    registration: Registration,
) -> Uuid {
    let p = provider(db, tenant, "Schwimmverein Nord").await;
    offers::create(
        db,
        tenant,
        p,
        &draft(times, capacity, registration),
        &texts("Schwimmkurs", 1),
        &schedule(times),
        t0(),
        &entry(tenant, t0(), "offer"),
    )
    .await
    .unwrap()
}

pub fn reg_draft(name: &str, children: &[u8]) -> RegistrationDraft {
    RegistrationDraft {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        persons: u32::try_from(children.len().max(1)).unwrap(),
        children_ages: children.to_vec(),
        consents: vec![Consent::Participation, Consent::Photos],
        lang: "ar".into(),
        group: Some(TargetGroup::Children),
    }
}

/// A pending registration, committed.
pub async fn register(
    db: &Db,
    tenant: Uuid,
    offer: Uuid,
    name: &str,
    children: &[u8],
    token: &str,
) -> Uuid {
    let d = reg_draft(name, children);
    let mut tx = db.begin().await.unwrap();
    let id = offers::create_registration(
        &mut tx,
        tenant,
        &NewRegistration {
            offer_id: offer,
            draft: &d,
            token_hash: token.into(),
        },
        t0(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}
