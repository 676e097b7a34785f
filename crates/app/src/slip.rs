//! The client's appointment slip: date, time, place with a map, the mediator's first
//! name, what to bring and whom to call, in the client's language (any interface
//! language; right to left where needed), with the German text for the desk. Made on
//! demand from the confirmed request; what the desk types ("what to bring") is printed,
//! never stored.

use crate::i18n::Lang;
use crate::{Actor, App, AppError, Result};
use mittler_documents::{SlipDoc, SlipText};
use mittler_domain::Action;
use mittler_domain::request::Status;
use uuid::Uuid;

/// The slip's language for a request's language (ISO 639-3), where Mittler has a text:
/// the Arabic varieties read Arabic, Dari and Farsi read Farsi.
pub fn client_lang(code: &str) -> Option<Lang> {
    match code {
        "ara" | "arb" | "acm" | "aeb" | "apc" | "apd" | "arq" | "ary" | "arz" | "ayl" => {
            Some(Lang::Ar)
        }
        "fas" | "pes" | "prs" => Some(Lang::Fa),
        "ukr" => Some(Lang::Uk),
        "rus" => Some(Lang::Ru),
        "tur" => Some(Lang::Tr),
        "eng" => Some(Lang::En),
        "deu" => Some(Lang::De),
        _ => None,
    }
}

/// A confirmed request's slip.
pub struct Slip {
    pub lang: Lang,
    pub doc: SlipDoc,
    /// A map of the place (OpenStreetMap at the place's coordinates), for appointments on site.
    pub map: Option<String>,
}

/// A map link at a point: short enough to print.
fn map_at(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}")
}

/// The slip of request `id` in `lang` (else the client's language, else German).
pub async fn slip(
    app: &App,
    actor: &Actor,
    id: Uuid,
    lang: Option<Lang>,
    bring: &str,
) -> Result<Slip> {
    if !(actor.may(Action::RunMediation) || actor.may(Action::FollowRequests)) {
        return Err(AppError::Forbidden);
    }
    let d = crate::requests::get(app, actor, id).await?;
    let v = &d.view;
    if v.status != Status::Confirmed {
        return Err(AppError::Conflict("not-confirmed".into()));
    }
    let lang = lang
        .or_else(|| client_lang(&v.row.language))
        .unwrap_or(Lang::De);
    let map = match v.row.place_id {
        Some(p) => crate::cache::places(app, actor.tenant_id)
            .await?
            .get(&p)
            .map(|pt| map_at(pt.lat, pt.lon)),
        None => None,
    };
    let first_name = first_name(v);
    let bring: String = bring.chars().take(300).collect();
    let text = |l: Lang| text_of(v, map.as_deref(), &first_name, &bring, l);
    Ok(Slip {
        lang,
        doc: SlipDoc {
            institution: v.institution.clone(),
            client: text(lang),
            german: (lang != Lang::De).then(|| text(Lang::De)),
        },
        map,
    })
}

