//! Being on call: now until a time, or by a weekly plan; who is on call per language;
//! the live stream of a mediator's ringing calls; and the figures of calls.

use super::{CallChange, CallEvent};
use crate::local_time::zone;
use crate::{Actor, App, AppError, Result};
use jiff::Timestamp;
use jiff::civil::Date;
use mittler_db::calls as db;
use mittler_domain::call::{self as rules, CallFact, CallFigures, CallStatus, OnCallFact};
use mittler_domain::mediator::{WeeklyWindow, WindowInput, validate_windows};
use mittler_domain::{Action, FieldErrors};
use std::collections::BTreeMap;
use tokio::sync::broadcast::{Receiver, error::RecvError};
use uuid::Uuid;

fn mediator_of(actor: &Actor) -> Result<Uuid> {
    actor.require(Action::ServeAsMediator)?;
    actor.mediator_id.ok_or(AppError::Forbidden)
}

/// A mediator's own on-call state.
#[derive(Debug, Clone)]
pub struct MyOnCall {
    /// On call until then (now).
    pub until: Option<Timestamp>,
    pub plan: Vec<WeeklyWindow>,
    /// Whether they serve by phone and video at all (only they can go on call).
    pub remote: bool,
    /// Devices that get a push when a call rings.
    pub push_devices: i64,
}

pub async fn mine(app: &App, actor: &Actor) -> Result<MyOnCall> {
    let m = mediator_of(actor)?;
    let now = app.now();
    begin_planned(app, Some(actor.tenant_id), now).await?;
    let until = db::on_call_now(&app.db, actor.tenant_id, now)
        .await?
        .into_iter()
        .find(|(id, _)| *id == m)
        .map(|(_, u)| u.0);
    let mediator = mittler_db::mediators::get(&app.db, actor.tenant_id, m).await?;
    Ok(MyOnCall {
        until,
        plan: plan_of(app, actor.tenant_id, m).await?,
        remote: mediator.remote,
        push_devices: db::subscriptions_of(&app.db, actor.tenant_id, actor.user_id).await?,
    })
}

async fn plan_of(app: &App, tenant: Uuid, m: Uuid) -> Result<Vec<WeeklyWindow>> {
    Ok(db::plan(&app.db, tenant, m)
        .await?
        .into_iter()
        .map(|(d, s, e)| WeeklyWindow {
            weekday: u8::try_from(d).unwrap_or(1),
            start_min: u16::try_from(s).unwrap_or(0),
            end_min: u16::try_from(e).unwrap_or(0),
        })
        .collect())
}

/// Goes on call now until `until` (RFC 3339, or `HH:MM` today in the centre's zone).
pub async fn go_on_call(app: &App, actor: &Actor, until: &str) -> Result<Timestamp> {
    let m = mediator_of(actor)?;
    let now = app.now();
    let until = rules::on_call_until(until, now, &zone())
        .map_err(|reason| AppError::Invalid(FieldErrors::single("until", reason)))?;
    let mediator = mittler_db::mediators::get(&app.db, actor.tenant_id, m).await?;
    if !mediator.remote || !mediator.active {
        return Err(AppError::Conflict("not remote".into()));
    }
    db::go_on_call(&app.db, actor.tenant_id, m, now, until).await?;
    Ok(until)
}

/// Goes off call now (also within a window of the weekly plan, until its next window).
pub async fn go_off_call(app: &App, actor: &Actor) -> Result<()> {
    let m = mediator_of(actor)?;
    db::go_off_call(&app.db, actor.tenant_id, m, app.now()).await?;
    Ok(())
}

/// Replaces the mediator's weekly on-call plan.
pub async fn set_plan(app: &App, actor: &Actor, windows: &[WindowInput]) -> Result<()> {
    let m = mediator_of(actor)?;
    let mut e = FieldErrors::new();
    let valid = validate_windows(&mut e, windows);
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let rows: Vec<(i32, i32, i32)> = valid
        .iter()
        .map(|w| {
            (
                i32::from(w.weekday),
                i32::from(w.start_min),
                i32::from(w.end_min),
            )
        })
        .collect();
    db::set_plan(&app.db, actor.tenant_id, m, &rows).await?;
    Ok(())
}

