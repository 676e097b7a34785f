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
    let key = match by {
        By::Tenant => "t.slug",
        By::Language => "r.language",
        By::Sector => "r.sector",
        By::Month => "SUBSTR(r.local_date, 1, 7)",
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
    // Whether someone active in the centre's pool speaks the language: a join with the
    // (small) set of languages spoken, which PostgreSQL can run in parallel.
    let speaker = "s.code IS NOT NULL";
    let q = format!(
        "SELECT {key} AS k, {bucket} AS b, COUNT(*), \
         SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN r.status = 'unfilled' AND NOT {speaker} THEN 1 ELSE 0 END), \
         SUM(CASE WHEN r.status = 'unfilled' AND {short} AND {speaker} THEN 1 ELSE 0 END), \
         SUM(CASE WHEN r.status = 'unfilled' AND NOT ({short}) AND {speaker} THEN 1 ELSE 0 END), \
         SUM(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN r.status = 'completed' THEN r.duration_min ELSE 0 END) \
         FROM requests r JOIN tenants t ON t.id = r.tenant_id \
         LEFT JOIN (SELECT DISTINCT l.tenant_id, l.code FROM mediator_languages l JOIN mediators m \
         ON m.id = l.mediator_id WHERE m.active) s ON s.tenant_id = r.tenant_id AND s.code = r.language \
         WHERE t.share_figures AND NOT t.installation AND r.local_date >= $1 AND r.local_date <= $2 \
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
        // hash table (the planner, misjudging the groups, would sort them on disk), and
        // without just-in-time compilation (its start costs more than it saves here).
        crate::Pool::Postgres(p) => {
            let mut tx = p.begin().await?;
            for set in [
                "SET LOCAL jit = off",
                "SET LOCAL enable_sort = off",
                "SET LOCAL work_mem = '64MB'",
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
