//! Providers, offers with their texts and sessions, registrations, consents, attendance,
//! the lottery and retention.
//!
//! Seats are decided under a lock on the offer row: every change of seats (confirming,
//! cancelling, drawing) starts with an update of that row, so that concurrent changes of
//! one offer run one after the other on both backends and capacity is never exceeded.

use crate::audit::{AuditEntry, append};
use crate::outbox::{NewMail, enqueue};
use crate::{Db, DbError, Result, UtcTs, with_pool};
use jiff::Timestamp;
use mittler_domain::offer::{
    Category, Consent, OfferDraft, Registration, ScheduleInput, Session, Status, TargetGroup, Text,
    Texts, Venue,
};
use mittler_domain::registration::{self, Status as RegStatus};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Locks the offer row (the first statement of every seat change) and reads what decides.
macro_rules! lock_offer {
    ($tx:expr, $tenant:expr, $offer:expr) => {{
        let q = "UPDATE offers SET next_seq = next_seq + 1 WHERE tenant_id = $1 AND id = $2 \
                 RETURNING next_seq, capacity, registration, drawn_at";
        let r: std::result::Result<(i64, i32, String, Option<UtcTs>), sqlx::Error> =
            sqlx::query_as(q)
                .bind($tenant)
                .bind($offer)
                .fetch_one(&mut *$tx)
                .await;
        r
    }};
}

macro_rules! taken_and_waiting {
    ($tx:expr, $tenant:expr, $offer:expr) => {{
        let q = "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN persons ELSE 0 END), 0), \
                 COALESCE(SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END), 0) \
                 FROM registrations WHERE tenant_id = $1 AND offer_id = $2";
        let r: std::result::Result<(i64, i64), sqlx::Error> = sqlx::query_as(q)
            .bind($tenant)
            .bind($offer)
            .fetch_one(&mut *$tx)
            .await;
        r
    }};
}

macro_rules! position {
    ($tx:expr, $tenant:expr, $offer:expr, $seq:expr) => {{
        let q = "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND status = 'waitlisted' \
                 AND seq <= $3";
        let r: std::result::Result<i64, sqlx::Error> =
            sqlx::query_scalar(q).bind($tenant).bind($offer).bind($seq).fetch_one(&mut *$tx).await;
        r.map(|n| u32::try_from(n).ok())
    }};
}

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
        append!(&mut *tx, &audit)?;
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
                age_min: r.age_min.and_then(|a| u8::try_from(a).ok()),
                age_max: r.age_max.and_then(|a| u8::try_from(a).ok()),
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
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
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
        append!(&mut *tx, &audit)?;
        tx.commit().await
    })?;
    Ok(id)
}

/// Replaces an offer's content and sets its status, under the offer's lock. Refused
/// (`Conflict`) when the offer changed since `current` was read, when the capacity would fall
/// below the seats taken (`offers.capacity`), or when the registration mode would change
/// while registrations are open (`offers.registration`). Sessions keep their ids (and
/// their attendance) when their times stay. A new last date starts its retention anew.
#[allow(clippy::too_many_arguments)]
pub async fn update(
    db: &Db,
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
    let qa = "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND offer_id = $2 \
              AND status IN ('pending', 'confirmed', 'waitlisted', 'entered')";
    let v = &d.venue;
    let no_sessions: [(Uuid, Session); 0] = [];
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        // Seats are decided under the offer's lock: no confirmation slips in between.
        let (_, _, mode, _) = lock_offer!(tx, tenant, id)?;
        let (taken, _) = taken_and_waiting!(tx, tenant, id)?;
        if i64::from(d.capacity) < taken {
            tx.rollback().await?;
            return Err(DbError::Conflict("offers.capacity".into()));
        }
        if mode != d.registration.as_str() {
            let active: i64 = sqlx::query_scalar(qa).bind(tenant).bind(id).fetch_one(&mut *tx).await?;
            if active > 0 {
                tx.rollback().await?;
                return Err(DbError::Conflict("offers.registration".into()));
            }
        }
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
            tx.rollback().await?;
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
        append!(&mut *tx, audit)?;
        tx.commit().await
    })?;
    Ok(())
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
            append!(&mut *tx, audit)?;
        }
        tx.commit().await.map(|_| n == 1)
    })?;
    Ok(done)
}

// ---------------------------------------------------------------- registrations