/// Begins the on-call times of the weekly plans that cover `now` (of one tenant or all).
pub(crate) async fn begin_planned(
    app: &App,
    tenant: Option<Uuid>,
    now: Timestamp,
) -> Result<usize> {
    let tz = zone();
    let local = now.to_zoned(tz.clone());
    let weekday = i32::from(local.weekday().to_monday_one_offset());
    let minute = i32::from(local.hour()) * 60 + i32::from(local.minute());
    let mut begun = 0;
    for (t, m, start, end) in db::plan_windows_at(&app.db, tenant, weekday, minute).await? {
        let at = |min: i32| -> Result<Timestamp> {
            let day = if min >= 1440 {
                local
                    .date()
                    .tomorrow()
                    .map_err(|e| AppError::Internal(e.to_string()))?
            } else {
                local.date()
            };
            let min = min % 1440;
            day.at(
                i8::try_from(min / 60).unwrap_or(0),
                i8::try_from(min % 60).unwrap_or(0),
                0,
                0,
            )
            .to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| AppError::Internal(e.to_string()))
        };
        if db::begin_planned(&app.db, t, m, now, at(end)?, at(start)?).await? {
            begun += 1;
        }
    }
    Ok(begun)
}

/// A mediator on call now, as coordinators see them.
#[derive(Debug, Clone)]
pub struct OnCallMediator {
    pub id: Uuid,
    pub name: String,
    pub until: Timestamp,
    /// In a call right now.
    pub in_call: bool,
}

/// Who is on call now, per language (languages in code order).
pub async fn on_call_now(
    app: &App,
    actor: &Actor,
) -> Result<BTreeMap<String, Vec<OnCallMediator>>> {
    actor.require(Action::RunMediation)?;
    let tenant = actor.tenant_id;
    let now = app.now();
    begin_planned(app, Some(tenant), now).await?;
    let on = db::on_call_now(&app.db, tenant, now).await?;
    let busy = db::in_calls(&app.db, tenant).await?;
    let pool = crate::cache::pool(app, tenant).await?;
    let mut out: BTreeMap<String, Vec<OnCallMediator>> = BTreeMap::new();
    for (id, until) in on {
        let Some(m) = pool.iter().find(|m| m.id == id) else {
            continue;
        };
        for l in &m.languages {
            out.entry(l.code.as_str().to_owned())
                .or_default()
                .push(OnCallMediator {
                    id,
                    name: m.name.clone(),
                    until: until.0,
                    in_call: busy.contains(&id),
                });
        }
    }
    Ok(out)
}

/// A period of whole local days, `from` and `to` inclusive (`YYYY-MM-DD`), as
/// `[from, to + 1 day)`; at most three years (as the reports).
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
) -> std::result::Result<(Date, Date), FieldErrors> {
    let mut e = FieldErrors::new();
    let mut day = |field: &str, v: Option<&str>| match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            e.add(field, "required");
            None
        }
        Some(v) => v.parse::<Date>().ok().or_else(|| {
            e.add(field, "invalid-date");
            None
        }),
    };
    let (from, to) = (day("from", from), day("to", to));
    match (from, to) {
        (Some(f), Some(t)) if e.is_empty() => {
            let end = t
                .tomorrow()
                .map_err(|_| FieldErrors::single("to", "invalid-date"))?;
            let days = f.until(end).map(|s| s.get_days()).unwrap_or(0);
            if end <= f || days > 3 * 366 {
                return Err(FieldErrors::single("to", "out-of-range"));
            }
            Ok((f, end))
        }
        _ => Err(e),
    }
}

