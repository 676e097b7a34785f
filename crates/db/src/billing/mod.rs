//! The month's close: the centre's billing settings, tariffs, funds and the month's
//! billable items; runs and their documents are in [`documents`].

pub mod documents;

use crate::{Db, DbError, Result, Tx, UtcTs, from_json, to_json, with_pool, with_tx};
use jiff::Timestamp;
use jiff::civil::Date;
use mittler_domain::billing::fund::{Fund, FundDraft};
use mittler_domain::billing::{BillingAddress, Card, Engagement, Seller, Tariff, TariffDraft, Vat};
use mittler_domain::institution::Category;
use mittler_domain::request::Mode;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

fn corrupt(what: impl std::fmt::Display) -> DbError {
    DbError::Corrupt(what.to_string())
}

pub(crate) fn date(s: &str) -> Result<Date> {
    s.parse().map_err(|_| corrupt(format!("date {s}")))
}

/// A centre's billing settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub seller: Option<Seller>,
    pub vat: Vat,
    /// The volunteers' yearly allowance, where the centre set one.
    pub allowances: BTreeMap<i16, i64>,
}

pub async fn settings(db: &Db, tenant: Uuid) -> Result<Settings> {
    let (seller, vat): (Option<String>, Option<String>) = with_pool!(db, p =>
        sqlx::query_as("SELECT seller, vat FROM tenants WHERE id = $1").bind(tenant).fetch_one(p).await)?;
    let rows: Vec<(i64, i64)> = with_pool!(db, p =>
        sqlx::query_as("SELECT year, cents FROM allowances WHERE tenant_id = $1").bind(tenant).fetch_all(p).await)?;
    Ok(Settings {
        seller: seller.as_deref().map(from_json).transpose()?,
        vat: vat
            .as_deref()
            .map(from_json)
            .transpose()?
            .unwrap_or_default(),
        allowances: rows
            .into_iter()
            .map(|(y, c)| Ok((i16::try_from(y).map_err(|_| corrupt("allowance year"))?, c)))
            .collect::<Result<_>>()?,
    })
}

