//! Who is told what about a request, in their own language: the mails the use-cases
//! write into the outbox together with the change.

use crate::App;
use crate::calendar;
use crate::i18n::Lang;
use mittler_db::outbox::NewMail;
use mittler_db::requests::RequestRow;
use mittler_db::{institutions, mediators, users};
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

/// What a mail says about a request: the facts, in the recipient's language.
pub struct Facts {
    pub when: String,
    pub language: String,
    pub place: String,
    pub duration: i32,
    pub institution: String,
    pub client_ref: String,
    pub start: jiff::Timestamp,
    pub end: jiff::Timestamp,
    pub id: Uuid,
}

pub async fn facts(app: &App, tenant: Uuid, row: &RequestRow) -> Facts {
    let inst = institutions::get(&app.db, tenant, row.institution_id)
        .await
        .ok();
    let place = row
        .place_id
        .and_then(|p| {
            inst.as_ref()
                .and_then(|i| i.places.iter().find(|x| x.id == p))
        })
        .map(|p| format!("{}, {}", p.name, p.address))
        .unwrap_or_default();
    let start = row.start_at.0;
    Facts {
        when: start
            .to_zoned(crate::requests::zone())
            .strftime("%d.%m.%Y %H:%M")
            .to_string(),
        language: row.language.clone(),
        place,
        duration: row.duration_min,
        institution: inst.map(|i| i.name).unwrap_or_default(),
        client_ref: row.client_ref.clone(),
        start,
        end: start + jiff::SignedDuration::from_mins(i64::from(row.duration_min)),
        id: row.id,
    }
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
