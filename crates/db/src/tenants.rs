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

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Tenant>> {
    let q = "SELECT id, slug, name FROM tenants WHERE slug = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(slug).fetch_optional(p).await)?)
}

pub async fn get(db: &Db, id: Uuid) -> Result<Tenant> {
    let q = "SELECT id, slug, name FROM tenants WHERE id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(id).fetch_one(p).await)?)
}

pub async fn list(db: &Db) -> Result<Vec<Tenant>> {
    let q = "SELECT id, slug, name FROM tenants ORDER BY slug";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}
