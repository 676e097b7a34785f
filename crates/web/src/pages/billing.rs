//! The month's close as pages: billing runs (draft, recompute, discard, issue), invoices
//! with their PDF and XRechnung, credit notes, funds, tariffs (admins), the reports page
//! with charts drawn on the server, and a mediator's own statements.

use super::{Base, MessageQuery, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::billing::{self, InvoiceRow, RunView, StatementRow};
use mittler_app::{Actor, App, AppError};
use mittler_domain::Action;
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

pub(super) fn euros(c: i64) -> String {
    mittler_domain::fee::euros(c)
}

async fn institution_names(app: &App, a: &Actor) -> HashMap<Uuid, String> {
    mittler_app::institutions::list(app, a, "", true)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|i| (i.id, i.name))
        .collect()
}

async fn mediator_names(app: &App, a: &Actor) -> HashMap<Uuid, String> {
    mittler_app::mediators::list(app, a, "", true)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect()
}

pub struct RunItem {
    id: String,
    month: String,
    status: String,
    created: String,
}

pub struct InvoiceItem {
    id: String,
    number: String,
    kind: String,
    status: String,
    cancellable: bool,
    institution: String,
    lines: usize,
    net: String,
    total: String,
    issued: String,
}

pub struct StatementItem {
    id: String,
    month: String,
    mediator: String,
    engagement: String,
    lines: usize,
    minutes: i64,
    total: String,
    year: String,
    left: Option<String>,
    issued: bool,
}

pub struct FundItem {
    name: String,
    budget: String,
    committed: String,
    spent: String,
    left: String,
    used_pct: i64,
}

fn invoice_item(l: Lang, i: &InvoiceRow, names: &HashMap<Uuid, String>) -> InvoiceItem {
    InvoiceItem {
        id: i.id.to_string(),
        number: i.number.clone().unwrap_or_else(|| l.t("billing-no-number")),
        kind: l.t(&format!("billing-kind-{}", i.kind)),
        status: l.t(&format!("billing-status-{}", i.status)),
        cancellable: i.kind == "invoice" && i.status == "issued",
        institution: names.get(&i.institution_id).cloned().unwrap_or_default(),
        lines: i.lines.len(),
        net: euros(i.net_cents),
        total: euros(i.total_cents),
        issued: i
            .issued_on
            .map(|d| d.strftime("%d.%m.%Y").to_string())
            .unwrap_or_default(),
    }
}

fn statement_item(l: Lang, s: &StatementRow, names: &HashMap<Uuid, String>) -> StatementItem {
    StatementItem {
        id: s.id.to_string(),
        month: s.month.clone(),
        mediator: names.get(&s.mediator_id).cloned().unwrap_or_default(),
        engagement: l.t(&format!("engagement-{}", s.engagement.as_str())),
        lines: s.lines.len(),
        minutes: s.lines.iter().map(|x| x.priced.minutes).sum(),
        total: euros(s.total_cents),
        year: euros(s.year_to_date_cents),
        left: s.allowance_left_cents.map(euros),
        issued: s.status == "issued",
    }
}

#[derive(Template)]
#[template(path = "billing/index.html")]
struct IndexPage {
    base: Base,
    month: String,
    month_error: Option<String>,
    runs: Vec<RunItem>,
    invoices: Vec<InvoiceItem>,
    funds: Vec<FundItem>,
    message: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IndexQuery {
    month: Option<String>,
    msg: Option<String>,
}

async fn index_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    month: &str,
    err: Option<String>,
    msg: Option<String>,
) -> PageResult {
    let l = ctx.lang;
    let runs = billing::runs(&s.app, a)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|r| RunItem {
            id: r.id.to_string(),
            month: r.month,
            status: l.t(&format!("billing-run-{}", r.status)),
            created: super::requests::local(r.created_at),
        })
        .collect();
    let names = institution_names(&s.app, a).await;
    let filter = Some(month).filter(|m| mittler_domain::billing::Month::parse(m).is_some());
    let invoices = billing::invoices(&s.app, a, filter)
        .await
        .map_err(fail(ctx))?
        .iter()
        .map(|i| invoice_item(l, i, &names))
        .collect();
    let funds = mittler_app::funds::list(&s.app, a)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|f| FundItem {
            budget: euros(f.budget_cents),
            committed: euros(f.committed_cents),
            spent: euros(f.spent_cents),
            left: euros(f.left_cents()),
            used_pct: f.used_pct().clamp(0, 100),
            name: f.name,
        })
        .collect();
    let page = IndexPage {
        base: Base::new(ctx, "billing-title"),
        month: month.to_owned(),
        month_error: err,
        runs,
        invoices,
        funds,
        message: msg,
    };
    let status = if page.month_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)).into_response())
}

/// The last month before today's, the one usually closed.
fn last_month(app: &App) -> String {
    let today = app.now().to_zoned(mittler_app::local_time::zone()).date();
    let m = mittler_domain::billing::Month::of(today);
    let prev = if m.month == 1 {
        mittler_domain::billing::Month {
            year: m.year - 1,
            month: 12,
        }
    } else {
        mittler_domain::billing::Month {
            year: m.year,
            month: m.month - 1,
        }
    };
    prev.to_string()
}

