//! Registrations, their consents, attendance and the lottery's bookkeeping.
//!
//! Seats are decided by the use-cases (`app`) with the rules of `domain::registration`,
//! inside a transaction they open. Every seat change starts with [`lock`]: an update of
//! the offer row, so that concurrent changes of one offer run one after the other on both
//! backends and capacity is never exceeded. The functions here only read and write rows;
//! a stored value they cannot read is an error ([`DbError::Corrupt`]), never a default.

use super::{corrupt, join, split};
use crate::{Db, DbError, Result, Tx, UtcTs, with_pool, with_tx};
use jiff::Timestamp;
use mittler_domain::offer::{Consent, Registration, TargetGroup};
use mittler_domain::registration::{self, Status as RegStatus};
use std::collections::HashMap;
use uuid::Uuid;

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

/// The consents of registrations by registration, each with when it was withdrawn.
type Consents = HashMap<Uuid, Vec<(Consent, Option<Timestamp>)>>;

fn status(s: &str) -> Result<RegStatus> {
    RegStatus::parse(s).ok_or_else(|| corrupt("registration status"))
}

fn ages(s: &str) -> Result<Vec<u8>> {
    split(s)
        .map(|a| a.parse().map_err(|_| corrupt("registration children")))
        .collect()
}

fn count(n: i64, what: &str) -> Result<u32> {
    u32::try_from(n).map_err(|_| corrupt(what))
}

fn to_reg(r: RegRow, consents: &mut Consents) -> Result<Reg> {
    Ok(Reg {
        consents: consents.remove(&r.id).unwrap_or_default(),
        id: r.id,
        tenant_id: r.tenant_id,
        offer_id: r.offer_id,
        status: status(&r.status)?,
        name: r.name,
        email: r.email,
        persons: u32::try_from(r.persons).map_err(|_| corrupt("persons"))?,
        children: ages(&r.children)?,
        lang: r.lang,
        group: r
            .target_group
            .as_deref()
            .map(|g| TargetGroup::parse(g).ok_or_else(|| corrupt("registration group")))
            .transpose()?,
        seq: r.seq,
        created_at: r.created_at.0,
        anonymised: r.anonymised_at.is_some(),
    })
}

fn consent_map(rows: Vec<ConsentRow>) -> Result<Consents> {
    let mut m: Consents = HashMap::new();
    for c in rows {
        let p = Consent::parse(&c.purpose).ok_or_else(|| corrupt("consent purpose"))?;
        m.entry(c.registration_id)
            .or_default()
            .push((p, c.revoked_at.map(|t| t.0)));
    }
    Ok(m)
}

/// A new registration waiting for its e-mail confirmation, with its consents.
pub struct NewRegistration<'a> {
    pub offer_id: Uuid,
    pub draft: &'a registration::RegistrationDraft,
    pub token_hash: String,
}

