//! The public catalogue of a tenant, without sign-in: list with filters and search,
//! detail with registration, the e-mailed confirmation and cancellation pages, the
//! iCalendar file of an offer and the open-data feed.

use super::{PageError, PageResult, fail, parse_id, render};
use crate::AppState;
use crate::api::offers::{PublicQuery, public_filter};
use crate::extract::{CheckedForm, PageCtx};
use crate::i18n::Lang;
use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use mittler_app::AppError;
use mittler_app::catalogue::{self, Catalogue};
use mittler_app::offers::{Confirmed, Offer, Reg, Release};
use mittler_app::registrations;
use mittler_domain::FieldErrors;
use mittler_domain::offer::{self as dom, Category, Consent, Registration, TargetGroup};
use mittler_domain::registration::{RegistrationInput, Status as RegStatus};
use serde::Deserialize;

const PAGE_SIZE: usize = 20;

/// The languages of a public page: the interface (`ui`) and the offers' texts (`text`).
struct Langs {
    ui: Lang,
    text: String,
}

fn langs(ctx: &PageCtx, asked: Option<&str>) -> Langs {
    match asked.map(str::trim).filter(|l| dom::is_text_lang(l)) {
        Some(code) => Langs {
            ui: Lang::parse_public(code).unwrap_or(if code == "de" { Lang::De } else { Lang::En }),
            text: code.to_owned(),
        },
        None => Langs {
            ui: ctx.lang,
            text: ctx.lang.code().to_owned(),
        },
    }
}

/// What the public layout needs.
pub struct PublicBase {
    pub lang: Lang,
    pub text_lang: String,
    pub title: String,
    pub csrf: String,
    pub tenant_slug: String,
    pub tenant_name: String,
    /// (code, own name, current, href)
    pub switch: Vec<(&'static str, &'static str, bool, String)>,
}

