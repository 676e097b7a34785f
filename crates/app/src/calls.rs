//! Interpreting now (`remote.md`): mediators go on call; an institution calls for a
//! language; every mediator on call who may serve it is told at once (live pages and
//! push); the first to accept wins; the call ends, or nobody answers in time and the
//! caller chooses what next. Stored are language, sector, institution, client reference,
//! times, duration and who answered; nothing of the conversation.

mod on_call;

pub use on_call::*;

use crate::i18n::Lang;
use crate::local_time::zone;
use crate::signal::{Side, Signal};
use crate::{Actor, App, AppError, Result};
use jiff::{SignedDuration, Timestamp};
use mittler_db::calls::{self as db, CallRow};
use mittler_domain::call::{self as rules, CallInput, CallStatus, Ring};
use mittler_domain::matching::Booked;
use mittler_domain::mediator::Sector;
use mittler_domain::request::RequestInput;
use mittler_domain::{Action, FieldErrors};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// What changed about a call, for live pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallChange {
    Ringing,
    Taken,
    Missed,
    Ended,
}

impl CallChange {
    pub fn as_str(self) -> &'static str {
        match self {
            CallChange::Ringing => "ringing",
            CallChange::Taken => "taken",
            CallChange::Missed => "missed",
            CallChange::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<CallChange> {
        [
            CallChange::Ringing,
            CallChange::Taken,
            CallChange::Missed,
            CallChange::Ended,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// A change of a call, for the live pages of the mediators told of it.
#[derive(Debug, Clone)]
pub struct CallEvent {
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub change: CallChange,
    /// The mediators told of it.
    pub told: Arc<Vec<Uuid>>,
}

/// A call as its people see it.
#[derive(Debug, Clone)]
pub struct CallView {
    pub row: CallRow,
    pub status: CallStatus,
    pub institution: String,
    /// The number the mediator calls for a phone call: the one given, else the institution's.
    pub callback_phone: String,
    /// The mediator who answered.
    pub mediator: Option<String>,
    /// The viewer's side of the call (none for a coordinator watching, or a mediator it
    /// rings for).
    pub side: Option<Side>,
    /// When it stops ringing (while it rings).
    pub rings_until: Option<Timestamp>,
}

impl CallView {
    /// Where the viewer joins the call (both sides, once connected).
    pub fn join_url(&self) -> Option<String> {
        (self.status == CallStatus::Connected && self.side.is_some())
            .then(|| format!("/call/{}", self.row.id))
    }
}

fn status_of(row: &CallRow) -> Result<CallStatus> {
    CallStatus::parse(&row.status)
        .ok_or_else(|| AppError::Internal(format!("call status {}", row.status)))
}

async fn answer_s(app: &App, tenant: Uuid) -> Result<i64> {
    Ok(i64::from(
        mittler_db::tenants::settings(&app.db, tenant)
            .await?
            .call_answer_s,
    ))
}

/// The viewer's side, or whether they may see the call at all (`Err(NotFound)`).
async fn side_of(app: &App, actor: &Actor, row: &CallRow) -> Result<Option<Side>> {
    if actor.mediator_id.is_some() && row.mediator_id == actor.mediator_id {
        return Ok(Some(Side::Mediator));
    }
    if actor.may(Action::RunMediation) {
        return Ok((row.created_by == Some(actor.user_id)).then_some(Side::Caller));
    }
    if actor.may(Action::FollowRequests) && actor.institution_id == Some(row.institution_id) {
        return Ok(Some(Side::Caller));
    }
    if let Some(m) = actor.mediator_id
        && row.status == CallStatus::Ringing.as_str()
        && db::was_told(&app.db, actor.tenant_id, row.id, m).await?
    {
        return Ok(None);
    }
    Err(AppError::NotFound)
}

async fn view(app: &App, actor: &Actor, row: CallRow) -> Result<CallView> {
    let side = side_of(app, actor, &row).await?;
    let tenant = actor.tenant_id;
    let institution = mittler_db::institutions::get(&app.db, tenant, row.institution_id).await?;
    let mediator = match row.mediator_id {
        Some(m) => Some(mittler_db::mediators::get(&app.db, tenant, m).await?.name),
        None => None,
    };
    let status = status_of(&row)?;
    let rings_until = if status == CallStatus::Ringing {
        row.ringing_since
            .0
            .checked_add(SignedDuration::from_secs(answer_s(app, tenant).await?))
            .ok()
    } else {
        None
    };
    Ok(CallView {
        callback_phone: row
            .callback_phone
            .clone()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| institution.phone.clone()),
        institution: institution.name,
        mediator,
        side,
        status,
        rings_until,
        row,
    })
}

/// Tells live pages and the call's own channel that a call changed.
fn publish(app: &App, tenant: Uuid, call: Uuid, change: CallChange, told: Arc<Vec<Uuid>>) {
    crate::bus::publish(
        app,
        crate::bus::Message::Call(CallEvent {
            tenant_id: tenant,
            call_id: call,
            change,
            told,
        }),
    );
    crate::bus::publish(
        app,
        crate::bus::Message::Signal(
            call,
            Signal {
                from: Side::Server,
                kind: "status".into(),
                data: change.as_str().into(),
            },
        ),
    );
}

/// The mediators on call now who may take a call of `ring` (free, able, not in a call).
async fn reachable(app: &App, tenant: Uuid, ring: &Ring, now: Timestamp) -> Result<Vec<Uuid>> {
    begin_planned(app, Some(tenant), now).await?;
    let on: Vec<Uuid> = db::on_call_now(&app.db, tenant, now)
        .await?
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    if on.is_empty() {
        return Ok(Vec::new());
    }
    let busy = db::in_calls(&app.db, tenant).await?;
    let places = crate::cache::places(app, tenant).await?;
    let mut days: HashMap<Uuid, Vec<Booked>> = HashMap::new();
    for r in mittler_db::requests::booked_on(&app.db, tenant, &ring.date.to_string(), None).await? {
        if let Some(m) = r.mediator_id {
            days.entry(m)
                .or_default()
                .push(crate::requests::booked(&r, &places)?);
        }
    }
    let pool = crate::cache::pool(app, tenant).await?;
    Ok(pool
        .iter()
        .filter(|m| m.active && on.contains(&m.id) && !busy.contains(&m.id))
        .filter(|m| {
            let day = days.get(&m.id).map(Vec::as_slice).unwrap_or_default();
            rules::may_take(m, ring, day).is_ok()
        })
        .map(|m| m.id)
        .collect())
}

fn ring_of(
    language: &str,
    sector: Sector,
    gender: mittler_domain::matching::GenderPreference,
    now: Timestamp,
) -> Ring {
    let local = now.to_zoned(zone());
    Ring {
        language: language.to_owned(),
        sector,
        gender,
        date: local.date(),
        weekday: u8::try_from(local.weekday().to_monday_one_offset()).unwrap_or(1),
        minute: u32::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute()))
            .unwrap_or(0),
    }
}

fn ring_of_row(row: &CallRow, now: Timestamp) -> Result<Ring> {
    let sector =
        Sector::parse(&row.sector).ok_or_else(|| AppError::Internal("call sector".into()))?;
    let mut e = FieldErrors::new();
    let gender =
        mittler_domain::request::gender_preference(&mut e, &row.gender_pref, row.gender.as_deref());
    Ok(ring_of(&row.language, sector, gender, now))
}

/// Tells the mediators of a ringing call: their live pages at once, their phones by push,
/// and it is missed when nobody answers within the centre's answer time.
fn announce(
    app: &App,
    tenant: Uuid,
    row: &CallRow,
    institution: &str,
    told: Vec<Uuid>,
    answer_s: i64,
) {
    let told = Arc::new(told);
    publish(app, tenant, row.id, CallChange::Ringing, told.clone());
    let (app2, call, since) = (app.clone(), row.id, row.ringing_since.0);
    let (language, mode, institution) = (
        row.language.clone(),
        row.mode.clone(),
        institution.to_owned(),
    );
    tokio::spawn(async move {
        let message = |lang: &str| {
            let l = Lang::parse(lang).unwrap_or(Lang::De);
            crate::push::Message {
                title: l.t_args(
                    "call-push-title",
                    &[("language", l.language_name(&language))],
                ),
                body: l.t_args(
                    "call-push-body",
                    &[
                        ("institution", institution.clone()),
                        ("mode", l.t(&format!("mode-{mode}"))),
                    ],
                ),
                url: "/me/calls".into(),
                tag: format!("call-{call}"),
            }
        };
        if let Err(e) = crate::push::notify(&app2, tenant, &told, message).await {
            tracing::warn!(error = %e, "push messages of a call failed");
        }
    });
    // Missed after the answer time (the worker's sweep is the backstop).
    let app3 = app.clone();
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(
            u64::try_from(answer_s).unwrap_or(120),
        ))
        .await;
        if let Err(e) = settle(&app3, tenant, call, since).await {
            tracing::warn!(error = %e, "a ringing call could not be settled");
        }
    });
}

