//! Interpreting now: on-call times, the weekly on-call plan, calls and who was told of
//! them, and the push subscriptions of phone pages. Every status change of a call is one
//! conditional UPDATE, so that of several at once exactly one wins, on both backends.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// The column names the sealed fields of calls are sealed for.
pub(crate) const CLIENT_REF: &str = "calls.client_ref";
pub(crate) const CALLBACK: &str = "calls.callback_phone";

/// Mediators on call at `now`, with the end of their time.
pub async fn on_call_now(db: &Db, tenant: Uuid, now: Timestamp) -> Result<Vec<(Uuid, UtcTs)>> {
    let q = "SELECT mediator_id, MAX(until_at) FROM on_call WHERE tenant_id = $1 AND from_at <= $2 AND until_at > $2 \
             GROUP BY mediator_id";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(UtcTs(now)).fetch_all(p).await)?)
}

/// Puts a mediator on call from `now` until `until`, in place of any current time.
pub async fn go_on_call(
    db: &Db,
    tenant: Uuid,
    mediator: Uuid,
    now: Timestamp,
    until: Timestamp,
) -> Result<()> {
    let end = "UPDATE on_call SET until_at = $3 WHERE tenant_id = $1 AND mediator_id = $2 AND from_at <= $3 AND until_at > $3";
    let ins = "INSERT INTO on_call (id, tenant_id, mediator_id, from_at, until_at, source) VALUES ($1, $2, $3, $4, $5, 'now')";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(end).bind(tenant).bind(mediator).bind(UtcTs(now)).execute(&mut *tx).await?;
        sqlx::query(ins).bind(Uuid::new_v4()).bind(tenant).bind(mediator).bind(UtcTs(now)).bind(UtcTs(until))
            .execute(&mut *tx).await?;
        tx.commit().await
    })?;
    Ok(())
}

/// Ends a mediator's current on-call time (their own, or one of their plan). `true` when
/// they were on call.
pub async fn go_off_call(db: &Db, tenant: Uuid, mediator: Uuid, now: Timestamp) -> Result<bool> {
    let q = "UPDATE on_call SET until_at = $3 WHERE tenant_id = $1 AND mediator_id = $2 AND from_at <= $3 AND until_at > $3";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(mediator).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// A mediator's weekly on-call plan: (weekday, start minute, end minute).
pub async fn plan(db: &Db, tenant: Uuid, mediator: Uuid) -> Result<Vec<(i32, i32, i32)>> {
    let q = "SELECT weekday, start_min, end_min FROM on_call_plan WHERE tenant_id = $1 AND mediator_id = $2 \
             ORDER BY weekday, start_min";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(mediator).fetch_all(p).await)?)
}

/// Replaces a mediator's weekly on-call plan.
pub async fn set_plan(
    db: &Db,
    tenant: Uuid,
    mediator: Uuid,
    windows: &[(i32, i32, i32)],
) -> Result<()> {
    let del = "DELETE FROM on_call_plan WHERE tenant_id = $1 AND mediator_id = $2";
    let ins = "INSERT INTO on_call_plan (tenant_id, mediator_id, weekday, start_min, end_min) VALUES ($1, $2, $3, $4, $5)";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(del).bind(tenant).bind(mediator).execute(&mut *tx).await?;
        for (d, s, e) in windows {
            sqlx::query(ins).bind(tenant).bind(mediator).bind(d).bind(s).bind(e).execute(&mut *tx).await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Plan windows of active mediators covering a local weekday and minute:
/// (tenant, mediator, start minute, end minute).
pub async fn plan_windows_at(
    db: &Db,
    tenant: Option<Uuid>,
    weekday: i32,
    minute: i32,
) -> Result<Vec<(Uuid, Uuid, i32, i32)>> {
    let q = "SELECT o.tenant_id, o.mediator_id, o.start_min, o.end_min FROM on_call_plan o \
             JOIN mediators m ON m.id = o.mediator_id AND m.active \
             WHERE ($1 IS NULL OR o.tenant_id = $1) AND o.weekday = $2 AND o.start_min <= $3 AND o.end_min > $3";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(weekday).bind(minute).fetch_all(p).await)?,
    )
}