impl PublicBase {
    fn new(ctx: &PageCtx, l: &Langs, title: String, slug: &str, name: &str, here: &str) -> Self {
        let sep = if here.contains('?') { '&' } else { '?' };
        PublicBase {
            lang: l.ui,
            text_lang: l.text.clone(),
            title,
            csrf: ctx.csrf.clone(),
            tenant_slug: slug.to_owned(),
            tenant_name: name.to_owned(),
            switch: dom::TEXT_LANGS
                .iter()
                .map(|(c, n, _)| (*c, *n, *c == l.text, format!("{here}{sep}lang={c}")))
                .collect(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// "Age of child N".
    pub fn t_child(&self, n: usize) -> String {
        self.lang.t_args("reg-child-age", &[("n", n.to_string())])
    }

    pub fn lang_code(&self) -> &str {
        &self.text_lang
    }

    pub fn dir(&self) -> &'static str {
        if dom::is_rtl(&self.text_lang) {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// One offer as the list and the detail show it.
pub struct Card {
    pub id: String,
    pub href: String,
    pub title: String,
    pub description: String,
    /// The language the texts are in, and its direction.
    pub text_lang: String,
    pub text_dir: &'static str,
    pub fallback: bool,
    pub outdated: bool,
    pub category: String,
    pub targets: String,
    pub ages: String,
    pub when: String,
    pub sessions: Vec<String>,
    pub place: String,
    pub address: String,
    pub district: String,
    pub accessibility: String,
    pub spoken: String,
    pub cost: String,
    pub seats: String,
    pub full: bool,
    pub provider: String,
}

fn local(t: jiff::Timestamp, fmt: &str) -> String {
    t.to_zoned(mittler_app::local_time::zone())
        .strftime(fmt)
        .to_string()
}

/// A spoken language by its own name (families recognise it in any interface language),
/// else by its name in the interface language.
fn spoken_name(lang: Lang, code: &str) -> String {
    mittler_domain::language::autonym(code)
        .map(str::to_owned)
        .unwrap_or_else(|| lang.language_name(code))
}

fn euros(cents: u32) -> String {
    mittler_domain::fee::euros(i64::from(cents))
}

/// `sessions` lists every date (the detail page); the list shows a summary only.
fn card(l: &Langs, c: &Catalogue, o: &Offer, sessions: bool) -> Card {
    let lang = l.ui;
    let shown = o.texts.show(&l.text);
    let (title, description, text_lang, fallback, outdated) = match &shown {
        Some(s) => (
            s.text.title.clone(),
            s.text.description.clone(),
            s.lang.to_owned(),
            s.fallback,
            s.outdated,
        ),
        None => (String::new(), String::new(), "de".into(), true, false),
    };
    let ages = match (o.age_min, o.age_max) {
        (Some(a), Some(b)) => lang.t_args(
            "cat-ages-range",
            &[("min", a.to_string()), ("max", b.to_string())],
        ),
        (Some(a), None) => lang.t_args("cat-ages-from", &[("min", a.to_string())]),
        (None, Some(b)) => lang.t_args("cat-ages-to", &[("max", b.to_string())]),
        (None, None) => lang.t("cat-ages-all"),
    };
    let sessions: Vec<String> = o
        .sessions
        .iter()
        .filter(|_| sessions)
        .map(|(_, s)| {
            format!(
                "{} – {}",
                local(s.start, "%d.%m.%Y %H:%M"),
                local(s.end, "%H:%M")
            )
        })
        .collect();
    let when = match (o.sessions.first(), o.sessions.len()) {
        (Some((_, s)), 1) => local(s.start, "%d.%m.%Y %H:%M"),
        (Some((_, s)), n) => lang.t_args(
            "cat-when-series",
            &[
                ("first", local(s.start, "%d.%m.%Y")),
                ("count", n.to_string()),
            ],
        ),
        _ => String::new(),
    };
    let left = c.seats_left(o);
    let seats = match (o.registration, left) {
        (Registration::None, _) => lang.t("cat-no-registration"),
        (_, Some(0)) => lang.t("cat-full"),
        (Registration::Lottery { at }, Some(n)) => lang.t_args(
            "cat-lottery",
            &[("seats", n.to_string()), ("at", local(at, "%d.%m.%Y"))],
        ),
        (_, Some(n)) => lang.t_count("cat-seats-left", "seats", i64::from(n)),
        (_, None) => String::new(),
    };
    Card {
        id: o.id.to_string(),
        href: format!("/catalogue/{}/{}?lang={}", c.tenant.slug, o.id, l.text),
        title,
        description,
        text_dir: if dom::is_rtl(&text_lang) {
            "rtl"
        } else {
            "ltr"
        },
        text_lang,
        fallback: fallback && l.text != "de",
        outdated,
        category: lang.t(&format!("offer-cat-{}", o.category.as_str())),
        targets: o
            .target_groups
            .iter()
            .map(|g| lang.t(&format!("target-{}", g.as_str())))
            .collect::<Vec<_>>()
            .join(lang.list_separator()),
        ages,
        when,
        sessions,
        place: o.venue.name.clone(),
        address: o.venue.address.clone(),
        district: o.venue.district.clone().unwrap_or_default(),
        accessibility: o.venue.accessibility.clone().unwrap_or_default(),
        spoken: o
            .languages
            .iter()
            .map(|c| spoken_name(lang, c))
            .collect::<Vec<_>>()
            .join(lang.list_separator()),
        cost: if o.cost_cents == 0 {
            lang.t("cat-free")
        } else {
            match &o.cost_note {
                Some(n) => format!("{} ({n})", euros(o.cost_cents)),
                None => euros(o.cost_cents),
            }
        },
        full: left == Some(0),
        seats,
        provider: o.provider_name.clone(),
    }
}

#[derive(Template)]
#[template(path = "catalogue/list.html")]
struct ListPage {
    base: PublicBase,
    cards: Vec<Card>,
    count: String,
    q: String,
    /// (value, label, selected)
    categories: Vec<(String, String, bool)>,
    targets: Vec<(String, String, bool)>,
    spoken: Vec<(String, String, bool)>,
    districts: Vec<(String, String, bool)>,
    age: String,
    from: String,
    to: String,
    free: bool,
    errors: Vec<(String, String)>,
    prev: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    #[serde(flatten)]
    filter: PublicQuery,
    page: Option<usize>,
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(&str) -> String,
    current: Option<&str>,
) -> Vec<(String, String, bool)> {
    all.iter()
        .map(|x| {
            let c = code(*x);
            (c.to_owned(), label(c), current == Some(c))
        })
        .collect()
}

/// `GET /catalogue/{tenant}`: the published offers with filters, search and pages.
pub async fn list(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(tenant): Path<String>,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let l = langs(&ctx, q.filter.lang.as_deref());
    let c = catalogue::catalogue(&s.app, &tenant)
        .await
        .map_err(fail(&ctx))?;
    let (filter, errors) = match public_filter(&q.filter) {
        Ok(f) => (f, FieldErrors::new()),
        Err(e) => (Default::default(), e),
    };
    let hits = c.search(&filter);
    let total = hits.len();
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let cards: Vec<Card> = hits
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|o| card(&l, &c, o, false))
        .collect();
    let lang = l.ui;
    let base_path = format!("/catalogue/{tenant}");
    let query_without_page = {
        let raw = ctx.path.split_once('?').map_or("", |(_, q)| q);
        raw.split('&')
            .filter(|p| !p.starts_with("page=") && !p.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    };
    let page_href = |p: usize| {
        if query_without_page.is_empty() {
            format!("{base_path}?page={p}")
        } else {
            format!("{base_path}?{query_without_page}&page={p}")
        }
    };
    let here_without_lang = {
        let kept: Vec<&str> = query_without_page
            .split('&')
            .filter(|p| !p.starts_with("lang=") && !p.is_empty())
            .collect();
        if kept.is_empty() {
            base_path.clone()
        } else {
            format!("{base_path}?{}", kept.join("&"))
        }
    };
    let sel = |v: &Option<String>| v.as_deref().map(str::trim).map(str::to_owned);
    let page_view = ListPage {
        base: PublicBase::new(
            &ctx,
            &l,
            lang.t("cat-title"),
            &tenant,
            &c.tenant.name,
            &here_without_lang,
        ),
        count: lang.t_count("cat-count", "count", i64::try_from(total).unwrap_or(0)),
        q: q.filter.q.clone().unwrap_or_default(),
        categories: options(
            Category::ALL,
            Category::as_str,
            |c| lang.t(&format!("offer-cat-{c}")),
            sel(&q.filter.category).as_deref(),
        ),
        targets: options(
            TargetGroup::ALL,
            TargetGroup::as_str,
            |c| lang.t(&format!("target-{c}")),
            sel(&q.filter.target).as_deref(),
        ),
        spoken: c
            .spoken()
            .iter()
            .map(|c| {
                (
                    c.clone(),
                    spoken_name(lang, c),
                    sel(&q.filter.spoken).as_deref() == Some(c.as_str()),
                )
            })
            .collect(),
        districts: c
            .districts()
            .iter()
            .map(|d| {
                let on = sel(&q.filter.district).as_deref() == Some(d.as_str());
                (d.clone(), d.clone(), on)
            })
            .collect(),
        age: sel(&q.filter.age).unwrap_or_default(),
        from: sel(&q.filter.from).unwrap_or_default(),
        to: sel(&q.filter.to).unwrap_or_default(),
        free: filter.free,
        errors: errors
            .iter()
            .map(|(f, r)| (f.to_owned(), lang.reason(r)))
            .collect(),
        prev: (page > 1).then(|| page_href(page - 1)),
        next: (page * PAGE_SIZE < total).then(|| page_href(page + 1)),
        cards,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page_view)).into_response())
}

/// What the registration form keeps of what was typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RegisterForm {
    csrf: String,
    lang: String,
    name: String,
    email: String,
    persons: String,
    age1: String,
    age2: String,
    age3: String,
    age4: String,
    group: String,
    consent_participation: Option<String>,
    consent_photos: Option<String>,
    consent_share_contact: Option<String>,
}

#[derive(Template)]
#[template(path = "catalogue/detail.html")]
struct DetailPage {
    base: PublicBase,
    card: Card,
    jsonld: String,
    form: RegisterForm,
    /// Whether the form asks for children's ages first.
    for_children: bool,
    /// Target groups with a lottery quota: (code, label).
    quota_groups: Vec<(String, String)>,
    errors: FieldErrors,
    open: bool,
    back: String,
    ics: String,
}

impl DetailPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }

    fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    fn error_list(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|(f, r)| (f.replace('.', "-"), self.base.lang.reason(r)))
            .collect()
    }
}

/// schema.org JSON-LD of an offer: an `Event` for one session, else a `Course` with its
/// course instances. No personal data.
fn json_ld(public_url: &str, slug: &str, o: &Offer, seats_left: Option<u32>) -> String {
    let texts = o.texts.show("de");
    let name = texts
        .as_ref()
        .map(|t| t.text.title.clone())
        .unwrap_or_default();
    let description = texts
        .as_ref()
        .map(|t| t.text.description.clone())
        .unwrap_or_default();
    let url = format!("{public_url}/catalogue/{slug}/{}", o.id);
    let place = serde_json::json!({
        "@type": "Place",
        "name": o.venue.name,
        "address": o.venue.address,
        "geo": {"@type": "GeoCoordinates", "latitude": o.venue.lat, "longitude": o.venue.lon},
    });
    let offers = serde_json::json!({
        "@type": "Offer",
        "price": format!("{}.{:02}", o.cost_cents / 100, o.cost_cents % 100),
        "priceCurrency": "EUR",
        "url": url,
        "availability": if seats_left == Some(0) { "https://schema.org/SoldOut" } else { "https://schema.org/InStock" },
    });
    let audience = serde_json::json!({
        "@type": "PeopleAudience",
        "audienceType": o.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", "),
        "suggestedMinAge": o.age_min,
        "suggestedMaxAge": o.age_max,
    });
    let languages: Vec<String> = o.languages.clone();
    let mut v = if o.sessions.len() == 1 {
        let s = o.sessions.first().map(|(_, s)| *s);
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": name,
            "description": description,
            "url": url,
            "startDate": s.map(|s| s.start.to_string()),
            "endDate": s.map(|s| s.end.to_string()),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "organizer": {"@type": "Organization", "name": o.provider_name},
            "offers": offers,
            "audience": audience,
            "inLanguage": languages,
            "isAccessibleForFree": o.cost_cents == 0,
            "maximumAttendeeCapacity": o.capacity,
        })
    } else {
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Course",
            "name": name,
            "description": description,
            "url": url,
            "provider": {"@type": "Organization", "name": o.provider_name},
            "offers": offers,
            "audience": audience,
            "inLanguage": languages,
            "isAccessibleForFree": o.cost_cents == 0,
            "hasCourseInstance": o.sessions.iter().map(|(_, s)| serde_json::json!({
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "startDate": s.start.to_string(),
                "endDate": s.end.to_string(),
                "location": place,
            })).collect::<Vec<_>>(),
        })
    };
    if let (Some(n), Some(obj)) = (seats_left, v.as_object_mut()) {
        obj.insert("remainingAttendeeCapacity".into(), n.into());
    }
    // Inside <script>, "</script" or "<!--" would change the element: JSON may write
    // these characters as escapes.
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