/// A registration as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reg {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub offer_id: Uuid,
    pub status: RegStatus,
    pub name: String,
    pub email: String,
    pub persons: u32,
    pub children: Vec<u8>,
    pub lang: String,
    pub group: Option<TargetGroup>,
    pub seq: Option<i64>,
    pub created_at: Timestamp,
    pub consents: Vec<(Consent, Option<Timestamp>)>,
    pub anonymised: bool,
}

const REG_COLUMNS: &str = "id, tenant_id, offer_id, status, name, email, persons, children, lang, target_group, seq, \
    created_at, anonymised_at";

#[derive(sqlx::FromRow)]
struct RegRow {
    id: Uuid,
    tenant_id: Uuid,
    offer_id: Uuid,
    status: String,
    name: String,
    email: String,
    persons: i32,
    children: String,
    lang: String,
    target_group: Option<String>,
    seq: Option<i64>,
    created_at: UtcTs,
    anonymised_at: Option<UtcTs>,
}

#[derive(sqlx::FromRow)]
struct ConsentRow {
    registration_id: Uuid,
    purpose: String,
    revoked_at: Option<UtcTs>,
}

fn to_reg(
    r: RegRow,
    consents: &mut HashMap<Uuid, Vec<(Consent, Option<Timestamp>)>>,
) -> Result<Reg> {
    Ok(Reg {
        consents: consents.remove(&r.id).unwrap_or_default(),
        id: r.id,
        tenant_id: r.tenant_id,
        offer_id: r.offer_id,
        status: RegStatus::parse(&r.status).ok_or_else(|| corrupt("registration status"))?,
        name: r.name,
        email: r.email,
        persons: u32::try_from(r.persons).map_err(|_| corrupt("persons"))?,
        children: split(&r.children).filter_map(|a| a.parse().ok()).collect(),
        lang: r.lang,
        group: r.target_group.as_deref().and_then(TargetGroup::parse),
        seq: r.seq,
        created_at: r.created_at.0,
        anonymised: r.anonymised_at.is_some(),
    })
}

fn consent_map(rows: Vec<ConsentRow>) -> HashMap<Uuid, Vec<(Consent, Option<Timestamp>)>> {
    let mut m: HashMap<Uuid, Vec<(Consent, Option<Timestamp>)>> = HashMap::new();
    for c in rows {
        if let Some(p) = Consent::parse(&c.purpose) {
            m.entry(c.registration_id)
                .or_default()
                .push((p, c.revoked_at.map(|t| t.0)));
        }
    }
    m
}

/// A new registration waiting for its e-mail confirmation, with its consents.
pub struct NewRegistration<'a> {
    pub offer_id: Uuid,
    pub draft: &'a registration::RegistrationDraft,
    pub token_hash: String,
}

pub async fn create_registration(
    db: &Db,
    tenant: Uuid,
    r: &NewRegistration<'_>,
    now: Timestamp,
    mails: &[NewMail],
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let d = r.draft;
    let q = "INSERT INTO registrations (id, tenant_id, offer_id, status, name, email, persons, children, lang, target_group, \
             token_hash, created_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11)";
    let qc = "INSERT INTO registration_consents (registration_id, tenant_id, purpose, given_at) VALUES ($1, $2, $3, $4)";
    let children = join(&d.children_ages, ToString::to_string);
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(r.offer_id).bind(&d.name).bind(&d.email)
            .bind(i64::from(d.persons)).bind(&children).bind(&d.lang).bind(d.group.map(TargetGroup::as_str))
            .bind(&r.token_hash).bind(UtcTs(now)).execute(&mut *tx).await?;
        for c in &d.consents {
            sqlx::query(qc).bind(id).bind(tenant).bind(c.as_str()).bind(UtcTs(now)).execute(&mut *tx).await?;
        }
        enqueue!(&mut *tx, Some(tenant), mails, now)?;
        tx.commit().await
    })?;
    Ok(id)
}

async fn load_regs(db: &Db, cond: &str, tenant: Uuid, key: Uuid) -> Result<Vec<Reg>> {
    let q = format!(
        "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND {cond} ORDER BY seq, created_at"
    );
    let qc = format!(
        "SELECT registration_id, purpose, revoked_at FROM registration_consents WHERE tenant_id = $1 AND \
         registration_id IN (SELECT id FROM registrations WHERE tenant_id = $1 AND {cond})"
    );
    let (rows, consents) = with_pool!(db, p => {
        let rows: Vec<RegRow> = sqlx::query_as(sqlx::AssertSqlSafe(q.clone())).bind(tenant).bind(key).fetch_all(p).await?;
        let consents: Vec<ConsentRow> = sqlx::query_as(sqlx::AssertSqlSafe(qc.clone())).bind(tenant).bind(key).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((rows, consents))
    })?;
    let mut consents = consent_map(consents);
    rows.into_iter().map(|r| to_reg(r, &mut consents)).collect()
}

