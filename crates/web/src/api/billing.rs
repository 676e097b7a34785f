//! The month's close (`billing.md`): `/api/v1/tariffs`, `/api/v1/settings`,
//! `/api/v1/billing/runs`, `/api/v1/invoices`, `/api/v1/statements`.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use mittler_app::billing::{self, InvoiceRow, RunView, StatementRow};
use mittler_domain::billing::run::Line;
use mittler_domain::billing::{BillingAddress, Card, CardInput, Seller, Tariff, TariffInput, Vat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A rate card (`billing.md`): every field must be given; amounts in cents, shares in percent.
#[derive(Deserialize, Serialize, ToSchema, Default, Clone, Copy)]
#[serde(default)]
pub struct CardBody {
    #[schema(required = true, minimum = 0, maximum = 100000)]
    cents_per_hour: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 600)]
    minimum_min: Option<i64>,
    #[schema(required = true, minimum = 1, maximum = 240)]
    step_min: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 100000)]
    flat_cents: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 1000)]
    per_km_cents: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 100000)]
    travel_cents_per_hour: Option<i64>,
    #[schema(required = true, minimum = 1, maximum = 240)]
    travel_step_min: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 500)]
    night_pct: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 500)]
    sunday_pct: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 500)]
    holiday_pct: Option<i64>,
    #[schema(required = true, minimum = 0, maximum = 100)]
    cancel_pct: Option<i64>,
}

