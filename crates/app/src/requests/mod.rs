//! Requests end to end: create, list, show with history, cancel and reschedule here;
//! candidates, invitations, time sheets and the worker's sweep in their own modules.

mod candidates;
mod fallback;
mod invitations;
mod sweep;
mod timesheets;

pub use candidates::*;
pub use fallback::*;
pub use invitations::*;
pub use sweep::*;
pub use timesheets::*;

use crate::notify::{self, Recipient};
use crate::{Actor, App, AppError, Result};
use jiff::{SignedDuration, Timestamp};
use mittler_db::outbox::NewMail;
use mittler_db::requests::{self as db, Answer, HistoryEntry, Mediator as Med, RequestRow};
use mittler_db::{institutions, mediators};
use mittler_domain::matching::{self, Booked, GenderPreference, Need, Point, Reason};
use mittler_domain::mediator::{Gender, Mediator, Sector};
use mittler_domain::request::{self, CancelledBy, Event, Mode, RequestInput, Status, next};
use mittler_domain::{Action, FieldErrors};
use std::collections::HashMap;
use uuid::Uuid;

use crate::local_time::zone;

/// A request as the layers above see it.
#[derive(Debug, Clone)]
pub struct RequestView {
    pub row: RequestRow,
    pub status: Status,
    pub institution: String,
    /// Whom to call at the institution, and the number (empty when not given).
    pub institution_contact: String,
    pub institution_phone: String,
    pub place: Option<(String, String)>,
    pub mediator: Option<(Uuid, String)>,
}

pub struct Detail {
    pub view: RequestView,
    pub history: Vec<mittler_db::requests::HistoryRow>,
    pub invitations: Vec<(mittler_db::requests::InvitationRow, String)>,
}

fn entry(
    actor: &Actor,
    now: Timestamp,
    event: Event,
    from: Option<Status>,
    to: Status,
    mediator: Option<Uuid>,
    reason: Option<String>,
) -> HistoryEntry {
    HistoryEntry {
        at: now,
        actor_id: Some(actor.user_id),
        actor: actor.name.clone(),
        event: event.as_str(),
        from_status: from,
        to_status: to,
        mediator_id: mediator,
        reason,
    }
}

fn system(now: Timestamp, event: Event, from: Status, to: Status, reason: &str) -> HistoryEntry {
    HistoryEntry {
        at: now,
        actor_id: None,
        actor: "Mittler".into(),
        event: event.as_str(),
        from_status: Some(from),
        to_status: to,
        mediator_id: None,
        reason: Some(reason.into()),
    }
}

