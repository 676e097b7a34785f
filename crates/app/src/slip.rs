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
    let first_name = v
        .mediator
        .as_ref()
        .and_then(|(_, n)| n.split_whitespace().next())
        .unwrap_or("")
        .to_owned();
    let bring: String = bring.chars().take(300).collect();
    let text = |l: Lang| -> SlipText {
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
                (l.t("slip-map"), map.clone().unwrap_or_default()),
                (l.t("slip-mediator"), first_name.clone()),
                (l.t("slip-bring"), bring.clone()),
                (l.t("slip-cancel"), call),
            ],
            rtl: l.rtl(),
        }
    };
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
