//! Providers and offers with their texts and sessions; registrations and retention in
//! their own modules.

mod registrations;
mod retention;

pub use registrations::*;
pub use retention::*;

use crate::audit::{AuditEntry, append};
use crate::{Db, DbError, Result, Tx, UtcTs, with_pool, with_tx};
use jiff::Timestamp;
use mittler_domain::offer::{
    Category, OfferDraft, Registration, ScheduleInput, Session, Status, TargetGroup, Text, Texts,
    Venue,
};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

// ---------------------------------------------------------------- providers

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Provider {
    pub id: Uuid,
    pub name: String,
    pub active: bool,
}

pub async fn create_provider(
    db: &Db,
    tenant: Uuid,
    name: &str,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    let q = "INSERT INTO providers (id, tenant_id, name, active, created_at, updated_at) VALUES ($1, $2, $3, TRUE, $4, $4)";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(name).bind(UtcTs(now)).execute(&mut *tx).await?;
        append!(&mut *tx, db.sealer(), &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

pub async fn providers(db: &Db, tenant: Uuid) -> Result<Vec<Provider>> {
    let q = "SELECT id, name, active FROM providers WHERE tenant_id = $1 ORDER BY name";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_all(p).await)?)
}

pub async fn provider(db: &Db, tenant: Uuid, id: Uuid) -> Result<Provider> {
    let q = "SELECT id, name, active FROM providers WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?)
}

// ---------------------------------------------------------------- offers

/// An offer as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub provider_name: String,
    pub status: Status,
    pub texts: Texts,
    pub category: Category,
    pub target_groups: Vec<TargetGroup>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub languages: Vec<String>,
    pub venue: Venue,
    pub schedule: ScheduleInput,
    pub sessions: Vec<(Uuid, Session)>,
    pub cost_cents: u32,
    pub cost_note: Option<String>,
    pub capacity: u32,
    pub registration: Registration,
    pub quotas: Vec<(TargetGroup, u32)>,
    pub lottery_seed: Option<i64>,
    pub drawn_at: Option<Timestamp>,
    pub review_note: Option<String>,
    pub retained_at: Option<Timestamp>,
    pub first_start: Timestamp,
    pub last_end: Timestamp,
    pub updated_at: Timestamp,
}

const OFFER_COLUMNS: &str = "o.id, o.provider_id, p.name AS provider_name, o.status, o.category, o.target_groups, \
    o.age_min, o.age_max, o.languages, o.place_name, o.address, o.district, o.lat, o.lon, o.accessibility, o.schedule, \
    o.cost_cents, o.cost_note, o.capacity, o.registration, o.lottery_at, o.lottery_seed, o.drawn_at, o.quotas, \
    o.de_revision, o.review_note, o.retained_at, o.first_start, o.last_end, o.updated_at";

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: Uuid,
    provider_id: Uuid,
    provider_name: String,
    status: String,
    category: String,
    target_groups: String,
    age_min: Option<i32>,
    age_max: Option<i32>,
    languages: String,
    place_name: String,
    address: String,
    district: Option<String>,
    lat: f64,
    lon: f64,
    accessibility: Option<String>,
    schedule: String,
    cost_cents: i32,
    cost_note: Option<String>,
    capacity: i32,
    registration: String,
    lottery_at: Option<UtcTs>,
    lottery_seed: Option<i64>,
    drawn_at: Option<UtcTs>,
    quotas: String,
    de_revision: i32,
    review_note: Option<String>,
    retained_at: Option<UtcTs>,
    first_start: UtcTs,
    last_end: UtcTs,
    updated_at: UtcTs,
}

#[derive(sqlx::FromRow)]
struct TextRow {
    offer_id: Uuid,
    lang: String,
    title: String,
    description: String,
    de_revision: i32,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: Uuid,
    offer_id: Uuid,
    start_at: UtcTs,
    end_at: UtcTs,
}

fn corrupt(what: &str) -> DbError {
    DbError::Corrupt(what.to_owned())
}

fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').filter(|x| !x.is_empty())
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(",")
}

fn quotas_text(q: &[(TargetGroup, u32)]) -> String {
    join(q, |(g, n)| format!("{}:{n}", g.as_str()))
}

