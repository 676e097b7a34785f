//! The e-mail outbox: mails are written in the transaction of the change they report and
//! sent by the worker, with retries and back-off.

use crate::{Db, Result, UtcTs, with_pool};
use jiff::Timestamp;
use uuid::Uuid;

/// A mail to send, already rendered in the recipient's language.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body_text: String,
    /// (file name, MIME type, content), e.g. an `.ics` invitation.
    pub attachment: Option<(String, String, String)>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailRow {
    pub id: Uuid,
    pub to_addr: String,
    pub subject: String,
    pub body_text: String,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: UtcTs,
    pub next_attempt_at: UtcTs,
    /// An issued invoice whose PDF and XRechnung go with the mail.
    pub invoice_id: Option<Uuid>,
    pub tenant_id: Option<Uuid>,
}

/// The column a mail's text is sealed for (it repeats a request's notes).
pub const BODY: &str = "outbox.body_text";
/// The column an attachment is sealed for (a calendar entry names the client reference).
pub const ATTACHMENT: &str = "outbox.attachment";

impl MailRow {
    fn opened(mut self, s: &crate::Sealer) -> Result<MailRow> {
        self.body_text = s
            .open(BODY, Some(std::mem::take(&mut self.body_text)))?
            .unwrap_or_default();
        self.attachment = s.open(ATTACHMENT, self.attachment.take())?;
        Ok(self)
    }

    fn all_opened(rows: Vec<MailRow>, s: &crate::Sealer) -> Result<Vec<MailRow>> {
        rows.into_iter().map(|r| r.opened(s)).collect()
    }
}

/// Writes mails on `$conn` (a pool or the caller's transaction).
macro_rules! enqueue {
    ($conn:expr, $sealer:expr, $tenant:expr, $mails:expr, $now:expr) => {{
        let mut r: std::result::Result<(), sqlx::Error> = Ok(());
        let sealer: $crate::Sealer = $sealer;
        for m in $mails.iter() {
            let m: &$crate::outbox::NewMail = m;
            let body = match sealer.seal_sqlx($crate::outbox::BODY, &m.body_text) {
                Ok(b) => b,
                Err(e) => {
                    r = Err(e);
                    break;
                }
            };
            let (name, kind, content) = match &m.attachment {
                Some((n, k, c)) => match sealer.seal_sqlx($crate::outbox::ATTACHMENT, c) {
                    Ok(c) => (Some(n.as_str()), Some(k.as_str()), Some(c)),
                    Err(e) => {
                        r = Err(e);
                        break;
                    }
                },
                None => (None, None, None),
            };
            r = sqlx::query(
                "INSERT INTO outbox (id, tenant_id, to_addr, subject, body_text, attachment_name, attachment_type, \
                 attachment, status, attempts, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $9)",
            )
            .bind(uuid::Uuid::new_v4())
            .bind($tenant)
            .bind(&m.to)
            .bind(&m.subject)
            .bind(&body)
            .bind(name)
            .bind(kind)
            .bind(content)
            .bind($crate::UtcTs($now))
            .execute(&mut *$conn)
            .await
            .map(|_| ());
            if r.is_err() {
                break;
            }
        }
        r
    }};
}
pub(crate) use enqueue;

/// Writes mails within the use-case's transaction: they are sent only if it commits.
pub async fn enqueue_in(
    tx: &mut crate::Tx,
    tenant: Option<Uuid>,
    mails: &[NewMail],
    now: Timestamp,
) -> Result<()> {
    let s = tx.sealer();
    crate::with_tx!(tx, c => enqueue!(c, s, tenant, mails, now))?;
    Ok(())
}

