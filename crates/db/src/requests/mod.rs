//! Requests, their history and their invitations.
//!
//! Every status change is one conditional UPDATE (`... WHERE status = expected`), so that
//! of several concurrent changes exactly one wins, on both backends.

mod desk;
mod list;
mod moves;
mod reminders;

pub use desk::*;
pub use list::*;
pub use moves::*;
pub use reminders::*;

use crate::outbox::{NewMail, enqueue};
use crate::{Db, DbError, Result, UtcTs, from_json, to_json, with_pool};
use jiff::Timestamp;
use mittler_domain::request::Status;
use uuid::Uuid;

const COLUMNS: &str = "id, institution_id, place_id, mode, language, sector, start_at, duration_min, local_date, \
    gender_pref, gender, priority, client_ref, preferred_mediator_id, excluded, notes, status, mediator_id, version, \
    created_by, created_at, cancelled_by, cancel_reason, billable, ts_status, ts_start, ts_end, ts_waiting_min, ts_travel_min, \
    ts_dispute, series_id, series_index, ts_travel_km_tenths, ts_km_flagged";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: Uuid,
    pub institution_id: Uuid,
    pub place_id: Option<Uuid>,
    pub mode: String,
    pub language: String,
    pub sector: String,
    pub start_at: UtcTs,
    pub duration_min: i32,
    pub local_date: String,
    pub gender_pref: String,
    pub gender: Option<String>,
    pub priority: i32,
    pub client_ref: String,
    pub preferred_mediator_id: Option<Uuid>,
    pub excluded: String,
    pub notes: Option<String>,
    pub status: String,
    pub mediator_id: Option<Uuid>,
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: UtcTs,
    pub cancelled_by: Option<String>,
    pub cancel_reason: Option<String>,
    pub billable: bool,
    pub ts_status: String,
    pub ts_start: Option<UtcTs>,
    pub ts_end: Option<UtcTs>,
    pub ts_waiting_min: Option<i32>,
    pub ts_travel_min: Option<i32>,
    pub ts_dispute: Option<String>,
    pub series_id: Option<Uuid>,
    pub series_index: Option<i32>,
    /// The time sheet's distance in tenths of a km.
    pub ts_travel_km_tenths: Option<i64>,
    /// The distance lies far above the travel model's (for the coordinator to look at).
    pub ts_km_flagged: bool,
}

/// The column names sealed fields are sealed for (the associated data of [`crate::seal`]).
pub(crate) const NOTES: &str = "requests.notes";
pub(crate) const CLIENT_REF: &str = "requests.client_ref";
/// The purpose of the keyed hash that finds a client reference's requests.
pub(crate) const CLIENT_HASH: &str = "client";

impl RequestRow {
    /// Opens the sealed fields of a row as read.
    pub(crate) fn opened(mut self, s: &crate::Sealer) -> Result<RequestRow> {
        self.notes = s.open(NOTES, self.notes.take())?;
        self.client_ref = s
            .open(CLIENT_REF, Some(std::mem::take(&mut self.client_ref)))?
            .unwrap_or_default();
        Ok(self)
    }

    pub(crate) fn all_opened(rows: Vec<RequestRow>, s: &crate::Sealer) -> Result<Vec<RequestRow>> {
        rows.into_iter().map(|r| r.opened(s)).collect()
    }

    pub fn status(&self) -> Result<Status> {
        Status::parse(&self.status)
            .ok_or_else(|| DbError::Corrupt(format!("status {}", self.status)))
    }
    pub fn excluded(&self) -> Result<Vec<Uuid>> {
        from_json(&self.excluded)
    }
}

/// A new request, validated.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub id: Uuid,
    /// The series and the place in it, for repeated requests.
    pub series: Option<(Uuid, i32)>,
    pub institution_id: Uuid,
    pub place_id: Option<Uuid>,
    pub mode: &'static str,
    pub language: String,
    pub sector: &'static str,
    pub start_at: Timestamp,
    pub duration_min: i32,
    pub local_date: String,
    pub gender_pref: &'static str,
    pub gender: Option<&'static str>,
    pub priority: i32,
    pub client_ref: String,
    pub preferred_mediator_id: Option<Uuid>,
    pub excluded: Vec<Uuid>,
    pub notes: Option<String>,
    pub created_by: Option<Uuid>,
}

