//! `/api/v1/institutions`.

use super::billing::BillingBody;
use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use mittler_app::{billing, institutions};
use mittler_domain::institution::{Institution, InstitutionInput, PlaceInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct PlaceBody {
    /// Set to keep (and change) an existing place; leave out for a new one.
    id: Option<uuid::Uuid>,
    #[schema(required = true, min_length = 1)]
    name: String,
    #[schema(required = true, min_length = 1)]
    address: String,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct InstitutionBody {
    #[schema(required = true, min_length = 1)]
    name: String,
    /// authority, health, school, social, court or other
    #[schema(required = true, min_length = 1)]
    category: String,
    places: Vec<PlaceBody>,
    /// Whom mediators and clients call (a person or a desk), optional.
    contact: String,
    /// The institution's phone number for mediators and clients, optional.
    phone: String,
    /// Where invoices go (needed before its first invoice is issued).
    billing: Option<BillingBody>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct InstitutionPatch {
    name: Option<String>,
    category: Option<String>,
    /// When given, the complete new list of places (existing ones with their id).
    places: Option<Vec<PlaceBody>>,
    contact: Option<String>,
    phone: Option<String>,
    active: Option<bool>,
    /// The billing address; `null` leaves it, an object replaces it.
    billing: Option<BillingBody>,
}

#[derive(Serialize, ToSchema)]
pub struct PlaceOut {
    id: uuid::Uuid,
    name: String,
    address: String,
    lat: f64,
    lon: f64,
}

#[derive(Serialize, ToSchema)]
pub struct InstitutionOut {
    id: uuid::Uuid,
    name: String,
    category: String,
    active: bool,
    places: Vec<PlaceOut>,
    contact: String,
    phone: String,
    billing: Option<BillingBody>,
}

impl From<Institution> for InstitutionOut {
    fn from(i: Institution) -> Self {
        InstitutionOut {
            id: i.id,
            name: i.name,
            category: i.category.as_str().to_owned(),
            active: i.active,
            places: i
                .places
                .into_iter()
                .map(|p| PlaceOut {
                    id: p.id,
                    name: p.name,
                    address: p.address,
                    lat: p.lat,
                    lon: p.lon,
                })
                .collect(),
            contact: i.contact,
            phone: i.phone,
            billing: None,
        }
    }
}

/// The institution with its billing address.
async fn out(
    s: &AppState,
    a: &mittler_app::Actor,
    i: Institution,
) -> Result<InstitutionOut, ApiError> {
    let billing = billing::institution_billing(&s.app, a, i.id).await?;
    let mut o = InstitutionOut::from(i);
    o.billing = billing.map(Into::into);
    Ok(o)
}

fn place_input(p: PlaceBody) -> PlaceInput {
    PlaceInput {
        id: p.id,
        name: p.name,
        address: p.address,
        lat: p.lat,
        lon: p.lon,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// Search in name, category and addresses.
    q: Option<String>,
    /// `true` to include deactivated institutions.
    inactive: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/institutions", tag = "institutions", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = [InstitutionOut]), (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<InstitutionOut>>, ApiError> {
    let inactive = q.inactive.as_deref() == Some("true");
    let all = institutions::list(&s.app, &a, q.q.as_deref().unwrap_or(""), inactive).await?;
    let mut out = Vec::with_capacity(all.len());
    for i in all {
        out.push(self::out(&s, &a, i).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/institutions", tag = "institutions", request_body = InstitutionBody, security(("bearer" = [])),
    responses((status = 201, body = InstitutionOut), (status = 400, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<InstitutionBody>,
) -> Result<(StatusCode, Json<InstitutionOut>), ApiError> {
    let input = InstitutionInput {
        name: b.name,
        category: b.category,
        places: b.places.into_iter().map(place_input).collect(),
        contact: b.contact,
        phone: b.phone,
    };
    let address = b
        .billing
        .map(|b| billing::check_billing(&b.into()))
        .transpose()?;
    let i = institutions::create(&s.app, &a, &input).await?;
    if let Some(address) = &address {
        billing::set_institution_billing(&s.app, &a, i.id, Some(address)).await?;
    }
    Ok((StatusCode::CREATED, Json(out(&s, &a, i).await?)))
}

#[utoipa::path(get, path = "/api/v1/institutions/{id}", tag = "institutions", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = InstitutionOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<InstitutionOut>, ApiError> {
    let i = institutions::get(&s.app, &a, parse_id(&id)?).await?;
    Ok(Json(out(&s, &a, i).await?))
}

#[utoipa::path(patch, path = "/api/v1/institutions/{id}", tag = "institutions", request_body = InstitutionPatch, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = InstitutionOut), (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody)))]
pub async fn patch(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<InstitutionPatch>,
) -> Result<Json<InstitutionOut>, ApiError> {
    let id = parse_id(&id)?;
    let current = institutions::get_for_change(&s.app, &a, id).await?;
    let address = p
        .billing
        .map(|b| billing::check_billing(&b.into()))
        .transpose()?;
    let changes_data = p.name.is_some()
        || p.category.is_some()
        || p.places.is_some()
        || p.contact.is_some()
        || p.phone.is_some();
    let places = match p.places {
        Some(ps) => ps.into_iter().map(place_input).collect(),
        None => current
            .places
            .iter()
            .map(|pl| PlaceInput {
                id: Some(pl.id),
                name: pl.name.clone(),
                address: pl.address.clone(),
                lat: Some(pl.lat),
                lon: Some(pl.lon),
            })
            .collect(),
    };
    if changes_data {
        let input = InstitutionInput {
            name: p.name.unwrap_or(current.name.clone()),
            category: p.category.unwrap_or(current.category.as_str().to_owned()),
            places,
            contact: p.contact.unwrap_or(current.contact.clone()),
            phone: p.phone.unwrap_or(current.phone.clone()),
        };
        institutions::update(&s.app, &a, id, &input).await?;
    }
    if let Some(active) = p.active
        && active != current.active
    {
        institutions::set_active(&s.app, &a, id, active).await?;
    }
    if let Some(address) = &address {
        billing::set_institution_billing(&s.app, &a, id, Some(address)).await?;
    }
    let i = institutions::get(&s.app, &a, id).await?;
    Ok(Json(out(&s, &a, i).await?))
}
