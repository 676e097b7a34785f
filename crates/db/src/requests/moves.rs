//! Series, moving an unstaffed request to a new time, and recording past requests.

use super::*;

/// The requests of a series, in order.
pub async fn series(db: &Db, tenant: Uuid, series: Uuid) -> Result<Vec<RequestRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM requests WHERE tenant_id = $1 AND series_id = $2 ORDER BY series_index"
    );
    let rows = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(series).fetch_all(p).await)?;
    RequestRow::all_opened(rows, &db.sealer())
}

/// Moves a request that nobody is confirmed for to a new start and duration; it is open
/// again and its invitations are withdrawn.
// The change, its history line and its mails belong to one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn reschedule(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: Status,
    start: Timestamp,
    local_date: &str,
    duration_min: i32,
    h: &HistoryEntry,
    mails: &[NewMail],
) -> Result<bool> {
    let q = "UPDATE requests SET status = 'open', start_at = $4, local_date = $5, duration_min = $6, reminder_sent = FALSE, \
             version = version + 1, updated_at = $7 WHERE tenant_id = $1 AND id = $2 AND status = $3";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(from.as_str()).bind(UtcTs(start)).bind(local_date)
            .bind(duration_min).bind(UtcTs(h.at)).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            withdraw_open!(&mut *tx, tenant, id, h.at)?;
            add_history!(&mut *tx, tenant, id, h)?;
            enqueue!(&mut *tx, db.sealer(), Some(tenant), mails, h.at)?;
        }
        tx.commit().await.map(|_| n == 1)
    }).map_err(DbError::from)
}

/// Turns an on-site request that nobody confirmed into a remote one (`mode`): open
/// again, its invitations withdrawn; the history keeps the change. `false` when it is no
/// longer an unstaffed on-site request.
pub async fn convert(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    from: Status,
    mode: &str,
    h: &HistoryEntry,
) -> Result<bool> {
    let q = "UPDATE requests SET mode = $4, status = 'open', version = version + 1, updated_at = $5 \
             WHERE tenant_id = $1 AND id = $2 AND status = $3 AND mode = 'onsite'";
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query(q).bind(tenant).bind(id).bind(from.as_str()).bind(mode).bind(UtcTs(h.at))
            .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            withdraw_open!(&mut *tx, tenant, id, h.at)?;
            add_history!(&mut *tx, tenant, id, h)?;
        }
        tx.commit().await.map(|_| n == 1)
    }).map_err(DbError::from)
}

/// How a past appointment ended (imported history: the demo's year, the benchmarks).
#[derive(Debug, Clone)]
pub struct PastEnd {
    pub status: Status,
    pub mediator_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub billable: bool,
    pub cancelled_by: Option<&'static str>,
    /// A confirmed time sheet: start, end, waiting and travel minutes, km in tenths.
    pub timesheet: Option<(Timestamp, Timestamp, i32, i32, i64)>,
}

/// Writes past requests as they ended, in one transaction of the caller.
pub async fn insert_past(
    tx: &mut crate::Tx,
    tenant: Uuid,
    rows: &[(NewRequest, PastEnd)],
) -> Result<()> {
    let q = "INSERT INTO requests (id, tenant_id, institution_id, place_id, mode, language, sector, start_at, duration_min, \
             local_date, gender_pref, gender, priority, client_ref, preferred_mediator_id, excluded, notes, status, version, \
             created_by, created_at, updated_at, billable, ts_status, ts_start, ts_end, ts_waiting_min, ts_travel_min, \
             ts_travel_km_tenths, mediator_id, cancelled_by, client_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '[]', NULL, $16, 1, $17, $18, $18, $19, $20, \
             $21, $22, $23, $24, $25, $26, $27, $28)";
    for (r, e) in rows {
        let ts = e.timesheet;
        let s = tx.sealer();
        let client_ref = s.seal(CLIENT_REF, Some(&r.client_ref))?;
        let client_hash = s.hash(CLIENT_HASH, &r.client_ref);
        crate::with_tx!(tx, c => sqlx::query(q).bind(r.id).bind(tenant).bind(r.institution_id).bind(r.place_id).bind(r.mode)
            .bind(&r.language).bind(r.sector).bind(UtcTs(r.start_at)).bind(r.duration_min).bind(&r.local_date)
            .bind(r.gender_pref).bind(r.gender).bind(r.priority).bind(&client_ref).bind(r.preferred_mediator_id)
            .bind(e.status.as_str()).bind(r.created_by).bind(UtcTs(e.created_at)).bind(e.billable)
            .bind(if ts.is_some() { "confirmed" } else { "none" })
            .bind(ts.map(|t| UtcTs(t.0))).bind(ts.map(|t| UtcTs(t.1))).bind(ts.map(|t| t.2)).bind(ts.map(|t| t.3))
            .bind(ts.map(|t| t.4)).bind(e.mediator_id).bind(e.cancelled_by).bind(&client_hash)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}
