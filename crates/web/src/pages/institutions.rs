//! Institution pages: list and search, create, edit, deactivate.

use super::{Base, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::{AppError, institutions};
use mittler_domain::Action;
use mittler_domain::FieldErrors;
use mittler_domain::institution::{Category, Institution, InstitutionInput, PlaceInput};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    inactive: Option<String>,
}

pub struct Row {
    id: String,
    name: String,
    category: String,
    address: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "institutions/list.html")]
struct ListPage {
    base: Base,
    q: String,
    inactive: bool,
    can_create: bool,
    rows: Vec<Row>,
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let inactive = q.inactive.is_some();
    let all = institutions::list(&s.app, &a, &q.q, inactive)
        .await
        .map_err(fail(&ctx))?;
    let lang = ctx.lang;
    let rows = all
        .into_iter()
        .map(|i| Row {
            id: i.id.to_string(),
            category: lang.t(&format!("category-{}", i.category.as_str())),
            address: i
                .places
                .first()
                .map(|p| p.address.clone())
                .unwrap_or_default(),
            name: i.name,
            active: i.active,
        })
        .collect();
    Ok(render(&ListPage {
        base: Base::new(&ctx, "institutions-title"),
        q: q.q,
        inactive,
        can_create: a.may(Action::RunMediation),
        rows,
    }))
}

pub struct PlaceRow {
    id: String,
    name: String,
    address: String,
    lat: String,
    lon: String,
    name_err: Option<String>,
    address_err: Option<String>,
    lat_err: Option<String>,
    lon_err: Option<String>,
}

#[derive(Template)]
#[template(path = "institutions/form.html")]
struct FormPage {
    base: Base,
    saved: bool,
    id: Option<String>,
    active: bool,
    can_edit: bool,
    name: String,
    name_err: Option<String>,
    contact: String,
    phone: String,
    phone_err: Option<String>,
    categories: Vec<(&'static str, String, bool)>,
    category_err: Option<String>,
    places: Vec<PlaceRow>,
    /// The billing address: (field, label, value, error).
    billing: Vec<(String, String, String, Option<String>)>,
    has_errors: bool,
    /// A geocoder finds the coordinates: the fields may stay empty.
    geocoder: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InstitutionForm {
    csrf: String,
    name: String,
    category: String,
    contact: String,
    phone: String,
    place_id: Vec<String>,
    place_name: Vec<String>,
    place_address: Vec<String>,
    place_lat: Vec<String>,
    place_lon: Vec<String>,
    billing_name: String,
    billing_street: String,
    billing_postcode: String,
    billing_city: String,
    billing_country: String,
    billing_email: String,
    billing_leitweg_id: String,
}

fn at(v: &[String], i: usize) -> String {
    v.get(i).map(|s| s.trim().to_owned()).unwrap_or_default()
}

/// Parses a decimal number as typed (a German decimal comma is fine).
pub fn parse_decimal(s: &str) -> Result<Option<f64>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.replace(',', ".").parse::<f64>().map(Some).map_err(|_| ())
}

impl InstitutionForm {
    /// The non-blank place rows, in order, as typed.
    fn rows(&self) -> Vec<[String; 5]> {
        let n = self
            .place_name
            .len()
            .max(self.place_address.len())
            .max(self.place_lat.len());
        (0..n)
            .map(|i| {
                [
                    at(&self.place_id, i),
                    at(&self.place_name, i),
                    at(&self.place_address, i),
                    at(&self.place_lat, i),
                    at(&self.place_lon, i),
                ]
            })
            .filter(|r| r.iter().skip(1).any(|v| !v.is_empty()))
            .collect()
    }

