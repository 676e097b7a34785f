//! The centre's settings: cancellation notice and the mediators' allowance rule (admins).

use crate::{Actor, App, AppError, Result};
use mittler_db::tenants;
pub use mittler_db::tenants::Settings;
use mittler_domain::audit::AuditAction;
use mittler_domain::fee::FeeRule;
use mittler_domain::{Action, FieldErrors};

pub async fn get(app: &App, actor: &Actor) -> Result<Settings> {
    if !actor.may(Action::ChangeSettings) {
        return Err(AppError::Forbidden);
    }
    Ok(tenants::settings(&app.db, actor.tenant_id).await?)
}

/// The allowance rule of a tenant (for everyone's expected fee).
pub async fn fee_rule(app: &App, tenant: uuid::Uuid) -> Result<FeeRule> {
    let s = tenants::settings(&app.db, tenant).await?;
    Ok(FeeRule {
        cents_per_hour: i64::from(s.fee_cents_per_hour),
        minimum_min: i64::from(s.fee_minimum_min),
        increment_min: i64::from(s.fee_increment_min),
        travel_cents: i64::from(s.fee_travel_cents),
    })
}

pub async fn set(app: &App, actor: &Actor, s: &Settings) -> Result<()> {
    if !actor.may(Action::ChangeSettings) {
        return Err(AppError::Forbidden);
    }
    let mut e = FieldErrors::new();
    let range = |e: &mut FieldErrors, f: &str, v: i32, lo: i32, hi: i32| {
        if !(lo..=hi).contains(&v) {
            e.add(f, "out-of-range");
        }
    };
    range(&mut e, "cancel_notice_hours", s.cancel_notice_hours, 0, 336);
    range(
        &mut e,
        "fee_cents_per_hour",
        s.fee_cents_per_hour,
        0,
        50_000,
    );
    range(&mut e, "fee_minimum_min", s.fee_minimum_min, 0, 240);
    range(&mut e, "fee_increment_min", s.fee_increment_min, 1, 120);
    range(&mut e, "fee_travel_cents", s.fee_travel_cents, 0, 20_000);
    range(&mut e, "retention_days", s.retention_days, 1, 730);
    range(&mut e, "idle_timeout_min", s.idle_timeout_min, 5, 720);
    range(&mut e, "call_answer_s", s.call_answer_s, 15, 900);
    range(
        &mut e,
        "video_fallback_hours",
        s.video_fallback_hours,
        0,
        168,
    );
    if s.second_factor_roles
        .split(',')
        .map(str::trim)
        .any(|r| !r.is_empty() && mittler_domain::Role::parse(r).is_none())
    {
        e.add("second_factor_roles", "invalid");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let detail = serde_json::json!({ "cancel_notice_hours": s.cancel_notice_hours, "fee_cents_per_hour": s.fee_cents_per_hour,
        "retention_days": s.retention_days, "second_factor_roles": s.second_factor_roles,
        "idle_timeout_min": s.idle_timeout_min });
    let entry = actor.audit(
        app.now(),
        AuditAction::Update,
        "settings",
        Some(actor.tenant_id),
        detail,
    );
    Ok(tenants::set_settings(&app.db, actor.tenant_id, s, &entry).await?)
}
