//! Sign-in, sessions, bearer tokens and passwords.
//!
//! One answer for an unknown e-mail and a wrong password; a locked identifier (known or
//! not, alike) is refused without evaluating the password unless a valid second factor
//! comes first; an address that fails often is slowed down, never locked.

use crate::{Actor, App, AppError, Result, totp};

mod my_sessions;
mod passkeys;
mod password;
mod second_factor;
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
use mittler_domain::user::User;
pub use my_sessions::*;
pub use passkeys::*;
pub use password::*;
use rand::RngCore;
pub use second_factor::*;
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
    /// An admin set the password: the browser asks for a new one before anything else.
    pub must_change_password: bool,
    /// The centre requires a second factor of the role and none is enrolled yet.
    pub must_enrol: bool,
}

/// How long a correct password waits for its second factor (web sign-in).
pub const PENDING: SignedDuration = SignedDuration::from_mins(5);
/// Codes a pending sign-in may try before it must start again.
const PENDING_ATTEMPTS: i32 = 5;

/// One sign-in attempt as typed.
#[derive(Clone, Copy)]
pub struct Attempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The centre's slug, where the address is used in several.
    pub tenant: Option<&'a str>,
    /// A TOTP code or a recovery code.
    pub code: Option<&'a str>,
    pub address: Option<&'a str>,
    pub kind: Kind,
}

/// What a sign-in attempt came to.
#[derive(Debug, Clone)]
pub enum Outcome {
    Done(Box<SignedIn>),
    /// The password was right; a code is asked next (web only). The token names the
    /// waiting sign-in for [`complete`].
    NeedsCode {
        pending: String,
    },
}

/// The audit entry of a refused sign-in. The typed identifier is kept only when it names
/// an account; otherwise a keyed hash stands for it (a password typed into the wrong
/// field must not stay in the append-only log).
fn failed_entry(now: Timestamp, who: &Who, address: Option<&str>, why: &str) -> AuditEntry {
    AuditEntry {
        tenant_id: who.tenant,
        at: now,
        actor_id: who.user,
        actor: who.label.clone(),
        action: AuditAction::SignInFailed.as_str(),
        object_type: "user",
        object_id: who.user,
        detail: serde_json::json!({ "reason": why }),
        address: address.map(str::to_owned),
    }
}

/// Whom a sign-in attempt was about, for the audit log.
struct Who {
    label: String,
    tenant: Option<uuid::Uuid>,
    user: Option<uuid::Uuid>,
}

impl Who {
    fn of(accounts: &[(users::Credentials, String)], email: &str, key: &str) -> Who {
        match accounts {
            [(c, _)] => Who {
                label: email.to_owned(),
                tenant: Some(c.user.tenant_id),
                user: Some(c.user.id),
            },
            [] => Who {
                label: format!("unknown:{}", key.get(..16).unwrap_or(key)),
                tenant: None,
                user: None,
            },
            _ => Who {
                label: email.to_owned(),
                tenant: None,
                user: None,
            },
        }
    }
}

/// Audits a sign-in refused before it was looked at (a control character, say).
pub async fn refused_input(app: &App, email: &str, address: Option<&str>) -> Result<()> {
    let key = app.keyed_hash("sign-in", &email.trim().to_lowercase());
    let who = Who::of(&[], "", &key);
    audit::record(
        &app.db,
        &failed_entry(app.now(), &who, address, "invalid-input"),
    )
    .await?;
    Ok(())
}

fn window_start(now: Timestamp) -> Result<Timestamp> {
    let window = lockout::ADDRESS_WINDOW.as_secs();
    Timestamp::from_second(now.as_second() - now.as_second().rem_euclid(window))
        .map_err(|e| AppError::Internal(e.to_string()))
}

fn retry_after(until: Option<Timestamp>, now: Timestamp) -> AppError {
    let until = until.unwrap_or(now);
    AppError::TooMany {
        retry_after_secs: (until.as_second() - now.as_second()).max(1),
    }
}