fn assemble(
    rows: Vec<OfferRow>,
    texts: Vec<TextRow>,
    sessions: Vec<SessionRow>,
) -> Result<Vec<Offer>> {
    let mut by_text: HashMap<Uuid, BTreeMap<String, Text>> = HashMap::new();
    for t in texts {
        by_text.entry(t.offer_id).or_default().insert(
            t.lang,
            Text {
                title: t.title,
                description: t.description,
                de_revision: t.de_revision,
            },
        );
    }
    let mut by_session: HashMap<Uuid, Vec<(Uuid, Session)>> = HashMap::new();
    for s in sessions {
        by_session.entry(s.offer_id).or_default().push((
            s.id,
            Session {
                start: s.start_at.0,
                end: s.end_at.0,
            },
        ));
    }
    rows.into_iter()
        .map(|r| {
            let target_groups = split(&r.target_groups)
                .map(|g| TargetGroup::parse(g).ok_or_else(|| corrupt("target group")))
                .collect::<Result<Vec<_>>>()?;
            let quotas = split(&r.quotas)
                .map(|q| {
                    let (g, n) = q.split_once(':').ok_or_else(|| corrupt("quota"))?;
                    Ok((
                        TargetGroup::parse(g).ok_or_else(|| corrupt("quota group"))?,
                        n.parse().map_err(|_| corrupt("quota seats"))?,
                    ))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Offer {
                id: r.id,
                provider_id: r.provider_id,
                provider_name: r.provider_name,
                status: Status::parse(&r.status).ok_or_else(|| corrupt("offer status"))?,
                texts: Texts {
                    by_lang: by_text.remove(&r.id).unwrap_or_default(),
                    de_revision: r.de_revision,
                },
                category: Category::parse(&r.category).ok_or_else(|| corrupt("category"))?,
                target_groups,
                age_min: r
                    .age_min
                    .map(|a| u8::try_from(a).map_err(|_| corrupt("age_min")))
                    .transpose()?,
                age_max: r
                    .age_max
                    .map(|a| u8::try_from(a).map_err(|_| corrupt("age_max")))
                    .transpose()?,
                languages: split(&r.languages).map(str::to_owned).collect(),
                venue: Venue {
                    name: r.place_name,
                    address: r.address,
                    district: r.district,
                    lat: r.lat,
                    lon: r.lon,
                    accessibility: r.accessibility,
                },
                schedule: serde_json::from_str(&r.schedule).map_err(|_| corrupt("schedule"))?,
                sessions: by_session.remove(&r.id).unwrap_or_default(),
                cost_cents: u32::try_from(r.cost_cents).map_err(|_| corrupt("cost"))?,
                cost_note: r.cost_note,
                capacity: u32::try_from(r.capacity).map_err(|_| corrupt("capacity"))?,
                registration: Registration::from_parts(&r.registration, r.lottery_at.map(|t| t.0))
                    .ok_or_else(|| corrupt("registration"))?,
                quotas,
                lottery_seed: r.lottery_seed,
                drawn_at: r.drawn_at.map(|t| t.0),
                review_note: r.review_note,
                retained_at: r.retained_at.map(|t| t.0),
                first_start: r.first_start.0,
                last_end: r.last_end.0,
                updated_at: r.updated_at.0,
            })
        })
        .collect()
}

/// Which offers to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfferFilter {
    pub provider: Option<Uuid>,
    pub status: Option<Status>,
    pub id: Option<Uuid>,
}

/// Offers of a tenant with texts and sessions, soonest first.
pub async fn list(db: &Db, tenant: Uuid, f: OfferFilter) -> Result<Vec<Offer>> {
    let cond = "o.tenant_id = $1 AND ($2 IS NULL OR o.provider_id = $2) AND ($3 IS NULL OR o.status = $3) \
                AND ($4 IS NULL OR o.id = $4)";
    let q = format!(
        "SELECT {OFFER_COLUMNS} FROM offers o JOIN providers p ON p.id = o.provider_id WHERE {cond} \
         ORDER BY o.first_start, o.id"
    );
    let qt = format!(
        "SELECT t.offer_id, t.lang, t.title, t.description, t.de_revision FROM offer_texts t \
         JOIN offers o ON o.id = t.offer_id WHERE {cond}"
    );
    let qs = format!(
        "SELECT s.id, s.offer_id, s.start_at, s.end_at FROM offer_sessions s \
         JOIN offers o ON o.id = s.offer_id WHERE {cond} ORDER BY s.start_at"
    );
    let status = f.status.map(Status::as_str);
    let (rows, texts, sessions) = with_pool!(db, p => {
        let rows: Vec<OfferRow> = sqlx::query_as(sqlx::AssertSqlSafe(q.clone())).bind(tenant).bind(f.provider).bind(status).bind(f.id)
            .fetch_all(p).await?;
        let texts: Vec<TextRow> = sqlx::query_as(sqlx::AssertSqlSafe(qt.clone())).bind(tenant).bind(f.provider).bind(status).bind(f.id)
            .fetch_all(p).await?;
        let sessions: Vec<SessionRow> = sqlx::query_as(sqlx::AssertSqlSafe(qs.clone())).bind(tenant).bind(f.provider).bind(status).bind(f.id)
            .fetch_all(p).await?;
        Ok::<_, sqlx::Error>((rows, texts, sessions))
    })?;
    assemble(rows, texts, sessions)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<Offer> {
    list(
        db,
        tenant,
        OfferFilter {
            id: Some(id),
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .next()
    .ok_or(DbError::NotFound)
}

/// A cheap sign of change of a tenant's offers: number and latest change.
pub async fn fingerprint(db: &Db, tenant: Uuid) -> Result<(i64, Option<UtcTs>)> {
    let q = "SELECT COUNT(*), MAX(updated_at) FROM offers WHERE tenant_id = $1";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_one(p).await)?)
}

/// Seats taken (confirmed persons) per published offer of a tenant.
pub async fn seats_taken(db: &Db, tenant: Uuid) -> Result<HashMap<Uuid, u32>> {
    let q = "SELECT r.offer_id, SUM(r.persons) FROM registrations r JOIN offers o ON o.id = r.offer_id \
             WHERE r.tenant_id = $1 AND o.status = 'published' AND r.status = 'confirmed' GROUP BY r.offer_id";
    let rows: Vec<(Uuid, i64)> =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(id, n)| Ok((id, u32::try_from(n).map_err(|_| corrupt("seats taken"))?)))
        .collect()
}