async fn detail_page(
    s: &AppState,
    ctx: &PageCtx,
    tenant: &str,
    id: &str,
    asked: Option<&str>,
    form: RegisterForm,
    errors: FieldErrors,
) -> Result<(StatusCode, Response), PageError> {
    let l = langs(ctx, asked);
    let (c, o) = catalogue::offer(&s.app, tenant, parse_id(ctx, id)?)
        .await
        .map_err(fail(ctx))?;
    let card = card(&l, &c, &o, true);
    let for_children = o.age_max.is_some_and(|a| a < 18)
        || o.target_groups
            .iter()
            .any(|g| matches!(g, TargetGroup::Children | TargetGroup::Youth));
    let lang = l.ui;
    let mut form = form;
    if form.lang.is_empty() {
        form.lang = l.text.clone();
    }
    let page = DetailPage {
        base: PublicBase::new(
            ctx,
            &l,
            card.title.clone(),
            tenant,
            &c.tenant.name,
            &format!("/catalogue/{tenant}/{}", o.id),
        ),
        jsonld: json_ld(&s.app.public_url, tenant, &o, c.seats_left(&o)),
        open: o.registration != Registration::None,
        quota_groups: o
            .quotas
            .iter()
            .map(|(g, _)| {
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                )
            })
            .collect(),
        back: format!("/catalogue/{tenant}?lang={}", l.text),
        ics: format!("/catalogue/{tenant}/{}/calendar.ics", o.id),
        card,
        form,
        for_children,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    lang: Option<String>,
}

