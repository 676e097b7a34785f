//! The mediator's own phone page: weekly availability and absences.
//! The row parsing here is shared with the coordinators' mediator form.

use super::{Base, PageResult, fail, field_error, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mittler_app::{AppError, mediators};
use mittler_domain::Action;
use mittler_domain::FieldErrors;
use mittler_domain::mediator::{AbsenceInput, Mediator, WindowInput, format_hhmm};
use serde::Deserialize;

fn at(v: &[String], i: usize) -> String {
    v.get(i).map(|s| s.trim().to_owned()).unwrap_or_default()
}

/// Weekly windows as typed: non-blank rows in order.
pub fn window_rows(day: &[String], start: &[String], end: &[String]) -> Vec<[String; 3]> {
    let n = day.len().max(start.len()).max(end.len());
    (0..n)
        .map(|i| [at(day, i), at(start, i), at(end, i)])
        .filter(|[_, s, e]| !s.is_empty() || !e.is_empty())
        .collect()
}

pub fn absence_rows(from: &[String], to: &[String]) -> Vec<[String; 2]> {
    let n = from.len().max(to.len());
    (0..n)
        .map(|i| [at(from, i), at(to, i)])
        .filter(|r| r.iter().any(|v| !v.is_empty()))
        .collect()
}

pub fn window_inputs(rows: &[[String; 3]]) -> Vec<WindowInput> {
    rows.iter()
        .map(|[d, s, e]| WindowInput {
            weekday: d.parse().unwrap_or(0),
            start: s.clone(),
            end: e.clone(),
        })
        .collect()
}

pub fn absence_inputs(rows: &[[String; 2]]) -> Vec<AbsenceInput> {
    rows.iter()
        .map(|[f, t]| AbsenceInput {
            from: f.clone(),
            to: t.clone(),
        })
        .collect()
}

pub struct WindowRow {
    pub day: String,
    pub start: String,
    pub end: String,
    pub err: Option<String>,
}

pub struct AbsenceRow {
    pub from: String,
    pub to: String,
    pub err: Option<String>,
}

/// Rows for the form: what was typed (with errors), then `blank` empty rows, and at
/// least seven rows in all, so that a whole week fits in one go (more come with "add").
pub fn window_view(
    lang: Lang,
    rows: &[[String; 3]],
    errors: &FieldErrors,
    blank: usize,
) -> Vec<WindowRow> {
    let blank = blank.max(7usize.saturating_sub(rows.len()));
    let mut out: Vec<WindowRow> = rows
        .iter()
        .enumerate()
        .map(|(i, [d, s, e])| {
            let err = ["weekday", "start", "end"]
                .iter()
                .find_map(|k| field_error(lang, errors, &format!("availability[{i}].{k}")));
            WindowRow {
                day: d.clone(),
                start: s.clone(),
                end: e.clone(),
                err,
            }
        })
        .collect();
    out.extend((0..blank).map(|_| WindowRow {
        day: String::new(),
        start: String::new(),
        end: String::new(),
        err: None,
    }));
    out
}

pub fn absence_view(
    lang: Lang,
    rows: &[[String; 2]],
    errors: &FieldErrors,
    blank: usize,
) -> Vec<AbsenceRow> {
    let mut out: Vec<AbsenceRow> = rows
        .iter()
        .enumerate()
        .map(|(i, [f, t])| {
            let err = ["from", "to"]
                .iter()
                .find_map(|k| field_error(lang, errors, &format!("absences[{i}].{k}")));
            AbsenceRow {
                from: f.clone(),
                to: t.clone(),
                err,
            }
        })
        .collect();
    out.extend((0..blank).map(|_| AbsenceRow {
        from: String::new(),
        to: String::new(),
        err: None,
    }));
    out
}

pub fn stored_windows(m: &Mediator) -> Vec<[String; 3]> {
    m.availability
        .iter()
        .map(|w| {
            [
                w.weekday.to_string(),
                format_hhmm(w.start_min),
                format_hhmm(w.end_min),
            ]
        })
        .collect()
}

pub fn stored_absences(m: &Mediator) -> Vec<[String; 2]> {
    m.absences
        .iter()
        .map(|a| [a.from.to_string(), a.to.to_string()])
        .collect()
}

/// Weekday options 1..7 in the interface language.
pub fn weekdays(lang: Lang) -> Vec<(String, String)> {
    (1..=7)
        .map(|d| (d.to_string(), lang.t(&format!("weekday-{d}"))))
        .collect()
}

#[derive(Template)]
#[template(path = "schedule.html")]
struct SchedulePage {
    base: Base,
    saved: bool,
    has_errors: bool,
    weekdays: Vec<(String, String)>,
    windows: Vec<WindowRow>,
    absences: Vec<AbsenceRow>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    pub saved: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ScheduleForm {
    csrf: String,
    av_day: Vec<String>,
    av_start: Vec<String>,
    av_end: Vec<String>,
    abs_from: Vec<String>,
    abs_to: Vec<String>,
}

fn own_mediator(ctx: &PageCtx, a: &mittler_app::Actor) -> Result<uuid::Uuid, super::PageError> {
    require(ctx, a, Action::ServeAsMediator)?;
    a.mediator_id.ok_or_else(|| fail(ctx)(AppError::NotFound))
}

pub async fn form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<SavedQuery>,
) -> PageResult {
    let id = own_mediator(&ctx, &a)?;
    let m = mediators::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let none = FieldErrors::new();
    Ok(render(&SchedulePage {
        base: Base::new(&ctx, "schedule-title"),
        saved: q.saved.is_some(),
        has_errors: false,
        weekdays: weekdays(ctx.lang),
        windows: window_view(ctx.lang, &stored_windows(&m), &none, 2),
        absences: absence_view(ctx.lang, &stored_absences(&m), &none, 1),
    }))
}

pub async fn save(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<ScheduleForm>,
) -> PageResult {
    let id = own_mediator(&ctx, &a)?;
    let windows = window_rows(&f.av_day, &f.av_start, &f.av_end);
    let absences = absence_rows(&f.abs_from, &f.abs_to);
    match mediators::set_schedule(
        &s.app,
        &a,
        id,
        &window_inputs(&windows),
        &absence_inputs(&absences),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/me/schedule?saved=1").into_response()),
        Err(AppError::Invalid(e)) => {
            let page = SchedulePage {
                base: Base::new(&ctx, "schedule-title"),
                saved: false,
                has_errors: true,
                weekdays: weekdays(ctx.lang),
                windows: window_view(ctx.lang, &windows, &e, 1),
                absences: absence_view(ctx.lang, &absences, &e, 1),
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
