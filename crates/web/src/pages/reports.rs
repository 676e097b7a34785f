//! The reports page: the summary as a table, a bar chart per group and a line by month,
//! drawn as SVG on the server (readable without JavaScript, with text alternatives), and
//! the same as CSV for German Excel and as PDF.

use super::{Base, PageResult, fail, field_error, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{PageCtx, SignedIn};
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use mittler_app::reports::{self, Dimension};
use mittler_app::{Actor, AppError};
use mittler_domain::Action;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReportQuery {
    from: String,
    to: String,
    by: String,
    format: String,
}

pub struct Line {
    key: String,
    requests: i64,
    served: i64,
    unserved: i64,
    cancelled: i64,
    late: i64,
    hours: String,
    client: String,
    mediator: String,
    lead: String,
}

/// A bar of a chart drawn on the server: requests in grey, served over them.
pub struct Bar {
    pub(super) label: String,
    pub(super) y: i64,
    pub(super) requests_w: i64,
    pub(super) served_w: i64,
    pub(super) value: String,
}

/// The text alternative of a bar chart: "label: value; ...".
pub(super) fn describe(bars: &[Bar]) -> String {
    bars.iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect::<Vec<_>>()
        .join("; ")
}

pub struct Point {
    x: i64,
    y: i64,
    label: String,
}

#[derive(Template)]
#[template(path = "billing/reports.html")]
struct ReportsPage {
    base: Base,
    from: String,
    to: String,
    by: String,
    dims: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
    lines: Vec<Line>,
    total: Option<Line>,
    reasons: Vec<(String, i64)>,
    bars: Vec<Bar>,
    bars_height: i64,
    chart_desc: String,
    month_requests: String,
    month_served: String,
    months: Vec<Point>,
    month_desc: String,
    query: String,
    calls: Option<CallsBlock>,
}

/// The call figures of the period (`remote.md`, Figures).
pub struct CallsBlock {
    /// (label, value) of the whole period.
    summary: Vec<(String, String)>,
    /// Language, calls, answered, missed, refused for nobody on call, minutes, on-call
    /// hours, median and 90th percentile of the time to answer.
    rows: Vec<[String; 9]>,
    /// Calls per hour of day: (x, height, hour, count).
    hours: Vec<(i64, i64, u32, u32)>,
    hours_desc: String,
}

fn seconds(v: Option<i64>) -> String {
    v.map(|s| format!("{s} s")).unwrap_or_else(|| "–".into())
}

fn calls_block(l: crate::i18n::Lang, f: &mittler_domain::call::CallFigures) -> CallsBlock {
    let num = |v: f64| format!("{v:.1}").replace('.', ",");
    let max = f.by_hour.iter().copied().max().unwrap_or(1).max(1);
    CallsBlock {
        summary: vec![
            (l.t("calls-report-calls"), f.calls.to_string()),
            (l.t("calls-report-answered"), f.answered.to_string()),
            (l.t("calls-report-median"), seconds(f.median_answer_s)),
            (l.t("calls-report-p90"), seconds(f.p90_answer_s)),
            (
                l.t("calls-report-missed"),
                format!("{} %", num(f.missed_pct)),
            ),
            (l.t("calls-report-minutes"), f.minutes.to_string()),
        ],
        rows: f
            .by_language
            .iter()
            .map(|r| {
                [
                    l.language_name(&r.language),
                    r.calls.to_string(),
                    r.answered.to_string(),
                    r.missed.to_string(),
                    r.nobody.to_string(),
                    r.minutes.to_string(),
                    num(r.on_call_hours),
                    seconds(r.median_answer_s),
                    seconds(r.p90_answer_s),
                ]
            })
            .collect(),
        hours: f
            .by_hour
            .iter()
            .enumerate()
            .map(|(h, n)| {
                (
                    h as i64 * 26 + 4,
                    i64::from(*n) * 150 / i64::from(max),
                    h as u32,
                    *n,
                )
            })
            .collect(),
        hours_desc: f
            .by_hour
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(h, n)| format!("{h:02}: {n}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn line(
    lang: crate::i18n::Lang,
    by: Dimension,
    r: &mittler_domain::report::Row,
    key: Option<String>,
) -> Line {
    Line {
        key: key.unwrap_or_else(|| crate::reports::key_name(lang, by, &r.key)),
        requests: r.requests,
        served: r.served,
        unserved: r.unserved,
        cancelled: r.cancelled,
        late: r.late_cancelled,
        hours: format!("{:.1}", r.hours).replace('.', ","),
        client: mittler_domain::fee::euros(r.client_cents),
        mediator: mittler_domain::fee::euros(r.mediator_cents),
        lead: r
            .median_lead_h
            .map(|h| format!("{h:.1}").replace('.', ","))
            .unwrap_or_else(|| "–".into()),
    }
}

/// An empty period is this year so far; an empty grouping is `by`.
pub(super) fn default_period(
    s: &AppState,
    from: &mut String,
    to: &mut String,
    by: &mut String,
    default_by: &str,
) {
    let today = s.app.now().to_zoned(mittler_app::local_time::zone()).date();
    if from.trim().is_empty() {
        *from = format!("{:04}-01-01", today.year());
    }
    if to.trim().is_empty() {
        *to = today.to_string();
    }
    if by.trim().is_empty() {
        *by = default_by.into();
    }
}

fn defaults(s: &AppState, q: &mut ReportQuery) {
    default_period(s, &mut q.from, &mut q.to, &mut q.by, "language");
}

/// Bars of at most 630 units (the chart is 640 wide) for the 15 largest groups, each under its label.
fn bars(lang: crate::i18n::Lang, by: Dimension, rows: &[mittler_domain::report::Row]) -> Vec<Bar> {
    let mut top: Vec<&mittler_domain::report::Row> = rows.iter().collect();
    top.sort_by_key(|r| std::cmp::Reverse(r.requests));
    top.truncate(15);
    let max = top.iter().map(|r| r.requests).max().unwrap_or(1).max(1);
    top.iter()
        .enumerate()
        .map(|(i, r)| Bar {
            label: crate::reports::key_name(lang, by, &r.key),
            y: i as i64 * 60,
            requests_w: r.requests * 630 / max,
            served_w: r.served * 630 / max,
            value: format!("{} / {}", r.served, r.requests),
        })
        .collect()
}

async fn page(s: &AppState, ctx: &PageCtx, a: &Actor, mut q: ReportQuery) -> PageResult {
    let l = ctx.lang;
    defaults(s, &mut q);
    let dims = Dimension::ALL
        .iter()
        .map(|d| (d.as_str(), l.t(&format!("report-by-{}", d.as_str()))))
        .collect();
    let mut p = ReportsPage {
        base: Base::new(ctx, "reports-title"),
        from: q.from.clone(),
        to: q.to.clone(),
        by: q.by.clone(),
        dims,
        errors: Vec::new(),
        lines: Vec::new(),
        total: None,
        reasons: Vec::new(),
        bars: Vec::new(),
        bars_height: 0,
        chart_desc: String::new(),
        month_requests: String::new(),
        month_served: String::new(),
        months: Vec::new(),
        month_desc: String::new(),
        query: format!(
            "from={}&to={}&by={}",
            super::encode_query(&q.from),
            super::encode_query(&q.to),
            super::encode_query(&q.by)
        ),
        calls: None,
    };
    let (from, to, by) = match reports::parse(Some(&q.from), Some(&q.to), Some(&q.by)) {
        Ok(v) => v,
        Err(AppError::Invalid(e)) => {
            p.errors = ["from", "to", "by"]
                .into_iter()
                .filter_map(|f| Some((f, field_error(l, &e, f)?)))
                .collect();
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response());
        }
        Err(e) => return Err(fail(ctx)(e)),
    };
    let sum = reports::summary(&s.app, a, from, to, by)
        .await
        .map_err(fail(ctx))?;
    let by_month = reports::summary(&s.app, a, from, to, Dimension::Month)
        .await
        .map_err(fail(ctx))?;
    let figures =
        mittler_app::calls::figures(&s.app, a, Some(&from.to_string()), Some(&to.to_string()))
            .await
            .map_err(fail(ctx))?;
    if figures.calls > 0 || !figures.by_language.is_empty() {
        p.calls = Some(calls_block(l, &figures));
    }
    p.lines = sum.rows.iter().map(|r| line(l, by, r, None)).collect();
    p.total = Some(line(l, by, &sum.total, Some(l.t("report-total"))));
    let u = &sum.unserved_reasons;
    p.reasons = vec![
        (l.t("report-reason-no-speaker"), u.no_speaker),
        (l.t("report-reason-nobody-free"), u.nobody_free),
        (l.t("report-reason-short-notice"), u.short_notice),
        (l.t("report-reason-unfunded"), u.unfunded),
    ];
    p.bars = bars(l, by, &sum.rows);
    p.bars_height = p.bars.len() as i64 * 60 + 8;
    p.chart_desc = describe(&p.bars);
    // A line by month: requests and served, 60 px apart, 200 px high.
    let max = by_month
        .rows
        .iter()
        .map(|r| r.requests)
        .max()
        .unwrap_or(1)
        .max(1);
    let pts = |f: fn(&mittler_domain::report::Row) -> i64| {
        by_month
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{},{}", 40 + i as i64 * 60, 210 - f(r) * 200 / max))
            .collect::<Vec<_>>()
            .join(" ")
    };
    p.month_requests = pts(|r| r.requests);
    p.month_served = pts(|r| r.served);
    p.months = by_month
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Point {
            x: 40 + i as i64 * 60,
            y: 210 - r.requests * 200 / max,
            label: r.key.clone(),
        })
        .collect();
    p.month_desc = by_month
        .rows
        .iter()
        .map(|r| format!("{}: {} / {}", r.key, r.served, r.requests))
        .collect::<Vec<_>>()
        .join("; ");
    Ok(render(&p))
}

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<ReportQuery>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    page(&s, &ctx, &a, q).await
}

/// The report as CSV (`format=csv`) or PDF.
pub async fn export(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(mut q): PageQuery<ReportQuery>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    defaults(&s, &mut q);
    let (from, to, by) = match reports::parse(Some(&q.from), Some(&q.to), Some(&q.by)) {
        Ok(v) => v,
        Err(AppError::Invalid(_)) => return page(&s, &ctx, &a, q).await,
        Err(e) => return Err(fail(&ctx)(e)),
    };
    let sum = reports::summary(&s.app, &a, from, to, by)
        .await
        .map_err(fail(&ctx))?;
    let labels = crate::reports::labels(ctx.lang, &sum, from, to, by);
    let name = format!("bericht-{from}-{to}-{}", by.as_str());
    let internal = |e: mittler_documents::DocError| fail(&ctx)(AppError::Internal(e.to_string()));
    let (file, kind, body) = if q.format == "pdf" {
        (
            format!("{name}.pdf"),
            "application/pdf",
            mittler_documents::report_pdf(&sum, &labels).map_err(internal)?,
        )
    } else {
        (
            format!("{name}.csv"),
            "text/csv; charset=utf-8",
            mittler_documents::report_csv(&sum, &labels).map_err(internal)?,
        )
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response())
}
