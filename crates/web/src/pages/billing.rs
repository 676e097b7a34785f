//! The month's close as pages: billing runs (draft, recompute, discard, issue), invoices
//! with their PDF and XRechnung, credit notes, funds, tariffs (admins), the reports page
//! with charts drawn on the server, and a mediator's own statements.

use super::{Base, MessageQuery, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::billing::{self, InvoiceRow, RunView, StatementRow};
use mittler_app::{Actor, App, AppError};
use mittler_domain::billing::{CardInput, TariffInput};
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

fn euros(c: i64) -> String {
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
    Query(q): Query<IndexQuery>,
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

// ---- tariffs (admins) ----

pub struct TariffItem {
    name: String,
    categories: String,
    modes: String,
    valid: String,
    client: String,
    mediator: String,
}

pub struct CardField {
    name: String,
    label: String,
    client: String,
    mediator: String,
    client_err: Option<String>,
    mediator_err: Option<String>,
}

#[derive(Template)]
#[template(path = "billing/tariffs.html")]
struct TariffsPage {
    base: Base,
    tariffs: Vec<TariffItem>,
    form: TariffForm,
    cards: Vec<CardField>,
    categories: Vec<(&'static str, String, bool)>,
    modes: Vec<(&'static str, String, bool)>,
    errors: Vec<(String, String)>,
    message: Option<String>,
}

const CARD_KEYS: [&str; 11] = [
    "cents_per_hour",
    "minimum_min",
    "step_min",
    "flat_cents",
    "per_km_cents",
    "travel_cents_per_hour",
    "travel_step_min",
    "night_pct",
    "sunday_pct",
    "holiday_pct",
    "cancel_pct",
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct TariffForm {
    csrf: String,
    name: String,
    #[serde(rename = "category")]
    categories: Vec<String>,
    #[serde(rename = "mode")]
    modes: Vec<String>,
    valid_from: String,
    valid_to: String,
    client_cents_per_hour: String,
    mediator_cents_per_hour: String,
    client_minimum_min: String,
    mediator_minimum_min: String,
    client_step_min: String,
    mediator_step_min: String,
    client_flat_cents: String,
    mediator_flat_cents: String,
    client_per_km_cents: String,
    mediator_per_km_cents: String,
    client_travel_cents_per_hour: String,
    mediator_travel_cents_per_hour: String,
    client_travel_step_min: String,
    mediator_travel_step_min: String,
    client_night_pct: String,
    mediator_night_pct: String,
    client_sunday_pct: String,
    mediator_sunday_pct: String,
    client_holiday_pct: String,
    mediator_holiday_pct: String,
    client_cancel_pct: String,
    mediator_cancel_pct: String,
}

impl TariffForm {
    /// A card field as typed (`side` is `client` or `mediator`).
    fn card(&self, side: &str, key: &str) -> &str {
        match (side, key) {
            ("client", "cents_per_hour") => &self.client_cents_per_hour,
            ("mediator", "cents_per_hour") => &self.mediator_cents_per_hour,
            ("client", "minimum_min") => &self.client_minimum_min,
            ("mediator", "minimum_min") => &self.mediator_minimum_min,
            ("client", "step_min") => &self.client_step_min,
            ("mediator", "step_min") => &self.mediator_step_min,
            ("client", "flat_cents") => &self.client_flat_cents,
            ("mediator", "flat_cents") => &self.mediator_flat_cents,
            ("client", "per_km_cents") => &self.client_per_km_cents,
            ("mediator", "per_km_cents") => &self.mediator_per_km_cents,
            ("client", "travel_cents_per_hour") => &self.client_travel_cents_per_hour,
            ("mediator", "travel_cents_per_hour") => &self.mediator_travel_cents_per_hour,
            ("client", "travel_step_min") => &self.client_travel_step_min,
            ("mediator", "travel_step_min") => &self.mediator_travel_step_min,
            ("client", "night_pct") => &self.client_night_pct,
            ("mediator", "night_pct") => &self.mediator_night_pct,
            ("client", "sunday_pct") => &self.client_sunday_pct,
            ("mediator", "sunday_pct") => &self.mediator_sunday_pct,
            ("client", "holiday_pct") => &self.client_holiday_pct,
            ("mediator", "holiday_pct") => &self.mediator_holiday_pct,
            ("client", "cancel_pct") => &self.client_cancel_pct,
            ("mediator", "cancel_pct") => &self.mediator_cancel_pct,
            _ => "",
        }
    }

    fn set(&mut self, side: &str, key: &str, v: String) {
        let slot = match (side, key) {
            ("client", "cents_per_hour") => &mut self.client_cents_per_hour,
            ("mediator", "cents_per_hour") => &mut self.mediator_cents_per_hour,
            ("client", "minimum_min") => &mut self.client_minimum_min,
            ("mediator", "minimum_min") => &mut self.mediator_minimum_min,
            ("client", "step_min") => &mut self.client_step_min,
            ("mediator", "step_min") => &mut self.mediator_step_min,
            ("client", "flat_cents") => &mut self.client_flat_cents,
            ("mediator", "flat_cents") => &mut self.mediator_flat_cents,
            ("client", "per_km_cents") => &mut self.client_per_km_cents,
            ("mediator", "per_km_cents") => &mut self.mediator_per_km_cents,
            ("client", "travel_cents_per_hour") => &mut self.client_travel_cents_per_hour,
            ("mediator", "travel_cents_per_hour") => &mut self.mediator_travel_cents_per_hour,
            ("client", "travel_step_min") => &mut self.client_travel_step_min,
            ("mediator", "travel_step_min") => &mut self.mediator_travel_step_min,
            ("client", "night_pct") => &mut self.client_night_pct,
            ("mediator", "night_pct") => &mut self.mediator_night_pct,
            ("client", "sunday_pct") => &mut self.client_sunday_pct,
            ("mediator", "sunday_pct") => &mut self.mediator_sunday_pct,
            ("client", "holiday_pct") => &mut self.client_holiday_pct,
            ("mediator", "holiday_pct") => &mut self.mediator_holiday_pct,
            ("client", "cancel_pct") => &mut self.client_cancel_pct,
            ("mediator", "cancel_pct") => &mut self.mediator_cancel_pct,
            _ => return,
        };
        *slot = v;
    }
}

fn card_input(f: &TariffForm, side: &str) -> CardInput {
    let v = |k: &str| f.card(side, k).trim().parse::<i64>().ok();
    CardInput {
        cents_per_hour: v("cents_per_hour"),
        minimum_min: v("minimum_min"),
        step_min: v("step_min"),
        flat_cents: v("flat_cents"),
        per_km_cents: v("per_km_cents"),
        travel_cents_per_hour: v("travel_cents_per_hour"),
        travel_step_min: v("travel_step_min"),
        night_pct: v("night_pct"),
        sunday_pct: v("sunday_pct"),
        holiday_pct: v("holiday_pct"),
        cancel_pct: v("cancel_pct"),
    }
}

fn card_text(l: Lang, c: &mittler_domain::billing::Card) -> String {
    l.t_args(
        "tariff-card-summary",
        &[
            ("hour", euros(c.cents_per_hour)),
            ("minimum", c.minimum_min.to_string()),
            ("step", c.step_min.to_string()),
            ("flat", euros(c.flat_cents)),
            ("km", euros(c.per_km_cents)),
        ],
    )
}

async fn tariffs_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    f: TariffForm,
    e: &FieldErrors,
    msg: Option<String>,
) -> PageResult {
    let l = ctx.lang;
    let tariffs = billing::tariffs(&s.app, a)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|t| TariffItem {
            categories: t
                .categories
                .iter()
                .map(|c| l.t(&format!("category-{}", c.as_str())))
                .collect::<Vec<_>>()
                .join(", "),
            modes: t
                .modes
                .iter()
                .map(|m| l.t(&format!("mode-{}", m.as_str())))
                .collect::<Vec<_>>()
                .join(", "),
            valid: match t.valid_to {
                Some(to) => format!(
                    "{} – {}",
                    t.valid_from.strftime("%d.%m.%Y"),
                    to.strftime("%d.%m.%Y")
                ),
                None => l.t_args(
                    "tariff-from",
                    &[("from", t.valid_from.strftime("%d.%m.%Y").to_string())],
                ),
            },
            client: card_text(l, &t.client),
            mediator: card_text(l, &t.mediator),
            name: t.name,
        })
        .collect();
    let cards = CARD_KEYS
        .iter()
        .map(|k| CardField {
            name: (*k).to_owned(),
            label: l.t(&format!("tariff-{}", k.replace('_', "-"))),
            client: f.card("client", k).to_owned(),
            mediator: f.card("mediator", k).to_owned(),
            client_err: field_error(l, e, &format!("client.{k}")),
            mediator_err: field_error(l, e, &format!("mediator.{k}")),
        })
        .collect();
    let categories = mittler_domain::institution::Category::ALL
        .iter()
        .map(|c| {
            (
                c.as_str(),
                l.t(&format!("category-{}", c.as_str())),
                f.categories.iter().any(|x| x == c.as_str()),
            )
        })
        .collect();
    let modes = ["onsite", "phone", "video"]
        .into_iter()
        .map(|m| (m, l.t(&format!("mode-{m}")), f.modes.iter().any(|x| x == m)))
        .collect();
    let errors = e.iter().map(|(k, r)| (k.to_owned(), l.reason(r))).collect();
    let page = TariffsPage {
        base: Base::new(ctx, "tariffs-title"),
        tariffs,
        form: f,
        cards,
        categories,
        modes,
        errors,
        message: msg,
    };
    let status = if e.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

pub async fn tariffs(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Query(q): Query<MessageQuery>,
) -> PageResult {
    require(&ctx, &a, Action::ChangeSettings)?;
    // The form starts with the example rates of billing.md.
    let mut f = TariffForm::default();
    for (k, c, m) in [
        ("cents_per_hour", 4500, 2500),
        ("minimum_min", 60, 60),
        ("step_min", 30, 30),
        ("flat_cents", 0, 600),
        ("per_km_cents", 30, 30),
        ("travel_cents_per_hour", 0, 1000),
        ("travel_step_min", 30, 30),
        ("night_pct", 25, 25),
        ("sunday_pct", 50, 50),
        ("holiday_pct", 125, 125),
        ("cancel_pct", 100, 100),
    ] {
        f.set("client", k, c.to_string());
        f.set("mediator", k, m.to_string());
    }
    let msg = q.text(ctx.lang);
    tariffs_page(&s, &ctx, &a, f, &FieldErrors::new(), msg).await
}

pub async fn create_tariff(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<TariffForm>,
) -> PageResult {
    require(&ctx, &a, Action::ChangeSettings)?;
    let input = TariffInput {
        name: f.name.clone(),
        categories: f.categories.clone(),
        modes: f.modes.clone(),
        valid_from: f.valid_from.clone(),
        valid_to: Some(f.valid_to.clone()),
        client: Some(card_input(&f, "client")),
        mediator: Some(card_input(&f, "mediator")),
    };
    match billing::save_tariff(&s.app, &a, None, &input).await {
        Ok(_) => Ok(Redirect::to("/tariffs?msg=tariff-saved").into_response()),
        Err(AppError::Invalid(e)) => tariffs_page(&s, &ctx, &a, f, &e, None).await,
        Err(e) => Err(fail(&ctx)(e)),
    }
}

// ---- the centre as seller, VAT and the allowance (admins) ----

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SellerForm {
    csrf: String,
    legal_name: String,
    street: String,
    postcode: String,
    city: String,
    country: String,
    tax_number: String,
    vat_id: String,
    iban: String,
    bic: String,
    contact_name: String,
    phone: String,
    email: String,
    vat_mode: String,
    vat_note: String,
    vat_percent: String,
    allowance_year: String,
    allowance_euros: String,
}

pub struct SellerField {
    name: &'static str,
    label: String,
    value: String,
    err: Option<String>,
}

#[derive(Template)]
#[template(path = "billing/settings.html")]
struct SellerPage {
    base: Base,
    fields: Vec<SellerField>,
    exempt: bool,
    vat_note: String,
    vat_percent: String,
    vat_err: Option<String>,
    allowance_year: String,
    allowance_euros: String,
    allowance_err: Option<String>,
    has_errors: bool,
    saved: bool,
}

const SELLER_FIELDS: [&str; 12] = [
    "legal_name",
    "street",
    "postcode",
    "city",
    "country",
    "tax_number",
    "vat_id",
    "iban",
    "bic",
    "contact_name",
    "phone",
    "email",
];

impl SellerForm {
    fn value(&self, k: &str) -> &str {
        match k {
            "legal_name" => &self.legal_name,
            "street" => &self.street,
            "postcode" => &self.postcode,
            "city" => &self.city,
            "country" => &self.country,
            "tax_number" => &self.tax_number,
            "vat_id" => &self.vat_id,
            "iban" => &self.iban,
            "bic" => &self.bic,
            "contact_name" => &self.contact_name,
            "phone" => &self.phone,
            "email" => &self.email,
            _ => "",
        }
    }
}

fn seller_page(ctx: &PageCtx, f: &SellerForm, e: &FieldErrors, saved: bool) -> Response {
    let l = ctx.lang;
    let page = SellerPage {
        base: Base::new(ctx, "seller-title"),
        fields: SELLER_FIELDS
            .iter()
            .map(|k| SellerField {
                name: k,
                label: l.t(&format!("seller-{}", k.replace('_', "-"))),
                value: f.value(k).to_owned(),
                err: field_error(l, e, &format!("seller.{k}")),
            })
            .collect(),
        exempt: f.vat_mode != "rate",
        vat_note: f.vat_note.clone(),
        vat_percent: f.vat_percent.clone(),
        vat_err: field_error(l, e, "vat.note").or_else(|| field_error(l, e, "vat.percent")),
        allowance_year: f.allowance_year.clone(),
        allowance_euros: f.allowance_euros.clone(),
        allowance_err: e
            .iter()
            .find(|(k, _)| k.starts_with("allowance_cents"))
            .map(|(_, r)| l.reason(r)),
        has_errors: !e.is_empty(),
        saved,
    };
    let status = if e.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, render(&page)).into_response()
}

pub async fn seller_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Query(q): Query<MessageQuery>,
) -> PageResult {
    let settings = billing::settings(&s.app, &a).await.map_err(fail(&ctx))?;
    let year = s.app.now().to_zoned(mittler_app::local_time::zone()).year();
    let sl = settings.seller.clone().unwrap_or_default();
    let (vat_mode, vat_note, vat_percent) = match &settings.vat {
        mittler_domain::billing::Vat::Exempt { note } => ("exempt", note.clone(), String::new()),
        mittler_domain::billing::Vat::Rate { percent } => {
            ("rate", String::new(), percent.to_string())
        }
    };
    let f = SellerForm {
        legal_name: sl.legal_name,
        street: sl.street,
        postcode: sl.postcode,
        city: sl.city,
        country: if sl.country.is_empty() {
            "DE".into()
        } else {
            sl.country
        },
        tax_number: sl.tax_number.unwrap_or_default(),
        vat_id: sl.vat_id.unwrap_or_default(),
        iban: sl.iban,
        bic: sl.bic,
        contact_name: sl.contact_name,
        phone: sl.phone,
        email: sl.email,
        vat_mode: vat_mode.into(),
        vat_note,
        vat_percent,
        allowance_year: year.to_string(),
        allowance_euros: {
            let c = billing::allowance(&settings, year);
            format!("{},{:02}", c / 100, c % 100)
        },
        ..SellerForm::default()
    };
    Ok(seller_page(&ctx, &f, &FieldErrors::new(), q.msg.is_some()))
}

pub async fn save_seller(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<SellerForm>,
) -> PageResult {
    require(&ctx, &a, Action::ChangeSettings)?;
    let opt = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    let seller = mittler_domain::billing::Seller {
        legal_name: f.legal_name.clone(),
        street: f.street.clone(),
        postcode: f.postcode.clone(),
        city: f.city.clone(),
        country: f.country.clone(),
        tax_number: opt(&f.tax_number),
        vat_id: opt(&f.vat_id),
        iban: f.iban.clone(),
        bic: f.bic.clone(),
        contact_name: f.contact_name.clone(),
        phone: f.phone.clone(),
        email: f.email.clone(),
    };
    let mut e = FieldErrors::new();
    let vat = if f.vat_mode == "rate" {
        match f.vat_percent.trim().parse::<i64>() {
            Ok(p) => mittler_domain::billing::Vat::Rate { percent: p },
            Err(_) => {
                e.add("vat.percent", "invalid");
                mittler_domain::billing::Vat::default()
            }
        }
    } else {
        mittler_domain::billing::Vat::Exempt {
            note: f.vat_note.clone(),
        }
    };
    let allowance = match super::parse_euros(&f.allowance_euros) {
        Some(c) => vec![(f.allowance_year.trim().to_owned(), c)],
        None => {
            e.add(
                format!("allowance_cents.{}", f.allowance_year.trim()),
                "invalid",
            );
            Vec::new()
        }
    };
    if !e.is_empty() {
        return Ok(seller_page(&ctx, &f, &e, false));
    }
    let patch = billing::SettingsPatch {
        seller: Some(seller),
        vat: Some(vat),
        allowance_cents: allowance,
    };
    match billing::set_settings(&s.app, &a, &patch).await {
        Ok(_) => Ok(Redirect::to("/billing/settings?msg=saved").into_response()),
        Err(AppError::Invalid(e)) => Ok(seller_page(&ctx, &f, &e, false)),
        Err(e) => Err(fail(&ctx)(e)),
    }
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
