//! The test world: two tenants with a user of every role, objects of each kind,
//! the real router driven in-process, a manual clock.

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use mittler_app::{Actor, App, ManualClock, institutions, mediators, tenants};
use mittler_db::testing::TestDb;
use mittler_domain::Role;
use mittler_domain::institution::{InstitutionInput, PlaceInput};
use mittler_domain::mediator::{MediatorInput, SkillInput, WindowInput};
use mittler_web::{AppState, WebConfig};
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use tower::ServiceExt;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery staple";

/// The roles in the order of the policy table's columns (after "anonymous").
pub const ROLES: [Role; 6] = [
    Role::Admin,
    Role::Coordinator,
    Role::Institution,
    Role::Mediator,
    Role::Provider,
    Role::State,
];

pub struct Tenant {
    pub id: Uuid,
    /// Role -> (user id, e-mail).
    pub users: HashMap<Role, (Uuid, String)>,
    /// A second coordinator: "another user" of the tenant.
    pub extra_user: (Uuid, String),
    /// The institution of the institution user, and another one.
    pub inst_own: Uuid,
    pub inst_other: Uuid,
    /// The mediator of the mediator user, and another one.
    pub med_own: Uuid,
    pub med_other: Uuid,
    /// A request of the own institution, confirmed for the own mediator.
    pub req_own: Uuid,
    /// A request of the other institution, open.
    pub req_other: Uuid,
    /// Open invitations (on a third request) to the own and the other mediator.
    pub inv_own: Uuid,
    pub inv_other: Uuid,
    pub slug: String,
    /// The provider of the provider user, and another one.
    pub prov_own: Uuid,
    pub prov_other: Uuid,
    /// A published offer of the own provider (first come, 30 places), a draft of the other.
    pub offer_own: Uuid,
    pub offer_other: Uuid,
}

/// An offer input: a weekly swimming course for children in 2027, `capacity` places.
pub fn offer_input(title: &str, capacity: i64) -> mittler_domain::offer::OfferInput {
    use mittler_domain::offer::{OfferInput, ScheduleInput, TextInput};
    OfferInput {
        texts: vec![
            TextInput {
                lang: "de".into(),
                title: title.into(),
                description: "Für Kinder, die schwimmen lernen möchten.".into(),
            },
            TextInput {
                lang: "ar".into(),
                title: "دورة سباحة للأطفال".into(),
                description: "للأطفال الذين يريدون تعلم السباحة.".into(),
            },
        ],
        category: "swimming".into(),
        target_groups: vec!["children".into(), "newly_arrived".into()],
        age_min: Some(6),
        age_max: Some(12),
        languages: vec!["deu".into(), "ara".into()],
        place_name: "Hallenbad Mitte".into(),
        address: "Badweg 1, 45127 Essen".into(),
        district: Some("Stadtmitte".into()),
        lat: Some(51.455),
        lon: Some(7.012),
        accessibility: Some("Aufzug vorhanden".into()),
        schedule: ScheduleInput {
            kind: "weekly".into(),
            weekdays: vec!["we".into()],
            start_time: "15:00".into(),
            end_time: "16:00".into(),
            from: "2027-01-13".into(),
            until: "2027-03-24".into(),
            except: vec!["2027-02-10".into()],
            ..Default::default()
        },
        capacity: Some(capacity),
        registration: "first_come".into(),
        ..Default::default()
    }
}

/// A request input for the fixture mediators (Dari, authority, Mondays 08-16).
pub fn request_input(place: Option<Uuid>, start: &str) -> mittler_domain::request::RequestInput {
    mittler_domain::request::RequestInput {
        place_id: place,
        mode: if place.is_some() {
            "onsite".into()
        } else {
            "phone".into()
        },
        language: "prs".into(),
        sector: "authority".into(),
        start: start.into(),
        duration_min: Some(60),
        gender_preference: "none".into(),
        ..Default::default()
    }
}

pub struct World {
    pub db: TestDb,
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub router: Router,
    pub a: Tenant,
    pub b: Tenant,
}

pub fn institution_input(name: &str) -> InstitutionInput {
    InstitutionInput {
        name: name.into(),
        category: "authority".into(),
        places: vec![PlaceInput {
            id: None,
            name: "Hauptsitz".into(),
            address: "Beispielweg 1, 45127 Essen".into(),
            lat: Some(51.45),
            lon: Some(7.01),
        }],
        ..Default::default()
    }
}

