//! Mittler's use-cases: each checks who may act, validates, and calls `db`.
//!
//! Time comes from the injected [`Clock`]; handlers in `web` stay thin.

pub mod audit;
pub mod auth;
pub mod billing;
pub mod bus;
mod cache;
pub mod calendar;
pub mod calls;
pub mod catalogue;
pub mod centres;
pub mod clock;
pub mod error;
mod facts;
pub mod funds;
pub mod geocode;
pub mod history;
pub mod i18n;
pub mod institutions;
pub mod keys;
pub mod live;
pub mod local_time;
pub mod mail;
pub mod maintenance;
pub mod mediators;
pub mod notify;
pub mod offers;
pub mod plans;
pub mod privacy;
pub mod push;
pub mod registrations;
pub mod reports;
pub mod requests;
pub mod retention;
pub mod settings;
pub mod signal;
pub mod slip;
pub mod sms;
pub mod sso;
pub mod state;
pub mod tenants;
pub mod totp;
pub mod users;

pub use clock::{Clock, ManualClock, RunningClock, SystemClock};
pub use error::{AppError, Result};
pub use live::{Change, ChangeKind};
pub use mittler_db::Db;

use mittler_domain::user::User;
use mittler_domain::{Action, Role};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use uuid::Uuid;

/// The application: database and clock, shared by every request.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// The address links in e-mails point to (`MITTLER_PUBLIC_URL`).
    pub public_url: String,
    /// The mediator pool and the places of each tenant, kept while unchanged.
    pub(crate) cache: Arc<cache::Cache>,
    /// The public catalogues of the tenants, kept while unchanged.
    pub(crate) catalogues: Arc<catalogue::Store>,
    /// This process as a worker: its name on claims and leases, and how long they last.
    pub(crate) worker: Arc<mail::WorkerId>,
    /// Where messages for every instance go (PostgreSQL's NOTIFY once started).
    pub(crate) bus: Arc<bus::Bus>,
    /// Changes of requests, for live pages of this process.
    pub(crate) events: tokio::sync::broadcast::Sender<Change>,
    hashes: Arc<AtomicU64>,
    /// Records of reads waiting to be written together.
    pub(crate) reads: Arc<audit::Reads>,
    /// Makes invoices, credit notes and statements.
    pub(crate) renderer: Arc<dyn billing::Renderer>,
    /// Whether text messages can be sent (an SMS gateway is configured for the worker).
    pub sms: bool,
    /// Finds the coordinates of places from their address (`MITTLER_GEOCODER_URL`).
    pub geocoder: Option<geocode::Geocoder>,
    /// The installation's secret for keyed hashes (never in the database).
    secret: Arc<keys::Secret>,
    /// The WebAuthn relying party of the public address (none for an IP address).
    pub(crate) webauthn: Option<Arc<webauthn_rs::prelude::Webauthn>>,
    /// Failed sign-ins one network address may make in 15 minutes before it is slowed
    /// down (`MITTLER_SIGNIN_FREE_FAILURES`).
    pub address_free_failures: u32,
    /// Planning runs going on in this process (capped).
    pub(crate) planning: Arc<tokio::sync::Semaphore>,
    /// Changes of calls, for the live pages of mediators in this process.
    pub(crate) call_events: tokio::sync::broadcast::Sender<calls::CallEvent>,
    /// The signalling channels of the video calls in this process.
    pub signals: Arc<signal::Hub>,
    /// Sends push messages to installed phone pages (with the installation's VAPID key).
    pub pusher: Option<Arc<push::Pusher>>,
    /// The STUN and TURN servers browsers use for video calls, as the JSON array of
    /// `RTCIceServer`s (`MITTLER_ICE_SERVERS`; empty on one network).
    pub ice_servers: Arc<str>,
}

impl App {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> App {
        App {
            db,
            clock,
            public_url: "http://127.0.0.1:8080".into(),
            events: tokio::sync::broadcast::channel(256).0,
            bus: Arc::default(),
            worker: Arc::new(mail::WorkerId::new(mail::LEASE_SECS)),
            cache: Arc::default(),
            catalogues: Arc::default(),
            hashes: Arc::new(AtomicU64::new(0)),
            reads: Arc::default(),
            renderer: billing::default_renderer(),
            sms: false,
            geocoder: None,
            secret: Arc::new(keys::Secret::random()),
            address_free_failures: mittler_domain::lockout::ADDRESS_FREE_FAILURES,
            webauthn: None,
            planning: Arc::new(tokio::sync::Semaphore::new(plans::MAX_CONCURRENT_RUNS)),
            call_events: tokio::sync::broadcast::channel(1024).0,
            signals: Arc::default(),
            pusher: None,
            ice_servers: Arc::from("[]"),
        }
    }