/// Creates a request. Institution users create for their own institution; coordinators
/// and admins name the institution.
pub async fn create_series(
    app: &App,
    actor: &Actor,
    institution_id: Option<Uuid>,
    input: &RequestInput,
    repeat: Option<mittler_domain::series::Repeat>,
) -> Result<Vec<Uuid>> {
    actor.require(Action::BookRequests)?;
    // The centre books for an institution it names; an institution for itself.
    let institution_id = if actor.may(Action::RunMediation) {
        institution_id
            .ok_or_else(|| AppError::Invalid(FieldErrors::single("institution_id", "required")))?
    } else {
        actor.institution_id.ok_or(AppError::Forbidden)?
    };
    let institution = match institutions::get(&app.db, actor.tenant_id, institution_id).await {
        Ok(i) if i.active => i,
        Ok(_) | Err(mittler_db::DbError::NotFound) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "institution_id",
                "unknown",
            )));
        }
        Err(e) => return Err(e.into()),
    };
    let now = app.now();
    let tz = zone();
    let mut d = match input.validate(now, &tz) {
        Ok(d) => d,
        Err(mut e) => {
            if input
                .place_id
                .is_some_and(|p| !institution.places.iter().any(|x| x.id == p))
            {
                e.add("place_id", "unknown");
            }
            return Err(AppError::Invalid(e));
        }
    };
    if let Some(p) = d.place_id
        && !institution.places.iter().any(|x| x.id == p)
    {
        return Err(AppError::Invalid(FieldErrors::single(
            "place_id", "unknown",
        )));
    }
    let client_ref = match d.client_ref.take() {
        Some(c) => c,
        None => request::client_ref(now.to_zoned(tz.clone()).year(), rand::random()),
    };
    let preferred = match d.preferred_mediator_id {
        Some(m) => match mediators::get(&app.db, actor.tenant_id, m).await {
            Ok(_) => Some(m),
            Err(mittler_db::DbError::NotFound) => {
                return Err(AppError::Invalid(FieldErrors::single(
                    "preferred_mediator_id",
                    "unknown",
                )));
            }
            Err(e) => return Err(e.into()),
        },
        None => db::last_mediator_for_client(&app.db, actor.tenant_id, &client_ref).await?,
    };
    let (gender_pref, gender) = match d.gender {
        GenderPreference::None => ("none", None),
        GenderPreference::Wish(g) => ("wish", Some(g.as_str())),
        GenderPreference::Must(g) => ("must", Some(g.as_str())),
    };
    let local = d.start.to_zoned(tz.clone());
    let starts = match repeat {
        Some(r) => mittler_domain::series::instants(
            &mittler_domain::series::occurrences(local.datetime(), &r),
            &tz,
        ),
        None => vec![d.start],
    };
    let series_id = repeat.map(|_| Uuid::new_v4());
    let me = Recipient {
        email: actor.email.clone(),
        lang: crate::i18n::Lang::parse(&actor.lang).unwrap_or(crate::i18n::Lang::De),
    };
    let mut ids = Vec::new();
    for (k, start) in starts.into_iter().enumerate() {
        let id = Uuid::new_v4();
        let local = start.to_zoned(tz.clone());
        let new = db::NewRequest {
            id,
            series: series_id.map(|s| (s, i32::try_from(k).unwrap_or(0))),
            institution_id,
            place_id: d.place_id,
            mode: d.mode.as_str(),
            language: d.language.to_string(),
            sector: d.sector.as_str(),
            start_at: start,
            duration_min: i32::try_from(d.duration_min).unwrap_or(60),
            local_date: local.date().to_string(),
            gender_pref,
            gender,
            priority: i32::from(d.priority),
            client_ref: client_ref.clone(),
            preferred_mediator_id: preferred,
            excluded: Vec::new(),
            notes: d.notes.clone(),
            created_by: Some(actor.user_id),
        };
        let h = HistoryEntry {
            at: now,
            actor_id: Some(actor.user_id),
            actor: actor.name.clone(),
            event: "create",
            from_status: None,
            to_status: Status::Open,
            mediator_id: None,
            reason: None,
        };
        // The booker hears once, for the first occurrence.
        let mails = if k == 0 {
            let facts = notify::Facts {
                when: local.strftime("%d.%m.%Y %H:%M").to_string(),
                language: new.language.clone(),
                place: new
                    .place_id
                    .and_then(|p| institution.places.iter().find(|x| x.id == p))
                    .map(|p| format!("{}, {}", p.name, p.address))
                    .unwrap_or_default(),
                duration: new.duration_min,
                institution: institution.name.clone(),
                client_ref: new.client_ref.clone(),
                start: new.start_at,
                end: new.start_at + SignedDuration::from_mins(i64::from(new.duration_min)),
                id,
            };
            vec![notify::mail(app, "request-received", &me, &facts, &[])]
        } else {
            Vec::new()
        };
        ids.push(db::create(&app.db, actor.tenant_id, &new, now, &h, &mails).await?);
    }
    for id in &ids {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id,
            request_id: *id,
            kind: crate::ChangeKind::Created,
        });
    }
    Ok(ids)
}

/// Creates a request; see [`create_series`].
pub async fn create(
    app: &App,
    actor: &Actor,
    institution_id: Option<Uuid>,
    input: &RequestInput,
) -> Result<Uuid> {
    create_series(app, actor, institution_id, input, None)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
}

/// Cancels one occurrence of a series, this and the following ones, or all; occurrences
/// that can no longer be cancelled (done, cancelled) are left as they are.
pub async fn cancel_scoped(
    app: &App,
    actor: &Actor,
    id: Uuid,
    reason: &str,
    scope: mittler_domain::series::Scope,
) -> Result<(Status, bool, usize)> {
    let row = load(app, actor, id).await?;
    let (status, billable) = cancel(app, actor, id, reason).await?;
    let mut n = 1;
    if let (Some(series), Some(at)) = (row.series_id, row.series_index)
        && scope != mittler_domain::series::Scope::One
    {
        for other in db::series(&app.db, actor.tenant_id, series).await? {
            let idx = other.series_index.unwrap_or(-1);
            if other.id != id
                && scope.covers(at, idx)
                && !other.status()?.is_final()
                && cancel(app, actor, other.id, reason).await.is_ok()
            {
                n += 1;
            }
        }
    }
    Ok((status, billable, n))
}