/// Marks a call missed when it rang since `since` for the centre's whole answer time.
async fn settle(app: &App, tenant: Uuid, call: Uuid, since: Timestamp) -> Result<bool> {
    let answer = answer_s(app, tenant).await?;
    if app.now().as_second() - since.as_second() < answer {
        return Ok(false);
    }
    let missed = db::miss(&app.db, tenant, call, since).await?;
    if missed {
        publish(app, tenant, call, CallChange::Missed, Arc::new(Vec::new()));
    }
    Ok(missed)
}

async fn row_settled(app: &App, tenant: Uuid, id: Uuid) -> Result<CallRow> {
    let row = db::get(&app.db, tenant, id).await?;
    if row.status == CallStatus::Ringing.as_str()
        && settle(app, tenant, id, row.ringing_since.0).await?
    {
        return Ok(db::get(&app.db, tenant, id).await?);
    }
    Ok(row)
}

/// Starts a call (institution users for their institution; the centre names one). Answers
/// `NobodyOnCall` at once when no mediator on call may take it.
pub async fn create(
    app: &App,
    actor: &Actor,
    institution_id: Option<Uuid>,
    input: &CallInput,
) -> Result<CallView> {
    actor.require(Action::BookRequests)?;
    let institution_id = if actor.may(Action::RunMediation) {
        institution_id
            .ok_or_else(|| AppError::Invalid(FieldErrors::single("institution_id", "required")))?
    } else {
        actor.institution_id.ok_or(AppError::Forbidden)?
    };
    let institution =
        match mittler_db::institutions::get(&app.db, actor.tenant_id, institution_id).await {
            Ok(i) if i.active => i,
            Ok(_) | Err(mittler_db::DbError::NotFound) => {
                return Err(AppError::Invalid(FieldErrors::single(
                    "institution_id",
                    "unknown",
                )));
            }
            Err(e) => return Err(e.into()),
        };
    let d = input.validate()?;
    let now = app.now();
    let tenant = actor.tenant_id;
    let ring = ring_of(d.language.as_str(), d.sector, d.gender, now);
    let told = reachable(app, tenant, &ring, now).await?;
    let (gender_pref, gender) = match d.gender {
        mittler_domain::matching::GenderPreference::None => ("none", None),
        mittler_domain::matching::GenderPreference::Wish(g) => ("wish", Some(g.as_str())),
        mittler_domain::matching::GenderPreference::Must(g) => ("must", Some(g.as_str())),
    };
    let call = db::NewCall {
        id: Uuid::new_v4(),
        institution_id,
        mode: d.mode.as_str(),
        language: d.language.as_str().to_owned(),
        sector: d.sector.as_str(),
        gender_pref,
        gender,
        client_ref: d.client_ref.clone().unwrap_or_default(),
        callback_phone: d.callback_phone.clone(),
        created_by: actor.user_id,
    };
    db::insert(&app.db, tenant, &call, &told, now).await?;
    if told.is_empty() {
        return Err(AppError::NobodyOnCall);
    }
    let row = db::get(&app.db, tenant, call.id).await?;
    announce(
        app,
        tenant,
        &row,
        &institution.name,
        told,
        answer_s(app, tenant).await?,
    );
    view(app, actor, row).await
}