    /// The billing address as typed; none when every field is empty.
    fn billing(&self) -> Option<mittler_domain::billing::BillingAddress> {
        let b = mittler_domain::billing::BillingAddress {
            name: self.billing_name.clone(),
            street: self.billing_street.clone(),
            postcode: self.billing_postcode.clone(),
            city: self.billing_city.clone(),
            country: self.billing_country.clone(),
            email: self.billing_email.clone(),
            leitweg_id: Some(self.billing_leitweg_id.trim().to_owned()).filter(|l| !l.is_empty()),
            vat_id: None,
        };
        let typed = [&b.name, &b.street, &b.postcode, &b.city, &b.email]
            .iter()
            .any(|v| !v.trim().is_empty())
            || b.leitweg_id.is_some();
        typed.then_some(b)
    }

    fn billing_value(&self, k: &str) -> &str {
        match k {
            "name" => &self.billing_name,
            "street" => &self.billing_street,
            "postcode" => &self.billing_postcode,
            "city" => &self.billing_city,
            "country" => &self.billing_country,
            "email" => &self.billing_email,
            "leitweg_id" => &self.billing_leitweg_id,
            _ => "",
        }
    }

    /// The input and every error: the form's own (numbers) and the domain's.
    fn checked(&self) -> (InstitutionInput, FieldErrors) {
        let (input, mut errors) = self.to_input();
        if let Err(e) = input.validate() {
            for (k, v) in e.iter() {
                errors.add(k, v);
            }
        }
        if let Some(Err(e)) = self.billing().map(|b| b.validate()) {
            for (k, v) in e.iter() {
                errors.add(k, v);
            }
        }
        (input, errors)
    }

    fn to_input(&self) -> (InstitutionInput, FieldErrors) {
        let mut e = FieldErrors::new();
        let places = self
            .rows()
            .iter()
            .enumerate()
            .map(|(i, [id, name, address, lat, lon])| {
                let lat = parse_decimal(lat).unwrap_or_else(|_| {
                    e.add(format!("places[{i}].lat"), "invalid-number");
                    None
                });
                let lon = parse_decimal(lon).unwrap_or_else(|_| {
                    e.add(format!("places[{i}].lon"), "invalid-number");
                    None
                });
                PlaceInput {
                    id: uuid::Uuid::parse_str(id).ok(),
                    name: name.clone(),
                    address: address.clone(),
                    lat,
                    lon,
                }
            })
            .collect();
        (
            InstitutionInput {
                name: self.name.clone(),
                category: self.category.clone(),
                places,
                contact: self.contact.clone(),
                phone: self.phone.clone(),
            },
            e,
        )
    }
}

/// The form page, telling it whether coordinates come from a geocoder.
fn located(mut page: FormPage, s: &AppState) -> FormPage {
    page.geocoder = s.app.geocoder.is_some();
    page
}

fn form_page(
    ctx: &PageCtx,
    id: Option<&Institution>,
    can_edit: bool,
    raw: &InstitutionForm,
    errors: &FieldErrors,
) -> FormPage {
    let lang = ctx.lang;
    let mut places: Vec<PlaceRow> = raw
        .rows()
        .into_iter()
        .enumerate()
        .map(|(i, [pid, name, address, lat, lon])| {
            let f = |k: &str| field_error(lang, errors, &format!("places[{i}].{k}"));
            PlaceRow {
                name_err: f("name"),
                address_err: f("address"),
                lat_err: f("lat"),
                lon_err: f("lon"),
                id: pid,
                name,
                address,
                lat,
                lon,
            }
        })
        .collect();
    if can_edit {
        for _ in 0..2 {
            places.push(PlaceRow {
                id: String::new(),
                name: String::new(),
                address: String::new(),
                lat: String::new(),
                lon: String::new(),
                name_err: None,
                address_err: None,
                lat_err: None,
                lon_err: None,
            });
        }
    }
    let title = if id.is_some() {
        "institution-edit-title"
    } else {
        "institution-new-title"
    };
    FormPage {
        saved: false,
        base: Base::new(ctx, title),
        id: id.map(|i| i.id.to_string()),
        active: id.is_none_or(|i| i.active),
        can_edit,
        name: raw.name.clone(),
        name_err: field_error(lang, errors, "name"),
        contact: raw.contact.clone(),
        phone: raw.phone.clone(),
        phone_err: field_error(lang, errors, "phone"),
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str(),
                    lang.t(&format!("category-{}", c.as_str())),
                    c.as_str() == raw.category,
                )
            })
            .collect(),
        category_err: field_error(lang, errors, "category"),
        places,
        billing: [
            "name",
            "street",
            "postcode",
            "city",
            "country",
            "email",
            "leitweg_id",
        ]
        .iter()
        .map(|k| {
            (
                format!("billing_{k}"),
                lang.t(&format!("billing-address-{}", k.replace('_', "-"))),
                raw.billing_value(k).to_owned(),
                field_error(lang, errors, &format!("billing.{k}")),
            )
        })
        .collect(),
        has_errors: !errors.is_empty(),
        geocoder: false,
    }
}