/// The figures of the calls made from `from` to `to` (local dates, inclusive), with
/// the on-call hours of each language.
pub async fn figures(
    app: &App,
    actor: &Actor,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<CallFigures> {
    actor.require(Action::CloseMonth)?;
    let (from, to) = period(from, to).map_err(AppError::Invalid)?;
    let tenant = actor.tenant_id;
    let tz = zone();
    let instant = |d: Date| {
        d.to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| AppError::Internal(e.to_string()))
    };
    let (start, end) = (instant(from)?, instant(to)?);
    let facts: Vec<CallFact> = db::facts(&app.db, tenant, start, end)
        .await?
        .into_iter()
        .map(|r| CallFact {
            hour: r
                .created_at
                .0
                .to_zoned(tz.clone())
                .hour()
                .try_into()
                .unwrap_or(0),
            status: CallStatus::parse(&r.status).unwrap_or(CallStatus::Ended),
            answer_s: r
                .answered_at
                .map(|a| a.0.as_second() - r.ringing_since.0.as_second()),
            duration_s: r.duration_s.map(i64::from),
            language: r.language,
        })
        .collect();
    let pool = crate::cache::pool(app, tenant).await?;
    let now = app.now().min(end);
    let on_call: Vec<OnCallFact> = db::on_call_between(&app.db, tenant, start, end)
        .await?
        .into_iter()
        .filter_map(|(m, f, u)| {
            let m = pool.iter().find(|x| x.id == m)?;
            let seconds = u.0.min(now).as_second() - f.0.max(start).as_second();
            Some(OnCallFact {
                languages: m
                    .languages
                    .iter()
                    .map(|l| l.code.as_str().to_owned())
                    .collect(),
                seconds: seconds.max(0),
            })
        })
        .collect();
    Ok(rules::figures(&facts, &on_call))
}

/// Subscribes the browser of the actor (a mediator) to push messages.
pub async fn subscribe_push(
    app: &App,
    actor: &Actor,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> Result<()> {
    mediator_of(actor)?;
    crate::push::check_subscription(app.pusher.as_deref(), endpoint, p256dh, auth)?;
    db::subscribe(
        &app.db,
        actor.tenant_id,
        actor.user_id,
        endpoint,
        p256dh,
        auth,
        app.now(),
    )
    .await?;
    Ok(())
}

/// Stops push messages to every device of the actor.
pub async fn unsubscribe_push(app: &App, actor: &Actor) -> Result<()> {
    mediator_of(actor)?;
    db::unsubscribe_user(&app.db, actor.tenant_id, actor.user_id).await?;
    Ok(())
}

/// The changes of the calls a mediator is told of, as they happen in this process.
/// The session behind the stream is checked again as on the requests' live stream.
pub struct RingingCalls {
    tenant: Uuid,
    mediator: Uuid,
    rx: Receiver<CallEvent>,
    app: App,
    token_hash: String,
    tick: tokio::time::Interval,
}

impl RingingCalls {
    /// The next change for this mediator; `None` when the stream must end.
    pub async fn next(&mut self) -> Option<CallEvent> {
        loop {
            tokio::select! {
                got = self.rx.recv() => match got {
                    Ok(e) if e.tenant_id == self.tenant
                        && (e.change != CallChange::Ringing || e.told.contains(&self.mediator)) => {
                        return self.still_allowed().await.then_some(e);
                    }
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                },
                _ = self.tick.tick() => {
                    if !self.still_allowed().await {
                        return None;
                    }
                }
            }
        }
    }

    async fn still_allowed(&self) -> bool {
        match crate::auth::stream_session(&self.app, &self.token_hash).await {
            Ok(Some(s)) => {
                s.actor.tenant_id == self.tenant && s.actor.mediator_id == Some(self.mediator)
            }
            _ => false,
        }
    }
}

/// Starts following the calls that ring for the session's mediator.
pub fn follow(app: &App, session: &crate::auth::CurrentSession) -> Result<RingingCalls> {
    let mediator = mediator_of(&session.actor)?;
    let mut tick = tokio::time::interval(crate::live::RECHECK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    Ok(RingingCalls {
        tenant: session.actor.tenant_id,
        mediator,
        rx: app.call_events.subscribe(),
        app: app.clone(),
        token_hash: session.token_hash.clone(),
        tick,
    })
}
