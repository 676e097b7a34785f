//! The centre's settings page (admins): cancellation notice and the allowance rule.

use super::{Base, PageResult, fail, field_error, render};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mittler_app::settings::Settings;
use mittler_app::{AppError, settings};
use mittler_domain::FieldErrors;
use serde::Deserialize;

pub struct Field {
    name: &'static str,
    label: String,
    value: String,
    err: Option<String>,
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    base: Base,
    fields: Vec<Field>,
    /// Roles that must use a second factor: (role, label, checked).
    roles: Vec<(&'static str, String, bool)>,
    /// Single sign-on: issuer and client id as typed, whether a secret is stored.
    sso: Vec<Field>,
    secret_set: bool,
    callback: String,
    has_errors: bool,
    /// Retention periods in days (GDPR): one field each.
    keep: Vec<Field>,
    /// Whether the centre's figures count in the state's view.
    share_figures: bool,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettingsForm {
    csrf: String,
    cancel_notice_hours: String,
    fee_euros_per_hour: String,
    fee_minimum_min: String,
    fee_increment_min: String,
    fee_travel_euros: String,
    retention_days: String,
    idle_timeout_min: String,
    call_answer_s: String,
    video_fallback_hours: String,
    second_factor: Vec<String>,
    /// Set by the page that shows the box, so that an unticked box means "no".
    share_figures_shown: String,
    share_figures: String,
    sso_issuer: String,
    sso_client_id: String,
    sso_client_secret: String,
    notes_days: String,
    unserved_days: String,
    client_refs_days: String,
    failed_mail_days: String,
    audit_days: String,
    inactive_accounts_days: String,
}

impl SettingsForm {
    fn keep(&self) -> [(&'static str, &str); 6] {
        [
            ("notes_days", &self.notes_days),
            ("unserved_days", &self.unserved_days),
            ("client_refs_days", &self.client_refs_days),
            ("failed_mail_days", &self.failed_mail_days),
            ("audit_days", &self.audit_days),
            ("inactive_accounts_days", &self.inactive_accounts_days),
        ]
    }
}

fn cents(e: &str) -> String {
    let c: i64 = e.parse().unwrap_or(0);
    format!("{},{:02}", c / 100, c % 100)
}

fn page(
    ctx: &PageCtx,
    f: &SettingsForm,
    e: &FieldErrors,
    secret_set: bool,
    public_url: &str,
) -> SettingsPage {
    let l = ctx.lang;
    let field = |name: &'static str, key: &str, value: &str, err: &str| Field {
        name,
        label: l.t(key),
        value: value.to_owned(),
        err: field_error(l, e, err),
    };
    SettingsPage {
        keep: f
            .keep()
            .into_iter()
            .map(|(name, value)| field(name, &format!("settings-keep-{name}"), value, name))
            .collect(),
        base: Base::new(ctx, "settings-title"),
        has_errors: !e.is_empty(),
        sso: vec![
            field(
                "sso_issuer",
                "settings-sso-issuer",
                &f.sso_issuer,
                "sso_issuer",
            ),
            field(
                "sso_client_id",
                "settings-sso-client",
                &f.sso_client_id,
                "sso_client_id",
            ),
        ],
        secret_set,
        callback: format!("{public_url}{}", mittler_app::sso::CALLBACK_PATH),
        share_figures: f.share_figures == "on",
        roles: mittler_domain::Role::ALL
            .iter()
            .filter(|r| !r.installation_wide())
            .map(|r| {
                (
                    r.as_str(),
                    l.t(&format!("role-{}", r.as_str())),
                    f.second_factor.iter().any(|x| x == r.as_str()),
                )
            })
            .collect(),
        fields: vec![
            field(
                "cancel_notice_hours",
                "settings-notice",
                &f.cancel_notice_hours,
                "cancel_notice_hours",
            ),
            field(
                "fee_euros_per_hour",
                "settings-fee-hour",
                &f.fee_euros_per_hour,
                "fee_cents_per_hour",
            ),
            field(
                "fee_minimum_min",
                "settings-fee-minimum",
                &f.fee_minimum_min,
                "fee_minimum_min",
            ),
            field(
                "fee_increment_min",
                "settings-fee-increment",
                &f.fee_increment_min,
                "fee_increment_min",
            ),
            field(
                "fee_travel_euros",
                "settings-fee-travel",
                &f.fee_travel_euros,
                "fee_travel_cents",
            ),
            field(
                "retention_days",
                "settings-retention",
                &f.retention_days,
                "retention_days",
            ),
            field(
                "idle_timeout_min",
                "settings-idle-timeout",
                &f.idle_timeout_min,
                "idle_timeout_min",
            ),
            field(
                "call_answer_s",
                "settings-call-answer",
                &f.call_answer_s,
                "call_answer_s",
            ),
            field(
                "video_fallback_hours",
                "settings-video-fallback",
                &f.video_fallback_hours,
                "video_fallback_hours",
            ),
        ],
    }
}

pub async fn form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    let st = settings::get(&s.app, &a).await.map_err(fail(&ctx))?;
    let (issuer, client, secret_set) = mittler_app::sso::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let keep = mittler_app::retention::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let shares = mittler_app::state::shares(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let f = SettingsForm {
        share_figures_shown: "1".into(),
        share_figures: if shares { "on".into() } else { String::new() },
        notes_days: keep.notes_days.to_string(),
        unserved_days: keep.unserved_days.to_string(),
        client_refs_days: keep.client_refs_days.to_string(),
        failed_mail_days: keep.failed_mail_days.to_string(),
        audit_days: keep.audit_days.to_string(),
        inactive_accounts_days: keep.inactive_accounts_days.to_string(),
        sso_issuer: issuer,
        sso_client_id: client,
        sso_client_secret: String::new(),
        csrf: String::new(),
        cancel_notice_hours: st.cancel_notice_hours.to_string(),
        fee_euros_per_hour: cents(&st.fee_cents_per_hour.to_string()),
        fee_minimum_min: st.fee_minimum_min.to_string(),
        fee_increment_min: st.fee_increment_min.to_string(),
        fee_travel_euros: cents(&st.fee_travel_cents.to_string()),
        retention_days: st.retention_days.to_string(),
        idle_timeout_min: st.idle_timeout_min.to_string(),
        call_answer_s: st.call_answer_s.to_string(),
        video_fallback_hours: st.video_fallback_hours.to_string(),
        second_factor: st
            .second_factor_roles
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    Ok(render(&page(
        &ctx,
        &f,
        &FieldErrors::new(),
        secret_set,
        &s.app.public_url,
    )))
}

/// Euros as typed in cents, up to 10,000 euros.
fn parse_euros(s: &str) -> Option<i32> {
    super::parse_euros(s)
        .filter(|c| *c <= 1_000_000)
        .and_then(|c| i32::try_from(c).ok())
}

pub async fn save(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<SettingsForm>,
) -> PageResult {
    let mut e = FieldErrors::new();
    let int = |e: &mut FieldErrors, field: &str, v: &str| {
        v.trim().parse::<i32>().unwrap_or_else(|_| {
            e.add(field, "invalid-number");
            -1
        })
    };
    let money = |e: &mut FieldErrors, field: &str, v: &str| {
        parse_euros(v).unwrap_or_else(|| {
            e.add(field, "invalid-number");
            -1
        })
    };
    let stored = settings::get(&s.app, &a).await.map_err(fail(&ctx))?;
    let st = Settings {
        cancel_notice_hours: int(&mut e, "cancel_notice_hours", &f.cancel_notice_hours),
        fee_cents_per_hour: money(&mut e, "fee_cents_per_hour", &f.fee_euros_per_hour),
        fee_minimum_min: int(&mut e, "fee_minimum_min", &f.fee_minimum_min),
        fee_increment_min: int(&mut e, "fee_increment_min", &f.fee_increment_min),
        fee_travel_cents: money(&mut e, "fee_travel_cents", &f.fee_travel_euros),
        retention_days: int(&mut e, "retention_days", &f.retention_days),
        // A form without the field (an older page) keeps the current time-out.
        idle_timeout_min: if f.idle_timeout_min.trim().is_empty() {
            stored.idle_timeout_min
        } else {
            int(&mut e, "idle_timeout_min", &f.idle_timeout_min)
        },
        call_answer_s: if f.call_answer_s.trim().is_empty() {
            stored.call_answer_s
        } else {
            int(&mut e, "call_answer_s", &f.call_answer_s)
        },
        video_fallback_hours: if f.video_fallback_hours.trim().is_empty() {
            stored.video_fallback_hours
        } else {
            int(&mut e, "video_fallback_hours", &f.video_fallback_hours)
        },
        second_factor_roles: f.second_factor.join(","),
    };
    // Retention: a form without the fields (an older page) keeps the current periods.
    let current = mittler_app::retention::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let mut days = |field: &str, v: &str, now: i32| {
        if v.trim().is_empty() {
            now
        } else {
            int(&mut e, field, v)
        }
    };
    let keep = mittler_domain::retention::Retention {
        notes_days: days("notes_days", &f.notes_days, current.notes_days),
        unserved_days: days("unserved_days", &f.unserved_days, current.unserved_days),
        client_refs_days: days(
            "client_refs_days",
            &f.client_refs_days,
            current.client_refs_days,
        ),
        failed_mail_days: days(
            "failed_mail_days",
            &f.failed_mail_days,
            current.failed_mail_days,
        ),
        audit_days: days("audit_days", &f.audit_days, current.audit_days),
        inactive_accounts_days: days(
            "inactive_accounts_days",
            &f.inactive_accounts_days,
            current.inactive_accounts_days,
        ),
    };
    if let Err(bad) = keep.validate() {
        for (field, why) in bad.iter() {
            e.add(field.to_owned(), why);
        }
    }
    let result = if e.is_empty() {
        match settings::set(&s.app, &a, &st).await {
            Ok(()) => match mittler_app::retention::set(&s.app, &a, keep).await {
                Ok(()) => {
                    match mittler_app::sso::set(
                        &s.app,
                        &a,
                        &f.sso_issuer,
                        &f.sso_client_id,
                        &f.sso_client_secret,
                    )
                    .await
                    {
                        // A form without the box (an older page) keeps the setting.
                        Ok(()) if f.share_figures_shown == "1" => {
                            mittler_app::state::set_shares(&s.app, &a, f.share_figures == "on")
                                .await
                        }
                        other => other,
                    }
                }
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        }
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(()) => Ok(Redirect::to("/settings").into_response()),
        Err(AppError::Invalid(e)) => {
            let (_, _, secret_set) = mittler_app::sso::get(&s.app, &a)
                .await
                .map_err(fail(&ctx))?;
            let p = page(&ctx, &f, &e, secret_set, &s.app.public_url);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