/// One line of a request's history.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub actor_id: Option<Uuid>,
    pub actor: String,
    pub event: &'static str,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub mediator_id: Option<Uuid>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub at: UtcTs,
    pub actor: String,
    pub event: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub mediator_id: Option<Uuid>,
    pub reason: Option<String>,
}

macro_rules! add_history {
    ($conn:expr, $tenant:expr, $request:expr, $h:expr) => {{
        let h: &HistoryEntry = $h;
        sqlx::query(
            "INSERT INTO request_history (id, tenant_id, request_id, seq, at, actor_id, actor, event, from_status, to_status, mediator_id, reason) \
             VALUES ($1, $2, $3, (SELECT COUNT(*) + 1 FROM request_history WHERE tenant_id = $2 AND request_id = $3), \
             $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(Uuid::new_v4())
        .bind($tenant)
        .bind($request)
        .bind(UtcTs(h.at))
        .bind(h.actor_id)
        .bind(&h.actor)
        .bind(h.event)
        .bind(h.from_status.map(|s| s.as_str()))
        .bind(h.to_status.as_str())
        .bind(h.mediator_id)
        .bind(&h.reason)
        .execute($conn)
        .await
        .map(|_| ())
    }};
}
use add_history;

pub async fn create(
    db: &Db,
    tenant: Uuid,
    r: &NewRequest,
    now: Timestamp,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<Uuid> {
    let id = r.id;
    let excluded = to_json(&r.excluded)?;
    let q = "INSERT INTO requests (id, tenant_id, institution_id, place_id, mode, language, sector, start_at, duration_min, \
             local_date, gender_pref, gender, priority, client_ref, preferred_mediator_id, excluded, notes, status, version, \
             created_by, created_at, updated_at, billable, ts_status, series_id, series_index, client_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'open', 1, $18, $19, $19, FALSE, 'none', \
             $20, $21, $22)";
    let s = db.sealer();
    let client_ref = s.seal(CLIENT_REF, Some(&r.client_ref))?;
    let client_hash = s.hash(CLIENT_HASH, &r.client_ref);
    let notes = s.seal(NOTES, r.notes.as_deref())?;
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(id).bind(tenant).bind(r.institution_id).bind(r.place_id).bind(r.mode).bind(&r.language)
            .bind(r.sector).bind(UtcTs(r.start_at)).bind(r.duration_min).bind(&r.local_date).bind(r.gender_pref)
            .bind(r.gender).bind(r.priority).bind(&client_ref).bind(r.preferred_mediator_id).bind(&excluded)
            .bind(&notes).bind(r.created_by).bind(UtcTs(now)).bind(r.series.map(|s| s.0)).bind(r.series.map(|s| s.1))
            .bind(&client_hash).execute(&mut *tx).await?;
        add_history!(&mut *tx, tenant, id, h)?;
        enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        tx.commit().await
    })?;
    Ok(id)
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<RequestRow> {
    let q = format!("SELECT {COLUMNS} FROM requests WHERE tenant_id = $1 AND id = $2");
    let row: RequestRow = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(id).fetch_one(p).await)?;
    row.opened(&db.sealer())
}

/// Confirmed (or completed) requests on a local date, of one mediator or of all.
pub async fn booked_on(
    db: &Db,
    tenant: Uuid,
    local_date: &str,
    mediator: Option<Uuid>,
) -> Result<Vec<RequestRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM requests WHERE tenant_id = $1 AND local_date = $2 \
         AND (status = 'confirmed' OR status = 'completed') AND mediator_id IS NOT NULL \
         AND ($3 IS NULL OR mediator_id = $3) ORDER BY start_at"
    );
    let rows = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(local_date).bind(mediator).fetch_all(p).await)?;
    RequestRow::all_opened(rows, &db.sealer())
}