/// Whether a code (TOTP or recovery) is good for this account; a good one is used up.
async fn check_code(app: &App, cred: &users::Credentials, code: &str) -> Result<bool> {
    if let Some(secret) = &cred.totp_secret {
        let now = u64::try_from(app.now().as_second()).unwrap_or(0);
        if let Some(step) = totp::matching_step(secret, code, now)? {
            return Ok(users::use_totp_step(&app.db, cred.user.id, step).await?);
        }
    }
    // Recovery codes serve every second factor (a lost phone, a lost key).
    let normal = totp::normalize_recovery(code);
    if normal.len() == 12 {
        let hash = app.keyed_hash("recovery", &format!("{}:{normal}", cred.user.id));
        return Ok(users::use_recovery_code(&app.db, cred.user.id, &hash, app.now()).await?);
    }
    Ok(false)
}

/// Whether the account must present a second factor: it enrolled one, or its centre
/// requires one for its role.
async fn needs_second_factor(app: &App, cred: &users::Credentials) -> Result<bool> {
    if cred.totp_secret.is_some() || has_passkey(app, cred.user.tenant_id, cred.user.id).await? {
        return Ok(true);
    }
    let roles = mittler_db::tenants::settings(&app.db, cred.user.tenant_id)
        .await?
        .second_factor_roles;
    Ok(required_for(&roles, cred.user.role))
}

/// Whether a centre's setting (comma-separated roles) requires a second factor of a role.
pub fn required_for(roles: &str, role: mittler_domain::Role) -> bool {
    roles.split(',').any(|r| r.trim() == role.as_str())
}

/// Counts a failure of an identifier (and of the address) and locks the identifier once
/// its free attempts are used up.
async fn record_failure(app: &App, key: &str, address: &str, now: Timestamp) -> Result<()> {
    let failed = throttle::fail(&app.db, key, now).await?;
    if let Some(until) = lockout::lock_after(failed).and_then(|d| now.checked_add(d).ok()) {
        throttle::extend_lock(&app.db, key, until).await?;
    }
    throttle::hit(&app.db, address, window_start(now)?).await?;
    Ok(())
}

/// Signs in with e-mail and password alone (scripts, tools, tests): a user who needs a
/// second factor gets [`AppError::SecondFactorRequired`].
pub async fn sign_in(
    app: &App,
    email: &str,
    password: &str,
    address: Option<&str>,
    kind: Kind,
) -> Result<SignedIn> {
    let a = Attempt {
        email,
        password,
        tenant: None,
        code: None,
        address,
        kind,
    };
    match attempt(app, &a).await? {
        Outcome::Done(s) => Ok(*s),
        Outcome::NeedsCode { .. } => Err(AppError::SecondFactorRequired),
    }
}

