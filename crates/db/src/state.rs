//! The state's figures: one pass over the requests of a period of every centre that
//! shares its figures, counted per group and per tenth of an hour to confirmation.
//! Only counts leave the database; no row names a person.

use crate::{Db, Result};
use mittler_domain::state::{By, Counts, MAX_BUCKET};
use std::collections::BTreeMap;

type Part = (String, i64, i64, i64, i64, i64, i64, i64, i64);

/// The counts of each group of requests whose local date lies from `from` to `to`
/// (inclusive, `YYYY-MM-DD`), over the centres that share their figures.
pub async fn counts(db: &Db, from: &str, to: &str, by: By) -> Result<BTreeMap<String, Counts>> {
    // The requests are counted per centre, language, group and tenth of an hour first (a
    // pass over one index that holds every column read, a few tens of thousands of
    // groups); the centres' names and whether anyone speaks the language join those
    // groups, not the million rows.
    let (inner, key) = match by {
        By::Tenant => ("''", "t.slug"),
        By::Language => ("''", "g.language"),
        By::Sector => ("r.sector", "g.x"),
        By::Month => ("SUBSTR(r.local_date, 1, 7)", "g.x"),
    };
    let (bucket, short) = match &db.pool {
        crate::Pool::Postgres(_) => (
            format!(
                "CASE WHEN r.confirmed_at IS NULL THEN -1 ELSE LEAST(GREATEST(FLOOR(date_part('epoch', \
                 r.confirmed_at - r.created_at) / 360), 0), {MAX_BUCKET})::BIGINT END"
            ),
            "r.start_at - r.created_at < INTERVAL '48 hours'",
        ),
        crate::Pool::Sqlite(_) => (
            format!(
                "CASE WHEN r.confirmed_at IS NULL THEN -1 ELSE MIN(MAX((r.confirmed_at - r.created_at) / 360000000, 0), \
                 {MAX_BUCKET}) END"
            ),
            "r.start_at - r.created_at < 172800000000",
        ),
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
         SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END) AS served, \
         SUM(CASE WHEN r.status = 'unfilled' AND {short} THEN 1 ELSE 0 END) AS unfilled_short, \
         SUM(CASE WHEN r.status = 'unfilled' AND NOT ({short}) THEN 1 ELSE 0 END) AS unfilled_long, \
         SUM(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled, \
         SUM(CASE WHEN r.status = 'completed' THEN r.duration_min ELSE 0 END) AS minutes \
         FROM requests r WHERE r.local_date >= $1 AND r.local_date <= $2 GROUP BY 1, 2, 3, 4) g \
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