/// Minutes each mediator is booked between two local dates (inclusive), for the week's workload.
pub async fn booked_minutes(
    db: &Db,
    tenant: Uuid,
    from_date: &str,
    to_date: &str,
) -> Result<Vec<(Uuid, i64)>> {
    // Summed here, not by GROUP BY: SQLite would walk the whole (tenant, mediator) index
    // in mediator order to spare a sort, a plan that costs what the table holds; the
    // week's few hundred rows come by the (tenant, day) index whatever the statistics say.
    let q = "SELECT mediator_id, duration_min FROM requests WHERE tenant_id = $1 AND local_date >= $2 \
             AND local_date <= $3 AND (status = 'confirmed' OR status = 'completed') AND mediator_id IS NOT NULL";
    let rows: Vec<(Uuid, i32)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(from_date).bind(to_date).fetch_all(p).await)?;
    let mut sums: std::collections::BTreeMap<Uuid, i64> = std::collections::BTreeMap::new();
    for (m, min) in rows {
        *sums.entry(m).or_default() += i64::from(min);
    }
    Ok(sums.into_iter().collect())
}

/// The mediator who last served this client reference, for continuity.
pub async fn last_mediator_for_client(
    db: &Db,
    tenant: Uuid,
    client_ref: &str,
) -> Result<Option<Uuid>> {
    let q = "SELECT mediator_id FROM requests WHERE tenant_id = $1 AND client_hash = $2 AND mediator_id IS NOT NULL \
             AND (status = 'confirmed' OR status = 'completed') ORDER BY start_at DESC LIMIT 1";
    let hash = db.sealer().hash(CLIENT_HASH, client_ref);
    let row: Option<Option<Uuid>> =
        with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(hash).fetch_optional(p).await)?;
    Ok(row.flatten())
}

pub async fn history(db: &Db, tenant: Uuid, id: Uuid) -> Result<Vec<HistoryRow>> {
    let q = "SELECT at, actor, event, from_status, to_status, mediator_id, reason FROM request_history \
             WHERE tenant_id = $1 AND request_id = $2 ORDER BY seq";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_all(p).await)?)
}

/// What a transition does to the confirmed mediator.
#[derive(Debug, Clone, Copy)]
pub enum Mediator {
    Keep,
    Set(Uuid),
    Clear,
}

/// Moves a request from `from` to `h.to_status` if it is still in `from`; false when it was not.
pub async fn transition(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: Status,
    mediator: Mediator,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<bool> {
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = transition_in!(&mut *tx, tenant, id, from, mediator, h)?;
        if n == 1 {
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
            if matches!(mediator, Mediator::Clear) || h.to_status.is_final() {
                withdraw_open!(&mut *tx, tenant, id, h.at)?;
            }
        }
        tx.commit().await.map(|_| n == 1)
    })
    .map_err(DbError::from)
}

macro_rules! transition_in {
    ($conn:expr, $tenant:expr, $id:expr, $from:expr, $mediator:expr, $h:expr) => {{
        let (set, m) = match $mediator {
            Mediator::Keep => (false, None),
            Mediator::Set(m) => (true, Some(m)),
            Mediator::Clear => (true, None),
        };
        sqlx::query(
            "UPDATE requests SET status = $4, mediator_id = CASE WHEN $5 THEN $6 ELSE mediator_id END, \
             confirmed_at = CASE WHEN $4 = 'confirmed' AND confirmed_at IS NULL THEN $7 ELSE confirmed_at END, \
             version = version + 1, updated_at = $7 WHERE tenant_id = $1 AND id = $2 AND status = $3",
        )
        .bind($tenant)
        .bind($id)
        .bind($from.as_str())
        .bind($h.to_status.as_str())
        .bind(set)
        .bind(m)
        .bind(UtcTs($h.at))
        .execute($conn)
        .await
        .map(|r| r.rows_affected())
    }};
}
use transition_in;

macro_rules! withdraw_open {
    ($conn:expr, $tenant:expr, $request:expr, $at:expr) => {{
        sqlx::query(
            "UPDATE invitations SET status = 'withdrawn', answered_at = $3 WHERE tenant_id = $1 AND request_id = $2 AND status = 'open'",
        )
        .bind($tenant)
        .bind($request)
        .bind(UtcTs($at))
        .execute($conn)
        .await
        .map(|_| ())
    }};
}
use withdraw_open;