/// A call, for those who may see it (else not found).
pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<CallView> {
    if !(actor.may(Action::FollowRequests) || actor.may(Action::ServeAsMediator)) {
        return Err(AppError::Forbidden);
    }
    let row = row_settled(app, actor.tenant_id, id).await?;
    view(app, actor, row).await
}

/// Calls for the viewer: a mediator's ringing calls (with `status = ringing`) or those
/// they answered; an institution's own; all of the centre's for coordinators.
pub async fn list(app: &App, actor: &Actor, status: Option<CallStatus>) -> Result<Vec<CallView>> {
    let tenant = actor.tenant_id;
    let rows = if actor.may(Action::ServeAsMediator) {
        let m = actor.mediator_id.ok_or(AppError::Forbidden)?;
        if status == Some(CallStatus::Ringing) {
            let mut rows = Vec::new();
            for r in db::ringing_for(&app.db, tenant, m).await? {
                let r = row_settled(app, tenant, r.id).await?;
                if r.status == CallStatus::Ringing.as_str() {
                    rows.push(r);
                }
            }
            rows
        } else {
            let f = db::Filter {
                mediator: Some(m),
                status: status.map(|s| s.as_str().to_owned()),
                ..db::Filter::default()
            };
            db::list(&app.db, tenant, &f, 100).await?
        }
    } else if actor.may(Action::FollowRequests) {
        let institution = if actor.may(Action::RunMediation) {
            None
        } else {
            Some(actor.institution_id.ok_or(AppError::Forbidden)?)
        };
        let f = db::Filter {
            institution,
            status: status.map(|s| s.as_str().to_owned()),
            ..db::Filter::default()
        };
        db::list(&app.db, tenant, &f, 100).await?
    } else {
        return Err(AppError::Forbidden);
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(view(app, actor, r).await?);
    }
    Ok(out)
}