/// Writes texts and sessions of an offer on `$conn`.
macro_rules! write_parts {
    ($tx:expr, $tenant:expr, $id:expr, $texts:expr, $sessions:expr) => {{
        let qt = "INSERT INTO offer_texts (offer_id, tenant_id, lang, title, description, de_revision) \
                  VALUES ($1, $2, $3, $4, $5, $6)";
        let qs = "INSERT INTO offer_sessions (id, tenant_id, offer_id, start_at, end_at) VALUES ($1, $2, $3, $4, $5)";
        let mut r: std::result::Result<(), sqlx::Error> = Ok(());
        for (lang, t) in &$texts.by_lang {
            r = sqlx::query(qt).bind($id).bind($tenant).bind(lang).bind(&t.title).bind(&t.description)
                .bind(t.de_revision).execute(&mut *$tx).await.map(|_| ());
            if r.is_err() { break; }
        }
        if r.is_ok() {
            for s in $sessions.iter() {
                let s: &(Uuid, Session) = s;
                r = sqlx::query(qs).bind(s.0).bind($tenant).bind($id).bind(UtcTs(s.1.start)).bind(UtcTs(s.1.end))
                    .execute(&mut *$tx).await.map(|_| ());
                if r.is_err() { break; }
            }
        }
        r
    }};
}

fn span(sessions: &[Session]) -> Result<(Timestamp, Timestamp)> {
    let first = sessions.iter().map(|s| s.start).min();
    let last = sessions.iter().map(|s| s.end).max();
    first
        .zip(last)
        .ok_or_else(|| corrupt("offer without sessions"))
}

