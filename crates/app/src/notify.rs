//! Who is told what about a request, in their own language: the mails the use-cases
//! write into the outbox together with the change.

use crate::App;
use crate::calendar;
pub use crate::facts::{Facts, facts};
use crate::i18n::Lang;
use mittler_db::outbox::NewMail;
use mittler_db::requests::RequestRow;
use mittler_db::{mediators, users};
use uuid::Uuid;

/// A person to tell: address and language.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub email: String,
    pub lang: Lang,
}

/// The account that booked the request (the institution's contact).
pub async fn booker(app: &App, tenant: Uuid, row: &RequestRow) -> Option<Recipient> {
    let id = row.created_by?;
    let u = users::get(&app.db, tenant, id).await.ok()?;
    Some(Recipient {
        email: u.email,
        lang: Lang::parse(&u.lang).unwrap_or(Lang::De),
    })
}

/// A mediator, in the language of their account (German without one).
pub async fn mediator(app: &App, tenant: Uuid, id: Uuid) -> Option<Recipient> {
    let m = mediators::get(&app.db, tenant, id).await.ok()?;
    let lang = users::list(&app.db, tenant)
        .await
        .ok()
        .and_then(|us| us.into_iter().find(|u| u.mediator_id == Some(id)))
        .and_then(|u| Lang::parse(&u.lang))
        .unwrap_or(Lang::De);
    Some(Recipient {
        email: m.email,
        lang,
    })
}

/// The active coordinators of a centre.
pub async fn coordinators(app: &App, tenant: Uuid) -> Vec<Recipient> {
    users::list(&app.db, tenant)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|u| u.active && u.role == mittler_domain::Role::Coordinator)
        .map(|u| Recipient {
            email: u.email,
            lang: Lang::parse(&u.lang).unwrap_or(Lang::De),
        })
        .collect()
}

/// Renders the mail `kind` (`request-received`, `invitation`, ...) for one recipient.
pub fn mail(
    app: &App,
    kind: &str,
    to: &Recipient,
    f: &Facts,
    extra: &[(&'static str, String)],
) -> NewMail {
    let lang = to.lang;
    let place = if f.place.is_empty() {
        lang.t("mail-remote")
    } else {
        f.place.clone()
    };
    let mut args: Vec<(&'static str, String)> = vec![
        ("when", f.when.clone()),
        ("language", lang.language_name(&f.language)),
        ("place", place),
        ("duration", f.duration.to_string()),
        ("institution", f.institution.clone()),
        ("client", f.client_ref.clone()),
        ("link", format!("{}/requests/{}", app.public_url, f.id)),
        ("invitations", format!("{}/me/invitations", app.public_url)),
        ("assignments", format!("{}/me/assignments", app.public_url)),
    ];
    args.extend_from_slice(extra);
    let attachment = (kind == "confirmed" || kind == "cancelled").then(|| {
        let e = calendar::Event {
            uid: format!("{}@mittler", f.id),
            start: f.start,
            end: f.end,
            summary: lang.t_args(
                "mail-ics-summary",
                &[("language", lang.language_name(&f.language))],
            ),
            location: f.place.clone(),
            description: format!("{} · {}", f.institution, f.client_ref),
            cancelled: kind == "cancelled",
        };
        let method = if kind == "cancelled" {
            "CANCEL"
        } else {
            "REQUEST"
        };
        (
            "termin.ics".to_owned(),
            "text/calendar; charset=utf-8; method=".to_owned() + method,
            calendar::calendar("Mittler", &[e], Some(method), app.now()),
        )
    });
    NewMail {
        to: to.email.clone(),
        subject: lang.t_args(&format!("mail-{kind}-subject"), &args),
        body_text: lang.t_args(&format!("mail-{kind}-body"), &args),
        attachment,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ManualClock;
    use std::sync::Arc;

    /// Every request mail in German, English and Arabic, as its recipient reads it: a
    /// change of wording shows as a reviewed snapshot diff (`cargo insta review`), not as
    /// a broken assertion on a sentence.
    #[tokio::test]
    async fn request_mails_read_as_written() {
        let db = mittler_db::Db::connect("sqlite::memory:").await.unwrap();
        let start: jiff::Timestamp = "2027-03-02T08:30:00Z".parse().unwrap();
        let app = crate::App::new(db, Arc::new(ManualClock::new(start)));
        let facts = Facts {
            when: crate::local_time::local_text(start),
            language: "tir".into(),
            place: "Gesundheitsamt, Teststraße 1, 45127 Essen".into(),
            duration: 60,
            institution: "Gesundheitsamt Musterstadt".into(),
            client_ref: "K-0042".into(),
            start,
            end: start + jiff::SignedDuration::from_mins(60),
            id: Uuid::from_u128(42),
        };
        let kinds = [
            "request-received",
            "invitation",
            "confirmed",
            "cancelled",
            "declined",
            "dropped-out",
            "expired",
            "unfilled",
            "reminder",
            "timesheet",
        ];
        for lang in [Lang::De, Lang::En, Lang::Ar] {
            let to = Recipient {
                email: "kontakt@example.org".into(),
                lang,
            };
            let mut text = String::new();
            // A message that lacks an argument renders as "Unknown localization key".
            for kind in kinds {
                let extra = [
                    ("mediator", "Mediatorin A".to_owned()),
                    ("reason", "Termin verlegt".to_owned()),
                    ("expires", "01.03.2027 18:00".to_owned()),
                ];
                let m = mail(&app, kind, &to, &facts, &extra);
                let attached = m.attachment.as_ref().map(|(n, t, _)| format!("{n} ({t})"));
                text.push_str(&format!(
                    "## {kind}\nSubject: {}\nAttachment: {}\n\n{}\n\n",
                    m.subject,
                    attached.unwrap_or_else(|| "none".into()),
                    m.body_text
                ));
            }
            assert!(!text.contains("Unknown localization"), "{text}");
            insta::assert_snapshot!(format!("request_mails_{}", lang.code()), text);
        }
    }
}
