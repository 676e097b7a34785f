//! Billing runs and their documents: drafts, issued invoices with gapless numbers, credit
//! notes, mediators' statements. Issued documents are never updated, except that an
//! invoice becomes `cancelled` when its credit note is issued.

use super::{corrupt, date};
use crate::{Db, DbError, Result, Tx, UtcTs, from_json, to_json, with_pool, with_tx};
use jiff::Timestamp;
use jiff::civil::Date;
use mittler_domain::billing::Vat;
use mittler_domain::billing::price::{Kind, Priced};
use mittler_domain::billing::run::{Engagement, Line, RunDraft};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct RunRow {
    pub id: Uuid,
    pub month: String,
    pub status: String,
    pub without_tariff: Vec<Uuid>,
    pub created_at: Timestamp,
    pub issued_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct RunRaw {
    id: Uuid,
    month: String,
    status: String,
    without_tariff: String,
    created_at: UtcTs,
    issued_at: Option<UtcTs>,
}

impl RunRaw {
    fn cook(self) -> Result<RunRow> {
        Ok(RunRow {
            id: self.id,
            month: self.month,
            status: self.status,
            without_tariff: from_json(&self.without_tariff)?,
            created_at: self.created_at.0,
            issued_at: self.issued_at.map(|t| t.0),
        })
    }
}

/// An invoice or credit note as stored (without its files).
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceRow {
    pub id: Uuid,
    pub run_id: Option<Uuid>,
    pub institution_id: Uuid,
    /// `invoice` or `credit_note`.
    pub kind: String,
    /// `draft`, `issued` or `cancelled`.
    pub status: String,
    pub number: Option<String>,
    pub refers_to: Option<Uuid>,
    pub reason: Option<String>,
    pub month: String,
    pub issued_on: Option<Date>,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub total_cents: i64,
    pub vat: Vat,
    pub lines: Vec<Line>,
}

#[derive(sqlx::FromRow)]
struct InvoiceRaw {
    id: Uuid,
    run_id: Option<Uuid>,
    institution_id: Uuid,
    kind: String,
    status: String,
    number: Option<String>,
    refers_to: Option<Uuid>,
    reason: Option<String>,
    month: String,
    issued_on: Option<String>,
    net_cents: i64,
    vat_cents: i64,
    total_cents: i64,
    vat: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementRow {
    pub id: Uuid,
    pub run_id: Uuid,
    pub mediator_id: Uuid,
    pub month: String,
    pub status: String,
    pub engagement: Engagement,
    pub total_cents: i64,
    pub year_to_date_cents: i64,
    pub allowance_left_cents: Option<i64>,
    pub lines: Vec<Line>,
}

#[derive(sqlx::FromRow)]
struct StatementRaw {
    id: Uuid,
    run_id: Uuid,
    mediator_id: Uuid,
    month: String,
    status: String,
    engagement: String,
    total_cents: i64,
    year_to_date_cents: i64,
    allowance_left_cents: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct LineRaw {
    doc: Uuid,
    request_id: Uuid,
    kind: String,
    day: String,
    language: String,
    minutes: i64,
    time_cents: i64,
    surcharge_cents: i64,
    travel_cents: i64,
    total_cents: i64,
}

impl LineRaw {
    fn cook(self) -> Result<(Uuid, Line)> {
        Ok((
            self.doc,
            Line {
                request_id: self.request_id,
                day: date(&self.day)?,
                language: self.language,
                priced: Priced {
                    kind: Kind::parse(&self.kind)
                        .ok_or_else(|| corrupt(format!("line kind {}", self.kind)))?,
                    minutes: self.minutes,
                    time_cents: self.time_cents,
                    surcharge_cents: self.surcharge_cents,
                    travel_cents: self.travel_cents,
                    total_cents: self.total_cents,
                },
            },
        ))
    }
}

const INVOICE_COLUMNS: &str = "id, run_id, institution_id, kind, status, number, refers_to, reason, month, issued_on, \
    net_cents, vat_cents, total_cents, vat";
const STATEMENT_COLUMNS: &str = "id, run_id, mediator_id, month, status, engagement, total_cents, year_to_date_cents, allowance_left_cents";
const LINE_COLUMNS: &str = "request_id, kind, day, language, minutes, time_cents, surcharge_cents, travel_cents, total_cents";

fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the lines of the documents `ids` from `table` (`invoice_lines` or `statement_lines`).
macro_rules! lines_of {
    ($conn:expr, $table:literal, $fk:literal, $tenant:expr, $ids:expr) => {{
        let ids: &[Uuid] = $ids;
        if ids.is_empty() {
            Ok(Vec::new())
        } else {
            let q = format!(
                "SELECT {} AS doc, {LINE_COLUMNS} FROM {} WHERE tenant_id = $1 AND {} IN ({}) ORDER BY {}, position",
                $fk, $table, $fk, placeholders(2, ids.len()), $fk
            );
            let mut query = sqlx::query_as::<_, LineRaw>(sqlx::AssertSqlSafe(q.as_str())).bind($tenant);
            for id in ids {
                query = query.bind(*id);
            }
            query.fetch_all($conn).await
        }
    }};
}

fn attach<T>(
    docs: &mut [T],
    lines: Vec<LineRaw>,
    id: impl Fn(&T) -> Uuid,
    push: impl Fn(&mut T, Line),
) -> Result<()> {
    for raw in lines {
        let (doc, line) = raw.cook()?;
        if let Some(d) = docs.iter_mut().find(|d| id(d) == doc) {
            push(d, line);
        }
    }
    Ok(())
}

fn cook_invoice(r: InvoiceRaw) -> Result<InvoiceRow> {
    Ok(InvoiceRow {
        id: r.id,
        run_id: r.run_id,
        institution_id: r.institution_id,
        kind: r.kind,
        status: r.status,
        number: r.number,
        refers_to: r.refers_to,
        reason: r.reason,
        month: r.month,
        issued_on: r.issued_on.as_deref().map(date).transpose()?,
        net_cents: r.net_cents,
        vat_cents: r.vat_cents,
        total_cents: r.total_cents,
        vat: from_json(&r.vat)?,
        lines: Vec::new(),
    })
}

fn cook_statement(r: StatementRaw) -> Result<StatementRow> {
    Ok(StatementRow {
        id: r.id,
        run_id: r.run_id,
        mediator_id: r.mediator_id,
        month: r.month,
        status: r.status,
        engagement: Engagement::parse(&r.engagement).ok_or_else(|| corrupt("engagement"))?,
        total_cents: r.total_cents,
        year_to_date_cents: r.year_to_date_cents,
        allowance_left_cents: r.allowance_left_cents,
        lines: Vec::new(),
    })
}

/// Which invoices to list.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    pub run: Option<Uuid>,
    pub month: Option<String>,
    /// Only this institution's invoices, or this mediator's statements.
    pub owner: Option<Uuid>,
    /// Issued documents only (drafts are seen through their run).
    pub issued_only: bool,
}

/// Invoices and credit notes with their lines, by number (drafts by institution).
pub async fn invoices(db: &Db, tenant: Uuid, f: &DocFilter) -> Result<Vec<InvoiceRow>> {
    let q = format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND ($2 IS NULL OR run_id = $2) \
         AND ($3 IS NULL OR month = $3) AND ($4 IS NULL OR institution_id = $4) AND ($5 = FALSE OR status <> 'draft') \
         ORDER BY number, institution_id, id"
    );
    with_pool!(db, p => {
        let raws: Vec<InvoiceRaw> = sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(f.run).bind(&f.month).bind(f.owner)
            .bind(f.issued_only).fetch_all(p).await?;
        let mut docs = raws.into_iter().map(cook_invoice).collect::<Result<Vec<_>>>()?;
        let ids: Vec<Uuid> = docs.iter().map(|d| d.id).collect();
        let lines = lines_of!(p, "invoice_lines", "invoice_id", tenant, &ids)?;
        attach(&mut docs, lines, |d| d.id, |d, l| d.lines.push(l))?;
        Ok(docs)
    })
}

pub async fn invoice(db: &Db, tenant: Uuid, id: Uuid) -> Result<InvoiceRow> {
    let q = format!("SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND id = $2");
    with_pool!(db, p => {
        let raw: InvoiceRaw = sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(id).fetch_one(p).await?;
        let mut docs = vec![cook_invoice(raw)?];
        let lines = lines_of!(p, "invoice_lines", "invoice_id", tenant, &[id])?;
        attach(&mut docs, lines, |d| d.id, |d, l| d.lines.push(l))?;
        docs.pop().ok_or(DbError::NotFound)
    })
}

/// The XRechnung and PDF of an issued invoice (none for a draft).
pub async fn invoice_files(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
) -> Result<(Option<String>, Option<Vec<u8>>)> {
    let q = "SELECT xml, pdf FROM invoices WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?)
}

pub async fn statements(db: &Db, tenant: Uuid, f: &DocFilter) -> Result<Vec<StatementRow>> {
    let q = format!(
        "SELECT {STATEMENT_COLUMNS} FROM statements WHERE tenant_id = $1 AND ($2 IS NULL OR run_id = $2) \
         AND ($3 IS NULL OR month = $3) AND ($4 IS NULL OR mediator_id = $4) AND ($5 = FALSE OR status <> 'draft') \
         ORDER BY month, mediator_id, id"
    );
    with_pool!(db, p => {
        let raws: Vec<StatementRaw> = sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(f.run).bind(&f.month).bind(f.owner)
            .bind(f.issued_only).fetch_all(p).await?;
        let mut docs = raws.into_iter().map(cook_statement).collect::<Result<Vec<_>>>()?;
        let ids: Vec<Uuid> = docs.iter().map(|d| d.id).collect();
        let lines = lines_of!(p, "statement_lines", "statement_id", tenant, &ids)?;
        attach(&mut docs, lines, |d| d.id, |d, l| d.lines.push(l))?;
        Ok(docs)
    })
}

pub async fn statement(db: &Db, tenant: Uuid, id: Uuid) -> Result<StatementRow> {
    let q = format!("SELECT {STATEMENT_COLUMNS} FROM statements WHERE tenant_id = $1 AND id = $2");
    with_pool!(db, p => {
        let raw: StatementRaw = sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(id).fetch_one(p).await?;
        let mut docs = vec![cook_statement(raw)?];
        let lines = lines_of!(p, "statement_lines", "statement_id", tenant, &[id])?;
        attach(&mut docs, lines, |d| d.id, |d, l| d.lines.push(l))?;
        docs.pop().ok_or(DbError::NotFound)
    })
}

pub async fn statement_pdf(db: &Db, tenant: Uuid, id: Uuid) -> Result<Option<Vec<u8>>> {
    let q = "SELECT pdf FROM statements WHERE tenant_id = $1 AND id = $2";
    let (pdf,): (Option<Vec<u8>>,) =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?;
    Ok(pdf)
}

const RUN_COLUMNS: &str = "id, month, status, without_tariff, created_at, issued_at";

pub async fn runs(db: &Db, tenant: Uuid) -> Result<Vec<RunRow>> {
    let q = format!(
        "SELECT {RUN_COLUMNS} FROM billing_runs WHERE tenant_id = $1 ORDER BY month DESC, created_at DESC, id"
    );
    let rows: Vec<RunRaw> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).fetch_all(p).await)?;
    rows.into_iter().map(RunRaw::cook).collect()
}

