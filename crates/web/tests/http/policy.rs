//! The authorisation matrix: every route, called as every role and anonymously, on own,
//! other and foreign-tenant objects, answers as the declared policy says. A route
//! registered without a policy row fails the test.

use crate::common::{ANON_CSRF, PASSWORD, ROLES, World, enc, worlds};
use mittler_domain::Role;
use serde_json::{Value, json};

/// Which object an `{id}` stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum T {
    /// The route has no id.
    No,
    /// The caller's own: their institution, their mediator profile, their account.
    Own,
    /// Another object of the caller's tenant.
    Other,
    /// An object of another tenant.
    Foreign,
}

/// Expected statuses: anonymous, admin, coordinator, institution, mediator, provider, state.
type E = [u16; 7];

const API_ANON: u16 = 401;
/// The use-case was reached and authorised; its answer depends on the request's state
/// (200, 201, 409 or 422), which other tests check.
const AUTH: u16 = 1;
const PAGE_ANON: u16 = 303;
/// A page action that was authorised: a redirect, or a page that says why it cannot be done.
const PAGE_AUTH: u16 = 2;

#[rustfmt::skip]
const POLICY: &[(&str, &str, T, E)] = &[
    // JSON API
    ("post",  "/api/v1/auth/token",        T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("post",  "/api/v1/me/totp",           T::No,      [API_ANON, 200, 200, 200, 200, 200, 200]),
    ("post",  "/api/v1/me/totp/confirm",   T::No,      [API_ANON, 422, 422, 422, 422, 422, 422]),
    ("get",   "/api/v1/me/sessions",       T::No,      [API_ANON, 200, 200, 200, 200, 200, 200]),
    ("delete", "/api/v1/me/sessions/{id}", T::No,      [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("delete", "/api/v1/users/{id}/sessions", T::Other,   [API_ANON, 200, 404, 404, 404, 404, 404]),
    ("delete", "/api/v1/users/{id}/sessions", T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",   "/api/v1/openapi.json",      T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",   "/api/v1/audit",             T::No,      [API_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",   "/api/v1/privacy/export",    T::No,      [API_ANON, 422, 403, 403, 403, 403, 403]),
    ("post",  "/api/v1/privacy/erase",     T::No,      [API_ANON, 404, 403, 403, 403, 403, 403]),
    ("get",   "/api/v1/languages",         T::No,      [API_ANON, 200, 200, 200, 200, 200, 200]),
    ("get",   "/api/v1/institutions",      T::No,      [API_ANON, 200, 200, 200, 403, 403, 403]),
    ("post",  "/api/v1/institutions",      T::No,      [API_ANON, 201, 201, 403, 403, 403, 403]),
    ("get",   "/api/v1/institutions/{id}", T::Own,     [API_ANON, 200, 200, 200, 404, 404, 404]),
    ("get",   "/api/v1/institutions/{id}", T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",   "/api/v1/institutions/{id}", T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("patch", "/api/v1/institutions/{id}", T::Own,     [API_ANON, 200, 200, 403, 404, 404, 404]),
    ("patch", "/api/v1/institutions/{id}", T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("patch", "/api/v1/institutions/{id}", T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",   "/api/v1/mediators",         T::No,      [API_ANON, 200, 200, 403, 403, 403, 403]),
    ("post",  "/api/v1/mediators",         T::No,      [API_ANON, 201, 201, 403, 403, 403, 403]),
    ("get",   "/api/v1/mediators/{id}",    T::Own,     [API_ANON, 200, 200, 404, 200, 404, 404]),
    ("get",   "/api/v1/mediators/{id}",    T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",   "/api/v1/mediators/{id}",    T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("patch", "/api/v1/mediators/{id}",    T::Own,     [API_ANON, 200, 200, 404, 200, 404, 404]),
    ("patch", "/api/v1/mediators/{id}",    T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("patch", "/api/v1/mediators/{id}",    T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",   "/api/v1/users",             T::No,      [API_ANON, 200, 403, 403, 403, 403, 403]),
    ("post",  "/api/v1/users",             T::No,      [API_ANON, 201, 403, 403, 403, 403, 403]),
    ("get",   "/api/v1/users/{id}",        T::Own,     [API_ANON, 200, 200, 200, 200, 200, 200]),
    ("get",   "/api/v1/users/{id}",        T::Other,   [API_ANON, 200, 404, 404, 404, 404, 404]),
    ("get",   "/api/v1/users/{id}",        T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("patch", "/api/v1/users/{id}",        T::Own,     [API_ANON, 200, 403, 403, 403, 403, 403]),
    ("patch", "/api/v1/users/{id}",        T::Other,   [API_ANON, 200, 404, 404, 404, 404, 404]),
    ("patch", "/api/v1/users/{id}",        T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/api/v1/requests",                          T::No,      [API_ANON, 200, 200, 200, 200, 403, 403]),
    ("post", "/api/v1/requests",                          T::No,      [API_ANON, 201, 201, 201, 403, 403, 403]),
    ("get",  "/api/v1/requests/{id}",                     T::Own,     [API_ANON, 200, 200, 200, 200, 404, 404]),
    ("get",  "/api/v1/requests/{id}",                     T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",  "/api/v1/requests/{id}",                     T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/cancel",              T::Own,     [API_ANON, AUTH, AUTH, AUTH, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/cancel",              T::Other,   [API_ANON, AUTH, AUTH, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/cancel",              T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/reschedule",          T::Own,     [API_ANON, AUTH, AUTH, AUTH, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/reschedule",          T::Other,   [API_ANON, AUTH, AUTH, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/reschedule",          T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/drop-out",            T::Own,     [API_ANON, AUTH, AUTH, 403, AUTH, 404, 404]),
    ("post", "/api/v1/requests/{id}/drop-out",            T::Other,   [API_ANON, AUTH, AUTH, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/drop-out",            T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/api/v1/requests/{id}/candidates",          T::Own,     [API_ANON, 200, 200, 403, 403, 404, 404]),
    ("get",  "/api/v1/requests/{id}/candidates",          T::Other,   [API_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",  "/api/v1/requests/{id}/candidates",          T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/invitations",         T::Own,     [API_ANON, AUTH, AUTH, 403, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/invitations",         T::Other,   [API_ANON, AUTH, AUTH, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/invitations",         T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/assign",              T::Own,     [API_ANON, AUTH, AUTH, 403, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/assign",              T::Other,   [API_ANON, AUTH, AUTH, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/assign",              T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet",           T::Own,     [API_ANON, 403, 403, 403, AUTH, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet",           T::Other,   [API_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet",           T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/confirm",   T::Own,     [API_ANON, 403, 403, AUTH, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/confirm",   T::Other,   [API_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/confirm",   T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/dispute",   T::Own,     [API_ANON, 403, 403, AUTH, 403, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/dispute",   T::Other,   [API_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/api/v1/requests/{id}/timesheet/dispute",   T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/plans",                             T::No,      [API_ANON, 201, 201, 403, 403, 403, 403]),
    // A plan of another tenant or one that does not exist is not found; the matrix uses an unknown id.
    ("post", "/api/v1/plans/{id}/apply",                  T::No,      [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",    "/api/v1/reports/calls",        T::No,      [API_ANON, 422, 422, 403, 403, 403, 403]),
    ("get",    "/api/v1/me/on-call",           T::No,      [API_ANON, 403, 403, 403, 200, 403, 403]),
    ("post",   "/api/v1/me/on-call",           T::No,      [API_ANON, 403, 403, 403, AUTH, 403, 403]),
    ("delete", "/api/v1/me/on-call",           T::No,      [API_ANON, 403, 403, 403, 200, 403, 403]),
    ("put",    "/api/v1/me/on-call/plan",      T::No,      [API_ANON, 403, 403, 403, 200, 403, 403]),
    ("post",   "/api/v1/me/push",              T::No,      [API_ANON, 403, 403, 403, 422, 403, 403]),
    ("delete", "/api/v1/me/push",              T::No,      [API_ANON, 403, 403, 403, 200, 403, 403]),
    ("get",    "/api/v1/on-call",              T::No,      [API_ANON, 200, 200, 403, 403, 403, 403]),
    ("get",    "/api/v1/calls",                T::No,      [API_ANON, 200, 200, 200, 200, 403, 403]),
    ("post",   "/api/v1/calls",                T::No,      [API_ANON, AUTH, AUTH, AUTH, 403, 403, 403]),
    ("get",    "/api/v1/calls/{id}",           T::No,      [API_ANON, 404, 404, 404, 404, 403, 403]),
    ("post",   "/api/v1/calls/{id}/accept",    T::No,      [API_ANON, 403, 403, 403, 404, 403, 403]),
    ("post",   "/api/v1/calls/{id}/end",       T::No,      [API_ANON, 404, 404, 404, 404, 403, 403]),
    ("post",   "/api/v1/calls/{id}/ring-again", T::No,     [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("post",   "/api/v1/calls/{id}/to-request", T::No,     [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("post",   "/api/v1/requests/{id}/convert", T::Own,    [API_ANON, AUTH, AUTH, AUTH, 403, 403, 403]),
    ("post",   "/api/v1/requests/{id}/convert", T::Other,  [API_ANON, AUTH, AUTH, 404, 403, 403, 403]),
    ("post",   "/api/v1/requests/{id}/convert", T::Foreign, [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",  "/api/v1/invitations",                       T::No,      [API_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/api/v1/invitations/{id}/accept",           T::Own,     [API_ANON, 404, 404, 404, AUTH, 404, 404]),
    ("post", "/api/v1/invitations/{id}/accept",           T::Other,   [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/invitations/{id}/accept",           T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/invitations/{id}/decline",          T::Own,     [API_ANON, 404, 404, 404, AUTH, 404, 404]),
    ("post", "/api/v1/invitations/{id}/decline",          T::Other,   [API_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/invitations/{id}/decline",          T::Foreign, [API_ANON, 404, 404, 404, 404, 404, 404]),
    // The month's close; the matrix world holds no billing documents, so ids are unknown ones.
    ("get",   "/api/v1/tariffs",                         T::No, [API_ANON, 200, 200, 403, 403, 403, 403]),
    ("post",  "/api/v1/tariffs",                         T::No, [API_ANON, AUTH, 403, 403, 403, 403, 403]),
    ("patch", "/api/v1/tariffs/{id}",                    T::No, [API_ANON, 404, 403, 403, 403, 403, 403]),
    ("get",   "/api/v1/settings",                        T::No, [API_ANON, 200, 403, 403, 403, 403, 403]),
    ("patch", "/api/v1/settings",                        T::No, [API_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",   "/api/v1/billing/runs",                    T::No, [API_ANON, 200, 200, 403, 403, 403, 403]),
    ("post",  "/api/v1/billing/runs",                    T::No, [API_ANON, 201, 201, 403, 403, 403, 403]),
    ("get",   "/api/v1/billing/runs/{id}",               T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("post",  "/api/v1/billing/runs/{id}/recompute",     T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("post",  "/api/v1/billing/runs/{id}/discard",       T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("post",  "/api/v1/billing/runs/{id}/issue",         T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("get",   "/api/v1/invoices",                        T::No, [API_ANON, 200, 200, 200, 403, 403, 403]),
    ("get",   "/api/v1/invoices/{id}",                   T::No, [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",   "/api/v1/invoices/{id}/xrechnung.xml",     T::No, [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",   "/api/v1/invoices/{id}/pdf",               T::No, [API_ANON, 404, 404, 404, 403, 403, 403]),
    ("post",  "/api/v1/invoices/{id}/cancel",            T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("get",   "/api/v1/statements",                      T::No, [API_ANON, 200, 200, 403, 200, 403, 403]),
    ("get",   "/api/v1/statements/{id}",                 T::No, [API_ANON, 404, 404, 403, 404, 403, 403]),
    ("get",   "/api/v1/statements/{id}/pdf",             T::No, [API_ANON, 404, 404, 403, 404, 403, 403]),
    ("get",   "/api/v1/reports/summary",                 T::No, [API_ANON, 422, 422, 403, 403, 403, 403]),
    ("get",   "/api/v1/state/summary",                   T::No, [API_ANON, 403, 403, 403, 403, 403, 422]),
    ("get",   "/api/v1/funds",                           T::No, [API_ANON, 200, 200, 403, 403, 403, 403]),
    ("post",  "/api/v1/funds",                           T::No, [API_ANON, 201, 201, 403, 403, 403, 403]),
    ("patch", "/api/v1/funds/{id}",                      T::No, [API_ANON, 404, 404, 403, 403, 403, 403]),
    ("post",  "/api/v1/requests/{id}/fund",              T::Own,     [API_ANON, AUTH, AUTH, 403, 403, 403, 403]),
    ("post",  "/api/v1/requests/{id}/fund",              T::Other,   [API_ANON, AUTH, AUTH, 403, 403, 403, 403]),
    ("post",  "/api/v1/requests/{id}/fund",              T::Foreign, [API_ANON, 404, 404, 403, 403, 403, 403]),
    // The offers catalogue; the public rows come before the changes that send an offer back to review.
    ("get",  "/api/v1/public/{tenant}/offers",                    T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/api/v1/public/{tenant}/offers/{id}",               T::Own,     [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/api/v1/public/{tenant}/offers/{id}",               T::Other,   [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/api/v1/public/{tenant}/offers/{id}",               T::Foreign, [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/public/{tenant}/offers/{id}/registrations", T::Own,     [202, 202, 202, 202, 202, 202, 202]),
    ("post", "/api/v1/public/{tenant}/offers/{id}/registrations", T::Other,   [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/public/{tenant}/offers/{id}/registrations", T::Foreign, [404, 404, 404, 404, 404, 404, 404]),
    // A confirmation or cancellation works with the mailed secret only; an unknown one is 404.
    ("post", "/api/v1/public/registrations/confirm",              T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/api/v1/public/registrations/cancel",               T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/catalogue/{tenant}",                 T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/catalogue/{tenant}/offers.json",     T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/catalogue/{tenant}/{id}",            T::Own,     [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/catalogue/{tenant}/{id}",            T::Other,   [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/catalogue/{tenant}/{id}",            T::Foreign, [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/catalogue/{tenant}/{id}/calendar.ics", T::Own,   [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/catalogue/{tenant}/{id}/calendar.ics", T::Other, [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/catalogue/{tenant}/{id}/calendar.ics", T::Foreign, [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/catalogue/{tenant}/{id}/register",   T::Own,     [202, 202, 202, 202, 202, 202, 202]),
    ("post", "/catalogue/{tenant}/{id}/register",   T::Other,   [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/catalogue/{tenant}/{id}/register",   T::Foreign, [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/r/confirm/{token}",                  T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/r/confirm/{token}",                  T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/r/cancel/{token}",                   T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/r/cancel/{token}",                   T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("post", "/r/consent/{token}",                  T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/api/v1/providers",                   T::No,      [API_ANON, 200, 200, 403, 403, 200, 403]),
    ("post", "/api/v1/providers",                   T::No,      [API_ANON, 201, 201, 403, 403, 403, 403]),
    ("get",  "/api/v1/offers",                      T::No,      [API_ANON, 200, 200, 403, 403, 200, 403]),
    ("post", "/api/v1/offers",                      T::No,      [API_ANON, 201, 201, 403, 403, 201, 403]),
    ("get",  "/api/v1/offers/{id}",                 T::Own,     [API_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/api/v1/offers/{id}",                 T::Other,   [API_ANON, 200, 200, 403, 403, 404, 403]),
    ("get",  "/api/v1/offers/{id}",                 T::Foreign, [API_ANON, 404, 404, 403, 403, 404, 403]),
    ("get",  "/api/v1/offers/{id}/registrations",   T::Own,     [API_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/api/v1/offers/{id}/registrations",   T::Other,   [API_ANON, 200, 200, 403, 403, 404, 403]),
    ("get",  "/api/v1/offers/{id}/registrations",   T::Foreign, [API_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/api/v1/offers/{id}/submit",          T::Own,     [API_ANON, AUTH, AUTH, 403, 403, AUTH, 403]),
    ("post", "/api/v1/offers/{id}/submit",          T::Other,   [API_ANON, AUTH, AUTH, 403, 403, 404, 403]),
    ("post", "/api/v1/offers/{id}/submit",          T::Foreign, [API_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/api/v1/offers/{id}/publish",         T::Own,     [API_ANON, AUTH, AUTH, 403, 403, 403, 403]),
    ("post", "/api/v1/offers/{id}/publish",         T::Other,   [API_ANON, AUTH, AUTH, 403, 403, 404, 403]),
    ("post", "/api/v1/offers/{id}/publish",         T::Foreign, [API_ANON, 404, 404, 403, 403, 404, 403]),
    ("get",  "/providers",                          T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("post", "/providers",                          T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("get",  "/offers",                             T::No,      [PAGE_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/offers/new",                         T::No,      [PAGE_ANON, 200, 200, 403, 403, 200, 403]),
    ("post", "/offers",                             T::No,      [PAGE_ANON, 303, 303, 403, 403, 303, 403]),
    ("get",  "/offers/{id}",                        T::Own,     [PAGE_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/offers/{id}",                        T::Other,   [PAGE_ANON, 200, 200, 403, 403, 404, 403]),
    ("get",  "/offers/{id}",                        T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("get",  "/offers/{id}/registrations",          T::Own,     [PAGE_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/offers/{id}/registrations",          T::Other,   [PAGE_ANON, 200, 200, 403, 403, 404, 403]),
    ("get",  "/offers/{id}/registrations",          T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("get",  "/offers/{id}/export.csv",             T::Own,     [PAGE_ANON, 200, 200, 403, 403, 200, 403]),
    ("get",  "/offers/{id}/export.csv",             T::Other,   [PAGE_ANON, 200, 200, 403, 403, 404, 403]),
    ("get",  "/offers/{id}/export.csv",             T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/offers/{id}/attendance",             T::Own,     [PAGE_ANON, 303, 303, 403, 403, 303, 403]),
    ("post", "/offers/{id}/attendance",             T::Other,   [PAGE_ANON, 303, 303, 403, 403, 404, 403]),
    ("post", "/offers/{id}/attendance",             T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/offers/{id}/message",                T::Own,     [PAGE_ANON, 303, 303, 403, 403, 303, 403]),
    ("post", "/offers/{id}/message",                T::Other,   [PAGE_ANON, 303, 303, 403, 403, 404, 403]),
    ("post", "/offers/{id}/message",                T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/offers/{id}",                        T::Own,     [PAGE_ANON, 303, 303, 403, 403, 303, 403]),
    ("post", "/offers/{id}",                        T::Other,   [PAGE_ANON, 303, 303, 403, 403, 404, 403]),
    ("post", "/offers/{id}",                        T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    ("post", "/offers/{id}/status",                 T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, PAGE_AUTH, 403]),
    ("post", "/offers/{id}/status",                 T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, 404, 403]),
    ("post", "/offers/{id}/status",                 T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 404, 403]),
    // Pages
    ("get",  "/",                           T::No,      [PAGE_ANON, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/app.css",             T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/app.js",              T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/passkey.js",          T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/call.js",             T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/icon-192.png",        T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/assets/icon-512.png",        T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/manifest.webmanifest",       T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/sw.js",                      T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/healthz",                    T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/readyz",                     T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("get",  "/login",                      T::No,      [200, 303, 303, 303, 303, 303, 303]),
    ("post", "/login",                      T::No,      [401, 401, 401, 401, 401, 401, 401]),
    // Without a sign-in waiting for its code, the second step sends back to the first.
    ("get",  "/login/code",                 T::No,      [200, 200, 200, 200, 200, 200, 200]),
    ("post", "/login/code",                 T::No,      [303, 303, 303, 303, 303, 303, 303]),
    // Single sign-on: without a centre that offers it, or without the flow's cookie, back
    // to the sign-in page.
    ("get",  "/login/sso",                  T::No,      [303, 303, 303, 303, 303, 303, 303]),
    ("get",  "/login/sso/callback",         T::No,      [303, 303, 303, 303, 303, 303, 303]),
    // The passkey ceremonies take JSON with the form token as a header: a form is refused.
    ("post", "/login/passkey/start",        T::No,      [403, 403, 403, 403, 403, 403, 403]),
    ("post", "/login/passkey/finish",       T::No,      [403, 403, 403, 403, 403, 403, 403]),
    ("post", "/account/passkeys/start",     T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("post", "/account/passkeys/finish",    T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("post", "/account/passkeys/{id}/delete", T::No,    [PAGE_ANON, 422, 422, 422, 422, 422, 422]),
    ("get",  "/account/sessions",           T::No,      [PAGE_ANON, 200, 200, 200, 200, 200, 200]),
    ("post", "/account/sessions/others",    T::No,      [PAGE_ANON, 303, 303, 303, 303, 303, 303]),
    ("post", "/account/sessions/{id}/end",  T::No,      [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/account/two-factor",         T::No,      [PAGE_ANON, 200, 200, 200, 200, 200, 200]),
    ("post", "/account/two-factor",         T::No,      [PAGE_ANON, 303, 303, 303, 303, 303, 303]),
    ("post", "/account/two-factor/confirm", T::No,      [PAGE_ANON, 422, 422, 422, 422, 422, 422]),
    ("post", "/account/two-factor/remove",  T::No,      [PAGE_ANON, 422, 422, 422, 422, 422, 422]),
    ("post", "/users/{id}/sessions/end",    T::Other,   [PAGE_ANON, 303, 404, 404, 404, 404, 404]),
    ("post", "/users/{id}/sessions/end",    T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/logout",                     T::No,      [303, 303, 303, 303, 303, 303, 303]),
    ("post", "/lang",                       T::No,      [303, 303, 303, 303, 303, 303, 303]),
    ("get",  "/account/password",           T::No,      [PAGE_ANON, 200, 200, 200, 200, 200, 200]),
    ("post", "/account/password",           T::No,      [PAGE_ANON, 422, 422, 422, 422, 422, 422]),
    ("get",  "/languages/search",           T::No,      [PAGE_ANON, 200, 200, 200, 200, 200, 200]),
    ("get",  "/institutions",               T::No,      [PAGE_ANON, 200, 200, 200, 403, 403, 403]),
    ("get",  "/institutions/new",           T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("post", "/institutions",               T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("get",  "/institutions/{id}",          T::Own,     [PAGE_ANON, 200, 200, 200, 404, 404, 404]),
    ("get",  "/institutions/{id}",          T::Other,   [PAGE_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",  "/institutions/{id}",          T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/institutions/{id}",          T::Own,     [PAGE_ANON, 303, 303, 403, 404, 404, 404]),
    ("post", "/institutions/{id}",          T::Other,   [PAGE_ANON, 303, 303, 404, 404, 404, 404]),
    ("post", "/institutions/{id}",          T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/institutions/{id}/active",   T::Own,     [PAGE_ANON, 303, 303, 403, 404, 404, 404]),
    ("post", "/institutions/{id}/active",   T::Other,   [PAGE_ANON, 303, 303, 404, 404, 404, 404]),
    ("post", "/institutions/{id}/active",   T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/mediators",                  T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("get",  "/mediators/new",              T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("post", "/mediators",                  T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("get",  "/mediators/{id}",             T::Own,     [PAGE_ANON, 200, 200, 404, 403, 404, 404]),
    ("get",  "/mediators/{id}",             T::Other,   [PAGE_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",  "/mediators/{id}",             T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/mediators/{id}",             T::Own,     [PAGE_ANON, 303, 303, 404, 403, 404, 404]),
    ("post", "/mediators/{id}",             T::Other,   [PAGE_ANON, 303, 303, 404, 404, 404, 404]),
    ("post", "/mediators/{id}",             T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/mediators/{id}/active",      T::Own,     [PAGE_ANON, 303, 303, 404, 403, 404, 404]),
    ("post", "/mediators/{id}/active",      T::Other,   [PAGE_ANON, 303, 303, 404, 404, 404, 404]),
    ("post", "/mediators/{id}/active",      T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/calls",                      T::No,      [PAGE_ANON, 200, 200, 200, 403, 403, 403]),
    ("post", "/calls",                      T::No,      [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("get",  "/call/{id}",                  T::No,      [PAGE_ANON, 404, 404, 404, 404, 403, 403]),
    ("get",  "/call/{id}/events",           T::No,      [PAGE_ANON, 404, 404, 404, 404, 403, 403]),
    // JSON from the call page with the form token as a header: a form post is refused.
    ("post", "/call/{id}/signal",           T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("post", "/call/{id}/end",              T::No,      [PAGE_ANON, 404, 404, 404, 404, 403, 403]),
    ("post", "/call/{id}/ring-again",       T::No,      [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("post", "/call/{id}/to-request",       T::No,      [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("post", "/requests/{id}/convert",      T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("post", "/requests/{id}/convert",      T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 403, 403, 403]),
    ("post", "/requests/{id}/convert",      T::Foreign, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",  "/me/calls",                   T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("get",  "/me/calls/events",            T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/on-call",                 T::No,      [PAGE_ANON, 403, 403, 403, PAGE_AUTH, 403, 403]),
    ("post", "/me/off-call",                T::No,      [PAGE_ANON, 403, 403, 403, PAGE_AUTH, 403, 403]),
    ("post", "/me/on-call/plan",            T::No,      [PAGE_ANON, 403, 403, 403, PAGE_AUTH, 403, 403]),
    ("post", "/me/calls/{id}/accept",       T::No,      [PAGE_ANON, 403, 403, 403, 404, 403, 403]),
    ("post", "/me/push",                    T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("post", "/me/push/off",                T::No,      [PAGE_ANON, 403, 403, 403, PAGE_AUTH, 403, 403]),
    ("get",  "/me/schedule",                T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/schedule",                T::No,      [PAGE_ANON, 403, 403, 403, 303, 403, 403]),
    ("get",  "/users",                      T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",  "/users/new",                  T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("post", "/users",                      T::No,      [PAGE_ANON, 303, 403, 403, 403, 403, 403]),
    ("get",  "/users/{id}",                 T::Own,     [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",  "/users/{id}",                 T::Other,   [PAGE_ANON, 200, 404, 404, 404, 404, 404]),
    ("get",  "/users/{id}",                 T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/users/{id}",                 T::Own,     [PAGE_ANON, 303, 403, 403, 403, 403, 403]),
    ("post", "/users/{id}",                 T::Other,   [PAGE_ANON, 303, 404, 404, 404, 404, 404]),
    ("post", "/users/{id}",                 T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/audit",                      T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",  "/privacy",                    T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",  "/privacy/export.json",        T::No,      [PAGE_ANON, 422, 403, 403, 403, 403, 403]),
    ("post", "/privacy/erase",              T::No,      [PAGE_ANON, 422, 403, 403, 403, 403, 403]),
    ("get",  "/privacy/records",            T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    // A calendar feed opens with its secret only; an unknown one is 404 for everyone.
    ("get",  "/calendar/{token}",           T::No,      [404, 404, 404, 404, 404, 404, 404]),
    ("get",  "/me/calendar",                T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/calendar",                T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/calendar/revoke",         T::No,      [PAGE_ANON, 403, 403, 403, 303, 403, 403]),
    ("get",  "/settings",                   T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("post", "/settings",                   T::No,      [PAGE_ANON, 303, 403, 403, 403, 403, 403]),
    ("get",  "/billing",                    T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("get",  "/billing/settings",           T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("post", "/billing/settings",           T::No,      [PAGE_ANON, PAGE_AUTH, 403, 403, 403, 403, 403]),
    ("post", "/billing/runs",               T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("post", "/billing/funds",              T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("get",  "/billing/runs/{id}",          T::No,      [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("post", "/billing/runs/{id}/issue",    T::No,      [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("post", "/billing/runs/{id}/recompute", T::No,     [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("post", "/billing/runs/{id}/discard",  T::No,      [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("post", "/billing/invoices/{id}/cancel", T::No,    [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("get",  "/billing/invoices/{id}/pdf",  T::No,      [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",  "/billing/invoices/{id}/xrechnung.xml", T::No, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",  "/billing/statements/{id}/pdf", T::No,     [PAGE_ANON, 404, 404, 403, 404, 403, 403]),
    ("get",  "/me/statements",              T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("get",  "/tariffs",                    T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("post", "/tariffs",                    T::No,      [PAGE_ANON, PAGE_AUTH, 403, 403, 403, 403, 403]),
    ("get",  "/reports",                    T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("get",  "/reports/export",             T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("get",  "/state",                      T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 200]),
    ("get",  "/state/export",               T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 200]),
    // The installation's centres: superadmins only (tests/http/state.rs).
    ("get",  "/centres",                    T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("post", "/centres",                    T::No,      [PAGE_ANON, 403, 403, 403, 403, 403, 403]),
    ("get",  "/plans",                      T::No,      [PAGE_ANON, 200, 200, 403, 403, 403, 403]),
    ("post", "/plans",                      T::No,      [PAGE_ANON, 303, 303, 403, 403, 403, 403]),
    ("get",  "/plans/{id}",                 T::No,      [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/plans/{id}/apply",           T::No,      [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/outbox",                     T::No,      [PAGE_ANON, 200, 403, 403, 403, 403, 403]),
    ("get",  "/requests",                   T::No,      [PAGE_ANON, 200, 200, 200, 403, 403, 403]),
    ("get",  "/requests/events",            T::No,      [PAGE_ANON, 200, 200, 200, 403, 403, 403]),
    ("get",  "/requests/new",               T::No,      [PAGE_ANON, 200, 200, 200, 403, 403, 403]),
    ("post", "/requests",                   T::No,      [PAGE_ANON, 303, 303, 303, 403, 403, 403]),
    ("get",  "/requests/{id}",              T::Own,     [PAGE_ANON, 200, 200, 200, 200, 404, 404]),
    ("get",  "/requests/{id}",              T::Other,   [PAGE_ANON, 200, 200, 404, 404, 404, 404]),
    ("get",  "/requests/{id}",              T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/requests/{id}/slip",         T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("get",  "/requests/{id}/slip",         T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 403, 403, 403]),
    ("get",  "/requests/{id}/slip",         T::Foreign, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("get",  "/requests/{id}/slip.pdf",     T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("get",  "/requests/{id}/slip.pdf",     T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 403, 403, 403]),
    ("get",  "/requests/{id}/slip.pdf",     T::Foreign, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder",        T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder",        T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder",        T::Foreign, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder/delete", T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder/delete", T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 403, 403, 403]),
    ("post", "/requests/{id}/client-reminder/delete", T::Foreign, [PAGE_ANON, 404, 404, 404, 403, 403, 403]),
    ("post", "/requests/{id}/invite",       T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, 404, 404]),
    ("post", "/requests/{id}/invite",       T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 404, 404, 404]),
    ("post", "/requests/{id}/invite",       T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/requests/{id}/assign",       T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, 404, 404]),
    ("post", "/requests/{id}/assign",       T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 404, 404, 404]),
    ("post", "/requests/{id}/assign",       T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/requests/{id}/reschedule",   T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 404, 404]),
    ("post", "/requests/{id}/reschedule",   T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 404, 404, 404]),
    ("post", "/requests/{id}/reschedule",   T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/requests/{id}/fund",         T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, 403, 403]),
    ("post", "/requests/{id}/fund",         T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, 403, 403, 403]),
    ("post", "/requests/{id}/fund",         T::Foreign, [PAGE_ANON, 404, 404, 403, 403, 403, 403]),
    ("post", "/requests/{id}/cancel",       T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, PAGE_AUTH, 403, 404, 404]),
    ("post", "/requests/{id}/cancel",       T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 404, 404, 404]),
    ("post", "/requests/{id}/cancel",       T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/requests/{id}/timesheet/confirm", T::Own,     [PAGE_ANON, 403, 403, PAGE_AUTH, 403, 404, 404]),
    ("post", "/requests/{id}/timesheet/confirm", T::Other,   [PAGE_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/requests/{id}/timesheet/confirm", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/requests/{id}/timesheet/dispute", T::Own,     [PAGE_ANON, 403, 403, PAGE_AUTH, 403, 404, 404]),
    ("post", "/requests/{id}/timesheet/dispute", T::Other,   [PAGE_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/requests/{id}/timesheet/dispute", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/me/invitations",             T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/invitations/{id}/accept", T::Own,     [PAGE_ANON, 404, 404, 404, PAGE_AUTH, 404, 404]),
    ("post", "/me/invitations/{id}/accept", T::Other,   [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/me/invitations/{id}/accept", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/me/invitations/{id}/decline", T::Own,    [PAGE_ANON, 404, 404, 404, PAGE_AUTH, 404, 404]),
    ("post", "/me/invitations/{id}/decline", T::Other,  [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/me/invitations/{id}/decline", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("get",  "/me/assignments",             T::No,      [PAGE_ANON, 403, 403, 403, 200, 403, 403]),
    ("post", "/me/assignments/{id}/timesheet", T::Own,     [PAGE_ANON, 403, 403, 403, PAGE_AUTH, 404, 404]),
    ("post", "/me/assignments/{id}/timesheet", T::Other,   [PAGE_ANON, 403, 403, 404, 404, 404, 404]),
    ("post", "/me/assignments/{id}/timesheet", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
    ("post", "/me/assignments/{id}/drop-out", T::Own,     [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 403, PAGE_AUTH, 404, 404]),
    ("post", "/me/assignments/{id}/drop-out", T::Other,   [PAGE_ANON, PAGE_AUTH, PAGE_AUTH, 404, 404, 404, 404]),
    ("post", "/me/assignments/{id}/drop-out", T::Foreign, [PAGE_ANON, 404, 404, 404, 404, 404, 404]),
];

#[test]
fn every_route_has_a_policy_row_and_every_row_a_route() {
    let routes = mittler_web::all_routes();
    for r in &routes {
        assert!(
            POLICY
                .iter()
                .any(|(m, p, _, _)| *m == r.method && *p == r.path),
            "route {} {} has no row in the authorisation policy",
            r.method,
            r.path
        );
    }
    for (m, p, _, _) in POLICY {
        assert!(
            routes.iter().any(|r| r.method == *m && r.path == *p),
            "policy row {m} {p} names no route"
        );
    }
}

fn target_id(w: &World, path: &str, t: T, role: Option<Role>) -> Option<String> {
    let (own, other, foreign) = if path.contains("/offers/") || path.contains("/catalogue/") {
        (w.a.offer_own, w.a.offer_other, w.b.offer_own)
    } else if path.contains("/institutions/") {
        (w.a.inst_own, w.a.inst_other, w.b.inst_own)
    } else if path.contains("/mediators/") {
        (w.a.med_own, w.a.med_other, w.b.med_own)
    } else if path.contains("/requests/") || path.contains("/assignments/") {
        (w.a.req_own, w.a.req_other, w.b.req_own)
    } else if path.contains("/invitations/") {
        (w.a.inv_own, w.a.inv_other, w.b.inv_own)
    } else if path.contains("/users/") {
        let own = role.map(|r| w.a.users[&r].0).unwrap_or(w.a.extra_user.0);
        (own, w.a.extra_user.0, w.b.users[&Role::Admin].0)
    } else {
        return None;
    };
    Some(
        match t {
            T::No => return None,
            T::Own => own,
            T::Other => other,
            T::Foreign => foreign,
        }
        .to_string(),
    )
}

fn api_body(w: &World, method: &str, path: &str, n: usize) -> Option<Value> {
    Some(match (method, path) {
        ("post", "/api/v1/auth/token") => {
            json!({ "email": w.a.extra_user.1, "password": PASSWORD })
        }
        ("post", "/api/v1/institutions") => {
            json!({ "name": format!("Neue Einrichtung {n}"), "category": "school",
            "places": [{ "name": "Schulhof", "address": "Schulweg 2, 45130 Essen", "lat": 51.44, "lon": 7.0 }] })
        }
        ("patch", "/api/v1/institutions/{id}") => json!({ "active": true }),
        ("post", "/api/v1/me/totp/confirm") => json!({ "code": "000000" }),
        ("post", "/api/v1/privacy/erase") => {
            json!({ "subject": format!("client:NOBODY-{n}"), "reason": "policy test" })
        }
        ("post", "/api/v1/providers") => json!({ "name": format!("Verein {n}") }),
        ("post", "/api/v1/offers") => json!({
            "provider_id": w.a.prov_own,
            "title": { "de": "Offene Turnhalle", "uk": "Відкритий спортзал" },
            "description": { "de": "Spiel und Bewegung am Samstag.", "uk": "Гра та рух у суботу." },
            "category": "play", "target_groups": ["children"], "age_min": 4, "age_max": 10, "languages": ["deu", "ukr"],
            "place": { "name": "Turnhalle", "address": "Hallenweg 3, 45127 Essen", "lat": 51.45, "lon": 7.0 },
            "sessions": [{ "start": "2027-02-06T10:00", "end": "2027-02-06T12:00" }],
            "capacity": 25, "registration": "none"
        }),
        ("post", "/api/v1/public/{tenant}/offers/{id}/registrations") => json!({
            "name": "Amal", "email": format!("family{n}@example.org"), "children": [{ "age": 7 }],
            "consents": ["participation"], "lang": "ar"
        }),
        ("post", "/api/v1/public/registrations/confirm")
        | ("post", "/api/v1/public/registrations/cancel") => {
            json!({ "token": "unknown-token" })
        }
        ("post", "/api/v1/mediators") => {
            json!({ "name": format!("Neu {n}"), "email": format!("neu{n}@example.org"),
            "phone": "", "gender": "m", "languages": [{ "code": "tur", "level": "native" }], "sectors": ["school"],
            "home": { "lat": 51.45, "lon": 7.01 }, "remote": false, "speed_kmh": 15, "max_work_min_per_day": 240,
            "availability": [{ "weekday": 3, "start": "08:00", "end": "12:00" }] })
        }
        ("patch", "/api/v1/mediators/{id}") => {
            json!({ "availability": [{ "weekday": 2, "start": "10:00", "end": "14:00" }] })
        }
        ("post", "/api/v1/users") => {
            json!({ "email": format!("new{n}@essen.test"), "name": "Neu", "role": "coordinator",
            "password": "another long password" })
        }
        ("patch", "/api/v1/users/{id}") => json!({ "lang": "en" }),
        ("post", "/api/v1/requests") => {
            json!({ "institution_id": w.a.inst_own, "mode": "phone", "language": "prs",
            "sector": "authority", "start": "2026-12-07T09:00", "duration_min": 45 })
        }
        ("post", "/api/v1/requests/{id}/cancel")
        | ("post", "/api/v1/requests/{id}/drop-out")
        | ("post", "/api/v1/requests/{id}/timesheet/dispute") => json!({ "reason": "policy test" }),
        ("post", "/api/v1/requests/{id}/invitations") => {
            json!({ "mediator_ids": [w.a.med_other], "expires_in_min": 60 })
        }
        ("post", "/api/v1/requests/{id}/assign") => json!({ "mediator_id": w.a.med_other }),
        ("post", "/api/v1/requests/{id}/reschedule") => {
            json!({ "time": "11:00", "duration_min": 45 })
        }
        ("post", "/api/v1/requests/{id}/timesheet") => {
            json!({ "start": "2026-11-25T08:00:00+01:00",
            "end": "2026-11-25T09:00:00+01:00", "waiting_min": 0, "travel_min": 10 })
        }
        ("post", "/api/v1/requests/{id}/timesheet/confirm") => json!({}),
        ("post", "/api/v1/plans") => json!({ "date": "2026-12-07", "time_limit_s": 0.1 }),
        ("post", "/api/v1/tariffs") => crate::billing::tariff_body("2026-01-01"),
        ("patch", "/api/v1/tariffs/{id}") => json!({ "name": "Neu" }),
        ("patch", "/api/v1/settings") => json!({ "vat": { "mode": "rate", "percent": 19 } }),
        ("post", "/api/v1/billing/runs") => json!({ "month": "2026-11" }),
        ("post", "/api/v1/invoices/{id}/cancel") => json!({ "reason": "policy test" }),
        ("post", "/api/v1/funds") => json!({ "name": format!("Topf {n}"), "budget_cents": 100000,
            "from": "2026-01-01", "to": "2026-12-31", "rules": { "sectors": ["school"] } }),
        ("patch", "/api/v1/funds/{id}") => json!({ "budget_cents": 5 }),
        ("post", "/api/v1/requests/{id}/fund") => json!({ "fund_id": uuid::Uuid::new_v4() }),
        ("post", "/api/v1/me/on-call") => json!({ "until": "23:00" }),
        ("put", "/api/v1/me/on-call/plan") => json!({ "windows": [] }),
        ("post", "/api/v1/me/push") => {
            json!({ "subscription": { "endpoint": "https://push.invalid/x",
            "keys": { "p256dh": "AAAA", "auth": "AAAA" } } })
        }
        ("post", "/api/v1/calls") => json!({ "institution_id": w.a.inst_own, "mode": "video",
            "language": "tir", "sector": "medical" }),
        ("post", "/api/v1/calls/{id}/to-request") => {
            json!({ "mode": "video", "start": "2026-12-08T10:00" })
        }
        ("post", "/api/v1/requests/{id}/convert") => json!({ "mode": "video" }),
        _ => return None,
    })
}

fn page_form(
    w: &World,
    method: &str,
    path: &str,
    csrf: &str,
    n: usize,
    role: Option<Role>,
) -> Option<String> {
    if method != "post" {
        return None;
    }
    let c = format!("csrf={}", enc(csrf));
    Some(match path {
        "/login" => format!("{c}&email=nobody%40nowhere.test&password=wrong&next=%2F"),
        "/logout" => c,
        "/privacy/erase" => format!("{c}&kind=client&value=NOBODY&reason=policy"),
        "/login/code" => format!("{c}&code=123456&next=%2F"),
        "/account/sessions/others"
        | "/account/sessions/{id}/end"
        | "/account/two-factor"
        | "/users/{id}/sessions/end" => c,
        "/account/two-factor/confirm" => format!("{c}&code=000000"),
        "/account/two-factor/remove" | "/account/passkeys/{id}/delete" => {
            format!("{c}&password=wrong")
        }
        "/login/passkey/start"
        | "/login/passkey/finish"
        | "/account/passkeys/start"
        | "/account/passkeys/finish" => c,
        "/lang" => format!("{c}&lang=en&next=%2F"),
        "/account/password" => {
            format!("{c}&old_password=wrong&new_password=short&confirm_password=short")
        }
        "/institutions" | "/institutions/{id}" => format!(
            "{c}&name=Einrichtung+{n}&category=social&place_id=&place_name=Haus&place_address=Weg+1%2C+45127+Essen&place_lat=51.4&place_lon=7.0"
        ),
        "/institutions/{id}/active" | "/mediators/{id}/active" => format!("{c}&active=1"),
        "/mediators" | "/mediators/{id}" => format!(
            "{c}&name=Person+{n}&email=p{n}%40example.org&phone=&gender=d&lang_code=ukr&lang_level=native&sector=social\
             &home_lat=51.45&home_lon=7.01&speed_kmh=20&max_work_min_per_day=300&av_day=1&av_start=08%3A00&av_end=12%3A00"
        ),
        "/requests" => format!(
            "{c}&institution_id={}&mode=phone&language=prs&sector=authority&start=2026-12-08T09%3A00&duration_min=30&gender_preference=none&priority=1",
            w.a.inst_own
        ),
        "/requests/{id}/invite" => format!("{c}&mediator_id={}&expires_in_min=60", w.a.med_other),
        "/requests/{id}/assign" => format!("{c}&mediator_id={}", w.a.med_other),
        "/requests/{id}/cancel"
        | "/requests/{id}/timesheet/dispute"
        | "/me/assignments/{id}/drop-out" => format!("{c}&reason=policy"),
        "/requests/{id}/timesheet/confirm" | "/requests/{id}/client-reminder/delete" => c,
        "/requests/{id}/client-reminder" => {
            format!("{c}&contact=klient{n}%40example.org&lang=fa&consent=on")
        }
        "/requests/{id}/fund" => format!("{c}&fund_id=not-a-fund"),
        "/requests/{id}/reschedule" => format!("{c}&time=11%3A00&duration_min=45"),
        "/me/invitations/{id}/accept" => format!("{c}&no_conflict_of_interest=1"),
        "/me/invitations/{id}/decline" => format!("{c}&reason=no-time&note="),
        "/me/assignments/{id}/timesheet" => format!(
            "{c}&start=2026-11-25T08%3A00&end=2026-11-25T09%3A00&waiting_min=0&travel_min=0"
        ),
        "/me/calendar" | "/me/calendar/revoke" => c,
        "/calls" => format!(
            "{c}&institution_id={}&mode=video&language=tir&sector=medical&gender_preference=none&gender=&client_ref=&callback_phone=",
            w.a.inst_own
        ),
        "/call/{id}/signal"
        | "/call/{id}/end"
        | "/call/{id}/ring-again"
        | "/me/off-call"
        | "/me/calls/{id}/accept"
        | "/me/push"
        | "/me/push/off" => c,
        "/call/{id}/to-request" => {
            format!("{c}&mode=video&start=2026-12-08T10%3A00&duration_min=30&place_id=")
        }
        "/requests/{id}/convert" => format!("{c}&mode=video"),
        "/me/on-call" => format!("{c}&until=23%3A00"),
        "/me/on-call/plan" => format!("{c}&av_day=3&av_start=&av_end="),
        "/providers" => format!("{c}&name=Verein+{n}"),
        "/offers" | "/offers/{id}" => format!(
            "{c}&provider_id={}&text_lang=de&text_title=Sprachcaf%C3%A9+{n}&text_description=Deutsch+sprechen&text_lang=ar&text_title=&text_description=\
             &category=language&target=adults&age_min=&age_max=&languages=deu%2C+ara&place_name=Bibliothek&address=Markt+1%2C+45127+Essen\
             &district=Mitte&lat=51.45&lon=7.01&accessibility=&schedule_kind=dates&dates=2027-03-03+18%3A00-19%3A30\
             &start_time=&end_time=&from=&until=&except=&cost=&cost_note=&capacity=20&registration=first_come&lottery_at=&quota_newly_arrived=",
            w.a.prov_own
        ),
        "/offers/{id}/status" => format!("{c}&event=submit&note="),
        "/offers/{id}/attendance" => c,
        "/offers/{id}/message" => {
            format!("{c}&msg_lang=de&subject=Hinweis&body=Bitte+Badekappe+mitbringen.")
        }
        "/catalogue/{tenant}/{id}/register" => format!(
            "{c}&lang=de&name=Mina&email=mina{n}%40example.org&persons=&age1=8&age2=&age3=&age4=&group=&consent_participation=on"
        ),
        "/r/confirm/{token}" | "/r/cancel/{token}" => c,
        "/r/consent/{token}" => format!("{c}&purpose=photos"),
        "/plans" => format!("{c}&date=2026-12-08"),
        "/billing/runs" => format!("{c}&month=2026-11"),
        "/billing/funds" => format!(
            "{c}&name=Topf+{n}&budget_euros=1000&from=2026-01-01&to=2026-12-31&priority=5&sector=school"
        ),
        "/billing/settings" => format!(
            "{c}&legal_name=KI&vat_mode=exempt&vat_note=frei&allowance_year=2026&allowance_euros=960"
        ),
        "/billing/runs/{id}/issue"
        | "/billing/runs/{id}/recompute"
        | "/billing/runs/{id}/discard" => c,
        "/billing/invoices/{id}/cancel" => format!("{c}&reason=policy"),
        "/tariffs" => {
            let mut f = format!(
                "{c}&name=Video&category=school&mode=video&valid_from=2027-01-01&valid_to="
            );
            for k in [
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
            ] {
                f.push_str(&format!("&client_{k}=30&mediator_{k}=20"));
            }
            f
        }
        "/plans/{id}/apply" => c,
        "/settings" => format!(
            "{c}&cancel_notice_hours=24&fee_euros_per_hour=18%2C00&fee_minimum_min=60&fee_increment_min=30&fee_travel_euros=6&retention_days=90&idle_timeout_min=30"
        ),
        "/me/schedule" => format!(
            "{c}&av_day=5&av_start=09%3A00&av_end=13%3A00&abs_from=2027-01-04&abs_to=2027-01-08"
        ),
        "/users" => format!(
            "{c}&email=u{n}%40essen.test&name=U&role=coordinator&password=a+very+long+password&lang=de"
        ),
        "/users/{id}" => {
            // Keep the target's role (an admin may not demote themself).
            let role = if role == Some(Role::Admin) {
                "admin"
            } else {
                "coordinator"
            };
            format!("{c}&name=Changed&role={role}&lang=de&active=1")
        }
        _ => return None,
    })
}

async fn check(w: &World) {
    let mut failures = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut sessions = Vec::new();
    for role in ROLES {
        tokens.push(w.token(role).await);
        sessions.push(w.session(role).await);
    }
    let mut n = 0;
    for (method, path, target, expected) in POLICY {
        for (col, exp) in expected.iter().enumerate() {
            n += 1;
            let role = col.checked_sub(1).map(|i| ROLES[i]);
            let concrete = match target_id(w, path, *target, role) {
                Some(id) => path.replace("{id}", &id).replace("{tenant}", &w.a.slug),
                None => path
                    .replace("{tenant}", &w.a.slug)
                    .replace("{token}", "not-a-valid-token.ics")
                    .replace("{id}", &uuid::Uuid::nil().to_string()),
            };
            let status = if path.starts_with("/api/") {
                let token = col.checked_sub(1).map(|i| tokens[i].as_str());
                w.api(method, &concrete, token, api_body(w, method, path, n))
                    .await
                    .0
            } else {
                let fresh;
                let (session, csrf) = match col.checked_sub(1) {
                    None => (None, ANON_CSRF.to_string()),
                    Some(i) if *path == "/logout" => {
                        fresh = w.session(ROLES[i]).await;
                        (Some(fresh.0.as_str()), fresh.1.clone())
                    }
                    Some(i) => (Some(sessions[i].0.as_str()), sessions[i].1.clone()),
                };
                let uri = if *path == "/languages/search" {
                    format!("{concrete}?q=ara")
                } else {
                    concrete.clone()
                };
                w.page(
                    method,
                    &uri,
                    session,
                    ANON_CSRF,
                    page_form(w, method, path, &csrf, n, role),
                )
                .await
                .0
            };
            // Ending the other sessions of each role ends its API token too: a new one.
            if *path == "/account/sessions/others"
                && let Some(i) = col.checked_sub(1)
            {
                tokens[i] = w.token(ROLES[i]).await;
            }
            let ok = if *exp == AUTH {
                matches!(status.as_u16(), 200 | 201 | 409 | 422)
            } else if *exp == PAGE_AUTH {
                matches!(status.as_u16(), 200 | 303 | 409 | 422)
            } else {
                status.as_u16() == *exp
            };
            if !ok {
                let who = role.map(|r| r.as_str()).unwrap_or("anonymous");
                failures.push(format!(
                    "{method} {concrete} ({target:?}) as {who}: expected {exp}, got {status}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "[{}] {} of {n} calls broke the policy:\n{}",
        w.backend(),
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_route_as_every_role_follows_the_policy() {
    for w in worlds().await {
        check(&w).await;
    }
}

/// The live stream's filter, as part of the matrix: every role opens `/requests/events`,
/// then requests appear in the own institution, in another institution of the tenant and
/// in another tenant. Each role hears exactly of those it may see, and the roles the
/// policy refuses get no stream at all.
#[tokio::test]
async fn the_live_stream_carries_to_each_role_only_what_it_may_see() {
    use http_body_util::BodyExt;
    use mittler_app::Actor;
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let row = POLICY
        .iter()
        .find(|(m, p, _, _)| *m == "get" && *p == "/requests/events")
        .unwrap()
        .3;
    let mut streams = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let (token, _) = w.session(*role).await;
        let req = axum::http::Request::builder()
            .uri("/requests/events")
            .header("cookie", format!("mittler_session={token}"))
            .body(axum::body::Body::empty())
            .unwrap();
        let resp = tower::ServiceExt::oneshot(w.router.clone(), req)
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), row[i + 1], "{role}");
        if resp.status().is_success() {
            streams.push((*role, resp.into_body()));
        }
    }
    assert_eq!(
        streams.len(),
        3,
        "admin, coordinator and institution follow requests"
    );
    let mut created = Vec::new();
    for (tenant, inst) in [
        (&w.b, w.b.inst_own),
        (&w.a, w.a.inst_other),
        (&w.a, w.a.inst_own),
    ] {
        let admin = mittler_db::users::get(&w.app.db, tenant.id, tenant.users[&Role::Admin].0)
            .await
            .unwrap();
        let id = mittler_app::requests::create(
            &w.app,
            &Actor::from_user(&admin, None),
            Some(inst),
            &crate::common::request_input(None, "2026-12-01T09:00"),
        )
        .await
        .unwrap();
        created.push(id);
    }
    let [foreign, other, own] = created[..] else {
        unreachable!()
    };
    for (role, mut body) in streams {
        let mut heard = Vec::new();
        while let Ok(Some(Ok(frame))) =
            tokio::time::timeout(std::time::Duration::from_millis(300), body.frame()).await
        {
            if let Ok(data) = frame.into_data() {
                heard.push(String::from_utf8(data.to_vec()).unwrap());
            }
        }
        let heard = heard.concat();
        assert!(
            !heard.contains(&foreign.to_string()),
            "{role} heard another tenant"
        );
        assert!(heard.contains(&own.to_string()), "{role}: {heard}");
        assert_eq!(
            heard.contains(&other.to_string()),
            role != Role::Institution,
            "{role}: {heard}"
        );
    }
}

/// Every state-changing page refuses a form whose CSRF token is wrong or missing, before
/// its handler runs: signed in (as any role) and signed out alike. The routes come from
/// the router's own list, so a new form cannot slip past.
#[tokio::test]
async fn every_post_page_refuses_a_forged_form() {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let de = "Das Formular ist abgelaufen";
    let mut checked = 0;
    for r in mittler_web::pages::PAGE_ROUTES
        .iter()
        .filter(|r| r.method == "post")
    {
        let path = r
            .path
            .replace("{tenant}", &w.a.slug)
            .replace("{token}", "some-token")
            .replace("{id}", &w.a.req_own.to_string());
        for role in [Some(Role::Admin), Some(Role::Mediator), None] {
            let session = match role {
                Some(role) => Some(w.session(role).await.0),
                None => None,
            };
            for body in ["csrf=forged&reason=x&name=y", "reason=x&name=y"] {
                let (s, _, page) = w
                    .page(
                        "post",
                        &path,
                        session.as_deref(),
                        ANON_CSRF,
                        Some(body.into()),
                    )
                    .await;
                // Pages for the signed-in send strangers to the sign-in page first.
                if role.is_none() && s.as_u16() == 303 {
                    continue;
                }
                assert_eq!(s.as_u16(), 403, "{path} as {role:?} with {body}: {page}");
                assert!(page.contains(de), "{path} as {role:?}: {page}");
                checked += 1;
            }
        }
    }
    assert!(checked > 70, "{checked}");
}
