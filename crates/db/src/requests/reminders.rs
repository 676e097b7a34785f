//! A client's wish to be reminded the day before: kept only until it is sent or the
//! appointment is over.

use super::*;

/// The column a client's contact is sealed for.
pub(crate) const CONTACT: &str = "client_reminders.contact";

/// Keeps (or replaces) a client's wish to be reminded of request `id`.
pub async fn set_client_reminder(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    contact: &str,
    lang: &str,
    now: Timestamp,
) -> Result<()> {
    let del = "DELETE FROM client_reminders WHERE tenant_id = $1 AND request_id = $2";
    let ins = "INSERT INTO client_reminders (tenant_id, request_id, contact, lang, created_at) \
               VALUES ($1, $2, $3, $4, $5)";
    let contact = db.sealer().seal(CONTACT, Some(contact))?;
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(del).bind(tenant).bind(id).execute(&mut *tx).await?;
        sqlx::query(ins).bind(tenant).bind(id).bind(&contact).bind(lang).bind(UtcTs(now))
            .execute(&mut *tx).await?;
        tx.commit().await
    })?;
    Ok(())
}

/// Forgets a client's reminder wish.
pub async fn clear_client_reminder(db: &Db, tenant: Uuid, id: Uuid) -> Result<()> {
    let q = "DELETE FROM client_reminders WHERE tenant_id = $1 AND request_id = $2";
    with_pool!(db, p => sqlx::query(q).bind(tenant).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The client's reminder wish of a request: (contact, language).
pub async fn client_reminder(db: &Db, tenant: Uuid, id: Uuid) -> Result<Option<(String, String)>> {
    let q = "SELECT contact, lang FROM client_reminders WHERE tenant_id = $1 AND request_id = $2";
    let row: Option<(String, String)> =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_optional(p).await)?;
    row.map(|(c, l)| Ok((db.sealer().open(CONTACT, Some(c))?.unwrap_or_default(), l)))
        .transpose()
}

/// Forgets the reminder wishes of requests that are no longer confirmed or have begun:
/// nothing of the client's contact outlives the appointment.
pub async fn forget_client_reminders(db: &Db, now: Timestamp) -> Result<u64> {
    let q = "DELETE FROM client_reminders WHERE EXISTS (SELECT 1 FROM requests r \
             WHERE r.tenant_id = client_reminders.tenant_id AND r.id = client_reminders.request_id \
             AND (r.status <> 'confirmed' OR r.start_at <= $1))";
    Ok(
        with_pool!(db, p => sqlx::query(q).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?,
    )
}
