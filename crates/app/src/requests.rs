//! Requests end to end: create, list, show with history, candidates, invite, assign,
//! accept, decline, drop out, cancel, time sheet, and the sweep for expiry and unfilled.

use crate::notify::{self, Recipient};
use crate::{Actor, App, AppError, Result};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use mittler_db::outbox::NewMail;
use mittler_db::requests::{self as db, Answer, HistoryEntry, Mediator as Med, RequestRow};
use mittler_db::{institutions, mediators};
use mittler_domain::matching::{self, Booked, GenderPreference, Need, Point, Reason};
use mittler_domain::mediator::{Gender, Mediator, Sector};
use mittler_domain::request::{self, CancelledBy, Event, Mode, RequestInput, Status, next};
use mittler_domain::{Action, FieldErrors, Role};
use std::collections::HashMap;
use uuid::Uuid;

/// The tenants' zone: local times, days and weekly availability are in it.
pub fn zone() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC)
}

/// An instant as the centre's local date and time for people (`24.12.2026 09:30`).
pub fn local_text(t: jiff::Timestamp) -> String {
    t.to_zoned(zone()).strftime("%d.%m.%Y %H:%M").to_string()
}

/// A request as the layers above see it.
#[derive(Debug, Clone)]
pub struct RequestView {
    pub row: RequestRow,
    pub status: Status,
    pub institution: String,
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
}

/// The requests the actor may see.
pub async fn list(app: &App, actor: &Actor, f: &ListFilter) -> Result<Vec<RequestView>> {
    let mut filter = db::Filter {
        institution_id: f.institution_id,
        mediator_id: None,
        status: f.status,
        from: f.from,
        to: f.to,
        language: f.language.clone(),
        sector: f.sector.clone(),
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
    let rows = db::list(&app.db, actor.tenant_id, &filter, 2000).await?;
    views(app, actor.tenant_id, rows).await
}

/// Adds names to rows (institutions, places and mediators of the tenant, loaded once).
pub async fn views(app: &App, tenant: Uuid, rows: Vec<RequestRow>) -> Result<Vec<RequestView>> {
    let insts = institutions::list(&app.db, tenant).await?;
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
                place,
                mediator: row
                    .mediator_id
                    .map(|m| (m, meds.get(&m).cloned().unwrap_or_default())),
                row,
            })
        })
        .collect()
}

