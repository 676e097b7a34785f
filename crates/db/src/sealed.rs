//! The sealed fields as a whole: sealing what was written before sealing began, and
//! resealing everything with the newest key after `mittler keys rotate`.

use crate::{Db, DbError, Result, with_pool};
use uuid::Uuid;

/// Every sealed column: (table, column, the field name it is sealed for).
pub const SEALED: [(&str, &str, &str); 8] = [
    ("requests", "notes", crate::requests::NOTES),
    ("requests", "client_ref", crate::requests::CLIENT_REF),
    ("mediators", "phone", crate::mediators::PHONE),
    ("client_reminders", "contact", crate::requests::CONTACT),
    ("outbox", "body_text", crate::outbox::BODY),
    ("outbox", "attachment", crate::outbox::ATTACHMENT),
    ("calls", "client_ref", crate::calls::CLIENT_REF),
    ("calls", "callback_phone", crate::calls::CALLBACK),
];

/// The key columns of a table's rows.
fn key_of(table: &str) -> &'static str {
    match table {
        "client_reminders" => "request_id",
        _ => "id",
    }
}

fn current(db: &Db) -> Result<String> {
    db.keys
        .as_deref()
        .map(|k| format!("{}{}:%", crate::seal::PREFIX, k.current_id()))
        .ok_or_else(|| DbError::Corrupt("sealing needs the key file".into()))
}

/// How many stored values are not sealed with the newest key.
pub async fn unsealed(db: &Db) -> Result<u64> {
    let like = current(db)?;
    let mut n = 0i64;
    for (table, column, _) in SEALED {
        let q = format!(
            "SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL AND {column} <> '' AND {column} NOT LIKE $1"
        );
        let c: i64 = with_pool!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(q)).bind(&like).fetch_one(p).await)?;
        n += c;
    }
    Ok(u64::try_from(n).unwrap_or_default())
}

/// Seals every value not sealed with the newest key (plain values of older releases and
/// values sealed with a retired key), and renews client references' lookup hashes.
/// Returns how many values were sealed again.
pub async fn reseal(db: &Db) -> Result<u64> {
    let like = current(db)?;
    let s = db.sealer();
    let mut done = 0u64;
    for (table, column, field) in SEALED {
        let key = key_of(table);
        loop {
            let q = format!(
                "SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> '' AND {column} NOT LIKE $1 LIMIT 500"
            );
            let rows: Vec<(Uuid, String)> = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(&like).fetch_all(p).await)?;
            if rows.is_empty() {
                break;
            }
            let mut tx = db.begin().await?;
            for (id, stored) in rows {
                let plain = s.open(field, Some(stored.clone()))?.unwrap_or_default();
                let sealed = s.seal(field, Some(&plain))?;
                let u =
                    format!("UPDATE {table} SET {column} = $2 WHERE {key} = $1 AND {column} = $3");
                crate::with_tx!(&mut tx, c => sqlx::query(sqlx::AssertSqlSafe(u)).bind(id).bind(&sealed).bind(&stored).execute(c).await.map(|_| ()))?;
                if column == "client_ref" {
                    let h = s.hash(crate::requests::CLIENT_HASH, &plain);
                    crate::with_tx!(&mut tx, c => sqlx::query("UPDATE requests SET client_hash = $2 WHERE id = $1")
                        .bind(id).bind(&h).execute(c).await.map(|_| ()))?;
                }
                done += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(done)
}
