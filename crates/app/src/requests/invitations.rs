//! Inviting and assigning mediators, and their answers: accept, decline, drop out.

use super::*;

/// Invites one or several mediators; the first to accept wins.
pub async fn invite(
    app: &App,
    actor: &Actor,
    id: Uuid,
    mediator_ids: &[Uuid],
    expires_in_min: i64,
) -> Result<Vec<Uuid>> {
    invite_with(app, actor, id, mediator_ids, expires_in_min, false).await
}

/// Invites mediators whom only their own wishes (weekly times, workload) exclude: the
/// coordinator asks anyway, and accepting waives them.
pub async fn invite_anyway(
    app: &App,
    actor: &Actor,
    id: Uuid,
    mediator_ids: &[Uuid],
    expires_in_min: i64,
) -> Result<Vec<Uuid>> {
    invite_with(app, actor, id, mediator_ids, expires_in_min, true).await
}

async fn invite_with(
    app: &App,
    actor: &Actor,
    id: Uuid,
    mediator_ids: &[Uuid],
    expires_in_min: i64,
    waive_wishes: bool,
) -> Result<Vec<Uuid>> {
    let row = load(app, actor, id).await?;
    actor.require(Action::RunMediation)?;
    let mut e = FieldErrors::new();
    if mediator_ids.is_empty() || mediator_ids.len() > 50 {
        e.add(
            "mediator_ids",
            if mediator_ids.is_empty() {
                "required"
            } else {
                "too-many-items"
            },
        );
    }
    if !(5..=10_080).contains(&expires_in_min) {
        e.add("expires_in_min", "out-of-range");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    for m in mediator_ids {
        check_one(app, actor.tenant_id, &row, *m, waive_wishes).await?;
    }
    let from = row.status()?;
    if next(from, Event::Invite).is_none() {
        return Err(conflict("status"));
    }
    let now = app.now();
    let expires = now
        .checked_add(SignedDuration::from_mins(expires_in_min))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let expires = expires.min(row.start_at.0);
    let mut ids = mediator_ids.to_vec();
    ids.dedup();
    let h = entry(
        actor,
        now,
        Event::Invite,
        Some(from),
        Status::Invited,
        None,
        Some(format!("{} invited", ids.len())),
    );
    let facts = notify::facts(app, actor.tenant_id, &row).await;
    let mut mails = Vec::new();
    for m in &ids {
        if let Some(to) = notify::mediator(app, actor.tenant_id, *m).await {
            let until = crate::local_time::local_text(expires);
            mails.push(notify::mail(
                app,
                "invitation",
                &to,
                &facts,
                &[("expires", until)],
            ));
        }
    }
    db::invite(
        &app.db,
        actor.tenant_id,
        id,
        from,
        &ids,
        expires,
        &h,
        &mails,
    )
    .await?
    .ok_or_else(|| conflict("status"))
    .inspect(|_| {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Invited,
        })
    })
}

/// Direct assignment after a phone call: 409 with the reasons where the mediator cannot serve it.
pub async fn assign(app: &App, actor: &Actor, id: Uuid, mediator: Uuid) -> Result<Status> {
    let row = load(app, actor, id).await?;
    actor.require(Action::RunMediation)?;
    let from = row.status()?;
    if next(from, Event::Assign).is_none() {
        return Err(conflict("status"));
    }
    check_one(app, actor.tenant_id, &row, mediator, false).await?;
    let now = app.now();
    let h = entry(
        actor,
        now,
        Event::Assign,
        Some(from),
        Status::Confirmed,
        Some(mediator),
        None,
    );
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "confirmed",
        &[To::Booker, To::Mediator(Some(mediator))],
        &[],
    )
    .await;
    if db::transition(
        &app.db,
        actor.tenant_id,
        id,
        from,
        Med::Set(mediator),
        &h,
        &mails,
    )
    .await?
    {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Confirmed,
        });
        crate::funds::follow(crate::funds::on_confirmed(app, actor.tenant_id, id)).await;
        Ok(Status::Confirmed)
    } else {
        Err(conflict("status"))
    }
}