pub async fn run(db: &Db, tenant: Uuid, id: Uuid) -> Result<RunRow> {
    let q = format!("SELECT {RUN_COLUMNS} FROM billing_runs WHERE tenant_id = $1 AND id = $2");
    let row: RunRaw = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(id).fetch_one(p).await)?;
    row.cook()
}

/// Deletes the draft documents of a run (when it is superseded or discarded).
async fn drop_drafts(tx: &mut Tx, tenant: Uuid, run: Uuid) -> Result<()> {
    let qs = [
        "DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id IN (SELECT id FROM invoices WHERE run_id = $2 AND status = 'draft')",
        "DELETE FROM invoices WHERE tenant_id = $1 AND run_id = $2 AND status = 'draft'",
        "DELETE FROM statement_lines WHERE tenant_id = $1 AND statement_id IN (SELECT id FROM statements WHERE run_id = $2 AND status = 'draft')",
        "DELETE FROM statements WHERE tenant_id = $1 AND run_id = $2 AND status = 'draft'",
    ];
    for q in qs {
        with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(run).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

macro_rules! insert_lines {
    ($conn:expr, $table:literal, $fk:literal, $tenant:expr, $doc:expr, $lines:expr) => {{
        let q = concat!(
            "INSERT INTO ", $table, " (id, tenant_id, ", $fk, ", position, request_id, kind, day, language, minutes, \
             time_cents, surcharge_cents, travel_cents, total_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        );
        let mut r: std::result::Result<(), sqlx::Error> = Ok(());
        for (pos, l) in $lines.iter().enumerate() {
            let l: &Line = l;
            r = sqlx::query(q).bind(Uuid::new_v4()).bind($tenant).bind($doc).bind(i64::try_from(pos).unwrap_or(i64::MAX))
                .bind(l.request_id).bind(l.priced.kind.as_str()).bind(l.day.to_string()).bind(&l.language)
                .bind(l.priced.minutes).bind(l.priced.time_cents).bind(l.priced.surcharge_cents)
                .bind(l.priced.travel_cents).bind(l.priced.total_cents).execute(&mut *$conn).await.map(|_| ());
            if r.is_err() {
                break;
            }
        }
        r
    }};
}

/// Stores a draft run; an earlier draft of the same month is superseded (its documents dropped).
#[allow(clippy::too_many_arguments)]
pub async fn insert_run(
    tx: &mut Tx,
    tenant: Uuid,
    id: Uuid,
    month: &str,
    by: Option<Uuid>,
    now: Timestamp,
    vat: &Vat,
    d: &RunDraft,
) -> Result<()> {
    let older: Vec<(Uuid,)> = with_tx!(tx, c => sqlx::query_as(
        "SELECT id FROM billing_runs WHERE tenant_id = $1 AND month = $2 AND status = 'draft'")
        .bind(tenant).bind(month).fetch_all(c).await)?;
    for (old,) in older {
        drop_drafts(tx, tenant, old).await?;
        with_tx!(tx, c => sqlx::query("UPDATE billing_runs SET status = 'superseded' WHERE id = $1 AND status = 'draft'")
            .bind(old).execute(c).await.map(|_| ()))?;
    }
    let without = to_json(&d.without_tariff)?;
    let vat_json = to_json(vat)?;
    with_tx!(tx, c => {
        sqlx::query("INSERT INTO billing_runs (id, tenant_id, month, status, without_tariff, created_by, created_at) \
                     VALUES ($1, $2, $3, 'draft', $4, $5, $6)")
            .bind(id).bind(tenant).bind(month).bind(&without).bind(by).bind(UtcTs(now)).execute(&mut *c).await?;
        for inv in &d.invoices {
            let doc = Uuid::new_v4();
            sqlx::query("INSERT INTO invoices (id, tenant_id, run_id, institution_id, kind, status, month, net_cents, \
                         vat_cents, total_cents, vat, created_at) VALUES ($1, $2, $3, $4, 'invoice', 'draft', $5, $6, $7, $8, $9, $10)")
                .bind(doc).bind(tenant).bind(id).bind(inv.institution_id).bind(month).bind(inv.net_cents)
                .bind(inv.vat_cents).bind(inv.total_cents).bind(&vat_json).bind(UtcTs(now)).execute(&mut *c).await?;
            insert_lines!(c, "invoice_lines", "invoice_id", tenant, doc, inv.lines)?;
        }
        for st in &d.statements {
            let doc = Uuid::new_v4();
            sqlx::query("INSERT INTO statements (id, tenant_id, run_id, mediator_id, month, status, engagement, total_cents, \
                         year_to_date_cents, allowance_left_cents, created_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10)")
                .bind(doc).bind(tenant).bind(id).bind(st.mediator_id).bind(month).bind(st.engagement.as_str())
                .bind(st.total_cents).bind(st.year_to_date_cents).bind(st.allowance_left_cents).bind(UtcTs(now))
                .execute(&mut *c).await?;
            insert_lines!(c, "statement_lines", "statement_id", tenant, doc, st.lines)?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

/// Moves a draft run to `to` (`issued` or `discarded`); a run that is no draft is a conflict.
pub async fn close_run(
    tx: &mut Tx,
    tenant: Uuid,
    id: Uuid,
    to: &str,
    now: Timestamp,
) -> Result<()> {
    let n = with_tx!(tx, c => sqlx::query(
        "UPDATE billing_runs SET status = $3, issued_at = CASE WHEN $3 = 'issued' THEN $4 ELSE issued_at END \
         WHERE tenant_id = $1 AND id = $2 AND status = 'draft'")
        .bind(tenant).bind(id).bind(to).bind(UtcTs(now)).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        if to == "discarded" {
            drop_drafts(tx, tenant, id).await?;
        }
        return Ok(());
    }
    let exists: Option<(String,)> = with_tx!(tx, c => sqlx::query_as(
        "SELECT status FROM billing_runs WHERE tenant_id = $1 AND id = $2").bind(tenant).bind(id).fetch_optional(c).await)?;
    match exists {
        Some((status,)) => Err(DbError::Conflict(format!("run {status}"))),
        None => Err(DbError::NotFound),
    }
}

/// The next document number of `year` for the centre, counted in the caller's transaction:
/// the row lock holds concurrent issuers until this one commits or rolls back, so that the
/// numbers stay gapless.
pub async fn next_number(tx: &mut Tx, tenant: Uuid, year: i16) -> Result<i64> {
    let y = i64::from(year);
    with_tx!(tx, c => {
        sqlx::query("INSERT INTO document_numbers (tenant_id, year, last) VALUES ($1, $2, 0) ON CONFLICT (tenant_id, year) DO NOTHING")
            .bind(tenant).bind(y).execute(&mut *c).await?;
        sqlx::query_as::<_, (i64,)>("UPDATE document_numbers SET last = last + 1 WHERE tenant_id = $1 AND year = $2 RETURNING last")
            .bind(tenant).bind(y).fetch_one(&mut *c).await
    }).map(|(n,)| n).map_err(DbError::from)
}

/// The files and parties an invoice is issued with.
#[derive(Debug, Clone)]
pub struct Issued<'a> {
    pub number: &'a str,
    pub issued_on: Date,
    pub seller_json: &'a str,
    pub buyer_json: &'a str,
    pub xml: &'a str,
    pub pdf: &'a [u8],
}

/// Issues a draft invoice of the run being issued.
pub async fn issue_invoice(tx: &mut Tx, tenant: Uuid, id: Uuid, i: &Issued<'_>) -> Result<()> {
    let q = "UPDATE invoices SET status = 'issued', number = $3, issued_on = $4, seller = $5, buyer = $6, xml = $7, pdf = $8 \
             WHERE tenant_id = $1 AND id = $2 AND status = 'draft'";
    let n = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).bind(i.number).bind(i.issued_on.to_string())
        .bind(i.seller_json).bind(i.buyer_json).bind(i.xml).bind(i.pdf).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict("invoice issued".into()))
    }
}

pub async fn issue_statement(tx: &mut Tx, tenant: Uuid, id: Uuid, pdf: &[u8]) -> Result<()> {
    let q = "UPDATE statements SET status = 'issued', pdf = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'draft'";
    let n = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).bind(pdf).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict("statement issued".into()))
    }
}