/// Takes a ringing call: the first mediator wins, every other gets `Conflict`.
pub async fn accept(app: &App, actor: &Actor, id: Uuid) -> Result<CallView> {
    actor.require(Action::ServeAsMediator)?;
    let m = actor.mediator_id.ok_or(AppError::Forbidden)?;
    let tenant = actor.tenant_id;
    if !db::was_told(&app.db, tenant, id, m).await? {
        return Err(AppError::NotFound);
    }
    let row = row_settled(app, tenant, id).await?;
    let now = app.now();
    let rang_after = now
        .checked_sub(SignedDuration::from_secs(answer_s(app, tenant).await?))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    if !db::accept(&app.db, tenant, id, m, now, rang_after).await? {
        return Err(AppError::Conflict(format!("call {}", row.status)));
    }
    publish(app, tenant, id, CallChange::Taken, Arc::new(Vec::new()));
    view(app, actor, db::get(&app.db, tenant, id).await?).await
}

/// Ends a call (either side, or the centre). Ending again changes nothing. An answered
/// call leaves its record: a completed remote request that is billed by the call's mode.
pub async fn end(app: &App, actor: &Actor, id: Uuid) -> Result<CallView> {
    let v = get(app, actor, id).await?;
    if v.side.is_none() && !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    let tenant = actor.tenant_id;
    let now = app.now();
    let record = v.row.answered_at.map(|a| db::Record {
        request_id: Uuid::new_v4(),
        local_date: a.0.to_zoned(zone()).date().to_string(),
        duration_min: i32::try_from(
            mittler_domain::billing::price::call_minutes(rules::duration_s(a.0, now)).max(1),
        )
        .unwrap_or(i32::MAX),
    });
    if db::end(&app.db, tenant, id, now, record.as_ref()).await? {
        publish(app, tenant, id, CallChange::Ended, Arc::new(Vec::new()));
    }
    view(app, actor, db::get(&app.db, tenant, id).await?).await
}

/// The caller's side of a call: its institution's users or the coordinator who made it.
async fn callers_view(app: &App, actor: &Actor, id: Uuid) -> Result<CallView> {
    actor.require(Action::BookRequests)?;
    let v = get(app, actor, id).await?;
    if v.side != Some(Side::Caller) && !actor.may(Action::RunMediation) {
        return Err(AppError::Forbidden);
    }
    Ok(v)
}

