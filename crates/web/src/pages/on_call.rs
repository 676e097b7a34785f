//! The mediator's phone page for interpreting now: on call until a time, the calls
//! ringing (live, and by push to the installed page), the weekly on-call plan.

use super::schedule::{WindowRow, weekdays, window_inputs, window_rows};
use super::{Base, PageResult, fail, field_error, parse_id, render, require, when};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, PageQuery, SignedIn};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::calls;
use mittler_app::local_time::zone;
use mittler_app::{Actor, AppError};
use mittler_domain::mediator::format_hhmm;
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;

pub struct Ringing {
    id: String,
    language: String,
    mode: String,
    sector: String,
    institution: String,
    until: String,
}

#[derive(Template)]
#[template(path = "me/calls.html")]
struct OnCallPage {
    base: Base,
    message: Option<String>,
    remote: bool,
    /// "On call until 14:00", when on call.
    on_until: Option<String>,
    until: String,
    until_err: Option<String>,
    ringing: Vec<Ringing>,
    push_devices: i64,
    vapid: String,
    weekdays: Vec<(String, String)>,
    windows: Vec<WindowRow>,
    plan_saved: bool,
    has_errors: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OnCallQuery {
    msg: Option<String>,
}

async fn page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    until: String,
    e: &FieldErrors,
    plan_rows: Option<Vec<[String; 3]>>,
    message: Option<String>,
) -> Result<OnCallPage, super::PageError> {
    let lang = ctx.lang;
    let mine = calls::mine(&s.app, a).await.map_err(fail(ctx))?;
    let ringing = calls::list(&s.app, a, Some(mittler_domain::call::CallStatus::Ringing))
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|v| Ringing {
            id: v.row.id.to_string(),
            language: lang.language_name(&v.row.language),
            mode: lang.t(&format!("mode-{}", v.row.mode)),
            sector: lang.t(&format!("sector-{}", v.row.sector)),
            institution: v.institution.clone(),
            until: v
                .rings_until
                .map(|u| u.to_zoned(zone()).strftime("%H:%M:%S").to_string())
                .unwrap_or_default(),
        })
        .collect();
    let plan_err = e
        .iter()
        .find(|(k, _)| k.starts_with("availability") || k.starts_with("windows"))
        .map(|(_, r)| lang.reason(r));
    let mut windows: Vec<WindowRow> = match plan_rows {
        Some(rows) => rows
            .into_iter()
            .map(|[day, start, end]| WindowRow {
                day,
                start,
                end,
                err: plan_err.clone(),
            })
            .collect(),
        None => mine
            .plan
            .iter()
            .map(|w| WindowRow {
                day: w.weekday.to_string(),
                start: format_hhmm(w.start_min),
                end: format_hhmm(w.end_min),
                err: None,
            })
            .collect(),
    };
    windows.push(WindowRow {
        day: "1".into(),
        start: String::new(),
        end: String::new(),
        err: None,
    });
    Ok(OnCallPage {
        base: Base::new(ctx, "oncall-title"),
        message,
        remote: mine.remote,
        on_until: mine
            .until
            .map(|u| lang.t_args("oncall-on-until", &[("until", when(lang, u))])),
        until,
        until_err: field_error(lang, e, "until"),
        ringing,
        push_devices: mine.push_devices,
        vapid: s
            .app
            .pusher
            .as_ref()
            .map(|p| p.public_key().to_owned())
            .unwrap_or_default(),
        weekdays: weekdays(lang),
        windows,
        plan_saved: false,
        has_errors: !e.is_empty(),
    })
}

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<OnCallQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ServeAsMediator)?;
    let message = super::MessageQuery { msg: q.msg }.text(ctx.lang);
    let mut p = page(
        &s,
        &ctx,
        &a,
        String::new(),
        &FieldErrors::new(),
        None,
        message,
    )
    .await?;
    p.plan_saved = false;
    Ok(render(&p))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UntilForm {
    csrf: String,
    until: String,
}

pub async fn go_on(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<UntilForm>,
) -> PageResult {
    let _ = &f.csrf;
    match calls::go_on_call(&s.app, &a, &f.until).await {
        Ok(_) => Ok(Redirect::to("/me/calls?msg=on-call").into_response()),
        Err(AppError::Invalid(e)) => {
            let p = page(&s, &ctx, &a, f.until.clone(), &e, None, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
        }
        Err(AppError::Conflict(_)) => Ok(Redirect::to("/me/calls?msg=not-remote").into_response()),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn go_off(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_f): CheckedForm<super::CsrfForm>,
) -> PageResult {
    calls::go_off_call(&s.app, &a).await.map_err(fail(&ctx))?;
    Ok(Redirect::to("/me/calls?msg=off-call").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanForm {
    csrf: String,
    av_day: Vec<String>,
    av_start: Vec<String>,
    av_end: Vec<String>,
}

pub async fn save_plan(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<PlanForm>,
) -> PageResult {
    let _ = &f.csrf;
    let rows = window_rows(&f.av_day, &f.av_start, &f.av_end);
    match calls::set_plan(&s.app, &a, &window_inputs(&rows)).await {
        Ok(()) => Ok(Redirect::to("/me/calls?msg=plan-saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let p = page(&s, &ctx, &a, String::new(), &e, Some(rows), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn accept(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<super::CsrfForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    match calls::accept(&s.app, &a, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/call/{id}")).into_response()),
        Err(AppError::Conflict(_)) => Ok(Redirect::to("/me/calls?msg=call-taken").into_response()),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

/// The calls ringing for the mediator, live: the page fetches its list again on each.
pub async fn events(State(s): State<AppState>, SignedIn(ctx, _): SignedIn) -> PageResult {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let Some(session) = ctx.session.as_ref() else {
        return Err(fail(&ctx)(AppError::Unauthorized));
    };
    let changes = calls::follow(&s.app, session).map_err(fail(&ctx))?;
    let stream = futures_util::stream::unfold(changes, |mut changes| async move {
        let c = changes.next().await?;
        let ev = Event::default()
            .event(c.change.as_str())
            .data(c.call_id.to_string());
        Some((Ok::<_, std::convert::Infallible>(ev), changes))
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PushBody {
    endpoint: String,
    keys: PushKeys,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PushKeys {
    p256dh: String,
    auth: String,
}

/// The phone page's push subscription (`subscription.toJSON()`, with the page's form
/// token as `X-CSRF-Token`).
pub async fn subscribe(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = super::passkeys::csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    let Ok(b) = serde_json::from_slice::<PushBody>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    match calls::subscribe_push(&s.app, &a, &b.endpoint, &b.keys.p256dh, &b.keys.auth).await {
        Ok(()) => StatusCode::CREATED.into_response(),
        Err(AppError::Invalid(_)) => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
        Err(AppError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        Err(e) => fail(&ctx)(e).into_response(),
    }
}

pub async fn unsubscribe(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_f): CheckedForm<super::CsrfForm>,
) -> PageResult {
    calls::unsubscribe_push(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/me/calls?msg=push-off").into_response())
}
