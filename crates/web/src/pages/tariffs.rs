//! The month's close set up by admins: tariffs, and the centre as seller with VAT and the allowance.

use super::{Base, MessageQuery, PageResult, fail, field_error, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::billing;
use mittler_app::{Actor, AppError};
use mittler_domain::billing::{CardInput, TariffInput};
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;

use super::billing::euros;

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
    PageQuery(q): PageQuery<MessageQuery>,
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
    PageQuery(q): PageQuery<MessageQuery>,
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