/// The filters of the request lists.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: Option<Status>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub language: Option<String>,
    pub sector: Option<String>,
    pub institution_id: Option<Uuid>,
    /// Only those after this one in the list's order (start, id): the next page.
    pub after: Option<(Timestamp, Uuid)>,
    /// At most this many (default and most: 2,000).
    pub limit: Option<i64>,
}

/// The requests the actor may see.
pub async fn list(app: &App, actor: &Actor, f: &ListFilter) -> Result<Vec<RequestView>> {
    crate::audit::read(
        app,
        actor,
        "request-list",
        None,
        list_unaudited(app, actor, f),
    )
    .await
}

async fn list_unaudited(app: &App, actor: &Actor, f: &ListFilter) -> Result<Vec<RequestView>> {
    let mut filter = db::Filter {
        institution_id: f.institution_id,
        mediator_id: None,
        status: f.status,
        from: f.from,
        to: f.to,
        language: f.language.clone(),
        sector: f.sector.clone(),
        after: f.after,
    };
    if actor.may(Action::RunMediation) {
        // The whole tenant.
    } else if actor.may(Action::FollowRequests) {
        filter.institution_id = Some(actor.institution_id.ok_or(AppError::Forbidden)?);
    } else if actor.may(Action::ServeAsMediator) {
        filter.mediator_id = Some(actor.mediator_id.ok_or(AppError::Forbidden)?);
    } else {
        return Err(AppError::Forbidden);
    }
    let limit = f.limit.unwrap_or(2000).clamp(1, 2000);
    let rows = db::list(&app.db, actor.tenant_id, &filter, limit).await?;
    views(app, actor.tenant_id, rows).await
}

pub use mittler_db::requests::Attention;

/// The coordinator's desk: how many requests need a hand, per need.
pub async fn desk(app: &App, actor: &Actor) -> Result<Vec<(Attention, i64)>> {
    actor.require(Action::RunMediation)?;
    Ok(db::desk(&app.db, actor.tenant_id, app.now()).await?)
}

/// The requests of one need, soonest first.
pub async fn needing(app: &App, actor: &Actor, need: Attention) -> Result<Vec<RequestView>> {
    actor.require(Action::RunMediation)?;
    let rows = db::needing(&app.db, actor.tenant_id, need, app.now()).await?;
    views(app, actor.tenant_id, rows).await
}

/// Adds names to rows (institutions, places and mediators of the tenant, loaded once).
pub async fn views(app: &App, tenant: Uuid, rows: Vec<RequestRow>) -> Result<Vec<RequestView>> {
    let insts = crate::cache::institutions(app, tenant).await?;
    let meds: HashMap<Uuid, String> = if rows.iter().any(|r| r.mediator_id.is_some()) {
        // The pool is cached (checked against its fingerprint): the inbox shows it on every load.
        crate::cache::pool(app, tenant)
            .await?
            .iter()
            .map(|m| (m.id, m.name.clone()))
            .collect()
    } else {
        HashMap::new()
    };
    rows.into_iter()
        .map(|row| {
            let inst = insts.iter().find(|i| i.id == row.institution_id);
            let place = row.place_id.and_then(|p| {
                inst.and_then(|i| i.places.iter().find(|x| x.id == p))
                    .map(|x| (x.name.clone(), x.address.clone()))
            });
            Ok(RequestView {
                status: row.status()?,
                institution: inst.map(|i| i.name.clone()).unwrap_or_default(),
                institution_contact: inst.map(|i| i.contact.clone()).unwrap_or_default(),
                institution_phone: inst.map(|i| i.phone.clone()).unwrap_or_default(),
                place,
                mediator: row
                    .mediator_id
                    .map(|m| (m, meds.get(&m).cloned().unwrap_or_default())),
                row,
            })
        })
        .collect()
}

