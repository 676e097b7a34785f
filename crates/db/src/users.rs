//! User accounts and their sign-in state.

use crate::audit::{AuditEntry, append};
use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use mittler_domain::Role;
use mittler_domain::user::User;
use uuid::Uuid;

const COLUMNS: &str = "id, tenant_id, email, name, role, lang, institution_id, mediator_id, provider_id, active, \
                       password_hash, must_change_password, totp_secret, totp_last_step";

#[derive(Debug, Clone, sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    tenant_id: Uuid,
    email: String,
    name: String,
    role: String,
    lang: String,
    institution_id: Option<Uuid>,
    mediator_id: Option<Uuid>,
    provider_id: Option<Uuid>,
    active: bool,
    password_hash: String,
    must_change_password: bool,
    totp_secret: Option<String>,
    totp_last_step: Option<i64>,
}

/// A user with what sign-in needs to know.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
    /// The password was set by an admin: the browser asks for a new one first.
    pub must_change_password: bool,
    /// The confirmed TOTP secret (base32), if the user enrolled one.
    pub totp_secret: Option<String>,
    /// The last TOTP time step accepted (a code is good once).
    pub totp_last_step: Option<i64>,
}

impl TryFrom<UserRow> for Credentials {
    type Error = DbError;
    fn try_from(r: UserRow) -> Result<Self> {
        let role =
            Role::parse(&r.role).ok_or_else(|| DbError::Corrupt(format!("role {}", r.role)))?;
        Ok(Credentials {
            user: User {
                id: r.id,
                tenant_id: r.tenant_id,
                email: r.email,
                name: r.name,
                role,
                lang: r.lang,
                institution_id: r.institution_id,
                mediator_id: r.mediator_id,
                provider_id: r.provider_id,
                active: r.active,
            },
            password_hash: r.password_hash,
            must_change_password: r.must_change_password,
            totp_secret: r.totp_secret,
            totp_last_step: r.totp_last_step,
        })
    }
}

/// A new account; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    pub lang: String,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    /// Set by an admin: to be changed at the next sign-in in the browser.
    pub must_change_password: bool,
}

