//! The offers catalogue of `/api/v1`: providers, offers and their review, registrations,
//! and the public catalogue with registration by double opt-in.

use super::parse_id;
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiActor, ApiJson};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use mittler_app::catalogue::{self, Filter};
use mittler_app::offers;
use mittler_app::offers::{Confirmed, Offer, Reg, Release};
use mittler_app::registrations;
use mittler_domain::offer::{Category, Event, OfferInput, ScheduleInput, TargetGroup, TextInput};
use mittler_domain::registration::RegistrationInput;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ProviderBody {
    #[schema(required = true, min_length = 1)]
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct IdOut {
    id: uuid::Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct ProviderOut {
    id: uuid::Uuid,
    name: String,
}

#[utoipa::path(post, path = "/api/v1/providers", tag = "catalogue", request_body = ProviderBody, security(("bearer" = [])),
    responses((status = 201, body = IdOut), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create_provider(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<ProviderBody>,
) -> Result<(StatusCode, Json<IdOut>), ApiError> {
    let id = offers::create_provider(&s.app, &a, &b.name).await?;
    Ok((StatusCode::CREATED, Json(IdOut { id })))
}

#[utoipa::path(get, path = "/api/v1/providers", tag = "catalogue", security(("bearer" = [])),
    responses((status = 200, body = [ProviderOut]), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list_providers(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
) -> Result<Json<Vec<ProviderOut>>, ApiError> {
    let all = offers::providers(&s.app, &a).await?;
    Ok(Json(
        all.into_iter()
            .map(|p| ProviderOut {
                id: p.id,
                name: p.name,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
#[schema(as = OfferPlaceBody)]
pub struct PlaceBody {
    #[schema(required = true, min_length = 1)]
    name: String,
    #[schema(required = true, min_length = 1)]
    address: String,
    district: Option<String>,
    #[schema(required = true, value_type = f64)]
    lat: Option<f64>,
    #[schema(required = true, value_type = f64)]
    lon: Option<f64>,
    accessibility: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct SessionBody {
    /// RFC 3339, or local `YYYY-MM-DDTHH:MM` in the centre's time zone
    #[schema(required = true, min_length = 1)]
    start: String,
    #[schema(required = true, min_length = 1)]
    end: String,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ScheduleBody {
    /// `weekly` (weekdays over a term, with exceptions) or `block` (every day of a holiday block)
    kind: String,
    /// `mo`, `tu`, `we`, `th`, `fr`, `sa`, `su`
    weekdays: Vec<String>,
    start_time: String,
    end_time: String,
    from: String,
    until: String,
    /// Dates without a session (school holidays)
    except: Vec<String>,
    weekends: bool,
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct OfferBody {
    provider_id: Option<uuid::Uuid>,
    /// By language code: `de` is required; `en`, `ar`, `fa`, `uk`, `ru`, `tr`, `ti`, `kmr`, ... optional
    #[schema(required = true)]
    title: BTreeMap<String, String>,
    description: BTreeMap<String, String>,
    /// sport, swimming, play, language, counselling, school, culture, professionals, meeting
    #[schema(required = true, min_length = 1)]
    category: String,
    /// children, youth, adults, families, women, seniors, professionals, newly_arrived
    #[schema(required = true, min_items = 1)]
    target_groups: Vec<String>,
    age_min: Option<i64>,
    age_max: Option<i64>,
    /// ISO 639-3 codes of the languages spoken there
    languages: Vec<String>,
    #[schema(required = true)]
    place: PlaceBody,
    /// Single sessions; or give `schedule` instead
    sessions: Vec<SessionBody>,
    schedule: Option<ScheduleBody>,
    /// 0 or left out: free of charge
    cost_cents: Option<i64>,
    cost_note: Option<String>,
    #[schema(required = true, value_type = i64)]
    capacity: Option<i64>,
    /// `none`, `first_come` or `lottery`
    registration: String,
    /// When the lottery is drawn (before the first session)
    lottery_at: Option<String>,
    /// Seats kept for a target group in the lottery
    quotas: BTreeMap<String, i64>,
}

fn offer_input(b: OfferBody) -> OfferInput {
    let mut langs: Vec<&String> = b.title.keys().chain(b.description.keys()).collect();
    langs.sort();
    langs.dedup();
    let texts = langs
        .into_iter()
        .map(|l| TextInput {
            lang: l.clone(),
            title: b.title.get(l).cloned().unwrap_or_default(),
            description: b.description.get(l).cloned().unwrap_or_default(),
        })
        .collect();
    let schedule = match b.schedule {
        Some(s) => ScheduleInput {
            kind: s.kind,
            dates: Vec::new(),
            weekdays: s.weekdays,
            start_time: s.start_time,
            end_time: s.end_time,
            from: s.from,
            until: s.until,
            except: s.except,
            weekends: s.weekends,
        },
        None => ScheduleInput {
            kind: "dates".into(),
            dates: b.sessions.into_iter().map(|s| (s.start, s.end)).collect(),
            ..Default::default()
        },
    };
    OfferInput {
        texts,
        category: b.category,
        target_groups: b.target_groups,
        age_min: b.age_min,
        age_max: b.age_max,
        languages: b.languages,
        place_name: b.place.name,
        address: b.place.address,
        district: b.place.district,
        lat: b.place.lat,
        lon: b.place.lon,
        accessibility: b.place.accessibility,
        schedule,
        cost_cents: b.cost_cents,
        cost_note: b.cost_note,
        capacity: b.capacity,
        registration: b.registration,
        lottery_at: b.lottery_at,
        quotas: b.quotas.into_iter().collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct TextOut {
    /// The language the text is in
    lang: String,
    text: String,
    /// German shown because the asked language has no translation
    fallback: bool,
    /// Translated from an older German text
    outdated: bool,
}

#[derive(Serialize, ToSchema)]
#[schema(as = OfferPlaceOut)]
pub struct PlaceOut {
    name: String,
    address: String,
    district: Option<String>,
    lat: f64,
    lon: f64,
    accessibility: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    id: uuid::Uuid,
    start: String,
    end: String,
}

#[derive(Serialize, ToSchema)]
pub struct OfferOut {
    id: uuid::Uuid,
    status: String,
    provider: String,
    title: TextOut,
    description: TextOut,
    /// Languages the offer is written in, with whether each is outdated
    translations: BTreeMap<String, bool>,
    category: String,
    target_groups: Vec<String>,
    age_min: Option<u8>,
    age_max: Option<u8>,
    languages: Vec<String>,
    place: PlaceOut,
    sessions: Vec<SessionOut>,
    cost_cents: u32,
    cost_note: Option<String>,
    capacity: u32,
    registration: String,
    lottery_at: Option<String>,
    /// Seats still free (public catalogue only, for offers with registration)
    #[serde(skip_serializing_if = "Option::is_none")]
    seats_left: Option<u32>,
}

fn offer_out(o: &Offer, lang: &str, seats_left: Option<u32>) -> OfferOut {
    let shown = o.texts.show(lang);
    let text = |f: fn(&mittler_domain::offer::Text) -> &String| match &shown {
        Some(s) => TextOut {
            lang: s.lang.to_owned(),
            text: f(s.text).clone(),
            fallback: s.fallback,
            outdated: s.outdated,
        },
        None => TextOut {
            lang: "de".into(),
            text: String::new(),
            fallback: true,
            outdated: false,
        },
    };
    OfferOut {
        id: o.id,
        status: o.status.as_str().to_owned(),
        provider: o.provider_name.clone(),
        title: text(|t| &t.title),
        description: text(|t| &t.description),
        translations: o
            .texts
            .by_lang
            .keys()
            .map(|l| (l.clone(), o.texts.is_outdated(l)))
            .collect(),
        category: o.category.as_str().to_owned(),
        target_groups: o
            .target_groups
            .iter()
            .map(|g| g.as_str().to_owned())
            .collect(),
        age_min: o.age_min,
        age_max: o.age_max,
        languages: o.languages.clone(),
        place: PlaceOut {
            name: o.venue.name.clone(),
            address: o.venue.address.clone(),
            district: o.venue.district.clone(),
            lat: o.venue.lat,
            lon: o.venue.lon,
            accessibility: o.venue.accessibility.clone(),
        },
        sessions: o
            .sessions
            .iter()
            .map(|(id, s)| SessionOut {
                id: *id,
                start: s.start.to_string(),
                end: s.end.to_string(),
            })
            .collect(),
        cost_cents: o.cost_cents,
        cost_note: o.cost_note.clone(),
        capacity: o.capacity,
        registration: o.registration.as_str().to_owned(),
        lottery_at: o.registration.lottery_at().map(|t| t.to_string()),
        seats_left,
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedOffer {
    id: uuid::Uuid,
    status: String,
}

#[utoipa::path(post, path = "/api/v1/offers", tag = "catalogue", request_body = OfferBody, security(("bearer" = [])),
    responses((status = 201, body = CreatedOffer), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    ApiJson(b): ApiJson<OfferBody>,
) -> Result<(StatusCode, Json<CreatedOffer>), ApiError> {
    let provider = b.provider_id;
    let id = offers::create(&s.app, &a, provider, &offer_input(b)).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedOffer {
            id,
            status: "draft".into(),
        }),
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct StaffListQuery {
    /// draft, in_review, published or archived
    status: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/offers", tag = "catalogue", params(StaffListQuery), security(("bearer" = [])),
    responses((status = 200, body = [OfferOut]), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Query(q): Query<StaffListQuery>,
) -> Result<Json<Vec<OfferOut>>, ApiError> {
    let status = q
        .status
        .as_deref()
        .and_then(mittler_domain::offer::Status::parse);
    let all = offers::list(&s.app, &a, status).await?;
    Ok(Json(all.iter().map(|o| offer_out(o, "de", None)).collect()))
}

#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "catalogue", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = OfferOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<OfferOut>, ApiError> {
    let o = offers::get(&s.app, &a, parse_id(&id)?).await?;
    Ok(Json(offer_out(&o, "de", None)))
}

#[derive(Serialize, ToSchema)]
pub struct StatusOut {
    status: String,
}

async fn step(
    s: &AppState,
    a: &mittler_app::Actor,
    id: &str,
    e: Event,
) -> Result<Json<StatusOut>, ApiError> {
    let to = offers::transition(&s.app, a, parse_id(id)?, e, None).await?;
    Ok(Json(StatusOut {
        status: to.as_str().to_owned(),
    }))
}

#[utoipa::path(post, path = "/api/v1/offers/{id}/submit", tag = "catalogue", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = StatusOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn submit(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<StatusOut>, ApiError> {
    step(&s, &a, &id, Event::Submit).await
}

#[utoipa::path(post, path = "/api/v1/offers/{id}/publish", tag = "catalogue", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = StatusOut), (status = 403, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn publish(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<StatusOut>, ApiError> {
    step(&s, &a, &id, Event::Publish).await
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOut {
    id: uuid::Uuid,
    /// pending, confirmed, waitlisted, entered (lottery to come) or cancelled
    status: String,
    name: String,
    email: String,
    persons: u32,
    children_ages: Vec<u8>,
    lang: String,
    group: Option<String>,
    /// Place on the waiting list
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
    /// Consents in force
    consents: Vec<String>,
}

fn registration_out(regs: &[Reg]) -> Vec<RegistrationOut> {
    let mut waiting = 0;
    regs.iter()
        .map(|r| {
            let position =
                (r.status == mittler_domain::registration::Status::Waitlisted).then(|| {
                    waiting += 1;
                    waiting
                });
            RegistrationOut {
                id: r.id,
                status: r.status.as_str().to_owned(),
                name: r.name.clone(),
                email: r.email.clone(),
                persons: r.persons,
                children_ages: r.children.clone(),
                lang: r.lang.clone(),
                group: r.group.map(|g| g.as_str().to_owned()),
                position,
                consents: r
                    .consents
                    .iter()
                    .filter(|(_, revoked)| revoked.is_none())
                    .map(|(c, _)| c.as_str().to_owned())
                    .collect(),
            }
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/offers/{id}/registrations", tag = "catalogue", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = [RegistrationOut]), (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)))]
pub async fn registrations(
    State(s): State<AppState>,
    ApiActor(a): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Vec<RegistrationOut>>, ApiError> {
    let (_, regs) = offers::registrations(&s.app, &a, parse_id(&id)?).await?;
    Ok(Json(registration_out(&regs)))
}

// ---------------------------------------------------------------- public

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct PublicQuery {
    /// Language of the texts (German where not translated)
    pub lang: Option<String>,
    pub category: Option<String>,
    /// A target group
    pub target: Option<String>,
    pub age: Option<String>,
    /// Search, tolerant of misspellings
    pub q: Option<String>,
    /// ISO 639-3 code of a language spoken at the offer
    pub spoken: Option<String>,
    pub district: Option<String>,
    /// `YYYY-MM-DD`
    pub from: Option<String>,
    pub to: Option<String>,
    /// `true` for offers free of charge
    pub free: Option<String>,
}

/// The filter of a query; a malformed value is refused naming its field.
pub fn public_filter(q: &PublicQuery) -> Result<Filter, mittler_domain::FieldErrors> {
    let mut e = mittler_domain::FieldErrors::new();
    let nonempty = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let category = nonempty(&q.category).and_then(|c| {
        Category::parse(&c).or_else(|| {
            e.add("category", "invalid");
            None
        })
    });
    let target = nonempty(&q.target).and_then(|c| {
        TargetGroup::parse(&c).or_else(|| {
            e.add("target", "invalid");
            None
        })
    });
    let age = nonempty(&q.age).and_then(|a| {
        a.parse::<u8>().ok().filter(|a| *a <= 120).or_else(|| {
            e.add("age", "out-of-range");
            None
        })
    });
    let date = |e: &mut mittler_domain::FieldErrors, f: &str, v: Option<String>| {
        v.and_then(|d| {
            d.parse::<jiff::civil::Date>().ok().or_else(|| {
                e.add(f, "invalid-date");
                None
            })
        })
    };
    let from = date(&mut e, "from", nonempty(&q.from));
    let to = date(&mut e, "to", nonempty(&q.to));
    e.finish(Filter {
        category,
        target,
        age,
        spoken: nonempty(&q.spoken),
        district: nonempty(&q.district),
        from,
        to,
        free: matches!(q.free.as_deref(), Some("true" | "1" | "on")),
        q: q.q.clone().unwrap_or_default(),
    })
}

fn text_lang(q: &Option<String>) -> String {
    q.as_deref()
        .map(str::trim)
        .filter(|l| mittler_domain::offer::is_text_lang(l))
        .unwrap_or("de")
        .to_owned()
}

#[utoipa::path(get, path = "/api/v1/public/{tenant}/offers", tag = "public", params(("tenant" = String, Path), PublicQuery),
    responses((status = 200, body = [OfferOut]), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)))]
pub async fn public_list(
    State(s): State<AppState>,
    Path(tenant): Path<String>,
    Query(q): Query<PublicQuery>,
) -> Result<Json<Vec<OfferOut>>, ApiError> {
    let f = public_filter(&q).map_err(|e| ApiError::invalid(&e))?;
    let lang = text_lang(&q.lang);
    let c = catalogue::catalogue(&s.app, &tenant).await?;
    Ok(Json(
        c.search(&f)
            .into_iter()
            .map(|o| offer_out(o, &lang, c.seats_left(o)))
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams, Default)]
pub struct LangQuery {
    lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/public/{tenant}/offers/{id}", tag = "public", params(("tenant" = String, Path), ("id" = String, Path), LangQuery),
    responses((status = 200, body = OfferOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn public_get(
    State(s): State<AppState>,
    Path((tenant, id)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Json<OfferOut>, ApiError> {
    let (c, o) = catalogue::offer(&s.app, &tenant, parse_id(&id)?).await?;
    Ok(Json(offer_out(&o, &text_lang(&q.lang), c.seats_left(&o))))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ChildBody {
    age: Option<i64>,
}

/// Consents as a list of purposes or as `{purpose: true}`.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ConsentsBody {
    List(Vec<String>),
    Map(BTreeMap<String, bool>),
}

impl Default for ConsentsBody {
    fn default() -> Self {
        ConsentsBody::List(Vec::new())
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct RegistrationBody {
    /// Name, or first name only
    #[schema(required = true, min_length = 1)]
    name: String,
    #[schema(required = true, min_length = 1)]
    email: String,
    persons: Option<i64>,
    /// A parent registering children gives their ages
    children: Vec<ChildBody>,
    /// `participation` (required), `photos`, `share_contact`
    #[schema(required = true)]
    consents: ConsentsBody,
    /// The language for e-mails
    lang: String,
    /// The target group the registration counts for (lottery quotas)
    group: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/public/{tenant}/offers/{id}/registrations", tag = "public", request_body = RegistrationBody,
    params(("tenant" = String, Path), ("id" = String, Path)),
    responses((status = 202, body = StatusOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody),
              (status = 422, body = crate::error::ErrorBody), (status = 429, body = crate::error::ErrorBody)))]
pub async fn public_register(
    State(s): State<AppState>,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    Path((tenant, id)): Path<(String, String)>,
    ApiJson(b): ApiJson<RegistrationBody>,
) -> Result<(StatusCode, Json<StatusOut>), ApiError> {
    let consents = match b.consents {
        ConsentsBody::List(l) => l,
        ConsentsBody::Map(m) => m.into_iter().filter(|(_, v)| *v).map(|(k, _)| k).collect(),
    };
    let input = RegistrationInput {
        name: b.name,
        email: b.email,
        persons: b.persons,
        children: b.children.into_iter().map(|c| c.age).collect(),
        consents,
        lang: b.lang,
        group: b.group,
    };
    registrations::register(&s.app, &tenant, parse_id(&id)?, &input, addr.as_deref()).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(StatusOut {
            status: "pending".into(),
        }),
    ))
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct TokenBody {
    #[schema(required = true, min_length = 1)]
    token: String,
    /// Cancel only this child (index in the registration) instead of the whole registration
    child: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct ConfirmOut {
    /// confirmed, waitlisted or entered (lottery to come)
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<u32>,
}

#[utoipa::path(post, path = "/api/v1/public/registrations/confirm", tag = "public", request_body = TokenBody,
    responses((status = 200, body = ConfirmOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn public_confirm(
    State(s): State<AppState>,
    ApiJson(b): ApiJson<TokenBody>,
) -> Result<Json<ConfirmOut>, ApiError> {
    let (_, _, out) = registrations::confirm(&s.app, &b.token).await?;
    let (Confirmed::Now(st, position) | Confirmed::Already(st, position)) = out;
    Ok(Json(ConfirmOut {
        status: st.as_str().to_owned(),
        position,
    }))
}

#[utoipa::path(post, path = "/api/v1/public/registrations/cancel", tag = "public", request_body = TokenBody,
    responses((status = 200, body = StatusOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn public_cancel(
    State(s): State<AppState>,
    ApiJson(b): ApiJson<TokenBody>,
) -> Result<Json<StatusOut>, ApiError> {
    let release = b.child.map_or(Release::All, Release::Child);
    let (_, _, out) = registrations::cancel(&s.app, &b.token, release).await?;
    Ok(Json(StatusOut {
        status: out.status.as_str().to_owned(),
    }))
}
