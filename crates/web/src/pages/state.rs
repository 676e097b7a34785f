//! The state's page: figures across the centres that share them, as a table, bars per
//! group and a line by month (SVG drawn on the server, with text alternatives), the
//! languages with unmet demand, and the same as CSV.

use super::reports::{Bar, describe};
use super::{Base, PageResult, fail, field_error, render, require};
use crate::AppState;
use crate::extract::{PageQuery, SignedIn};
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use mittler_app::AppError;
use mittler_domain::Action;
use mittler_domain::state::{By, Figures, Summary};
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StateQuery {
    from: String,
    to: String,
    by: String,
}

/// A row as shown: the numbers as text, "< 5" where suppressed.
pub struct Line {
    key: String,
    cells: Vec<(String, String)>,
    suppressed: bool,
}

#[derive(Template)]
#[template(path = "state.html")]
struct StatePage {
    base: Base,
    from: String,
    to: String,
    by: String,
    by_label: String,
    dims: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
    columns: Vec<String>,
    lines: Vec<Line>,
    total: Option<Line>,
    unmet: Vec<String>,
    bars: Vec<Bar>,
    bars_height: i64,
    chart_desc: String,
    months: Vec<Bar>,
    months_height: i64,
    month_desc: String,
    centres: usize,
    query: String,
}

fn cells(l: crate::i18n::Lang, f: Option<&Figures>) -> Vec<(String, String)> {
    let labels = [
        "state-requests",
        "state-served",
        "state-unserved",
        "state-no-speaker",
        "state-short-notice",
        "state-nobody-free",
        "state-cancelled",
        "state-hours",
        "state-median-confirm",
    ];
    let values: Vec<String> = match f {
        Some(f) => mittler_documents::state_cells(f, "–").into(),
        None => {
            let mut v = vec![l.t("state-suppressed")];
            v.extend(std::iter::repeat_n(String::new(), 8));
            v
        }
    };
    labels.iter().map(|k| l.t(k)).zip(values).collect()
}

/// Bars of at most 630 units for the 15 largest shown groups.
fn bars(rows: &[(String, &Figures)]) -> Vec<Bar> {
    let mut top: Vec<&(String, &Figures)> = rows.iter().collect();
    top.sort_by_key(|(_, f)| std::cmp::Reverse(f.requests));
    top.truncate(15);
    let max = top
        .iter()
        .map(|(_, f)| f.requests)
        .max()
        .unwrap_or(1)
        .max(1);
    top.iter()
        .enumerate()
        .map(|(i, (label, f))| Bar {
            label: label.clone(),
            y: i as i64 * 60,
            requests_w: f.requests * 630 / max,
            served_w: f.served * 630 / max,
            value: format!("{} / {}", f.served, f.requests),
        })
        .collect()
}