pub fn mediator_input(name: &str, email: &str) -> MediatorInput {
    MediatorInput {
        name: name.into(),
        email: email.into(),
        phone: "+49 157 5550 0001".into(),
        gender: "f".into(),
        languages: vec![SkillInput {
            code: "prs".into(),
            level: "native".into(),
        }],
        sectors: vec!["authority".into(), "medical".into()],
        home_lat: Some(51.45),
        home_lon: Some(7.0),
        remote: true,
        speed_kmh: Some(20),
        max_work_min_per_day: Some(360),
        availability: vec![WindowInput {
            weekday: 1,
            start: "08:00".into(),
            end: "16:00".into(),
        }],
        absences: vec![],
        qualified_on: None,
        pledge_signed_on: None,
    }
}

async fn tenant(app: &App, slug: &str, hash: &str) -> Tenant {
    let now = app.now();
    let t = tenants::add(app, slug, &format!("KI {slug}"))
        .await
        .unwrap();
    let entry = mittler_app::users::system_entry(
        t.id,
        now,
        mittler_domain::audit::AuditAction::Create,
        "user",
        serde_json::json!({}),
    );
    let mk =
        |role: Role, email: String, inst: Option<Uuid>, med: Option<Uuid>, prov: Option<Uuid>| {
            mittler_db::users::NewUser {
                email,
                name: format!("{} {slug}", role.as_str()),
                role,
                password_hash: hash.into(),
                lang: "de".into(),
                institution_id: inst,
                mediator_id: med,
                provider_id: prov,
                must_change_password: false,
            }
        };
    let mut users = HashMap::new();
    let admin_email = format!("admin@{slug}.test");
    let admin_id = mittler_db::users::create(
        &app.db,
        t.id,
        &mk(Role::Admin, admin_email.clone(), None, None, None),
        now,
        &entry,
    )
    .await
    .unwrap();
    users.insert(Role::Admin, (admin_id, admin_email));
    let admin = Actor::from_user(
        &mittler_db::users::get(&app.db, t.id, admin_id)
            .await
            .unwrap(),
        None,
    );
    let inst_own = institutions::create(
        app,
        &admin,
        &institution_input(&format!("Jobcenter {slug}")),
    )
    .await
    .unwrap()
    .id;
    let inst_other =
        institutions::create(app, &admin, &institution_input(&format!("Klinikum {slug}")))
            .await
            .unwrap()
            .id;
    let med_own = mediators::create(
        app,
        &admin,
        &mediator_input("Own Mediator", &format!("m1@{slug}.test")),
    )
    .await
    .unwrap();
    let med_other = mediators::create(
        app,
        &admin,
        &mediator_input("Other Mediator", &format!("m2@{slug}.test")),
    )
    .await
    .unwrap();
    use mittler_app::offers;
    let prov_own = offers::create_provider(app, &admin, &format!("Schwimmverein {slug}"))
        .await
        .unwrap();
    let prov_other = offers::create_provider(app, &admin, &format!("Stadtsportbund {slug}"))
        .await
        .unwrap();
    let offer_own = offers::create(app, &admin, Some(prov_own), &offer_input("Schwimmkurs", 30))
        .await
        .unwrap();
    offers::transition(
        app,
        &admin,
        offer_own,
        mittler_domain::offer::Event::Publish,
        None,
    )
    .await
    .unwrap();
    let offer_other = offers::create(app, &admin, Some(prov_other), &offer_input("Fußball", 20))
        .await
        .unwrap();
    for role in ROLES.iter().skip(1) {
        let email = format!("{}@{slug}.test", role.as_str());
        let (inst, med, prov) = match role {
            Role::Institution => (Some(inst_own), None, None),
            Role::Mediator => (None, Some(med_own), None),
            Role::Provider => (None, None, Some(prov_own)),
            _ => (None, None, None),
        };
        let id = mittler_db::users::create(
            &app.db,
            t.id,
            &mk(*role, email.clone(), inst, med, prov),
            now,
            &entry,
        )
        .await
        .unwrap();
        users.insert(*role, (id, email));
    }
    let extra_email = format!("extra@{slug}.test");
    let extra = mittler_db::users::create(
        &app.db,
        t.id,
        &mk(Role::Coordinator, extra_email.clone(), None, None, None),
        now,
        &entry,
    )
    .await
    .unwrap();
    let own_place = institutions::get(app, &admin, inst_own)
        .await
        .unwrap()
        .places[0]
        .id;
    let other_place = institutions::get(app, &admin, inst_other)
        .await
        .unwrap()
        .places[0]
        .id;
    use mittler_app::requests as rq;
    let req_own = rq::create(
        app,
        &admin,
        Some(inst_own),
        &request_input(Some(own_place), "2026-11-30T10:00"),
    )
    .await
    .unwrap();
    rq::assign(app, &admin, req_own, med_own).await.unwrap();
    let req_other = rq::create(
        app,
        &admin,
        Some(inst_other),
        &request_input(Some(other_place), "2026-11-30T13:00"),
    )
    .await
    .unwrap();
    let req_inv = rq::create(
        app,
        &admin,
        Some(inst_other),
        &request_input(None, "2026-11-30T14:30"),
    )
    .await
    .unwrap();
    let invs = rq::invite(app, &admin, req_inv, &[med_own, med_other], 600)
        .await
        .unwrap();
    Tenant {
        id: t.id,
        req_own,
        req_other,
        inv_own: invs[0],
        inv_other: invs[1],
        users,
        extra_user: (extra, extra_email),
        inst_own,
        inst_other,
        med_own,
        med_other,
        slug: slug.to_owned(),
        prov_own,
        prov_other,
        offer_own,
        offer_other,
    }
}