/// The registrations of an offer, in the order of their seats and the waiting list.
pub async fn registrations(db: &Db, tenant: Uuid, offer: Uuid) -> Result<Vec<Reg>> {
    load_regs(db, "offer_id = $2", tenant, offer).await
}

pub async fn registration(db: &Db, tenant: Uuid, id: Uuid) -> Result<Reg> {
    load_regs(db, "id = $2", tenant, id)
        .await?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)
}

/// The registration a link's token belongs to (in any tenant).
pub async fn by_token(db: &Db, token_hash: &str) -> Result<Reg> {
    let q = "SELECT tenant_id, id FROM registrations WHERE token_hash = $1";
    let (tenant, id): (Uuid, Uuid) =
        with_pool!(db, p => sqlx::query_as(q).bind(token_hash).fetch_one(p).await)?;
    registration(db, tenant, id).await
}

/// How following a confirmation link ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Now in this status; `position` on the waiting list when waitlisted.
    Now(RegStatus, Option<u32>),
    /// Was confirmed before (the link was followed again).
    Already(RegStatus, Option<u32>),
}

fn clamp(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// Confirms a pending registration (double opt-in): a seat when one is free and nobody
/// waits, else the waiting list; an entry when the offer's lottery is still to come.
/// `mail` renders the message for the outcome, written in the same transaction.
pub async fn confirm(
    db: &Db,
    reg: &Reg,
    now: Timestamp,
    mail: &(dyn Fn(RegStatus, Option<u32>) -> Option<NewMail> + Sync),
) -> Result<Confirmed> {
    let (tenant, offer) = (reg.tenant_id, reg.offer_id);
    let qs = "SELECT status, seq, persons FROM registrations WHERE tenant_id = $1 AND id = $2";
    let qu = "UPDATE registrations SET status = $3, seq = $4, confirmed_at = $5 WHERE tenant_id = $1 AND id = $2 \
              AND status = 'pending'";
    let out = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let (seq, capacity, mode, drawn) = lock_offer!(tx, tenant, offer)?;
        let (status, old_seq, persons): (String, Option<i64>, i32) =
            sqlx::query_as(qs).bind(tenant).bind(reg.id).fetch_one(&mut *tx).await?;
        if status != "pending" {
            let st = RegStatus::parse(&status).unwrap_or(RegStatus::Cancelled);
            let pos = match (st, old_seq) {
                (RegStatus::Waitlisted, Some(s)) => position!(tx, tenant, offer, s)?,
                _ => None,
            };
            tx.rollback().await?;
            return Ok(Confirmed::Already(st, pos));
        }
        let new = if mode == "lottery" && drawn.is_none() {
            RegStatus::Entered
        } else {
            let (taken, waiting) = taken_and_waiting!(tx, tenant, offer)?;
            registration::place(clamp(i64::from(capacity)), clamp(taken), clamp(i64::from(persons)), waiting > 0)
        };
        sqlx::query(qu).bind(tenant).bind(reg.id).bind(new.as_str()).bind(seq).bind(UtcTs(now))
            .execute(&mut *tx).await?;
        let pos = if new == RegStatus::Waitlisted { position!(tx, tenant, offer, seq)? } else { None };
        let mails: Vec<NewMail> = mail(new, pos).into_iter().collect();
        enqueue!(&mut *tx, Some(tenant), mails, now)?;
        tx.commit().await.map(|_| Confirmed::Now(new, pos))
    })?;
    Ok(out)
}