/// Stores a new offer in `status`.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &Db,
    tenant: Uuid,
    provider: Uuid,
    d: &OfferDraft,
    texts: &Texts,
    schedule: &ScheduleInput,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let mut audit = audit.clone();
    audit.object_id = Some(id);
    let (first, last) = span(&d.sessions)?;
    let sessions: Vec<(Uuid, Session)> = d.sessions.iter().map(|s| (Uuid::new_v4(), *s)).collect();
    let schedule = serde_json::to_string(schedule).map_err(|e| corrupt(&e.to_string()))?;
    let q = "INSERT INTO offers (id, tenant_id, provider_id, status, category, target_groups, age_min, age_max, languages, \
             place_name, address, district, lat, lon, accessibility, schedule, cost_cents, cost_note, capacity, registration, \
             lottery_at, quotas, de_revision, first_start, last_end, created_at, updated_at) \
             VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
             $23, $24, $25, $25)";
    let v = &d.venue;
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(provider).bind(d.category.as_str())
            .bind(join(&d.target_groups, |g| g.as_str().to_owned())).bind(d.age_min.map(i32::from))
            .bind(d.age_max.map(i32::from)).bind(d.languages.join(",")).bind(&v.name).bind(&v.address)
            .bind(&v.district).bind(v.lat).bind(v.lon).bind(&v.accessibility).bind(&schedule)
            .bind(i64::from(d.cost_cents)).bind(&d.cost_note).bind(i64::from(d.capacity))
            .bind(d.registration.as_str()).bind(d.registration.lottery_at().map(UtcTs))
            .bind(quotas_text(&d.quotas)).bind(texts.de_revision).bind(UtcTs(first)).bind(UtcTs(last))
            .bind(UtcTs(now)).execute(&mut *tx).await?;
        write_parts!(tx, tenant, id, texts, sessions)?;
        append!(&mut *tx, db.sealer(), &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

/// Replaces an offer's content and sets its status, within the use-case's transaction
/// (which holds the offer's [`lock`] and decided that the change is allowed). Refused
/// (`Conflict("offers.updated_at")`) when the offer changed since `current` was read.
/// Sessions keep their ids (and their attendance) when their times stay. A new last date
/// starts its retention anew.
#[allow(clippy::too_many_arguments)]
pub async fn update(
    tx: &mut Tx,
    tenant: Uuid,
    current: &Offer,
    d: &OfferDraft,
    texts: &Texts,
    schedule: &ScheduleInput,
    status: Status,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let id = current.id;
    let (first, last) = span(&d.sessions)?;
    let schedule = serde_json::to_string(schedule).map_err(|e| corrupt(&e.to_string()))?;
    let new_sessions: Vec<(Uuid, Session)> = d
        .sessions
        .iter()
        .filter(|s| !current.sessions.iter().any(|(_, c)| c == *s))
        .map(|s| (Uuid::new_v4(), *s))
        .collect();
    let gone: Vec<Uuid> = current
        .sessions
        .iter()
        .filter(|(_, c)| !d.sessions.contains(c))
        .map(|(id, _)| *id)
        .collect();
    let q = "UPDATE offers SET status = $4, category = $5, target_groups = $6, age_min = $7, age_max = $8, languages = $9, \
             place_name = $10, address = $11, district = $12, lat = $13, lon = $14, accessibility = $15, schedule = $16, \
             cost_cents = $17, cost_note = $18, capacity = $19, registration = $20, lottery_at = $21, quotas = $22, \
             de_revision = $23, first_start = $24, last_end = $25, updated_at = $26, \
             retained_at = CASE WHEN last_end = $25 THEN retained_at ELSE NULL END \
             WHERE tenant_id = $1 AND id = $2 AND updated_at = $3";
    let v = &d.venue;
    let sealer = tx.sealer();
    let no_sessions: [(Uuid, Session); 0] = [];
    with_tx!(tx, tx => {
        let n = sqlx::query(q).bind(tenant).bind(id).bind(UtcTs(current.updated_at)).bind(status.as_str())
            .bind(d.category.as_str())
            .bind(join(&d.target_groups, |g| g.as_str().to_owned())).bind(d.age_min.map(i32::from))
            .bind(d.age_max.map(i32::from)).bind(d.languages.join(",")).bind(&v.name).bind(&v.address)
            .bind(&v.district).bind(v.lat).bind(v.lon).bind(&v.accessibility).bind(&schedule)
            .bind(i64::from(d.cost_cents)).bind(&d.cost_note).bind(i64::from(d.capacity))
            .bind(d.registration.as_str()).bind(d.registration.lottery_at().map(UtcTs))
            .bind(quotas_text(&d.quotas)).bind(texts.de_revision).bind(UtcTs(first)).bind(UtcTs(last))
            .bind(UtcTs(now)).execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            return Err(DbError::Conflict("offers.updated_at".into()));
        }
        sqlx::query("DELETE FROM offer_texts WHERE tenant_id = $1 AND offer_id = $2").bind(tenant).bind(id)
            .execute(&mut *tx).await?;
        for g in &gone {
            sqlx::query("DELETE FROM offer_sessions WHERE tenant_id = $1 AND id = $2").bind(tenant).bind(g)
                .execute(&mut *tx).await?;
        }
        write_parts!(tx, tenant, id, texts, no_sessions)?;
        write_parts!(tx, tenant, id, Texts::default(), new_sessions)?;
        append!(&mut *tx, sealer, audit)?;
        Ok::<_, DbError>(())
    })
}

/// Moves an offer from one of `from` to `to`; `false` when it was in none of them.
#[allow(clippy::too_many_arguments)]
pub async fn set_status(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: &[Status],
    to: Status,
    note: Option<&str>,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<bool> {
    if from.is_empty() {
        return Ok(false);
    }
    let list = join(from, |s| format!("'{}'", s.as_str()));
    let q = format!(
        "UPDATE offers SET status = $3, review_note = $4, updated_at = $5 \
         WHERE tenant_id = $1 AND id = $2 AND status IN ({list})"
    );
    let done = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(sqlx::AssertSqlSafe(q.clone())).bind(tenant).bind(id).bind(to.as_str()).bind(note).bind(UtcTs(now))
            .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            append!(&mut *tx, db.sealer(), audit)?;
        }
        tx.commit().await.map(|_| n == 1)
    })?;
    Ok(done)
}
