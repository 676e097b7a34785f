//! What a request's mails and calendar entries say about it.

use crate::App;
use mittler_db::institutions;
use mittler_db::requests::RequestRow;
use uuid::Uuid;

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
        when: crate::local_time::local_text(start),
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
