//! Single sign-on with OpenID Connect (authorization code with PKCE, the `openidconnect`
//! crate) against each centre's identity provider: the e-mail claim (verified by the
//! provider) names an existing active account of that centre; nobody is created by a
//! login. The city's provider does the authentication (and its own second factor).

use crate::auth::{self, SignedIn};
use crate::{Actor, App, AppError, Result};
use mittler_db::passkeys as ceremonies;
use mittler_db::tenants::{self, Sso};
use mittler_domain::FieldErrors;
use mittler_domain::audit::AuditAction;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

/// How long a sign-in at the provider may take.
const FLOW: jiff::SignedDuration = jiff::SignedDuration::from_mins(10);

/// The path the provider sends the browser back to (register `PUBLIC_URL` + this).
pub const CALLBACK_PATH: &str = "/login/sso/callback";

/// What is kept while the browser is at the provider.
#[derive(Serialize, Deserialize)]
struct Flow {
    tenant: uuid::Uuid,
    issuer: String,
    nonce: String,
    verifier: String,
    next: String,
    /// The hash of the browser's flow cookie: the answer must come back to that browser.
    browser: String,
}

fn http() -> Result<reqwest::Client> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| AppError::Internal(format!("sso http: {e}")))
}

fn redirect_url(app: &App) -> Result<RedirectUrl> {
    RedirectUrl::new(format!("{}{CALLBACK_PATH}", app.public_url))
        .map_err(|e| AppError::Internal(format!("sso redirect: {e}")))
}

fn unavailable() -> AppError {
    AppError::Invalid(FieldErrors::single("sso", "sso-unavailable"))
}

/// The centres that offer single sign-on: (slug, name).
pub async fn centres(app: &App) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for t in tenants::list(&app.db).await? {
        let s = tenants::sso(&app.db, t.id).await?;
        if !s.sso_issuer.is_empty() && !s.sso_client_id.is_empty() {
            out.push((t.slug, t.name));
        }
    }
    Ok(out)
}

/// Starts a sign-in at the centre's provider: the address to send the browser to.
/// `browser` is a fresh secret the caller keeps in a cookie until the answer comes back.
pub async fn begin(app: &App, slug: &str, next: &str, browser: &str) -> Result<String> {
    let tenant = tenants::by_slug(&app.db, slug)
        .await?
        .ok_or_else(unavailable)?;
    let sso = tenants::sso(&app.db, tenant.id).await?;
    if sso.sso_issuer.is_empty() || sso.sso_client_id.is_empty() {
        return Err(unavailable());
    }
    let http = http()?;
    let issuer = IssuerUrl::new(sso.sso_issuer.clone()).map_err(|_| unavailable())?;
    let metadata = CoreProviderMetadata::discover_async(issuer, &http)
        .await
        .map_err(|e| {
            tracing::warn!("sso discovery for {slug}: {e}");
            unavailable()
        })?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(sso.sso_client_id.clone()),
        Some(ClientSecret::new(sso.sso_client_secret.clone())),
    )
    .set_redirect_uri(redirect_url(app)?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".to_owned()))
        .set_pkce_challenge(challenge)
        .url();
    let flow = Flow {
        tenant: tenant.id,
        issuer: sso.sso_issuer,
        nonce: nonce.secret().clone(),
        verifier: verifier.secret().clone(),
        next: next.to_owned(),
        browser: auth::token_hash(browser),
    };
    let until = app
        .now()
        .checked_add(FLOW)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let json = serde_json::to_string(&flow).map_err(|e| AppError::Internal(e.to_string()))?;
    ceremonies::put_ceremony(&app.db, &format!("sso:{}", state.secret()), &json, until).await?;
    Ok(url.to_string())
}

/// What came back from the provider.
pub struct Answer<'a> {
    pub code: &'a str,
    pub state: &'a str,
    /// The `iss` parameter (RFC 9207), where the provider sends it.
    pub iss: Option<&'a str>,
    /// The browser's flow cookie.
    pub browser: &'a str,
    pub address: Option<&'a str>,
}

