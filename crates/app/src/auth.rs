//! Sign-in, sessions, bearer tokens and passwords.
//!
//! One answer for an unknown e-mail and a wrong password; a locked account is refused
//! without evaluating the password; a generous per-address limit sits on top.

use crate::{Actor, App, AppError, Result};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use mittler_db::audit::AuditEntry;
pub use mittler_db::sessions::Kind as SessionKind;
use mittler_db::sessions::{self, Kind, NewSession};
use mittler_db::{audit, throttle, users};
use mittler_domain::FieldErrors;
use mittler_domain::audit::AuditAction;
use mittler_domain::lockout;
use mittler_domain::user::{User, check_password};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// How long a web session lasts.
pub const WEB_SESSION: SignedDuration = SignedDuration::from_hours(12);
/// How long an API token lasts.
pub const API_TOKEN: SignedDuration = SignedDuration::from_hours(24);

/// A hash of a password nobody has: evaluated for unknown e-mails, so that they cost
/// as much time as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Yk3Jb0mF1QnC4LJ5wUQ9o0mTtV8a8Jv2m1q6cN0xkqE";

/// A fresh random secret, URL-safe.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    let d = Sha256::digest(token.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes a password with Argon2id (on a blocking thread: it is slow on purpose).
pub async fn hash_password(password: &str) -> Result<String> {
    let pw = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(pw.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("hash: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

impl App {
    async fn verify(&self, password: &str, hash: &str) -> bool {
        self.count_evaluation();
        let (pw, h) = (password.to_owned(), hash.to_owned());
        tokio::task::spawn_blocking(move || {
            Argon2::default()
                .verify_password(pw.as_bytes(), h.as_str())
                .is_ok()
        })
        .await
        .unwrap_or(false)
    }
}

/// A new session or token and the user it belongs to.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: String,
    pub csrf: String,
    pub expires_at: Timestamp,
    pub user: User,
    pub tenant_slug: String,
}

/// The session behind a cookie or bearer token.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub actor: Actor,
    pub csrf: String,
    pub token_hash: String,
}

fn failed_entry(
    now: Timestamp,
    email: &str,
    tenant: Option<uuid::Uuid>,
    user: Option<uuid::Uuid>,
    address: Option<&str>,
    why: &str,
) -> AuditEntry {
    AuditEntry {
        tenant_id: tenant,
        at: now,
        actor_id: user,
        actor: email.chars().take(254).collect(),
        action: AuditAction::SignInFailed.as_str(),
        object_type: "user",
        object_id: user,
        detail: serde_json::json!({ "reason": why }),
        address: address.map(str::to_owned),
    }
}

pub async fn sign_in(
    app: &App,
    email: &str,
    password: &str,
    address: Option<&str>,
    kind: Kind,
) -> Result<SignedIn> {
    let now = app.now();
    let email = email.trim().to_lowercase();
    // The per-address limit: windows of fixed length, counted in the database
    // so that several instances share them.
    let addr = address.unwrap_or("unknown");
    let window = lockout::ADDRESS_WINDOW.as_secs();
    let start = Timestamp::from_second(now.as_second() - now.as_second().rem_euclid(window))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    if throttle::hit(&app.db, addr, start).await? > i64::from(lockout::ADDRESS_LIMIT) {
        audit::record(
            &app.db,
            &failed_entry(now, &email, None, None, address, "address-limit"),
        )
        .await?;
        let retry = start.as_second() + window - now.as_second();
        return Err(AppError::TooMany {
            retry_after_secs: retry.max(1),
        });
    }

    let Some(cred) = users::by_email(&app.db, &email).await? else {
        // Unknown addresses are counted like accounts, so a lock does not tell that one exists.
        let key = format!("email:{}", token_hash(&email));
        if throttle::hit(&app.db, &key, start).await? > i64::from(lockout::FREE_ATTEMPTS) {
            audit::record(
                &app.db,
                &failed_entry(now, &email, None, None, address, "locked"),
            )
            .await?;
            let retry = start.as_second() + window - now.as_second();
            return Err(AppError::TooMany {
                retry_after_secs: retry.max(1),
            });
        }
        app.verify(password, DUMMY_HASH).await;
        audit::record(
            &app.db,
            &failed_entry(now, &email, None, None, address, "unknown"),
        )
        .await?;
        return Err(AppError::Unauthorized);
    };
    let user = &cred.user;
    if lockout::is_locked(cred.locked_until, now) {
        audit::record(
            &app.db,
            &failed_entry(
                now,
                &email,
                Some(user.tenant_id),
                Some(user.id),
                address,
                "locked",
            ),
        )
        .await?;
        let until = cred.locked_until.unwrap_or(now);
        return Err(AppError::TooMany {
            retry_after_secs: (until.as_second() - now.as_second()).max(1),
        });
    }
    let ok = app.verify(password, &cred.password_hash).await;
    if !ok || !user.active {
        record_failure(app, user.id, now).await?;
        let why = if user.active { "password" } else { "inactive" };
        audit::record(
            &app.db,
            &failed_entry(
                now,
                &email,
                Some(user.tenant_id),
                Some(user.id),
                address,
                why,
            ),
        )
        .await?;
        return Err(AppError::Unauthorized);
    }
    if cred.failed_logins > 0 || cred.locked_until.is_some() {
        users::set_failures(&app.db, user.id, 0, None).await?;
    }
    let token = random_token();
    let csrf = random_token();
    let expires_at = now
        .checked_add(if kind == Kind::Web {
            WEB_SESSION
        } else {
            API_TOKEN
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
    sessions::create(
        &app.db,
        &NewSession {
            token_hash: &token_hash(&token),
            tenant_id: user.tenant_id,
            user_id: user.id,
            kind,
            csrf: &csrf,
            now,
            expires_at,
        },
    )
    .await?;
    let actor = Actor::from_user(user, address.map(str::to_owned));
    let detail = serde_json::json!({ "via": if kind == Kind::Web { "web" } else { "api" } });
    audit::record(
        &app.db,
        &actor.audit(now, AuditAction::SignIn, "user", Some(user.id), detail),
    )
    .await?;
    let tenant = mittler_db::tenants::get(&app.db, user.tenant_id).await?;
    Ok(SignedIn {
        token,
        csrf,
        expires_at,
        user: user.clone(),
        tenant_slug: tenant.slug,
    })
}

/// Counts a failed password and locks the account once the free attempts are used up.
async fn record_failure(app: &App, user: uuid::Uuid, now: Timestamp) -> Result<()> {
    let failed = users::count_failure(&app.db, user).await?;
    if let Some(until) = lockout::lock_after(failed).and_then(|d| now.checked_add(d).ok()) {
        users::extend_lock(&app.db, user, until).await?;
    }
    Ok(())
}

/// The session of a cookie or bearer token, if valid.
pub async fn session(
    app: &App,
    token: &str,
    kind: Kind,
    address: Option<&str>,
) -> Result<Option<CurrentSession>> {
    let hash = token_hash(token);
    let Some(s) = sessions::find(&app.db, &hash, kind, app.now()).await? else {
        return Ok(None);
    };
    let user = users::get(&app.db, s.tenant_id, s.user_id).await?;
    Ok(Some(CurrentSession {
        actor: Actor::from_user(&user, address.map(str::to_owned)),
        csrf: s.csrf,
        token_hash: hash,
    }))
}

pub async fn sign_out(app: &App, current: &CurrentSession) -> Result<()> {
    sessions::delete(&app.db, &current.token_hash).await?;
    let a = &current.actor;
    audit::record(
        &app.db,
        &a.audit(
            app.now(),
            AuditAction::SignOut,
            "user",
            Some(a.user_id),
            serde_json::json!({}),
        ),
    )
    .await?;
    Ok(())
}

/// Changes the own password; every other session of the account ends.
pub async fn change_password(
    app: &App,
    current: &CurrentSession,
    old: &str,
    new: &str,
    confirm: &str,
) -> Result<()> {
    let a = &current.actor;
    let mut e = FieldErrors::new();
    check_password(&mut e, "new_password", new);
    if new != confirm {
        e.add("confirm_password", "mismatch");
    }
    let cred = users::credentials(&app.db, a.tenant_id, a.user_id).await?;
    if lockout::is_locked(cred.locked_until, app.now()) {
        return Err(AppError::TooMany {
            retry_after_secs: 60,
        });
    }
    if !app.verify(old, &cred.password_hash).await {
        // Guessing the current password through this form counts like failed sign-ins.
        record_failure(app, a.user_id, app.now()).await?;
        e.add("old_password", "wrong-password");
    } else if cred.failed_logins > 0 {
        users::set_failures(&app.db, a.user_id, 0, None).await?;
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let hash = hash_password(new).await?;
    let now = app.now();
    let entry = a.audit(
        now,
        AuditAction::PasswordChanged,
        "user",
        Some(a.user_id),
        serde_json::json!({}),
    );
    users::set_password(
        &app.db,
        a.tenant_id,
        a.user_id,
        &hash,
        Some(&current.token_hash),
        now,
        &entry,
    )
    .await?;
    Ok(())
}

/// Stores the interface language the user chose.
pub async fn set_language(app: &App, actor: &Actor, lang: &str) -> Result<()> {
    if !mittler_domain::user::UI_LANGS.contains(&lang) {
        return Err(AppError::Invalid(FieldErrors::single("lang", "invalid")));
    }
    users::set_lang(&app.db, actor.tenant_id, actor.user_id, lang).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn dummy_hash_is_a_valid_argon2id_hash() {
        assert!(argon2::PasswordHash::new(DUMMY_HASH).is_ok());
        let h = hash_password("correct horse battery").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", h.as_str())
                .is_ok()
        );
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