/// Cancels a request still in `from`; records who, why, and whether it is billable.
// The change, its history line and its mails belong to one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn cancel(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: Status,
    by: &str,
    billable: bool,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<bool> {
    let q = "UPDATE requests SET status = 'cancelled', cancelled_by = $4, cancel_reason = $5, billable = $6, \
             version = version + 1, updated_at = $7 WHERE tenant_id = $1 AND id = $2 AND status = $3";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(from.as_str()).bind(by).bind(&h.reason).bind(billable)
            .bind(UtcTs(h.at)).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
            withdraw_open!(&mut *tx, tenant, id, h.at)?;
        }
        tx.commit().await.map(|_| n == 1)
    }).map_err(DbError::from)
}

/// The time sheet as the mediator sends it.
#[derive(Debug, Clone, Copy)]
pub struct TimeSheet {
    pub start: Timestamp,
    pub end: Timestamp,
    pub waiting_min: i32,
    pub travel_min: i32,
    pub travel_km_tenths: Option<i64>,
    pub km_flagged: bool,
}

/// Stores a time sheet of the confirmed mediator (again after a dispute).
pub async fn submit_timesheet(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    mediator: Uuid,
    t: &TimeSheet,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<bool> {
    let q = "UPDATE requests SET ts_status = 'submitted', ts_start = $4, ts_end = $5, ts_waiting_min = $6, ts_travel_min = $7, \
             ts_dispute = NULL, version = version + 1, updated_at = $8, ts_travel_km_tenths = $9, ts_km_flagged = $10 \
             WHERE tenant_id = $1 AND id = $2 AND mediator_id = $3 AND status = 'confirmed' AND ts_status <> 'confirmed'";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(mediator).bind(UtcTs(t.start)).bind(UtcTs(t.end))
            .bind(t.waiting_min).bind(t.travel_min).bind(UtcTs(h.at)).bind(t.travel_km_tenths).bind(t.km_flagged)
            .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        }
        tx.commit().await.map(|_| n == 1)
    }).map_err(DbError::from)
}

/// The institution confirms (the request completes) or disputes a submitted time sheet.
pub async fn answer_timesheet(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    confirm: bool,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<bool> {
    let q = if confirm {
        "UPDATE requests SET ts_status = 'confirmed', status = 'completed', version = version + 1, updated_at = $3 \
         WHERE tenant_id = $1 AND id = $2 AND status = 'confirmed' AND ts_status = 'submitted'"
    } else {
        "UPDATE requests SET ts_status = 'disputed', ts_dispute = $4, version = version + 1, updated_at = $3 \
         WHERE tenant_id = $1 AND id = $2 AND status = 'confirmed' AND ts_status = 'submitted'"
    };
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(UtcTs(h.at)).bind(&h.reason).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        }
        tx.commit().await.map(|_| n == 1)
    }).map_err(DbError::from)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: Uuid,
    pub request_id: Uuid,
    pub mediator_id: Uuid,
    pub status: String,
    pub created_at: UtcTs,
    pub expires_at: UtcTs,
}

/// Invites mediators to a request that is still in `from` (open or invited).
// The change, its history line and its mails belong to one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn invite(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: Status,
    mediators: &[Uuid],
    expires_at: Timestamp,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<Option<Vec<Uuid>>> {
    let ids: Vec<Uuid> = mediators.iter().map(|_| Uuid::new_v4()).collect();
    let qi = "INSERT INTO invitations (id, tenant_id, request_id, mediator_id, status, created_at, expires_at) \
              VALUES ($1, $2, $3, $4, 'open', $5, $6)";
    let done = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = transition_in!(&mut *tx, tenant, id, from, Mediator::Keep, h)?;
        if n == 1 {
            // Earlier open invitations to the same mediators are replaced.
            for (m, iid) in mediators.iter().zip(&ids) {
                sqlx::query("UPDATE invitations SET status = 'withdrawn', answered_at = $4 \
                             WHERE tenant_id = $1 AND request_id = $2 AND mediator_id = $3 AND status = 'open'")
                    .bind(tenant).bind(id).bind(m).bind(UtcTs(h.at)).execute(&mut *tx).await?;
                sqlx::query(qi).bind(iid).bind(tenant).bind(id).bind(m).bind(UtcTs(h.at)).bind(UtcTs(expires_at))
                    .execute(&mut *tx).await?;
            }
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        }
        tx.commit().await.map(|_| n == 1)
    })?;
    Ok(done.then_some(ids))
}