/// Changes what is given; `None` keeps a setting.
pub async fn set_settings(
    tx: &mut Tx,
    tenant: Uuid,
    seller: Option<&Seller>,
    vat: Option<&Vat>,
    allowances: &[(i16, i64)],
) -> Result<()> {
    if let Some(s) = seller {
        let j = to_json(s)?;
        with_tx!(tx, c => sqlx::query("UPDATE tenants SET seller = $2 WHERE id = $1").bind(tenant).bind(&j).execute(c).await.map(|_| ()))?;
    }
    if let Some(v) = vat {
        let j = to_json(v)?;
        with_tx!(tx, c => sqlx::query("UPDATE tenants SET vat = $2 WHERE id = $1").bind(tenant).bind(&j).execute(c).await.map(|_| ()))?;
    }
    for (year, cents) in allowances {
        let q = "INSERT INTO allowances (tenant_id, year, cents) VALUES ($1, $2, $3) \
                 ON CONFLICT (tenant_id, year) DO UPDATE SET cents = excluded.cents";
        with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(i64::from(*year)).bind(cents).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// Sets or clears an institution's billing address.
pub async fn set_institution_billing(
    db: &Db,
    tenant: Uuid,
    institution: Uuid,
    billing: Option<&BillingAddress>,
) -> Result<()> {
    let j = billing.map(to_json).transpose()?;
    let n = with_pool!(db, p => sqlx::query("UPDATE institutions SET billing = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant).bind(institution).bind(&j).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// The billing addresses of a centre's institutions that have one.
pub async fn institution_billing(db: &Db, tenant: Uuid) -> Result<HashMap<Uuid, BillingAddress>> {
    let rows: Vec<(Uuid, String)> = with_pool!(db, p => sqlx::query_as(
        "SELECT id, billing FROM institutions WHERE tenant_id = $1 AND billing IS NOT NULL")
        .bind(tenant).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(id, j)| Ok((id, from_json(&j)?)))
        .collect()
}

#[derive(sqlx::FromRow)]
struct TariffRow {
    id: Uuid,
    name: String,
    categories: String,
    modes: String,
    valid_from: String,
    valid_to: Option<String>,
    client: String,
    mediator: String,
}

impl TariffRow {
    fn into_tariff(self) -> Result<Tariff> {
        let split = |s: &str| {
            s.split(',')
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        Ok(Tariff {
            id: self.id,
            name: self.name,
            categories: split(&self.categories)
                .iter()
                .map(|c| Category::parse(c).ok_or_else(|| corrupt(format!("category {c}"))))
                .collect::<Result<_>>()?,
            modes: split(&self.modes)
                .iter()
                .map(|m| Mode::parse(m).ok_or_else(|| corrupt(format!("mode {m}"))))
                .collect::<Result<_>>()?,
            valid_from: date(&self.valid_from)?,
            valid_to: self.valid_to.as_deref().map(date).transpose()?,
            client: from_json::<Card>(&self.client)?,
            mediator: from_json::<Card>(&self.mediator)?,
        })
    }
}

const TARIFF_COLUMNS: &str = "id, name, categories, modes, valid_from, valid_to, client, mediator";

/// A centre's tariffs, by start.
pub async fn tariffs(db: &Db, tenant: Uuid) -> Result<Vec<Tariff>> {
    let q = format!(
        "SELECT {TARIFF_COLUMNS} FROM tariffs WHERE tenant_id = $1 ORDER BY valid_from, name, id"
    );
    let rows: Vec<TariffRow> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).fetch_all(p).await)?;
    rows.into_iter().map(TariffRow::into_tariff).collect()
}

/// The tariffs within a transaction, for the overlap check before a change.
pub async fn tariffs_in(tx: &mut Tx, tenant: Uuid) -> Result<Vec<Tariff>> {
    let q = format!(
        "SELECT {TARIFF_COLUMNS} FROM tariffs WHERE tenant_id = $1 ORDER BY valid_from, name, id"
    );
    let rows: Vec<TariffRow> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q.as_str())).bind(tenant).fetch_all(c).await)?;
    rows.into_iter().map(TariffRow::into_tariff).collect()
}

/// Serialises concurrent tariff changes of one centre (the overlap check needs it).
pub async fn lock_tariffs(tx: &mut Tx, tenant: Uuid) -> Result<()> {
    with_tx!(tx, c => sqlx::query("UPDATE tenants SET seller = seller WHERE id = $1").bind(tenant).execute(c).await.map(|_| ()))?;
    Ok(())
}

fn joined<T>(v: &[T], f: impl Fn(&T) -> &'static str) -> String {
    v.iter().map(f).collect::<Vec<_>>().join(",")
}

/// Stores a new tariff (`id` given) or replaces an existing one.
pub async fn save_tariff(
    tx: &mut Tx,
    tenant: Uuid,
    id: Uuid,
    d: &TariffDraft,
    now: Timestamp,
    new: bool,
) -> Result<()> {
    let cats = joined(&d.categories, |c| c.as_str());
    let modes = joined(&d.modes, |m| m.as_str());
    let (client, mediator) = (to_json(&d.client)?, to_json(&d.mediator)?);
    let from = d.valid_from.to_string();
    let to = d.valid_to.map(|t| t.to_string());
    let q = if new {
        "INSERT INTO tariffs (id, tenant_id, name, categories, modes, valid_from, valid_to, client, mediator, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"
    } else {
        "UPDATE tariffs SET name = $3, categories = $4, modes = $5, valid_from = $6, valid_to = $7, client = $8, \
         mediator = $9, updated_at = $10 WHERE id = $1 AND tenant_id = $2"
    };
    let n = with_tx!(tx, c => sqlx::query(q).bind(id).bind(tenant).bind(&d.name).bind(&cats).bind(&modes)
        .bind(&from).bind(&to).bind(&client).bind(&mediator).bind(UtcTs(now)).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// A billable end of a request in the month, with what the run needs to price it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    pub id: Uuid,
    pub institution_id: Uuid,
    pub category: String,
    pub mode: String,
    pub language: String,
    pub local_date: String,
    pub start_at: UtcTs,
    pub duration_min: i32,
    pub status: String,
    pub billable: bool,
    pub ts_status: String,
    pub ts_start: Option<UtcTs>,
    pub ts_end: Option<UtcTs>,
    pub ts_waiting_min: Option<i32>,
    pub ts_travel_min: Option<i32>,
    pub ts_travel_km_tenths: Option<i64>,
    pub mediator_id: Option<Uuid>,
    pub engagement: Option<String>,
    pub invoiced: bool,
    pub paid: bool,
    /// The call this record is of (billed by its minutes, `billing.md` rule 7).
    pub call_id: Option<Uuid>,
}

/// Every completed assignment (time sheet confirmed) and billable cancellation whose
/// appointment lies in `[from, to)`, with whether it is already on an issued document.
pub async fn items(db: &Db, tenant: Uuid, from: Date, to: Date) -> Result<Vec<ItemRow>> {
    let q = "SELECT r.id, r.institution_id, i.category, r.mode, r.language, r.local_date, r.start_at, r.duration_min, \
             r.status, r.billable, r.ts_status, r.ts_start, r.ts_end, r.ts_waiting_min, r.ts_travel_min, r.ts_travel_km_tenths, \
             r.mediator_id, m.engagement, \
             EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id \
                     WHERE l.tenant_id = r.tenant_id AND l.request_id = r.id AND v.kind = 'invoice' AND v.status = 'issued') AS invoiced, \
             EXISTS (SELECT 1 FROM statement_lines l JOIN statements s ON s.id = l.statement_id \
                     WHERE l.tenant_id = r.tenant_id AND l.request_id = r.id AND s.status = 'issued') AS paid, r.call_id \
             FROM requests r JOIN institutions i ON i.id = r.institution_id \
             LEFT JOIN mediators m ON m.id = r.mediator_id \
             WHERE r.tenant_id = $1 AND r.local_date >= $2 AND r.local_date < $3 \
             AND ((r.status = 'completed' AND r.ts_status = 'confirmed') OR (r.status = 'cancelled' AND r.billable)) \
             ORDER BY r.local_date, r.start_at, r.id";
    let rows = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(from.to_string()).bind(to.to_string()).fetch_all(p).await)?;
    Ok(rows)
}

/// What each mediator was paid on the issued statements of `year`.
pub async fn paid_in_year(db: &Db, tenant: Uuid, year: i16) -> Result<HashMap<Uuid, i64>> {
    let q = "SELECT mediator_id, CAST(SUM(total_cents) AS BIGINT) FROM statements WHERE tenant_id = $1 AND status = 'issued' \
             AND month >= $2 AND month < $3 GROUP BY mediator_id";
    let rows: Vec<(Uuid, Option<i64>)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant)
        .bind(format!("{year:04}-01")).bind(format!("{:04}-01", year + 1)).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|(m, s)| (m, s.unwrap_or(0))).collect())
}

