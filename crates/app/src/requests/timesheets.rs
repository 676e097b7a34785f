//! Time sheets: the mediator submits, the institution confirms or disputes.

use super::*;

/// The time sheet after the appointment, by the confirmed mediator.
pub async fn submit_timesheet(
    app: &App,
    actor: &Actor,
    id: Uuid,
    start: &str,
    end: &str,
    waiting_min: i64,
    travel_min: i64,
) -> Result<()> {
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
        }
    }
    if !(0..=600).contains(&waiting_min) {
        e.add("waiting_min", "out-of-range");
    }
    if !(0..=600).contains(&travel_min) {
        e.add("travel_min", "out-of-range");
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
    let sheet = db::TimeSheet {
        start: s,
        end: t,
        waiting_min: i32::try_from(waiting_min).unwrap_or(0),
        travel_min: i32::try_from(travel_min).unwrap_or(0),
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
        Ok(to)
    } else {
        Err(conflict("status"))
    }
}
