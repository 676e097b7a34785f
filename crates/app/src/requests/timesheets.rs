//! Time sheets: the mediator submits, the institution confirms or disputes.

use super::*;

/// A time sheet as the mediator enters it.
#[derive(Debug, Clone, Copy, Default)]
pub struct SheetInput<'a> {
    /// RFC 3339 or local `YYYY-MM-DDTHH:MM`.
    pub start: &'a str,
    pub end: &'a str,
    pub waiting_min: i64,
    pub travel_min: i64,
    /// The distance there and back in tenths of a km (on site).
    pub travel_km_tenths: Option<i64>,
}

/// The time sheet after the appointment, by the confirmed mediator.
pub async fn submit_timesheet(
    app: &App,
    actor: &Actor,
    id: Uuid,
    sheet: SheetInput<'_>,
) -> Result<()> {
    let SheetInput {
        start,
        end,
        waiting_min,
        travel_min,
        travel_km_tenths,
    } = sheet;
    let row = load(app, actor, id).await?;
    let me = match actor.mediator_id {
        Some(m) if actor.may(Action::ServeAsMediator) && row.mediator_id == Some(m) => m,
        _ => return Err(AppError::Forbidden),
    };
    let tz = zone();
    let mut e = FieldErrors::new();
    let s = request::parse_start(start, &tz);
    let t = request::parse_start(end, &tz);
    if s.is_none() {
        e.add("start", "invalid-datetime");
    }
    if t.is_none() {
        e.add("end", "invalid-datetime");
    }
    if let (Some(s), Some(t)) = (s, t) {
        if t <= s {
            e.add("end", "not-after-start");
        } else if t.as_second() - s.as_second() > 16 * 3600 {
            e.add("end", "out-of-range");
        }
        if s > app.now() {
            e.add("start", "in-future");
        } else if t > app.now() {
            // A time sheet records what happened: its end has passed too.
            e.add("end", "in-future");
        }
    }
    if !(0..=600).contains(&waiting_min) {
        e.add("waiting_min", "out-of-range");
    }
    if !(0..=600).contains(&travel_min) {
        e.add("travel_min", "out-of-range");
    }
    if travel_km_tenths.is_some_and(|km| !(0..=5000).contains(&km)) {
        e.add("travel_km", "out-of-range");
    }
    let (Some(s), Some(t)) = (s, t) else {
        return Err(AppError::Invalid(e));
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let now = app.now();
    let status = row.status()?;
    let h = entry(
        actor,
        now,
        Event::Complete,
        Some(status),
        status,
        Some(me),
        Some("time sheet sent".into()),
    );
    let h = HistoryEntry {
        event: "timesheet",
        ..h
    };
    let km_flagged = match travel_km_tenths {
        Some(km) if km > 0 => distance_flagged(app, actor.tenant_id, &row, me, km).await?,
        _ => false,
    };
    let sheet = db::TimeSheet {
        start: s,
        end: t,
        waiting_min: i32::try_from(waiting_min).unwrap_or(0),
        travel_min: i32::try_from(travel_min).unwrap_or(0),
        travel_km_tenths,
        km_flagged,
    };
    let mails = tell(app, actor.tenant_id, &row, "timesheet", &[To::Booker], &[]).await;
    if db::submit_timesheet(&app.db, actor.tenant_id, id, me, &sheet, &h, &mails).await? {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Timesheet,
        });
        Ok(())
    } else {
        Err(conflict("status"))
    }
}

/// The institution confirms (completing the request) or disputes the time sheet.
pub async fn answer_timesheet(
    app: &App,
    actor: &Actor,
    id: Uuid,
    confirm: bool,
    reason: Option<&str>,
) -> Result<Status> {
    let row = load(app, actor, id).await?;
    actor.require(Action::SettleTimesheets)?;
    let reason = reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| r.chars().take(500).collect::<String>());
    if !confirm && reason.is_none() {
        return Err(AppError::Invalid(FieldErrors::single("reason", "required")));
    }
    let now = app.now();
    let (event, to) = if confirm {
        (Event::Complete.as_str(), Status::Completed)
    } else {
        ("timesheet_disputed", Status::Confirmed)
    };
    let h = HistoryEntry {
        at: now,
        actor_id: Some(actor.user_id),
        actor: actor.name.clone(),
        event,
        from_status: Some(Status::Confirmed),
        to_status: to,
        mediator_id: row.mediator_id,
        reason,
    };
    if db::answer_timesheet(&app.db, actor.tenant_id, id, confirm, &h, &[]).await? {
        if confirm {
            crate::funds::follow(crate::funds::on_ended(app, actor.tenant_id, id)).await;
        }
        Ok(to)
    } else {
        Err(conflict("status"))
    }
}

/// Whether a time sheet's distance lies far above the travel model's round trip from the
/// mediator's home to the place (`billing::plausible_km_tenths`): flagged, not refused.
async fn distance_flagged(
    app: &App,
    tenant: Uuid,
    row: &mittler_db::requests::RequestRow,
    mediator: Uuid,
    km_tenths: i64,
) -> Result<bool> {
    let Some(place_id) = row.place_id else {
        // Remote work has no travel: any distance is worth a look.
        return Ok(true);
    };
    let inst = mittler_db::institutions::get(&app.db, tenant, row.institution_id).await?;
    let Some(place) = inst.places.iter().find(|p| p.id == place_id) else {
        return Ok(false);
    };
    let m = mittler_db::mediators::get(&app.db, tenant, mediator).await?;
    let straight = mittler_domain::matching::haversine_km(
        mittler_domain::matching::Point {
            lat: m.home.lat,
            lon: m.home.lon,
        },
        mittler_domain::matching::Point {
            lat: place.lat,
            lon: place.lon,
        },
    );
    Ok(km_tenths > mittler_domain::billing::plausible_km_tenths(straight))
}
