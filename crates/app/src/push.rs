//! Web Push (RFC 8030, encrypted by RFC 8291, signed with VAPID by RFC 8292): tells an
//! installed phone page that a call rings, through the push service of the mediator's
//! browser. The VAPID key is Mittler's own (in the key file); no third-party service
//! stands between Mittler and the browser's push service.

use crate::{App, AppError, Result};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use mittler_domain::FieldErrors;
use std::time::Duration;
use uuid::Uuid;
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};
use web_push_native::{Auth, WebPushBuilder, p256};

/// The push services of the browsers (Chrome, Firefox, Edge, Safari): a subscription's
/// endpoint must be on one of these hosts (or a subdomain), so that Mittler never posts
/// to an address a user typed in.
pub const KNOWN_SERVICES: [&str; 5] = [
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "notify.windows.com",
    "push.apple.com",
];

/// How long a push service may keep a message for a phone that is offline: a call
/// rings for minutes, so older news is no news.
const TTL: Duration = Duration::from_secs(120);

/// Sends push messages with the installation's VAPID key.
pub struct Pusher {
    key: ES256KeyPair,
    public: String,
    contact: String,
    client: reqwest::Client,
    /// Hosts (`host` or `host:port`) accepted besides [`KNOWN_SERVICES`]; over plain
    /// http only when they are loopback addresses (a test's push service).
    extra_hosts: Vec<String>,
}

impl std::fmt::Debug for Pusher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pusher({})", self.public)
    }
}

impl Pusher {
    /// A pusher with the VAPID private key (a P-256 scalar) of the key file; `contact`
    /// is the `mailto:` or `https:` address push services may write to.
    pub fn new(private: &[u8; 32], contact: &str, extra_hosts: Vec<String>) -> Result<Pusher> {
        let key = ES256KeyPair::from_bytes(private)
            .map_err(|e| AppError::Internal(format!("VAPID key: {e}")))?;
        let public = B64.encode(key.public_key().public_key().to_bytes_uncompressed());
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| AppError::Internal(format!("push client: {e}")))?;
        Ok(Pusher {
            key,
            public,
            contact: contact.to_owned(),
            client,
            extra_hosts,
        })
    }

    /// The public key browsers subscribe with (`applicationServerKey`), base64url.
    pub fn public_key(&self) -> &str {
        &self.public
    }

    /// Whether Mittler may post to this endpoint.
    pub fn allowed(&self, endpoint: &str) -> bool {
        let Ok(url) = url::Url::parse(endpoint) else {
            return false;
        };
        let Some(host) = url.host_str() else {
            return false;
        };
        let with_port = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_owned(),
        };
        let extra = self
            .extra_hosts
            .iter()
            .any(|h| *h == with_port || *h == host);
        let loopback = url::Host::parse(host).is_ok_and(|h| match h {
            url::Host::Ipv4(a) => a.is_loopback(),
            url::Host::Ipv6(a) => a.is_loopback(),
            url::Host::Domain(_) => false,
        });
        match url.scheme() {
            "https" => {
                extra
                    || KNOWN_SERVICES
                        .iter()
                        .any(|k| host == *k || host.ends_with(&format!(".{k}")))
            }
            "http" => extra && loopback,
            _ => false,
        }
    }

    /// Sends one message; `Ok(false)` when the push service says the subscription is gone.
    async fn send(&self, s: &Target, body: &[u8]) -> Result<bool> {
        let endpoint: http::Uri = s
            .endpoint
            .parse()
            .map_err(|_| AppError::Internal("push endpoint".into()))?;
        let ua_public = p256::PublicKey::from_sec1_bytes(&s.p256dh)
            .map_err(|_| AppError::Internal("push key".into()))?;
        let auth: [u8; 16] = s
            .auth
            .as_slice()
            .try_into()
            .map_err(|_| AppError::Internal("push secret".into()))?;
        let auth = Auth::from(auth);
        let req = WebPushBuilder::new(endpoint, ua_public, auth)
            .with_valid_duration(TTL)
            .with_vapid(&self.key, &self.contact)
            .build(body.to_vec())
            .map_err(|e| AppError::Internal(format!("push: {e}")))?;
        let (parts, body) = req.into_parts();
        let mut out = self.client.post(s.endpoint.as_str()).body(body);
        for (name, value) in &parts.headers {
            out = out.header(name.as_str(), value.as_bytes());
        }
        let resp = out
            .send()
            .await
            .map_err(|e| AppError::Internal(format!("push: {e}")))?;
        match resp.status().as_u16() {
            200..=299 => Ok(true),
            404 | 410 => Ok(false),
            s => Err(AppError::Internal(format!("push service answered {s}"))),
        }
    }
}

