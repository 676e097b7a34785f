//! The state's figures: one pass over the requests of a period of every centre that
//! shares its figures, counted per group and per tenth of an hour to confirmation.
//! Only counts leave the database; no row names a person.

use crate::{Db, Result};
use mittler_domain::state::{By, Counts, MAX_BUCKET};
use std::collections::BTreeMap;

type Part = (String, i64, i64, i64, i64, i64, i64, i64, i64);

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

/// The counts of each group of requests whose local date lies from `from` to `to`
/// (inclusive, `YYYY-MM-DD`), over the centres that share their figures.
pub async fn counts(db: &Db, from: &str, to: &str, by: By) -> Result<BTreeMap<String, Counts>> {
    // The requests are counted per centre, language, group and tenth of an hour first (a
    // pass over one index that holds every column read, a few tens of thousands of
    // groups); the centres' names and whether anyone speaks the language join those
    // groups, not the million rows.
    let (inner, key, groups) = match by {
        By::Tenant => ("''", "t.slug", "1, 2, 4"),
        By::Language => ("''", "g.language", "1, 2, 4"),
        By::Sector => ("r.sector", "g.x", "1, 2, 3, 4"),
        By::Month => ("SUBSTR(r.local_date, 1, 7)", "g.x", "1, 2, 3, 4"),
    };
    let (bucket, short) = match &db.pool {
        crate::Pool::Postgres(_) => (PG_BUCKET, "r.start_at - r.created_at < INTERVAL '48 hours'"),
        crate::Pool::Sqlite(_) => (SQLITE_BUCKET, "r.start_at - r.created_at < 172800000000"),
    };
    // Whether someone active in the centre's pool speaks the language.
    let speaker = "s.code IS NOT NULL";
    let q = format!(
        "SELECT {key} AS k, g.b, CAST(SUM(g.n) AS BIGINT), CAST(SUM(g.served) AS BIGINT), \
         CAST(SUM(CASE WHEN {speaker} THEN 0 ELSE g.unfilled_short + g.unfilled_long END) AS BIGINT), \
         CAST(SUM(CASE WHEN {speaker} THEN g.unfilled_short ELSE 0 END) AS BIGINT), \
         CAST(SUM(CASE WHEN {speaker} THEN g.unfilled_long ELSE 0 END) AS BIGINT), \
         CAST(SUM(g.cancelled) AS BIGINT), CAST(SUM(g.minutes) AS BIGINT) \
         FROM (SELECT r.tenant_id, r.language, {inner} AS x, {bucket} AS b, COUNT(*) AS n, \
         COUNT(*) FILTER (WHERE r.status = 'completed') AS served, \
         COUNT(*) FILTER (WHERE r.status = 'unfilled' AND {short}) AS unfilled_short, \
         COUNT(*) FILTER (WHERE r.status = 'unfilled' AND NOT ({short})) AS unfilled_long, \
         COUNT(*) FILTER (WHERE r.status = 'cancelled') AS cancelled, \
         COALESCE(SUM(r.duration_min) FILTER (WHERE r.status = 'completed'), 0) AS minutes \
         FROM requests r WHERE r.local_date >= $1 AND r.local_date <= $2 GROUP BY {groups}) g \
         JOIN tenants t ON t.id = g.tenant_id \
         LEFT JOIN (SELECT DISTINCT l.tenant_id, l.code FROM mediator_languages l JOIN mediators m \
         ON m.id = l.mediator_id WHERE m.active) s ON s.tenant_id = g.tenant_id AND s.code = g.language \
         WHERE t.share_figures AND NOT t.installation \
         GROUP BY 1, 2"
    );
    let parts: Vec<Part> = match &db.pool {
        crate::Pool::Sqlite(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(q))
                .bind(from)
                .bind(to)
                .fetch_all(p)
                .await?
        }
        // A year of a state is a million rows into a few thousand groups: aggregated in a
        // hash table (the planner, misjudging the groups, would sort them on disk), the
        // index read by parallel workers (the planner, counting a row per group, would
        // not), and without just-in-time compilation (its start costs more than it saves).
        crate::Pool::Postgres(p) => {
            let mut tx = p.begin().await?;
            for set in [
                "SET LOCAL jit = off",
                "SET LOCAL enable_sort = off",
                "SET LOCAL work_mem = '64MB'",
                "SET LOCAL parallel_setup_cost = 0",
                "SET LOCAL parallel_tuple_cost = 0",
            ] {
                sqlx::query(set).execute(&mut *tx).await?;
            }
            let rows = sqlx::query_as(sqlx::AssertSqlSafe(q))
                .bind(from)
                .bind(to)
                .fetch_all(&mut *tx)
                .await?;
            tx.commit().await?;
            rows
        }
    };
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for (k, b, requests, served, no_speaker, short_notice, nobody_free, cancelled, minutes) in parts
    {
        let mut c = Counts {
            requests,
            served,
            no_speaker,
            short_notice,
            nobody_free,
            cancelled,
            minutes,
            confirm_buckets: BTreeMap::new(),
        };
        if b >= 0 {
            c.confirm_buckets.insert(b, requests);
        }
        out.entry(k).or_default().add(&c);
    }
    Ok(out)
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
}
