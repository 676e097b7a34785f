//! The state's figures: counts of the requests of a period of every centre that shares
//! its figures, per group and per tenth of an hour to confirmation. Only counts leave the
//! database; no row names a person.
//!
//! Whole months are read from `state_months` (counts per centre, month, language and
//! sector, kept by [`refresh`]); the days of a period outside whole months, and any month
//! of a centre marked in `state_dirty` since it was last counted, are counted from the
//! requests themselves. Both are read in one snapshot, so a summary's figures are always
//! those of the requests.

use crate::{Db, Result, with_pool, with_tx};
use jiff::civil::Date;
use mittler_domain::state::{By, Counts, MAX_BUCKET, whole_months};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// A request's tenth of an hour from creation to confirmation (-1: never confirmed), on
/// PostgreSQL. The same expression names the statistics `requests_state_groups`
/// (migration `20261208000000_state_index.sql`), which tell the planner how few groups
/// a year makes, so that parallel workers count parts of it.
const PG_BUCKET: &str = "CASE WHEN r.confirmed_at IS NULL THEN -1 ELSE LEAST(GREATEST(FLOOR(date_part('epoch', \
     r.confirmed_at - r.created_at) / 360), 0), 2400)::BIGINT END";
// The last bucket in both expressions is the domain's.
const _: () = assert!(MAX_BUCKET == 2400);
/// The same on SQLite (instants in microseconds).
const SQLITE_BUCKET: &str = "CASE WHEN r.confirmed_at IS NULL THEN -1 ELSE MIN(MAX((r.confirmed_at - r.created_at) / 360000000, 0), \
     2400) END";

/// The counts of a group of requests `r` (grouped by the caller), after its bucket:
/// n, completed, unfilled at short notice (under 48 hours) and at longer notice,
/// cancelled, booked minutes of the completed.
fn group_counts(db: &Db) -> String {
    let (bucket, short) = match &db.pool {
        crate::Pool::Postgres(_) => (PG_BUCKET, "r.start_at - r.created_at < INTERVAL '48 hours'"),
        crate::Pool::Sqlite(_) => (SQLITE_BUCKET, "r.start_at - r.created_at < 172800000000"),
    };
    format!(
        "{bucket} AS b, COUNT(*) AS n, \
         COUNT(*) FILTER (WHERE r.status = 'completed') AS served, \
         COUNT(*) FILTER (WHERE r.status = 'unfilled' AND {short}) AS unfilled_short, \
         COUNT(*) FILTER (WHERE r.status = 'unfilled' AND NOT ({short})) AS unfilled_long, \
         COUNT(*) FILTER (WHERE r.status = 'cancelled') AS cancelled, \
         COALESCE(SUM(r.duration_min) FILTER (WHERE r.status = 'completed'), 0) AS minutes"
    )
}

/// The centres' active mediators' languages, to join as `s` on `(tenant_id, code)`:
/// whether anyone in the centre's pool speaks the language of an unfilled request.
const SPEAKERS: &str = "(SELECT DISTINCT l.tenant_id, l.code FROM mediator_languages l JOIN mediators m \
     ON m.id = l.mediator_id WHERE m.active)";

/// Plain counts of a group: requests, served, unfilled short, unfilled long, cancelled, minutes.
type Plain = (i64, i64, i64, i64, i64, i64);

/// The counts of a group, its unfilled requests sorted by why: nobody in the pool speaks
/// the language, else too short a notice, else nobody was free.
fn classify(speaker: bool, (requests, served, short, long, cancelled, minutes): Plain) -> Counts {
    Counts {
        requests,
        served,
        no_speaker: if speaker { 0 } else { short + long },
        short_notice: if speaker { short } else { 0 },
        nobody_free: if speaker { long } else { 0 },
        cancelled,
        minutes,
        confirm_buckets: BTreeMap::new(),
    }
}

/// `YYYY-MM` of a date.
fn month(d: Date) -> String {
    d.strftime("%Y-%m").to_string()
}

/// A day computed from stored months (an error only if the stored text is not a month).
fn day(d: std::result::Result<Date, jiff::Error>) -> Result<Date> {
    d.map_err(|e| crate::DbError::Corrupt(format!("state: {e}")))
}