pub async fn invitation(db: &Db, tenant: Uuid, id: Uuid) -> Result<InvitationRow> {
    let q = "SELECT id, request_id, mediator_id, status, created_at, expires_at FROM invitations WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?)
}

/// Open, unexpired invitations of a mediator.
pub async fn open_invitations(
    db: &Db,
    tenant: Uuid,
    mediator: Uuid,
    now: Timestamp,
) -> Result<Vec<InvitationRow>> {
    let q = "SELECT id, request_id, mediator_id, status, created_at, expires_at FROM invitations \
             WHERE tenant_id = $1 AND mediator_id = $2 AND status = 'open' AND expires_at > $3 ORDER BY expires_at";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(mediator).bind(UtcTs(now)).fetch_all(p).await)?,
    )
}

pub async fn invitations_of(db: &Db, tenant: Uuid, request: Uuid) -> Result<Vec<InvitationRow>> {
    let q = "SELECT id, request_id, mediator_id, status, created_at, expires_at FROM invitations \
             WHERE tenant_id = $1 AND request_id = $2 ORDER BY created_at, id";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(request).fetch_all(p).await)?)
}

/// How answering an invitation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Accepted: the request is confirmed for this mediator.
    Won,
    /// Declined; `true` when it was the last open one and the request went back to open.
    Declined(bool),
    /// Someone else was first, the invitation expired, or the request changed.
    TooLate,
}

/// Accepts an open invitation. The request row is changed first (every transaction takes
/// the locks in the same order: request, then invitations), by one conditional update
/// that decides the single winner.
pub async fn accept(
    db: &Db,
    tenant: Uuid,
    invitation: Uuid,
    mediator: Uuid,
    now: Timestamp,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<Answer> {
    let qr = "UPDATE requests SET status = 'confirmed', mediator_id = $3, confirmed_at = COALESCE(confirmed_at, $5), \
              version = version + 1, updated_at = $5 \
              WHERE tenant_id = $1 AND id = $2 AND status = 'invited' AND EXISTS (SELECT 1 FROM invitations i \
              WHERE i.tenant_id = $1 AND i.id = $4 AND i.request_id = $2 AND i.mediator_id = $3 AND i.status = 'open' \
              AND i.expires_at > $5)";
    let qi = "UPDATE invitations SET status = 'accepted', answered_at = $3 WHERE tenant_id = $1 AND id = $2";
    let request: Uuid = invitation_request(db, tenant, invitation).await?;
    let won = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(qr).bind(tenant).bind(request).bind(mediator).bind(invitation).bind(UtcTs(now))
            .execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            tx.rollback().await?;
            return Ok(Answer::TooLate);
        }
        sqlx::query(qi).bind(tenant).bind(invitation).bind(UtcTs(now)).execute(&mut *tx).await?;
        withdraw_open!(&mut *tx, tenant, request, now)?;
        add_history!(&mut *tx, tenant, request, h)?;
        enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        tx.commit().await.map(|_| Answer::Won)
    });
    Ok(won?)
}

async fn invitation_request(db: &Db, tenant: Uuid, invitation: Uuid) -> Result<Uuid> {
    let q = "SELECT request_id FROM invitations WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(invitation).fetch_one(p).await)?)
}

