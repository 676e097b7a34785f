//! Tenants: one integration centre each.

use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Tenant {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

pub async fn create(db: &Db, slug: &str, name: &str, now: Timestamp) -> Result<Tenant> {
    let t = Tenant {
        id: Uuid::new_v4(),
        slug: slug.to_owned(),
        name: name.to_owned(),
    };
    let q = "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, $2, $3, $4)";
    with_pool!(db, p => sqlx::query(q).bind(t.id).bind(&t.slug).bind(&t.name).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))
        .map_err(|e| match DbError::from(e) {
            DbError::Conflict(_) => DbError::Conflict("tenants.slug".into()),
            other => other,
        })?;
    Ok(t)
}

/// A centre by its slug (never the installation's own tenant).
pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Tenant>> {
    let q = "SELECT id, slug, name FROM tenants WHERE slug = $1 AND NOT installation";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(slug).fetch_optional(p).await)?)
}

/// The slug of the installation's own tenant (not a valid centre slug).
pub const INSTALLATION_SLUG: &str = "_installation";

/// The installation's own tenant, which holds the users of no centre (`state`,
/// `superadmin`); made when first needed.
pub async fn installation(db: &Db, now: Timestamp) -> Result<Tenant> {
    let q = "SELECT id, slug, name FROM tenants WHERE installation";
    if let Some(t) = with_pool!(db, p => sqlx::query_as(q).fetch_optional(p).await)? {
        return Ok(t);
    }
    let ins = "INSERT INTO tenants (id, slug, name, created_at, installation, share_figures) \
               VALUES ($1, $2, 'Installation', $3, TRUE, FALSE) ON CONFLICT DO NOTHING";
    with_pool!(db, p => sqlx::query(ins).bind(Uuid::new_v4()).bind(INSTALLATION_SLUG).bind(UtcTs(now))
        .execute(p).await.map(|_| ()))?;
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_one(p).await)?)
}

/// Whether the tenant is the installation's own.
pub async fn is_installation(db: &Db, id: Uuid) -> Result<bool> {
    let q = "SELECT installation FROM tenants WHERE id = $1";
    Ok(
        with_pool!(db, p => sqlx::query_scalar(q).bind(id).fetch_optional(p).await)?
            .unwrap_or(false),
    )
}

/// A centre as the installation's administrators see it: no data from inside it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CentreRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub created_at: UtcTs,
    pub share_figures: bool,
    /// How many accounts it has (its people are its own).
    pub users: i64,
}

/// Every centre, by slug.
pub async fn centres(db: &Db) -> Result<Vec<CentreRow>> {
    let q = "SELECT t.id, t.slug, t.name, t.created_at, t.share_figures, \
             (SELECT COUNT(*) FROM users u WHERE u.tenant_id = t.id) AS users \
             FROM tenants t WHERE NOT t.installation ORDER BY t.slug";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}

/// Whether the centre's figures count in the state's view.
pub async fn share_figures(db: &Db, tenant: Uuid) -> Result<bool> {
    let q = "SELECT share_figures FROM tenants WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).fetch_one(p).await)?)
}

pub async fn set_share_figures(
    db: &Db,
    tenant: Uuid,
    on: bool,
    audit: &crate::audit::AuditEntry,
) -> Result<()> {
    let q = "UPDATE tenants SET share_figures = $2 WHERE id = $1 AND NOT installation";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(tenant).bind(on).execute(&mut *tx).await?;
        crate::audit::append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

pub async fn get(db: &Db, id: Uuid) -> Result<Tenant> {
    let q = "SELECT id, slug, name FROM tenants WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(id).fetch_one(p).await)?)
}

/// Every centre (not the installation's own tenant).
pub async fn list(db: &Db) -> Result<Vec<Tenant>> {
    let q = "SELECT id, slug, name FROM tenants WHERE NOT installation ORDER BY slug";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}

/// A centre's settings.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Settings {
    pub cancel_notice_hours: i32,
    pub fee_cents_per_hour: i32,
    pub fee_minimum_min: i32,
    pub fee_increment_min: i32,
    pub fee_travel_cents: i32,
    /// Days after an offer's last date until its registrations are anonymised.
    pub retention_days: i32,
    /// Roles that must sign in with a second factor (comma-separated role names).
    pub second_factor_roles: String,
    /// Minutes of inactivity after which a browser session ends.
    pub idle_timeout_min: i32,
    /// Seconds a call rings before it is missed.
    pub call_answer_s: i32,
    /// Hours before an on-site appointment after which, with nobody confirmed, it is
    /// offered as video instead.
    pub video_fallback_hours: i32,
}

pub async fn settings(db: &Db, tenant: Uuid) -> Result<Settings> {
    let q = "SELECT cancel_notice_hours, fee_cents_per_hour, fee_minimum_min, fee_increment_min, fee_travel_cents, \
             retention_days, second_factor_roles, idle_timeout_min, call_answer_s, video_fallback_hours FROM tenants WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_one(p).await)?)
}

pub async fn set_settings(
    db: &Db,
    tenant: Uuid,
    s: &Settings,
    audit: &crate::audit::AuditEntry,
) -> Result<()> {
    let q = "UPDATE tenants SET cancel_notice_hours = $2, fee_cents_per_hour = $3, fee_minimum_min = $4, \
             fee_increment_min = $5, fee_travel_cents = $6, retention_days = $7, second_factor_roles = $8, \
             idle_timeout_min = $9, call_answer_s = $10, video_fallback_hours = $11 WHERE id = $1";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(tenant).bind(s.cancel_notice_hours).bind(s.fee_cents_per_hour).bind(s.fee_minimum_min)
            .bind(s.fee_increment_min).bind(s.fee_travel_cents).bind(s.retention_days)
            .bind(&s.second_factor_roles).bind(s.idle_timeout_min).bind(s.call_answer_s).bind(s.video_fallback_hours)
            .execute(&mut *tx).await?;
        crate::audit::append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}

/// A centre's identity provider for single sign-on; empty when none is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Sso {
    pub sso_issuer: String,
    pub sso_client_id: String,
    pub sso_client_secret: String,
}

pub async fn sso(db: &Db, tenant: Uuid) -> Result<Sso> {
    let q = "SELECT sso_issuer, sso_client_id, sso_client_secret FROM tenants WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_one(p).await)?)
}

pub async fn set_sso(
    db: &Db,
    tenant: Uuid,
    s: &Sso,
    audit: &crate::audit::AuditEntry,
) -> Result<()> {
    let q = "UPDATE tenants SET sso_issuer = $2, sso_client_id = $3, sso_client_secret = $4 WHERE id = $1";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(tenant).bind(&s.sso_issuer).bind(&s.sso_client_id).bind(&s.sso_client_secret)
            .execute(&mut *tx).await?;
        crate::audit::append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    Ok(())
}