/// The slip's words in one language.
fn text_of(
    v: &crate::requests::RequestView,
    map: Option<&str>,
    first_name: &str,
    bring: &str,
    l: Lang,
) -> SlipText {
    let start = v.row.start_at.0.to_zoned(crate::local_time::zone());
    let end = start
        .checked_add(jiff::SignedDuration::from_mins(i64::from(
            v.row.duration_min,
        )))
        .unwrap_or(start.clone());
    let when = format!(
        "{}\n{}, {} – {}",
        l.t(&format!(
            "weekday-{}",
            start.weekday().to_monday_one_offset()
        )),
        start.strftime("%d.%m.%Y"),
        start.strftime("%H:%M"),
        end.strftime("%H:%M"),
    );
    let place = match (v.row.mode.as_str(), &v.place) {
        ("onsite", Some((name, address))) => format!("{name}\n{address}"),
        ("phone", _) => l.t("slip-by-phone"),
        ("video", _) => l.t("slip-by-video"),
        _ => String::new(),
    };
    let call = [
        v.institution.clone(),
        v.institution_contact.clone(),
        v.institution_phone.clone(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    SlipText {
        title: l.t("slip-title"),
        rows: vec![
            (l.t("slip-when"), when),
            (l.t("slip-where"), place),
            (l.t("slip-map"), map.unwrap_or_default().to_owned()),
            (l.t("slip-mediator"), first_name.to_owned()),
            (l.t("slip-bring"), bring.to_owned()),
            (l.t("slip-cancel"), call),
        ],
        rtl: l.rtl(),
    }
}

fn first_name(v: &crate::requests::RequestView) -> String {
    v.mediator
        .as_ref()
        .and_then(|(_, n)| n.split_whitespace().next())
        .unwrap_or("")
        .to_owned()
}

/// Keeps the client's wish to be reminded the day before, by e-mail (or text message to
/// a mobile number where an SMS gateway is configured), in `lang`: only
/// with the client's consent, for a confirmed appointment still ahead. The address is
/// deleted with the reminder's sending, or when the appointment is cancelled or over.
pub async fn set_reminder(
    app: &App,
    actor: &Actor,
    id: Uuid,
    contact: &str,
    lang: &str,
    consent: bool,
) -> Result<()> {
    if !(actor.may(Action::RunMediation) || actor.may(Action::FollowRequests)) {
        return Err(AppError::Forbidden);
    }
    let d = crate::requests::get(app, actor, id).await?;
    if d.view.status != Status::Confirmed || d.view.row.start_at.0 <= app.now() {
        return Err(AppError::Conflict("not-confirmed".into()));
    }
    let mut e = mittler_domain::FieldErrors::new();
    // A mobile number where a gateway can send text messages, else an e-mail address.
    let contact = match crate::sms::mobile(contact) {
        Some(n) if app.sms => crate::mail::sms_address(&n),
        Some(_) => {
            e.add("contact", "no-sms");
            String::new()
        }
        None => mittler_domain::validation::email(&mut e, "contact", contact),
    };
    let lang = Lang::parse(lang.trim());
    if lang.is_none() {
        e.add("lang", "invalid");
    }
    if !consent {
        e.add("consent", "consent-required");
    }
    match (e.is_empty(), lang) {
        (true, Some(l)) => Ok(mittler_db::requests::set_client_reminder(
            &app.db,
            actor.tenant_id,
            id,
            &contact,
            l.code(),
            app.now(),
        )
        .await?),
        _ => Err(AppError::Invalid(e)),
    }
}

/// Forgets the client's reminder wish.
pub async fn clear_reminder(app: &App, actor: &Actor, id: Uuid) -> Result<()> {
    if !(actor.may(Action::RunMediation) || actor.may(Action::FollowRequests)) {
        return Err(AppError::Forbidden);
    }
    crate::requests::get(app, actor, id).await?;
    Ok(mittler_db::requests::clear_client_reminder(&app.db, actor.tenant_id, id).await?)
}

/// Whether the client of request `id` is to be reminded (the address, for the page).
pub async fn reminder_of(app: &App, actor: &Actor, id: Uuid) -> Result<Option<(String, String)>> {
    if !(actor.may(Action::RunMediation) || actor.may(Action::FollowRequests)) {
        return Ok(None);
    }
    Ok(mittler_db::requests::client_reminder(&app.db, actor.tenant_id, id).await?)
}

/// The client's reminder mail for a confirmed request, when the client asked for one.
pub(crate) async fn client_mail(
    app: &App,
    tenant: Uuid,
    row: &mittler_db::requests::RequestRow,
) -> Result<Option<mittler_db::outbox::NewMail>> {
    let Some((to, code)) = mittler_db::requests::client_reminder(&app.db, tenant, row.id).await?
    else {
        return Ok(None);
    };
    let l = Lang::parse(&code).unwrap_or(Lang::De);
    let views = crate::requests::views(app, tenant, vec![row.clone()]).await?;
    let Some(v) = views.first() else {
        return Ok(None);
    };
    let map = match row.place_id {
        Some(p) => crate::cache::places(app, tenant)
            .await?
            .get(&p)
            .map(|pt| map_at(pt.lat, pt.lon)),
        None => None,
    };
    let t = text_of(v, map.as_deref(), &first_name(v), "", l);
    if to.starts_with("sms:") {
        // A text message: short, without the map link.
        let rows: Vec<&(String, String)> = t
            .rows
            .iter()
            .filter(|(_, value)| !value.trim().is_empty() && !value.starts_with("https://"))
            .collect();
        let when = rows
            .first()
            .map(|(_, v)| v.replace('\n', " "))
            .unwrap_or_default();
        let rest: Vec<String> = rows
            .iter()
            .skip(1)
            .map(|(label, value)| format!("{label}: {}", value.replace('\n', ", ")))
            .collect();
        return Ok(Some(mittler_db::outbox::NewMail {
            to,
            subject: l.t_args("slip-reminder-subject", &[("title", t.title.clone())]),
            body_text: format!(
                "{} {when}. {}",
                l.t_args("slip-reminder-subject", &[("title", t.title.clone())]),
                rest.join(". ")
            ),
            attachment: None,
        }));
    }
    let body = t
        .rows
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| format!("{label}:\n{value}"))
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(Some(mittler_db::outbox::NewMail {
        to,
        subject: l.t_args("slip-reminder-subject", &[("title", t.title.clone())]),
        body_text: format!("{}\n\n{body}\n", l.t("slip-reminder-intro")),
        attachment: None,
    }))
}

/// The slip as a PDF.
pub fn pdf(slip: &Slip) -> Result<Vec<u8>> {
    mittler_documents::slip_pdf(&slip.doc).map_err(|e| AppError::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_reads_the_nearest_text() {
        assert_eq!(client_lang("prs"), Some(Lang::Fa));
        assert_eq!(client_lang("apc"), Some(Lang::Ar));
        assert_eq!(client_lang("ukr"), Some(Lang::Uk));
        assert_eq!(client_lang("tir"), None);
        assert!(map_at(51.455, 7.011).contains("mlat=51.45500&mlon=7.01100"));
    }
}
