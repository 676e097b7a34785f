//! Mediator pages for coordinators and admins: list and search, create, edit, deactivate.

use super::institutions::parse_decimal;
use super::schedule::{
    AbsenceRow, SavedQuery, WindowRow, absence_inputs, absence_rows, absence_view, stored_absences,
    stored_windows, weekdays, window_inputs, window_rows, window_view,
};
use super::{Base, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::{AppError, mediators};
use mittler_domain::Action;
use mittler_domain::FieldErrors;
use mittler_domain::mediator::{Gender, Level, Mediator, MediatorInput, Sector, SkillInput};
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
    languages: String,
    sectors: String,
    remote: bool,
    active: bool,
}

#[derive(Template)]
#[template(path = "mediators/list.html")]
struct ListPage {
    base: Base,
    q: String,
    inactive: bool,
    count: i64,
    rows: Vec<Row>,
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let inactive = q.inactive.is_some();
    let all = mediators::list(&s.app, &a, &q.q, inactive)
        .await
        .map_err(fail(&ctx))?;
    let lang = ctx.lang;
    let rows: Vec<Row> = all
        .into_iter()
        .map(|m| Row {
            id: m.id.to_string(),
            languages: m
                .languages
                .iter()
                .map(|l| lang.language_name(l.code.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            sectors: m
                .sectors
                .iter()
                .map(|s| lang.t(&format!("sector-{}", s.as_str())))
                .collect::<Vec<_>>()
                .join(", "),
            name: m.name,
            remote: m.remote,
            active: m.active,
        })
        .collect();
    Ok(render(&ListPage {
        base: Base::new(&ctx, "mediators-title"),
        q: q.q,
        inactive,
        count: i64::try_from(rows.len()).unwrap_or(i64::MAX),
        rows,
    }))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MediatorForm {
    csrf: String,
    name: String,
    email: String,
    phone: String,
    gender: String,
    lang_code: Vec<String>,
    lang_level: Vec<String>,
    sector: Vec<String>,
    /// Where the mediator lives, as postcode or district: the coarse coordinates come
    /// from it through the geocoder (never stored as typed).
    home_place: String,
    home_lat: String,
    home_lon: String,
    remote: Option<String>,
    speed_kmh: String,
    max_work_min_per_day: String,
    av_day: Vec<String>,
    av_start: Vec<String>,
    av_end: Vec<String>,
    abs_from: Vec<String>,
    abs_to: Vec<String>,
    qualified_on: String,
    pledge_signed_on: String,
    /// volunteer, freelance or employee (how statements are made).
    engagement: String,
}

/// The level choices of a language row: first "choose", so that a language typed into
/// an empty row is not saved as a mother tongue unasked.
fn level_options(lang: crate::i18n::Lang, level: &str) -> Vec<(&'static str, String, bool)> {
    std::iter::once(("", lang.t("level-choose"), level.is_empty()))
        .chain(Level::ALL.iter().map(|l| {
            (
                l.as_str(),
                lang.t(&format!("level-{}", l.as_str())),
                l.as_str() == level,
            )
        }))
        .collect()
}

/// A language as typed in the picker: a code, "Name (code)", or its name in any
/// interface language ("Tigrinya", "تغرينية", "тигринья") or its own.
pub(super) fn language_code(typed: &str) -> String {
    let t = typed.trim();
    if let (Some(open), Some(close)) = (t.rfind('('), t.rfind(')'))
        && let Some(inner) = t.get(open + 1..close)
        && mittler_domain::language::LanguageCode::parse(inner).is_some()
    {
        return inner.trim().to_lowercase();
    }
    mittler_domain::language::resolve(t)
        .map(|l| l.code.to_owned())
        .unwrap_or_else(|| t.to_lowercase())
}

impl MediatorForm {
    fn language_rows(&self) -> Vec<[String; 2]> {
        let n = self.lang_code.len();
        (0..n)
            .map(|i| {
                let code = self
                    .lang_code
                    .get(i)
                    .map(|s| s.trim().to_owned())
                    .unwrap_or_default();
                let level = self.lang_level.get(i).cloned().unwrap_or_default();
                [code, level]
            })
            .filter(|[c, _]| !c.is_empty())
            .collect()
    }

    fn to_input(&self) -> (MediatorInput, FieldErrors) {
        let mut e = FieldErrors::new();
        let mut int = |field: &str, v: &str| -> Option<i64> {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            v.parse().map(Some).unwrap_or_else(|_| {
                e.add(field, "invalid-number");
                None
            })
        };
        let speed_kmh = int("speed_kmh", &self.speed_kmh);
        let max_work = int("max_work_min_per_day", &self.max_work_min_per_day);
        let lat = parse_decimal(&self.home_lat).unwrap_or_else(|_| {
            e.add("home.lat", "invalid-number");
            None
        });
        let lon = parse_decimal(&self.home_lon).unwrap_or_else(|_| {
            e.add("home.lon", "invalid-number");
            None
        });
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let input = MediatorInput {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            gender: self.gender.clone(),
            languages: self
                .language_rows()
                .into_iter()
                .map(|[c, l]| SkillInput {
                    code: language_code(&c),
                    level: l,
                })
                .collect(),
            sectors: self.sector.clone(),
            home_lat: lat,
            home_lon: lon,
            remote: self.remote.is_some(),
            speed_kmh,
            max_work_min_per_day: max_work,
            availability: window_inputs(&window_rows(&self.av_day, &self.av_start, &self.av_end)),
            absences: absence_inputs(&absence_rows(&self.abs_from, &self.abs_to)),
            qualified_on: opt(&self.qualified_on),
            pledge_signed_on: opt(&self.pledge_signed_on),
        };
        (input, e)
    }

    fn of(m: &Mediator) -> MediatorForm {
        let w = stored_windows(m);
        let a = stored_absences(m);
        MediatorForm {
            csrf: String::new(),
            name: m.name.clone(),
            email: m.email.clone(),
            phone: m.phone.clone(),
            gender: m.gender.as_str().into(),
            lang_code: m.languages.iter().map(|l| l.code.to_string()).collect(),
            lang_level: m
                .languages
                .iter()
                .map(|l| l.level.as_str().to_owned())
                .collect(),
            sector: m.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
            home_place: String::new(),
            home_lat: m.home.lat.to_string(),
            home_lon: m.home.lon.to_string(),
            remote: m.remote.then(|| "1".to_owned()),
            speed_kmh: m.speed_kmh.to_string(),
            max_work_min_per_day: m.max_work_min_per_day.to_string(),
            av_day: w.iter().map(|r| r[0].clone()).collect(),
            av_start: w.iter().map(|r| r[1].clone()).collect(),
            av_end: w.iter().map(|r| r[2].clone()).collect(),
            abs_from: a.iter().map(|r| r[0].clone()).collect(),
            abs_to: a.iter().map(|r| r[1].clone()).collect(),
            qualified_on: m.qualified_on.map(|d| d.to_string()).unwrap_or_default(),
            pledge_signed_on: m
                .pledge_signed_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            engagement: String::new(),
        }
    }
}

pub struct LanguageRow {
    code: String,
    levels: Vec<(&'static str, String, bool)>,
    err: Option<String>,
}

pub struct Field {
    name: &'static str,
    label: String,
    value: String,
    kind: &'static str,
    auto: &'static str,
    err: Option<String>,
}

#[derive(Template)]
#[template(path = "mediators/form.html")]
struct FormPage {
    base: Base,
    saved: bool,
    /// (value, label, chosen) of the engagement.
    engagements: Vec<(&'static str, String, bool)>,
    sectors_err: Option<String>,
    id: Option<String>,
    active: bool,
    has_errors: bool,
    top: Vec<Field>,
    genders: Vec<(&'static str, String, bool)>,
    gender_err: Option<String>,
    languages: Vec<LanguageRow>,
    languages_err: Option<String>,
    common_languages: Vec<(&'static str, String)>,
    sectors: Vec<(&'static str, String, bool)>,
    remote: bool,
    work: Vec<Field>,
    weekdays: Vec<(String, String)>,
    windows: Vec<WindowRow>,
    absences: Vec<AbsenceRow>,
    records: Vec<Field>,
}

fn form_page(
    ctx: &PageCtx,
    current: Option<&Mediator>,
    f: &MediatorForm,
    e: &FieldErrors,
) -> FormPage {
    let lang = ctx.lang;
    let field = |name: &'static str,
                 key: &str,
                 value: &str,
                 kind: &'static str,
                 auto: &'static str,
                 err_key: &str| Field {
        name,
        label: lang.t(key),
        value: value.to_owned(),
        kind,
        auto,
        err: field_error(lang, e, err_key),
    };
    let mut languages: Vec<LanguageRow> = f
        .language_rows()
        .into_iter()
        .enumerate()
        .map(|(i, [code, level])| LanguageRow {
            levels: level_options(lang, &level),
            err: field_error(lang, e, &format!("languages[{i}].code")).or_else(|| {
                field_error(lang, e, &format!("languages[{i}].level"))
                    .map(|_| lang.t("mediator-level-required"))
            }),
            code,
        })
        .collect();
    for _ in 0..2 {
        languages.push(LanguageRow {
            code: String::new(),
            levels: level_options(lang, ""),
            err: None,
        });
    }
    let windows = window_rows(&f.av_day, &f.av_start, &f.av_end);
    let absences = absence_rows(&f.abs_from, &f.abs_to);
    FormPage {
        engagements: mittler_domain::billing::Engagement::ALL
            .iter()
            .map(|x| {
                let v = x.as_str();
                let chosen = if f.engagement.is_empty() {
                    v == "volunteer"
                } else {
                    f.engagement == v
                };
                (v, lang.t(&format!("engagement-{v}")), chosen)
            })
            .collect(),
        base: Base::new(
            ctx,
            if current.is_some() {
                "mediator-edit-title"
            } else {
                "mediator-new-title"
            },
        ),
        saved: false,
        sectors_err: e
            .iter()
            .find(|(k, _)| k.starts_with("sectors"))
            .map(|(_, r)| lang.reason(r)),
        id: current.map(|m| m.id.to_string()),
        active: current.is_none_or(|m| m.active),
        has_errors: !e.is_empty(),
        top: vec![
            // Another person's profile: the browser must not fill in the coordinator's own details.
            field("name", "mediator-name", &f.name, "text", "off", "name"),
            field("email", "mediator-email", &f.email, "email", "off", "email"),
            field("phone", "mediator-phone", &f.phone, "tel", "off", "phone"),
        ],
        genders: Gender::ALL
            .iter()
            .map(|g| {
                (
                    g.as_str(),
                    lang.t(&format!("gender-{}", g.as_str())),
                    g.as_str() == f.gender,
                )
            })
            .collect(),
        gender_err: field_error(lang, e, "gender"),
        languages,
        languages_err: field_error(lang, e, "languages"),
        common_languages: super::language_choices(lang),
        sectors: Sector::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    lang.t(&format!("sector-{}", s.as_str())),
                    f.sector.iter().any(|x| x == s.as_str()),
                )
            })
            .collect(),
        remote: f.remote.is_some(),
        work: vec![
            field(
                "home_place",
                "mediator-home-place",
                &f.home_place,
                "text",
                "off",
                "home_place",
            ),
            field(
                "home_lat",
                "mediator-home-lat",
                &f.home_lat,
                "text",
                "off",
                "home.lat",
            ),
            field(
                "home_lon",
                "mediator-home-lon",
                &f.home_lon,
                "text",
                "off",
                "home.lon",
            ),
            field(
                "speed_kmh",
                "mediator-speed",
                &f.speed_kmh,
                "number",
                "off",
                "speed_kmh",
            ),
            field(
                "max_work_min_per_day",
                "mediator-max-work",
                &f.max_work_min_per_day,
                "number",
                "off",
                "max_work_min_per_day",
            ),
        ],
        weekdays: weekdays(lang),
        windows: window_view(lang, &windows, e, 2),
        absences: absence_view(lang, &absences, e, 1),
        records: vec![
            field(
                "qualified_on",
                "mediator-qualified-on",
                &f.qualified_on,
                "date",
                "off",
                "qualified_on",
            ),
            field(
                "pledge_signed_on",
                "mediator-pledge-on",
                &f.pledge_signed_on,
                "date",
                "off",
                "pledge_signed_on",
            ),
        ],
    }
}

/// Coarse home coordinates from a postcode or district, where a geocoder is configured and
/// no coordinates were typed: rounded to two decimals (about a kilometre).
async fn locate_home(s: &AppState, mut f: MediatorForm) -> MediatorForm {
    let place = f.home_place.trim().to_owned();
    if let Some(g) = &s.app.geocoder
        && !place.is_empty()
        && f.home_lat.trim().is_empty()
        && f.home_lon.trim().is_empty()
        && let Some((lat, lon)) = g.locate(&place).await
    {
        f.home_lat = format!("{:.2}", lat);
        f.home_lon = format!("{:.2}", lon);
    }
    f
}

/// The form's own errors (numbers that are no numbers) and the domain's, together.
fn all_errors(f: &MediatorForm) -> (MediatorInput, FieldErrors) {
    let (input, mut errors) = f.to_input();
    if let Err(e) = input.validate() {
        for (k, v) in e.iter() {
            if k == "home" {
                // The domain names the pair; the form has two fields, and only an empty one is missing.
                for (field, typed) in [("home.lat", &f.home_lat), ("home.lon", &f.home_lon)] {
                    if typed.trim().is_empty() {
                        errors.add(field, v);
                    }
                }
            } else {
                errors.add(k, v);
            }
        }
    }
    (input, errors)
}

pub async fn new_form(SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let f = MediatorForm {
        remote: Some("1".into()),
        speed_kmh: "20".into(),
        max_work_min_per_day: "360".into(),
        ..Default::default()
    };
    Ok(render(&form_page(&ctx, None, &f, &FieldErrors::new())))
}

fn invalid(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<MediatorForm>,
) -> PageResult {
    require(&ctx, &a, Action::RunMediation)?;
    let f = locate_home(&s, f).await;
    let (input, errors) = all_errors(&f);
    if !errors.is_empty() {
        return Ok(invalid(form_page(&ctx, None, &f, &errors)));
    }
    match mediators::create(&s.app, &a, &input).await {
        Ok(id) => {
            let e = mittler_domain::billing::Engagement::parse(&f.engagement).unwrap_or_default();
            mittler_app::billing::set_engagement(&s.app, &a, id, e)
                .await
                .map_err(fail(&ctx))?;
            Ok(Redirect::to(&format!("/mediators/{id}?saved=1")).into_response())
        }
        Err(AppError::Invalid(e)) => Ok(invalid(form_page(&ctx, None, &f, &e))),
        Err(e) => Err(fail(&ctx)(e)),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<SavedQuery>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let m = mediators::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    require(&ctx, &a, Action::RunMediation)?;
    let engagement = mittler_app::billing::engagements(&s.app, a.tenant_id)
        .await
        .map_err(fail(&ctx))?
        .get(&id)
        .copied()
        .unwrap_or_default();
    let f = MediatorForm {
        engagement: engagement.as_str().to_owned(),
        ..MediatorForm::of(&m)
    };
    let mut page = form_page(&ctx, Some(&m), &f, &FieldErrors::new());
    page.saved = q.saved.is_some();
    Ok(render(&page))
}

pub async fn update(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<MediatorForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let current = mediators::get_for_change(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let f = locate_home(&s, f).await;
    let (input, errors) = all_errors(&f);
    if !errors.is_empty() {
        return Ok(invalid(form_page(&ctx, Some(&current), &f, &errors)));
    }
    match mediators::update(&s.app, &a, id, &input).await {
        Ok(_) => {
            if let Some(e) = mittler_domain::billing::Engagement::parse(&f.engagement) {
                mittler_app::billing::set_engagement(&s.app, &a, id, e)
                    .await
                    .map_err(fail(&ctx))?;
            }
            Ok(Redirect::to(&format!("/mediators/{id}?saved=1")).into_response())
        }
        Err(AppError::Invalid(e)) => Ok(invalid(form_page(&ctx, Some(&current), &f, &e))),
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
    mediators::set_active(&s.app, &a, id, f.active == "1")
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/mediators/{id}")).into_response())
}
