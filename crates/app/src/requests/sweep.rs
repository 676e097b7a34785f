//! What the worker does with time: expired invitations, unfilled requests, reminders.

use super::*;

/// Expires due invitations and marks past requests without a mediator as unfilled.
/// Returns how many invitations and requests changed.
pub async fn sweep(app: &App) -> Result<(usize, usize)> {
    let now = app.now();
    let mut expired = 0;
    for (tenant, inv) in db::due_invitations(&app.db, now).await? {
        let mails = match db::invitation(&app.db, tenant, inv).await {
            Ok(i) => match db::get(&app.db, tenant, i.request_id).await {
                Ok(row) => tell(app, tenant, &row, "expired", &[To::Coordination], &[]).await,
                Err(_) => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        let h = system(
            now,
            Event::InvitationsClosed,
            Status::Invited,
            Status::Open,
            "invitations expired",
        );
        if matches!(
            db::close_invitation(&app.db, tenant, inv, None, "expired", now, &h, &mails).await?,
            Answer::Declined(_)
        ) {
            expired += 1;
        }
    }
    let mut unfilled = 0;
    for (tenant, id, status) in db::past_unfilled(&app.db, now).await? {
        let Some(from) = Status::parse(&status) else {
            continue;
        };
        let h = system(
            now,
            Event::StartPassed,
            from,
            Status::Unfilled,
            "start passed without a mediator",
        );
        if db::transition(&app.db, tenant, id, from, Med::Keep, &h, &[]).await? {
            unfilled += 1;
        }
    }
    Ok((expired, unfilled))
}

/// Reminds booker and mediator the day before a confirmed appointment (once).
pub async fn send_reminders(app: &App) -> Result<usize> {
    let now = app.now();
    let until = now
        .checked_add(SignedDuration::from_hours(24))
        .unwrap_or(now);
    let mut sent = 0;
    // Nothing of a client's contact outlives the appointment.
    db::forget_client_reminders(&app.db, now).await?;
    for (tenant, row) in db::due_reminders(&app.db, now, until).await? {
        let mut mails = tell(
            app,
            tenant,
            &row,
            "reminder",
            &[To::Booker, To::Mediator(row.mediator_id)],
            &[],
        )
        .await;
        // The client too, in their language, where they asked for it.
        if let Some(m) = crate::slip::client_mail(app, tenant, &row).await? {
            mails.push(m);
        }
        if db::mark_reminded(&app.db, tenant, row.id, now, &mails).await? {
            sent += 1;
        }
    }
    Ok(sent)
}
