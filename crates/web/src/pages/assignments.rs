//! The mediator's phone pages: open invitations (accept in one tap, declaring no conflict
//! of interest), the own schedule, drop-out and the time sheet after the appointment.

use super::{Base, PageResult, fail, parse_id, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use mittler_app::AppError;
use mittler_app::requests::{self as rq, ListFilter};
use mittler_domain::Action;
use mittler_domain::request::Status;
use serde::Deserialize;

pub struct Card {
    id: String,
    when: String,
    duration: String,
    /// A map of the address (OpenStreetMap search), where there is one.
    map: Option<String>,
    place: String,
    mode: String,
    language: String,
    sector: String,
    travel: Option<String>,
    continuity: bool,
    expires: String,
    institution: String,
    /// Whom to call at the institution: (tel: link, number as written), and the person.
    phone: Option<(String, String)>,
    contact: String,
    fee: String,
}

#[derive(Template)]
#[template(path = "me/invitations.html")]
struct InvitationsPage {
    base: Base,
    cards: Vec<Card>,
    message: Option<String>,
    decline_reasons: Vec<(&'static str, String)>,
}

/// Why a mediator declines: the choices of the decline form (stored as `decline:<code>`).
pub const DECLINE_REASONS: [&str; 4] = ["no-time", "too-far", "conflict", "other"];

use super::MessageQuery;

pub async fn invitations(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<MessageQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ServeAsMediator)?;
    let lang = ctx.lang;
    let list = rq::my_invitations(&s.app, &a).await.map_err(fail(&ctx))?;
    let cards = list
        .into_iter()
        .map(|i| {
            let r = &i.request.row;
            Card {
                id: i.invitation.id.to_string(),
                when: super::when(lang, r.start_at.0),
                duration: lang.t_args("minutes", &[("n", r.duration_min.to_string())]),
                map: i
                    .request
                    .place
                    .as_ref()
                    .map(|(_, addr)| super::map_link(addr)),
                place: i
                    .request
                    .place
                    .as_ref()
                    .map(|(n, addr)| format!("{n}, {addr}"))
                    .unwrap_or_default(),
                mode: lang.t(&format!("mode-{}", r.mode)),
                language: lang.language_name(&r.language),
                sector: lang.t(&format!("sector-{}", r.sector)),
                travel: i
                    .travel_min
                    .map(|t| lang.t_args("minutes", &[("n", t.to_string())])),
                continuity: i.continuity,
                expires: super::when(lang, i.invitation.expires_at.0),
                institution: i.request.institution.clone(),
                phone: super::requests::phone_link(&i.request.institution_phone),
                contact: i.request.institution_contact.clone(),
                fee: mittler_domain::fee::euros(i.expected_fee_cents),
            }
        })
        .collect();
    Ok(render(&InvitationsPage {
        base: Base::new(&ctx, "invitations-title"),
        cards,
        message: q.text(lang),
        decline_reasons: DECLINE_REASONS
            .iter()
            .map(|r| (*r, lang.t(&format!("decline-reason-{r}"))))
            .collect(),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AcceptForm {
    csrf: String,
    no_conflict_of_interest: Option<String>,
}

pub async fn accept(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<AcceptForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    match rq::accept(&s.app, &a, id, f.no_conflict_of_interest.is_some()).await {
        Ok(_) => {
            // "In your calendar" only for those who subscribed to it.
            let subscribed = mittler_app::calendar::has_feed(&s.app, &a)
                .await
                .unwrap_or(false);
            let msg = if subscribed {
                "accepted"
            } else {
                "accepted-listed"
            };
            Ok(Redirect::to(&format!("/me/assignments?msg={msg}")).into_response())
        }
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to("/me/invitations?msg=confirm-no-conflict").into_response())
        }
        Err(AppError::Conflict(_) | AppError::Unavailable(_)) => {
            Ok(Redirect::to("/me/invitations?msg=too-late").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeclineForm {
    csrf: String,
    reason: String,
    note: String,
}

/// Declining asks why (one of the reasons, and a note if the mediator likes): the
/// coordinator sees it in the history and knows whether to ask again.
pub async fn decline(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<DeclineForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let _ = &f.csrf;
    if !DECLINE_REASONS.contains(&f.reason.as_str()) {
        return Ok(Redirect::to("/me/invitations?msg=decline-reason").into_response());
    }
    let note: String = f.note.split_whitespace().collect::<Vec<_>>().join(" ");
    let reason = if note.is_empty() {
        format!("decline:{}", f.reason)
    } else {
        format!("decline:{}: {note}", f.reason)
    };
    match rq::decline(&s.app, &a, id, Some(&reason)).await {
        Ok(_) | Err(AppError::Conflict(_)) => {
            Ok(Redirect::to("/me/invitations?msg=declined").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub struct Assignment {
    id: String,
    when: String,
    duration: String,
    map: Option<String>,
    phone: Option<(String, String)>,
    place: String,
    institution: String,
    language: String,
    past: bool,
    ts_status: String,
    start_value: String,
    end_value: String,
    onsite: bool,
}

#[derive(Template)]
#[template(path = "me/assignments.html")]
struct AssignmentsPage {
    base: Base,
    upcoming: Vec<Assignment>,
    to_report: Vec<Assignment>,
    message: Option<String>,
}

pub async fn assignments(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<MessageQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ServeAsMediator)?;
    let lang = ctx.lang;
    let now = s.app.now();
    let f = ListFilter {
        status: Some(Status::Confirmed),
        ..Default::default()
    };
    let views = rq::list(&s.app, &a, &f).await.map_err(fail(&ctx))?;
    let tz = mittler_app::local_time::zone();
    let mut upcoming = Vec::new();
    let mut to_report = Vec::new();
    for v in views {
        let r = &v.row;
        let start = r.start_at.0.to_zoned(tz.clone());
        let end = start
            .checked_add(jiff::SignedDuration::from_mins(i64::from(r.duration_min)))
            .unwrap_or(start.clone());
        let item = Assignment {
            id: r.id.to_string(),
            when: super::when(lang, r.start_at.0),
            duration: lang.t_args("minutes", &[("n", r.duration_min.to_string())]),
            map: v.place.as_ref().map(|(_, addr)| super::map_link(addr)),
            phone: super::requests::phone_link(&v.institution_phone),
            place: v
                .place
                .as_ref()
                .map(|(n, addr)| format!("{n}, {addr}"))
                .unwrap_or_else(|| lang.t(&format!("mode-{}", r.mode))),
            institution: v.institution.clone(),
            language: lang.language_name(&r.language),
            past: r.start_at.0 <= now,
            ts_status: r.ts_status.clone(),
            start_value: start.strftime("%Y-%m-%dT%H:%M").to_string(),
            end_value: end.strftime("%Y-%m-%dT%H:%M").to_string(),
            onsite: r.mode == "onsite",
        };
        if item.past {
            to_report.push(item)
        } else {
            upcoming.push(item)
        }
    }
    Ok(render(&AssignmentsPage {
        base: Base::new(&ctx, "assignments-title"),
        upcoming,
        to_report,
        message: q.text(lang),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TimesheetForm {
    csrf: String,
    start: String,
    end: String,
    waiting_min: String,
    travel_min: String,
    travel_km: String,
}

pub async fn timesheet(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<TimesheetForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let num = |v: &str| {
        if v.trim().is_empty() {
            Some(0)
        } else {
            v.trim().parse::<i64>().ok()
        }
    };
    let (Some(w), Some(t)) = (num(&f.waiting_min), num(&f.travel_min)) else {
        return Ok(Redirect::to("/me/assignments?msg=timesheet-invalid").into_response());
    };
    let km = if f.travel_km.trim().is_empty() {
        None
    } else {
        match mittler_domain::billing::parse_km(&f.travel_km) {
            Some(km) => Some(km),
            None => {
                return Ok(Redirect::to("/me/assignments?msg=timesheet-invalid").into_response());
            }
        }
    };
    let sheet = rq::SheetInput {
        start: &f.start,
        end: &f.end,
        waiting_min: w,
        travel_min: t,
        travel_km_tenths: km,
    };
    match rq::submit_timesheet(&s.app, &a, id, sheet).await {
        Ok(()) => Ok(Redirect::to("/me/assignments?msg=timesheet-sent").into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to("/me/assignments?msg=timesheet-invalid").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn drop_out(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<super::ReasonForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    match rq::drop_out(&s.app, &a, id, &f.reason).await {
        Ok(_) => Ok(Redirect::to("/me/assignments?msg=dropped-out").into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to("/me/assignments?msg=reason-required").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
