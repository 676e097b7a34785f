//! Institutions and their places.

use crate::audit::{AuditEntry, append};
use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use mittler_domain::institution::{Category, Institution, InstitutionDraft, Place};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct InstitutionRow {
    id: Uuid,
    name: String,
    category: String,
    active: bool,
    contact: String,
    phone: String,
}

#[derive(sqlx::FromRow)]
struct PlaceRow {
    id: Uuid,
    institution_id: Uuid,
    name: String,
    address: String,
    lat: f64,
    lon: f64,
}

fn assemble(rows: Vec<InstitutionRow>, places: Vec<PlaceRow>) -> Result<Vec<Institution>> {
    let mut by_inst: HashMap<Uuid, Vec<Place>> = HashMap::new();
    for p in places {
        by_inst.entry(p.institution_id).or_default().push(Place {
            id: p.id,
            name: p.name,
            address: p.address,
            lat: p.lat,
            lon: p.lon,
        });
    }
    rows.into_iter()
        .map(|r| {
            let category = Category::parse(&r.category)
                .ok_or_else(|| DbError::Corrupt(format!("category {}", r.category)))?;
            Ok(Institution {
                places: by_inst.remove(&r.id).unwrap_or_default(),
                id: r.id,
                name: r.name,
                category,
                active: r.active,
                contact: r.contact,
                phone: r.phone,
            })
        })
        .collect()
}

pub async fn create(
    db: &Db,
    tenant: Uuid,
    d: &InstitutionDraft,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Institution> {
    let id = Uuid::new_v4();
    let place_ids: Vec<Uuid> = d.places.iter().map(|_| Uuid::new_v4()).collect();
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    let q = "INSERT INTO institutions (id, tenant_id, name, category, active, created_at, updated_at, contact, phone) \
             VALUES ($1, $2, $3, $4, TRUE, $5, $5, $6, $7)";
    let qp = "INSERT INTO places (id, tenant_id, institution_id, name, address, lat, lon, position, active) \
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE)";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(&d.name).bind(d.category.as_str()).bind(UtcTs(now))
            .bind(&d.contact).bind(&d.phone).execute(&mut *tx).await?;
        for (pos, (pl, pid)) in d.places.iter().zip(&place_ids).enumerate() {
            sqlx::query(qp).bind(pid).bind(tenant).bind(id).bind(&pl.name).bind(&pl.address).bind(pl.lat)
                .bind(pl.lon).bind(i32::try_from(pos).unwrap_or(i32::MAX)).execute(&mut *tx).await?;
        }
        append!(&mut *tx, db.sealer(), &audit)?;
        tx.commit().await
    })?;
    get(db, tenant, id).await
}

pub async fn list(db: &Db, tenant: Uuid) -> Result<Vec<Institution>> {
    let q = "SELECT id, name, category, active, contact, phone FROM institutions WHERE tenant_id = $1 ORDER BY name";
    let qp = "SELECT id, institution_id, name, address, lat, lon FROM places \
              WHERE tenant_id = $1 AND active = TRUE ORDER BY position";
    let (rows, places) = with_pool!(db, p => {
        let rows: Vec<InstitutionRow> = sqlx::query_as(q).bind(tenant).fetch_all(p).await?;
        let places: Vec<PlaceRow> = sqlx::query_as(qp).bind(tenant).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((rows, places))
    })?;
    let mut all = assemble(rows, places)?;
    all.sort_by_cached_key(|i| crate::name_key(&i.name));
    Ok(all)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<Institution> {
    let q = "SELECT id, name, category, active, contact, phone FROM institutions WHERE tenant_id = $1 AND id = $2";
    let qp = "SELECT id, institution_id, name, address, lat, lon FROM places \
              WHERE tenant_id = $1 AND institution_id = $2 AND active = TRUE ORDER BY position";
    let (row, places) = with_pool!(db, p => {
        let row: InstitutionRow = sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await?;
        let places: Vec<PlaceRow> = sqlx::query_as(qp).bind(tenant).bind(id).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((row, places))
    })?;
    assemble(vec![row], places)?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)
}

/// Replaces name, category and places. Places keep their id when edited; places left out
/// are deactivated, not deleted, because requests may point at them.
pub async fn update(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    d: &InstitutionDraft,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Institution> {
    let current = get(db, tenant, id).await?;
    for pl in &d.places {
        if let Some(pid) = pl.id
            && !current.places.iter().any(|c| c.id == pid)
        {
            return Err(DbError::NotFound);
        }
    }
    let kept: Vec<Uuid> = d.places.iter().filter_map(|p| p.id).collect();
    let q = "UPDATE institutions SET name = $3, category = $4, updated_at = $5, contact = $6, phone = $7 \
             WHERE tenant_id = $1 AND id = $2";
    let qu = "UPDATE places SET name = $4, address = $5, lat = $6, lon = $7, position = $8 \
              WHERE tenant_id = $1 AND institution_id = $2 AND id = $3";
    let qi = "INSERT INTO places (id, tenant_id, institution_id, name, address, lat, lon, position, active) \
              VALUES ($3, $1, $2, $4, $5, $6, $7, $8, TRUE)";
    let qd =
        "UPDATE places SET active = FALSE WHERE tenant_id = $1 AND institution_id = $2 AND id = $3";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(tenant).bind(id).bind(&d.name).bind(d.category.as_str()).bind(UtcTs(now))
            .bind(&d.contact).bind(&d.phone).execute(&mut *tx).await?;
        for (pos, pl) in d.places.iter().enumerate() {
            let (stmt, pid) = match pl.id { Some(pid) => (qu, pid), None => (qi, Uuid::new_v4()) };
            sqlx::query(stmt).bind(tenant).bind(id).bind(pid).bind(&pl.name).bind(&pl.address).bind(pl.lat)
                .bind(pl.lon).bind(i32::try_from(pos).unwrap_or(i32::MAX)).execute(&mut *tx).await?;
        }
        for c in current.places.iter().filter(|c| !kept.contains(&c.id)) {
            sqlx::query(qd).bind(tenant).bind(id).bind(c.id).execute(&mut *tx).await?;
        }
        append!(&mut *tx, db.sealer(), audit)?;
        tx.commit().await
    })?;
    get(db, tenant, id).await
}

pub async fn set_active(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    active: bool,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE institutions SET active = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(active).bind(UtcTs(now)).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            append!(&mut *tx, db.sealer(), audit)?;
        }
        tx.commit().await.map(|_| n)
    })?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// A cheap fingerprint of the tenant's institutions and places (count and last change).
pub async fn fingerprint(db: &Db, tenant: Uuid) -> Result<(i64, Option<UtcTs>)> {
    let q = "SELECT COUNT(*), MAX(updated_at) FROM institutions WHERE tenant_id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_one(p).await)?)
}