/// What an invited (not yet assigned) mediator may read of a request: time, place,
/// language, sector and the institution with its desk's number (to ask before saying
/// yes); the notes and the client's reference only once assigned.
pub(crate) fn only_while_invited(view: &mut RequestView) {
    view.row.notes = None;
    view.row.client_ref = String::new();
}

/// Whether the actor may see this request at all.
async fn may_see(app: &App, actor: &Actor, row: &RequestRow) -> Result<bool> {
    Ok(if actor.may(Action::RunMediation) {
        true
    } else if actor.may(Action::FollowRequests) {
        actor.institution_id == Some(row.institution_id)
    } else if actor.may(Action::ServeAsMediator) {
        // Assigned, or invited right now: nothing after declining, expiry or withdrawal.
        match actor.mediator_id {
            Some(m) if row.mediator_id == Some(m) => true,
            Some(m) => {
                let now = app.now();
                db::invitations_of(&app.db, actor.tenant_id, row.id)
                    .await?
                    .iter()
                    .any(|i| i.mediator_id == m && i.status == "open" && i.expires_at.0 > now)
            }
            None => false,
        }
    } else {
        false
    })
}

async fn load(app: &App, actor: &Actor, id: Uuid) -> Result<RequestRow> {
    let row = db::get(&app.db, actor.tenant_id, id).await?;
    if !may_see(app, actor, &row).await? {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// A request's details, as far as the actor may see them (read audited).
pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<Detail> {
    crate::audit::read(
        app,
        actor,
        "request",
        Some(id),
        get_unaudited(app, actor, id),
    )
    .await
}

/// The request its creator has just made, as the answer to creating it: not audited as a
/// read, since nobody's data is shown but what the creator sent (the history names them).
pub async fn created(app: &App, actor: &Actor, id: Uuid) -> Result<Detail> {
    get_unaudited(app, actor, id).await
}

async fn get_unaudited(app: &App, actor: &Actor, id: Uuid) -> Result<Detail> {
    let row = load(app, actor, id).await?;
    let mut view = views(app, actor.tenant_id, vec![row])
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let mut history = db::history(&app.db, actor.tenant_id, id).await?;
    // A mediator who is only invited sees time, place, institution, language and
    // sector; notes, client reference and history once assigned.
    let assigned = actor.mediator_id.is_some() && view.row.mediator_id == actor.mediator_id;
    if actor.may(Action::ServeAsMediator) && !actor.may(Action::RunMediation) && !assigned {
        only_while_invited(&mut view);
        history.clear();
    }
    let invitations = if actor.may(Action::RunMediation) {
        let invitations = db::invitations_of(&app.db, actor.tenant_id, id).await?;
        // Names from the cached pool, and only when someone was invited.
        let pool = if invitations.is_empty() {
            None
        } else {
            Some(crate::cache::pool(app, actor.tenant_id).await?)
        };
        invitations
            .into_iter()
            .map(|i| {
                let name = pool
                    .iter()
                    .flat_map(|p| p.iter())
                    .find(|m| m.id == i.mediator_id)
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
                (i, name)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Detail {
        view,
        history,
        invitations,
    })
}

fn conflict(what: &str) -> AppError {
    AppError::Conflict(what.into())
}

/// Cancels with a reason; billable when the institution cancels inside the notice period.
pub async fn cancel(app: &App, actor: &Actor, id: Uuid, reason: &str) -> Result<(Status, bool)> {
    let row = load(app, actor, id).await?;
    let by = if actor.may(Action::RunMediation) {
        CancelledBy::Centre
    } else if actor.may(Action::BookRequests) {
        CancelledBy::Institution
    } else {
        return Err(AppError::Forbidden);
    };
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single("reason", "required")));
    }
    let from = row.status()?;
    if next(from, Event::Cancel).is_none() {
        return Err(conflict("status"));
    }
    let now = app.now();
    let notice = db::notice_hours(&app.db, actor.tenant_id).await?;
    let billable = request::cancellation_billable(by, now, row.start_at.0, notice);
    let h = entry(
        actor,
        now,
        Event::Cancel,
        Some(from),
        Status::Cancelled,
        row.mediator_id,
        Some(reason.chars().take(500).collect()),
    );
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "cancelled",
        &[To::Booker, To::Mediator(row.mediator_id)],
        &[("reason", reason.to_owned())],
    )
    .await;
    if db::cancel(
        &app.db,
        actor.tenant_id,
        id,
        from,
        by.as_str(),
        billable,
        &h,
        &mails,
    )
    .await?
    {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Cancelled,
        });
        crate::funds::follow(crate::funds::on_ended(app, actor.tenant_id, id)).await;
        Ok((Status::Cancelled, billable))
    } else {
        Err(conflict("status"))
    }
}

