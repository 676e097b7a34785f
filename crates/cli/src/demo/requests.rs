//! The demo's requests: a mix of confirmed, invited and open ones over the next weeks, a
//! busy day of forty for the day planner, and a school language companion's series.

use super::*;

/// A working fortnight of requests: open, invited and confirmed ones, and a school series.
pub(super) async fn requests(app: &App, admin: &mittler_app::Actor) -> Result<()> {
    use mittler_app::requests as rq;
    let insts = institutions::list(app, admin, "", false)
        .await
        .map_err(err)?;
    let tz = mittler_app::local_time::zone();
    let today = app.now().to_zoned(tz.clone()).date();
    let plan: [(&str, &str, i64, i8, &str); 12] = [
        ("arb", "authority", 1, 9, "onsite"),
        ("prs", "medical", 1, 11, "onsite"),
        ("tur", "school", 2, 8, "onsite"),
        ("ukr", "social", 2, 14, "video"),
        ("kmr", "authority", 3, 10, "onsite"),
        ("tir", "medical", 3, 13, "phone"),
        ("rus", "social", 4, 9, "onsite"),
        ("pus", "authority", 6, 10, "onsite"),
        ("apc", "medical", 7, 15, "onsite"),
        ("pes", "psychotherapy", 8, 11, "onsite"),
        ("sqi", "school", 9, 12, "onsite"),
        ("arb", "court", 10, 9, "onsite"),
    ];
    // The next working days (the pool works on weekdays).
    let weekdays: Vec<jiff::civil::Date> = (1..30)
        .filter_map(|d| today.checked_add(jiff::Span::new().days(d)).ok())
        .filter(|d| d.weekday().to_monday_one_offset() <= 5)
        .collect();
    let (mut confirmed, mut invited, mut left_open) = (0, 0, 0);
    for (k, (lang, sector, days, hour, mode)) in plan.iter().enumerate() {
        let Some(inst) = insts.get(k % insts.len().max(1)) else {
            break;
        };
        let Some(date) = weekdays.get(usize::try_from(*days).unwrap_or(0)).copied() else {
            continue;
        };
        let input = mittler_domain::request::RequestInput {
            place_id: if *mode == "onsite" {
                inst.places.first().map(|p| p.id)
            } else {
                None
            },
            mode: (*mode).into(),
            language: (*lang).into(),
            sector: (*sector).into(),
            start: date.at(*hour, 0, 0, 0).to_string(),
            duration_min: Some(60),
            gender_preference: "none".into(),
            priority: Some(if k % 5 == 0 { 2 } else { 1 }),
            ..Default::default()
        };
        let Ok(id) = rq::create(app, admin, Some(inst.id), &input).await else {
            continue;
        };
        // A mix for the coordinator: some confirmed, some invited, some still open.
        let best: Vec<uuid::Uuid> = rq::candidates(app, admin, id)
            .await
            .map_err(err)?
            .candidates
            .iter()
            .take(3)
            .map(|c| c.mediator_id)
            .collect();
        let Some(first) = best.first() else { continue };
        if confirmed <= invited && confirmed <= left_open {
            rq::assign(app, admin, id, *first).await.map_err(err)?;
            confirmed += 1;
        } else if invited <= left_open {
            rq::invite(app, admin, id, &best, 240).await.map_err(err)?;
            invited += 1;
        } else {
            left_open += 1;
        }
    }
    // A busy day to plan: forty open requests, so that the day planner has work to do.
    if let Some(date) = weekdays.get(6).copied() {
        planning_day(app, admin, &insts, date).await?;
    }
    // A language companion at a school: weekly for eight weeks.
    if let Some(school) = insts
        .iter()
        .find(|i| i.category == mittler_domain::institution::Category::School)
        && let Some(date) = weekdays.get(4).copied()
    {
        let input = mittler_domain::request::RequestInput {
            place_id: school.places.first().map(|p| p.id),
            mode: "onsite".into(),
            language: "arb".into(),
            sector: "school".into(),
            start: date.at(8, 0, 0, 0).to_string(),
            duration_min: Some(90),
            gender_preference: "none".into(),
            client_ref: Some("K-DEMO-SCHULE".into()),
            ..Default::default()
        };
        let repeat = mittler_domain::series::Repeat {
            every_weeks: 1,
            count: Some(8),
            until: None,
        };
        rq::create_series(app, admin, Some(school.id), &input, Some(repeat))
            .await
            .map_err(err)?;
    }
    Ok(())
}

/// Forty open requests on one day, spread over the morning and afternoon, the pool's
/// languages, the centre's institutions and all three modes.
async fn planning_day(
    app: &App,
    admin: &mittler_app::Actor,
    insts: &[mittler_domain::institution::Institution],
    date: jiff::civil::Date,
) -> Result<()> {
    use mittler_app::requests as rq;
    const LANGS: [&str; 10] = [
        "arb", "rus", "tur", "ukr", "kmr", "prs", "pes", "apc", "tir", "pus",
    ];
    const SECTORS: [&str; 4] = ["medical", "social", "authority", "school"];
    for k in 0..40_usize {
        let Some(inst) = insts.get((k * 7) % insts.len().max(1)) else {
            break;
        };
        // Every seventh by phone, every eleventh by video; the rest on site.
        let mode = if k % 7 == 3 {
            "phone"
        } else if k % 11 == 5 {
            "video"
        } else {
            "onsite"
        };
        let hour = i8::try_from(8 + (k * 5) % 9).unwrap_or(8);
        let minute = if k % 2 == 0 { 0 } else { 30 };
        let input = mittler_domain::request::RequestInput {
            place_id: if mode == "onsite" {
                inst.places.first().map(|p| p.id)
            } else {
                None
            },
            mode: mode.into(),
            language: LANGS.iter().cycle().nth(k).copied().unwrap_or("arb").into(),
            sector: SECTORS
                .iter()
                .cycle()
                .nth(k / 3)
                .copied()
                .unwrap_or("social")
                .into(),
            start: date.at(hour, minute, 0, 0).to_string(),
            duration_min: Some(if k % 4 == 0 { 90 } else { 60 }),
            gender_preference: "none".into(),
            client_ref: Some(format!("K-DEMO-{:03}", k + 1)),
            priority: Some(if k % 9 == 0 { 2 } else { 1 }),
            ..Default::default()
        };
        // A request the rules refuse (none today) is left out of the demo, not fatal.
        let _ = rq::create(app, admin, Some(inst.id), &input).await;
    }
    Ok(())
}