/// Rings a missed call again for the mediators on call now.
pub async fn ring_again(app: &App, actor: &Actor, id: Uuid) -> Result<CallView> {
    let v = callers_view(app, actor, id).await?;
    if v.status != CallStatus::Missed || v.row.request_id.is_some() {
        return Err(AppError::Conflict(format!("call {}", v.row.status)));
    }
    let tenant = actor.tenant_id;
    let now = app.now();
    let told = reachable(app, tenant, &ring_of_row(&v.row, now)?, now).await?;
    if told.is_empty() {
        return Err(AppError::NobodyOnCall);
    }
    if !db::ring_again(&app.db, tenant, id, now, &told).await? {
        return Err(AppError::Conflict("call no longer missed".into()));
    }
    let row = db::get(&app.db, tenant, id).await?;
    announce(
        app,
        tenant,
        &row,
        &v.institution,
        told,
        answer_s(app, tenant).await?,
    );
    view(app, actor, row).await
}

/// What the caller books instead of a missed call: a video (or phone) appointment later,
/// or an on-site request at one of the institution's places.
#[derive(Debug, Clone, Default)]
pub struct Later {
    pub mode: String,
    pub start: String,
    pub duration_min: Option<i64>,
    pub place_id: Option<Uuid>,
    pub notes: Option<String>,
}

/// Books a request in place of a missed call (or one nobody was on call for), with the
/// call's language, sector, gender preference and client reference.
pub async fn to_request(app: &App, actor: &Actor, id: Uuid, later: &Later) -> Result<Uuid> {
    let v = callers_view(app, actor, id).await?;
    if !matches!(v.status, CallStatus::Missed | CallStatus::Nobody) || v.row.request_id.is_some() {
        return Err(AppError::Conflict(format!("call {}", v.row.status)));
    }
    let input = RequestInput {
        place_id: later.place_id,
        mode: later.mode.clone(),
        language: v.row.language.clone(),
        sector: v.row.sector.clone(),
        start: later.start.clone(),
        duration_min: later.duration_min,
        gender_preference: v.row.gender_pref.clone(),
        gender: v.row.gender.clone(),
        priority: None,
        client_ref: Some(v.row.client_ref.clone()).filter(|c| !c.is_empty()),
        preferred_mediator_id: None,
        notes: later.notes.clone(),
    };
    let request = crate::requests::create(app, actor, Some(v.row.institution_id), &input).await?;
    if !db::link_request(&app.db, actor.tenant_id, id, request).await? {
        return Err(AppError::Conflict("call already has a request".into()));
    }
    Ok(request)
}

/// The worker's part: calls ringing past the answer time are missed; on-call plans begin.
pub async fn sweep(app: &App) -> Result<usize> {
    let now = app.now();
    begin_planned(app, None, now).await?;
    let mut missed = 0;
    for (tenant, id, _, since, answer) in db::ringing(&app.db).await? {
        if now.as_second() - since.0.as_second() >= i64::from(answer)
            && db::miss(&app.db, tenant, id, since.0).await?
        {
            publish(app, tenant, id, CallChange::Missed, Arc::new(Vec::new()));
            missed += 1;
        }
    }
    Ok(missed)
}

/// Passes a browser's signalling message to the other side of a connected call.
pub async fn signal(app: &App, actor: &Actor, id: Uuid, kind: &str, data: &str) -> Result<()> {
    let v = get(app, actor, id).await?;
    let Some(side) = v.side else {
        return Err(AppError::NotFound);
    };
    let mut e = FieldErrors::new();
    if !crate::signal::KINDS.contains(&kind) {
        e.add("kind", "invalid");
    }
    if data.len() > crate::signal::MAX_BYTES {
        e.add("data", "too-long");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    if v.status != CallStatus::Connected {
        return Err(AppError::Conflict(format!("call {}", v.row.status)));
    }
    crate::bus::publish(
        app,
        crate::bus::Message::Signal(
            id,
            Signal {
                from: side,
                kind: kind.to_owned(),
                data: data.to_owned(),
            },
        ),
    );
    Ok(())
}

/// Joins a call's channel: the viewer's side and what the other side (and Mittler) sends.
pub async fn join(
    app: &App,
    actor: &Actor,
    id: Uuid,
) -> Result<(CallView, tokio::sync::broadcast::Receiver<Signal>)> {
    let rx = app.signals.listen(id);
    let v = get(app, actor, id).await?;
    if v.side.is_none() {
        return Err(AppError::NotFound);
    }
    Ok((v, rx))
}
