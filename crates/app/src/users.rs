//! User accounts: admins manage them; everybody may read their own.

use crate::auth::hash_password;
use crate::{Actor, App, AppError, Result};
use jiff::Timestamp;
use mittler_db::audit::AuditEntry;
use mittler_db::{institutions, mediators, users};
use mittler_domain::audit::AuditAction;
use mittler_domain::user::{User, UserInput};
use mittler_domain::{Action, FieldErrors, Role};
use uuid::Uuid;

/// Checks that linked objects exist in the tenant.
async fn check_links(
    app: &App,
    tenant: Uuid,
    institution: Option<Uuid>,
    mediator: Option<Uuid>,
    provider: Option<Uuid>,
) -> Result<()> {
    let mut e = FieldErrors::new();
    if let Some(id) = provider {
        match mittler_db::offers::provider(&app.db, tenant, id).await {
            Ok(_) => {}
            Err(mittler_db::DbError::NotFound) => e.add("provider_id", "unknown"),
            Err(other) => return Err(other.into()),
        }
    }
    if let Some(id) = institution {
        match institutions::get(&app.db, tenant, id).await {
            Ok(_) => {}
            Err(mittler_db::DbError::NotFound) => e.add("institution_id", "unknown"),
            Err(other) => return Err(other.into()),
        }
    }
    if let Some(id) = mediator {
        match mediators::get(&app.db, tenant, id).await {
            Ok(_) => {}
            Err(mittler_db::DbError::NotFound) => e.add("mediator_id", "unknown"),
            Err(other) => return Err(other.into()),
        }
    }
    e.finish(()).map_err(AppError::Invalid)
}

fn email_taken(e: AppError) -> AppError {
    match e {
        AppError::Conflict(_) => AppError::Taken("email"),
        other => other,
    }
}

/// Creates an account in the actor's tenant (admins only).
pub async fn create(app: &App, actor: &Actor, input: &UserInput) -> Result<Uuid> {
    if !actor.may(Action::ManageUsers) {
        return Err(AppError::Forbidden);
    }
    create_in(app, actor.tenant_id, input, Some(actor)).await
}

/// Creates an account in a tenant; `actor` is `None` from the command line.
pub async fn create_in(
    app: &App,
    tenant: Uuid,
    input: &UserInput,
    actor: Option<&Actor>,
) -> Result<Uuid> {
    let d = input.validate()?;
    // Roles of the installation (state, superadmin) live in its own tenant and nowhere
    // else; a centre's roles never there. An administrator of a centre cannot make
    // either (accounts of a state viewer made in a centre from the command line before
    // there was an installation tenant keep working).
    let installation = mittler_db::tenants::is_installation(&app.db, tenant).await?;
    let misplaced = if d.role.installation_wide() {
        !installation && (actor.is_some() || d.role == mittler_domain::Role::Superadmin)
    } else {
        installation
    };
    if misplaced {
        return Err(AppError::Invalid(FieldErrors::single("role", "invalid")));
    }
    check_links(app, tenant, d.institution_id, d.mediator_id, d.provider_id).await?;
    let hash = hash_password(&d.password).await?;
    let now = app.now();
    let detail = serde_json::json!({ "email": d.email, "role": d.role.as_str() });
    let entry = match actor {
        Some(a) => a.audit(now, AuditAction::Create, "user", None, detail),
        None => system_entry(tenant, now, AuditAction::Create, "user", detail),
    };
    let new = users::NewUser {
        email: d.email,
        name: d.name,
        role: d.role,
        password_hash: hash,
        lang: d.lang,
        institution_id: d.institution_id,
        mediator_id: d.mediator_id,
        provider_id: d.provider_id,
        // A password an admin chose is changed by its owner at the first sign-in.
        must_change_password: actor.is_some(),
    };
    users::create(&app.db, tenant, &new, now, &entry)
        .await
        .map_err(|e| email_taken(e.into()))
}

