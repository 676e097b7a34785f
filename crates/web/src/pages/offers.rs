//! Offers for providers and the centre: the list and review, the offer form, the
//! registrations with attendance, the CSV export, messages to registrants, providers.

use super::{Base, PageResult, fail, parse_id, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, SignedIn};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use mittler_app::offers;
use mittler_app::offers::Offer;
use mittler_app::{Actor, AppError};
use mittler_domain::offer::{
    self as dom, Category, Event, OfferInput, ScheduleInput, Status, TargetGroup, TextInput,
};
use mittler_domain::registration::Status as RegStatus;
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "offers/list.html")]
struct ListPage {
    base: Base,
    /// (id, title, provider, status code, status label, seats, outdated languages)
    rows: Vec<(String, String, String, String, String, String, String)>,
    manages: bool,
    message: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    status: String,
    done: String,
}

/// `GET /offers`: the centre sees every offer (in review first), a provider its own.
pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Query(q): Query<ListQuery>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let mut all = offers::list(&s.app, &a, Status::parse(&q.status))
        .await
        .map_err(fail(&ctx))?;
    all.sort_by_key(|o| (o.status != Status::InReview, o.first_start));
    let lang = ctx.lang;
    let rows = all
        .iter()
        .map(|o| {
            let outdated: Vec<&str> = o
                .texts
                .by_lang
                .keys()
                .filter(|l| o.texts.is_outdated(l))
                .map(String::as_str)
                .collect();
            (
                o.id.to_string(),
                o.texts
                    .german()
                    .map(|t| t.title.clone())
                    .unwrap_or_default(),
                o.provider_name.clone(),
                o.status.as_str().to_owned(),
                lang.t(&format!("offer-status-{}", o.status.as_str())),
                o.capacity.to_string(),
                outdated.join(", "),
            )
        })
        .collect();
    let page = ListPage {
        base: Base::new(&ctx, "nav-offers"),
        rows,
        manages: a.may(Action::RunCatalogue),
        message: (!q.done.is_empty()).then(|| lang.t("form-saved")),
    };
    Ok(render(&page))
}

/// The offer form as typed (every field a string, so that nothing typed is lost).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OfferForm {
    csrf: String,
    provider_id: String,
    /// Parallel lists: language, title, description.
    text_lang: Vec<String>,
    text_title: Vec<String>,
    text_description: Vec<String>,
    category: String,
    target: Vec<String>,
    age_min: String,
    age_max: String,
    languages: String,
    place_name: String,
    address: String,
    district: String,
    lat: String,
    lon: String,
    accessibility: String,
    schedule_kind: String,
    dates: String,
    weekdays: Vec<String>,
    start_time: String,
    end_time: String,
    from: String,
    until: String,
    except: String,
    cost: String,
    cost_note: String,
    capacity: String,
    registration: String,
    lottery_at: String,
    /// Parallel lists: a target group and the places kept for it in a lottery.
    quota_group: Vec<String>,
    quota_seats: Vec<String>,
    weekends: Option<String>,
    /// When the offer was read (microseconds): a save over a newer change is refused.
    version: String,
}

fn opt_num(e: &mut FieldErrors, field: &str, s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    s.parse().map_err(|_| e.add(field, "invalid-number")).ok()
}

fn opt_f64(e: &mut FieldErrors, field: &str, s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        return None;
    }
    s.parse().map_err(|_| e.add(field, "invalid-number")).ok()
}

/// Euros as typed (`12`, `12,50`) in cents.
fn cents(e: &mut FieldErrors, s: &str) -> Option<i64> {
    if s.trim().is_empty() {
        return None;
    }
    super::parse_euros(s).or_else(|| {
        e.add("cost", "invalid-number");
        None
    })
}