pub async fn create(
    db: &Db,
    tenant: Uuid,
    u: &NewUser,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let q = "INSERT INTO users (id, tenant_id, email, name, role, password_hash, lang, institution_id, mediator_id, \
             provider_id, active, must_change_password, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, TRUE, $12, $11, $11)";
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(&u.email).bind(&u.name).bind(u.role.as_str())
            .bind(&u.password_hash).bind(&u.lang).bind(u.institution_id).bind(u.mediator_id)
            .bind(u.provider_id).bind(UtcTs(now)).bind(u.must_change_password).execute(&mut *tx).await?;
        append!(&mut *tx, db.sealer(), &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

/// The accounts with this e-mail, one per tenant at most (a person may work for two
/// centres), with the slug of each tenant.
pub async fn by_email(db: &Db, email: &str) -> Result<Vec<(Credentials, String)>> {
    let cols = COLUMNS
        .split(", ")
        .map(|c| format!("u.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let q = format!(
        "SELECT {cols}, t.slug FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.email = $1 ORDER BY t.slug"
    );
    let rows: Vec<(String, UserRow)> = with_pool!(db, p => {
        use sqlx::Row;
        let rows = sqlx::query(sqlx::AssertSqlSafe(q)).bind(email).fetch_all(p).await?;
        rows.iter()
            .map(|r| Ok((r.try_get::<String, _>("slug")?, sqlx::FromRow::from_row(r)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
    })?;
    rows.into_iter()
        .map(|(slug, r)| Credentials::try_from(r).map(|c| (c, slug)))
        .collect()
}

/// One account of the tenant, with sign-in state.
pub async fn credentials(db: &Db, tenant: Uuid, id: Uuid) -> Result<Credentials> {
    let q = format!("SELECT {COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2");
    let row: UserRow = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(id).fetch_one(p).await)?;
    Credentials::try_from(row)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<User> {
    Ok(credentials(db, tenant, id).await?.user)
}

pub async fn list(db: &Db, tenant: Uuid) -> Result<Vec<User>> {
    let q = format!("SELECT {COLUMNS} FROM users WHERE tenant_id = $1 ORDER BY name, email");
    let rows: Vec<UserRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).fetch_all(p).await)?;
    rows.into_iter()
        .map(|r| Credentials::try_from(r).map(|c| c.user))
        .collect::<Result<Vec<_>>>()
        .map(|mut v| {
            v.sort_by_cached_key(|u: &User| (crate::name_key(&u.name), u.email.clone()));
            v
        })
}

/// What an admin may change of an account.
#[derive(Debug, Clone)]
pub struct UserChanges {
    pub name: String,
    pub role: Role,
    pub lang: String,
    pub active: bool,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
}

pub async fn update(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    c: &UserChanges,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE users SET name = $3, role = $4, lang = $5, active = $6, institution_id = $7, mediator_id = $8, \
             provider_id = $9, updated_at = $10 WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(&c.name).bind(c.role.as_str()).bind(&c.lang)
            .bind(c.active).bind(c.institution_id).bind(c.mediator_id).bind(c.provider_id).bind(UtcTs(now))
            .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            append!(&mut *tx, db.sealer(), audit)?;
            if !c.active {
                sqlx::query("DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2")
                    .bind(tenant).bind(id).execute(&mut *tx).await?;
            }
        }
        tx.commit().await.map(|_| n)
    })?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// Sets a new password hash and ends every session of the account but `keep_session`.
pub async fn set_password(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    hash: &str,
    keep_session: Option<&str>,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE users SET password_hash = $3, must_change_password = FALSE, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2";
    let keep = keep_session.unwrap_or("");
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(hash).bind(UtcTs(now)).execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            return Err(DbError::NotFound);
        }
        sqlx::query("DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2 AND token_hash <> $3")
            .bind(tenant).bind(id).bind(keep).execute(&mut *tx).await?;
        append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// Asks (or no longer asks) for a new password at the next sign-in.
pub async fn set_must_change(db: &Db, tenant: Uuid, id: Uuid, on: bool) -> Result<()> {
    let q = "UPDATE users SET must_change_password = $3 WHERE tenant_id = $1 AND id = $2";
    with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(on).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Keeps a TOTP secret waiting for its first code (enrolment).
pub async fn set_totp_pending(db: &Db, tenant: Uuid, id: Uuid, secret: &str) -> Result<()> {
    let q = "UPDATE users SET totp_pending = $3 WHERE tenant_id = $1 AND id = $2";
    with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(secret).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The TOTP secret waiting for its first code.
pub async fn totp_pending(db: &Db, tenant: Uuid, id: Uuid) -> Result<Option<String>> {
    let q = "SELECT totp_pending FROM users WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(id).fetch_one(p).await)?)
}

/// Makes the pending TOTP secret the user's second factor, with fresh recovery codes
/// (their hashes), in one step.
pub async fn confirm_totp(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    step: i64,
    code_hashes: &[String],
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $3 \
             WHERE tenant_id = $1 AND id = $2 AND totp_pending IS NOT NULL";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(step).execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            return Err(DbError::NotFound);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        for h in code_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(id).bind(h).execute(&mut *tx).await?;
        }
        append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// Removes the second factor and the recovery codes.
pub async fn remove_totp(db: &Db, tenant: Uuid, id: Uuid, audit: &AuditEntry) -> Result<()> {
    let q = "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL \
             WHERE tenant_id = $1 AND id = $2";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(tenant).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// Records a TOTP step as used; false when it (or a later one) was used already, so that
/// a code is good once even when two requests race.
pub async fn use_totp_step(db: &Db, id: Uuid, step: i64) -> Result<bool> {
    let q = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)";
    let n = with_pool!(db, p => sqlx::query(q).bind(id).bind(step).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Uses one recovery code (by its hash); false when there is no unused one with it.
pub async fn use_recovery_code(db: &Db, id: Uuid, code_hash: &str, now: Timestamp) -> Result<bool> {
    let q = "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL";
    let n = with_pool!(db, p => sqlx::query(q).bind(id).bind(code_hash).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Replaces a user's recovery codes (their hashes).
pub async fn set_recovery_codes(db: &Db, id: Uuid, code_hashes: &[String]) -> Result<()> {
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        for h in code_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(id).bind(h).execute(&mut *tx).await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// How many recovery codes are left unused.
pub async fn recovery_codes_left(db: &Db, id: Uuid) -> Result<i64> {
    let q = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(id).fetch_one(p).await)?)
}

pub async fn set_lang(db: &Db, tenant: Uuid, id: Uuid, lang: &str) -> Result<()> {
    let q = "UPDATE users SET lang = $3 WHERE tenant_id = $1 AND id = $2";
    with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(lang).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