/// An audit entry for the command line and the demo seeder.
pub fn system_entry(
    tenant: Uuid,
    now: Timestamp,
    action: AuditAction,
    object_type: &'static str,
    detail: serde_json::Value,
) -> AuditEntry {
    AuditEntry {
        tenant_id: Some(tenant),
        at: now,
        actor_id: None,
        actor: "system".into(),
        action: action.as_str(),
        object_type,
        object_id: None,
        detail,
        address: None,
    }
}

pub async fn list(app: &App, actor: &Actor) -> Result<Vec<User>> {
    crate::audit::read(app, actor, "user-list", None, async {
        if !actor.may(Action::ManageUsers) {
            return Err(AppError::Forbidden);
        }
        Ok(users::list(&app.db, actor.tenant_id).await?)
    })
    .await
}

/// Admins see every account of the tenant; everyone sees their own.
pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<User> {
    crate::audit::read(app, actor, "user", Some(id), async {
        if !actor.may(Action::ManageUsers) && actor.user_id != id {
            return Err(AppError::NotFound);
        }
        Ok(users::get(&app.db, actor.tenant_id, id).await?)
    })
    .await
}

/// A partial change; absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct UserPatch {
    pub name: Option<String>,
    pub role: Option<String>,
    pub lang: Option<String>,
    pub active: Option<bool>,
    pub institution_id: Option<Option<Uuid>>,
    pub mediator_id: Option<Option<Uuid>>,
    pub provider_id: Option<Option<Uuid>>,
}

pub async fn update(app: &App, actor: &Actor, id: Uuid, patch: &UserPatch) -> Result<User> {
    let current = get(app, actor, id).await?;
    if !actor.may(Action::ManageUsers) {
        return Err(AppError::Forbidden);
    }
    let mut e = FieldErrors::new();
    let name = match &patch.name {
        Some(n) => mittler_domain::validation::required_text(&mut e, "name", n, 200),
        None => current.name.clone(),
    };
    let role = match &patch.role {
        Some(r) => Role::parse(r.trim()).unwrap_or_else(|| {
            e.add("role", "invalid");
            current.role
        }),
        None => current.role,
    };
    let lang = patch.lang.clone().unwrap_or(current.lang.clone());
    if !mittler_domain::user::UI_LANGS.contains(&lang.as_str()) {
        e.add("lang", "invalid");
    }
    let institution_id = patch.institution_id.unwrap_or(current.institution_id);
    let mediator_id = patch.mediator_id.unwrap_or(current.mediator_id);
    if role == Role::Institution && institution_id.is_none() {
        e.add("institution_id", "required");
    }
    if role == Role::Mediator && mediator_id.is_none() {
        e.add("mediator_id", "required");
    }
    let active = patch.active.unwrap_or(current.active);
    if id == actor.user_id && (!active || role != Role::Admin) {
        // An admin cannot lock themselves out.
        e.add(if active { "role" } else { "active" }, "not-allowed-self");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let provider_id = patch
        .provider_id
        .unwrap_or(current.provider_id)
        .filter(|_| role == Role::Provider);
    if role == Role::Provider && provider_id.is_none() {
        return Err(AppError::Invalid(FieldErrors::single(
            "provider_id",
            "required",
        )));
    }
    check_links(
        app,
        actor.tenant_id,
        institution_id,
        mediator_id,
        provider_id,
    )
    .await?;
    let changes = users::UserChanges {
        name,
        role,
        lang,
        active,
        institution_id: if role == Role::Institution {
            institution_id
        } else {
            None
        },
        mediator_id: if role == Role::Mediator {
            mediator_id
        } else {
            None
        },
        provider_id,
    };
    let now = app.now();
    let detail = serde_json::json!({ "role": role.as_str(), "active": active });
    let entry = actor.audit(now, AuditAction::Update, "user", Some(id), detail);
    users::update(&app.db, actor.tenant_id, id, &changes, now, &entry).await?;
    Ok(users::get(&app.db, actor.tenant_id, id).await?)
}