/// Puts a mediator on call by their plan from `now` until `until`, unless they are on
/// call already or this window of the plan was already begun (and perhaps ended early
/// by going off call) since `window_start`. `true` when a time began.
pub async fn begin_planned(
    db: &Db,
    tenant: Uuid,
    mediator: Uuid,
    now: Timestamp,
    until: Timestamp,
    window_start: Timestamp,
) -> Result<bool> {
    let q = "INSERT INTO on_call (id, tenant_id, mediator_id, from_at, until_at, source) \
             SELECT $1, $2, $3, $4, $5, 'plan' WHERE NOT EXISTS (SELECT 1 FROM on_call WHERE tenant_id = $2 \
             AND mediator_id = $3 AND ((from_at <= $4 AND until_at > $4) OR (source = 'plan' AND from_at >= $6)))";
    let n = with_pool!(db, p => sqlx::query(q).bind(Uuid::new_v4()).bind(tenant).bind(mediator).bind(UtcTs(now))
        .bind(UtcTs(until)).bind(UtcTs(window_start)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// On-call times overlapping `[from, to)`: (mediator, from, until).
pub async fn on_call_between(
    db: &Db,
    tenant: Uuid,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(Uuid, UtcTs, UtcTs)>> {
    let q = "SELECT mediator_id, from_at, until_at FROM on_call WHERE tenant_id = $1 AND from_at < $3 AND until_at > $2 \
             ORDER BY mediator_id, from_at";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(UtcTs(from)).bind(UtcTs(to)).fetch_all(p).await)?,
    )
}

const COLUMNS: &str = "id, institution_id, mode, language, sector, gender_pref, gender, client_ref, callback_phone, status, \
    created_by, created_at, ringing_since, answered_at, ended_at, mediator_id, duration_s, told, request_id";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallRow {
    pub id: Uuid,
    pub institution_id: Uuid,
    pub mode: String,
    pub language: String,
    pub sector: String,
    pub gender_pref: String,
    pub gender: Option<String>,
    pub client_ref: String,
    pub callback_phone: Option<String>,
    pub status: String,
    pub created_by: Option<Uuid>,
    pub created_at: UtcTs,
    pub ringing_since: UtcTs,
    pub answered_at: Option<UtcTs>,
    pub ended_at: Option<UtcTs>,
    pub mediator_id: Option<Uuid>,
    pub duration_s: Option<i32>,
    pub told: i32,
    pub request_id: Option<Uuid>,
}

impl CallRow {
    fn opened(mut self, s: &crate::Sealer) -> Result<CallRow> {
        self.client_ref = s
            .open(CLIENT_REF, Some(std::mem::take(&mut self.client_ref)))?
            .unwrap_or_default();
        self.callback_phone = s.open(CALLBACK, self.callback_phone.take())?;
        Ok(self)
    }
}

/// A new call, validated; `rings` are the mediators told (none: nobody could serve it).
#[derive(Debug, Clone)]
pub struct NewCall {
    pub id: Uuid,
    pub institution_id: Uuid,
    pub mode: &'static str,
    pub language: String,
    pub sector: &'static str,
    pub gender_pref: &'static str,
    pub gender: Option<&'static str>,
    pub client_ref: String,
    pub callback_phone: Option<String>,
    pub created_by: Uuid,
}

macro_rules! add_rings {
    ($conn:expr, $tenant:expr, $call:expr, $rings:expr) => {{
        let mut r: std::result::Result<(), sqlx::Error> = Ok(());
        for m in $rings {
            if let Err(e) = sqlx::query(
                "INSERT INTO call_rings (tenant_id, call_id, mediator_id) VALUES ($1, $2, $3)",
            )
            .bind($tenant)
            .bind($call)
            .bind(m)
            .execute(&mut *$conn)
            .await
            {
                r = Err(e);
                break;
            }
        }
        r
    }};
}

/// Stores a call: ringing for `rings`, or `nobody` when `rings` is empty.
pub async fn insert(
    db: &Db,
    tenant: Uuid,
    c: &NewCall,
    rings: &[Uuid],
    now: Timestamp,
) -> Result<()> {
    let q = "INSERT INTO calls (id, tenant_id, institution_id, mode, language, sector, gender_pref, gender, client_ref, \
             client_hash, callback_phone, status, created_by, created_at, ringing_since, told) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)";
    let s = db.sealer();
    let client_ref = s.seal(CLIENT_REF, Some(&c.client_ref))?.unwrap_or_default();
    let client_hash = if c.client_ref.is_empty() {
        String::new()
    } else {
        s.hash(crate::requests::CLIENT_HASH, &c.client_ref)
    };
    let callback = s.seal(CALLBACK, c.callback_phone.as_deref())?;
    let status = if rings.is_empty() {
        "nobody"
    } else {
        "ringing"
    };
    let told = i32::try_from(rings.len()).unwrap_or(i32::MAX);
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(q).bind(c.id).bind(tenant).bind(c.institution_id).bind(c.mode).bind(&c.language).bind(c.sector)
            .bind(c.gender_pref).bind(c.gender).bind(&client_ref).bind(&client_hash).bind(&callback).bind(status)
            .bind(c.created_by).bind(UtcTs(now)).bind(told).execute(&mut *tx).await?;
        add_rings!(tx, tenant, c.id, rings)?;
        tx.commit().await
    })?;
    Ok(())
}