/// Every mediator's engagement.
pub async fn engagements(db: &Db, tenant: Uuid) -> Result<HashMap<Uuid, Engagement>> {
    let rows: Vec<(Uuid, String)> = with_pool!(db, p => sqlx::query_as(
        "SELECT id, engagement FROM mediators WHERE tenant_id = $1").bind(tenant).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(id, e)| {
            Ok((
                id,
                Engagement::parse(&e).ok_or_else(|| corrupt(format!("engagement {e}")))?,
            ))
        })
        .collect()
}

pub async fn set_engagement(db: &Db, tenant: Uuid, mediator: Uuid, e: Engagement) -> Result<()> {
    let n = with_pool!(db, p => sqlx::query("UPDATE mediators SET engagement = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant).bind(mediator).bind(e.as_str()).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

// ---- funds ----

#[derive(sqlx::FromRow)]
struct FundRow {
    id: Uuid,
    name: String,
    budget_cents: i64,
    from_date: String,
    to_date: String,
    rules: String,
    priority: i64,
    committed: Option<i64>,
    spent: Option<i64>,
}

/// A centre's funds with what is committed and spent, by priority.
pub async fn funds(db: &Db, tenant: Uuid) -> Result<Vec<Fund>> {
    let q = "SELECT f.id, f.name, f.budget_cents, f.from_date, f.to_date, f.rules, f.priority, \
             CAST((SELECT SUM(r.fund_cents) FROM requests r WHERE r.tenant_id = f.tenant_id AND r.fund_id = f.id AND r.fund_state = 'committed') AS BIGINT) AS committed, \
             CAST((SELECT SUM(r.fund_cents) FROM requests r WHERE r.tenant_id = f.tenant_id AND r.fund_id = f.id AND r.fund_state = 'spent') AS BIGINT) AS spent \
             FROM funds f WHERE f.tenant_id = $1 ORDER BY f.priority, f.name, f.id";
    let rows: Vec<FundRow> =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_all(p).await)?;
    rows.into_iter()
        .map(|r| {
            Ok(Fund {
                id: r.id,
                name: r.name,
                budget_cents: r.budget_cents,
                from: date(&r.from_date)?,
                to: date(&r.to_date)?,
                rules: from_json(&r.rules)?,
                priority: r.priority,
                committed_cents: r.committed.unwrap_or(0),
                spent_cents: r.spent.unwrap_or(0),
            })
        })
        .collect()
}

/// Stores a new fund or replaces one.
pub async fn save_fund(
    db: &Db,
    tenant: Uuid,
    id: Uuid,
    d: &FundDraft,
    now: Timestamp,
    new: bool,
) -> Result<()> {
    let rules = to_json(&d.rules)?;
    let q = if new {
        "INSERT INTO funds (id, tenant_id, name, budget_cents, from_date, to_date, rules, priority, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
    } else {
        "UPDATE funds SET name = $3, budget_cents = $4, from_date = $5, to_date = $6, rules = $7, priority = $8, \
         updated_at = $9 WHERE id = $1 AND tenant_id = $2"
    };
    let n = with_pool!(db, p => sqlx::query(q).bind(id).bind(tenant).bind(&d.name).bind(d.budget_cents)
        .bind(d.from.to_string()).bind(d.to.to_string()).bind(&rules).bind(d.priority).bind(UtcTs(now))
        .execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// A request's share of a fund.
#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct FundShare {
    pub fund_id: Option<Uuid>,
    pub fund_cents: Option<i64>,
    /// `committed`, `spent` or `released`.
    pub fund_state: Option<String>,
    pub fund_by_hand: bool,
}

pub async fn fund_share(db: &Db, tenant: Uuid, request: Uuid) -> Result<FundShare> {
    let q = "SELECT fund_id, fund_cents, fund_state, fund_by_hand FROM requests WHERE tenant_id = $1 AND id = $2";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(request).fetch_one(p).await)?)
}

/// The fund shares of many requests.
/// The fund shares of the tenant's funded requests that start between `first` and `last`
/// (inclusive): what one page of requests needs, read through the (tenant, start) index.
pub async fn fund_shares_between(
    db: &Db,
    tenant: Uuid,
    first: Timestamp,
    last: Timestamp,
) -> Result<HashMap<Uuid, FundShare>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: Uuid,
        #[sqlx(flatten)]
        share: FundShare,
    }
    let q = "SELECT id, fund_id, fund_cents, fund_state, fund_by_hand FROM requests \
             WHERE tenant_id = $1 AND start_at >= $2 AND start_at <= $3 AND fund_id IS NOT NULL";
    let rows: Vec<Row> = with_pool!(db, p => sqlx::query_as(q)
        .bind(tenant)
        .bind(UtcTs(first))
        .bind(UtcTs(last))
        .fetch_all(p)
        .await)?;
    Ok(rows.into_iter().map(|r| (r.id, r.share)).collect())
}