/// A subscription to send to, with its keys decoded.
struct Target {
    id: Uuid,
    endpoint: String,
    p256dh: Vec<u8>,
    auth: Vec<u8>,
}

/// A browser's `PushSubscription` as it arrives, checked: the endpoint on a push
/// service, a P-256 public key of 65 bytes and an authentication secret of 16.
pub fn check_subscription(
    pusher: Option<&Pusher>,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> Result<()> {
    let mut e = FieldErrors::new();
    match pusher {
        Some(p) if p.allowed(endpoint) => {}
        _ => e.add("subscription.endpoint", "invalid"),
    }
    let key = B64.decode(p256dh.trim_end_matches('=')).ok();
    if !key.is_some_and(|k| k.len() == 65 && p256::PublicKey::from_sec1_bytes(&k).is_ok()) {
        e.add("subscription.keys.p256dh", "invalid");
    }
    if !B64
        .decode(auth.trim_end_matches('='))
        .is_ok_and(|a| a.len() == 16)
    {
        e.add("subscription.keys.auth", "invalid");
    }
    e.finish(()).map_err(AppError::Invalid)
}

/// What a phone shows for a ringing call: its title and text in the mediator's language,
/// and the page that opens on a tap. Nothing about the client.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Message {
    pub title: String,
    pub body: String,
    pub url: String,
    /// Replaces an earlier notice of the same call.
    pub tag: String,
}

/// Sends `message(lang)` to every subscription of the mediators `to`, at once. Gone
/// subscriptions are forgotten; failures are counted (five in a row drop one).
pub async fn notify(
    app: &App,
    tenant: Uuid,
    to: &[Uuid],
    message: impl Fn(&str) -> Message,
) -> Result<usize> {
    let Some(pusher) = app.pusher.clone() else {
        return Ok(0);
    };
    let subs = mittler_db::calls::mediator_subscriptions(&app.db, tenant).await?;
    let mut tasks = tokio::task::JoinSet::new();
    for s in subs
        .into_iter()
        .filter(|s| s.mediator_id.is_some_and(|m| to.contains(&m)))
    {
        let (Ok(p256dh), Ok(auth)) = (B64.decode(&s.p256dh), B64.decode(&s.auth)) else {
            continue;
        };
        let body = serde_json::to_vec(&message(&s.lang)).unwrap_or_default();
        let target = Target {
            id: s.id,
            endpoint: s.endpoint,
            p256dh,
            auth,
        };
        let pusher = pusher.clone();
        tasks.spawn(async move { (target.id, pusher.send(&target, &body).await) });
    }
    let mut sent = 0;
    while let Some(done) = tasks.join_next().await {
        let Ok((id, outcome)) = done else { continue };
        match outcome {
            Ok(true) => sent += 1,
            Ok(false) => mittler_db::calls::unsubscribe(&app.db, id).await?,
            Err(e) => {
                tracing::warn!(error = %e, "a push message was not delivered");
                mittler_db::calls::push_failed(&app.db, id).await?;
            }
        }
    }
    Ok(sent)
}