    /// Lets this worker's claims of mails and leases of jobs last this long (renewed
    /// while it works; a worker that dies gives them up when they run out).
    pub fn with_worker_lease(mut self, secs: i64) -> App {
        self.worker = Arc::new(mail::WorkerId::new(secs));
        self
    }

    /// Sends push messages with this pusher (its VAPID key from the key file).
    pub fn with_pusher(mut self, pusher: push::Pusher) -> App {
        self.pusher = Some(Arc::new(pusher));
        self
    }

    /// The ICE servers of video calls, a JSON array of `RTCIceServer`s.
    pub fn with_ice_servers(mut self, json: &str) -> App {
        self.ice_servers = Arc::from(json);
        self
    }

    /// Lets one network address fail this often in 15 minutes before it is slowed down
    /// (a city whose staff share one address may raise it).
    pub fn with_address_free_failures(mut self, n: u32) -> App {
        self.address_free_failures = n;
        self
    }

    /// Uses the installation's secret (from its key file) for keyed hashes.
    pub fn with_secret(mut self, secret: keys::Secret) -> App {
        self.secret = Arc::new(secret);
        self
    }

    /// A keyed hash (HMAC-SHA-256, hex) of a value, for one purpose: lets equal values
    /// be recognised without storing them.
    pub fn keyed_hash(&self, purpose: &str, value: &str) -> String {
        self.secret.keyed_hash(purpose, value)
    }

    /// Finds places' coordinates from their address through this geocoder.
    pub fn with_geocoder(mut self, g: geocode::Geocoder) -> App {
        self.geocoder = Some(g);
        self
    }

    /// Says that the worker has an SMS gateway (`MITTLER_SMS_URL`): reminders may go to
    /// mobile numbers.
    pub fn with_sms(mut self, on: bool) -> App {
        self.sms = on;
        self
    }

    /// Replaces the document maker (tests make one fail in the middle of issuing).
    pub fn with_renderer(mut self, renderer: Arc<dyn billing::Renderer>) -> App {
        self.renderer = renderer;
        self
    }

    /// Sets the public address for links in e-mails.
    pub fn with_public_url(mut self, url: &str) -> App {
        self.public_url = url.trim_end_matches('/').to_owned();
        self.webauthn = auth::relying_party(&self.public_url);
        self
    }

    /// Tells open live pages (of every instance) that a request changed.
    pub fn publish(&self, change: Change) {
        bus::publish(self, bus::Message::Request(change));
    }

    pub(crate) fn subscribe(&self) -> tokio::sync::broadcast::Receiver<Change> {
        self.events.subscribe()
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// How many password hashes were evaluated since start (tests prove lockouts with it).
    pub fn password_evaluations(&self) -> u64 {
        self.hashes.load(Ordering::SeqCst)
    }

    fn count_evaluation(&self) {
        self.hashes.fetch_add(1, Ordering::SeqCst);
    }
}

/// The signed-in user on whose behalf a use-case runs.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: Role,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    /// The network address of the request, for the audit log.
    pub address: Option<String>,
}

impl Actor {
    pub fn from_user(u: &User, address: Option<String>) -> Actor {
        Actor {
            user_id: u.id,
            tenant_id: u.tenant_id,
            role: u.role,
            email: u.email.clone(),
            name: u.name.clone(),
            lang: u.lang.clone(),
            institution_id: u.institution_id,
            mediator_id: u.mediator_id,
            provider_id: u.provider_id,
            address,
        }
    }

    /// Whether the actor's role may take the action at all (the one permission model of
    /// [`mittler_domain::role`]); which objects it reaches, the use-case decides.
    pub fn may(&self, action: Action) -> bool {
        self.role.may(action)
    }

    /// Refuses the use-case unless the actor's role may take the action.
    pub fn require(&self, action: Action) -> Result<()> {
        if self.may(action) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// An audit entry for an action of this actor.
    pub(crate) fn audit(
        &self,
        now: jiff::Timestamp,
        action: mittler_domain::audit::AuditAction,
        object_type: &'static str,
        object_id: Option<Uuid>,
        detail: serde_json::Value,
    ) -> mittler_db::audit::AuditEntry {
        mittler_db::audit::AuditEntry {
            tenant_id: Some(self.tenant_id),
            at: now,
            actor_id: Some(self.user_id),
            actor: self.email.clone(),
            action: action.as_str(),
            object_type,
            object_id,
            detail,
            address: self.address.clone(),
        }
    }
}