pub async fn set_fund_share(db: &Db, tenant: Uuid, request: Uuid, s: &FundShare) -> Result<()> {
    let q = "UPDATE requests SET fund_id = $3, fund_cents = $4, fund_state = $5, fund_by_hand = $6 \
             WHERE tenant_id = $1 AND id = $2";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(request).bind(s.fund_id).bind(s.fund_cents)
        .bind(&s.fund_state).bind(s.fund_by_hand).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// Records that a fund's use was announced at `pct` percent; false when it was already.
pub async fn announce_fund(db: &Db, tenant: Uuid, fund: Uuid, pct: i64) -> Result<bool> {
    let q = "UPDATE funds SET announced_pct = $3 WHERE tenant_id = $1 AND id = $2 AND announced_pct < $3";
    let n = with_pool!(db, p => sqlx::query(q).bind(tenant).bind(fund).bind(pct).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

// ---- reports ----

/// A request of a report's period (the institution's category and the mediator's gender
/// are looked up from the small lists of both, not joined row by row).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ReportRow {
    pub language: String,
    pub sector: String,
    pub institution_id: Uuid,
    pub mode: String,
    pub local_date: String,
    pub status: String,
    pub billable: bool,
    pub created_at: UtcTs,
    pub start_at: UtcTs,
    pub duration_min: i32,
    pub ts_status: String,
    pub ts_start: Option<UtcTs>,
    pub ts_end: Option<UtcTs>,
    pub ts_waiting_min: Option<i32>,
    pub ts_travel_min: Option<i32>,
    pub ts_travel_km_tenths: Option<i64>,
    pub mediator_id: Option<Uuid>,
    pub fund_id: Option<Uuid>,
}

/// Every request whose appointment lies in `[from, to]` (one indexed range read).
///
/// A year holds tens of thousands of requests. SQLite's driver hands rows over one at a
/// time through a channel from its thread (about 7 µs a row), so there the rows of one
/// day come as one text, fields separated by the unit separator (U+001F) and rows by the
/// record separator (U+001E); no stored field can hold either (codes, ISO dates, numbers
/// and ids only). PostgreSQL's binary rows are faster read as they are.
pub async fn report_rows(db: &Db, tenant: Uuid, from: Date, to: Date) -> Result<Vec<ReportRow>> {
    // The same fields on both backends: ids as text, instants as microseconds, booleans as 0/1.
    const SQLITE: &str = "SELECT group_concat(language || char(31) || sector || char(31) || hex(institution_id) || char(31) || mode \
        || char(31) || local_date || char(31) || status || char(31) || (CASE WHEN billable THEN 1 ELSE 0 END) || char(31) \
        || created_at || char(31) || start_at || char(31) || duration_min || char(31) || ts_status || char(31) \
        || COALESCE(ts_start, '') || char(31) || COALESCE(ts_end, '') || char(31) || COALESCE(ts_waiting_min, '') || char(31) \
        || COALESCE(ts_travel_min, '') || char(31) || COALESCE(ts_travel_km_tenths, '') || char(31) \
        || COALESCE(hex(mediator_id), '') || char(31) || COALESCE(hex(fund_id), ''), char(30)) \
        FROM requests WHERE tenant_id = $1 AND local_date >= $2 AND local_date <= $3 GROUP BY local_date";
    const POSTGRES: &str = "SELECT language, sector, institution_id, mode, local_date, status, billable, created_at, start_at, \
        duration_min, ts_status, ts_start, ts_end, ts_waiting_min, ts_travel_min, ts_travel_km_tenths, mediator_id, fund_id \
        FROM requests WHERE tenant_id = $1 AND local_date >= $2 AND local_date <= $3";
    let (f, t) = (from.to_string(), to.to_string());
    let days: Vec<(Option<String>,)> = match &db.pool {
        crate::Pool::Sqlite(p) => {
            sqlx::query_as(SQLITE)
                .bind(tenant)
                .bind(&f)
                .bind(&t)
                .fetch_all(p)
                .await?
        }
        crate::Pool::Postgres(p) => {
            return Ok(sqlx::query_as(POSTGRES)
                .bind(tenant)
                .bind(&f)
                .bind(&t)
                .fetch_all(p)
                .await?);
        }
    };
    let mut out = Vec::new();
    for (day,) in days {
        for row in day
            .as_deref()
            .unwrap_or("")
            .split('\u{1e}')
            .filter(|r| !r.is_empty())
        {
            out.push(unpack(row)?);
        }
    }
    Ok(out)
}

/// One packed row of [`report_rows`].
fn unpack(row: &str) -> Result<ReportRow> {
    let f: Vec<&str> = row.split('\u{1f}').collect();
    let [
        language,
        sector,
        institution,
        mode,
        local_date,
        status,
        billable,
        created,
        start,
        duration,
        ts_status,
        ts_start,
        ts_end,
        waiting,
        travel,
        km,
        mediator,
        fund,
    ] = f.as_slice()
    else {
        return Err(corrupt("report row"));
    };
    let id = |s: &str| Uuid::parse_str(s).map_err(|_| corrupt("report id"));
    let opt_id = |s: &str| {
        if s.is_empty() {
            Ok(None)
        } else {
            id(s).map(Some)
        }
    };
    let num = |s: &str| s.parse::<i64>().map_err(|_| corrupt("report number"));
    let opt_num = |s: &str| {
        if s.is_empty() {
            Ok(None)
        } else {
            num(s).map(Some)
        }
    };
    let ts = |s: &str| {
        num(s).and_then(|m| {
            Timestamp::from_microsecond(m)
                .map(UtcTs)
                .map_err(|_| corrupt("report instant"))
        })
    };
    let opt_ts = |s: &str| {
        if s.is_empty() {
            Ok(None)
        } else {
            ts(s).map(Some)
        }
    };
    let small = |v: Option<i64>| {
        v.map(|x| i32::try_from(x).map_err(|_| corrupt("report number")))
            .transpose()
    };
    Ok(ReportRow {
        language: (*language).to_owned(),
        sector: (*sector).to_owned(),
        institution_id: id(institution)?,
        mode: (*mode).to_owned(),
        local_date: (*local_date).to_owned(),
        status: (*status).to_owned(),
        billable: *billable == "1",
        created_at: ts(created)?,
        start_at: ts(start)?,
        duration_min: small(Some(num(duration)?))?.unwrap_or(0),
        ts_status: (*ts_status).to_owned(),
        ts_start: opt_ts(ts_start)?,
        ts_end: opt_ts(ts_end)?,
        ts_waiting_min: small(opt_num(waiting)?)?,
        ts_travel_min: small(opt_num(travel)?)?,
        ts_travel_km_tenths: opt_num(km)?,
        mediator_id: opt_id(mediator)?,
        fund_id: opt_id(fund)?,
    })
}

/// The gender of every mediator of a centre.
pub async fn mediator_genders(db: &Db, tenant: Uuid) -> Result<HashMap<Uuid, String>> {
    let rows: Vec<(Uuid, String)> = with_pool!(db, p => sqlx::query_as(
        "SELECT id, gender FROM mediators WHERE tenant_id = $1").bind(tenant).fetch_all(p).await)?;
    Ok(rows.into_iter().collect())
}

/// The languages the active mediators of a centre speak.
pub async fn spoken(db: &Db, tenant: Uuid) -> Result<std::collections::HashSet<String>> {
    let q = "SELECT DISTINCT l.code FROM mediator_languages l JOIN mediators m ON m.id = l.mediator_id \
             WHERE l.tenant_id = $1 AND m.active";
    let rows: Vec<(String,)> =
        with_pool!(db, p => sqlx::query_as(q).bind(tenant).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}