/// An open invitation of a mediator, with its request.
pub struct OpenInvitation {
    pub invitation: mittler_db::requests::InvitationRow,
    /// What the mediator can expect to be paid, in cents: the mediator card of the tariff
    /// valid for the appointment, else the centre's allowance rule.
    pub expected_fee_cents: i64,
    pub request: RequestView,
    pub travel_min: Option<u32>,
    pub continuity: bool,
}

/// The actor's open invitations (mediators).
pub async fn my_invitations(app: &App, actor: &Actor) -> Result<Vec<OpenInvitation>> {
    actor.require(Action::ServeAsMediator)?;
    let me = actor.mediator_id.ok_or(AppError::Forbidden)?;
    let rule = crate::settings::fee_rule(app, actor.tenant_id).await?;
    let tariffs = mittler_db::billing::tariffs(&app.db, actor.tenant_id).await?;
    let categories: std::collections::HashMap<Uuid, mittler_domain::institution::Category> =
        mittler_db::institutions::list(&app.db, actor.tenant_id)
            .await?
            .into_iter()
            .map(|i| (i.id, i.category))
            .collect();
    let invs = db::open_invitations(&app.db, actor.tenant_id, me, app.now()).await?;
    let mut out = Vec::new();
    for inv in invs {
        let row = db::get(&app.db, actor.tenant_id, inv.request_id).await?;
        let p = pool(app, actor.tenant_id, &row).await?;
        let fit = p.mediators.iter().find(|m| m.id == me).and_then(|m| {
            matching::check(
                m,
                &p.need,
                p.days.get(&me).map(Vec::as_slice).unwrap_or(&[]),
            )
            .ok()
        });
        let mut request = views(app, actor.tenant_id, vec![row])
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound)?;
        super::only_while_invited(&mut request);
        let minutes = i64::from(request.row.duration_min);
        let local = request
            .row
            .start_at
            .0
            .to_zoned(crate::local_time::zone())
            .datetime();
        let by_tariff = categories
            .get(&request.row.institution_id)
            .zip(mittler_domain::request::Mode::parse(&request.row.mode))
            .and_then(|(c, m)| mittler_domain::billing::tariff::find(&tariffs, *c, m, local.date()))
            .map(|t| {
                mittler_domain::billing::price::expected(
                    &t.mediator,
                    local,
                    minutes,
                    request.row.mode == "onsite",
                )
            });
        let expected_fee_cents = by_tariff.unwrap_or_else(|| {
            mittler_domain::fee::expected_cents(&rule, minutes, request.row.mode == "onsite")
        });
        out.push(OpenInvitation {
            expected_fee_cents,
            travel_min: fit.map(|f| f.travel_min),
            continuity: fit.is_some_and(|f| f.continuity),
            invitation: inv,
            request,
        });
    }
    Ok(out)
}

async fn own_invitation(
    app: &App,
    actor: &Actor,
    invitation: Uuid,
) -> Result<(Uuid, mittler_db::requests::InvitationRow)> {
    // Others cannot see invitations at all.
    let me = actor
        .mediator_id
        .filter(|_| actor.may(Action::ServeAsMediator))
        .ok_or(AppError::NotFound)?;
    let inv = db::invitation(&app.db, actor.tenant_id, invitation).await?;
    if inv.mediator_id != me {
        return Err(AppError::NotFound);
    }
    Ok((me, inv))
}

/// Accepts an invitation: confirmed, or 409 when another mediator was first or the request changed.
pub async fn accept(
    app: &App,
    actor: &Actor,
    invitation: Uuid,
    no_conflict_of_interest: bool,
) -> Result<Status> {
    let (me, inv) = own_invitation(app, actor, invitation).await?;
    if !no_conflict_of_interest {
        return Err(AppError::Invalid(FieldErrors::single(
            "no_conflict_of_interest",
            "required",
        )));
    }
    let row = db::get(&app.db, actor.tenant_id, inv.request_id).await?;
    if inv.status != "open" || row.status()? != Status::Invited {
        return Err(conflict("taken"));
    }
    // Accepting waives the mediator's own wishes (an invitation sent anyway).
    check_one(app, actor.tenant_id, &row, me, true).await?;
    let now = app.now();
    let h = entry(
        actor,
        now,
        Event::Accept,
        Some(Status::Invited),
        Status::Confirmed,
        Some(me),
        None,
    );
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "confirmed",
        &[To::Booker, To::Mediator(Some(me))],
        &[],
    )
    .await;
    match db::accept(&app.db, actor.tenant_id, invitation, me, now, &h, &mails).await? {
        Answer::Won => {
            app.publish(crate::Change {
                tenant_id: actor.tenant_id,
                institution_id: row.institution_id,
                request_id: row.id,
                kind: crate::ChangeKind::Confirmed,
            });
            crate::funds::follow(crate::funds::on_confirmed(app, actor.tenant_id, row.id)).await;
            Ok(Status::Confirmed)
        }
        _ => Err(conflict("taken")),
    }
}