impl World {
    pub async fn new(db: TestDb) -> World {
        let clock = Arc::new(ManualClock::new("2026-11-25T09:00:00Z".parse().unwrap()));
        let app = App::new(db.db.clone(), clock.clone());
        let hash = mittler_app::auth::hash_password(PASSWORD).await.unwrap();
        let a = tenant(&app, "essen", &hash).await;
        let b = tenant(&app, "bochum", &hash).await;
        let state = AppState {
            app: app.clone(),
            config: Arc::new(WebConfig::default()),
        };
        World {
            router: mittler_web::router(state),
            db,
            app,
            clock,
            a,
            b,
        }
    }

    pub fn backend(&self) -> &'static str {
        self.db.backend()
    }

    /// A bearer token for a role of tenant `a`.
    pub async fn token(&self, role: Role) -> String {
        self.token_of(&self.a, role).await
    }

    /// An API token for a role of tenant `t`.
    pub async fn token_of(&self, t: &Tenant, role: Role) -> String {
        let email = &t.users[&role].1;
        mittler_app::auth::sign_in(
            &self.app,
            email,
            PASSWORD,
            Some("127.0.0.1"),
            mittler_db::sessions::Kind::Api,
        )
        .await
        .unwrap()
        .token
    }

    /// The actor of a role of tenant `a`, for calling use-cases directly.
    pub async fn actor(&self, role: Role) -> Actor {
        let u = mittler_db::users::get(&self.app.db, self.a.id, self.a.users[&role].0)
            .await
            .unwrap();
        Actor::from_user(&u, Some("127.0.0.1".into()))
    }

    /// A web session (token, csrf) for a role of tenant `a`.
    pub async fn session(&self, role: Role) -> (String, String) {
        let email = &self.a.users[&role].1;
        let s = mittler_app::auth::sign_in(
            &self.app,
            email,
            PASSWORD,
            Some("127.0.0.1"),
            mittler_db::sessions::Kind::Web,
        )
        .await
        .unwrap();
        (s.token, s.csrf)
    }

    pub async fn send(&self, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
        let mut req = req;
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        // An event stream never ends: its body is not read here.
        if headers
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("text/event-stream"))
        {
            return (status, headers, String::new());
        }
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    }

    /// Calls the JSON API.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut b = Request::builder()
            .method(Method::from_bytes(method.to_uppercase().as_bytes()).unwrap())
            .uri(path);
        if let Some(t) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some(v) => b
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(v.to_string()))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        let (status, _, text) = self.send(req).await;
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Calls a page; `session` is a web session token, `form` an urlencoded body.
    pub async fn page(
        &self,
        method: &str,
        path: &str,
        session: Option<&str>,
        anon_csrf: &str,
        form: Option<String>,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let mut cookie = format!("mittler_csrf={anon_csrf}");
        if let Some(s) = session {
            cookie.push_str(&format!("; mittler_session={s}"));
        }
        let b = Request::builder()
            .method(Method::from_bytes(method.to_uppercase().as_bytes()).unwrap())
            .uri(path)
            .header(header::COOKIE, cookie)
            .header(header::HOST, "localhost");
        let req = match form {
            Some(f) => b
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(f))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        self.send(req).await
    }
}