/// One sign-in attempt, with everything that was typed.
pub async fn attempt(app: &App, a: &Attempt<'_>) -> Result<Outcome> {
    let now = app.now();
    let email = a.email.trim().to_lowercase();
    let key = app.keyed_hash("sign-in", &email);
    let addr = a.address.unwrap_or("unknown");
    // An address that fails often waits longer each time; it is never locked out.
    let failures = throttle::count(&app.db, addr, window_start(now)?).await?;
    let delay = lockout::address_delay(
        u32::try_from(failures).unwrap_or(u32::MAX),
        app.address_free_failures,
    );
    if !delay.is_zero() {
        app.clock.pause(delay).await;
    }
    let mut accounts = users::by_email(&app.db, &email).await?;
    if let Some(slug) = a.tenant.map(str::trim).filter(|s| !s.is_empty()) {
        accounts.retain(|(_, s)| s == slug);
    }
    let who = Who::of(&accounts, &email, &key);
    // One lock per typed identifier, known or not: the answer tells nothing.
    let lock = throttle::lock(&app.db, &key).await?;
    let mut code_used = false;
    if lockout::is_locked(lock.locked_until, now) {
        // A valid second factor first lets the password be checked through the lock.
        let mut opened = None;
        if let Some(code) = a.code.filter(|c| !c.trim().is_empty()) {
            for (cred, _) in &accounts {
                if check_code(app, cred, code).await? {
                    opened = Some(cred.user.id);
                    break;
                }
            }
        }
        if let Some(id) = opened {
            accounts.retain(|(c, _)| c.user.id == id);
        } else {
            audit::record(&app.db, &failed_entry(now, &who, a.address, "locked")).await?;
            return Err(retry_after(lock.locked_until, now));
        }
        code_used = true;
    }
    let mut matched = Vec::new();
    if accounts.is_empty() {
        // Unknown addresses cost as much time as a wrong password.
        app.verify(a.password, DUMMY_HASH).await;
    }
    for (cred, slug) in &accounts {
        if app.verify(a.password, &cred.password_hash).await && cred.user.active {
            matched.push((cred.clone(), slug.clone()));
        }
    }
    let (cred, _slug) = match matched.len() {
        0 => {
            record_failure(app, &key, addr, now).await?;
            let why = if accounts.iter().any(|(c, _)| !c.user.active) && accounts.len() == 1 {
                "inactive"
            } else if accounts.is_empty() {
                "unknown"
            } else {
                "password"
            };
            audit::record(&app.db, &failed_entry(now, &who, a.address, why)).await?;
            return Err(AppError::Unauthorized);
        }
        1 => matched.remove(0),
        // Only a person who knows the password learns in which centres it opens an account.
        _ => {
            return Err(AppError::ChooseTenant(
                matched.into_iter().map(|(_, s)| s).collect(),
            ));
        }
    };
    if !code_used && needs_second_factor(app, &cred).await? {
        match a.code.filter(|c| !c.trim().is_empty()) {
            Some(code) => {
                if !check_code(app, &cred, code).await? {
                    record_failure(app, &key, addr, now).await?;
                    audit::record(
                        &app.db,
                        &failed_entry(now, &who, a.address, "second-factor"),
                    )
                    .await?;
                    return Err(AppError::Unauthorized);
                }
            }
            _ if a.kind == Kind::Web
                && (cred.totp_secret.is_some()
                    || has_passkey(app, cred.user.tenant_id, cred.user.id).await?) =>
            {
                let pending = random_token();
                let until = now
                    .checked_add(PENDING)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                sessions::create_pending(
                    &app.db,
                    &token_hash(&pending),
                    cred.user.tenant_id,
                    cred.user.id,
                    &key,
                    until,
                )
                .await?;
                return Ok(Outcome::NeedsCode { pending });
            }
            // Required by the role but not enrolled yet: the browser signs in and asks
            // for enrolment before anything else; a token is not given.
            _ if a.kind == Kind::Web => {}
            _ => return Err(AppError::SecondFactorRequired),
        }
    }
    throttle::clear(&app.db, &key).await?;
    let signed = start_session(app, &cred.user, a.address, a.kind).await?;
    Ok(Outcome::Done(Box::new(signed)))
}

/// The second step of a web sign-in: the code for a correct password.
pub async fn complete(
    app: &App,
    pending: &str,
    code: &str,
    address: Option<&str>,
) -> Result<SignedIn> {
    let step = pending_step(app, pending).await?;
    if !step.cred.user.active || !check_code(app, &step.cred, code).await? {
        return Err(step.failed(app, address).await);
    }
    step.passed(app, address).await
}

/// A sign-in waiting for its second factor, one more attempt counted.
struct PendingStep {
    hash: String,
    pending: sessions::Pending,
    cred: users::Credentials,
}

/// The waiting sign-in behind a token; `NotFound` when it expired or was tried too often
/// (the person starts again with the password).
async fn pending_step(app: &App, pending: &str) -> Result<PendingStep> {
    let hash = token_hash(pending);
    let Some(p) = sessions::pending_attempt(&app.db, &hash, app.now()).await? else {
        return Err(AppError::NotFound);
    };
    if p.attempts > PENDING_ATTEMPTS {
        sessions::delete_pending(&app.db, &hash).await?;
        return Err(AppError::NotFound);
    }
    let cred = users::credentials(&app.db, p.tenant_id, p.user_id).await?;
    Ok(PendingStep {
        hash,
        pending: p,
        cred,
    })
}

impl PendingStep {
    /// A wrong second factor: counted like a wrong password, audited.
    async fn failed(&self, app: &App, address: Option<&str>) -> AppError {
        let now = app.now();
        let who = Who {
            label: self.cred.user.email.clone(),
            tenant: Some(self.cred.user.tenant_id),
            user: Some(self.cred.user.id),
        };
        let recorded = async {
            record_failure(app, &self.pending.key, address.unwrap_or("unknown"), now).await?;
            audit::record(&app.db, &failed_entry(now, &who, address, "second-factor")).await?;
            Ok::<(), AppError>(())
        };
        match recorded.await {
            Ok(()) => AppError::Unauthorized,
            Err(e) => e,
        }
    }