/// Buckets as kept in `state_months.buckets`: "bucket:count" separated by spaces.
pub fn pack(buckets: &BTreeMap<i64, i64>) -> String {
    let parts: Vec<String> = buckets.iter().map(|(b, n)| format!("{b}:{n}")).collect();
    parts.join(" ")
}

/// Adds the buckets of [`pack`]'s text to `into`.
pub fn unpack_into(text: &str, into: &mut BTreeMap<i64, i64>) -> Result<()> {
    for part in text.split_whitespace() {
        let (b, n) = part
            .split_once(':')
            .and_then(|(b, n)| Some((b.parse::<i64>().ok()?, n.parse::<i64>().ok()?)))
            .ok_or_else(|| crate::DbError::Corrupt(format!("state_months.buckets: {part}")))?;
        *into.entry(b).or_default() += n;
    }
    Ok(())
}

/// The counts of each group of requests whose local date lies from `from` to `to`
/// (inclusive), over the centres that share their figures.
pub async fn counts(db: &Db, from: Date, to: Date, by: By) -> Result<BTreeMap<String, Counts>> {
    let mut tx = db.begin().await?;
    // On PostgreSQL, one snapshot for the kept months, the marks and the requests. A period's
    // requests are a few thousand groups: aggregated in a hash table (the planner,
    // misjudging the groups, would sort them on disk), the index read by parallel
    // workers (the planner, counting a row per group, would not), and without
    // just-in-time compilation (its start costs more than it saves).
    tx.on_postgres(&[
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
        "SET LOCAL jit = off",
        "SET LOCAL enable_sort = off",
        "SET LOCAL work_mem = '64MB'",
        "SET LOCAL parallel_setup_cost = 0",
        "SET LOCAL parallel_tuple_cost = 0",
    ])
    .await?;
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    // What is counted from the requests: from, to, and only some centres' rows or all.
    let mut slices: Vec<(Date, Date, Option<HashSet<Uuid>>)> = Vec::new();
    match whole_months(from, to) {
        None => slices.push((from, to, None)),
        Some((first, last)) => {
            if from < first {
                slices.push((from, day(first.yesterday())?, None));
            }
            if last < to {
                slices.push((day(last.tomorrow())?, to, None));
            }
            let (m1, m2) = (month(first), month(last));
            let marked: Vec<(Uuid, String)> = with_tx!(tx, c => sqlx::query_as(
                "SELECT DISTINCT tenant_id, month FROM state_dirty WHERE month >= $1 AND month <= $2")
                .bind(&m1).bind(&m2).fetch_all(&mut *c).await)?;
            // A marked month is counted in one pass over that month, for its marked
            // centres (not a pass per centre: a month of the state is one range of the
            // index by date).
            let mut by_month: BTreeMap<&str, HashSet<Uuid>> = BTreeMap::new();
            for (tenant, m) in &marked {
                by_month.entry(m).or_default().insert(*tenant);
            }
            for (m, tenants) in by_month {
                let first_day = day(format!("{m}-01").parse())?;
                slices.push((first_day, first_day.last_of_month(), Some(tenants)));
            }
            let marked: HashSet<(Uuid, String)> = marked.into_iter().collect();
            type Kept = (
                Uuid,
                String,
                String,
                String,
                String,
                i64,
                i64,
                i64,
                i64,
                i64,
                i64,
                String,
                bool,
            );
            let kept: Vec<Kept> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT k.tenant_id, t.slug, k.month, k.language, k.sector, k.requests, k.served, \
                 k.unfilled_short, k.unfilled_long, k.cancelled, k.minutes, k.buckets, s.code IS NOT NULL \
                 FROM state_months k JOIN tenants t ON t.id = k.tenant_id \
                 LEFT JOIN {SPEAKERS} s ON s.tenant_id = k.tenant_id AND s.code = k.language \
                 WHERE k.month >= $1 AND k.month <= $2 AND t.share_figures AND NOT t.installation")))
                .bind(&m1).bind(&m2).fetch_all(&mut *c).await)?;
            for (
                tenant,
                slug,
                m,
                language,
                sector,
                n,
                served,
                short,
                long,
                cancelled,
                minutes,
                buckets,
                speaker,
            ) in kept
            {
                if marked.contains(&(tenant, m.clone())) {
                    continue;
                }
                let key = match by {
                    By::Tenant => slug,
                    By::Language => language,
                    By::Sector => sector,
                    By::Month => m,
                };
                // The buckets go straight into the group's (a year is a few hundred
                // thousand of them).
                let group = out.entry(key).or_default();
                group.add(&classify(
                    speaker,
                    (n, served, short, long, cancelled, minutes),
                ));
                unpack_into(&buckets, &mut group.confirm_buckets)?;
            }
        }
    }
    for (from, to, only) in slices {
        // Per centre, language, group and tenth of an hour first (a pass over one index
        // that holds every column read); the centres' names and whether anyone speaks
        // the language join those groups, not the rows.
        let (inner, key, groups) = match by {
            By::Tenant => ("''", "t.slug", "1, 2, 4"),
            By::Language => ("''", "g.language", "1, 2, 4"),
            By::Sector => ("r.sector", "g.x", "1, 2, 3, 4"),
            By::Month => ("SUBSTR(r.local_date, 1, 7)", "g.x", "1, 2, 3, 4"),
        };
        let q = format!(
            "SELECT g.tenant_id, {key}, g.b, s.code IS NOT NULL, CAST(SUM(g.n) AS BIGINT), \
             CAST(SUM(g.served) AS BIGINT), CAST(SUM(g.unfilled_short) AS BIGINT), \
             CAST(SUM(g.unfilled_long) AS BIGINT), CAST(SUM(g.cancelled) AS BIGINT), CAST(SUM(g.minutes) AS BIGINT) \
             FROM (SELECT r.tenant_id, r.language, {inner} AS x, {counts} \
             FROM requests r WHERE r.local_date >= $1 AND r.local_date <= $2 GROUP BY {groups}) g \
             JOIN tenants t ON t.id = g.tenant_id \
             LEFT JOIN {SPEAKERS} s ON s.tenant_id = g.tenant_id AND s.code = g.language \
             WHERE t.share_figures AND NOT t.installation GROUP BY 1, 2, 3, 4",
            counts = group_counts(db)
        );
        type Part = (Uuid, String, i64, bool, i64, i64, i64, i64, i64, i64);
        let (from, to) = (from.to_string(), to.to_string());
        let parts: Vec<Part> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q))
            .bind(&from).bind(&to).fetch_all(&mut *c).await)?;
        for (tenant, key, b, speaker, n, served, short, long, cancelled, minutes) in parts {
            if only.as_ref().is_some_and(|only| !only.contains(&tenant)) {
                continue;
            }
            let mut c = classify(speaker, (n, served, short, long, cancelled, minutes));
            if b >= 0 {
                c.confirm_buckets.insert(b, n);
            }
            out.entry(key).or_default().add(&c);
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Counts afresh up to `limit` months of centres marked since they were last counted
/// (oldest first); how many it counted. The worker calls it every minute.
pub async fn refresh(db: &Db, limit: i64) -> Result<usize> {
    let marked: Vec<(Uuid, String)> = with_pool!(db, p => sqlx::query_as(
        "SELECT DISTINCT tenant_id, month FROM state_dirty ORDER BY month, tenant_id LIMIT $1")
        .bind(limit).fetch_all(p).await)?;
    let mut by_month: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (tenant, m) in &marked {
        by_month.entry(m).or_default().push(*tenant);
    }
    for (m, tenants) in by_month {
        refresh_month(db, m, &tenants).await?;
    }
    Ok(marked.len())
}

/// Counts one month of some centres afresh (one pass over the month) and clears their
/// marks, in one transaction: on PostgreSQL in one snapshot (a mark made after it stays,
/// and the month is counted again), on SQLite holding the write lock from the first
/// statement.
async fn refresh_month(db: &Db, m: &str, tenants: &[Uuid]) -> Result<()> {
    let first = day(format!("{m}-01").parse())?;
    let (from, to) = (first.to_string(), first.last_of_month().to_string());
    let mut tx = db.begin().await?;
    tx.on_postgres(&["SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"])
        .await?;
    for tenant in tenants {
        with_tx!(tx, c => sqlx::query("DELETE FROM state_months WHERE tenant_id = $1 AND month = $2")
            .bind(tenant).bind(m).execute(&mut *c).await.map(|_| ()))?;
    }
    let q = format!(
        "SELECT r.tenant_id, r.language, r.sector, {} FROM requests r \
         WHERE r.local_date >= $1 AND r.local_date <= $2 GROUP BY 1, 2, 3, 4",
        group_counts(db)
    );
    type Row = (Uuid, String, String, i64, i64, i64, i64, i64, i64, i64);
    let rows: Vec<Row> = with_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(q))
        .bind(&from).bind(&to).fetch_all(&mut *c).await)?;
    type Group = (Plain, BTreeMap<i64, i64>);
    let mut groups: BTreeMap<(Uuid, String, String), Group> = BTreeMap::new();
    for (tenant, language, sector, b, n, served, short, long, cancelled, minutes) in rows {
        if !tenants.contains(&tenant) {
            continue;
        }
        let (p, buckets) = groups.entry((tenant, language, sector)).or_default();
        *p = (
            p.0 + n,
            p.1 + served,
            p.2 + short,
            p.3 + long,
            p.4 + cancelled,
            p.5 + minutes,
        );
        if b >= 0 {
            *buckets.entry(b).or_default() += n;
        }
    }
    let groups: Vec<_> = groups.into_iter().collect();
    // A statement of 500 groups stays far below either backend's limit of parameters.
    for chunk in groups.chunks(500) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p: Vec<String> = (1..=10).map(|k| format!("${}", 1 + i * 10 + k)).collect();
                format!("($1, {})", p.join(", "))
            })
            .collect();
        let q = format!(
            "INSERT INTO state_months (month, tenant_id, language, sector, requests, served, unfilled_short, \
             unfilled_long, cancelled, minutes, buckets) VALUES {}",
            values.join(", ")
        );
        with_tx!(tx, c => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(q.clone())).bind(m);
            for ((tenant, language, sector), ((n, served, short, long, cancelled, minutes), buckets)) in chunk {
                q = q.bind(tenant).bind(language).bind(sector).bind(n).bind(served).bind(short).bind(long)
                    .bind(cancelled).bind(minutes).bind(pack(buckets));
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    for tenant in tenants {
        with_tx!(tx, c => sqlx::query("DELETE FROM state_dirty WHERE tenant_id = $1 AND month = $2")
            .bind(tenant).bind(m).execute(&mut *c).await.map(|_| ()))?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The planner's statistics are only used for the very expression the query groups by.
    #[test]
    fn the_statistics_name_the_expression_of_the_query_and_its_last_bucket() {
        let migration = include_str!("../migrations/postgres/20261208000000_state_index.sql");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words(migration).contains(&words(&PG_BUCKET.replace("r.", ""))));
        assert!(PG_BUCKET.contains(&format!("), {MAX_BUCKET})")));
        assert!(SQLITE_BUCKET.contains(&format!(" {MAX_BUCKET})")));
    }

    #[test]
    fn buckets_are_packed_and_read_back() {
        let buckets: BTreeMap<i64, i64> = [(0, 3), (20, 1), (MAX_BUCKET, 12)].into();
        assert_eq!(pack(&buckets), "0:3 20:1 2400:12");
        let mut back = BTreeMap::new();
        unpack_into(&pack(&buckets), &mut back).unwrap();
        assert_eq!(back, buckets);
        unpack_into("20:2 5:1", &mut back).unwrap();
        assert_eq!(back, [(0, 3), (5, 1), (20, 3), (MAX_BUCKET, 12)].into());
        unpack_into("", &mut back).unwrap();
        assert_eq!(back.len(), 4);
        assert!(unpack_into("3:x", &mut back).is_err());
        assert!(unpack_into("7", &mut back).is_err());
    }
}