/// Moves the first on the waiting list up while they fit (on `$tx`, under the offer
/// lock), writing `$mail` for each; evaluates to the promoted registrations.
macro_rules! promote {
    ($tx:expr, $tenant:expr, $offer:expr, $capacity:expr, $now:expr, $mail:expr) => {{
        let qw = format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND status = 'waitlisted' \
             ORDER BY seq"
        );
        let qp = "UPDATE registrations SET status = 'confirmed' WHERE tenant_id = $1 AND id = $2 AND status = 'waitlisted'";
        let mut promoted: Vec<Reg> = Vec::new();
        let (taken, _) = taken_and_waiting!($tx, $tenant, $offer)?;
        let rows: Vec<RegRow> = sqlx::query_as(sqlx::AssertSqlSafe(qw)).bind($tenant).bind($offer)
            .fetch_all(&mut *$tx).await?;
        let mut none = HashMap::new();
        let waiting: Vec<Reg> = rows.into_iter().map(|r| to_reg(r, &mut none)).collect::<Result<_>>()
            .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?;
        let queue: Vec<(Uuid, u32)> = waiting.iter().map(|r| (r.id, r.persons)).collect();
        let up = registration::promotions(clamp(i64::from($capacity)), clamp(taken), &queue);
        for r in waiting.into_iter().filter(|r| up.contains(&r.id)) {
            sqlx::query(qp).bind($tenant).bind(r.id).execute(&mut *$tx).await?;
            let mails: Vec<NewMail> = $mail(&r).into_iter().collect();
            enqueue!(&mut *$tx, Some($tenant), mails, $now)?;
            promoted.push(Reg { status: RegStatus::Confirmed, ..r });
        }
        promoted
    }};
}

/// Gives free seats to the waiting list (after the capacity of an offer went up).
pub async fn fill_from_waitlist(
    db: &Db,
    tenant: Uuid,
    offer: Uuid,
    now: Timestamp,
    promoted_mail: &(dyn Fn(&Reg) -> Option<NewMail> + Sync),
) -> Result<Vec<Reg>> {
    let out = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let (_, capacity, mode, drawn) = lock_offer!(tx, tenant, offer)?;
        if mode == "lottery" && drawn.is_none() {
            tx.rollback().await?;
            return Ok(Vec::new());
        }
        let promoted = promote!(tx, tenant, offer, capacity, now, promoted_mail);
        tx.commit().await.map(|_| promoted)
    })?;
    Ok(out)
}

/// What to release of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    All,
    /// One child (by its index in the registration), the others keep their seats.
    Child(usize),
}

/// The outcome of a cancellation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancelled {
    /// The registration's status after the change (`cancelled`, or unchanged for one child).
    pub status: RegStatus,
    /// Whether anything changed (a repeated link changes nothing).
    pub changed: bool,
    /// Registrations moved up from the waiting list.
    pub promoted: Vec<Reg>,
}

/// Cancels a registration or one child of it; freed seats go to the first on the waiting
/// list (in its order), who are told by `promoted_mail` in the same transaction.
/// `own_mail` is written when the whole registration ends. A child index that does not
/// exist is refused (`Conflict("registrations.child")`) and changes nothing.
pub async fn cancel(
    db: &Db,
    reg: &Reg,
    release: Release,
    now: Timestamp,
    own_mail: Option<NewMail>,
    promoted_mail: &(dyn Fn(&Reg) -> Option<NewMail> + Sync),
) -> Result<Cancelled> {
    let (tenant, offer) = (reg.tenant_id, reg.offer_id);
    let qs = "SELECT status, persons, children FROM registrations WHERE tenant_id = $1 AND id = $2";
    let qall = "UPDATE registrations SET status = 'cancelled', cancelled_at = $3 WHERE tenant_id = $1 AND id = $2";
    let qone =
        "UPDATE registrations SET persons = $3, children = $4 WHERE tenant_id = $1 AND id = $2";
    let out = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let (_, capacity, mode, drawn) = lock_offer!(tx, tenant, offer)?;
        let (status, persons, children): (String, i32, String) =
            sqlx::query_as(qs).bind(tenant).bind(reg.id).fetch_one(&mut *tx).await?;
        let status = RegStatus::parse(&status).unwrap_or(RegStatus::Cancelled);
        if status == RegStatus::Cancelled {
            tx.rollback().await?;
            return Ok(Cancelled { status, changed: false, promoted: Vec::new() });
        }
        let mut ages: Vec<&str> = split(&children).collect();
        let whole = match release {
            Release::All => true,
            Release::Child(i) if i >= ages.len() => {
                tx.rollback().await?;
                return Err(DbError::Conflict("registrations.child".into()));
            }
            Release::Child(_) => persons <= 1,
        };
        let new_status = if whole {
            sqlx::query(qall).bind(tenant).bind(reg.id).bind(UtcTs(now)).execute(&mut *tx).await?;
            RegStatus::Cancelled
        } else {
            if let Release::Child(i) = release && i < ages.len() {
                ages.remove(i);
            }
            sqlx::query(qone).bind(tenant).bind(reg.id).bind(persons - 1).bind(ages.join(","))
                .execute(&mut *tx).await?;
            status
        };
        // Freed seats, or a waiting family that now fits or left the queue: the queue moves.
        let seats_open = !(mode == "lottery" && drawn.is_none());
        let promoted = if seats_open {
            promote!(tx, tenant, offer, capacity, now, promoted_mail)
        } else {
            Vec::new()
        };
        let own: Vec<NewMail> = own_mail.filter(|_| whole).into_iter().collect();
        enqueue!(&mut *tx, Some(tenant), own, now)?;
        tx.commit().await.map(|_| Cancelled { status: new_status, changed: true, promoted })
    })?;
    Ok(out)
}