/// Closes one invitation as declined or expired; when no open one is left, the request goes
/// back to open (with `h` in its history).
// The change, its history line and its mails belong to one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn close_invitation(
    db: &Db,
    tenant: Uuid,
    invitation: Uuid,
    mediator: Option<Uuid>,
    status: &'static str,
    now: Timestamp,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<Answer> {
    let request = invitation_request(db, tenant, invitation).await?;
    let qi = "UPDATE invitations SET status = $4, answered_at = $5 \
              WHERE tenant_id = $1 AND id = $2 AND ($3 IS NULL OR mediator_id = $3) AND status = 'open'";
    let qc = "SELECT COUNT(*) FROM invitations WHERE tenant_id = $1 AND request_id = $2 AND status = 'open'";
    let qs = "SELECT status FROM requests WHERE tenant_id = $1 AND id = $2";
    // Lock the request row first, as accepting does, so that the two cannot deadlock.
    let touch = "UPDATE requests SET version = version WHERE tenant_id = $1 AND id = $2";
    let out = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(touch).bind(tenant).bind(request).execute(&mut *tx).await?;
        let n = sqlx::query(qi).bind(tenant).bind(invitation).bind(mediator).bind(status).bind(UtcTs(now))
            .execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            tx.rollback().await?;
            return Ok(Answer::TooLate);
        }
        let left: i64 = sqlx::query_scalar(qc).bind(tenant).bind(request).fetch_one(&mut *tx).await?;
        enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        let mut reopened = false;
        if left == 0 {
            let m = transition_in!(&mut *tx, tenant, request, Status::Invited, Mediator::Keep, h)?;
            if m == 1 {
                add_history!(&mut *tx, tenant, request, h)?;
                reopened = true;
            }
        } else if status == "declined" {
            // Others are still asked: the history keeps who declined, and why (only while
            // the request is invited: a cancelled one may still have open invitations).
            let now_status: String = sqlx::query_scalar(qs).bind(tenant).bind(request).fetch_one(&mut *tx).await?;
            if now_status == Status::Invited.as_str() {
                add_history!(&mut *tx, tenant, request, &one_declined(h))?;
            }
        }
        tx.commit().await.map(|_| Answer::Declined(reopened))
    });
    Ok(out?)
}

/// The history line of one decline among several invitations: the status stays.
fn one_declined(h: &HistoryEntry) -> HistoryEntry {
    HistoryEntry {
        event: mittler_domain::request::Event::Decline.as_str(),
        from_status: Some(Status::Invited),
        to_status: Status::Invited,
        ..h.clone()
    }
}

/// Open invitations whose time ran out: (tenant, invitation).
pub async fn due_invitations(db: &Db, now: Timestamp) -> Result<Vec<(Uuid, Uuid)>> {
    let q = "SELECT tenant_id, id FROM invitations WHERE status = 'open' AND expires_at <= $1 ORDER BY expires_at LIMIT 500";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(UtcTs(now)).fetch_all(p).await)?)
}

/// Open or invited requests whose start passed: (tenant, request, status).
pub async fn past_unfilled(db: &Db, now: Timestamp) -> Result<Vec<(Uuid, Uuid, String)>> {
    let q = "SELECT tenant_id, id, status FROM requests WHERE (status = 'open' OR status = 'invited') AND start_at <= $1 \
             ORDER BY start_at LIMIT 500";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(UtcTs(now)).fetch_all(p).await)?)
}

/// The tenant's cancellation notice in hours.
pub async fn notice_hours(db: &Db, tenant: Uuid) -> Result<i64> {
    let q = "SELECT cancel_notice_hours FROM tenants WHERE id = $1";
    let h: i32 = with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).fetch_one(p).await)?;
    Ok(i64::from(h))
}

/// Confirmed requests starting between `from` and `to` whose reminder is not sent: (tenant, request).
pub async fn due_reminders(
    db: &Db,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(Uuid, RequestRow)>> {
    let q = format!(
        "SELECT tenant_id, {COLUMNS} FROM requests WHERE status = 'confirmed' AND reminder_sent = FALSE \
         AND start_at >= $1 AND start_at < $2 ORDER BY start_at LIMIT 500"
    );
    #[derive(sqlx::FromRow)]
    struct Row {
        tenant_id: Uuid,
        #[sqlx(flatten)]
        row: RequestRow,
    }
    let rows: Vec<Row> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(UtcTs(from)).bind(UtcTs(to)).fetch_all(p).await)?;
    rows.into_iter()
        .map(|r| Ok((r.tenant_id, r.row.opened(&db.sealer())?)))
        .collect()
}

/// Marks the reminder of a request as sent and queues its mails, once.
pub async fn mark_reminded(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    now: Timestamp,
    mails: &[NewMail],
) -> Result<bool> {
    let q = "UPDATE requests SET reminder_sent = TRUE WHERE tenant_id = $1 AND id = $2 AND reminder_sent = FALSE";
    // The client's address goes with its reminder.
    let forget = "DELETE FROM client_reminders WHERE tenant_id = $1 AND request_id = $2";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, now)?;
            sqlx::query(forget).bind(tenant).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await.map(|_| n == 1)
    })
    .map_err(DbError::from)
}
