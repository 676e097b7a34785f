//! The outbox and day plans on both backends (SQLite always, PostgreSQL with TEST_DATABASE_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{each, t0, ts};
use jiff::SignedDuration;
use mittler_db::outbox::{self, MailRow, NewMail};
use mittler_db::{DbError, Uuid, plans, tenants};
use std::collections::BTreeSet;

fn mail(to: &str, subject: &str) -> NewMail {
    NewMail {
        to: to.into(),
        subject: subject.into(),
        body_text: format!("Guten Tag,\n\n{subject}.\n"),
        attachment: None,
    }
}

fn ids(rows: &[MailRow]) -> BTreeSet<Uuid> {
    rows.iter().map(|r| r.id).collect()
}

async fn one(db: &mittler_db::Db, to: &str) -> MailRow {
    let rows = outbox::to_address(db, to).await.unwrap();
    assert_eq!(rows.len(), 1, "{to}");
    rows.into_iter().next().unwrap()
}

#[tokio::test]
async fn outbox_mails_are_claimed_sent_retried_and_purged() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let mut invite = mail("selam@example.org", "Einladung");
        invite.attachment = Some((
            "termin.ics".into(),
            "text/calendar".into(),
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        ));
        outbox::add(
            db,
            Some(a.id),
            &[invite, mail("praxis@example.org", "Bestätigt")],
            t0(),
        )
        .await
        .unwrap();
        let t1 = t0() + SignedDuration::from_secs(1);
        outbox::add(db, None, &[mail("admin@example.org", "Anmeldung")], t1)
            .await
            .unwrap();
        outbox::add(db, Some(b.id), &[mail("amt@example.org", "Absage")], t0())
            .await
            .unwrap();
        outbox::add(db, Some(b.id), &[], t0()).await.unwrap();

        let m1 = one(db, "selam@example.org").await;
        assert_eq!(m1.subject, "Einladung", "{}", t.backend());
        assert_eq!(m1.body_text, "Guten Tag,\n\nEinladung.\n");
        assert_eq!(
            (
                m1.attachment_name.as_deref(),
                m1.attachment_type.as_deref(),
                m1.attachment.as_deref()
            ),
            (
                Some("termin.ics"),
                Some("text/calendar"),
                Some("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
            )
        );
        assert_eq!((m1.status.as_str(), m1.attempts), ("pending", 0));
        assert_eq!(m1.last_error, None);
        assert_eq!((m1.created_at.0, m1.next_attempt_at.0), (t0(), t0()));
        let m2 = one(db, "praxis@example.org").await;
        assert_eq!(m2.attachment_name, None);
        let m3 = one(db, "admin@example.org").await;
        let m4 = one(db, "amt@example.org").await;
        assert!(
            outbox::to_address(db, "nobody@example.org")
                .await
                .unwrap()
                .is_empty()
        );

        assert_eq!(
            ids(&outbox::unsent(db, a.id, 10).await.unwrap()),
            BTreeSet::from([m1.id, m2.id])
        );
        assert_eq!(outbox::unsent(db, a.id, 1).await.unwrap().len(), 1);
        assert_eq!(
            ids(&outbox::unsent(db, b.id, 10).await.unwrap()),
            BTreeSet::from([m4.id])
        );

        // A worker's claim lasts ten minutes here.
        let claim = |at: jiff::Timestamp, limit: i64, holder: &'static str| {
            outbox::claim(db, at, limit, holder, at + SignedDuration::from_mins(10))
        };
        // Nothing is due before its time; claims take at most `limit`.
        assert!(
            claim(t0() - SignedDuration::from_secs(1), 10, "w1")
                .await
                .unwrap()
                .is_empty()
        );
        let first = claim(t0(), 2, "w1").await.unwrap();
        assert_eq!(first.len(), 2);
        assert!(
            first
                .iter()
                .all(|r| r.status == "sending" && r.attempts == 1)
        );
        let second = claim(t0(), 10, "w1").await.unwrap();
        assert_eq!(second.len(), 1, "the rest of what is due at t0");
        assert_eq!(
            ids(&first)
                .union(&ids(&second))
                .copied()
                .collect::<BTreeSet<_>>(),
            BTreeSet::from([m1.id, m2.id, m4.id])
        );
        assert_eq!(
            ids(&claim(t1, 10, "w1").await.unwrap()),
            BTreeSet::from([m3.id])
        );
        // A claimed mail is due again ten minutes later (its worker may have died).
        let t5 = t0() + SignedDuration::from_mins(5);
        assert!(claim(t5, 10, "w1").await.unwrap().is_empty());
        let again = claim(t0() + SignedDuration::from_mins(10), 10, "w2")
            .await
            .unwrap();
        assert_eq!(ids(&again), BTreeSet::from([m1.id, m2.id, m4.id]));
        assert!(again.iter().all(|r| r.attempts == 2));
        // The first worker's claim ran out: it may no longer send them; the second may.
        assert!(!outbox::renew(db, m1.id, "w1", t5).await.unwrap());
        assert!(
            outbox::renew(db, m1.id, "w2", t5 + SignedDuration::from_mins(10))
                .await
                .unwrap()
        );

        // Sent, retried later, failed for good.
        outbox::mark_sent(db, m1.id, t5).await.unwrap();
        let retry = t0() + SignedDuration::from_hours(1);
        let long = "x".repeat(600);
        outbox::mark_failed(db, m2.id, &long, Some(retry))
            .await
            .unwrap();
        outbox::mark_failed(db, m4.id, "550 no such user", None)
            .await
            .unwrap();
        let s1 = one(db, "selam@example.org").await;
        assert_eq!(s1.status, "sent", "{}", t.backend());
        let s2 = one(db, "praxis@example.org").await;
        assert_eq!(
            (s2.status.as_str(), s2.next_attempt_at.0),
            ("pending", retry)
        );
        assert_eq!(
            s2.last_error.as_deref().map(str::len),
            Some(500),
            "cut to 500"
        );
        let s4 = one(db, "amt@example.org").await;
        assert_eq!(
            (s4.status.as_str(), s4.last_error.as_deref()),
            ("failed", Some("550 no such user"))
        );
        assert_eq!(
            ids(&outbox::unsent(db, a.id, 10).await.unwrap()),
            BTreeSet::from([m2.id]),
            "sent mails are not listed"
        );
        assert_eq!(
            ids(&outbox::unsent(db, b.id, 10).await.unwrap()),
            BTreeSet::from([m4.id]),
            "failed ones are"
        );
        assert!(
            claim(retry - SignedDuration::from_secs(1), 10, "w1")
                .await
                .unwrap()
                .iter()
                .all(|r| r.id != m2.id),
            "not before its retry"
        );
        let far = t0() + SignedDuration::from_hours(48);
        let later = claim(far, 10, "w1").await.unwrap();
        assert!(later.iter().any(|r| r.id == m2.id && r.attempts == 3));
        assert!(
            later.iter().all(|r| r.id != m1.id && r.id != m4.id),
            "sent and failed mails are never claimed again"
        );

        // Only sent mails created before the cut-off are purged.
        assert_eq!(outbox::purge_sent(db, t0()).await.unwrap(), 0);
        assert_eq!(outbox::purge_sent(db, far).await.unwrap(), 1);
        assert!(
            outbox::to_address(db, "selam@example.org")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            outbox::to_address(db, "praxis@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            outbox::to_address(db, "amt@example.org")
                .await
                .unwrap()
                .len(),
            1
        );
    })
    .await;
}