impl From<CardBody> for CardInput {
    fn from(c: CardBody) -> Self {
        CardInput {
            cents_per_hour: c.cents_per_hour,
            minimum_min: c.minimum_min,
            step_min: c.step_min,
            flat_cents: c.flat_cents,
            per_km_cents: c.per_km_cents,
            travel_cents_per_hour: c.travel_cents_per_hour,
            travel_step_min: c.travel_step_min,
            night_pct: c.night_pct,
            sunday_pct: c.sunday_pct,
            holiday_pct: c.holiday_pct,
            cancel_pct: c.cancel_pct,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct TariffBody {
    #[schema(required = true, min_length = 1)]
    name: String,
    /// Institution categories: authority, health, school, social, court, other.
    #[schema(required = true, min_items = 1)]
    categories: Vec<String>,
    /// onsite, phone, video.
    #[schema(required = true, min_items = 1)]
    modes: Vec<String>,
    /// `YYYY-MM-DD`, inclusive.
    #[schema(required = true, min_length = 1)]
    valid_from: String,
    /// `YYYY-MM-DD`, exclusive; open when left out.
    valid_to: Option<String>,
    #[schema(required = true)]
    client: Option<CardBody>,
    #[schema(required = true)]
    mediator: Option<CardBody>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct TariffPatch {
    name: Option<String>,
    categories: Option<Vec<String>>,
    modes: Option<Vec<String>>,
    valid_from: Option<String>,
    /// An empty text makes the tariff open-ended.
    valid_to: Option<String>,
    client: Option<CardBody>,
    mediator: Option<CardBody>,
}

#[derive(Serialize, ToSchema)]
pub struct CardOut {
    cents_per_hour: i64,
    minimum_min: i64,
    step_min: i64,
    flat_cents: i64,
    per_km_cents: i64,
    travel_cents_per_hour: i64,
    travel_step_min: i64,
    night_pct: i64,
    sunday_pct: i64,
    holiday_pct: i64,
    cancel_pct: i64,
}

impl From<Card> for CardOut {
    fn from(c: Card) -> Self {
        CardOut {
            cents_per_hour: c.cents_per_hour,
            minimum_min: c.minimum_min,
            step_min: c.step_min,
            flat_cents: c.flat_cents,
            per_km_cents: c.per_km_cents,
            travel_cents_per_hour: c.travel_cents_per_hour,
            travel_step_min: c.travel_step_min,
            night_pct: c.night_pct,
            sunday_pct: c.sunday_pct,
            holiday_pct: c.holiday_pct,
            cancel_pct: c.cancel_pct,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TariffOut {
    id: uuid::Uuid,
    name: String,
    categories: Vec<String>,
    modes: Vec<String>,
    valid_from: String,
    valid_to: Option<String>,
    client: CardOut,
    mediator: CardOut,
}

impl From<Tariff> for TariffOut {
    fn from(t: Tariff) -> Self {
        TariffOut {
            id: t.id,
            name: t.name,
            categories: t.categories.iter().map(|c| c.as_str().to_owned()).collect(),
            modes: t.modes.iter().map(|m| m.as_str().to_owned()).collect(),
            valid_from: t.valid_from.to_string(),
            valid_to: t.valid_to.map(|d| d.to_string()),
            client: t.client.into(),
            mediator: t.mediator.into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct IdOut {
    id: uuid::Uuid,
}

#[utoipa::path(get, path = "/api/v1/tariffs", tag = "billing", security(("bearer" = [])),
    responses((status = 200, body = [TariffOut])))]
pub async fn list_tariffs(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<TariffOut>>, ApiError> {
    Ok(Json(
        billing::tariffs(&s.app, &a)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/tariffs", tag = "billing", request_body = TariffBody, security(("bearer" = [])),
    responses((status = 201, body = IdOut)))]
pub async fn create_tariff(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<TariffBody>,
) -> Result<(StatusCode, Json<IdOut>), ApiError> {
    let input = TariffInput {
        name: b.name,
        categories: b.categories,
        modes: b.modes,
        valid_from: b.valid_from,
        valid_to: b.valid_to,
        client: b.client.map(Into::into),
        mediator: b.mediator.map(Into::into),
    };
    let t = billing::save_tariff(&s.app, &a, None, &input).await?;
    Ok((StatusCode::CREATED, Json(IdOut { id: t.id })))
}

#[utoipa::path(patch, path = "/api/v1/tariffs/{id}", tag = "billing", request_body = TariffPatch, params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = TariffOut)))]
pub async fn patch_tariff(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<TariffPatch>,
) -> Result<Json<TariffOut>, ApiError> {
    let id = parse_id(&id)?;
    let current = billing::tariff_for_change(&s.app, &a, id).await?;
    let input = TariffInput {
        name: p.name.unwrap_or(current.name),
        categories: p.categories.unwrap_or_else(|| {
            current
                .categories
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect()
        }),
        modes: p.modes.unwrap_or_else(|| {
            current
                .modes
                .iter()
                .map(|m| m.as_str().to_owned())
                .collect()
        }),
        valid_from: p
            .valid_from
            .unwrap_or_else(|| current.valid_from.to_string()),
        valid_to: match p.valid_to {
            Some(v) => Some(v),
            None => current.valid_to.map(|d| d.to_string()),
        },
        client: Some(
            p.client
                .map(Into::into)
                .unwrap_or_else(|| current.client.into()),
        ),
        mediator: Some(
            p.mediator
                .map(Into::into)
                .unwrap_or_else(|| current.mediator.into()),
        ),
    };
    Ok(Json(
        billing::save_tariff(&s.app, &a, Some(id), &input)
            .await?
            .into(),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct SellerBody {
    legal_name: String,
    street: String,
    postcode: String,
    city: String,
    /// ISO 3166-1 alpha-2, e.g. DE.
    country: String,
    tax_number: Option<String>,
    vat_id: Option<String>,
    iban: String,
    bic: String,
    contact_name: String,
    phone: String,
    email: String,
}

/// `{"mode": "exempt", "note": "..."}` or `{"mode": "rate", "percent": 19}`.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum VatBody {
    Exempt { note: String },
    Rate { percent: i64 },
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct SettingsPatch {
    seller: Option<SellerBody>,
    vat: Option<VatBody>,
    /// The volunteers' tax-free allowance per year in cents, e.g. `{"2027": 96000}`.
    allowance_cents: BTreeMap<String, i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SettingsOut {
    seller: Option<SellerBody>,
    vat: VatBody,
    /// The allowances the centre set; other years take the law's (96000 from 2026).
    allowance_cents: BTreeMap<String, i64>,
}

fn settings_out(s: billing::Settings) -> SettingsOut {
    SettingsOut {
        seller: s.seller.map(|s| SellerBody {
            legal_name: s.legal_name,
            street: s.street,
            postcode: s.postcode,
            city: s.city,
            country: s.country,
            tax_number: s.tax_number,
            vat_id: s.vat_id,
            iban: s.iban,
            bic: s.bic,
            contact_name: s.contact_name,
            phone: s.phone,
            email: s.email,
        }),
        vat: match s.vat {
            Vat::Exempt { note } => VatBody::Exempt { note },
            Vat::Rate { percent } => VatBody::Rate { percent },
        },
        allowance_cents: s
            .allowances
            .into_iter()
            .map(|(y, c)| (y.to_string(), c))
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/settings", tag = "billing", security(("bearer" = [])),
    responses((status = 200, body = SettingsOut)))]
pub async fn get_settings(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<SettingsOut>, ApiError> {
    Ok(Json(settings_out(billing::settings(&s.app, &a).await?)))
}

#[utoipa::path(patch, path = "/api/v1/settings", tag = "billing", request_body = SettingsPatch, security(("bearer" = [])),
    responses((status = 200, body = SettingsOut)))]
pub async fn patch_settings(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(p): ApiJson<SettingsPatch>,
) -> Result<Json<SettingsOut>, ApiError> {
    let patch = billing::SettingsPatch {
        seller: p.seller.map(|s| Seller {
            legal_name: s.legal_name,
            street: s.street,
            postcode: s.postcode,
            city: s.city,
            country: s.country,
            tax_number: s.tax_number,
            vat_id: s.vat_id,
            iban: s.iban,
            bic: s.bic,
            contact_name: s.contact_name,
            phone: s.phone,
            email: s.email,
        }),
        vat: p.vat.map(|v| match v {
            VatBody::Exempt { note } => Vat::Exempt { note },
            VatBody::Rate { percent } => Vat::Rate { percent },
        }),
        allowance_cents: p.allowance_cents.into_iter().collect(),
    };
    Ok(Json(settings_out(
        billing::set_settings(&s.app, &a, &patch).await?,
    )))
}

/// An institution's billing address (`billing` of `POST`/`PATCH /api/v1/institutions`).
#[derive(Deserialize, Serialize, ToSchema, Default, Clone)]
#[serde(default)]
pub struct BillingBody {
    name: String,
    street: String,
    postcode: String,
    city: String,
    country: String,
    email: String,
    /// The Leitweg-ID of a public buyer (with its check digits).
    leitweg_id: Option<String>,
    vat_id: Option<String>,
}

impl From<BillingBody> for BillingAddress {
    fn from(b: BillingBody) -> Self {
        BillingAddress {
            name: b.name,
            street: b.street,
            postcode: b.postcode,
            city: b.city,
            country: b.country,
            email: b.email,
            leitweg_id: b.leitweg_id,
            vat_id: b.vat_id,
        }
    }
}

impl From<BillingAddress> for BillingBody {
    fn from(b: BillingAddress) -> Self {
        BillingBody {
            name: b.name,
            street: b.street,
            postcode: b.postcode,
            city: b.city,
            country: b.country,
            email: b.email,
            leitweg_id: b.leitweg_id,
            vat_id: b.vat_id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LineOut {
    request_id: uuid::Uuid,
    /// assignment, late_cancellation or call.
    kind: String,
    day: String,
    language: String,
    minutes: i64,
    time_cents: i64,
    surcharge_cents: i64,
    travel_cents: i64,
    total_cents: i64,
}

fn lines(ls: Vec<Line>) -> Vec<LineOut> {
    ls.into_iter()
        .map(|l| LineOut {
            request_id: l.request_id,
            kind: l.priced.kind.as_str().to_owned(),
            day: l.day.to_string(),
            language: l.language,
            minutes: l.priced.minutes,
            time_cents: l.priced.time_cents,
            surcharge_cents: l.priced.surcharge_cents,
            travel_cents: l.priced.travel_cents,
            total_cents: l.priced.total_cents,
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct InvoiceOut {
    id: uuid::Uuid,
    /// Given when issued: `2027-0001`, gapless per centre and year.
    number: Option<String>,
    /// invoice or credit_note.
    kind: String,
    /// draft, issued, or cancelled (by a credit note).
    status: String,
    institution_id: uuid::Uuid,
    run_id: Option<uuid::Uuid>,
    month: String,
    issued_on: Option<String>,
    /// The invoice a credit note cancels.
    refers_to: Option<uuid::Uuid>,
    reason: Option<String>,
    net_cents: i64,
    vat_cents: i64,
    total_cents: i64,
    lines: Vec<LineOut>,
}

impl From<InvoiceRow> for InvoiceOut {
    fn from(i: InvoiceRow) -> Self {
        InvoiceOut {
            id: i.id,
            number: i.number,
            kind: i.kind,
            status: i.status,
            institution_id: i.institution_id,
            run_id: i.run_id,
            month: i.month,
            issued_on: i.issued_on.map(|d| d.to_string()),
            refers_to: i.refers_to,
            reason: i.reason,
            net_cents: i.net_cents,
            vat_cents: i.vat_cents,
            total_cents: i.total_cents,
            lines: lines(i.lines),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StatementOut {
    id: uuid::Uuid,
    mediator_id: uuid::Uuid,
    run_id: uuid::Uuid,
    month: String,
    status: String,
    /// volunteer, freelance or employee (hours only, amounts 0).
    engagement: String,
    total_cents: i64,
    /// Issued statements of the year, this one included.
    year_to_date_cents: i64,
    /// Volunteers: the year's allowance minus `year_to_date_cents`.
    allowance_left_cents: Option<i64>,
    lines: Vec<LineOut>,
}

impl From<StatementRow> for StatementOut {
    fn from(s: StatementRow) -> Self {
        StatementOut {
            id: s.id,
            mediator_id: s.mediator_id,
            run_id: s.run_id,
            month: s.month,
            status: s.status,
            engagement: s.engagement.as_str().to_owned(),
            total_cents: s.total_cents,
            year_to_date_cents: s.year_to_date_cents,
            allowance_left_cents: s.allowance_left_cents,
            lines: lines(s.lines),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RunOut {
    id: uuid::Uuid,
    month: String,
    /// draft, issued, discarded or superseded (by a newer draft of the month).
    status: String,
    created_at: String,
    issued_at: Option<String>,
    invoices: Vec<InvoiceOut>,
    statements: Vec<StatementOut>,
    /// Requests no tariff covers: not billed (never as zero).
    without_tariff: Vec<uuid::Uuid>,
}

fn run_out(v: RunView) -> RunOut {
    RunOut {
        id: v.run.id,
        month: v.run.month,
        status: v.run.status,
        created_at: v.run.created_at.to_string(),
        issued_at: v.run.issued_at.map(|t| t.to_string()),
        invoices: v.invoices.into_iter().map(Into::into).collect(),
        statements: v.statements.into_iter().map(Into::into).collect(),
        without_tariff: v.run.without_tariff,
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct RunBody {
    /// `YYYY-MM`
    #[schema(required = true, min_length = 7, max_length = 7)]
    month: String,
}

#[utoipa::path(post, path = "/api/v1/billing/runs", tag = "billing", request_body = RunBody, security(("bearer" = [])),
    responses((status = 201, body = RunOut)))]
pub async fn create_run(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<RunBody>,
) -> Result<(StatusCode, Json<RunOut>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(run_out(billing::draft(&s.app, &a, &b.month).await?)),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct RunSummary {
    id: uuid::Uuid,
    month: String,
    status: String,
    created_at: String,
    issued_at: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/billing/runs", tag = "billing", security(("bearer" = [])),
    responses((status = 200, body = [RunSummary])))]
pub async fn list_runs(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<RunSummary>>, ApiError> {
    Ok(Json(
        billing::runs(&s.app, &a)
            .await?
            .into_iter()
            .map(|r| RunSummary {
                id: r.id,
                month: r.month,
                status: r.status,
                created_at: r.created_at.to_string(),
                issued_at: r.issued_at.map(|t| t.to_string()),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/billing/runs/{id}", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = RunOut)))]
pub async fn get_run(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<RunOut>, ApiError> {
    Ok(Json(run_out(
        billing::run(&s.app, &a, parse_id(&id)?).await?,
    )))
}

#[utoipa::path(post, path = "/api/v1/billing/runs/{id}/recompute", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = RunOut, description = "A new draft of the month; the old one is superseded"), (status = 409, body = crate::error::ErrorBody)))]
pub async fn recompute_run(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<RunOut>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(run_out(
            billing::recompute(&s.app, &a, parse_id(&id)?).await?,
        )),
    ))
}

#[utoipa::path(post, path = "/api/v1/billing/runs/{id}/discard", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Discarded"), (status = 409, body = crate::error::ErrorBody)))]
pub async fn discard_run(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    billing::discard(&s.app, &a, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/billing/runs/{id}/issue", tag = "billing", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = RunOut), (status = 409, body = crate::error::ErrorBody)))]
pub async fn issue_run(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<RunOut>, ApiError> {
    Ok(Json(run_out(
        billing::issue(&s.app, &a, parse_id(&id)?).await?,
    )))
}
