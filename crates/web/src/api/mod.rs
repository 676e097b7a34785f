//! The JSON API `/api/v1` of `shared/spec/api.md`; every route is in the OpenAPI document.

mod audit;
mod auth;
pub mod billing;
mod calls;
mod documents;
mod funds;
mod institutions;
mod invitations;
mod languages;
mod me;
mod mediators;
pub mod offers;
mod plans;
mod privacy;
mod reports;
pub mod requests;
mod state;
mod users;

use axum::Json;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

crate::routes! { API_ROUTES, api_router;
    post "/api/v1/auth/token" => auth::token,
    post "/api/v1/me/totp" => me::totp_begin,
    post "/api/v1/me/totp/confirm" => me::totp_confirm,
    get "/api/v1/me/sessions" => me::sessions,
    delete "/api/v1/me/sessions/{id}" => me::end_session,
    delete "/api/v1/users/{id}/sessions" => me::end_user_sessions,
    get "/api/v1/openapi.json" => openapi_json,
    get "/api/v1/audit" => audit::list,
    get "/api/v1/privacy/export" => privacy::export,
    post "/api/v1/privacy/erase" => privacy::erase,
    get "/api/v1/languages" => languages::list,
    get "/api/v1/institutions" => institutions::list,
    post "/api/v1/institutions" => institutions::create,
    get "/api/v1/institutions/{id}" => institutions::get,
    patch "/api/v1/institutions/{id}" => institutions::patch,
    get "/api/v1/mediators" => mediators::list,
    post "/api/v1/mediators" => mediators::create,
    get "/api/v1/mediators/{id}" => mediators::get,
    patch "/api/v1/mediators/{id}" => mediators::patch,
    get "/api/v1/users" => users::list,
    post "/api/v1/users" => users::create,
    get "/api/v1/users/{id}" => users::get,
    patch "/api/v1/users/{id}" => users::patch,
    get "/api/v1/requests" => requests::list,
    post "/api/v1/requests" => requests::create,
    get "/api/v1/requests/{id}" => requests::get,
    post "/api/v1/requests/{id}/cancel" => requests::cancel,
    post "/api/v1/requests/{id}/reschedule" => requests::reschedule,
    post "/api/v1/requests/{id}/drop-out" => requests::drop_out,
    get "/api/v1/requests/{id}/candidates" => requests::candidates,
    post "/api/v1/requests/{id}/invitations" => requests::invite,
    post "/api/v1/requests/{id}/assign" => requests::assign,
    post "/api/v1/requests/{id}/timesheet" => invitations::timesheet,
    post "/api/v1/requests/{id}/timesheet/confirm" => invitations::confirm_timesheet,
    post "/api/v1/requests/{id}/timesheet/dispute" => invitations::dispute_timesheet,
    post "/api/v1/plans" => plans::create,
    post "/api/v1/plans/{id}/apply" => plans::apply,
    get "/api/v1/invitations" => invitations::my_invitations,
    post "/api/v1/invitations/{id}/accept" => invitations::accept,
    post "/api/v1/invitations/{id}/decline" => invitations::decline,
    get "/api/v1/providers" => offers::list_providers,
    post "/api/v1/providers" => offers::create_provider,
    get "/api/v1/offers" => offers::list,
    post "/api/v1/offers" => offers::create,
    get "/api/v1/offers/{id}" => offers::get,
    post "/api/v1/offers/{id}/submit" => offers::submit,
    post "/api/v1/offers/{id}/publish" => offers::publish,
    get "/api/v1/offers/{id}/registrations" => offers::registrations,
    get "/api/v1/public/{tenant}/offers" => offers::public_list,
    get "/api/v1/public/{tenant}/offers/{id}" => offers::public_get,
    post "/api/v1/public/{tenant}/offers/{id}/registrations" => offers::public_register,
    post "/api/v1/public/registrations/confirm" => offers::public_confirm,
    post "/api/v1/public/registrations/cancel" => offers::public_cancel,
    get "/api/v1/tariffs" => billing::list_tariffs,
    post "/api/v1/tariffs" => billing::create_tariff,
    patch "/api/v1/tariffs/{id}" => billing::patch_tariff,
    get "/api/v1/settings" => billing::get_settings,
    patch "/api/v1/settings" => billing::patch_settings,
    get "/api/v1/billing/runs" => billing::list_runs,
    post "/api/v1/billing/runs" => billing::create_run,
    get "/api/v1/billing/runs/{id}" => billing::get_run,
    post "/api/v1/billing/runs/{id}/recompute" => billing::recompute_run,
    post "/api/v1/billing/runs/{id}/discard" => billing::discard_run,
    post "/api/v1/billing/runs/{id}/issue" => billing::issue_run,
    get "/api/v1/invoices" => documents::list_invoices,
    get "/api/v1/invoices/{id}" => documents::get_invoice,
    get "/api/v1/invoices/{id}/xrechnung.xml" => documents::invoice_xml,
    get "/api/v1/invoices/{id}/pdf" => documents::invoice_pdf,
    post "/api/v1/invoices/{id}/cancel" => documents::cancel_invoice,
    get "/api/v1/statements" => documents::list_statements,
    get "/api/v1/statements/{id}" => documents::get_statement,
    get "/api/v1/statements/{id}/pdf" => documents::statement_pdf,
    get "/api/v1/funds" => funds::list_funds,
    post "/api/v1/funds" => funds::create_fund,
    patch "/api/v1/funds/{id}" => funds::patch_fund,
    post "/api/v1/requests/{id}/fund" => requests::choose_fund,
    get "/api/v1/reports/summary" => reports::summary,
    get "/api/v1/reports/calls" => calls::figures,
    get "/api/v1/state/summary" => state::summary,
    get "/api/v1/me/on-call" => calls::my_on_call,
    post "/api/v1/me/on-call" => calls::go_on_call,
    delete "/api/v1/me/on-call" => calls::go_off_call,
    put "/api/v1/me/on-call/plan" => calls::set_plan,
    post "/api/v1/me/push" => calls::subscribe,
    delete "/api/v1/me/push" => calls::unsubscribe,
    get "/api/v1/on-call" => calls::on_call_now,
    get "/api/v1/calls" => calls::list,
    post "/api/v1/calls" => calls::create,
    get "/api/v1/calls/{id}" => calls::get,
    post "/api/v1/calls/{id}/accept" => calls::accept,
    post "/api/v1/calls/{id}/end" => calls::end,
    post "/api/v1/calls/{id}/ring-again" => calls::ring_again,
    post "/api/v1/calls/{id}/to-request" => calls::to_request,
    post "/api/v1/requests/{id}/convert" => calls::convert,
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(c) = openapi.components.as_mut() {
            c.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// The error answers every operation can give, documented once instead of on each
/// handler: 400 for a body or query that cannot be read, 401 without a valid token,
/// 403 when the role may not take the action, 404 for an unknown or foreign object,
/// 422 naming each invalid field. Each is added only where it can occur.
struct StandardErrors;

impl Modify for StandardErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::{Operation, ParameterIn};
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        let add = |op: &mut Operation, path: &str| {
            let signed_in = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_input = op.request_body.is_some()
                || op.parameters.iter().flatten().any(
                    |p| matches!(p, RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Query)),
                );
            let has_id = path.contains('{');
            let mut wanted = Vec::new();
            if has_input {
                wanted.push(("400", "The body or the query cannot be read."));
                wanted.push(("422", "Invalid input; `fields` names each field and why."));
            }
            if signed_in {
                wanted.push(("401", "No valid token."));
                wanted.push(("403", "The caller's role may not do this."));
            }
            if signed_in || has_id {
                wanted.push(("404", "Not found, or not visible to the caller."));
            }
            for (code, description) in wanted {
                op.responses
                    .responses
                    .entry(code.to_owned())
                    .or_insert_with(|| error(description));
            }
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                add(op, path);
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Mittler API", version = "1", description = "Language mediation and integration offers for municipal integration centres."),
    paths(
        auth::token, openapi_json, languages::list,
        me::totp_begin, me::totp_confirm, me::sessions, me::end_session, me::end_user_sessions,
        institutions::list, institutions::create, institutions::get, institutions::patch,
        mediators::list, mediators::create, mediators::get, mediators::patch,
        users::list, users::create, users::get, users::patch,
        requests::list, requests::create, requests::get, requests::cancel, requests::reschedule, requests::drop_out, requests::candidates,
        requests::invite, requests::assign, invitations::timesheet, invitations::confirm_timesheet, invitations::dispute_timesheet,
        invitations::my_invitations, invitations::accept, invitations::decline, plans::create, plans::apply,
        offers::list_providers, offers::create_provider, offers::list, offers::create, offers::get, offers::submit,
        offers::publish, offers::registrations, offers::public_list, offers::public_get, offers::public_register,
        offers::public_confirm, offers::public_cancel,
        billing::list_tariffs, billing::create_tariff, billing::patch_tariff, billing::get_settings, billing::patch_settings,
        billing::list_runs, billing::create_run, billing::get_run, billing::recompute_run, billing::discard_run, billing::issue_run,
        documents::list_invoices, documents::get_invoice, documents::invoice_xml, documents::invoice_pdf, documents::cancel_invoice,
        documents::list_statements, documents::get_statement, documents::statement_pdf,
        funds::list_funds, funds::create_fund, funds::patch_fund, requests::choose_fund, reports::summary,
        audit::list, privacy::export, privacy::erase,
        calls::my_on_call, calls::go_on_call, calls::go_off_call, calls::set_plan, calls::subscribe, calls::unsubscribe,
        calls::on_call_now, calls::list, calls::create, calls::get, calls::accept, calls::end, calls::ring_again,
        calls::to_request, calls::convert, calls::figures, state::summary,
    ),
    components(schemas(crate::error::ErrorBody)),
    modifiers(&BearerAuth, &StandardErrors),
)]
pub struct ApiDoc;

/// The OpenAPI 3 document of every route.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document")))]
pub async fn openapi_json() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

/// Parses a path id; a malformed id is simply not found.
fn parse_id(s: &str) -> Result<uuid::Uuid, crate::error::ApiError> {
    uuid::Uuid::parse_str(s).map_err(|_| crate::error::ApiError::not_found())
}
