//! The public catalogue of a tenant, without sign-in: list with filters and search,
//! detail with registration, the e-mailed confirmation and cancellation pages, the
//! iCalendar file of an offer and the open-data feed.

mod detail;
mod links;
mod open;

pub use detail::*;
pub use links::*;
pub use open::*;

use super::{PageError, PageResult, fail, parse_id, render};
use crate::AppState;
use crate::api::offers::{PublicQuery, public_filter};
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx};
use crate::i18n::Lang;
use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
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

/// The menu offers the interface languages only (each complete); offers' texts are
/// shown in the interface language where the provider wrote one, else in German.
fn langs(ctx: &PageCtx, asked: Option<&str>) -> Langs {
    let ui = asked
        .map(str::trim)
        .and_then(Lang::parse_public)
        .unwrap_or(ctx.lang);
    Langs {
        ui,
        text: ui.code().to_owned(),
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
            switch: Lang::PUBLIC
                .iter()
                .map(|u| {
                    let c = u.code();
                    (c, u.autonym(), *u == l.ui, format!("{here}{sep}lang={c}"))
                })
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
        self.lang.dir()
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
    PageQuery(q): PageQuery<ListQuery>,
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