pub async fn get(db: &Db, tenant: Uuid, id: Uuid) -> Result<CallRow> {
    let q = format!("SELECT {COLUMNS} FROM calls WHERE tenant_id = $1 AND id = $2");
    let row: CallRow = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(id).fetch_one(p).await)?;
    row.opened(&db.sealer())
}

/// Which calls to list: of one institution, one status, answered by one mediator.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub institution: Option<Uuid>,
    pub status: Option<String>,
    pub mediator: Option<Uuid>,
}

/// The newest calls first.
pub async fn list(db: &Db, tenant: Uuid, f: &Filter, limit: i64) -> Result<Vec<CallRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM calls WHERE tenant_id = $1 AND ($2 IS NULL OR institution_id = $2) \
         AND ($3 IS NULL OR status = $3) AND ($4 IS NULL OR mediator_id = $4) ORDER BY created_at DESC, id LIMIT $5"
    );
    let rows: Vec<CallRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(f.institution)
        .bind(&f.status).bind(f.mediator).bind(limit).fetch_all(p).await)?;
    let s = db.sealer();
    rows.into_iter().map(|r| r.opened(&s)).collect()
}

/// The calls ringing now for a mediator (they were told of them), oldest first.
pub async fn ringing_for(db: &Db, tenant: Uuid, mediator: Uuid) -> Result<Vec<CallRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM calls WHERE tenant_id = $1 AND status = 'ringing' AND id IN \
         (SELECT call_id FROM call_rings WHERE tenant_id = $1 AND mediator_id = $2) ORDER BY ringing_since, id"
    );
    let rows: Vec<CallRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(mediator).fetch_all(p).await)?;
    let s = db.sealer();
    rows.into_iter().map(|r| r.opened(&s)).collect()
}

/// Whether a mediator was told of a call.
pub async fn was_told(db: &Db, tenant: Uuid, call: Uuid, mediator: Uuid) -> Result<bool> {
    let q = "SELECT COUNT(*) FROM call_rings WHERE tenant_id = $1 AND call_id = $2 AND mediator_id = $3";
    let n: i64 = with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(call).bind(mediator).fetch_one(p).await)?;
    Ok(n > 0)
}

/// Mediators in a connected call now.
pub async fn in_calls(db: &Db, tenant: Uuid) -> Result<Vec<Uuid>> {
    let q = "SELECT mediator_id FROM calls WHERE tenant_id = $1 AND status = 'connected' AND mediator_id IS NOT NULL";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).fetch_all(p).await)?)
}

