//! User accounts and their sign-in state.

use crate::audit::{AuditEntry, append};
use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use mittler_domain::Role;
use mittler_domain::user::User;
use uuid::Uuid;

const COLUMNS: &str = "id, tenant_id, email, name, role, lang, institution_id, mediator_id, provider_id, active, \
                       password_hash, failed_logins, locked_until";

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
    failed_logins: i32,
    locked_until: Option<UtcTs>,
}

/// A user with what sign-in needs to know.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
    pub failed_logins: u32,
    pub locked_until: Option<Timestamp>,
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
            failed_logins: u32::try_from(r.failed_logins).unwrap_or(0),
            locked_until: r.locked_until.map(|t| t.0),
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
             provider_id, active, failed_logins, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, TRUE, 0, $11, $11)";
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(&u.email).bind(&u.name).bind(u.role.as_str())
            .bind(&u.password_hash).bind(&u.lang).bind(u.institution_id).bind(u.mediator_id)
            .bind(u.provider_id).bind(UtcTs(now)).execute(&mut *tx).await?;
        append!(&mut *tx, &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

/// The account with this e-mail in any tenant (e-mails are unique across the installation).
pub async fn by_email(db: &Db, email: &str) -> Result<Option<Credentials>> {
    let q = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    let row: Option<UserRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(email).fetch_optional(p).await)?;
    row.map(Credentials::try_from).transpose()
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
            append!(&mut *tx, audit)?;
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
    let q = "UPDATE users SET password_hash = $3, failed_logins = 0, locked_until = NULL, updated_at = $4 \
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
        append!(&mut *tx, audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// Counts one more failed sign-in, atomically, and returns the new count.
pub async fn count_failure(db: &Db, id: Uuid) -> Result<u32> {
    let q =
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins";
    let n: i32 = with_pool!(db, p => sqlx::query_scalar(q).bind(id).fetch_one(p).await)?;
    Ok(u32::try_from(n).unwrap_or(0))
}

/// Locks the account until `until`, unless it is already locked longer.
pub async fn extend_lock(db: &Db, id: Uuid, until: Timestamp) -> Result<()> {
    let q = "UPDATE users SET locked_until = CASE WHEN locked_until IS NULL OR locked_until < $2 THEN $2 \
             ELSE locked_until END WHERE id = $1";
    with_pool!(db, p => sqlx::query(q).bind(id).bind(UtcTs(until)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stores the sign-in failure count and lock of an account.
pub async fn set_failures(
    db: &Db,
    id: Uuid,
    failed: u32,
    locked_until: Option<Timestamp>,
) -> Result<()> {
    let q = "UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1";
    let failed = i32::try_from(failed).unwrap_or(i32::MAX);
    with_pool!(db, p => sqlx::query(q).bind(id).bind(failed).bind(locked_until.map(UtcTs)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_lang(db: &Db, tenant: Uuid, id: Uuid, lang: &str) -> Result<()> {
    let q = "UPDATE users SET lang = $3 WHERE tenant_id = $1 AND id = $2";
    with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(lang).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