/// Whether the actor may see this request at all.
async fn may_see(app: &App, actor: &Actor, row: &RequestRow) -> Result<bool> {
    Ok(if actor.may(Action::RunMediation) {
        true
    } else if actor.may(Action::FollowRequests) {
        actor.institution_id == Some(row.institution_id)
    } else if actor.may(Action::ServeAsMediator) {
        match actor.mediator_id {
            Some(m) if row.mediator_id == Some(m) => true,
            Some(m) => db::invitations_of(&app.db, actor.tenant_id, row.id)
                .await?
                .iter()
                .any(|i| i.mediator_id == m),
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

pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<Detail> {
    let row = load(app, actor, id).await?;
    let view = views(app, actor.tenant_id, vec![row])
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let history = db::history(&app.db, actor.tenant_id, id).await?;
    let invitations = if actor.may(Action::RunMediation) {
        let meds: HashMap<Uuid, String> = mediators::list(&app.db, actor.tenant_id)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        db::invitations_of(&app.db, actor.tenant_id, id)
            .await?
            .into_iter()
            .map(|i| {
                let name = meds.get(&i.mediator_id).cloned().unwrap_or_default();
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
        true,
        row.mediator_id,
        false,
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
        Ok((Status::Cancelled, billable))
    } else {
        Err(conflict("status"))
    }
}

/// A ranked candidate or an excluded mediator with every reason.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub mediator_id: Uuid,
    pub name: String,
    pub score: i64,
    pub travel_min: u32,
    pub continuity: bool,
    pub week_min: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub candidates: Vec<Candidate>,
    pub excluded: Vec<(Uuid, String, Vec<Reason>)>,
}

/// The matching view of a stored request.
fn need_of(row: &RequestRow, places: &HashMap<Uuid, Point>) -> Result<Need> {
    let local = row.start_at.0.to_zoned(zone());
    let mode =
        Mode::parse(&row.mode).ok_or_else(|| AppError::Internal(format!("mode {}", row.mode)))?;
    let sector = Sector::parse(&row.sector)
        .ok_or_else(|| AppError::Internal(format!("sector {}", row.sector)))?;
    let gender = match (
        row.gender_pref.as_str(),
        row.gender.as_deref().and_then(Gender::parse),
    ) {
        ("wish", Some(g)) => GenderPreference::Wish(g),
        ("must", Some(g)) => GenderPreference::Must(g),
        _ => GenderPreference::None,
    };
    let start_min =
        u32::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute())).unwrap_or(0);
    Ok(Need {
        id: row.id,
        language: row.language.clone(),
        sector,
        gender,
        location: request::location(mode, row.place_id.and_then(|p| places.get(&p).copied())),
        date: local.date(),
        weekday: u8::try_from(local.weekday().to_monday_one_offset()).unwrap_or(1),
        start_min,
        duration_min: u32::try_from(row.duration_min).unwrap_or(0),
        excluded: row.excluded()?,
        preferred: row.preferred_mediator_id,
    })
}

fn booked(row: &RequestRow, places: &HashMap<Uuid, Point>) -> Result<Booked> {
    let n = need_of(row, places)?;
    Ok(Booked {
        start_min: n.start_min,
        duration_min: n.duration_min,
        location: n.location,
    })
}

/// Everything matching needs for one request: the need, the pool, each mediator's day.
struct Pool {
    need: Need,
    /// Every mediator of the tenant; inactive ones are skipped when ranking.
    mediators: std::sync::Arc<Vec<Mediator>>,
    days: HashMap<Uuid, Vec<Booked>>,
    week: HashMap<Uuid, u32>,
}

async fn pool(app: &App, tenant: Uuid, row: &RequestRow) -> Result<Pool> {
    let places = crate::cache::places(app, tenant).await?;
    let need = need_of(row, &places)?;
    let mut days: HashMap<Uuid, Vec<Booked>> = HashMap::new();
    for r in db::booked_on(&app.db, tenant, &row.local_date, None).await? {
        if r.id == row.id {
            continue;
        }
        if let Some(m) = r.mediator_id {
            days.entry(m).or_default().push(booked(&r, &places)?);
        }
    }
    let monday = need
        .date
        .checked_sub(SignedDuration::from_hours(
            24 * i64::from(need.weekday.saturating_sub(1)),
        ))
        .unwrap_or(need.date);
    let sunday = monday
        .checked_add(SignedDuration::from_hours(24 * 6))
        .unwrap_or(need.date);
    let week = db::booked_minutes(&app.db, tenant, &monday.to_string(), &sunday.to_string())
        .await?
        .into_iter()
        .map(|(m, min)| (m, u32::try_from(min).unwrap_or(u32::MAX)))
        .collect();
    let mediators = crate::cache::pool(app, tenant).await?;
    Ok(Pool {
        need,
        mediators,
        days,
        week,
    })
}

fn rank(p: &Pool) -> Candidates {
    let mut out = Candidates::default();
    for m in p.mediators.iter().filter(|m| m.active) {
        let day = p.days.get(&m.id).map(Vec::as_slice).unwrap_or(&[]);
        match matching::check(m, &p.need, day) {
            Ok(fit) => {
                let week_min = p.week.get(&m.id).copied().unwrap_or(0);
                out.candidates.push(Candidate {
                    mediator_id: m.id,
                    name: m.name.clone(),
                    score: matching::score(&fit, week_min),
                    travel_min: fit.travel_min,
                    continuity: fit.continuity,
                    week_min,
                });
            }
            Err(reasons) => out.excluded.push((m.id, m.name.clone(), reasons)),
        }
    }
    out.candidates
        .sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    out
}

pub async fn candidates(app: &App, actor: &Actor, id: Uuid) -> Result<Candidates> {
    let row = load(app, actor, id).await?;
    actor.require(Action::RunMediation)?;
    Ok(rank(&pool(app, actor.tenant_id, &row).await?))
}

/// Checks one mediator against the request: `Ok` or 409 with the reasons.
async fn check_one(app: &App, tenant: Uuid, row: &RequestRow, mediator: Uuid) -> Result<()> {
    let p = pool(app, tenant, row).await?;
    let Some(m) = p.mediators.iter().find(|m| m.id == mediator && m.active) else {
        return Err(AppError::Invalid(FieldErrors::single(
            "mediator_id",
            "unknown",
        )));
    };
    let day = p.days.get(&m.id).map(Vec::as_slice).unwrap_or(&[]);
    matching::check(m, &p.need, day)
        .map(|_| ())
        .map_err(AppError::Unavailable)
}

/// Invites one or several mediators; the first to accept wins.
pub async fn invite(
    app: &App,
    actor: &Actor,
    id: Uuid,
    mediator_ids: &[Uuid],
    expires_in_min: i64,
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
        check_one(app, actor.tenant_id, &row, *m).await?;
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
            let until = expires
                .to_zoned(zone())
                .strftime("%d.%m.%Y %H:%M")
                .to_string();
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
    check_one(app, actor.tenant_id, &row, mediator).await?;
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
        true,
        Some(mediator),
        false,
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
        Ok(Status::Confirmed)
    } else {
        Err(conflict("status"))
    }
}

/// An open invitation of a mediator, with its request.
pub struct OpenInvitation {
    pub invitation: mittler_db::requests::InvitationRow,
    /// What the mediator can expect to be paid, in cents (the centre's allowance rule).
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
        let request = views(app, actor.tenant_id, vec![row])
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound)?;
        let expected_fee_cents = mittler_domain::fee::expected_cents(
            &rule,
            i64::from(request.row.duration_min),
            request.row.mode == "onsite",
        );
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
    check_one(app, actor.tenant_id, &row, me).await?;
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
        true,
        Some(me),
        false,
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
        false,
        None,
        true,
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
    let from = row.status()?;
    if from != Status::Confirmed {
        return Err(conflict("status"));
    }
    let now = app.now();
    let h = entry(
        actor,
        now,
        Event::DropOut,
        Some(from),
        Status::Open,
        row.mediator_id,
        Some(reason.trim().chars().take(500).collect()),
    );
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "dropped-out",
        false,
        None,
        true,
        &[("mediator", actor.name.clone())],
    )
    .await;
    if db::transition(&app.db, actor.tenant_id, id, from, Med::Clear, &h, &mails).await? {
        app.publish(crate::Change {
            tenant_id: actor.tenant_id,
            institution_id: row.institution_id,
            request_id: id,
            kind: crate::ChangeKind::Reopened,
        });
        Ok(Status::Open)
    } else {
        Err(conflict("status"))
    }
}

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
    let mails = tell(
        app,
        actor.tenant_id,
        &row,
        "timesheet",
        true,
        None,
        false,
        &[],
    )
    .await;
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