pub async fn index(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<IndexQuery>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    let month = q.month.unwrap_or_else(|| last_month(&s.app));
    let msg = MessageQuery { msg: q.msg }.text(ctx.lang);
    index_page(&s, &ctx, &a, &month, None, msg).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MonthForm {
    csrf: String,
    month: String,
}

pub async fn create_run(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<MonthForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    match billing::draft(&s.app, &a, &f.month).await {
        Ok(v) => Ok(Redirect::to(&format!("/billing/runs/{}", v.run.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let err = field_error(ctx.lang, &e, "month");
            index_page(&s, &ctx, &a, &f.month, err, None).await
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

#[derive(Template)]
#[template(path = "billing/run.html")]
struct RunPage {
    base: Base,
    id: String,
    month: String,
    status: String,
    draft: bool,
    invoices: Vec<InvoiceItem>,
    statements: Vec<StatementItem>,
    without_tariff: Vec<String>,
    net: String,
    paid: String,
    error: Option<String>,
}

async fn run_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    v: RunView,
    error: Option<String>,
) -> PageResult {
    let l = ctx.lang;
    let names = institution_names(&s.app, a).await;
    let meds = mediator_names(&s.app, a).await;
    let page = RunPage {
        base: Base::new(ctx, "billing-run-title"),
        id: v.run.id.to_string(),
        month: v.run.month.clone(),
        status: l.t(&format!("billing-run-{}", v.run.status)),
        draft: v.run.status == "draft",
        net: euros(v.invoices.iter().map(|i| i.total_cents).sum()),
        paid: euros(v.statements.iter().map(|s| s.total_cents).sum()),
        invoices: v
            .invoices
            .iter()
            .map(|i| invoice_item(l, i, &names))
            .collect(),
        statements: v
            .statements
            .iter()
            .map(|st| statement_item(l, st, &meds))
            .collect(),
        without_tariff: v.run.without_tariff.iter().map(Uuid::to_string).collect(),
        error,
    };
    let status = if page.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show_run(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    let v = billing::run(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    run_page(&s, &ctx, &a, v, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlainForm {
    csrf: String,
}

pub async fn issue_run(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<PlainForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    let id = parse_id(&ctx, &id)?;
    match billing::issue(&s.app, &a, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/billing/runs/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let v = billing::run(&s.app, &a, id).await.map_err(fail(&ctx))?;
            let missing = e.iter().any(|(k, _)| k.starts_with("institutions."));
            let key = if missing {
                "billing-missing-address"
            } else {
                "billing-missing-seller"
            };
            run_page(&s, &ctx, &a, v, Some(ctx.lang.t(key))).await
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn recompute_run(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<PlainForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    let v = billing::recompute(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/billing/runs/{}", v.run.id)).into_response())
}

pub async fn discard_run(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_f): CheckedForm<PlainForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    billing::discard(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/billing?msg=run-discarded").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReasonForm {
    csrf: String,
    reason: String,
}

pub async fn cancel_invoice(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ReasonForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    match billing::cancel_invoice(&s.app, &a, parse_id(&ctx, &id)?, &f.reason).await {
        Ok(c) => Ok(Redirect::to(&format!(
            "/billing?month={}&msg=credit-note-issued",
            c.month
        ))
        .into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to("/billing?msg=reason-required").into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

fn download(name: &str, kind: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn invoice_pdf(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let (name, pdf) = billing::invoice_pdf(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    Ok(download(&name, "application/pdf", pdf))
}

pub async fn invoice_xml(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let (name, xml) = billing::invoice_xml(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    Ok(download(&name, "application/xml", xml.into_bytes()))
}

pub async fn statement_pdf(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let (name, pdf) = billing::statement_pdf(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    Ok(download(&name, "application/pdf", pdf))
}

// ---- a mediator's own statements ----

#[derive(Template)]
#[template(path = "me/statements.html")]
struct MyStatements {
    base: Base,
    statements: Vec<StatementItem>,
    allowance_left: Option<String>,
    year: i16,
}

pub async fn my_statements(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::ServeAsMediator)?;
    let l = ctx.lang;
    let me = a
        .mediator_id
        .ok_or_else(|| fail(&ctx)(AppError::Forbidden))?;
    let year = s.app.now().to_zoned(mittler_app::local_time::zone()).year();
    let left = billing::allowance_left(&s.app, a.tenant_id, me, year)
        .await
        .map_err(fail(&ctx))?;
    let names = HashMap::from([(me, a.name.clone())]);
    let statements = billing::statements(&s.app, &a, None)
        .await
        .map_err(fail(&ctx))?
        .iter()
        .rev()
        .map(|st| statement_item(l, st, &names))
        .collect();
    Ok(render(&MyStatements {
        base: Base::new(&ctx, "statements-title"),
        statements,
        allowance_left: left.map(euros),
        year,
    }))
}

// ---- funds ----

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FundForm {
    csrf: String,
    name: String,
    budget_euros: String,
    from: String,
    to: String,
    priority: String,
    sector: Vec<String>,
}

/// A new fund from the billing page; on bad input the page says which field.
pub async fn create_fund(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<FundForm>,
) -> PageResult {
    require(&ctx, &a, Action::CloseMonth)?;
    let input = mittler_domain::billing::fund::FundInput {
        name: f.name.clone(),
        budget_cents: super::parse_euros(&f.budget_euros),
        from: f.from.clone(),
        to: f.to.clone(),
        rules: mittler_domain::billing::fund::RulesInput {
            sectors: f.sector.clone(),
            ..Default::default()
        },
        priority: f.priority.trim().parse().ok(),
    };
    match mittler_app::funds::save(&s.app, &a, None, &input).await {
        Ok(_) => Ok(Redirect::to("/billing?msg=fund-saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let l = ctx.lang;
            let why: Vec<String> = e
                .iter()
                .map(|(k, r)| {
                    format!(
                        "{}: {}",
                        l.t(&format!(
                            "fund-field-{}",
                            k.split(['.', '[']).next().unwrap_or(k).replace('_', "-")
                        )),
                        l.reason(r)
                    )
                })
                .collect();
            let month = last_month(&s.app);
            let mut page = index_page(&s, &ctx, &a, &month, None, Some(why.join("; "))).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