#[tokio::test]
async fn enqueued_mails_follow_their_transaction() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let m = [
            mail("amina@example.org", "Platz bestätigt"),
            mail("amina@example.org", "Warteliste"),
        ];

        let mut tx = db.begin().await.unwrap();
        outbox::enqueue_in(&mut tx, Some(a.id), &m, t0())
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        assert!(
            outbox::to_address(db, "amina@example.org")
                .await
                .unwrap()
                .is_empty(),
            "{}",
            t.backend()
        );
        let mut tx = db.begin().await.unwrap();
        outbox::enqueue_in(&mut tx, Some(a.id), &m, t0())
            .await
            .unwrap();
        drop(tx);
        assert!(
            outbox::to_address(db, "amina@example.org")
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            outbox::claim(db, t0(), 10, "w1", t0() + SignedDuration::from_mins(10))
                .await
                .unwrap()
                .is_empty()
        );

        let mut tx = db.begin().await.unwrap();
        outbox::enqueue_in(&mut tx, Some(a.id), &m, t0())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let rows = outbox::to_address(db, "amina@example.org").await.unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.status == "pending"));
        assert_eq!(outbox::unsent(db, a.id, 10).await.unwrap().len(), 2);
        assert_eq!(
            outbox::claim(db, t0(), 10, "w1", t0() + SignedDuration::from_mins(10))
                .await
                .unwrap()
                .len(),
            2
        );
    })
    .await;
}

#[tokio::test]
async fn plans_are_stored_per_tenant_and_applied_once() {
    each(async |t| {
        let db = &t.db;
        let a = tenants::create(db, "a", "A", t0()).await.unwrap();
        let b = tenants::create(db, "b", "B", t0()).await.unwrap();
        let proposal = r#"{"assignments":[{"request":"r1","mediator":"m1"}]}"#;
        let id = plans::create(db, a.id, "2027-03-02", proposal, 1234, t0())
            .await
            .unwrap();
        let p = plans::get(db, a.id, id).await.unwrap();
        assert_eq!(p.id, id);
        assert_eq!(
            (p.local_date.as_str(), p.proposal.as_str(), p.cost),
            ("2027-03-02", proposal, 1234),
            "{}",
            t.backend()
        );
        assert!(p.applied_at.is_none());
        assert!(matches!(
            plans::get(db, b.id, id).await,
            Err(DbError::NotFound)
        ));
        assert!(matches!(
            plans::mark_applied(db, b.id, id, t0()).await,
            Err(DbError::Conflict(_))
        ));
        assert!(plans::get(db, a.id, id).await.unwrap().applied_at.is_none());

        let t1 = ts("2027-03-01T09:15:00Z");
        plans::mark_applied(db, a.id, id, t1).await.unwrap();
        assert_eq!(
            plans::get(db, a.id, id)
                .await
                .unwrap()
                .applied_at
                .map(|u| u.0),
            Some(t1)
        );
        let again = plans::mark_applied(db, a.id, id, t1 + SignedDuration::from_secs(60)).await;
        assert!(
            matches!(&again, Err(DbError::Conflict(c)) if c == "plan applied"),
            "{again:?}"
        );
        assert_eq!(
            plans::get(db, a.id, id)
                .await
                .unwrap()
                .applied_at
                .map(|u| u.0),
            Some(t1),
            "the first application stays"
        );
    })
    .await;
}
