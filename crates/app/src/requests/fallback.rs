//! The fallback from on site (`remote.md`): an on-site request nobody can come to (every
//! candidate excluded, or nobody confirmed before the centre's cut-off) is offered as
//! video instead, with the candidates for video; one step converts it.

use super::*;

/// Whether an on-site request is offered as video, and who could serve it so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// Every active mediator is excluded on site.
    pub nobody_on_site: bool,
    /// Nobody confirmed, and the appointment is within the centre's cut-off.
    pub past_cut_off: bool,
    /// Mediators who could serve it by video.
    pub video_candidates: usize,
}

/// The fallback of a request the actor may book for: `None` unless it is an on-site
/// request without a confirmed mediator that nobody can come to in time.
pub async fn video_fallback(app: &App, actor: &Actor, id: Uuid) -> Result<Option<Fallback>> {
    if !actor.may(Action::BookRequests) {
        return Ok(None);
    }
    let row = load(app, actor, id).await?;
    let status = row.status()?;
    if row.mode != Mode::Onsite.as_str() || !matches!(status, Status::Open | Status::Invited) {
        return Ok(None);
    }
    let tenant = actor.tenant_id;
    let onsite = rank(&pool(app, tenant, &row).await?);
    let hours = i64::from(
        mittler_db::tenants::settings(&app.db, tenant)
            .await?
            .video_fallback_hours,
    );
    let nobody_on_site = onsite.candidates.is_empty();
    let past_cut_off = row.start_at.0.as_second() - app.now().as_second() <= hours * 3600;
    if !nobody_on_site && !past_cut_off {
        return Ok(None);
    }
    let mut video = row.clone();
    video.mode = Mode::Video.as_str().to_owned();
    let video_candidates = rank(&pool(app, tenant, &video).await?).candidates.len();
    Ok(Some(Fallback {
        nobody_on_site,
        past_cut_off,
        video_candidates,
    }))
}

/// Converts an on-site request nobody confirmed to a remote mode (`video` or `phone`):
/// open again, invitations withdrawn, the history keeps both.
pub async fn convert(app: &App, actor: &Actor, id: Uuid, mode: &str) -> Result<Status> {
    actor.require(Action::BookRequests)?;
    let row = load(app, actor, id).await?;
    let to = Mode::parse(mode.trim())
        .filter(|m| *m != Mode::Onsite)
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("mode", "invalid")))?;
    let from = row.status()?;
    if row.mode != Mode::Onsite.as_str() || !matches!(from, Status::Open | Status::Invited) {
        return Err(conflict("not an unstaffed on-site request"));
    }
    let h = HistoryEntry {
        at: app.now(),
        actor_id: Some(actor.user_id),
        actor: actor.name.clone(),
        event: Event::Convert.as_str(),
        from_status: Some(from),
        to_status: Status::Open,
        mediator_id: None,
        reason: Some(format!("{} → {}", Mode::Onsite.as_str(), to.as_str())),
    };
    if !db::convert(&app.db, actor.tenant_id, id, from, to.as_str(), &h).await? {
        return Err(conflict("request changed"));
    }
    app.publish(crate::Change {
        tenant_id: actor.tenant_id,
        institution_id: row.institution_id,
        request_id: id,
        kind: crate::ChangeKind::Reopened,
    });
    Ok(Status::Open)
}
