//! Passkeys (WebAuthn, with `webauthn-rs`) as a second factor: registered from the
//! account's security page, presented after the password at sign-in. The relying party
//! is the host of `MITTLER_PUBLIC_URL` (a name, not an IP address: browsers refuse those).

use super::*;
use mittler_db::passkeys as db;
use std::sync::Arc;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

/// How long a ceremony may take.
const CEREMONY: SignedDuration = SignedDuration::from_mins(5);

/// The relying party for the public address, or `None` where passkeys cannot work (an IP
/// address, a malformed URL).
pub fn relying_party(public_url: &str) -> Option<Arc<Webauthn>> {
    let origin = Url::parse(public_url).ok()?;
    let host = origin.domain()?.to_owned();
    WebauthnBuilder::new(&host, &origin)
        .ok()?
        .rp_name("Mittler")
        .build()
        .ok()
        .map(Arc::new)
}

fn rp(app: &App) -> Result<&Webauthn> {
    app.webauthn
        .as_deref()
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("passkey", "passkeys-unavailable")))
}

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| AppError::Internal(format!("passkey json: {e}")))
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| AppError::Internal(format!("passkey state: {e}")))
}

fn until(app: &App) -> Result<Timestamp> {
    app.now()
        .checked_add(CEREMONY)
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// A passkey as the security page lists it.
#[derive(Debug, Clone)]
pub struct PasskeyView {
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

pub async fn list_passkeys(app: &App, actor: &Actor) -> Result<Vec<PasskeyView>> {
    Ok(db::of_user(&app.db, actor.tenant_id, actor.user_id)
        .await?
        .into_iter()
        .map(|r| PasskeyView {
            id: r.id,
            name: r.name,
            created_at: r.created_at.0,
            last_used_at: r.last_used_at.map(|t| t.0),
        })
        .collect())
}

/// Whether passkeys can be used on this installation (its public address is a name).
pub fn passkeys_available(app: &App) -> bool {
    app.webauthn.is_some()
}

async fn passkeys_of(
    app: &App,
    tenant: uuid::Uuid,
    user: uuid::Uuid,
) -> Result<Vec<(String, Passkey)>> {
    db::of_user(&app.db, tenant, user)
        .await?
        .into_iter()
        .map(|r| parse(&r.passkey).map(|p| (r.id, p)))
        .collect()
}

/// Whether a user has a passkey.
pub(super) async fn has_passkey(app: &App, tenant: uuid::Uuid, user: uuid::Uuid) -> Result<bool> {
    Ok(!db::of_user(&app.db, tenant, user).await?.is_empty())
}

/// The browser's challenge to make a passkey for the actor (JSON for
/// `navigator.credentials.create`).
pub async fn begin_passkey_registration(app: &App, actor: &Actor) -> Result<serde_json::Value> {
    let rp = rp(app)?;
    let existing: Vec<_> = passkeys_of(app, actor.tenant_id, actor.user_id)
        .await?
        .into_iter()
        .map(|(_, p)| p.cred_id().clone())
        .collect();
    let (challenge, state) = rp
        .start_passkey_registration(actor.user_id, &actor.email, &actor.name, Some(existing))
        .map_err(|e| AppError::Internal(format!("passkey: {e}")))?;
    db::put_ceremony(
        &app.db,
        &format!("passkey-register:{}", actor.user_id),
        &json(&state)?,
        until(app)?,
    )
    .await?;
    serde_json::to_value(&challenge).map_err(|e| AppError::Internal(e.to_string()))
}

/// Stores the passkey the browser made. The first second factor of an account comes with
/// ten recovery codes (returned to be shown once).
pub async fn finish_passkey_registration(
    app: &App,
    actor: &Actor,
    credential: &serde_json::Value,
    name: &str,
) -> Result<Vec<String>> {
    let rp = rp(app)?;
    let Some(state) = db::take_ceremony(
        &app.db,
        &format!("passkey-register:{}", actor.user_id),
        app.now(),
    )
    .await?
    else {
        return Err(AppError::Invalid(FieldErrors::single(
            "passkey",
            "no-enrolment",
        )));
    };
    let state: PasskeyRegistration = parse(&state)?;
    let reg: RegisterPublicKeyCredential = serde_json::from_value(credential.clone())
        .map_err(|_| AppError::Invalid(FieldErrors::single("passkey", "invalid")))?;
    let passkey = rp
        .finish_passkey_registration(&reg, &state)
        .map_err(|_| AppError::Invalid(FieldErrors::single("passkey", "invalid")))?;
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(passkey.cred_id());
    let name: String = name.trim().chars().take(60).collect();
    let name = if name.is_empty() {
        "Passkey".to_owned()
    } else {
        name
    };
    let first = users::credentials(&app.db, actor.tenant_id, actor.user_id)
        .await?
        .totp_secret
        .is_none()
        && !has_passkey(app, actor.tenant_id, actor.user_id).await?;
    let entry = actor.audit(
        app.now(),
        AuditAction::SecondFactorAdded,
        "user",
        Some(actor.user_id),
        serde_json::json!({ "kind": "passkey", "passkey": id }),
    );
    let stored = json(&passkey)?;
    let new = db::NewPasskey {
        tenant: actor.tenant_id,
        user: actor.user_id,
        id: &id,
        name: &name,
        passkey: &stored,
        now: app.now(),
    };
    db::add(&app.db, &new, &entry).await.map_err(|e| match e {
        mittler_db::DbError::Conflict(_) => {
            AppError::Invalid(FieldErrors::single("passkey", "duplicate"))
        }
        other => other.into(),
    })?;
    if first {
        let codes = totp::new_recovery_codes();
        users::set_recovery_codes(
            &app.db,
            actor.user_id,
            &recovery_hashes(app, actor.user_id, &codes),
        )
        .await?;
        return Ok(codes);
    }
    Ok(Vec::new())
}

/// Removes one of the own passkeys; the password is asked, and the last second factor
/// cannot go where the centre requires one.
pub async fn remove_passkey(
    app: &App,
    current: &CurrentSession,
    id: &str,
    password: &str,
) -> Result<()> {
    let a = &current.actor;
    let totp = users::credentials(&app.db, a.tenant_id, a.user_id)
        .await?
        .totp_secret
        .is_some();
    let others = db::of_user(&app.db, a.tenant_id, a.user_id)
        .await?
        .iter()
        .any(|p| p.id != id);
    may_remove_factor(app, current, password, totp || others).await?;
    let entry = a.audit(
        app.now(),
        AuditAction::SecondFactorRemoved,
        "user",
        Some(a.user_id),
        serde_json::json!({ "kind": "passkey", "passkey": id }),
    );
    if !db::remove(&app.db, a.tenant_id, a.user_id, id, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// What a sign-in waiting for its second factor may use: (a TOTP code, a passkey).
pub async fn pending_factors(app: &App, pending: &str) -> Result<(bool, bool)> {
    let Some(p) = sessions::pending_peek(&app.db, &token_hash(pending), app.now()).await? else {
        return Err(AppError::NotFound);
    };
    let cred = users::credentials(&app.db, p.tenant_id, p.user_id).await?;
    let passkey = passkeys_available(app) && has_passkey(app, p.tenant_id, p.user_id).await?;
    Ok((cred.totp_secret.is_some(), passkey))
}

/// The browser's challenge for the passkeys of a sign-in waiting for its second factor.
pub async fn begin_passkey_login(app: &App, pending: &str) -> Result<serde_json::Value> {
    let rp = rp(app)?;
    let hash = token_hash(pending);
    let Some(p) = sessions::pending_peek(&app.db, &hash, app.now()).await? else {
        return Err(AppError::NotFound);
    };
    let keys: Vec<Passkey> = passkeys_of(app, p.tenant_id, p.user_id)
        .await?
        .into_iter()
        .map(|(_, k)| k)
        .collect();
    if keys.is_empty() {
        return Err(AppError::NotFound);
    }
    let (challenge, state) = rp
        .start_passkey_authentication(&keys)
        .map_err(|e| AppError::Internal(format!("passkey: {e}")))?;
    db::put_ceremony(
        &app.db,
        &format!("passkey-login:{hash}"),
        &json(&state)?,
        until(app)?,
    )
    .await?;
    serde_json::to_value(&challenge).map_err(|e| AppError::Internal(e.to_string()))
}

/// The second step of a web sign-in with a passkey.
pub async fn finish_passkey_login(
    app: &App,
    pending: &str,
    credential: &serde_json::Value,
    address: Option<&str>,
) -> Result<SignedIn> {
    let rp = rp(app)?;
    let now = app.now();
    let step = pending_step(app, pending).await?;
    let (tenant, user) = (step.pending.tenant_id, step.pending.user_id);
    let state = db::take_ceremony(&app.db, &format!("passkey-login:{}", step.hash), now).await?;
    let given = serde_json::from_value::<PublicKeyCredential>(credential.clone());
    let verified = match (state, given) {
        (Some(state), Ok(given)) => {
            let state: PasskeyAuthentication = parse(&state)?;
            rp.finish_passkey_authentication(&given, &state).ok()
        }
        _ => None,
    };
    let Some(result) = verified.filter(|_| step.cred.user.active) else {
        return Err(step.failed(app, address).await);
    };
    // The signature counter moves on: the stored passkey with it.
    for (id, mut key) in passkeys_of(app, tenant, user).await? {
        if key.cred_id() == result.cred_id() {
            let changed = key.update_credential(&result) == Some(true);
            let stored = if changed { Some(json(&key)?) } else { None };
            db::used(&app.db, &id, stored.as_deref(), now).await?;
        }
    }
    step.passed(app, address).await
}

/// The keyed hashes of recovery codes, as stored.
pub(super) fn recovery_hashes(app: &App, user: uuid::Uuid, codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .map(|c| {
            app.keyed_hash(
                "recovery",
                &format!("{user}:{}", totp::normalize_recovery(c)),
            )
        })
        .collect()
}