/// Finishes the sign-in: checks state, browser, issuer, token and nonce, and signs in the
/// account whose verified e-mail the provider names. Returns the session and where to go.
pub async fn finish(app: &App, a: &Answer<'_>) -> Result<(SignedIn, String)> {
    let Some(json) =
        ceremonies::take_ceremony(&app.db, &format!("sso:{}", a.state), app.now()).await?
    else {
        return Err(AppError::NotFound);
    };
    let flow: Flow = serde_json::from_str(&json).map_err(|e| AppError::Internal(e.to_string()))?;
    if flow.browser != auth::token_hash(a.browser) {
        return Err(AppError::NotFound);
    }
    // Another centre's provider may not answer for this one (mix-up, RFC 9207).
    if a.iss
        .is_some_and(|iss| iss.trim_end_matches('/') != flow.issuer.trim_end_matches('/'))
    {
        return Err(AppError::Unauthorized);
    }
    let sso = tenants::sso(&app.db, flow.tenant).await?;
    if sso.sso_issuer != flow.issuer {
        return Err(AppError::Unauthorized);
    }
    let http = http()?;
    let issuer = IssuerUrl::new(flow.issuer.clone()).map_err(|_| unavailable())?;
    let metadata = CoreProviderMetadata::discover_async(issuer, &http)
        .await
        .map_err(|_| unavailable())?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(sso.sso_client_id.clone()),
        Some(ClientSecret::new(sso.sso_client_secret.clone())),
    )
    .set_redirect_uri(redirect_url(app)?);
    let token = client
        .exchange_code(AuthorizationCode::new(a.code.to_owned()))
        .map_err(|_| unavailable())?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier.clone()))
        .request_async(&http)
        .await
        .map_err(|e| {
            tracing::warn!("sso token exchange: {e}");
            AppError::Unauthorized
        })?;
    let id_token = token.id_token().ok_or(AppError::Unauthorized)?;
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(flow.nonce.clone()))
        .map_err(|e| {
            tracing::warn!("sso id token: {e}");
            AppError::Unauthorized
        })?;
    let email = match (claims.email(), claims.email_verified()) {
        (Some(e), Some(true)) => e.as_str().trim().to_lowercase(),
        _ => return Err(AppError::Unauthorized),
    };
    let account = mittler_db::users::by_email(&app.db, &email)
        .await?
        .into_iter()
        .map(|(c, _)| c)
        .find(|c| c.user.tenant_id == flow.tenant && c.user.active);
    let Some(cred) = account else {
        // Nobody is created by a login.
        let entry = mittler_db::audit::AuditEntry {
            tenant_id: Some(flow.tenant),
            at: app.now(),
            actor_id: None,
            actor: format!(
                "sso:{}",
                app.keyed_hash("sign-in", &email).get(..16).unwrap_or("")
            ),
            action: AuditAction::SignInFailed.as_str(),
            object_type: "user",
            object_id: None,
            detail: serde_json::json!({ "reason": "sso-no-account" }),
            address: a.address.map(str::to_owned),
        };
        mittler_db::audit::record(&app.db, &entry).await?;
        return Err(AppError::Forbidden);
    };
    let signed = auth::start_sso_session(app, &cred.user, a.address).await?;
    Ok((signed, flow.next))
}

/// The centre's single sign-on settings, the secret left out (admins).
pub async fn get(app: &App, actor: &Actor) -> Result<(String, String, bool)> {
    actor.require(mittler_domain::Action::ChangeSettings)?;
    let s = tenants::sso(&app.db, actor.tenant_id).await?;
    Ok((
        s.sso_issuer,
        s.sso_client_id,
        !s.sso_client_secret.is_empty(),
    ))
}

/// Sets the centre's provider; an empty secret keeps the one stored. The issuer must be an
/// `https://` address (or `http://` on this machine, for tests), without a trailing slash.
pub async fn set(
    app: &App,
    actor: &Actor,
    issuer: &str,
    client_id: &str,
    secret: &str,
) -> Result<()> {
    actor.require(mittler_domain::Action::ChangeSettings)?;
    let issuer = issuer.trim();
    let client_id = client_id.trim();
    let mut e = FieldErrors::new();
    if !issuer.is_empty() {
        let local =
            issuer.starts_with("http://127.0.0.1") || issuer.starts_with("http://localhost");
        if !(issuer.starts_with("https://") || local)
            || issuer.ends_with('/')
            || IssuerUrl::new(issuer.to_owned()).is_err()
        {
            e.add("sso_issuer", "invalid-issuer");
        }
        if client_id.is_empty() {
            e.add("sso_client_id", "required");
        }
    }
    if client_id.chars().count() > 200 {
        e.add("sso_client_id", "too-long");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let current = tenants::sso(&app.db, actor.tenant_id).await?;
    let new = Sso {
        sso_issuer: issuer.to_owned(),
        sso_client_id: client_id.to_owned(),
        sso_client_secret: if secret.trim().is_empty() {
            current.sso_client_secret
        } else {
            secret.trim().to_owned()
        },
    };
    let entry = actor.audit(
        app.now(),
        AuditAction::Update,
        "settings",
        Some(actor.tenant_id),
        serde_json::json!({ "sso_issuer": new.sso_issuer, "sso_client_id": new.sso_client_id }),
    );
    tenants::set_sso(&app.db, actor.tenant_id, &new, &entry).await?;
    Ok(())
}