/// Declines an invitation; the last one out returns the request to open.
pub async fn decline(
    app: &App,
    actor: &Actor,
    invitation: Uuid,
    reason: Option<&str>,
) -> Result<Status> {
    let (me, inv) = own_invitation(app, actor, invitation).await?;
    let now = app.now();
    let reason = reason
        .map(|r| r.trim().chars().take(500).collect::<String>())
        .filter(|r| !r.is_empty());
    let h = entry(
        actor,
        now,
        Event::InvitationsClosed,
        Some(Status::Invited),
        Status::Open,
        Some(me),
        reason.or(Some("declined".into())),
    );
    let row = db::get(&app.db, actor.tenant_id, inv.request_id).await?;
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "declined",
        &[To::Coordination],
        &[("mediator", actor.name.clone())],
    )
    .await;
    match db::close_invitation(
        &app.db,
        actor.tenant_id,
        inv.id,
        Some(me),
        "declined",
        now,
        &h,
        &mails,
    )
    .await?
    {
        Answer::Declined(_) => {
            app.publish(crate::Change {
                tenant_id: actor.tenant_id,
                institution_id: row.institution_id,
                request_id: row.id,
                kind: crate::ChangeKind::Answered,
            });
            Ok(db::get(&app.db, actor.tenant_id, inv.request_id)
                .await?
                .status()?)
        }
        _ => Err(conflict("closed")),
    }
}

/// The confirmed mediator drops out: the request is open again, history kept.
pub async fn drop_out(app: &App, actor: &Actor, id: Uuid, reason: &str) -> Result<Status> {
    let row = load(app, actor, id).await?;
    let allowed = actor.may(Action::RunMediation)
        || (actor.may(Action::ServeAsMediator)
            && row.mediator_id.is_some()
            && row.mediator_id == actor.mediator_id);
    if !allowed {
        return Err(AppError::Forbidden);
    }
    if reason.trim().is_empty() {
        return Err(AppError::Invalid(FieldErrors::single("reason", "required")));
    }
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "dropped-out",
        &[To::Coordination],
        &[("mediator", actor.name.clone())],
    )
    .await;
    reopen(app, actor, row, Event::DropOut, reason, mails).await
}

/// Takes a confirmed request off its mediator because the day was planned anew
/// (coordinators): the mediator is told, and the request is open for the new plan.
pub async fn release(app: &App, actor: &Actor, id: Uuid) -> Result<Status> {
    actor.require(Action::RunMediation)?;
    let row = load(app, actor, id).await?;
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "replanned",
        &[To::Mediator(row.mediator_id)],
        &[],
    )
    .await;
    reopen(app, actor, row, Event::Replan, "replan", mails).await
}

/// A confirmed request is open again (409 unless it is confirmed): its mediator cleared,
/// its fund commitment released. The mails are only built by the caller; they go out with
/// the change or not at all.
async fn reopen(
    app: &App,
    actor: &Actor,
    row: RequestRow,
    event: Event,
    reason: &str,
    mails: Vec<NewMail>,
) -> Result<Status> {
    if row.status()? != Status::Confirmed {
        return Err(conflict("status"));
    }
    let id = row.id;
    let h = entry(
        actor,
        app.now(),
        event,
        Some(Status::Confirmed),
        Status::Open,
        row.mediator_id,
        Some(reason.trim().chars().take(500).collect()),
    );
    let from = Status::Confirmed;
    if db::transition(&app.db, actor.tenant_id, id, from, Med::Clear, &h, &mails).await? {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Reopened,
        });
        crate::funds::follow(crate::funds::on_ended(app, actor.tenant_id, id)).await;
        Ok(Status::Open)
    } else {
        Err(conflict("status"))
    }
}
