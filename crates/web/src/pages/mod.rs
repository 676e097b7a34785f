//! Server-rendered pages: thin handlers over `app`, askama templates, Fluent strings.

mod account;
mod assets;
mod assignments;
mod audit;
mod billing;
mod calendar;
mod calls;
mod catalogue;
mod centres;
mod forms;
mod health;
mod home;
mod institutions;
mod mediators;
mod offers;
mod on_call;
mod outbox;
mod passkeys;
mod plans;
mod privacy;
mod reports;
mod requests;
mod schedule;
mod sessions;
mod settings;
mod slip;
mod sso;
mod state;
mod tariffs;
mod users;

use crate::extract::{PageCtx, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use mittler_app::{Actor, AppError};
use mittler_domain::{Action, FieldErrors, Role};

pub use forms::{ActiveForm, CsrfForm, MessageQuery, ReasonForm};

crate::routes! { PAGE_ROUTES, page_router;
    get "/" => home::home,
    get "/healthz" => health::healthz,
    get "/readyz" => health::readyz,
    get "/assets/app.css" => assets::app_css,
    get "/assets/app.js" => assets::app_js,
    get "/assets/passkey.js" => assets::passkey_js,
    get "/assets/call.js" => assets::call_js,
    get "/assets/icon-192.png" => assets::icon_192,
    get "/assets/icon-512.png" => assets::icon_512,
    get "/manifest.webmanifest" => assets::manifest,
    get "/sw.js" => assets::service_worker,
    get "/login" => account::login_form,
    post "/login" => account::login,
    get "/login/code" => account::code_form,
    post "/login/code" => account::code,
    get "/login/sso" => sso::start,
    get "/login/sso/callback" => sso::callback,
    post "/login/passkey/start" => passkeys::login_start,
    post "/login/passkey/finish" => passkeys::login_finish,
    post "/account/passkeys/start" => passkeys::register_start,
    post "/account/passkeys/finish" => passkeys::register_finish,
    post "/account/passkeys/{id}/delete" => passkeys::remove,
    post "/logout" => account::logout,
    post "/lang" => account::switch_language,
    get "/account/sessions" => sessions::list,
    post "/account/sessions/others" => sessions::end_others,
    post "/account/sessions/{id}/end" => sessions::end,
    get "/account/two-factor" => sessions::two_factor,
    post "/account/two-factor" => sessions::begin,
    post "/account/two-factor/confirm" => sessions::confirm,
    post "/account/two-factor/remove" => sessions::remove,
    post "/users/{id}/sessions/end" => sessions::of_user,
    get "/account/password" => account::password_form,
    post "/account/password" => account::change_password,
    get "/languages/search" => account::language_search,
    get "/institutions" => institutions::list,
    get "/institutions/new" => institutions::new_form,
    post "/institutions" => institutions::create,
    get "/institutions/{id}" => institutions::edit_form,
    post "/institutions/{id}" => institutions::update,
    post "/institutions/{id}/active" => institutions::set_active,
    get "/mediators" => mediators::list,
    get "/mediators/new" => mediators::new_form,
    post "/mediators" => mediators::create,
    get "/mediators/{id}" => mediators::edit_form,
    post "/mediators/{id}" => mediators::update,
    post "/mediators/{id}/active" => mediators::set_active,
    get "/me/schedule" => schedule::form,
    post "/me/schedule" => schedule::save,
    get "/users" => users::list,
    get "/users/new" => users::new_form,
    post "/users" => users::create,
    get "/users/{id}" => users::edit_form,
    post "/users/{id}" => users::update,
    get "/audit" => audit::list,
    get "/privacy" => privacy::show,
    get "/privacy/export.json" => privacy::export_json,
    post "/privacy/erase" => privacy::erase,
    get "/privacy/records" => privacy::records,
    get "/outbox" => outbox::list,
    get "/plans" => plans::form,
    post "/plans" => plans::create,
    get "/plans/{id}" => plans::show,
    post "/plans/{id}/apply" => plans::apply,
    get "/settings" => settings::form,
    post "/settings" => settings::save,
    get "/billing" => billing::index,
    get "/billing/settings" => tariffs::seller_form,
    post "/billing/settings" => tariffs::save_seller,
    post "/billing/runs" => billing::create_run,
    post "/billing/funds" => billing::create_fund,
    get "/billing/runs/{id}" => billing::show_run,
    post "/billing/runs/{id}/issue" => billing::issue_run,
    post "/billing/runs/{id}/recompute" => billing::recompute_run,
    post "/billing/runs/{id}/discard" => billing::discard_run,
    post "/billing/invoices/{id}/cancel" => billing::cancel_invoice,
    get "/billing/invoices/{id}/pdf" => billing::invoice_pdf,
    get "/billing/invoices/{id}/xrechnung.xml" => billing::invoice_xml,
    get "/billing/statements/{id}/pdf" => billing::statement_pdf,
    get "/me/statements" => billing::my_statements,
    get "/tariffs" => tariffs::tariffs,
    post "/tariffs" => tariffs::create_tariff,
    get "/reports" => reports::show,
    get "/reports/export" => reports::export,
    get "/state" => state::show,
    get "/state/export" => state::export,
    get "/centres" => centres::list,
    post "/centres" => centres::create,
    get "/calendar/{token}" => calendar::feed,
    get "/me/calendar" => calendar::page,
    post "/me/calendar" => calendar::renew,
    post "/me/calendar/revoke" => calendar::revoke,
    get "/requests" => requests::list,
    get "/requests/new" => requests::new_form,
    get "/requests/events" => requests::events,
    post "/requests" => requests::create,
    get "/requests/{id}" => requests::show,
    get "/requests/{id}/slip" => slip::page,
    get "/requests/{id}/slip.pdf" => slip::pdf,
    post "/requests/{id}/client-reminder" => slip::set_reminder,
    post "/requests/{id}/client-reminder/delete" => slip::clear_reminder,
    post "/requests/{id}/invite" => requests::invite,
    post "/requests/{id}/assign" => requests::assign,
    post "/requests/{id}/cancel" => requests::cancel,
    post "/requests/{id}/fund" => requests::choose_fund,
    post "/requests/{id}/reschedule" => requests::reschedule,
    post "/requests/{id}/timesheet/confirm" => requests::confirm_timesheet,
    post "/requests/{id}/timesheet/dispute" => requests::dispute_timesheet,
    get "/me/invitations" => assignments::invitations,
    post "/me/invitations/{id}/accept" => assignments::accept,
    post "/me/invitations/{id}/decline" => assignments::decline,
    get "/me/assignments" => assignments::assignments,
    post "/me/assignments/{id}/timesheet" => assignments::timesheet,
    post "/me/assignments/{id}/drop-out" => assignments::drop_out,
    get "/calls" => calls::index,
    post "/calls" => calls::create,
    get "/call/{id}" => calls::show,
    get "/call/{id}/events" => calls::events,
    post "/call/{id}/signal" => calls::signal,
    post "/call/{id}/end" => calls::end,
    post "/call/{id}/ring-again" => calls::ring_again,
    post "/call/{id}/to-request" => calls::to_request,
    post "/requests/{id}/convert" => calls::convert,
    get "/me/calls" => on_call::show,
    get "/me/calls/events" => on_call::events,
    post "/me/on-call" => on_call::go_on,
    post "/me/off-call" => on_call::go_off,
    post "/me/on-call/plan" => on_call::save_plan,
    post "/me/calls/{id}/accept" => on_call::accept,
    post "/me/push" => on_call::subscribe,
    post "/me/push/off" => on_call::unsubscribe,
    get "/offers" => offers::list,
    get "/offers/new" => offers::new_form,
    post "/offers" => offers::create,
    get "/offers/{id}" => offers::edit_form,
    post "/offers/{id}" => offers::update,
    post "/offers/{id}/status" => offers::set_status,
    get "/offers/{id}/registrations" => offers::registrations,
    post "/offers/{id}/attendance" => offers::attendance,
    get "/offers/{id}/export.csv" => offers::export,
    post "/offers/{id}/message" => offers::message,
    get "/providers" => offers::providers,
    post "/providers" => offers::create_provider,
    get "/catalogue/{tenant}" => catalogue::list,
    get "/catalogue/{tenant}/offers.json" => catalogue::open_data,
    get "/catalogue/{tenant}/{id}" => catalogue::detail,
    get "/catalogue/{tenant}/{id}/calendar.ics" => catalogue::ics,
    post "/catalogue/{tenant}/{id}/register" => catalogue::register,
    get "/r/confirm/{token}" => catalogue::confirm_form,
    post "/r/confirm/{token}" => catalogue::confirm,
    get "/r/cancel/{token}" => catalogue::cancel_form,
    post "/r/cancel/{token}" => catalogue::cancel,
    post "/r/consent/{token}" => catalogue::revoke,
}

/// An area of the service: where it is, its name, which action opens it, and whether it
/// shows in the navigation and as a card on the home page. Navigation and home cards
/// both come from this table and ask the one permission model; the pages themselves
/// ask it again with the same action.
struct Area {
    href: &'static str,
    key: &'static str,
    action: Action,
    nav: bool,
    home: bool,
}

const fn area(
    href: &'static str,
    key: &'static str,
    action: Action,
    nav: bool,
    home: bool,
) -> Area {
    Area {
        href,
        key,
        action,
        nav,
        home,
    }
}

#[rustfmt::skip]
const AREAS: &[Area] = &[
    area("/requests/new",    "nav-book",           Action::BookRequests,      false, true),
    area("/requests",        "nav-requests",       Action::FollowRequests,    true,  true),
    area("/calls",           "nav-calls",          Action::BookRequests,      true,  true),
    area("/me/calls",        "nav-on-call",        Action::ServeAsMediator,   true,  true),
    area("/plans",           "nav-plans",          Action::RunMediation,      true,  false),
    area("/mediators",       "nav-mediators",      Action::RunMediation,      true,  true),
    area("/institutions",    "nav-institutions",   Action::RunMediation,      true,  true),
    area("/institutions",    "nav-my-institution", Action::SeeOwnInstitution, true,  true),
    area("/me/invitations",  "nav-invitations",    Action::ServeAsMediator,   true,  true),
    area("/me/assignments",  "nav-assignments",    Action::ServeAsMediator,   true,  true),
    area("/me/calendar",     "nav-calendar",       Action::ServeAsMediator,   true,  false),
    area("/me/schedule",     "nav-my-schedule",    Action::ServeAsMediator,   true,  true),
    area("/offers",          "nav-offers",         Action::WriteOffers,       true,  true),
    area("/providers",       "nav-providers",      Action::RunCatalogue,      true,  false),
    area("/users",           "nav-users",          Action::ManageUsers,       true,  true),
    area("/audit",           "nav-audit",          Action::ReadAudit,         true,  true),
    area("/billing",         "nav-billing",        Action::CloseMonth,        true,  true),
    area("/reports",         "nav-reports",        Action::CloseMonth,        true,  true),
    area("/me/statements",   "nav-statements",     Action::ServeAsMediator,   true,  true),
    area("/tariffs",         "nav-tariffs",        Action::ChangeSettings,    true,  false),
    area("/billing/settings", "nav-seller",        Action::ChangeSettings,    true,  false),
    area("/outbox",          "nav-outbox",         Action::ReadOutbox,        true,  false),
    area("/privacy",         "nav-privacy",        Action::HandleDataSubjects, true, false),
    area("/settings",        "nav-settings",       Action::ChangeSettings,    true,  false),
    area("/state",           "nav-state",          Action::ReadStateFigures,  true,  true),
    area("/centres",         "nav-centres",        Action::ManageCentres,     true,  true),
];

/// A link of the main navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What the base layout needs on every page.
pub struct Base {
    pub lang: Lang,
    pub csrf: String,
    pub path: String,
    pub title: String,
    pub user_name: Option<String>,
    pub role: Option<Role>,
    pub nav: Vec<NavItem>,
    pub langs: Vec<(&'static str, &'static str, bool)>,
}

impl Base {
    pub fn new(ctx: &PageCtx, title_key: &str) -> Base {
        let lang = ctx.lang;
        let actor = ctx.actor();
        let role = actor.map(|a| a.role);
        let mut nav = Vec::new();
        let mut add = |href: &'static str, key: &str| {
            let current = ctx.path == href
                || ctx.path.starts_with(&format!("{href}/"))
                || ctx.path.starts_with(&format!("{href}?"));
            nav.push(NavItem {
                href,
                label: lang.t(key),
                current,
            });
        };
        if let Some(actor) = actor {
            add("/", "nav-home");
            for area in AREAS.iter().filter(|x| x.nav && actor.may(x.action)) {
                add(area.href, area.key);
            }
            add("/account/sessions", "nav-security");
        }
        Base {
            lang,
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            title: lang.t(title_key),
            user_name: actor.map(|a| a.name.clone()),
            role,
            nav,
            langs: Lang::ALL
                .iter()
                .map(|l| (l.code(), l.autonym(), *l == lang))
                .collect(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn role_name(&self) -> String {
        self.role
            .map(|r| self.lang.t(&format!("role-{}", r.as_str())))
            .unwrap_or_default()
    }
}

/// Renders a template, or the error page when rendering fails.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            let id = crate::error::log_internal(&format!("template: {e}"));
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Lang::De.t_args("error-internal-id", &[("id", id)]),
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    base: Base,
    status: u16,
    message: String,
}

fn error_response(
    ctx: Option<&PageCtx>,
    lang: Lang,
    status: StatusCode,
    key: &str,
    extra: Option<String>,
) -> Response {
    let fallback = PageCtx {
        lang,
        session: None,
        csrf: String::new(),
        path: "/".into(),
    };
    let ctx = ctx.unwrap_or(&fallback);
    let mut message = lang.t(key);
    if let Some(x) = extra {
        message = format!("{message} ({x})");
    }
    let page = ErrorPage {
        base: Base::new(ctx, "error-title"),
        status: status.as_u16(),
        message,
    };
    (status, render(&page)).into_response()
}

/// A page with one message and a status (a refusal the user can act on).
pub fn message_page(ctx: &PageCtx, status: StatusCode, message: String) -> Response {
    let page = ErrorPage {
        base: Base::new(ctx, "error-title"),
        status: status.as_u16(),
        message,
    };
    (status, render(&page)).into_response()
}

/// The page for an error of a use-case.
pub fn error_page(lang: Lang, e: AppError) -> Response {
    page_error(None, lang, e)
}

pub fn page_error(ctx: Option<&PageCtx>, lang: Lang, e: AppError) -> Response {
    match e {
        AppError::Unauthorized | AppError::SecondFactorRequired => {
            Redirect::to("/login").into_response()
        }
        AppError::ChooseTenant(_) | AppError::NobodyOnCall => {
            error_response(ctx, lang, StatusCode::CONFLICT, "error-conflict", None)
        }
        AppError::Forbidden => {
            error_response(ctx, lang, StatusCode::FORBIDDEN, "error-forbidden", None)
        }
        AppError::NotFound => {
            error_response(ctx, lang, StatusCode::NOT_FOUND, "error-not-found", None)
        }
        AppError::Invalid(_) => error_response(
            ctx,
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-invalid",
            None,
        ),
        AppError::Conflict(_) | AppError::Taken(_) | AppError::Unavailable(_) => {
            error_response(ctx, lang, StatusCode::CONFLICT, "error-conflict", None)
        }
        AppError::TooMany { .. } => error_response(
            ctx,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "error-too-many",
            None,
        ),
        AppError::Internal(detail) => {
            let id = crate::error::log_internal(&detail);
            error_response(
                ctx,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
                Some(id),
            )
        }
    }
}

/// Handlers return this: a page, a redirect, or an error page.
pub struct PageError(pub Box<Response>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        *self.0
    }
}

pub type PageResult = Result<Response, PageError>;

/// Maps a use-case error to its page in the user's language.
pub fn fail(ctx: &PageCtx) -> impl Fn(AppError) -> PageError + '_ {
    move |e| PageError(Box::new(page_error(Some(ctx), ctx.lang, e)))
}