/// Marks an issued invoice cancelled (its credit note is written in the same transaction);
/// a draft, a credit note or an invoice cancelled already is a conflict.
pub async fn cancel_invoice(tx: &mut Tx, tenant: Uuid, id: Uuid) -> Result<InvoiceRow> {
    let n = with_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET status = 'cancelled' WHERE tenant_id = $1 AND id = $2 AND kind = 'invoice' AND status = 'issued'")
        .bind(tenant).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    let q = format!("SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND id = $2");
    let raw: Option<InvoiceRaw> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).bind(id).fetch_optional(c).await)?;
    let mut inv = cook_invoice(raw.ok_or(DbError::NotFound)?)?;
    if n != 1 {
        return Err(DbError::Conflict(format!("{} {}", inv.kind, inv.status)));
    }
    let lines = with_tx!(tx, c => lines_of!(c, "invoice_lines", "invoice_id", tenant, &[id]))?;
    let mut docs = vec![inv];
    attach(&mut docs, lines, |d| d.id, |d, l| d.lines.push(l))?;
    inv = docs.pop().ok_or(DbError::NotFound)?;
    Ok(inv)
}

/// A credit note for `of`, issued at once.
#[derive(Debug, Clone)]
pub struct CreditNote<'a> {
    pub id: Uuid,
    pub of: &'a InvoiceRow,
    pub reason: &'a str,
    pub issued: Issued<'a>,
}

