//! A push service on loopback, for the tests and the calls benchmark: it stands where a
//! browser's push service (and the browser behind it) would stand. Each subscription has
//! its own keys, as a browser makes them; a message is accepted only with a valid VAPID
//! signature (RFC 8292) for this service's origin, and is decrypted (RFC 8291) with the
//! subscription's private key, as the browser would. Subscription `gone` answers 410.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256PublicKey};
use web_push_native::jwt_simple::claims::NoCustomClaims;
use web_push_native::jwt_simple::common::VerificationOptions;
use web_push_native::p256;
use web_push_native::p256::elliptic_curve::sec1::ToEncodedPoint;

/// A subscription as a browser would make it: its keys stay here.
pub struct Subscriber {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    secret: p256::SecretKey,
    auth_bytes: [u8; 16],
}

/// A message the service accepted, decrypted.
#[derive(Debug, Clone)]
pub struct Received {
    pub subscription: String,
    pub at: Instant,
    pub payload: serde_json::Value,
    pub ttl: Option<String>,
}

#[derive(Default)]
struct Inner {
    subscribers: Vec<(String, p256::SecretKey, [u8; 16])>,
    received: Vec<Received>,
    refused: usize,
}

/// The service: its address, and what it received.
#[derive(Clone)]
pub struct PushService {
    pub origin: String,
    /// The VAPID public key (base64url) a message must be signed with.
    vapid: String,
    inner: Arc<Mutex<Inner>>,
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(s: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .ok()
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    for chunk in out.chunks_mut(16) {
        let r = uuid::Uuid::new_v4();
        let src = r.as_bytes();
        chunk.copy_from_slice(src.get(..chunk.len()).unwrap_or_default());
    }
    out
}

impl PushService {
    /// Starts the service on a free loopback port; it accepts messages signed with the
    /// VAPID public key `vapid` (base64url).
    pub async fn start(vapid: &str) -> std::io::Result<PushService> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let service = PushService {
            origin,
            vapid: vapid.to_owned(),
            inner: Arc::default(),
        };
        let app = Router::new()
            .route("/push/{id}", post(receive))
            .with_state(service.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(service)
    }

    /// The `host:port` to allow (`MITTLER_PUSH_HOSTS`).
    pub fn host(&self) -> String {
        self.origin.trim_start_matches("http://").to_owned()
    }

    /// A new subscription (a browser's `PushSubscription`).
    pub fn subscribe(&self, name: &str) -> Subscriber {
        let secret = loop {
            if let Ok(k) = p256::SecretKey::from_slice(&random_bytes::<32>()) {
                break k;
            }
        };
        let auth_bytes = random_bytes::<16>();
        let public = secret.public_key().as_affine().to_encoded_point(false);
        if let Ok(mut i) = self.inner.lock() {
            i.subscribers
                .push((name.to_owned(), secret.clone(), auth_bytes));
        }
        Subscriber {
            endpoint: format!("{}/push/{name}", self.origin),
            p256dh: b64(public.as_bytes()),
            auth: b64(&auth_bytes),
            secret,
            auth_bytes,
        }
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.inner
            .lock()
            .map(|i| i.received.clone())
            .unwrap_or_default()
    }

    /// Messages refused (a bad signature, or not decryptable).
    pub fn refused(&self) -> usize {
        self.inner.lock().map(|i| i.refused).unwrap_or(0)
    }

    /// Waits until `n` messages arrived (or `timeout` passed).
    pub async fn wait_for(&self, n: usize, timeout: std::time::Duration) -> Vec<Received> {
        let until = Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > until {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }
}

impl Subscriber {
    /// Decrypts a message body for this subscription.
    pub fn decrypt(&self, body: &[u8]) -> Option<Vec<u8>> {
        let auth = web_push_native::Auth::from(self.auth_bytes);
        web_push_native::decrypt(body.to_vec(), &self.secret, &auth).ok()
    }
}

/// Checks the `Authorization: vapid t=JWT, k=KEY` header against the expected key and
/// this service's origin.
fn vapid_ok(headers: &HeaderMap, origin: &str, expected_key: &str) -> bool {
    let Some(h) = headers.get("authorization").and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some(rest) = h.strip_prefix("vapid ") else {
        return false;
    };
    let mut token = None;
    let mut key = None;
    for part in rest.split(',').map(str::trim) {
        if let Some(t) = part.strip_prefix("t=") {
            token = Some(t);
        } else if let Some(k) = part.strip_prefix("k=") {
            key = Some(k);
        }
    }
    let (Some(token), Some(key)) = (token, key) else {
        return false;
    };
    if key != expected_key {
        return false;
    }
    let Some(raw) = unb64(key) else { return false };
    let Ok(public) = ES256PublicKey::from_bytes(&raw) else {
        return false;
    };
    // The audience is the push resource's scheme and host (on the default port of a
    // real push service the origin; the signing library leaves a port out).
    let audience = origin.rsplit_once(':').map_or(origin, |(a, _)| a);
    let options = VerificationOptions {
        allowed_audiences: Some(std::collections::HashSet::from([audience.to_owned()])),
        ..VerificationOptions::default()
    };
    public
        .verify_token::<NoCustomClaims>(token, Some(options))
        .is_ok_and(|c| c.subject.is_some())
}

async fn receive(
    State(s): State<PushService>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    if id == "gone" {
        return StatusCode::GONE;
    }
    let at = Instant::now();
    let encoding_ok = headers
        .get("content-encoding")
        .is_some_and(|v| v == "aes128gcm");
    let Ok(mut inner) = s.inner.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR;
    };
    let key = inner
        .subscribers
        .iter()
        .find(|(n, _, _)| *n == id)
        .map(|(_, k, a)| (k.clone(), *a));
    let Some((secret, auth)) = key else {
        return StatusCode::NOT_FOUND;
    };
    if !encoding_ok || !vapid_ok(&headers, &s.origin, &s.vapid) {
        inner.refused += 1;
        return StatusCode::UNAUTHORIZED;
    }
    let plain =
        web_push_native::decrypt(body.to_vec(), &secret, &web_push_native::Auth::from(auth))
            .ok()
            .and_then(|p| serde_json::from_slice(&p).ok());
    let Some(payload) = plain else {
        inner.refused += 1;
        return StatusCode::BAD_REQUEST;
    };
    inner.received.push(Received {
        subscription: id,
        at,
        payload,
        ttl: headers
            .get("ttl")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    });
    StatusCode::CREATED
}