impl OfferForm {
    fn input(&self) -> (OfferInput, FieldErrors) {
        let mut e = FieldErrors::new();
        let texts = self
            .text_lang
            .iter()
            .enumerate()
            .map(|(i, l)| TextInput {
                lang: l.clone(),
                title: self.text_title.get(i).cloned().unwrap_or_default(),
                description: self.text_description.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        let dates = self
            .dates
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                // "2027-07-06 10:00-11:30"
                let l = l.trim();
                match l.split_once(' ') {
                    Some((d, times)) => match times.split_once('-') {
                        Some((a, b)) => (format!("{d}T{}", a.trim()), format!("{d}T{}", b.trim())),
                        None => (l.to_owned(), String::new()),
                    },
                    None => (l.to_owned(), String::new()),
                }
            })
            .collect();
        let input = OfferInput {
            texts,
            category: self.category.clone(),
            target_groups: self.target.clone(),
            age_min: opt_num(&mut e, "age_min", &self.age_min),
            age_max: opt_num(&mut e, "age_max", &self.age_max),
            languages: self
                .languages
                .split([',', ' '])
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_lowercase())
                .collect(),
            place_name: self.place_name.clone(),
            address: self.address.clone(),
            district: Some(self.district.clone()),
            lat: opt_f64(&mut e, "place.lat", &self.lat),
            lon: opt_f64(&mut e, "place.lon", &self.lon),
            accessibility: Some(self.accessibility.clone()),
            schedule: ScheduleInput {
                kind: self.schedule_kind.clone(),
                dates,
                weekdays: self.weekdays.clone(),
                start_time: self.start_time.clone(),
                end_time: self.end_time.clone(),
                from: self.from.clone(),
                until: self.until.clone(),
                except: self
                    .except
                    .split([',', ' ', '\n'])
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect(),
                weekends: self.weekends.is_some(),
            },
            cost_cents: cents(&mut e, &self.cost),
            cost_note: Some(self.cost_note.clone()),
            capacity: opt_num(&mut e, "capacity", &self.capacity),
            registration: self.registration.clone(),
            lottery_at: Some(self.lottery_at.clone()),
            quotas: self
                .quota_group
                .iter()
                .zip(&self.quota_seats)
                .filter_map(|(g, n)| Some((g.clone(), opt_num(&mut e, "quotas", n)?)))
                .collect(),
        };
        (input, e)
    }

    fn from_offer(o: &Offer) -> OfferForm {
        let tz = mittler_app::local_time::zone();
        let local = |t: jiff::Timestamp| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let s = &o.schedule;
        OfferForm {
            csrf: String::new(),
            provider_id: o.provider_id.to_string(),
            text_lang: o.texts.by_lang.keys().cloned().collect(),
            text_title: o.texts.by_lang.values().map(|t| t.title.clone()).collect(),
            text_description: o
                .texts
                .by_lang
                .values()
                .map(|t| t.description.clone())
                .collect(),
            category: o.category.as_str().to_owned(),
            target: o
                .target_groups
                .iter()
                .map(|g| g.as_str().to_owned())
                .collect(),
            age_min: o.age_min.map(|a| a.to_string()).unwrap_or_default(),
            age_max: o.age_max.map(|a| a.to_string()).unwrap_or_default(),
            languages: o.languages.join(", "),
            place_name: o.venue.name.clone(),
            address: o.venue.address.clone(),
            district: o.venue.district.clone().unwrap_or_default(),
            lat: o.venue.lat.to_string(),
            lon: o.venue.lon.to_string(),
            accessibility: o.venue.accessibility.clone().unwrap_or_default(),
            schedule_kind: s.kind.clone(),
            dates: s
                .dates
                .iter()
                .map(|(a, b)| {
                    let (d, t) = a.split_once('T').unwrap_or((a, ""));
                    let end = b.split_once('T').map_or(b.as_str(), |(_, t)| t);
                    format!("{d} {t}-{end}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            weekdays: s.weekdays.clone(),
            start_time: s.start_time.clone(),
            end_time: s.end_time.clone(),
            from: s.from.clone(),
            until: s.until.clone(),
            except: s.except.join(", "),
            cost: if o.cost_cents == 0 {
                String::new()
            } else {
                format!("{},{:02}", o.cost_cents / 100, o.cost_cents % 100)
            },
            cost_note: o.cost_note.clone().unwrap_or_default(),
            capacity: o.capacity.to_string(),
            registration: o.registration.as_str().to_owned(),
            lottery_at: o.registration.lottery_at().map(local).unwrap_or_default(),
            quota_group: o
                .quotas
                .iter()
                .map(|(g, _)| g.as_str().to_owned())
                .collect(),
            quota_seats: o.quotas.iter().map(|(_, n)| n.to_string()).collect(),
            weekends: s.weekends.then(|| "on".to_owned()),
            version: o.updated_at.as_microsecond().to_string(),
        }
    }
}

/// One language block of the form.
pub struct TextBlock {
    pub lang: &'static str,
    pub name: &'static str,
    pub title: String,
    pub description: String,
    pub outdated: bool,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "offers/form.html")]
struct FormPage {
    base: Base,
    id: Option<String>,
    f: OfferForm,
    texts: Vec<TextBlock>,
    categories: Vec<(String, String)>,
    targets: Vec<(String, String, bool)>,
    weekdays: Vec<(String, String, bool)>,
    /// (target group, label, places kept as typed)
    quotas: Vec<(String, String, String)>,
    providers: Vec<(String, String)>,
    errors: FieldErrors,
    status: String,
    /// Workflow buttons: (event, label, danger).
    actions: Vec<(String, String, bool)>,
    review_note: String,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }

    fn all_errors(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|(f, r)| (f.to_owned(), self.base.lang.reason(r)))
            .collect()
    }
}