    /// The right second factor: the waiting sign-in becomes a session.
    async fn passed(self, app: &App, address: Option<&str>) -> Result<SignedIn> {
        sessions::delete_pending(&app.db, &self.hash).await?;
        throttle::clear(&app.db, &self.pending.key).await?;
        start_session(app, &self.cred.user, address, Kind::Web).await
    }
}

/// Checks the password before a second factor is removed, and refuses to remove the
/// last one where the centre requires one of the role (`remaining`: another one stays).
async fn may_remove_factor(
    app: &App,
    current: &CurrentSession,
    password: &str,
    remaining: bool,
) -> Result<()> {
    let a = &current.actor;
    let cred = users::credentials(&app.db, a.tenant_id, a.user_id).await?;
    if !app.verify(password, &cred.password_hash).await {
        return Err(AppError::Invalid(FieldErrors::single(
            "password",
            "wrong-password",
        )));
    }
    let roles = mittler_db::tenants::settings(&app.db, a.tenant_id)
        .await?
        .second_factor_roles;
    if required_for(&roles, a.role) && !remaining {
        return Err(AppError::Invalid(FieldErrors::single(
            "password",
            "second-factor-required",
        )));
    }
    Ok(())
}

/// A browser session for an account the centre's identity provider vouched for.
pub(crate) async fn start_sso_session(
    app: &App,
    user: &User,
    address: Option<&str>,
) -> Result<SignedIn> {
    let signed = start_session(app, user, address, Kind::Web).await?;
    Ok(signed)
}

async fn start_session(
    app: &App,
    user: &User,
    address: Option<&str>,
    kind: Kind,
) -> Result<SignedIn> {
    let now = app.now();
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
            address,
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

/// The session of a cookie or bearer token, if valid: unexpired, its user active, and
/// for the browser not idle longer than the centre allows.
pub async fn session(
    app: &App,
    token: &str,
    kind: Kind,
    address: Option<&str>,
) -> Result<Option<CurrentSession>> {
    session_by_hash(app, &token_hash(token), kind, address).await
}

/// The web session of an open live stream, checked again without counting as activity
/// (an open page alone does not keep a session from its idle time-out).
pub async fn stream_session(app: &App, hash: &str) -> Result<Option<CurrentSession>> {
    lookup(app, hash, Kind::Web, None, false).await
}

async fn session_by_hash(
    app: &App,
    hash: &str,
    kind: Kind,
    address: Option<&str>,
) -> Result<Option<CurrentSession>> {
    lookup(app, hash, kind, address, true).await
}

async fn lookup(
    app: &App,
    hash: &str,
    kind: Kind,
    address: Option<&str>,
    touch: bool,
) -> Result<Option<CurrentSession>> {
    let now = app.now();
    let Some(s) = sessions::find(&app.db, hash, kind, now).await? else {
        return Ok(None);
    };
    let last = s.last_seen_at.map(|t| t.0).unwrap_or(now);
    let idle = SignedDuration::from_mins(i64::from(s.idle_timeout_min.max(1)));
    if kind == Kind::Web && now.duration_since(last) > idle {
        sessions::delete(&app.db, hash).await?;
        return Ok(None);
    }
    // Noted at most once a minute, to spare the database a write per request.
    if touch && now.duration_since(last) >= SignedDuration::from_mins(1) {
        sessions::touch(&app.db, hash, now).await?;
    }
    let cred = users::credentials(&app.db, s.tenant_id, s.user_id).await?;
    let enrol = cred.totp_secret.is_none() && required_for(&s.second_factor_roles, cred.user.role);
    Ok(Some(CurrentSession {
        actor: Actor::from_user(&cred.user, address.map(str::to_owned)),
        csrf: s.csrf,
        token_hash: hash.to_owned(),
        must_change_password: cred.must_change_password,
        must_enrol: enrol,
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
