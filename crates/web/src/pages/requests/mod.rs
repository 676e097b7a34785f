//! Request pages: the coordinators' inbox and request page with candidates, the booking
//! form for institutions and coordinators, cancellation and time-sheet answers.

mod show;
mod words;

pub use show::show;

use words::{candidate_why, past_answers};
pub use words::{history_reason, phone_link};

use super::{Base, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::api::requests::{ListQuery, list_filter};
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use jiff::Timestamp;
use mittler_app::requests::{self as rq, RequestView};
use mittler_app::{Actor, AppError, institutions};
use mittler_domain::request::{RequestInput, Status};
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;

/// Local date and time for display.
pub fn local(t: Timestamp) -> String {
    mittler_app::local_time::local_text(t)
}

pub struct Row {
    pub id: String,
    pub start: String,
    pub institution: String,
    pub language: String,
    pub sector: String,
    pub mode: String,
    pub status: String,
    pub status_code: &'static str,
    pub mediator: String,
    pub urgent: bool,
    /// No fund can pay for it (centre staff only).
    pub unfunded: bool,
}

pub fn row(lang: Lang, v: &RequestView, now: Timestamp) -> Row {
    let r = &v.row;
    let soon = r.start_at.0.as_second() - now.as_second() < 48 * 3600;
    Row {
        id: r.id.to_string(),
        start: local(r.start_at.0),
        institution: v.institution.clone(),
        language: lang.language_name(&r.language),
        sector: lang.t(&format!("sector-{}", r.sector)),
        mode: lang.t(&format!("mode-{}", r.mode)),
        status: lang.t(&format!("status-{}", v.status.as_str())),
        status_code: v.status.as_str(),
        mediator: v
            .mediator
            .as_ref()
            .map(|(_, n)| n.clone())
            .unwrap_or_default(),
        urgent: soon && matches!(v.status, Status::Open | Status::Invited),
        unfunded: false,
    }
}

/// `?need=` from the home page's desk (pages only; the API lists by its filters).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NeedQuery {
    pub need: Option<String>,
    /// The next page: after the request that started at `after` with id `after_id`.
    pub after: Option<String>,
    pub after_id: Option<String>,
}

/// Requests on one page of the list; the next page follows the last one shown.
pub const PAGE_ROWS: usize = 50;