async fn form_page(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &Actor,
    current: Option<&Offer>,
    f: OfferForm,
    errors: FieldErrors,
) -> Result<axum::response::Response, super::PageError> {
    let lang = ctx.lang;
    let texts = dom::TEXT_LANGS
        .iter()
        .map(|(code, name, _)| {
            let i = f.text_lang.iter().position(|l| l == code);
            let title = i
                .and_then(|i| f.text_title.get(i))
                .cloned()
                .unwrap_or_default();
            let description = i
                .and_then(|i| f.text_description.get(i))
                .cloned()
                .unwrap_or_default();
            TextBlock {
                lang: code,
                name,
                open: *code == "de" || !title.is_empty(),
                outdated: current.is_some_and(|o| o.texts.is_outdated(code)),
                title,
                description,
            }
        })
        .collect();
    let providers = if a.may(Action::RunCatalogue) {
        offers::providers(&s.app, a)
            .await
            .map_err(fail(ctx))?
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect()
    } else {
        Vec::new()
    };
    let actions = current
        .map(|o| {
            let mut v = Vec::new();
            let mut add = |e: &str, key: &str, event: Event, danger: bool| {
                let ok = dom::next(o.status, event).is_some()
                    && (a.may(Action::RunCatalogue)
                        || matches!(event, Event::Submit | Event::Archive));
                if ok {
                    v.push((e.to_owned(), lang.t(key), danger));
                }
            };
            add("submit", "offer-submit", Event::Submit, false);
            add("publish", "offer-publish", Event::Publish, false);
            add("return", "offer-return", Event::ReturnToDraft, false);
            add("archive", "offer-archive", Event::Archive, true);
            v
        })
        .unwrap_or_default();
    let page = FormPage {
        base: Base::new(
            ctx,
            if current.is_some() {
                "offer-edit"
            } else {
                "offer-new"
            },
        ),
        id: current.map(|o| o.id.to_string()),
        texts,
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_owned(),
                    lang.t(&format!("offer-cat-{}", c.as_str())),
                )
            })
            .collect(),
        targets: TargetGroup::ALL
            .iter()
            .map(|g| {
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                    f.target.iter().any(|t| t == g.as_str()),
                )
            })
            .collect(),
        weekdays: ["mo", "tu", "we", "th", "fr", "sa", "su"]
            .iter()
            .zip(1..)
            .map(|(d, n)| {
                (
                    (*d).to_owned(),
                    lang.t(&format!("weekday-{n}")),
                    f.weekdays.iter().any(|w| w == d),
                )
            })
            .collect(),
        quotas: TargetGroup::ALL
            .iter()
            .map(|g| {
                let seats = f
                    .quota_group
                    .iter()
                    .position(|x| x == g.as_str())
                    .and_then(|i| f.quota_seats.get(i))
                    .cloned()
                    .unwrap_or_default();
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                    seats,
                )
            })
            .collect(),
        providers,
        status: current
            .map(|o| lang.t(&format!("offer-status-{}", o.status.as_str())))
            .unwrap_or_else(|| lang.t("offer-status-draft")),
        review_note: current
            .and_then(|o| o.review_note.clone())
            .unwrap_or_default(),
        actions,
        f,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /offers/new`.
pub async fn new_form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let f = OfferForm {
        text_lang: vec!["de".into()],
        schedule_kind: "dates".into(),
        registration: "first_come".into(),
        ..Default::default()
    };
    form_page(&s, &ctx, &a, None, f, FieldErrors::new()).await
}

/// `POST /offers`: a new draft.
pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<OfferForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let (input, mut e) = f.input();
    let provider = uuid::Uuid::parse_str(f.provider_id.trim()).ok();
    let result = if e.is_empty() {
        offers::create(&s.app, &a, provider, &input).await
    } else {
        // Show the other fields' errors too, not only what could not be read.
        Err(AppError::Invalid(
            input
                .validate(&mittler_app::local_time::zone())
                .err()
                .unwrap_or_default(),
        ))
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/offers/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(more)) => {
            for (k, v) in more.iter() {
                e.add(k, v);
            }
            form_page(&s, &ctx, &a, None, f, e).await
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

/// `GET /offers/{id}`.
pub async fn edit_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let o = offers::get(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    form_page(
        &s,
        &ctx,
        &a,
        Some(&o),
        OfferForm::from_offer(&o),
        FieldErrors::new(),
    )
    .await
}

/// `POST /offers/{id}`: saves; a provider's change of a published offer goes to review.
pub async fn update(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<OfferForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let current = offers::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let (input, mut e) = f.input();
    let result = if e.is_empty() {
        let read_at = f
            .version
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|v| jiff::Timestamp::from_microsecond(v).ok());
        offers::update(&s.app, &a, id, &input, read_at).await
    } else {
        // Show the other fields' errors too, not only what could not be read.
        Err(AppError::Invalid(
            input
                .validate(&mittler_app::local_time::zone())
                .err()
                .unwrap_or_default(),
        ))
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/offers/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(more)) => {
            for (k, v) in more.iter() {
                e.add(k, v);
            }
            form_page(&s, &ctx, &a, Some(&current), f, e).await
        }
        Err(AppError::Conflict(c)) if c == "changed meanwhile" => {
            let mut r = form_page(
                &s,
                &ctx,
                &a,
                Some(&current),
                f,
                FieldErrors::single("version", "offer-changed"),
            )
            .await?;
            *r.status_mut() = StatusCode::CONFLICT;
            Ok(r)
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    csrf: String,
    event: String,
    note: String,
}

/// `POST /offers/{id}/status`: submit, publish, return to draft, archive.
pub async fn set_status(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<StatusForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let event = match f.event.as_str() {
        "submit" => Event::Submit,
        "publish" => Event::Publish,
        "return" => Event::ReturnToDraft,
        "archive" => Event::Archive,
        _ => {
            return Err(fail(&ctx)(AppError::Invalid(FieldErrors::single(
                "event", "invalid",
            ))));
        }
    };
    offers::transition(&s.app, &a, parse_id(&ctx, &id)?, event, Some(&f.note))
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/offers?done=1").into_response())
}

#[derive(Template)]
#[template(path = "offers/registrations.html")]
struct RegistrationsPage {
    base: Base,
    id: String,
    title: String,
    taken: u32,
    capacity: u32,
    /// (session id, label)
    sessions: Vec<(String, String)>,
    rows: Vec<RegRow>,
    message: Option<String>,
    errors: FieldErrors,
    subject_de: String,
    body_de: String,
}

impl RegistrationsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }
}

pub struct RegRow {
    pub id: String,
    pub status: String,
    pub status_code: String,
    pub name: String,
    pub email: String,
    pub persons: u32,
    pub ages: String,
    pub lang: String,
    pub confirmed: bool,
    /// (session id, present)
    pub attendance: Vec<(String, bool)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegQuery {
    done: String,
}

// The page keeps a message being written when it had errors.
#[allow(clippy::too_many_arguments)]
async fn registrations_page(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &Actor,
    id: uuid::Uuid,
    message: Option<String>,
    errors: FieldErrors,
    subject_de: String,
    body_de: String,
) -> PageResult {
    let (o, regs) = offers::registrations(&s.app, a, id)
        .await
        .map_err(fail(ctx))?;
    let att = offers::attendance(&s.app, a, id).await.map_err(fail(ctx))?;
    let lang = ctx.lang;
    let tz = mittler_app::local_time::zone();
    let mut waiting = 0;
    let rows = regs
        .iter()
        .filter(|r| r.status != RegStatus::Pending)
        .map(|r| {
            let status = if r.status == RegStatus::Waitlisted {
                waiting += 1;
                lang.t_args("reg-waitlisted-at", &[("position", waiting.to_string())])
            } else {
                lang.t(&format!("reg-status-{}", r.status.as_str()))
            };
            RegRow {
                id: r.id.to_string(),
                status,
                status_code: r.status.as_str().to_owned(),
                name: r.name.clone(),
                email: r.email.clone(),
                persons: r.persons,
                ages: r
                    .children
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                lang: dom::autonym(&r.lang).to_owned(),
                confirmed: r.status == RegStatus::Confirmed,
                attendance: o
                    .sessions
                    .iter()
                    .map(|(sid, _)| {
                        (
                            sid.to_string(),
                            att.get(&(r.id, *sid)).copied().unwrap_or(false),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let page = RegistrationsPage {
        base: Base::new(ctx, "offer-registrations"),
        id: o.id.to_string(),
        title: o
            .texts
            .german()
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        taken: offers::taken(&regs),
        capacity: o.capacity,
        sessions: o
            .sessions
            .iter()
            .map(|(sid, x)| {
                (
                    sid.to_string(),
                    x.start
                        .to_zoned(tz.clone())
                        .strftime("%d.%m. %H:%M")
                        .to_string(),
                )
            })
            .collect(),
        rows,
        message,
        errors,
        subject_de,
        body_de,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /offers/{id}/registrations`: registrations, attendance, export and message.