/// A fresh world on every backend available.
pub async fn worlds() -> Vec<World> {
    let mut v = Vec::new();
    for db in mittler_db::testing::all().await {
        v.push(World::new(db).await);
    }
    v
}

/// A CSRF token for anonymous forms (any 32+ character value matching the cookie).
pub const ANON_CSRF: &str = "anonymous-csrf-token-for-tests-0123456789";

pub fn enc(s: &str) -> String {
    mittler_web::pages::encode_query(s)
}

/// The field errors of a page, one `field: message` per line, in the order shown: the
/// text a snapshot compares (reviewed with `cargo insta review` when wording changes).
pub fn field_errors(body: &str) -> String {
    body.split("<p class=\"field-error\" id=\"")
        .skip(1)
        .filter_map(|rest| {
            let (id, rest) = rest.split_once("\">")?;
            let (text, _) = rest.split_once("</p>")?;
            Some(format!("{}: {text}\n", id.trim_end_matches("-err")))
        })
        .collect()
}

/// A real OpenID Connect provider on loopback (`oidc-provider` from npm, `tests/oidc`),
/// running until the child is dropped: one client, the given redirect address and
/// accounts (`{id: {email, email_verified}}`). `None` (skipped) without node or its
/// modules, which `scripts/test` installs; under `CI=true` their absence fails.
pub async fn oidc_provider(
    client_id: &str,
    secret: &str,
    redirect: &str,
    accounts: &Value,
) -> Option<(tokio::process::Child, String)> {
    use tokio::io::AsyncBufReadExt;
    let dir = format!("{}/tests/oidc", env!("CARGO_MANIFEST_DIR"));
    let ready = std::path::Path::new(&format!("{dir}/node_modules/oidc-provider")).exists()
        && std::process::Command::new("node")
            .arg("--version")
            .output()
            .is_ok();
    if !ready {
        assert!(
            !mittler_db::testing::in_ci(),
            "node and {dir}/node_modules are needed (scripts/test installs them)"
        );
        eprintln!("skipped: no node or no {dir}/node_modules (run scripts/test)");
        return None;
    }
    let mut child = tokio::process::Command::new("node")
        .arg(format!("{dir}/provider.mjs"))
        .arg("0")
        .env("OIDC_CLIENT_ID", client_id)
        .env("OIDC_CLIENT_SECRET", secret)
        .env("OIDC_REDIRECT_URIS", redirect)
        .env("OIDC_ACCOUNTS", accounts.to_string())
        .env("EXIT_ON_STDIN_EOF", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut line = String::new();
    let out = child.stdout.take().unwrap();
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        tokio::io::BufReader::new(out).read_line(&mut line),
    )
    .await
    .unwrap()
    .unwrap();
    Some((child, line.trim().to_owned()))
}

/// `n` mediators of tenant `a` (Dari, authority and medical, remote, available every day
/// all day), each with an account: (mediator id, API token).
pub async fn mediators_with_tokens(w: &World, n: usize, tag: &str) -> Vec<(Uuid, String)> {
    let admin = w.actor(Role::Admin).await;
    let mut out = Vec::new();
    for i in 0..n {
        let email = format!("{tag}{i}@example.org");
        let mut input = mediator_input(&format!("{tag} {i}"), &email);
        input.availability = (1..=7)
            .map(|d| WindowInput {
                weekday: d,
                start: "00:00".into(),
                end: "24:00".into(),
            })
            .collect();
        input.max_work_min_per_day = Some(720);
        let id = mediators::create(&w.app, &admin, &input).await.unwrap();
        let user = mittler_domain::user::UserInput {
            email: email.clone(),
            name: format!("{tag} {i}"),
            role: "mediator".into(),
            password: "racing password 123".into(),
            mediator_id: Some(id),
            ..Default::default()
        };
        mittler_app::users::create_in(&w.app, w.a.id, &user, None)
            .await
            .unwrap();
        let token = mittler_app::auth::sign_in(
            &w.app,
            &email,
            "racing password 123",
            None,
            mittler_db::sessions::Kind::Api,
        )
        .await
        .unwrap()
        .token;
        out.push((id, token));
    }
    out
}