pub async fn insert_credit_note(
    tx: &mut Tx,
    tenant: Uuid,
    n: &CreditNote<'_>,
    now: Timestamp,
) -> Result<()> {
    let of = n.of;
    let vat = to_json(&of.vat)?;
    let i = &n.issued;
    with_tx!(tx, c => {
        sqlx::query("INSERT INTO invoices (id, tenant_id, run_id, institution_id, kind, status, number, refers_to, reason, month, \
                     issued_on, net_cents, vat_cents, total_cents, vat, seller, buyer, xml, pdf, created_at) \
                     VALUES ($1, $2, NULL, $3, 'credit_note', 'issued', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
            .bind(n.id).bind(tenant).bind(of.institution_id).bind(i.number).bind(of.id).bind(n.reason).bind(&of.month)
            .bind(i.issued_on.to_string()).bind(of.net_cents).bind(of.vat_cents).bind(of.total_cents).bind(&vat)
            .bind(i.seller_json).bind(i.buyer_json).bind(i.xml).bind(i.pdf).bind(UtcTs(now)).execute(&mut *c).await?;
        insert_lines!(c, "invoice_lines", "invoice_id", tenant, n.id, of.lines)
    })?;
    Ok(())
}

/// The seller and buyer an issued invoice was made out to (credit notes repeat them).
pub async fn parties(db: &Db, tenant: Uuid, id: Uuid) -> Result<(Option<String>, Option<String>)> {
    let q = "SELECT seller, buyer FROM invoices WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_one(p).await)?)
}