/// Takes a ringing call: of several mediators at once, exactly one wins. Refused when the
/// call rang since before `rang_after` (missed), when the mediator was not told of it,
/// or when they are in another call. `true` for the winner.
pub async fn accept(
    db: &Db,
    tenant: Uuid,
    call: Uuid,
    mediator: Uuid,
    now: Timestamp,
    rang_after: Timestamp,
) -> Result<bool> {
    let q = "UPDATE calls SET status = 'connected', mediator_id = $3, answered_at = $4 \
             WHERE tenant_id = $1 AND id = $2 AND status = 'ringing' AND ringing_since > $5 \
             AND EXISTS (SELECT 1 FROM call_rings r WHERE r.call_id = $2 AND r.mediator_id = $3) \
             AND NOT EXISTS (SELECT 1 FROM calls o WHERE o.tenant_id = $1 AND o.mediator_id = $3 AND o.status = 'connected')";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(call).bind(mediator).bind(UtcTs(now))
        .bind(UtcTs(rang_after)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The completed remote request an answered call leaves as the record of its work.
#[derive(Debug, Clone)]
pub struct Record {
    pub request_id: Uuid,
    pub local_date: String,
    pub duration_min: i32,
}

/// Ends a ringing or connected call: its duration from the answer, and for an answered
/// call of more than no time its record (a completed request). Ending again changes
/// nothing. `true` when this call ended it.
pub async fn end(
    db: &Db,
    tenant: Uuid,
    call: Uuid,
    now: Timestamp,
    record: Option<&Record>,
) -> Result<bool> {
    let q = "UPDATE calls SET status = 'ended', ended_at = $3, duration_s = $4 \
             WHERE tenant_id = $1 AND id = $2 AND status IN ('ringing', 'connected')";
    let c = get(db, tenant, call).await?;
    let duration = c
        .answered_at
        .map(|a| mittler_domain::call::duration_s(a.0, now))
        .unwrap_or(0);
    let duration = i32::try_from(duration).unwrap_or(i32::MAX);
    let ins = "INSERT INTO requests (id, tenant_id, institution_id, place_id, mode, language, sector, start_at, duration_min, \
               local_date, gender_pref, gender, priority, client_ref, client_hash, preferred_mediator_id, excluded, notes, status, \
               mediator_id, version, created_by, created_at, updated_at, billable, ts_status, ts_start, ts_end, ts_waiting_min, \
               ts_travel_min, call_id) \
               SELECT $1, tenant_id, institution_id, NULL, mode, language, sector, answered_at, $3, $4, gender_pref, gender, 1, \
               $7, client_hash, NULL, '[]', NULL, 'completed', mediator_id, 1, created_by, $5, $5, TRUE, 'confirmed', \
               answered_at, ended_at, 0, 0, id FROM calls WHERE tenant_id = $6 AND id = $2";
    let link = "UPDATE calls SET request_id = $3 WHERE tenant_id = $1 AND id = $2";
    let history = "INSERT INTO request_history (id, tenant_id, request_id, seq, at, actor_id, actor, event, from_status, to_status, \
                   mediator_id, reason) VALUES ($1, $2, $3, 1, $4, NULL, '', 'call', NULL, 'completed', $5, NULL)";
    // The reference is sealed for the request's column (the column is part of the seal).
    let client_ref = db
        .sealer()
        .seal(crate::requests::CLIENT_REF, Some(&c.client_ref))?
        .unwrap_or_default();
    let ended = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(call).bind(UtcTs(now)).bind(duration).execute(&mut *tx).await?
            .rows_affected();
        if n == 1 && c.status == "connected" && duration > 0
            && let Some(r) = record
        {
            sqlx::query(ins).bind(r.request_id).bind(call).bind(r.duration_min).bind(&r.local_date)
                .bind(UtcTs(now)).bind(tenant).bind(&client_ref).execute(&mut *tx).await?;
            sqlx::query(link).bind(tenant).bind(call).bind(r.request_id).execute(&mut *tx).await?;
            sqlx::query(history).bind(Uuid::new_v4()).bind(tenant).bind(r.request_id).bind(UtcTs(now)).bind(c.mediator_id)
                .execute(&mut *tx).await?;
        }
        tx.commit().await.map(|_| n == 1)
    })?;
    Ok(ended)
}

/// Ringing calls with the answer time of their centre: (tenant, call, institution,
/// ringing since, answer seconds).
pub async fn ringing(db: &Db) -> Result<Vec<(Uuid, Uuid, Uuid, UtcTs, i32)>> {
    let q = "SELECT c.tenant_id, c.id, c.institution_id, c.ringing_since, t.call_answer_s FROM calls c \
             JOIN tenants t ON t.id = c.tenant_id WHERE c.status = 'ringing' ORDER BY c.ringing_since LIMIT 1000";
    Ok(with_pool!(db, p => sqlx::query_as(q).fetch_all(p).await)?)
}

/// Marks a call missed if it still rings since `since`. `true` when it did.
pub async fn miss(db: &Db, tenant: Uuid, call: Uuid, since: Timestamp) -> Result<bool> {
    let q = "UPDATE calls SET status = 'missed' WHERE tenant_id = $1 AND id = $2 AND status = 'ringing' AND ringing_since = $3";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(call).bind(UtcTs(since)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Rings a missed call again for `rings` (the mediators on call now who may serve it).
/// `false` when it is no longer missed.
pub async fn ring_again(
    db: &Db,
    tenant: Uuid,
    call: Uuid,
    now: Timestamp,
    rings: &[Uuid],
) -> Result<bool> {
    let q = "UPDATE calls SET status = 'ringing', ringing_since = $3, told = $4 \
             WHERE tenant_id = $1 AND id = $2 AND status = 'missed' AND request_id IS NULL";
    let del = "DELETE FROM call_rings WHERE tenant_id = $1 AND call_id = $2";
    let told = i32::try_from(rings.len()).unwrap_or(i32::MAX);
    let again = with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(call).bind(UtcTs(now)).bind(told).execute(&mut *tx).await?
            .rows_affected();
        if n == 1 {
            sqlx::query(del).bind(tenant).bind(call).execute(&mut *tx).await?;
            add_rings!(tx, tenant, call, rings)?;
        }
        tx.commit().await.map(|_| n == 1)
    })?;
    Ok(again)
}