fn raw_of(i: &Institution, b: Option<mittler_domain::billing::BillingAddress>) -> InstitutionForm {
    let b = b.unwrap_or_default();
    InstitutionForm {
        billing_name: b.name,
        billing_street: b.street,
        billing_postcode: b.postcode,
        billing_city: b.city,
        billing_country: b.country,
        billing_email: b.email,
        billing_leitweg_id: b.leitweg_id.unwrap_or_default(),
        csrf: String::new(),
        name: i.name.clone(),
        category: i.category.as_str().to_owned(),
        contact: i.contact.clone(),
        phone: i.phone.clone(),
        place_id: i.places.iter().map(|p| p.id.to_string()).collect(),
        place_name: i.places.iter().map(|p| p.name.clone()).collect(),
        place_address: i.places.iter().map(|p| p.address.clone()).collect(),
        place_lat: i.places.iter().map(|p| p.lat.to_string()).collect(),
        place_lon: i.places.iter().map(|p| p.lon.to_string()).collect(),
    }
}

pub async fn new_form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let page = form_page(
        &ctx,
        None,
        true,
        &InstitutionForm::default(),
        &FieldErrors::new(),
    );
    Ok(render(&located(page, &s)))
}

fn invalid(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<InstitutionForm>,
) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let (input, errors) = f.checked();
    if !errors.is_empty() {
        return Ok(invalid(located(
            form_page(&ctx, None, true, &f, &errors),
            &s,
        )));
    }
    match institutions::create(&s.app, &a, &input).await {
        Ok(i) => {
            if let Some(b) = f.billing() {
                mittler_app::billing::set_institution_billing(&s.app, &a, i.id, Some(&b))
                    .await
                    .map_err(fail(&ctx))?;
            }
            Ok(Redirect::to(&format!("/institutions/{}?saved=1", i.id)).into_response())
        }
        Err(AppError::Invalid(e)) => Ok(invalid(located(form_page(&ctx, None, true, &f, &e), &s))),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<super::schedule::SavedQuery>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let i = institutions::get(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let billing = mittler_app::billing::institution_billing(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let mut page = form_page(
        &ctx,
        Some(&i),
        a.may(Action::RunMediation),
        &raw_of(&i, billing),
        &FieldErrors::new(),
    );
    page.saved = q.saved.is_some();
    Ok(render(&located(page, &s)))
}

pub async fn update(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<InstitutionForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let current = institutions::get_for_change(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let (input, errors) = f.checked();
    if !errors.is_empty() {
        return Ok(invalid(located(
            form_page(&ctx, Some(&current), true, &f, &errors),
            &s,
        )));
    }
    match institutions::update(&s.app, &a, id, &input).await {
        Ok(_) => {
            if let Some(b) = f.billing() {
                mittler_app::billing::set_institution_billing(&s.app, &a, id, Some(&b))
                    .await
                    .map_err(fail(&ctx))?;
            }
            Ok(Redirect::to(&format!("/institutions/{id}?saved=1")).into_response())
        }
        Err(AppError::Invalid(e)) => Ok(invalid(located(
            form_page(&ctx, Some(&current), true, &f, &e),
            &s,
        ))),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

use super::ActiveForm;

pub async fn set_active(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<ActiveForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    institutions::set_active(&s.app, &a, id, f.active == "1")
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/institutions/{id}")).into_response())
}