/// Withdraws one consent (photos, passing the contact on); participation is withdrawn by
/// cancelling.
pub async fn revoke_consent(
    db: &Db,
    tenant: Uuid,
    registration: Uuid,
    purpose: Consent,
    now: Timestamp,
) -> Result<bool> {
    let q = "UPDATE registration_consents SET revoked_at = $4 WHERE tenant_id = $1 AND registration_id = $2 \
             AND purpose = $3 AND revoked_at IS NULL";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(registration).bind(purpose.as_str())
        .bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

// ---------------------------------------------------------------- lottery

/// Lotteries whose time has come: (tenant, offer).
pub async fn due_lotteries(db: &Db, now: Timestamp) -> Result<Vec<(Uuid, Uuid)>> {
    let q = "SELECT tenant_id, id FROM offers WHERE registration = 'lottery' AND drawn_at IS NULL AND lottery_at <= $1 \
             AND status = 'published' ORDER BY lottery_at LIMIT 100";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(UtcTs(now)).fetch_all(p).await)?)
}

/// Given the capacity and the entries, the winners and the waiting list.
pub type DrawFn<'a> = dyn Fn(u32, &[Reg]) -> (Vec<Uuid>, Vec<Uuid>) + Sync + 'a;
/// The mail for an entry that won (`confirmed`) or waits at a position.
pub type DrawMailFn<'a> = dyn Fn(&Reg, RegStatus, Option<u32>) -> Option<NewMail> + Sync + 'a;

/// Draws an offer's lottery once: `draw` gets the entries (in order of confirmation) and
/// returns winners and waiting list; both are written, with their mails, in one
/// transaction under the offer lock. `None` when it was drawn before.
// The draw, its mails and its audit line belong to one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn draw(
    db: &Db,
    tenant: Uuid,
    offer: Uuid,
    seed: i64,
    now: Timestamp,
    draw: &DrawFn<'_>,
    mail: &DrawMailFn<'_>,
    audit: &AuditEntry,
) -> Result<Option<(usize, usize)>> {
    let qd = "UPDATE offers SET drawn_at = $3, lottery_seed = $4 WHERE tenant_id = $1 AND id = $2 AND drawn_at IS NULL";
    let qe = format!(
        "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND status = 'entered' ORDER BY seq"
    );
    let qu = "UPDATE registrations SET status = $3, seq = $4 WHERE tenant_id = $1 AND id = $2";
    let out = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let (_, capacity, _, _) = lock_offer!(tx, tenant, offer)?;
        let n = sqlx::query(qd).bind(tenant).bind(offer).bind(UtcTs(now)).bind(seed).execute(&mut *tx).await?
            .rows_affected();
        if n != 1 {
            tx.rollback().await?;
            return Ok(None);
        }
        let rows: Vec<RegRow> = sqlx::query_as(sqlx::AssertSqlSafe(qe.clone())).bind(tenant).bind(offer).fetch_all(&mut *tx).await?;
        let mut none = HashMap::new();
        let entries: Vec<Reg> = rows.into_iter().map(|r| to_reg(r, &mut none)).collect::<Result<_>>()
            .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?;
        // Seats taken before a change of mode are not drawn again.
        let (taken, _) = taken_and_waiting!(tx, tenant, offer)?;
        let (winners, waitlist) = draw(clamp(i64::from(capacity) - taken), &entries);
        // Drawn seats come first; later registrations queue behind the drawn waiting list.
        let mut k: i64 = -i64::try_from(winners.len() + waitlist.len()).unwrap_or(0) - 1;
        let mut position = 0u32;
        for (ids, st) in [(&winners, RegStatus::Confirmed), (&waitlist, RegStatus::Waitlisted)] {
            for id in ids.iter() {
                k += 1;
                sqlx::query(qu).bind(tenant).bind(id).bind(st.as_str()).bind(k).execute(&mut *tx).await?;
                if let Some(r) = entries.iter().find(|r| r.id == *id) {
                    let pos = (st == RegStatus::Waitlisted).then(|| { position += 1; position });
                    let mails: Vec<NewMail> = mail(r, st, pos).into_iter().collect();
                    enqueue!(&mut *tx, Some(tenant), mails, now)?;
                }
            }
        }
        append!(&mut *tx, audit)?;
        tx.commit().await.map(|_| Some((winners.len(), waitlist.len())))
    })?;
    Ok(out)
}