/// Expires due invitations and marks past requests without a mediator as unfilled.
/// Returns how many invitations and requests changed.
pub async fn sweep(app: &App) -> Result<(usize, usize)> {
    let now = app.now();
    let mut expired = 0;
    for (tenant, inv) in db::due_invitations(&app.db, now).await? {
        let mails = match db::invitation(&app.db, tenant, inv).await {
            Ok(i) => match db::get(&app.db, tenant, i.request_id).await {
                Ok(row) => tell(app, tenant, &row, "expired", false, None, true, &[]).await,
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

/// The coordinators of a tenant, to be told what needs their attention.
async fn coordinators(app: &App, tenant: Uuid) -> Vec<Recipient> {
    mittler_db::users::list(&app.db, tenant)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|u| u.active && u.role == Role::Coordinator)
        .map(|u| Recipient {
            email: u.email,
            lang: crate::i18n::Lang::parse(&u.lang).unwrap_or(crate::i18n::Lang::De),
        })
        .collect()
}

/// The mails of one event: to the booker, a mediator and/or the coordinators.
#[allow(clippy::too_many_arguments)]
async fn tell(
    app: &App,
    tenant: Uuid,
    row: &RequestRow,
    kind: &str,
    booker: bool,
    mediator: Option<Uuid>,
    coordination: bool,
    extra: &[(&'static str, String)],
) -> Vec<NewMail> {
    let facts = notify::facts(app, tenant, row).await;
    let mut to = Vec::new();
    if booker && let Some(b) = notify::booker(app, tenant, row).await {
        to.push(b);
    }
    if let Some(m) = mediator
        && let Some(r) = notify::mediator(app, tenant, m).await
    {
        to.push(r);
    }
    if coordination {
        to.extend(coordinators(app, tenant).await);
    }
    to.iter()
        .map(|r| notify::mail(app, kind, r, &facts, extra))
        .collect()
}

/// Reminds booker and mediator the day before a confirmed appointment (once).
pub async fn send_reminders(app: &App) -> Result<usize> {
    let now = app.now();
    let until = now
        .checked_add(SignedDuration::from_hours(24))
        .unwrap_or(now);
    let mut sent = 0;
    for (tenant, row) in db::due_reminders(&app.db, now, until).await? {
        let mails = tell(
            app,
            tenant,
            &row,
            "reminder",
            true,
            row.mediator_id,
            false,
            &[],
        )
        .await;
        if db::mark_reminded(&app.db, tenant, row.id, now, &mails).await? {
            sent += 1;
        }
    }
    Ok(sent)
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
            changed += 1;
        } else {
            skipped += 1;
        }
    }
    Ok((changed, skipped))
}