/// Refuses a form whose CSRF token does not match the session's (or the anonymous cookie's).
pub fn check_csrf(ctx: &PageCtx, submitted: &str) -> Result<(), PageError> {
    let ok = !ctx.csrf.is_empty()
        && ctx.csrf.len() == submitted.len()
        && ctx
            .csrf
            .bytes()
            .zip(submitted.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if ok {
        Ok(())
    } else {
        Err(PageError(Box::new(error_response(
            Some(ctx),
            ctx.lang,
            StatusCode::FORBIDDEN,
            "error-csrf",
            None,
        ))))
    }
}

/// The answer to a form body that cannot be read at all (400).
pub fn bad_request(ctx: &PageCtx) -> Response {
    error_response(
        Some(ctx),
        ctx.lang,
        StatusCode::BAD_REQUEST,
        "error-bad-form",
        None,
    )
}

/// The error page for a link whose query does not fit the page (400).
pub fn bad_link(ctx: &PageCtx) -> Response {
    error_response(
        Some(ctx),
        ctx.lang,
        StatusCode::BAD_REQUEST,
        "error-bad-link",
        None,
    )
}

/// Refuses a page the actor's role may not open at all (the one permission model).
pub fn require(ctx: &PageCtx, actor: &Actor, action: Action) -> Result<(), PageError> {
    actor.require(action).map_err(fail(ctx))
}

/// Percent-encodes a query value.
pub fn encode_query(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A local path to go back to: only paths on this site.
pub fn safe_next(next: &str) -> &str {
    let lower = next.to_ascii_lowercase();
    let ok = next.starts_with('/')
        && !matches!(next.chars().nth(1), Some('/' | '\\'))
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        && !["%09", "%0a", "%0d", "%5c"]
            .iter()
            .any(|bad| lower.contains(bad));
    if ok { next } else { "/" }
}

/// Euros as typed (`18`, `18,50`, `18.5`, `18 €`) in cents; `None` unless a
/// non-negative amount below a million euros.
pub fn parse_euros(s: &str) -> Option<i64> {
    let v: f64 = s
        .trim()
        .trim_end_matches('€')
        .trim()
        .replace(',', ".")
        .parse()
        .ok()?;
    let c = (v * 100.0).round();
    // Checked finite, non-negative and below 10^8 cents: the conversion is exact.
    #[allow(clippy::cast_possible_truncation)]
    (c.is_finite() && (0.0..100_000_000.0).contains(&c)).then_some(c as i64)
}

/// A field's error as a sentence in the user's language.
pub fn field_error(lang: Lang, errors: &FieldErrors, field: &str) -> Option<String> {
    errors.get(field).map(|r| lang.reason(r))
}

/// A parsed path id; a malformed one is simply not found.
pub fn parse_id(ctx: &PageCtx, s: &str) -> Result<uuid::Uuid, PageError> {
    uuid::Uuid::parse_str(s).map_err(|_| fail(ctx)(AppError::NotFound))
}

/// The page for an unknown address.
pub async fn not_found(ctx: PageCtx) -> Response {
    if ctx.path.starts_with("/api/") {
        return crate::error::ApiError::not_found().into_response();
    }
    error_response(
        Some(&ctx),
        ctx.lang,
        StatusCode::NOT_FOUND,
        "error-not-found",
        None,
    )
}

/// A moment as people read it: the weekday, the date and the time
/// ("Samstag, 06.03.2027 10:00").
pub fn when(lang: Lang, t: jiff::Timestamp) -> String {
    let z = t.to_zoned(mittler_app::local_time::zone());
    format!("{} {}", day_text(lang, z.date()), z.strftime("%H:%M"))
}

/// A date as people read it: "Montag, 30.11.2026".
pub fn day_text(lang: Lang, d: jiff::civil::Date) -> String {
    format!(
        "{}, {}",
        lang.t(&format!("weekday-{}", d.weekday().to_monday_one_offset())),
        d.strftime("%d.%m.%Y")
    )
}

/// A link that shows an address on a map (OpenStreetMap's search; nothing is sent
/// until the reader taps it).
pub fn map_link(address: &str) -> String {
    format!(
        "https://www.openstreetmap.org/search?query={}",
        encode_query(address)
    )
}

/// The languages a language picker suggests: code and "name (code)" in the reader's language.
pub fn language_choices(lang: Lang) -> Vec<(&'static str, String)> {
    mittler_domain::language::search("", 500)
        .into_iter()
        .map(|l| {
            (
                l.code,
                format!("{} ({})", lang.language_name(l.code), l.code),
            )
        })
        .collect()
}

/// The sectors of a sector select: code and name in the reader's language.
pub fn sector_choices(lang: Lang) -> Vec<(&'static str, String)> {
    mittler_domain::mediator::Sector::ALL
        .iter()
        .map(|st| (st.as_str(), lang.t(&format!("sector-{}", st.as_str()))))
        .collect()
}