// ---------------------------------------------------------------- attendance

/// Records attendance, (registration, session, present) each, in one transaction.
pub async fn set_attendance(
    db: &Db,
    tenant: Uuid,
    cells: &[(Uuid, Uuid, bool)],
    now: Timestamp,
) -> Result<()> {
    let q = "INSERT INTO attendance (registration_id, session_id, tenant_id, present, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (registration_id, session_id) \
             DO UPDATE SET present = excluded.present, recorded_at = excluded.recorded_at";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        for (registration, session, present) in cells {
            sqlx::query(q).bind(registration).bind(session).bind(tenant).bind(present)
                .bind(UtcTs(now)).execute(&mut *tx).await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Attendance of an offer's registrations: (registration, session) → present.
pub async fn attendance(db: &Db, tenant: Uuid, offer: Uuid) -> Result<HashMap<(Uuid, Uuid), bool>> {
    let q = "SELECT a.registration_id, a.session_id, a.present FROM attendance a \
             JOIN offer_sessions s ON s.id = a.session_id WHERE a.tenant_id = $1 AND s.offer_id = $2";
    let rows: Vec<(Uuid, Uuid, bool)> =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(offer).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|(r, s, p)| ((r, s), p)).collect())
}

// ---------------------------------------------------------------- retention

/// Every tenant with its retention in days.
pub async fn retention_by_tenant(db: &Db) -> Result<Vec<(Uuid, i32)>> {
    let q = "SELECT id, retention_days FROM tenants ORDER BY id";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}

/// Offers of a tenant whose last date was before `cutoff` and whose registrations still
/// hold personal data.
pub async fn ended_before(db: &Db, tenant: Uuid, cutoff: Timestamp) -> Result<Vec<Uuid>> {
    let q = "SELECT id FROM offers WHERE tenant_id = $1 AND retained_at IS NULL AND last_end <= $2 \
             ORDER BY last_end LIMIT 500";
    Ok(
        with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(UtcTs(cutoff)).fetch_all(p).await)?,
    )
}

/// Anonymises every registration of an offer: names, addresses and consents go; status,
/// persons, ages and attendance stay for the statistics. Returns how many were changed.
pub async fn anonymise(
    db: &Db,
    tenant: Uuid,
    offer: Uuid,
    now: Timestamp,
    audit: &AuditEntry,
) -> Result<u64> {
    let qi = "SELECT id FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND anonymised_at IS NULL";
    // The link token goes too: a random value keeps the column unique and matches no link.
    let qr = "UPDATE registrations SET name = '', email = '', token_hash = $3, anonymised_at = $4 \
              WHERE tenant_id = $1 AND id = $2";
    let qc = "DELETE FROM registration_consents WHERE tenant_id = $1 AND registration_id IN \
              (SELECT id FROM registrations WHERE tenant_id = $1 AND offer_id = $2)";
    let qo = "UPDATE offers SET retained_at = $3 WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(qc).bind(tenant).bind(offer).execute(&mut *tx).await?;
        let ids: Vec<Uuid> = sqlx::query_scalar(qi).bind(tenant).bind(offer).fetch_all(&mut *tx).await?;
        for id in &ids {
            sqlx::query(qr).bind(tenant).bind(id).bind(format!("gone:{}", Uuid::new_v4())).bind(UtcTs(now))
                .execute(&mut *tx).await?;
        }
        let n = u64::try_from(ids.len()).unwrap_or(u64::MAX);
        sqlx::query(qo).bind(tenant).bind(offer).bind(UtcTs(now)).execute(&mut *tx).await?;
        append!(&mut *tx, audit)?;
        tx.commit().await.map(|_| n)
    })?;
    Ok(n)
}