#[derive(Template)]
#[template(path = "requests/list.html")]
struct ListPage {
    base: Base,
    rows: Vec<Row>,
    can_book: bool,
    is_centre: bool,
    q: ListQuery,
    /// The need the list is narrowed to (from the home page's desk), as a heading.
    need: Option<String>,
    /// How many filters are set (the collapsed filter's summary says so).
    filters_set: usize,
    statuses: Vec<(&'static str, String)>,
    sectors: Vec<(&'static str, String)>,
    institutions: Vec<(String, String)>,
    error: Option<String>,
    /// The link to the next page, when there are more.
    more: Option<String>,
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(mut q): PageQuery<ListQuery>,
    PageQuery(nq): PageQuery<NeedQuery>,
) -> PageResult {
    require(&ctx, &a, Action::BookRequests)?;
    let lang = ctx.lang;
    // A language may be typed by name, in any interface language.
    if let Some(l) = q
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        && let Some(found) = mittler_domain::language::resolve(l)
    {
        q.language = Some(found.code.to_owned());
    }
    let need = nq
        .need
        .as_deref()
        .and_then(rq::Attention::parse)
        .filter(|_| a.may(Action::RunMediation));
    let (filter, error) = match list_filter(&q) {
        Ok(f) => (f, None),
        Err(e) => (
            Default::default(),
            e.iter()
                .next()
                .map(|(k, r)| format!("{k}: {}", lang.reason(r))),
        ),
    };
    let mut filter = filter;
    if q.from.is_none() && q.to.is_none() && q.status.is_none() {
        // The inbox starts with what is still ahead.
        filter.from = Some(
            s.app
                .now()
                .checked_sub(jiff::SignedDuration::from_hours(12))
                .unwrap_or(s.app.now()),
        );
    }
    // Keyset paging: a page costs its rows, not the table.
    filter.after = match (nq.after.as_deref(), nq.after_id.as_deref()) {
        (Some(t), Some(id)) => t.parse::<jiff::Timestamp>().ok().zip(id.parse().ok()),
        _ => None,
    };
    filter.limit = Some(PAGE_ROWS as i64 + 1);
    let mut views = match need {
        Some(n) => rq::needing(&s.app, &a, n).await,
        None => rq::list(&s.app, &a, &filter).await,
    }
    .map_err(fail(&ctx))?;
    let more = if need.is_none() && views.len() > PAGE_ROWS {
        views.truncate(PAGE_ROWS);
        views.last().map(|v| {
            let mut link = String::from("/requests?");
            for (k, v) in [
                ("from", &q.from),
                ("to", &q.to),
                ("status", &q.status),
                ("language", &q.language),
                ("sector", &q.sector),
                ("institution_id", &q.institution_id),
            ] {
                if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
                    link.push_str(&format!("{k}={}&", super::encode_query(v)));
                }
            }
            link.push_str(&format!(
                "after={}&after_id={}",
                super::encode_query(&v.row.start_at.0.to_string()),
                v.row.id
            ));
            link
        })
    } else {
        None
    };
    let now = s.app.now();
    let filters_set = [
        &q.from,
        &q.to,
        &q.status,
        &q.language,
        &q.sector,
        &q.institution_id,
    ]
    .iter()
    .filter(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    .count();
    let institutions = if a.may(Action::RunMediation) {
        institutions::list(&s.app, &a, "", false)
            .await
            .map_err(fail(&ctx))?
            .into_iter()
            .map(|i| (i.id.to_string(), i.name))
            .collect()
    } else {
        Vec::new()
    };
    let unfunded = if a.may(Action::RunMediation) {
        let rows: Vec<_> = views.iter().map(|v| v.row.clone()).collect();
        mittler_app::funds::unfunded(&s.app, a.tenant_id, &rows)
            .await
            .map_err(fail(&ctx))?
    } else {
        Default::default()
    };
    Ok(render(&ListPage {
        base: Base::new(&ctx, "requests-title"),
        rows: views
            .iter()
            .map(|v| Row {
                unfunded: unfunded.contains(&v.row.id),
                ..row(lang, v, now)
            })
            .collect(),
        can_book: true,
        need: need.map(|n| lang.t(&format!("desk-{}", n.as_str()))),
        filters_set,
        is_centre: a.may(Action::RunMediation),
        statuses: Status::ALL
            .iter()
            .map(|st| (st.as_str(), lang.t(&format!("status-{}", st.as_str()))))
            .collect(),
        sectors: super::sector_choices(lang),
        institutions,
        error,
        q,
        more,
    }))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RequestForm {
    csrf: String,
    institution_id: String,
    place_id: String,
    mode: String,
    language: String,
    sector: String,
    start: String,
    duration_min: String,
    gender_preference: String,
    gender: String,
    priority: String,
    client_ref: String,
    notes: String,
    repeat: String,
    repeat_count: String,
    repeat_until: String,
}

#[derive(Template)]
#[template(path = "requests/form.html")]
struct FormPage {
    base: Base,
    f: RequestForm,
    errs: Vec<(&'static str, Option<String>)>,
    has_errors: bool,
    is_centre: bool,
    institutions: Vec<(String, String)>,
    places: Vec<(String, String, String)>,
    sectors: Vec<(&'static str, String)>,
    common_languages: Vec<(&'static str, String)>,
}

impl FormPage {
    fn err(&self, field: &str) -> Option<String> {
        self.errs
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, e)| e.clone())
    }
}

async fn form_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    f: RequestForm,
    e: &FieldErrors,
) -> Result<FormPage, super::PageError> {
    let lang = ctx.lang;
    let insts = institutions::list(&s.app, a, "", false)
        .await
        .map_err(fail(ctx))?;
    let places = insts
        .iter()
        .flat_map(|i| {
            i.places.iter().map(move |p| {
                (
                    p.id.to_string(),
                    format!("{} – {}", i.name, p.name),
                    p.address.clone(),
                )
            })
        })
        .collect();
    let fields = [
        "repeat.every_weeks",
        "repeat.count",
        "repeat.until",
        "institution_id",
        "place_id",
        "mode",
        "language",
        "sector",
        "start",
        "duration_min",
        "gender_preference",
        "gender",
        "priority",
        "client_ref",
        "notes",
    ];
    Ok(FormPage {
        base: Base::new(ctx, "request-new-title"),
        errs: fields
            .iter()
            .map(|k| (*k, field_error(lang, e, k)))
            .collect(),
        has_errors: !e.is_empty(),
        is_centre: a.may(Action::RunMediation),
        institutions: insts
            .iter()
            .map(|i| (i.id.to_string(), i.name.clone()))
            .collect(),
        places,
        sectors: super::sector_choices(lang),
        common_languages: super::language_choices(lang),
        f,
    })
}

pub async fn new_form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::BookRequests)?;
    let f = RequestForm {
        mode: "onsite".into(),
        duration_min: "60".into(),
        priority: "1".into(),
        gender_preference: "none".into(),
        ..Default::default()
    };
    Ok(render(
        &form_page(&s, &ctx, &a, f, &FieldErrors::new()).await?,
    ))
}

fn uuid_of(s: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::parse_str(s.trim()).ok()
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<RequestForm>,
) -> PageResult {
    require(&ctx, &a, Action::BookRequests)?;
    let mut e = FieldErrors::new();
    let int = |field: &'static str, v: &str, e: &mut FieldErrors| -> Option<i64> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map(Some).unwrap_or_else(|_| {
            e.add(field, "invalid-number");
            None
        })
    };
    let duration = int("duration_min", &f.duration_min, &mut e);
    let priority = int("priority", &f.priority, &mut e);
    let mut institution_id = uuid_of(&f.institution_id);
    let place_id = if f.mode == "onsite" {
        uuid_of(&f.place_id)
    } else {
        None
    };
    if a.may(Action::RunMediation) && institution_id.is_none() {
        // The place names its institution.
        if let Some(p) = place_id {
            let insts = institutions::list(&s.app, &a, "", false)
                .await
                .map_err(fail(&ctx))?;
            institution_id = insts
                .iter()
                .find(|i| i.places.iter().any(|x| x.id == p))
                .map(|i| i.id);
        }
    }
    let language = super::mediators::language_code(&f.language);
    let input = RequestInput {
        place_id,
        mode: f.mode.clone(),
        language,
        sector: f.sector.clone(),
        start: f.start.clone(),
        duration_min: duration,
        gender_preference: f.gender_preference.clone(),
        gender: Some(f.gender.clone()).filter(|g| !g.is_empty()),
        priority,
        client_ref: Some(f.client_ref.clone()).filter(|c| !c.trim().is_empty()),
        preferred_mediator_id: None,
        notes: Some(f.notes.clone()).filter(|n| !n.trim().is_empty()),
    };
    let count = int("repeat.count", &f.repeat_count, &mut e);
    let every = f.repeat.trim().parse::<i64>().ok();
    let repeat = match mittler_domain::series::validate(every, count, Some(&f.repeat_until)) {
        Ok(r) => r,
        Err(re) => {
            for (k, v) in re.iter() {
                e.add(k, v);
            }
            None
        }
    };
    let result = if e.is_empty() {
        rq::create_series(&s.app, &a, institution_id, &input, repeat)
            .await
            .and_then(|ids| ids.into_iter().next().ok_or(AppError::NotFound))
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/requests/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let page = form_page(&s, &ctx, &a, f, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    csrf: String,
    mediator_id: Vec<String>,
    expires_in_min: String,
    /// Set by "invite anyway" on a mediator only their own wishes exclude.
    anyway: String,
}

/// The answer of a dispatch action: back to the request, with a message, or the reasons.
fn back(id: uuid::Uuid, msg: &str) -> axum::response::Response {
    Redirect::to(&format!("/requests/{id}?msg={msg}")).into_response()
}

fn refusal(ctx: &PageCtx, e: AppError) -> super::PageError {
    match e {
        AppError::Unavailable(reasons) => {
            let why: Vec<String> = reasons
                .iter()
                .map(|r| ctx.lang.t(&format!("reason-{}", r.as_str())))
                .collect();
            let text = ctx
                .lang
                .t_args("dispatch-unavailable", &[("reasons", why.join(", "))]);
            super::PageError(Box::new(super::message_page(
                ctx,
                StatusCode::CONFLICT,
                text,
            )))
        }
        other => fail(ctx)(other),
    }
}

pub async fn invite(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<InviteForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let ids: Vec<uuid::Uuid> = f.mediator_id.iter().filter_map(|m| uuid_of(m)).collect();
    let expires = f.expires_in_min.trim().parse().unwrap_or(120);
    let sent = if f.anyway == "1" {
        rq::invite_anyway(&s.app, &a, id, &ids, expires).await
    } else {
        rq::invite(&s.app, &a, id, &ids, expires).await
    };
    match sent {
        Ok(_) => Ok(back(id, "invited")),
        Err(AppError::Invalid(_)) => Ok(back(id, "choose-mediator")),
        Err(e) => Err(refusal(&ctx, e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    csrf: String,
    mediator_id: String,
}

pub async fn assign(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<AssignForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let Some(m) = uuid_of(&f.mediator_id) else {
        return Ok(back(id, "choose-mediator"));
    };
    rq::assign(&s.app, &a, id, m)
        .await
        .map_err(|e| refusal(&ctx, e))?;
    Ok(back(id, "assigned"))
}

use super::ReasonForm;

pub async fn cancel(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ReasonForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let scope = mittler_domain::series::Scope::parse(&f.scope)
        .unwrap_or(mittler_domain::series::Scope::One);
    match rq::cancel_scoped(&s.app, &a, id, &f.reason, scope).await {
        Ok(_) => Ok(back(id, "cancelled")),
        Err(AppError::Invalid(_)) => Ok(back(id, "reason-required")),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn confirm_timesheet(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<ReasonForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    rq::answer_timesheet(&s.app, &a, id, true, None)
        .await
        .map_err(fail(&ctx))?;
    Ok(back(id, "timesheet-confirmed"))
}

pub async fn dispute_timesheet(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ReasonForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    match rq::answer_timesheet(&s.app, &a, id, false, Some(&f.reason)).await {
        Ok(_) => Ok(back(id, "timesheet-disputed")),
        Err(AppError::Invalid(_)) => Ok(back(id, "reason-required")),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

/// Live updates of the inbox (server-sent events): a message whenever a request of the
/// tenant (for institution users: of their institution) is created or changes.
pub async fn events(State(s): State<AppState>, SignedIn(ctx, _): SignedIn) -> PageResult {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let Some(session) = ctx.session.as_ref() else {
        return Err(fail(&ctx)(AppError::Unauthorized));
    };
    let changes = mittler_app::live::follow(&s.app, session).map_err(fail(&ctx))?;
    let stream = futures_util::stream::unfold(changes, |mut changes| async move {
        let c = changes.next().await?;
        let ev = Event::default()
            .event(c.kind.as_str())
            .data(c.request_id.to_string());
        Some((Ok::<_, std::convert::Infallible>(ev), changes))
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RescheduleForm {
    csrf: String,
    time: String,
    duration_min: String,
    scope: String,
}

pub async fn reschedule(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<RescheduleForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let scope = mittler_domain::series::Scope::parse(&f.scope)
        .unwrap_or(mittler_domain::series::Scope::One);
    let duration = f.duration_min.trim().parse().unwrap_or(0);
    match rq::reschedule(&s.app, &a, id, &f.time, duration, scope).await {
        Ok(_) => Ok(back(id, "rescheduled")),
        Err(AppError::Invalid(_)) => Ok(back(id, "reschedule-invalid")),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FundForm {
    csrf: String,
    fund_id: String,
}

/// The coordinator chooses the fund by hand.
pub async fn choose_fund(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    crate::extract::CheckedForm(f): crate::extract::CheckedForm<FundForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    require(&ctx, &a, Action::RunMediation)?;
    rq::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let Ok(fund) = uuid::Uuid::parse_str(f.fund_id.trim()) else {
        return Ok(Redirect::to(&format!("/requests/{id}?msg=fund-required")).into_response());
    };
    match mittler_app::funds::choose_by_hand(&s.app, &a, id, fund).await {
        Ok(()) => Ok(Redirect::to(&format!("/requests/{id}?msg=fund-chosen")).into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/requests/{id}?msg=fund-required")).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