/// The coordinators of a tenant, to be told what needs their attention.
use crate::notify::coordinators;

/// Who is told of an event of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum To {
    /// The account that booked the request.
    Booker,
    /// The mediator, when there is one.
    Mediator(Option<Uuid>),
    /// The coordinators of the centre.
    Coordination,
}

/// The mails of one event, to each of `whom` in their language.
async fn tell(
    app: &App,
    tenant: Uuid,
    row: &RequestRow,
    kind: &str,
    whom: &[To],
    extra: &[(&'static str, String)],
) -> Vec<NewMail> {
    let facts = notify::facts(app, tenant, row).await;
    let mut to = Vec::new();
    for w in whom {
        match *w {
            To::Booker => to.extend(notify::booker(app, tenant, row).await),
            To::Mediator(Some(m)) => to.extend(notify::mediator(app, tenant, m).await),
            To::Mediator(None) => {}
            To::Coordination => to.extend(coordinators(app, tenant).await),
        }
    }
    to.iter()
        .map(|r| notify::mail(app, kind, r, &facts, extra))
        .collect()
}

/// Moves a request (and, for a series, this and the following or all occurrences) to a new
/// local time of day and duration. Occurrences already confirmed, done or cancelled stay
/// as they are and are counted as skipped. Returns (changed, skipped).
pub async fn reschedule(
    app: &App,
    actor: &Actor,
    id: Uuid,
    time: &str,
    duration_min: i64,
    scope: mittler_domain::series::Scope,
) -> Result<(usize, usize)> {
    let row = load(app, actor, id).await?;
    actor.require(Action::BookRequests)?;
    let mut e = FieldErrors::new();
    let minute = mittler_domain::mediator::parse_hhmm(time).filter(|m| *m < 24 * 60);
    if minute.is_none() {
        e.add("time", "invalid-time");
    }
    if !(15..=480).contains(&duration_min) {
        e.add("duration_min", "duration-range");
    }
    let Some(minute) = minute else {
        return Err(AppError::Invalid(e));
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let targets = match (row.series_id, row.series_index) {
        (Some(series), Some(at)) => db::series(&app.db, actor.tenant_id, series)
            .await?
            .into_iter()
            .filter(|r| scope.covers(at, r.series_index.unwrap_or(-1)))
            .collect(),
        _ => vec![row],
    };
    let tz = zone();
    let now = app.now();
    let (mut changed, mut skipped) = (0, 0);
    for r in targets {
        let from = r.status()?;
        let local_day: jiff::civil::Date = r
            .local_date
            .parse()
            .map_err(|e: jiff::Error| AppError::Internal(e.to_string()))?;
        let hour = i8::try_from(minute / 60).unwrap_or(0);
        let min = i8::try_from(minute % 60).unwrap_or(0);
        let start = local_day
            .at(hour, min, 0, 0)
            .to_zoned(tz.clone())
            .map_err(|e| AppError::Internal(e.to_string()))?
            .timestamp();
        if next(from, Event::Reschedule).is_none() || start <= now {
            skipped += 1;
            continue;
        }
        let reason = Some(format!("{} {time}, {duration_min} min", local_day));
        let h = entry(
            actor,
            now,
            Event::Reschedule,
            Some(from),
            Status::Open,
            None,
            reason,
        );
        let dur = i32::try_from(duration_min).unwrap_or(60);
        if db::reschedule(
            &app.db,
            actor.tenant_id,
            r.id,
            from,
            start,
            &r.local_date,
            dur,
            &h,
            &[],
        )
        .await?
        {
            app.publish(crate::Change {
                tenant_id: actor.tenant_id,
                institution_id: r.institution_id,
                request_id: r.id,
                kind: crate::ChangeKind::Reopened,
            });
            crate::funds::follow(crate::funds::on_ended(app, actor.tenant_id, r.id)).await;
            changed += 1;
        } else {
            skipped += 1;
        }
    }
    Ok((changed, skipped))
}
