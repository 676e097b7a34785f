//! Second factors: TOTP enrolment with a QR code and recovery codes (passkeys in
//! [`crate::passkeys`]).

use super::*;

/// The start of a TOTP enrolment: a new secret waiting for its first code.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub secret: String,
    pub otpauth_url: String,
    /// The QR code of the address, as a `data:` URL.
    pub qr: String,
}

pub async fn begin_totp(app: &App, actor: &Actor) -> Result<Enrolment> {
    let secret = totp::new_secret();
    users::set_totp_pending(&app.db, actor.tenant_id, actor.user_id, &secret).await?;
    enrolment(app, actor, secret).await
}

/// The enrolment waiting for its first code, if any (the page shows it again).
pub async fn pending_totp(app: &App, actor: &Actor) -> Result<Option<Enrolment>> {
    match users::totp_pending(&app.db, actor.tenant_id, actor.user_id).await? {
        Some(secret) => Ok(Some(enrolment(app, actor, secret).await?)),
        None => Ok(None),
    }
}

async fn enrolment(app: &App, actor: &Actor, secret: String) -> Result<Enrolment> {
    let issuer = mittler_db::tenants::get(&app.db, actor.tenant_id)
        .await?
        .name;
    let otpauth_url = totp::url(&secret, &actor.email, &format!("Mittler {issuer}"))?;
    let qr = totp::qr_data_url(&otpauth_url)?;
    Ok(Enrolment {
        secret,
        otpauth_url,
        qr,
    })
}

/// Confirms the enrolment with a first code; gives the ten recovery codes (shown once).
pub async fn confirm_totp(app: &App, actor: &Actor, code: &str) -> Result<Vec<String>> {
    let Some(secret) = users::totp_pending(&app.db, actor.tenant_id, actor.user_id).await? else {
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            "no-enrolment",
        )));
    };
    let now = u64::try_from(app.now().as_second()).unwrap_or(0);
    let Some(step) = totp::matching_step(&secret, code, now)? else {
        return Err(AppError::Invalid(FieldErrors::single("code", "wrong-code")));
    };
    let codes = totp::new_recovery_codes();
    let hashes = recovery_hashes(app, actor.user_id, &codes);
    let entry = actor.audit(
        app.now(),
        AuditAction::SecondFactorAdded,
        "user",
        Some(actor.user_id),
        serde_json::json!({ "kind": "totp" }),
    );
    users::confirm_totp(
        &app.db,
        actor.tenant_id,
        actor.user_id,
        step,
        &hashes,
        &entry,
    )
    .await?;
    Ok(codes)
}

/// Removes the own TOTP second factor; the current password is asked, and a centre that
/// requires a second factor of the role keeps the last one.
pub async fn remove_totp(app: &App, current: &CurrentSession, password: &str) -> Result<()> {
    let a = &current.actor;
    let passkey = has_passkey(app, a.tenant_id, a.user_id).await?;
    may_remove_factor(app, current, password, passkey).await?;
    let entry = a.audit(
        app.now(),
        AuditAction::SecondFactorRemoved,
        "user",
        Some(a.user_id),
        serde_json::json!({ "kind": "totp" }),
    );
    users::remove_totp(&app.db, a.tenant_id, a.user_id, &entry).await?;
    Ok(())
}

/// Whether the user has a TOTP second factor, and how many recovery codes are left.
pub async fn second_factor(app: &App, actor: &Actor) -> Result<(bool, i64)> {
    let cred = users::credentials(&app.db, actor.tenant_id, actor.user_id).await?;
    let left = users::recovery_codes_left(&app.db, actor.user_id).await?;
    Ok((cred.totp_secret.is_some(), left))
}
