//! Open formats of the catalogue: calendar files and open data.

use super::*;

/// `GET /catalogue/{tenant}/{id}/calendar.ics`: every session of an offer.
pub async fn ics(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path((tenant, id)): Path<(String, String)>,
) -> PageResult {
    let (_, o) = catalogue::offer(&s.app, &tenant, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    let title = o
        .texts
        .show("de")
        .map(|t| t.text.title.clone())
        .unwrap_or_default();
    let events: Vec<mittler_app::calendar::Event> = o
        .sessions
        .iter()
        .map(|(sid, sess)| mittler_app::calendar::Event {
            uid: format!("{sid}@mittler"),
            start: sess.start,
            end: sess.end,
            summary: title.clone(),
            location: format!("{}, {}", o.venue.name, o.venue.address),
            description: format!("{}/catalogue/{tenant}/{}", s.app.public_url, o.id),
            cancelled: false,
        })
        .collect();
    let body = mittler_app::calendar::calendar(&title, &events, None, s.app.now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"offer.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// `GET /catalogue/{tenant}/offers.json`: open data of the published offers, every
/// language, no personal data.
pub async fn open_data(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(tenant): Path<String>,
) -> PageResult {
    let c = catalogue::catalogue(&s.app, &tenant)
        .await
        .map_err(fail(&ctx))?;
    let offers: Vec<serde_json::Value> = c
        .entries()
        .map(|o| {
            serde_json::json!({
                "id": o.id,
                "url": format!("{}/catalogue/{tenant}/{}", s.app.public_url, o.id),
                "provider": o.provider_name,
                "title": o.texts.by_lang.iter().map(|(l, t)| (l.clone(), t.title.clone())).collect::<std::collections::BTreeMap<_, _>>(),
                "description": o.texts.by_lang.iter().map(|(l, t)| (l.clone(), t.description.clone())).collect::<std::collections::BTreeMap<_, _>>(),
                "category": o.category.as_str(),
                "target_groups": o.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
                "age_min": o.age_min,
                "age_max": o.age_max,
                "languages": o.languages,
                "place": {
                    "name": o.venue.name, "address": o.venue.address, "district": o.venue.district,
                    "lat": o.venue.lat, "lon": o.venue.lon, "accessibility": o.venue.accessibility,
                },
                "sessions": o.sessions.iter().map(|(_, x)| serde_json::json!({"start": x.start.to_string(), "end": x.end.to_string()})).collect::<Vec<_>>(),
                "cost_cents": o.cost_cents,
                "capacity": o.capacity,
                "seats_left": c.seats_left(o),
                "registration": o.registration.as_str(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "publisher": c.tenant.name,
        "licence": "CC0-1.0",
        "generated": s.app.now().to_string(),
        "offers": offers,
    }))
    .into_response())
}