fn defaults(s: &AppState, q: &mut StateQuery) {
    super::reports::default_period(s, &mut q.from, &mut q.to, &mut q.by, "tenant");
}

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(mut q): PageQuery<StateQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ReadStateFigures)?;
    let l = ctx.lang;
    defaults(&s, &mut q);
    let mut p = StatePage {
        base: Base::new(&ctx, "state-title"),
        from: q.from.clone(),
        to: q.to.clone(),
        by: q.by.clone(),
        by_label: By::parse(q.by.trim())
            .map(|b| l.t(&format!("state-by-{}", b.as_str())))
            .unwrap_or_default(),
        dims: By::ALL
            .iter()
            .map(|d| (d.as_str(), l.t(&format!("state-by-{}", d.as_str()))))
            .collect(),
        errors: Vec::new(),
        columns: Vec::new(),
        lines: Vec::new(),
        total: None,
        unmet: Vec::new(),
        bars: Vec::new(),
        bars_height: 0,
        chart_desc: String::new(),
        months: Vec::new(),
        months_height: 0,
        month_desc: String::new(),
        centres: 0,
        query: format!(
            "from={}&by={}&to={}",
            super::encode_query(&q.from),
            super::encode_query(&q.by),
            super::encode_query(&q.to)
        ),
    };
    let (from, to, by) = match mittler_app::state::parse(Some(&q.from), Some(&q.to), Some(&q.by)) {
        Ok(v) => v,
        Err(AppError::Invalid(e)) => {
            p.errors = ["from", "to", "by"]
                .into_iter()
                .filter_map(|f| Some((f, field_error(l, &e, f)?)))
                .collect();
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response());
        }
        Err(e) => return Err(fail(&ctx)(e)),
    };
    let names = mittler_app::state::centre_names(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    p.centres = mittler_app::state::summary(&s.app, &a, from, to, By::Tenant)
        .await
        .map_err(fail(&ctx))?
        .rows
        .len();
    let sum: Summary = mittler_app::state::summary(&s.app, &a, from, to, by)
        .await
        .map_err(fail(&ctx))?;
    let name = |k: &str| crate::reports::state_key_name(l, by, k, &names);
    p.columns = cells(l, None).into_iter().map(|(k, _)| k).collect();
    p.lines = sum
        .rows
        .iter()
        .map(|r| Line {
            key: name(&r.key),
            cells: cells(l, r.figures.as_ref()),
            suppressed: r.figures.is_none(),
        })
        .collect();
    p.total = Some(Line {
        key: l.t("state-total"),
        cells: cells(l, sum.total.as_ref()),
        suppressed: sum.total.is_none(),
    });
    let shown: Vec<(String, &Figures)> = sum
        .rows
        .iter()
        .filter_map(|r| Some((name(&r.key), r.figures.as_ref()?)))
        .collect();
    p.bars = bars(&shown);
    p.bars_height = p.bars.len() as i64 * 60 + 8;
    p.chart_desc = describe(&p.bars);
    // Languages with unmet demand, the most first (from the summary by language).
    let by_lang = if by == By::Language {
        sum.clone()
    } else {
        mittler_app::state::summary(&s.app, &a, from, to, By::Language)
            .await
            .map_err(fail(&ctx))?
    };
    let mut unmet: Vec<(&String, &Figures)> = by_lang
        .rows
        .iter()
        .filter_map(|r| Some((&r.key, r.figures.as_ref()?)))
        .filter(|(_, f)| f.unserved > 0)
        .collect();
    unmet.sort_by_key(|(k, f)| (std::cmp::Reverse(f.unserved), (*k).clone()));
    p.unmet = unmet
        .into_iter()
        .take(10)
        .map(|(k, f)| {
            l.t_args(
                "state-unmet-row",
                &[
                    ("language", l.language_name(k)),
                    ("unserved", f.unserved.to_string()),
                    ("requests", f.requests.to_string()),
                ],
            )
        })
        .collect();
    // By month: requests and served, as bars in time order.
    let by_month = if by == By::Month {
        sum
    } else {
        mittler_app::state::summary(&s.app, &a, from, to, By::Month)
            .await
            .map_err(fail(&ctx))?
    };
    let months: Vec<(String, &Figures)> = by_month
        .rows
        .iter()
        .filter_map(|r| Some((r.key.clone(), r.figures.as_ref()?)))
        .collect();
    let max = months
        .iter()
        .map(|(_, f)| f.requests)
        .max()
        .unwrap_or(1)
        .max(1);
    p.months = months
        .iter()
        .enumerate()
        .map(|(i, (k, f))| Bar {
            label: k.clone(),
            y: i as i64 * 34,
            requests_w: f.requests * 500 / max,
            served_w: f.served * 500 / max,
            value: format!("{} / {}", f.served, f.requests),
        })
        .collect();
    p.months_height = p.months.len() as i64 * 34 + 8;
    p.month_desc = describe(&p.months);
    Ok(render(&p))
}

/// The figures as CSV (German Excel).
pub async fn export(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(mut q): PageQuery<StateQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ReadStateFigures)?;
    defaults(&s, &mut q);
    let (from, to, by) =
        mittler_app::state::parse(Some(&q.from), Some(&q.to), Some(&q.by)).map_err(fail(&ctx))?;
    let sum = mittler_app::state::summary(&s.app, &a, from, to, by)
        .await
        .map_err(fail(&ctx))?;
    let names = mittler_app::state::centre_names(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let labels = crate::reports::state_labels(ctx.lang, by, &sum, &names);
    let body = mittler_documents::state_csv(&sum, &labels)
        .map_err(|e| fail(&ctx)(AppError::Internal(e.to_string())))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"land-{from}-{to}-{}.csv\"",
                    by.as_str()
                ),
            ),
        ],
        body,
    )
        .into_response())
}