/// Links a missed call to the request booked in its place. `false` when it already has one.
pub async fn link_request(db: &Db, tenant: Uuid, call: Uuid, request: Uuid) -> Result<bool> {
    let q = "UPDATE calls SET request_id = $3 WHERE tenant_id = $1 AND id = $2 AND status IN ('missed', 'nobody') \
             AND request_id IS NULL";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(call).bind(request).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// One call as the figures need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallFactRow {
    pub language: String,
    pub status: String,
    pub created_at: UtcTs,
    pub ringing_since: UtcTs,
    pub answered_at: Option<UtcTs>,
    pub duration_s: Option<i32>,
}

/// The calls made in `[from, to)`.
pub async fn facts(
    db: &Db,
    tenant: Uuid,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<CallFactRow>> {
    let q = "SELECT language, status, created_at, ringing_since, answered_at, duration_s FROM calls \
             WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3";
    Ok(
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(UtcTs(from)).bind(UtcTs(to)).fetch_all(p).await)?,
    )
}

/// A browser's push subscription.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Subscription {
    pub id: Uuid,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub mediator_id: Option<Uuid>,
    /// The user's language, for the text of the notice.
    pub lang: String,
}

/// Keeps a subscription of a user (the same endpoint again replaces its keys and owner).
pub async fn subscribe(
    db: &Db,
    tenant: Uuid,
    user: Uuid,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
    now: Timestamp,
) -> Result<()> {
    let q = "INSERT INTO push_subscriptions (id, tenant_id, user_id, endpoint, p256dh, auth, created_at, failures) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT (endpoint) DO UPDATE SET tenant_id = $2, user_id = $3, \
             p256dh = $5, auth = $6, created_at = $7, failures = 0";
    with_pool!(db, p => sqlx::query(q).bind(Uuid::new_v4()).bind(tenant).bind(user).bind(endpoint).bind(p256dh)
        .bind(auth).bind(UtcTs(now)).execute(p).await.map(|_| ()))?;
    Ok(())
}

/// The subscriptions of the active users of a tenant who are mediators.
pub async fn mediator_subscriptions(db: &Db, tenant: Uuid) -> Result<Vec<Subscription>> {
    let q = "SELECT s.id, s.endpoint, s.p256dh, s.auth, u.mediator_id, u.lang FROM push_subscriptions s \
             JOIN users u ON u.id = s.user_id WHERE s.tenant_id = $1 AND u.active AND u.mediator_id IS NOT NULL";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_all(p).await)?)
}

/// How many subscriptions a user has.
pub async fn subscriptions_of(db: &Db, tenant: Uuid, user: Uuid) -> Result<i64> {
    let q = "SELECT COUNT(*) FROM push_subscriptions WHERE tenant_id = $1 AND user_id = $2";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(user).fetch_one(p).await)?)
}

/// Forgets a subscription the push service no longer knows (404 or 410).
pub async fn unsubscribe(db: &Db, id: Uuid) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM push_subscriptions WHERE id = $1").bind(id).execute(p).await.map(|_| ()))?;
    Ok(())
}

/// Forgets a user's subscriptions (they turned push off on that device, or signed out
/// everywhere).
pub async fn unsubscribe_user(db: &Db, tenant: Uuid, user: Uuid) -> Result<()> {
    with_pool!(db, p => sqlx::query("DELETE FROM push_subscriptions WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant).bind(user).execute(p).await.map(|_| ()))?;
    Ok(())
}

/// Counts a failed delivery; after five in a row the subscription is dropped.
pub async fn push_failed(db: &Db, id: Uuid) -> Result<()> {
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query("UPDATE push_subscriptions SET failures = failures + 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM push_subscriptions WHERE id = $1 AND failures >= 5").bind(id).execute(&mut *tx).await?;
        tx.commit().await
    })?;
    Ok(())
}