/// Writes the mail of an issued invoice within the issuing transaction; the worker
/// attaches the invoice's PDF and XRechnung when it sends it.
pub async fn enqueue_invoice_in(
    tx: &mut crate::Tx,
    tenant: Uuid,
    mail: &NewMail,
    invoice: Uuid,
    now: Timestamp,
) -> Result<()> {
    let q = "INSERT INTO outbox (id, tenant_id, to_addr, subject, body_text, status, attempts, next_attempt_at, created_at, invoice_id) \
             VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6, $7)";
    let body = tx.sealer().seal(BODY, Some(&mail.body_text))?;
    crate::with_tx!(tx, c => sqlx::query(q).bind(Uuid::new_v4()).bind(tenant).bind(&mail.to).bind(&mail.subject)
        .bind(&body).bind(UtcTs(now)).bind(invoice).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Writes mails on their own (when nothing else changes).
pub async fn add(db: &Db, tenant: Option<Uuid>, mails: &[NewMail], now: Timestamp) -> Result<()> {
    with_pool!(db, p => {
        let mut tx = p.begin().await?;
        enqueue!(&mut *tx, db.sealer(), tenant, mails, now)?;
        tx.commit().await
    })?;
    Ok(())
}

const COLUMNS: &str = "id, to_addr, subject, body_text, attachment_name, attachment_type, attachment, status, attempts, \
                       last_error, created_at, next_attempt_at, invoice_id, tenant_id";

/// Claims up to `limit` due mails for `holder` (a worker) until `until`: a mail claimed
/// by a worker that died is due again when its claim runs out, and only its holder may
/// renew, send and mark it meanwhile. Several workers claim different mails (SKIP
/// LOCKED on PostgreSQL; one writer at a time on SQLite).
pub async fn claim(
    db: &Db,
    now: Timestamp,
    limit: i64,
    holder: &str,
    until: Timestamp,
) -> Result<Vec<MailRow>> {
    let lock = match &db.pool {
        crate::Pool::Sqlite(_) => "",
        crate::Pool::Postgres(_) => " FOR UPDATE SKIP LOCKED",
    };
    let q = format!(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2, claimed_by = $4 WHERE id IN \
         (SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1 \
         ORDER BY next_attempt_at LIMIT $3{lock}) RETURNING {COLUMNS}"
    );
    let rows = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q.clone())).bind(UtcTs(now)).bind(UtcTs(until))
        .bind(limit).bind(holder).fetch_all(p).await)?;
    MailRow::all_opened(rows, &db.sealer())
}

/// Renews `holder`'s claim of a mail just before sending it; false when the claim ran
/// out and another worker took the mail over (then this one must not send it).
pub async fn renew(db: &Db, id: Uuid, holder: &str, until: Timestamp) -> Result<bool> {
    let q = "UPDATE outbox SET next_attempt_at = $3 WHERE id = $1 AND claimed_by = $2 AND status = 'sending'";
    let n = with_pool!(db, p => sqlx::query(q).bind(id).bind(holder).bind(UtcTs(until)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn mark_sent(db: &Db, id: Uuid, now: Timestamp) -> Result<()> {
    let q = "UPDATE outbox SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1";
    with_pool!(db, p => sqlx::query(q).bind(id).bind(UtcTs(now)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failed attempt: due again at `retry_at`, or failed for good without one.
pub async fn mark_failed(
    db: &Db,
    id: Uuid,
    error: &str,
    retry_at: Option<Timestamp>,
) -> Result<()> {
    let error: String = error.chars().take(500).collect();
    match retry_at {
        Some(t) => {
            let q = "UPDATE outbox SET status = 'pending', last_error = $2, next_attempt_at = $3 WHERE id = $1";
            with_pool!(db, p => sqlx::query(q).bind(id).bind(&error).bind(UtcTs(t)).execute(p).await.map(|r| r.rows_affected()))?;
        }
        None => {
            let q = "UPDATE outbox SET status = 'failed', last_error = $2 WHERE id = $1";
            with_pool!(db, p => sqlx::query(q).bind(id).bind(&error).execute(p).await.map(|r| r.rows_affected()))?;
        }
    }
    Ok(())
}

/// The tenant's mails that are not sent yet or failed, newest first (for admins).
pub async fn unsent(db: &Db, tenant: Uuid, limit: i64) -> Result<Vec<MailRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM outbox WHERE tenant_id = $1 AND status <> 'sent' ORDER BY created_at DESC LIMIT $2"
    );
    let rows = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(limit).fetch_all(p).await)?;
    MailRow::all_opened(rows, &db.sealer())
}

/// Every mail to an address, oldest first (tests and support).
pub async fn to_address(db: &Db, to: &str) -> Result<Vec<MailRow>> {
    let q = format!("SELECT {COLUMNS} FROM outbox WHERE to_addr = $1 ORDER BY created_at");
    let rows =
        with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(to).fetch_all(p).await)?;
    MailRow::all_opened(rows, &db.sealer())
}

/// Deletes mails sent before `before` (they hold addresses and names; the change they
/// reported stays in its own records).
pub async fn purge_sent(db: &Db, before: Timestamp) -> Result<u64> {
    let q = "DELETE FROM outbox WHERE status = 'sent' AND created_at < $1";
    let n = with_pool!(db, p => sqlx::query(q).bind(UtcTs(before)).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n)
}

/// How many mails of the whole installation are not sent (tests and monitoring).
pub async fn unsent_count(db: &Db) -> Result<i64> {
    let q = "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).fetch_one(p).await)?)
}
