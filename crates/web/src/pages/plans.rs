//! "Plan the day": the planner proposes mediators for every open request of a date; the
//! coordinator sees a timeline per mediator and the cost, unticks rows, and applies.

/// The local time of day of an instant ("10:00").
fn time_of(t: jiff::Timestamp) -> String {
    t.to_zoned(mittler_app::local_time::zone())
        .strftime("%H:%M")
        .to_string()
}
use super::{Base, PageResult, fail, parse_id, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use mittler_app::{AppError, plans};
use mittler_domain::Action;
use mittler_domain::FieldErrors;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "plans/new.html")]
struct NewPage {
    base: Base,
    date: String,
    error: Option<String>,
    /// The next two weeks' days with open requests: (ISO date, weekday and date, label).
    days: Vec<(String, String, String)>,
}

async fn days_with_requests(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &mittler_app::Actor,
) -> Result<Vec<(String, String, String)>, super::PageError> {
    let today = s.app.now().to_zoned(mittler_app::local_time::zone()).date();
    let lang = ctx.lang;
    Ok(plans::open_days(&s.app, a, today)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|(d, n)| {
            (
                d.to_string(),
                super::day_text(lang, d),
                lang.t_count("plan-open-count", "count", n),
            )
        })
        .collect())
}

pub async fn form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let tomorrow = s
        .app
        .now()
        .to_zoned(mittler_app::local_time::zone())
        .date()
        .tomorrow()
        .map(|d| d.strftime("%d.%m.%Y").to_string())
        .unwrap_or_default();
    Ok(render(&NewPage {
        base: Base::new(&ctx, "plan-title"),
        date: tomorrow,
        error: None,
        days: days_with_requests(&s, &ctx, &a).await?,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanForm {
    csrf: String,
    date: String,
    /// "1": plan the day anew (see `plans::replan`).
    replan: String,
    /// With `replan`: the mediators out for the day.
    without: Vec<String>,
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<PlanForm>,
) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let Some(date) = mittler_domain::dates::parse_date(&f.date) else {
        let e = FieldErrors::single("date", "invalid-date");
        let error = e.get("date").map(|r| ctx.lang.reason(r));
        let page = NewPage {
            base: Base::new(&ctx, "plan-title"),
            date: f.date,
            error,
            days: days_with_requests(&s, &ctx, &a).await?,
        };
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    };
    let p = if f.replan == "1" {
        // Ids come from the page's own list; one that is not a mediator is refused (422).
        let without: Vec<uuid::Uuid> = f.without.iter().filter_map(|w| w.parse().ok()).collect();
        plans::replan(&s.app, &a, date, 3.0, &without).await
    } else {
        plans::propose(&s.app, &a, date, 3.0).await
    }
    .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/plans/{}", p.id)).into_response())
}

pub struct Row {
    request_id: String,
    /// The request's client reference (what coordinators call it on the phone).
    client_ref: String,
    /// (value `request:mediator`, name, proposed) for the row's choice.
    options: Vec<(String, String, bool)>,
    when: String,
    duration: String,
    language: String,
    institution: String,
    /// In a re-planning: whether the row stays as confirmed, or whom it moves from.
    note: String,
}

pub struct Lane {
    mediator: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "plans/show.html")]
struct ShowPage {
    base: Base,
    id: String,
    /// "Montag, 30.11.2026"
    day: String,
    /// The days before and after, to plan next: (ISO date, button label).
    around: Vec<(String, String)>,
    applied: bool,
    lanes: Vec<Lane>,
    /// (request id, what, why)
    unserved: Vec<(String, String, String)>,
    /// The plan in sentences: how many staffed, travel, continuity.
    summary: Vec<String>,
    /// The day (ISO), to plan it anew.
    date: String,
    /// The active mediators, for "plan anew without": (id, name, out in this plan).
    mediators: Vec<(String, String, bool)>,
}

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let (p, applied) = plans::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let lang = ctx.lang;
    let pool = mittler_app::mediators::list(&s.app, &a, "", true)
        .await
        .map_err(fail(&ctx))?;
    let mediators = pool
        .iter()
        .filter(|m| m.active)
        .map(|m| (m.id.to_string(), m.name.clone(), p.without.contains(&m.id)))
        .collect();
    let names: std::collections::HashMap<uuid::Uuid, String> =
        pool.into_iter().map(|m| (m.id, m.name)).collect();
    let mut ids: Vec<uuid::Uuid> = p.assignments.iter().map(|(r, _, _)| *r).collect();
    ids.extend(p.unassigned.iter().copied());
    let views = mittler_app::plans::request_views(&s.app, &a, &ids)
        .await
        .map_err(fail(&ctx))?;
    let view = |r: &uuid::Uuid| views.iter().find(|v| v.row.id == *r);
    let mut lanes: BTreeMap<String, Vec<(i64, Row)>> = BTreeMap::new();
    for (r, m, _) in &p.assignments {
        let Some(v) = view(r) else { continue };
        let name = names.get(m).cloned().unwrap_or_default();
        let mut options = vec![(format!("{r}:{m}"), name.clone(), true)];
        if !applied {
            let c = mittler_app::requests::candidates(&s.app, &a, *r)
                .await
                .map_err(fail(&ctx))?;
            for cand in c.candidates.iter().filter(|c| c.mediator_id != *m).take(5) {
                options.push((
                    format!("{r}:{}", cand.mediator_id),
                    cand.name.clone(),
                    false,
                ));
            }
        }
        lanes.entry(name).or_default().push((
            v.row.start_at.0.as_second(),
            Row {
                options,
                request_id: r.to_string(),
                client_ref: v.row.client_ref.clone(),
                when: time_of(v.row.start_at.0),
                duration: lang.t_args("minutes", &[("n", v.row.duration_min.to_string())]),
                language: lang.language_name(&v.row.language),
                institution: v.institution.clone(),
                note: match p.current_of(*r) {
                    Some(now) if now == *m => lang.t("plan-row-stays"),
                    Some(now) => lang.t_args(
                        "plan-row-moves",
                        &[("from", names.get(&now).cloned().unwrap_or_default())],
                    ),
                    None => String::new(),
                },
            },
        ));
    }
    let mut unserved = Vec::new();
    for r in &p.unassigned {
        let Some(v) = view(r) else { continue };
        let why = plans::unserved_reason(&s.app, &a, *r)
            .await
            .map_err(fail(&ctx))?;
        unserved.push((
            r.to_string(),
            format!(
                "{} · {} · {}",
                time_of(v.row.start_at.0),
                lang.language_name(&v.row.language),
                v.institution
            ),
            lang.t(why),
        ));
    }
    let date: jiff::civil::Date = p
        .date
        .parse()
        .map_err(|_| fail(&ctx)(AppError::Internal(format!("plan date {}", p.date))))?;
    let around = |d: Result<jiff::civil::Date, jiff::Error>| {
        d.ok().map(|d| (d.to_string(), super::day_text(lang, d)))
    };
    let staffed = p.assignments.len();
    let summary = vec![
        lang.t_args(
            "plan-summary-staffed",
            &[
                ("staffed", staffed.to_string()),
                ("all", (staffed + p.unassigned.len()).to_string()),
            ],
        ),
        lang.t_args(
            "plan-summary-travel",
            &[("min", p.parts.travel_min.to_string())],
        ),
        if p.parts.breaks == 0 {
            lang.t("plan-summary-continuity-kept")
        } else {
            lang.t_args(
                "plan-summary-continuity",
                &[("n", p.parts.breaks.to_string())],
            )
        },
    ];
    // The planner's certificate: how far this plan can at most be from the best one.
    let mut summary = summary;
    match p.gap_pct() {
        Some(g) if g <= 0.0 => summary.push(lang.t("plan-summary-optimal")),
        Some(g) => summary.push(lang.t_args("plan-summary-bound", &[("pct", lang.decimal(g))])),
        None => {}
    }
    if !p.current.is_empty() {
        let kept = p
            .assignments
            .iter()
            .filter(|(r, m, _)| p.unchanged(*r, *m))
            .count();
        summary.push(lang.t_args(
            "plan-summary-replan",
            &[
                ("kept", kept.to_string()),
                ("moved", (p.current.len() - kept).to_string()),
            ],
        ));
    }
    Ok(render(&ShowPage {
        base: Base::new(&ctx, "plan-title"),
        id: p.id.to_string(),
        day: super::day_text(lang, date),
        around: [
            around(date.yesterday()).map(|(d, l)| (d, format!("← {l}"))),
            around(date.tomorrow()).map(|(d, l)| (d, format!("{l} →"))),
        ]
        .into_iter()
        .flatten()
        .collect(),
        applied,
        summary,
        lanes: lanes
            .into_iter()
            .map(|(mediator, mut rows)| {
                rows.sort_by_key(|(t, _)| *t);
                Lane {
                    mediator,
                    rows: rows.into_iter().map(|(_, r)| r).collect(),
                }
            })
            .collect(),
        unserved,
        date: p.date.clone(),
        mediators,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApplyForm {
    csrf: String,
    /// `request:mediator` for every row to invite; an empty mediator leaves the row out.
    pick: Vec<String>,
}

pub async fn apply(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ApplyForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let picks: Vec<(uuid::Uuid, uuid::Uuid)> = f
        .pick
        .iter()
        .filter_map(|p| p.split_once(':'))
        .filter_map(|(r, m)| Some((r.parse().ok()?, m.parse().ok()?)))
        .collect();
    match plans::apply_picks(&s.app, &a, id, 120, &picks).await {
        Ok(_) => {
            let (p, _) = plans::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
            Ok(Redirect::to(&format!("/requests?from={}&to={}", p.date, p.date)).into_response())
        }
        Err(AppError::Conflict(_)) => Err(super::PageError(Box::new(super::message_page(
            &ctx,
            axum::http::StatusCode::CONFLICT,
            ctx.lang.t("plan-changed"),
        )))),
        Err(e) => Err(fail(&ctx)(e)),
    }
}