/// `GET /catalogue/{tenant}/{id}`: one offer with its registration form.
pub async fn detail(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path((tenant, id)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> PageResult {
    let (status, body) = detail_page(
        &s,
        &ctx,
        &tenant,
        &id,
        q.lang.as_deref(),
        RegisterForm::default(),
        FieldErrors::new(),
    )
    .await?;
    Ok((status, body).into_response())
}

fn age(s: &str) -> Option<Option<i64>> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.parse::<i64>().ok().or(Some(-1)))
    }
}

#[derive(Template)]
#[template(path = "catalogue/message.html")]
struct MessagePage {
    base: PublicBase,
    heading: String,
    message: String,
    /// (href, label)
    links: Vec<(String, String)>,
}

/// `POST /catalogue/{tenant}/{id}/register`: the registration; an e-mail with the
/// confirmation link follows. Errors show the form again with what was typed.
pub async fn register(
    State(s): State<AppState>,
    ctx: PageCtx,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    Path((tenant, id)): Path<(String, String)>,
    CheckedForm(f): CheckedForm<RegisterForm>,
) -> PageResult {
    let offer_id = parse_id(&ctx, &id)?;
    let children: Vec<Option<i64>> = [&f.age1, &f.age2, &f.age3, &f.age4]
        .iter()
        .filter_map(|a| age(a))
        .collect();
    let mut e = FieldErrors::new();
    let persons = match f.persons.trim() {
        "" => None,
        p => match p.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                e.add("persons", "invalid");
                None
            }
        },
    };
    let consents = [
        (f.consent_participation.is_some(), Consent::Participation),
        (f.consent_photos.is_some(), Consent::Photos),
        (f.consent_share_contact.is_some(), Consent::ShareContact),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| c.as_str().to_owned())
    .collect();
    let input = RegistrationInput {
        name: f.name.clone(),
        email: f.email.clone(),
        persons: if children.is_empty() { persons } else { None },
        children,
        consents,
        lang: f.lang.clone(),
        group: Some(f.group.clone()),
    };
    let result = if e.is_empty() {
        registrations::register(&s.app, &tenant, offer_id, &input, addr.as_deref()).await
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(_) => {
            let l = langs(&ctx, Some(&f.lang));
            let lang = l.ui;
            let (c, o) = catalogue::offer(&s.app, &tenant, offer_id)
                .await
                .map_err(fail(&ctx))?;
            let title = card(&l, &c, &o, false).title;
            let page = MessagePage {
                base: PublicBase::new(
                    &ctx,
                    &l,
                    lang.t("cat-check-mail"),
                    &tenant,
                    &c.tenant.name,
                    &format!("/catalogue/{tenant}/{id}"),
                ),
                heading: lang.t("cat-check-mail"),
                message: lang.t_args(
                    "cat-check-mail-text",
                    &[("title", title), ("email", f.email.trim().to_owned())],
                ),
                links: vec![(
                    format!("/catalogue/{tenant}?lang={}", l.text),
                    lang.t("cat-back"),
                )],
            };
            Ok((StatusCode::ACCEPTED, render(&page)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let lang_code = f.lang.clone();
            let (status, body) =
                detail_page(&s, &ctx, &tenant, &id, Some(&lang_code), f, errors).await?;
            Ok((status, body).into_response())
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

// ---------------------------------------------------------------- links from the e-mails

#[derive(Template)]
#[template(path = "catalogue/manage.html")]
struct ManagePage {
    base: PublicBase,
    heading: String,
    title: String,
    notice: Option<String>,
    status: String,
    status_code: String,
    persons: u32,
    /// (index, label)
    children: Vec<(usize, String)>,
    /// (code, label, given)
    consents: Vec<(String, String, bool)>,
    token: String,
    confirm: bool,
    active: bool,
}

fn status_text(lang: Lang, st: RegStatus, pos: Option<u32>) -> String {
    match (st, pos) {
        (RegStatus::Waitlisted, Some(p)) => {
            lang.t_args("reg-waitlisted-at", &[("position", p.to_string())])
        }
        _ => lang.t(&format!("reg-status-{}", st.as_str())),
    }
}

/// Renders the registration behind `token` in the asked language (else the registrant's):
/// its offer, status, children and consents, with `notice` saying what just happened.
/// `status` overrides the stored status and gives the waiting-list position.
async fn registration_page(
    s: &AppState,
    ctx: &PageCtx,
    q: &LangQuery,
    token: &str,
    confirm: bool,
    status: Option<(RegStatus, Option<u32>)>,
    notice: impl FnOnce(Lang, &Reg) -> Option<String>,
) -> PageResult {
    let (mut reg, o) = registrations::by_token(&s.app, token)
        .await
        .map_err(fail(ctx))?;
    let position = status.and_then(|(st, pos)| {
        reg.status = st;
        pos
    });
    let (slug, name) = mittler_app::tenants::get(&s.app, reg.tenant_id)
        .await
        .map(|t| (t.slug, t.name))
        .unwrap_or_default();
    let l = langs(ctx, Some(q.lang.as_deref().unwrap_or(&reg.lang)));
    let lang = l.ui;
    let confirm = confirm && reg.status == RegStatus::Pending;
    let key = if confirm {
        "reg-confirm-title"
    } else {
        "reg-manage-title"
    };
    let page = ManagePage {
        base: PublicBase::new(
            ctx,
            &l,
            lang.t(key),
            &slug,
            &name,
            &format!("/r/{}/{token}", if confirm { "confirm" } else { "cancel" }),
        ),
        heading: lang.t(key),
        title: o
            .texts
            .show(&l.text)
            .map(|s| s.text.title.clone())
            .unwrap_or_default(),
        notice: notice(lang, &reg),
        status: status_text(lang, reg.status, position),
        status_code: reg.status.as_str().to_owned(),
        persons: reg.persons,
        children: reg
            .children
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let args = [("n", (i + 1).to_string()), ("age", a.to_string())];
                (i, lang.t_args("reg-child", &args))
            })
            .collect(),
        consents: [Consent::Photos, Consent::ShareContact]
            .iter()
            .map(|c| {
                let given = reg
                    .consents
                    .iter()
                    .any(|(p, revoked)| p == c && revoked.is_none());
                let label = lang.t(&format!("consent-{}", c.as_str()));
                (c.as_str().to_owned(), label, given)
            })
            .collect(),
        token: token.to_owned(),
        confirm,
        active: reg.status != RegStatus::Cancelled,
    };
    Ok(render(&page))
}

/// `GET /r/confirm/{token}`: the page behind the e-mailed link; confirming is a button,
/// so that a mail scanner following links confirms nothing.
pub async fn confirm_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
) -> PageResult {
    registration_page(&s, &ctx, &q, &token, true, None, |_, _| None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf: String,
    /// Cancel only this child.
    child: Option<usize>,
    purpose: String,
}

/// `POST /r/confirm/{token}`: confirms; a seat, the waiting list or the lottery.
pub async fn confirm(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    CheckedForm(_): CheckedForm<TokenForm>,
) -> PageResult {
    let (_, _, out) = registrations::confirm(&s.app, &token)
        .await
        .map_err(fail(&ctx))?;
    let (Confirmed::Now(st, pos) | Confirmed::Already(st, pos)) = out;
    registration_page(&s, &ctx, &q, &token, false, Some((st, pos)), |lang, _| {
        Some(match st {
            RegStatus::Confirmed => lang.t("reg-now-confirmed"),
            RegStatus::Waitlisted => {
                let at = [("position", pos.unwrap_or(0).to_string())];
                lang.t_args("reg-now-waitlisted", &at)
            }
            RegStatus::Entered => lang.t("reg-now-entered"),
            other => status_text(lang, other, pos),
        })
    })
    .await
}

/// `GET /r/cancel/{token}`: the registration with buttons to cancel a child or all.
pub async fn cancel_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
) -> PageResult {
    registration_page(&s, &ctx, &q, &token, false, None, |_, _| None).await
}

/// `POST /r/cancel/{token}`: cancels one child or the whole registration.
pub async fn cancel(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    CheckedForm(f): CheckedForm<TokenForm>,
) -> PageResult {
    let release = f.child.map_or(Release::All, Release::Child);
    registrations::cancel(&s.app, &token, release)
        .await
        .map_err(fail(&ctx))?;
    registration_page(&s, &ctx, &q, &token, false, None, |lang, reg| {
        Some(lang.t(if reg.status == RegStatus::Cancelled {
            "reg-now-cancelled"
        } else {
            "reg-child-cancelled"
        }))
    })
    .await
}

/// `POST /r/consent/{token}`: withdraws a consent (photos, passing the contact on).
pub async fn revoke(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    CheckedForm(f): CheckedForm<TokenForm>,
) -> PageResult {
    let purpose = Consent::parse(&f.purpose)
        .ok_or_else(|| fail(&ctx)(AppError::Invalid(FieldErrors::single("purpose", "invalid"))))?;
    registrations::revoke(&s.app, &token, purpose)
        .await
        .map_err(fail(&ctx))?;
    registration_page(&s, &ctx, &q, &token, false, None, |lang, _| {
        Some(lang.t("reg-consent-revoked"))
    })
    .await
}

// ---------------------------------------------------------------- open formats

/// `GET /catalogue/{tenant}/{id}/calendar.ics`: every session of an offer.
pub async fn ics(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path((tenant, id)): Path<(String, String)>,
) -> PageResult {
    let (_, o) = catalogue::offer(&s.app, &tenant, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    let title = o
        .texts
        .show("de")
        .map(|t| t.text.title.clone())
        .unwrap_or_default();
    let events: Vec<mittler_app::calendar::Event> = o
        .sessions
        .iter()
        .map(|(sid, sess)| mittler_app::calendar::Event {
            uid: format!("{sid}@mittler"),
            start: sess.start,
            end: sess.end,
            summary: title.clone(),
            location: format!("{}, {}", o.venue.name, o.venue.address),
            description: format!("{}/catalogue/{tenant}/{}", s.app.public_url, o.id),
            cancelled: false,
        })
        .collect();
    let body = mittler_app::calendar::calendar(&title, &events, None, s.app.now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"offer.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// `GET /catalogue/{tenant}/offers.json`: open data of the published offers, every
/// language, no personal data.
pub async fn open_data(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(tenant): Path<String>,
) -> PageResult {
    let c = catalogue::catalogue(&s.app, &tenant)
        .await
        .map_err(fail(&ctx))?;
    let offers: Vec<serde_json::Value> = c
        .entries()
        .map(|o| {
            serde_json::json!({
                "id": o.id,
                "url": format!("{}/catalogue/{tenant}/{}", s.app.public_url, o.id),
                "provider": o.provider_name,
                "title": o.texts.by_lang.iter().map(|(l, t)| (l.clone(), t.title.clone())).collect::<std::collections::BTreeMap<_, _>>(),
                "description": o.texts.by_lang.iter().map(|(l, t)| (l.clone(), t.description.clone())).collect::<std::collections::BTreeMap<_, _>>(),
                "category": o.category.as_str(),
                "target_groups": o.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
                "age_min": o.age_min,
                "age_max": o.age_max,
                "languages": o.languages,
                "place": {
                    "name": o.venue.name, "address": o.venue.address, "district": o.venue.district,
                    "lat": o.venue.lat, "lon": o.venue.lon, "accessibility": o.venue.accessibility,
                },
                "sessions": o.sessions.iter().map(|(_, x)| serde_json::json!({"start": x.start.to_string(), "end": x.end.to_string()})).collect::<Vec<_>>(),
                "cost_cents": o.cost_cents,
                "capacity": o.capacity,
                "seats_left": c.seats_left(o),
                "registration": o.registration.as_str(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "publisher": c.tenant.name,
        "licence": "CC0-1.0",
        "generated": s.app.now().to_string(),
        "offers": offers,
    }))
    .into_response())
}
