//! Mediators: profile, languages, sectors, availability and absences.

use crate::audit::{AuditEntry, append};
use crate::{Db, DbError, Result, UtcTs, from_json, to_json, with_pool};
use jiff::Timestamp;
use jiff::civil::Date;
use mittler_domain::language::LanguageCode;
use mittler_domain::mediator::{
    Absence, Gender, Home, LanguageSkill, Level, Mediator, MediatorDraft, WeeklyWindow,
};
use std::collections::HashMap;
use uuid::Uuid;

const COLUMNS: &str = "id, name, email, phone, gender, sectors, home_lat, home_lon, remote, speed_kmh, \
                       max_work_min_per_day, availability, absences, qualified_on, pledge_signed_on, active";

#[derive(sqlx::FromRow)]
struct MediatorRow {
    id: Uuid,
    name: String,
    email: String,
    phone: String,
    gender: String,
    sectors: String,
    home_lat: f64,
    home_lon: f64,
    remote: bool,
    speed_kmh: i32,
    max_work_min_per_day: i32,
    availability: String,
    absences: String,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct LanguageRow {
    mediator_id: Uuid,
    code: String,
    level: String,
}

fn date(s: Option<String>) -> Result<Option<Date>> {
    s.map(|s| {
        s.parse::<Date>()
            .map_err(|e| DbError::Corrupt(e.to_string()))
    })
    .transpose()
}

/// The column a phone number is sealed for.
pub(crate) const PHONE: &str = "mediators.phone";

fn assemble(
    rows: Vec<MediatorRow>,
    langs: Vec<LanguageRow>,
    s: &crate::Sealer,
) -> Result<Vec<Mediator>> {
    let mut by_med: HashMap<Uuid, Vec<LanguageSkill>> = HashMap::new();
    for l in langs {
        let code = LanguageCode::parse(&l.code)
            .ok_or_else(|| DbError::Corrupt(format!("language {}", l.code)))?;
        let level =
            Level::parse(&l.level).ok_or_else(|| DbError::Corrupt(format!("level {}", l.level)))?;
        by_med
            .entry(l.mediator_id)
            .or_default()
            .push(LanguageSkill { code, level });
    }
    rows.into_iter()
        .map(|r| {
            let mut languages = by_med.remove(&r.id).unwrap_or_default();
            languages.sort_by(|a, b| a.level.cmp(&b.level).then(a.code.cmp(&b.code)));
            Ok(Mediator {
                id: r.id,
                gender: Gender::parse(&r.gender)
                    .ok_or_else(|| DbError::Corrupt(format!("gender {}", r.gender)))?,
                sectors: from_json(&r.sectors)?,
                availability: from_json::<Vec<WeeklyWindow>>(&r.availability)?,
                absences: from_json::<Vec<Absence>>(&r.absences)?,
                qualified_on: date(r.qualified_on)?,
                pledge_signed_on: date(r.pledge_signed_on)?,
                name: r.name,
                email: r.email,
                phone: s.open(PHONE, Some(r.phone))?.unwrap_or_default(),
                languages,
                home: Home {
                    lat: r.home_lat,
                    lon: r.home_lon,
                },
                remote: r.remote,
                speed_kmh: u16::try_from(r.speed_kmh).unwrap_or(20),
                max_work_min_per_day: u16::try_from(r.max_work_min_per_day).unwrap_or(480),
                active: r.active,
            })
        })
        .collect()
}

struct Encoded {
    sectors: String,
    availability: String,
    absences: String,
    qualified_on: Option<String>,
    pledge_signed_on: Option<String>,
}

fn encode(d: &MediatorDraft) -> Result<Encoded> {
    Ok(Encoded {
        sectors: to_json(&d.sectors)?,
        availability: to_json(&d.availability)?,
        absences: to_json(&d.absences)?,
        qualified_on: d.qualified_on.map(|d| d.to_string()),
        pledge_signed_on: d.pledge_signed_on.map(|d| d.to_string()),
    })
}

pub async fn create(
    db: &Db,
    tenant: Uuid,
    d: &MediatorDraft,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let e = encode(d)?;
    let phone = db.sealer().seal(PHONE, Some(&d.phone))?;
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    let q = "INSERT INTO mediators (id, tenant_id, name, email, phone, gender, sectors, home_lat, home_lon, remote, \
             speed_kmh, max_work_min_per_day, availability, absences, qualified_on, pledge_signed_on, active, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, TRUE, $17, $17)";
    let ql = "INSERT INTO mediator_languages (tenant_id, mediator_id, code, level) VALUES ($1, $2, $3, $4)";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(&d.name).bind(&d.email).bind(&phone).bind(d.gender.as_str())
            .bind(&e.sectors).bind(d.home.lat).bind(d.home.lon).bind(d.remote).bind(i32::from(d.speed_kmh))
            .bind(i32::from(d.max_work_min_per_day)).bind(&e.availability).bind(&e.absences)
            .bind(&e.qualified_on).bind(&e.pledge_signed_on).bind(UtcTs(now)).execute(&mut *tx).await?;
        for l in &d.languages {
            sqlx::query(ql).bind(tenant).bind(id).bind(l.code.as_str()).bind(l.level.as_str()).execute(&mut *tx).await?;
        }
        append!(&mut *tx, db.sealer(), &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

pub async fn list(db: &Db, tenant: Uuid) -> Result<Vec<Mediator>> {
    let q = format!("SELECT {COLUMNS} FROM mediators WHERE tenant_id = $1 ORDER BY name");
    let ql = "SELECT mediator_id, code, level FROM mediator_languages WHERE tenant_id = $1";
    let (rows, langs) = with_pool!(db, p => {
        let rows: Vec<MediatorRow> = sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).fetch_all(p).await?;
        let langs: Vec<LanguageRow> = sqlx::query_as(ql).bind(tenant).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((rows, langs))
    })?;
    let mut all = assemble(rows, langs, &db.sealer())?;
    all.sort_by_cached_key(|m| crate::name_key(&m.name));
    Ok(all)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<Mediator> {
    let q = format!("SELECT {COLUMNS} FROM mediators WHERE tenant_id = $1 AND id = $2");
    let ql = "SELECT mediator_id, code, level FROM mediator_languages WHERE tenant_id = $1 AND mediator_id = $2";
    let (row, langs) = with_pool!(db, p => {
        let row: MediatorRow = sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(id).fetch_one(p).await?;
        let langs: Vec<LanguageRow> = sqlx::query_as(ql).bind(tenant).bind(id).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((row, langs))
    })?;
    assemble(vec![row], langs, &db.sealer())?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)
}

pub async fn update(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    d: &MediatorDraft,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let e = encode(d)?;
    let phone = db.sealer().seal(PHONE, Some(&d.phone))?;
    let q = "UPDATE mediators SET name = $3, email = $4, phone = $5, gender = $6, sectors = $7, home_lat = $8, \
             home_lon = $9, remote = $10, speed_kmh = $11, max_work_min_per_day = $12, availability = $13, \
             absences = $14, qualified_on = $15, pledge_signed_on = $16, updated_at = $17 \
             WHERE tenant_id = $1 AND id = $2";
    let qd = "DELETE FROM mediator_languages WHERE tenant_id = $1 AND mediator_id = $2";
    let ql = "INSERT INTO mediator_languages (tenant_id, mediator_id, code, level) VALUES ($1, $2, $3, $4)";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(&d.name).bind(&d.email).bind(&phone).bind(d.gender.as_str())
            .bind(&e.sectors).bind(d.home.lat).bind(d.home.lon).bind(d.remote).bind(i32::from(d.speed_kmh))
            .bind(i32::from(d.max_work_min_per_day)).bind(&e.availability).bind(&e.absences)
            .bind(&e.qualified_on).bind(&e.pledge_signed_on).bind(UtcTs(now)).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            sqlx::query(qd).bind(tenant).bind(id).execute(&mut *tx).await?;
            for l in &d.languages {
                sqlx::query(ql).bind(tenant).bind(id).bind(l.code.as_str()).bind(l.level.as_str()).execute(&mut *tx).await?;
            }
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

/// Replaces the weekly availability and the absences (the mediator's own page).
pub async fn set_schedule(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    availability: &[WeeklyWindow],
    absences: &[Absence],
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE mediators SET availability = $3, absences = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2";
    let (a, b) = (to_json(&availability)?, to_json(&absences)?);
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(&a).bind(&b).bind(UtcTs(now)).execute(&mut *tx).await?.rows_affected();
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

pub async fn set_active(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    active: bool,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let q = "UPDATE mediators SET active = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2";
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

/// Sets (or with `None` revokes) the hash of the mediator's calendar feed token.
pub async fn set_calendar_token(db: &Db, tenant: Uuid, id: Uuid, hash: Option<&str>) -> Result<()> {
    let q = "UPDATE mediators SET calendar_token_hash = $3 WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).bind(hash).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// The (tenant, mediator) a calendar feed token belongs to.
pub async fn by_calendar_token(db: &Db, hash: &str) -> Result<Option<(Uuid, Uuid)>> {
    // Only while the mediator's own account is active too: a deactivated account's feed
    // stops at once (it names institutions, addresses and client references).
    let q = "SELECT m.tenant_id, m.id FROM mediators m WHERE m.calendar_token_hash = $1 AND m.active = TRUE \
             AND EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = m.tenant_id AND u.mediator_id = m.id \
             AND u.active = TRUE)";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(hash).fetch_optional(p).await)?)
}

/// Whether the mediator has a calendar feed.
pub async fn has_calendar(db: &Db, tenant: Uuid, id: Uuid) -> Result<bool> {
    let q = "SELECT calendar_token_hash FROM mediators WHERE tenant_id = $1 AND id = $2";
    let h: Option<String> =
        with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(id).fetch_one(p).await)?;
    Ok(h.is_some())
}

/// A cheap fingerprint of the tenant's pool (count and last change): caches of the pool
/// stay valid while it is unchanged, across instances.
pub async fn fingerprint(db: &Db, tenant: Uuid) -> Result<(i64, Option<UtcTs>)> {
    let q = "SELECT COUNT(*), MAX(updated_at) FROM mediators WHERE tenant_id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_one(p).await)?)
}
