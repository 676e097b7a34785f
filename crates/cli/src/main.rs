//! The `mittler` binary: serve, migrate, tenant, user.

mod demo;
mod ops;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use mittler_app::{App, SystemClock};
use mittler_db::Db;
use mittler_domain::user::UserInput;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "mittler",
    version,
    about = "Language mediation and integration offers for municipal integration centres"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Args, Clone)]
struct DbArgs {
    /// sqlite://PATH (created on first use) or postgres://USER@HOST/DB
    #[arg(
        long,
        env = "MITTLER_DATABASE_URL",
        default_value = "sqlite://mittler.db"
    )]
    database_url: String,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface and the API (the default).
    Serve {
        #[arg(long, env = "MITTLER_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        #[command(flatten)]
        db: DbArgs,
        /// Seed the demo tenant `essen` and show its logins on the sign-in page.
        #[arg(long)]
        demo: bool,
        /// Leave sending mail and expiring invitations to a separate `mittler worker`.
        #[arg(long)]
        no_worker: bool,
    },
    /// Send e-mail and expire invitations in a process of its own (serve does it too unless --no-worker).
    Worker {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Plan a day: a plan-format.md instance in, a solution on standard output.
    Plan {
        instance: std::path::PathBuf,
        /// Seconds to search (the plan improves until then).
        #[arg(long, default_value_t = 10.0)]
        time_limit: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Stop after this many improvement rounds per thread (reproducible runs).
        #[arg(long)]
        iterations: Option<u64>,
    },
    /// Apply pending database migrations.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Manage tenants (integration centres).
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// A consistent copy of the database while the server runs, with a checksum.
    Backup {
        /// The backup file to write.
        #[arg(long)]
        to: std::path::PathBuf,
        /// Encrypt the copy to this age recipient (`age1...`).
        #[arg(long)]
        encrypt_to: Option<String>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Restore a backup (its checksum is checked first) into an empty database.
    Restore {
        /// The backup file to read.
        #[arg(long)]
        from: std::path::PathBuf,
        /// The age identity file of an encrypted backup.
        #[arg(long)]
        identity: Option<std::path::PathBuf>,
        /// Replace what the target database holds.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// The tamper-evident audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// The key file that seals personal data at rest.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every link of the audit log; names the first broken one (exit status 1).
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Seal everything with a new data key, then drop the old ones.
    Rotate {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Add a tenant: `mittler tenant add SLUG --name NAME`.
    Add {
        slug: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password comes from MITTLER_PASSWORD or a prompt.
    Add {
        /// The centre (not for the installation-wide roles state and superadmin).
        #[arg(long)]
        tenant: Option<String>,
        #[arg(long)]
        email: String,
        /// admin, coordinator, institution, mediator, provider, state or superadmin
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, group = "link")]
        institution: Option<uuid::Uuid>,
        #[arg(long, group = "link")]
        mediator: Option<uuid::Uuid>,
        #[arg(long, group = "link")]
        provider: Option<uuid::Uuid>,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Where the key file is: `MITTLER_DATA_KEY_FILE`, else beside the SQLite database.
fn key_path(db: &DbArgs) -> std::path::PathBuf {
    mittler_app::keys::default_path(
        std::env::var("MITTLER_DATA_KEY_FILE").ok().as_deref(),
        &db.database_url,
    )
}

/// The database with the key file's keys (the file is made on first start), migrated.
async fn keyed_db(db: &DbArgs) -> Result<(Db, mittler_app::keys::KeyFile)> {
    let path = key_path(db);
    let (file, made) = mittler_app::keys::KeyFile::load_or_create(&path)
        .map_err(|e| anyhow::anyhow!("cannot read or make the key file: {e}"))?;
    if made {
        tracing::warn!(
            "made the key file {} (owner-readable only): keep it in the backup, apart from the database",
            path.display()
        );
    }
    let keys = file.keyring().map_err(|e| anyhow::anyhow!("{e}"))?;
    let pool = Db::connect(&db.database_url)
        .await
        .context("cannot open the database")?
        .with_keyring(keys);
    pool.migrate()
        .await
        .context("cannot migrate the database")?;
    Ok((pool, file))
}

async fn open(db: &DbArgs) -> Result<App> {
    let (pool, keys) = keyed_db(db).await?;
    let secret = keys.secret();
    let public =
        std::env::var("MITTLER_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let sms = std::env::var("MITTLER_SMS_URL").is_ok_and(|u| !u.is_empty());
    let free = match std::env::var("MITTLER_SIGNIN_FREE_FAILURES") {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .context("MITTLER_SIGNIN_FREE_FAILURES must be a whole number")?,
        _ => mittler_domain::lockout::ADDRESS_FREE_FAILURES,
    };
    let app = App::new(pool, Arc::new(SystemClock))
        .with_secret(secret)
        .with_address_free_failures(free)
        .with_public_url(&public)
        .with_sms(sms)
        .with_ice_servers(&ice_servers()?);
    // Push messages to installed phone pages, signed with the key file's VAPID key.
    let app = match keys.vapid() {
        Some(k) => {
            let contact = std::env::var("MITTLER_PUSH_CONTACT")
                .ok()
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| public.clone());
            let hosts = std::env::var("MITTLER_PUSH_HOSTS")
                .unwrap_or_default()
                .split(',')
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty())
                .collect();
            app.with_pusher(
                mittler_app::push::Pusher::new(&k, &contact, hosts)
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
            )
        }
        None => app,
    };
    // How long a worker's claims and leases last before another worker takes over.
    let app = match std::env::var("MITTLER_WORKER_LEASE_SECS") {
        Ok(v) if !v.is_empty() => app.with_worker_lease(
            v.parse::<i64>()
                .ok()
                .filter(|s| (1..=86_400).contains(s))
                .context("MITTLER_WORKER_LEASE_SECS must be seconds from 1 to 86400")?,
        ),
        _ => app,
    };
    // Places' coordinates from their address (a city's Nominatim or Photon).
    let app = match std::env::var("MITTLER_GEOCODER_URL") {
        Ok(url) if !url.is_empty() => app.with_geocoder(
            mittler_app::geocode::Geocoder::new(&url).map_err(|e| anyhow::anyhow!(e))?,
        ),
        _ => app,
    };
    // Several instances on PostgreSQL hear each other (live pages, calls, caches).
    mittler_app::bus::start(&app)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen to the other instances: {e}"))?;
    Ok(app)
}

/// The STUN/TURN servers of video calls (`MITTLER_ICE_SERVERS`, a JSON array of
/// `RTCIceServer`s such as `[{"urls": "turn:turn.example:3478", "username": "u",
/// "credential": "c"}]`); none on one network.
fn ice_servers() -> Result<String> {
    let raw = std::env::var("MITTLER_ICE_SERVERS").unwrap_or_default();
    if raw.trim().is_empty() {
        return Ok("[]".into());
    }
    let v: serde_json::Value = serde_json::from_str(&raw)
        .context("MITTLER_ICE_SERVERS must be a JSON array of ICE servers")?;
    let ok = v.as_array().is_some_and(|a| {
        a.iter()
            .all(|s| s.get("urls").is_some_and(|u| u.is_string() || u.is_array()))
    });
    anyhow::ensure!(
        ok,
        "MITTLER_ICE_SERVERS must be a JSON array of objects with `urls`"
    );
    Ok(v.to_string())
}

/// SMTP when `MITTLER_SMTP_URL` is set, else `.eml` files in `MITTLER_MAIL_DIR`
/// (default: `mail/` beside the SQLite file, or in the working directory).
fn mailer(db: &DbArgs) -> Result<mittler_app::mail::Mailer> {
    let from =
        std::env::var("MITTLER_MAIL_FROM").unwrap_or_else(|_| "Mittler <mittler@localhost>".into());
    let m = match std::env::var("MITTLER_SMTP_URL") {
        Ok(url) => mittler_app::mail::Mailer::smtp(&url, &from),
        Err(_) => {
            let dir = match std::env::var("MITTLER_MAIL_DIR") {
                Ok(d) => std::path::PathBuf::from(d),
                Err(_) => mittler_db::sqlite_path(&db.database_url)
                    .and_then(|p| p.parent().map(|d| d.join("mail")))
                    .unwrap_or_else(|| std::path::PathBuf::from("mail")),
            };
            mittler_app::mail::Mailer::folder(dir, &from)
        }
    };
    let m = m.map_err(|e| anyhow::anyhow!(e))?;
    // Text messages for clients' reminders, through an HTTP gateway (see `app::sms`).
    match std::env::var("MITTLER_SMS_URL") {
        Ok(url) if !url.is_empty() => {
            let token = std::env::var("MITTLER_SMS_TOKEN").ok();
            let gateway = mittler_app::sms::SmsGateway::new(&url, token.as_deref())
                .map_err(|e| anyhow::anyhow!(e))?;
            Ok(m.with_sms(gateway))
        }
        _ => Ok(m),
    }
}

fn app_error(e: mittler_app::AppError) -> anyhow::Error {
    match e {
        mittler_app::AppError::Invalid(f) => {
            let fields: Vec<String> = f.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            anyhow::anyhow!("invalid input: {}", fields.join(", "))
        }
        mittler_app::AppError::NotFound => anyhow::anyhow!("not found"),
        mittler_app::AppError::Taken(field) => anyhow::anyhow!("{field} is already in use"),
        other => anyhow::anyhow!("{other}"),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("MITTLER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    // One JSON object per line (with the request's span: its id, method and path) for a
    // log collector; readable lines otherwise.
    if std::env::var("MITTLER_LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve {
        bind: std::env::var("MITTLER_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into()),
        db: DbArgs {
            database_url: std::env::var("MITTLER_DATABASE_URL")
                .unwrap_or_else(|_| "sqlite://mittler.db".into()),
        },
        demo: false,
        no_worker: false,
    });
    match command {
        Command::Serve {
            bind,
            db,
            demo,
            no_worker,
        } => {
            let app = open(&db).await?;
            if !no_worker {
                tokio::spawn(mittler_app::mail::run_worker(app.clone(), mailer(&db)?));
            }
            let mut config = mittler_web::WebConfig {
                secure_cookies: std::env::var("MITTLER_PUBLIC_URL")
                    .is_ok_and(|u| u.starts_with("https://")),
                trust_proxy: std::env::var("MITTLER_TRUST_PROXY")
                    .is_ok_and(|v| v == "true" || v == "1"),
                demo_logins: Vec::new(),
            };
            if demo {
                demo::seed(&app)
                    .await
                    .context("cannot seed the demo data")?;
                config.demo_logins = demo::logins();
            }
            let listener = tokio::net::TcpListener::bind(&bind)
                .await
                .with_context(|| format!("cannot listen on {bind}"))?;
            tracing::info!("Mittler serves on http://{bind} ({})", app.db.backend());
            let housekeeping = app.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
                loop {
                    every.tick().await;
                    if let Err(e) = mittler_app::maintenance::purge_expired(&housekeeping).await {
                        tracing::warn!("housekeeping failed: {e}");
                    }
                }
            });
            let state = mittler_web::AppState {
                app,
                config: Arc::new(config),
            };
            mittler_web::serve(listener, state).await?;
        }
        Command::Worker { db } => {
            let app = open(&db).await?;
            tracing::info!("Mittler worker runs ({})", app.db.backend());
            mittler_app::mail::run_worker(app, mailer(&db)?).await;
        }
        Command::Plan {
            instance,
            time_limit,
            seed,
            iterations,
        } => {
            let text = std::fs::read_to_string(&instance)
                .with_context(|| format!("cannot read {}", instance.display()))?;
            let inst = mittler_planner::parse(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", instance.display()))?;
            if !(time_limit.is_finite() && time_limit > 0.0 && time_limit <= 86_400.0) {
                bail!("--time-limit must be a number of seconds between 0 and 86400");
            }
            let opts = mittler_planner::Options {
                time_limit: std::time::Duration::from_secs_f64(time_limit),
                seed,
                max_iterations: iterations,
                threads: 2,
            };
            let sol = mittler_planner::solve(&inst, &opts);
            println!("{}", serde_json::to_string(&sol)?);
        }
        Command::Migrate { db } => {
            open(&db).await?;
            println!("database is up to date");
        }
        Command::Tenant {
            command: TenantCommand::Add { slug, name, db },
        } => {
            let app = open(&db).await?;
            let t = mittler_app::tenants::add(&app, &slug, &name)
                .await
                .map_err(|e| match e {
                    mittler_app::AppError::Conflict(_) => {
                        anyhow::anyhow!("a tenant with slug {slug} exists already")
                    }
                    other => app_error(other),
                })?;
            println!("{}", t.id);
        }
        Command::User {
            command:
                UserCommand::Add {
                    tenant,
                    email,
                    role,
                    name,
                    institution,
                    mediator,
                    provider,
                    db,
                },
        } => {
            let app = open(&db).await?;
            let wide = mittler_domain::Role::parse(&role).is_some_and(|r| r.installation_wide());
            let t = match (tenant, wide) {
                (None, true) => mittler_app::tenants::installation(&app)
                    .await
                    .map_err(app_error)?,
                (Some(_), true) => {
                    bail!("the role {role} belongs to no centre: leave out --tenant")
                }
                (None, false) => bail!("--tenant is needed for the role {role}"),
                (Some(tenant), false) => {
                    let Some(t) = mittler_db::tenants::by_slug(&app.db, &tenant).await? else {
                        bail!(
                            "no tenant {tenant}: add it with `mittler tenant add {tenant} --name NAME`"
                        );
                    };
                    t
                }
            };
            let password = match std::env::var("MITTLER_PASSWORD") {
                Ok(p) => p,
                Err(_) => rpassword::prompt_password("Password (at least 12 characters): ")?,
            };
            let input = UserInput {
                name: name.unwrap_or_else(|| email.clone()),
                email,
                role,
                password,
                lang: None,
                institution_id: institution,
                mediator_id: mediator,
                provider_id: provider,
            };
            let id = mittler_app::users::create_in(&app, t.id, &input, None)
                .await
                .map_err(app_error)?;
            println!("{id}");
        }
        Command::Backup { to, encrypt_to, db } => {
            let (pool, _) = keyed_db(&db).await?;
            ops::backup(&pool, &db.database_url, &to, encrypt_to.as_deref()).await?;
        }
        Command::Restore {
            from,
            identity,
            force,
            db,
        } => {
            ops::restore(&db.database_url, &from, identity.as_deref(), force).await?;
            // The restored database is brought to this release's schema.
            keyed_db(&db).await?;
        }
        Command::Audit {
            command: AuditCommand::Verify { db },
        } => {
            let (pool, _) = keyed_db(&db).await?;
            if !ops::verify_audit(&pool).await? {
                std::process::exit(1);
            }
        }
        Command::Keys {
            command: KeysCommand::Rotate { db },
        } => {
            let (pool, _) = keyed_db(&db).await?;
            ops::rotate_keys(pool, &key_path(&db)).await?;
        }
    }
    Ok(())
}
