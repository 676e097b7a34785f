//! Interpreting now, for the caller: start a call for a language, the call's own page
//! (ringing, the video or the number to call, and after a missed call the choice of what
//! next), and the signalling of the browsers' video call.

use super::{Base, PageResult, fail, field_error, parse_id, render, require, when};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::calls::{self, CallView, Later};
use mittler_app::signal::Side;
use mittler_app::{Actor, AppError};
use mittler_domain::call::{CallInput, CallStatus};
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;

/// A call in a list.
pub struct CallRow {
    pub id: String,
    pub when: String,
    pub language: String,
    pub mode: String,
    pub status: String,
    pub institution: String,
}

pub fn call_row(lang: Lang, v: &CallView) -> CallRow {
    CallRow {
        id: v.row.id.to_string(),
        when: when(lang, v.row.created_at.0),
        language: lang.language_name(&v.row.language),
        mode: lang.t(&format!("mode-{}", v.row.mode)),
        status: lang.t(&format!("call-status-{}", v.status.as_str())),
        institution: v.institution.clone(),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CallForm {
    csrf: String,
    institution_id: String,
    mode: String,
    language: String,
    sector: String,
    gender_preference: String,
    gender: String,
    client_ref: String,
    callback_phone: String,
}

#[derive(Template)]
#[template(path = "calls/index.html")]
struct IndexPage {
    base: Base,
    f: CallForm,
    errs: Vec<(&'static str, Option<String>)>,
    has_errors: bool,
    /// Nobody on call could take the call just asked for.
    nobody: bool,
    is_centre: bool,
    institutions: Vec<(String, String)>,
    sectors: Vec<(&'static str, String)>,
    common_languages: Vec<(&'static str, String)>,
    /// Language, then who is on call until when (coordinators).
    on_call: Vec<(String, String)>,
    recent: Vec<CallRow>,
}

impl IndexPage {
    fn err(&self, field: &str) -> Option<String> {
        self.errs
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, e)| e.clone())
    }
}

async fn index_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    f: CallForm,
    e: &FieldErrors,
    nobody: bool,
) -> Result<IndexPage, super::PageError> {
    let lang = ctx.lang;
    let is_centre = a.may(Action::RunMediation);
    let institutions = if is_centre {
        mittler_app::institutions::list(&s.app, a, "", false)
            .await
            .map_err(fail(ctx))?
            .into_iter()
            .map(|i| (i.id.to_string(), i.name))
            .collect()
    } else {
        Vec::new()
    };
    let on_call = if is_centre {
        calls::on_call_now(&s.app, a)
            .await
            .map_err(fail(ctx))?
            .into_iter()
            .map(|(language, people)| {
                let names: Vec<String> = people
                    .iter()
                    .map(|m| {
                        let until = m
                            .until
                            .to_zoned(mittler_app::local_time::zone())
                            .strftime("%H:%M")
                            .to_string();
                        let mut t = lang.t_args(
                            "call-on-call-until",
                            &[("name", m.name.clone()), ("until", until)],
                        );
                        if m.in_call {
                            t.push_str(&format!(" ({})", lang.t("call-in-call")));
                        }
                        t
                    })
                    .collect();
                (
                    lang.language_name(&language),
                    names.join(lang.list_separator()),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let recent = calls::list(&s.app, a, None)
        .await
        .map_err(fail(ctx))?
        .iter()
        .take(20)
        .map(|v| call_row(lang, v))
        .collect();
    let fields = [
        "institution_id",
        "mode",
        "language",
        "sector",
        "gender_preference",
        "gender",
        "client_ref",
        "callback_phone",
    ];
    Ok(IndexPage {
        base: Base::new(ctx, "calls-title"),
        errs: fields
            .iter()
            .map(|k| (*k, field_error(lang, e, k)))
            .collect(),
        has_errors: !e.is_empty(),
        nobody,
        is_centre,
        institutions,
        sectors: super::sector_choices(lang),
        common_languages: super::language_choices(lang),
        on_call,
        recent,
        f,
    })
}

pub async fn index(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::BookRequests)?;
    let f = CallForm {
        mode: "video".into(),
        gender_preference: "none".into(),
        ..CallForm::default()
    };
    Ok(render(
        &index_page(&s, &ctx, &a, f, &FieldErrors::new(), false).await?,
    ))
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<CallForm>,
) -> PageResult {
    require(&ctx, &a, Action::BookRequests)?;
    // A language may be typed by name, in any interface language.
    let language = mittler_domain::language::resolve(f.language.trim())
        .map(|l| l.code.to_owned())
        .unwrap_or_else(|| f.language.clone());
    let input = CallInput {
        mode: f.mode.clone(),
        language,
        sector: f.sector.clone(),
        gender_preference: f.gender_preference.clone(),
        gender: Some(f.gender.clone()).filter(|g| !g.trim().is_empty()),
        client_ref: Some(f.client_ref.clone()),
        callback_phone: Some(f.callback_phone.clone()),
    };
    let institution = uuid::Uuid::parse_str(f.institution_id.trim()).ok();
    let (status, e, nobody) = match calls::create(&s.app, &a, institution, &input).await {
        Ok(v) => return Ok(Redirect::to(&format!("/call/{}", v.row.id)).into_response()),
        Err(AppError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, e, false),
        Err(AppError::NobodyOnCall) => (StatusCode::CONFLICT, FieldErrors::new(), true),
        Err(other) => return Err(fail(&ctx)(other)),
    };
    let page = index_page(&s, &ctx, &a, f, &e, nobody).await?;
    Ok((status, render(&page)).into_response())
}

#[derive(Template)]
#[template(path = "calls/call.html")]
struct CallPage {
    base: Base,
    id: String,
    status_code: &'static str,
    status: String,
    facts: Vec<(String, String)>,
    /// While it rings: how many were told, until when.
    ringing: Option<String>,
    is_caller: bool,
    /// The viewer is on the call (caller or the answering mediator).
    joined: bool,
    video: bool,
    side: &'static str,
    /// For a phone call: what the viewer does, and the number.
    phone_text: String,
    phone: Option<(String, String)>,
    ice: String,
    /// After a missed call: the caller's places for an on-site request.
    places: Vec<(String, String)>,
    request: Option<String>,
    later: LaterForm,
    later_errs: Vec<(&'static str, Option<String>)>,
    message: Option<String>,
}

impl CallPage {
    fn later_err(&self, field: &str) -> Option<String> {
        self.later_errs
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, e)| e.clone())
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LaterForm {
    csrf: String,
    mode: String,
    start: String,
    duration_min: String,
    place_id: String,
}

async fn call_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    v: CallView,
    later: LaterForm,
    e: &FieldErrors,
    message: Option<String>,
) -> Result<CallPage, super::PageError> {
    let lang = ctx.lang;
    let is_caller = v.side == Some(Side::Caller);
    let mut facts = vec![
        (lang.t("request-institution"), v.institution.clone()),
        (
            lang.t("request-language"),
            lang.language_name(&v.row.language),
        ),
        (
            lang.t("request-sector"),
            lang.t(&format!("sector-{}", v.row.sector)),
        ),
        (lang.t("call-mode"), lang.t(&format!("mode-{}", v.row.mode))),
        (lang.t("call-started"), when(lang, v.row.created_at.0)),
    ];
    if let Some(m) = &v.mediator {
        facts.push((lang.t("call-mediator"), m.clone()));
    }
    if let Some(d) = v.row.duration_s.filter(|_| v.status == CallStatus::Ended) {
        facts.push((
            lang.t("call-duration"),
            lang.t_args(
                "call-duration-value",
                &[
                    ("minutes", (d / 60).to_string()),
                    ("seconds", format!("{:02}", d % 60)),
                ],
            ),
        ));
    }
    if is_caller && !v.row.client_ref.is_empty() {
        facts.push((lang.t("request-client-ref"), v.row.client_ref.clone()));
    }
    let ringing = v.rings_until.map(|u| {
        lang.t_args(
            "call-ringing-told",
            &[
                ("count", v.row.told.to_string()),
                (
                    "until",
                    u.to_zoned(mittler_app::local_time::zone())
                        .strftime("%H:%M:%S")
                        .to_string(),
                ),
            ],
        )
    });
    let (phone_text, phone) = if v.row.mode == "phone" {
        match v.side {
            Some(Side::Mediator) => (
                lang.t("call-phone-mediator"),
                super::requests::phone_link(&v.callback_phone),
            ),
            _ => (
                lang.t("call-phone-caller"),
                super::requests::phone_link(&v.callback_phone),
            ),
        }
    } else {
        (String::new(), None)
    };
    let places = if is_caller && v.status == CallStatus::Missed {
        mittler_app::institutions::get(&s.app, a, v.row.institution_id)
            .await
            .map(|i| {
                i.places
                    .into_iter()
                    .map(|p| (p.id.to_string(), format!("{}, {}", p.name, p.address)))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(CallPage {
        base: Base::new(ctx, "call-title"),
        id: v.row.id.to_string(),
        status_code: v.status.as_str(),
        status: lang.t(&format!("call-status-{}", v.status.as_str())),
        facts,
        ringing,
        is_caller,
        joined: v.side.is_some() && v.status == CallStatus::Connected,
        video: v.row.mode == "video",
        side: v.side.map(Side::as_str).unwrap_or(""),
        phone_text,
        phone,
        ice: s.app.ice_servers.to_string(),
        places,
        request: v.row.request_id.map(|r| r.to_string()),
        later_errs: ["mode", "start", "duration_min", "place_id"]
            .iter()
            .map(|k| (*k, field_error(lang, e, k)))
            .collect(),
        later,
        message,
    })
}

fn default_later() -> LaterForm {
    LaterForm {
        mode: "video".into(),
        duration_min: "30".into(),
        ..LaterForm::default()
    }
}

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let v = calls::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let page = call_page(&s, &ctx, &a, v, default_later(), &FieldErrors::new(), None).await?;
    Ok(render(&page))
}

pub async fn end(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<super::CsrfForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    calls::end(&s.app, &a, id).await.map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/call/{id}")).into_response())
}

pub async fn ring_again(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<super::CsrfForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    match calls::ring_again(&s.app, &a, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/call/{id}")).into_response()),
        Err(AppError::NobodyOnCall) => {
            let v = calls::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
            let page = call_page(
                &s,
                &ctx,
                &a,
                v,
                default_later(),
                &FieldErrors::new(),
                Some(ctx.lang.t("call-nobody")),
            )
            .await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn to_request(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<LaterForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let mut e = FieldErrors::new();
    let duration = match f.duration_min.trim() {
        "" => None,
        d => d.parse().map(Some).unwrap_or_else(|_| {
            e.add("duration_min", "invalid-number");
            None
        }),
    };
    let later = Later {
        mode: f.mode.clone(),
        start: f.start.clone(),
        duration_min: duration.or(Some(30)),
        place_id: if f.mode == "onsite" {
            uuid::Uuid::parse_str(f.place_id.trim()).ok()
        } else {
            None
        },
        notes: None,
    };
    let result = if e.is_empty() {
        calls::to_request(&s.app, &a, id, &later).await
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(r) => Ok(Redirect::to(&format!("/requests/{r}?msg=booked-instead")).into_response()),
        Err(AppError::Invalid(e)) => {
            let v = calls::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
            let page = call_page(&s, &ctx, &a, v, f, &e, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

/// The call's channel for its page: the other side's signalling messages and Mittler's
/// status changes, as server-sent events. Nothing passes through but these messages.
pub async fn events(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let id = parse_id(&ctx, &id)?;
    let (v, rx) = calls::join(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let me = v.side;
    // The stream ends after the call ended or was missed: nothing is left listening.
    let stream = futures_util::stream::unfold((rx, false), move |(mut rx, done)| async move {
        if done {
            return None;
        }
        loop {
            match rx.recv().await {
                Ok(sig) if Some(sig.from) != me => {
                    let server = sig.from == Side::Server;
                    let last = server && (sig.data == "ended" || sig.data == "missed");
                    let ev = Event::default()
                        .event(if server { "status" } else { "signal" })
                        .data(if server {
                            sig.data
                        } else {
                            serde_json::json!({ "kind": sig.kind, "data": sig.data }).to_string()
                        });
                    return Some((Ok::<_, std::convert::Infallible>(ev), (rx, last)));
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SignalBody {
    kind: String,
    /// The message (a session description or a candidate), as JSON text.
    data: String,
}

/// A browser's signalling message for the other side (JSON, with the page's form token
/// as `X-CSRF-Token`).
pub async fn signal(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = super::passkeys::csrf_ok(&ctx, &headers) {
        return r.into_response();
    }
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(b) = serde_json::from_slice::<SignalBody>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    match calls::signal(&s.app, &a, id, &b.kind, &b.data).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(AppError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        Err(AppError::Invalid(_)) => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
        Err(AppError::Conflict(_)) => StatusCode::CONFLICT.into_response(),
        Err(e) => fail(&ctx)(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConvertForm {
    csrf: String,
    mode: String,
}

/// Converts an on-site request nobody can come to into a video request.
pub async fn convert(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ConvertForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let _ = &f.csrf;
    match mittler_app::requests::convert(&s.app, &a, id, &f.mode).await {
        Ok(_) => Ok(Redirect::to(&format!("/requests/{id}?msg=converted")).into_response()),
        Err(AppError::Conflict(_) | AppError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/requests/{id}?msg=not-converted")).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