pub async fn registrations(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<RegQuery>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let message = match q.done.as_str() {
        "" => None,
        "attendance" => Some(ctx.lang.t("form-saved")),
        n => Some(
            ctx.lang
                .t_args("offer-message-sent", &[("count", n.to_owned())]),
        ),
    };
    registrations_page(
        &s,
        &ctx,
        &a,
        id,
        message,
        FieldErrors::new(),
        String::new(),
        String::new(),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AttendanceForm {
    csrf: String,
    /// `registration:session` of everyone present; the others of the shown rows are absent.
    present: Vec<String>,
    /// `registration:session` of every checkbox shown.
    shown: Vec<String>,
}

/// `POST /offers/{id}/attendance`.
pub async fn attendance(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<AttendanceForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let offer = parse_id(&ctx, &id)?;
    let cells: Vec<(uuid::Uuid, uuid::Uuid, bool)> = f
        .shown
        .iter()
        .filter_map(|cell| {
            let (r, sid) = cell.split_once(':')?;
            let r = uuid::Uuid::parse_str(r).ok()?;
            let sid = uuid::Uuid::parse_str(sid).ok()?;
            Some((r, sid, f.present.contains(cell)))
        })
        .collect();
    offers::set_attendance(&s.app, &a, offer, &cells)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/offers/{offer}/registrations?done=attendance")).into_response())
}

/// `GET /offers/{id}/export.csv`: for German Excel (UTF-8 with BOM, semicolons).
pub async fn export(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let (o, regs) = offers::registrations(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let att = offers::attendance(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let body = offers::csv(ctx.lang, &o, &regs, &att);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"anmeldungen.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    csrf: String,
    msg_lang: Vec<String>,
    subject: Vec<String>,
    body: Vec<String>,
}

/// `POST /offers/{id}/message`: a message to all registrants, each in their language
/// where written.
pub async fn message(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<MessageForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let texts: BTreeMap<String, (String, String)> = f
        .msg_lang
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                l.clone(),
                (
                    f.subject.get(i).cloned().unwrap_or_default(),
                    f.body.get(i).cloned().unwrap_or_default(),
                ),
            )
        })
        .collect();
    match offers::message(&s.app, &a, id, &texts).await {
        Ok(n) => Ok(Redirect::to(&format!("/offers/{id}/registrations?done={n}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let (sub, body) = texts.get("de").cloned().unwrap_or_default();
            registrations_page(&s, &ctx, &a, id, None, e, sub, body).await
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

#[derive(Template)]
#[template(path = "offers/providers.html")]
struct ProvidersPage {
    base: Base,
    providers: Vec<(String, String)>,
    name: String,
    error: Option<String>,
}

/// `GET /providers`.
pub async fn providers(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::RunCatalogue)?;
    let all = offers::providers(&s.app, &a).await.map_err(fail(&ctx))?;
    let page = ProvidersPage {
        base: Base::new(&ctx, "nav-providers"),
        providers: all
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect(),
        name: String::new(),
        error: None,
    };
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProviderForm {
    csrf: String,
    name: String,
}

/// `POST /providers`.
pub async fn create_provider(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<ProviderForm>,
) -> PageResult {
    require(&ctx, &a, Action::RunCatalogue)?;
    match offers::create_provider(&s.app, &a, &f.name).await {
        Ok(_) => Ok(Redirect::to("/providers").into_response()),
        Err(AppError::Invalid(e)) => {
            let all = offers::providers(&s.app, &a).await.map_err(fail(&ctx))?;
            let page = ProvidersPage {
                base: Base::new(&ctx, "nav-providers"),
                providers: all
                    .into_iter()
                    .map(|p| (p.id.to_string(), p.name))
                    .collect(),
                error: e.get("name").map(|r| ctx.lang.reason(r)),
                name: f.name,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}