/// Stores a pending registration with its consents (the caller writes its mail in `tx`).
pub async fn create_registration(
    tx: &mut Tx,
    tenant: Uuid,
    r: &NewRegistration<'_>,
    now: Timestamp,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    let d = r.draft;
    let q = "INSERT INTO registrations (id, tenant_id, offer_id, status, name, email, persons, children, lang, target_group, \
             token_hash, created_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11)";
    let qc = "INSERT INTO registration_consents (registration_id, tenant_id, purpose, given_at) VALUES ($1, $2, $3, $4)";
    let children = join(&d.children_ages, ToString::to_string);
    with_tx!(tx, c => {
        sqlx::query(q).bind(id).bind(tenant).bind(r.offer_id).bind(&d.name).bind(&d.email)
            .bind(i64::from(d.persons)).bind(&children).bind(&d.lang).bind(d.group.map(TargetGroup::as_str))
            .bind(&r.token_hash).bind(UtcTs(now)).execute(&mut *c).await?;
        for p in &d.consents {
            sqlx::query(qc).bind(id).bind(tenant).bind(p.as_str()).bind(UtcTs(now)).execute(&mut *c).await?;
        }
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(id)
}

async fn load_regs(db: &Db, cond: &str, tenant: Uuid, key: Uuid) -> Result<Vec<Reg>> {
    let q = format!(
        "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND {cond} ORDER BY CASE WHEN seq IS NULL THEN 1 ELSE 0 END, seq, created_at"
    );
    let qc = format!(
        "SELECT registration_id, purpose, revoked_at FROM registration_consents WHERE tenant_id = $1 AND \
         registration_id IN (SELECT id FROM registrations WHERE tenant_id = $1 AND {cond}) ORDER BY purpose"
    );
    let (rows, consents) = with_pool!(db, p => {
        let rows: Vec<RegRow> = sqlx::query_as(sqlx::AssertSqlSafe(q.clone())).bind(tenant).bind(key).fetch_all(p).await?;
        let consents: Vec<ConsentRow> = sqlx::query_as(sqlx::AssertSqlSafe(qc.clone())).bind(tenant).bind(key).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((rows, consents))
    })?;
    let mut consents = consent_map(consents)?;
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

/// Withdraws one consent (photos, passing the contact on); participation is withdrawn by
/// cancelling. `false` when it was not given or withdrawn before.
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

// ---------------------------------------------------------------- seats, within a transaction

/// The offer as its lock reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    /// The next number in the offer's order of confirmations.
    pub seq: i64,
    pub capacity: u32,
    pub registration: Registration,
    pub drawn: bool,
}

/// Locks the offer row (the first statement of every seat change) and reads what decides.
pub async fn lock(tx: &mut Tx, tenant: Uuid, offer: Uuid) -> Result<Locked> {
    let q = "UPDATE offers SET next_seq = next_seq + 1 WHERE tenant_id = $1 AND id = $2 \
             RETURNING next_seq, capacity, registration, lottery_at, drawn_at";
    let (seq, capacity, mode, at, drawn): (i64, i32, String, Option<UtcTs>, Option<UtcTs>) =
        with_tx!(tx, c => sqlx::query_as(q).bind(tenant).bind(offer).fetch_one(c).await)?;
    Ok(Locked {
        seq,
        capacity: u32::try_from(capacity).map_err(|_| corrupt("capacity"))?,
        registration: Registration::from_parts(&mode, at.map(|t| t.0))
            .ok_or_else(|| corrupt("registration"))?,
        drawn: drawn.is_some(),
    })
}

/// Persons with confirmed seats and registrations on the waiting list of an offer.
pub async fn taken_and_waiting(tx: &mut Tx, tenant: Uuid, offer: Uuid) -> Result<(u32, u32)> {
    let q = "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN persons ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END), 0) \
             FROM registrations WHERE tenant_id = $1 AND offer_id = $2";
    let (taken, waiting): (i64, i64) =
        with_tx!(tx, c => sqlx::query_as(q).bind(tenant).bind(offer).fetch_one(c).await)?;
    Ok((count(taken, "seats taken")?, count(waiting, "waiting")?))
}

/// Registrations of an offer that hold or wait for a place (not cancelled).
pub async fn active(tx: &mut Tx, tenant: Uuid, offer: Uuid) -> Result<u32> {
    let q = "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND offer_id = $2 \
             AND status IN ('pending', 'confirmed', 'waitlisted', 'entered')";
    let n: i64 =
        with_tx!(tx, c => sqlx::query_scalar(q).bind(tenant).bind(offer).fetch_one(c).await)?;
    count(n, "active registrations")
}

/// A registration as it stands under the offer's lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub status: RegStatus,
    pub seq: Option<i64>,
    pub persons: u32,
    pub children: Vec<u8>,
}

pub async fn held(tx: &mut Tx, tenant: Uuid, id: Uuid) -> Result<Held> {
    let q =
        "SELECT status, seq, persons, children FROM registrations WHERE tenant_id = $1 AND id = $2";
    let (st, seq, persons, children): (String, Option<i64>, i32, String) =
        with_tx!(tx, c => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(c).await)?;
    Ok(Held {
        status: status(&st)?,
        seq,
        persons: u32::try_from(persons).map_err(|_| corrupt("persons"))?,
        children: ages(&children)?,
    })
}

/// The place on the waiting list of the registration numbered `seq` (1 is next).
pub async fn position(tx: &mut Tx, tenant: Uuid, offer: Uuid, seq: i64) -> Result<u32> {
    let q = "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND status = 'waitlisted' \
             AND seq <= $3";
    let n: i64 = with_tx!(tx, c => sqlx::query_scalar(q).bind(tenant).bind(offer).bind(seq).fetch_one(c).await)?;
    count(n, "position")
}

/// The registrations of an offer in `status`, in their order.
pub async fn in_status(tx: &mut Tx, tenant: Uuid, offer: Uuid, st: RegStatus) -> Result<Vec<Reg>> {
    let q = format!(
        "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND offer_id = $2 AND status = $3 ORDER BY seq"
    );
    let rows: Vec<RegRow> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(offer)
        .bind(st.as_str()).fetch_all(c).await)?;
    let mut none = HashMap::new();
    rows.into_iter().map(|r| to_reg(r, &mut none)).collect()
}

/// Moves a registration from `from` to `to` at place `seq` in the offer's order
/// (`confirmed_at` is set when it leaves `pending`). `false` when it was not in `from`.
pub async fn move_to(
    tx: &mut Tx,
    tenant: Uuid,
    id: Uuid,
    from: RegStatus,
    to: RegStatus,
    seq: Option<i64>,
    now: Timestamp,
) -> Result<bool> {
    let q = "UPDATE registrations SET status = $4, seq = COALESCE($5, seq), \
             confirmed_at = CASE WHEN $3 = 'pending' THEN $6 ELSE confirmed_at END, \
             cancelled_at = CASE WHEN $4 = 'cancelled' THEN $6 ELSE cancelled_at END \
             WHERE tenant_id = $1 AND id = $2 AND status = $3";
    let n = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).bind(from.as_str()).bind(to.as_str())
        .bind(seq).bind(UtcTs(now)).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Keeps `persons` and these children of a registration (after one child left).
pub async fn keep(
    tx: &mut Tx,
    tenant: Uuid,
    id: Uuid,
    persons: u32,
    children: &[u8],
) -> Result<()> {
    let q = "UPDATE registrations SET persons = $3, children = $4 WHERE tenant_id = $1 AND id = $2";
    let children = join(children, ToString::to_string);
    with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).bind(i64::from(persons)).bind(&children)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

// ---------------------------------------------------------------- lottery

/// Lotteries whose time has come: (tenant, offer).
pub async fn due_lotteries(db: &Db, now: Timestamp) -> Result<Vec<(Uuid, Uuid)>> {
    let q = "SELECT tenant_id, id FROM offers WHERE registration = 'lottery' AND drawn_at IS NULL AND lottery_at <= $1 \
             AND status = 'published' ORDER BY lottery_at LIMIT 100";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(UtcTs(now)).fetch_all(p).await)?)
}

/// Records that an offer's lottery was drawn with `seed`; `false` when it was drawn before.
pub async fn mark_drawn(
    tx: &mut Tx,
    tenant: Uuid,
    offer: Uuid,
    seed: i64,
    now: Timestamp,
) -> Result<bool> {
    let q = "UPDATE offers SET drawn_at = $3, lottery_seed = $4 WHERE tenant_id = $1 AND id = $2 AND drawn_at IS NULL";
    let n = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(offer).bind(UtcTs(now)).bind(seed)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
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
