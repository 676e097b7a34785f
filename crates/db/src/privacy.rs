//! A person's data as a whole (GDPR Art. 15 and 17): everything held about a subject, and
//! its erasure everywhere except in the documents a law keeps (issued invoices and
//! statements, § 147 AO).

use crate::{Db, Result, Tx, UtcTs, with_pool, with_tx};
use serde_json::{Value, json};
use uuid::Uuid;

/// A registration as exported: id, offer, status, name, persons, children, lang, when.
type RegistrationRow = (Uuid, Uuid, String, String, i32, String, String, UtcTs);

/// Whose data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Mediator(Uuid),
    User(Uuid),
    /// A client reference (pseudonymous, chosen by the institution).
    Client(String),
    /// The e-mail address of a registrant of the catalogue (or of anyone mailed).
    Email(String),
}

/// What an erasure changed, per kind of record.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Erased {
    pub profiles: u64,
    pub accounts: u64,
    pub requests: u64,
    pub history: u64,
    pub registrations: u64,
    pub mails: u64,
    pub plans: u64,
    pub audit_details: u64,
    pub reminders: u64,
    /// Calls whose client reference went, and on-call plans and push subscriptions.
    pub calls: u64,
}

fn ts(t: &UtcTs) -> String {
    t.0.to_string()
}

/// Who read or changed the objects: the audit entries about them, oldest first.
async fn readers(db: &Db, tenant: Uuid, objects: &[Uuid]) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for o in objects {
        let q = "SELECT at, actor, action, object_type, object_id FROM audit_log \
                 WHERE tenant_id = $1 AND object_id = $2 ORDER BY at, seq";
        let rows: Vec<(UtcTs, String, String, String, Option<Uuid>)> =
            with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(o).fetch_all(p).await)?;
        out.extend(rows.iter().map(|(at, actor, action, kind, id)| {
            json!({ "at": ts(at), "who": actor, "action": action, "object": kind, "object_id": id })
        }));
    }
    out.sort_by(|a, b| a["at"].as_str().cmp(&b["at"].as_str()));
    Ok(out)
}

/// The accounts of a tenant linked to a mediator, or with an e-mail address.
async fn accounts(db: &Db, tenant: Uuid, s: &Subject) -> Result<Vec<Uuid>> {
    let (q, bind): (&str, String) = match s {
        Subject::Mediator(id) => (
            "SELECT id FROM users WHERE tenant_id = $1 AND mediator_id = $2",
            id.to_string(),
        ),
        Subject::User(id) => (
            "SELECT id FROM users WHERE tenant_id = $1 AND id = $2",
            id.to_string(),
        ),
        Subject::Email(e) => (
            "SELECT id FROM users WHERE tenant_id = $1 AND LOWER(email) = $2",
            e.to_lowercase(),
        ),
        Subject::Client(_) => return Ok(Vec::new()),
    };
    let ids: Vec<Uuid> = match s {
        Subject::Email(_) => {
            with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(&bind).fetch_all(p).await)?
        }
        _ => {
            let id = Uuid::parse_str(&bind).unwrap_or_default();
            with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(id).fetch_all(p).await)?
        }
    };
    Ok(ids)
}

/// The requests of a client reference (by its keyed hash).
async fn client_requests(db: &Db, tenant: Uuid, client: &str) -> Result<Vec<Uuid>> {
    let hash = db.sealer().hash(crate::requests::CLIENT_HASH, client);
    let q = "SELECT id FROM requests WHERE tenant_id = $1 AND client_hash = $2 ORDER BY start_at";
    Ok(with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(&hash).fetch_all(p).await)?)
}

fn request_json(r: &crate::requests::RequestRow) -> Value {
    json!({
        "id": r.id, "start": ts(&r.start_at), "duration_min": r.duration_min, "language": r.language,
        "sector": r.sector, "mode": r.mode, "status": r.status, "client_ref": r.client_ref,
        "notes": r.notes, "institution_id": r.institution_id, "mediator_id": r.mediator_id,
    })
}

/// Everything a tenant holds about a subject, as sections of records, with who read it.
/// `None` when nothing is held.
pub async fn export(db: &Db, tenant: Uuid, s: &Subject) -> Result<Option<Value>> {
    let mut sections = serde_json::Map::new();
    let mut objects: Vec<Uuid> = Vec::new();
    let users = accounts(db, tenant, s).await?;
    if let Subject::Mediator(id) = s {
        match crate::mediators::get(db, tenant, *id).await {
            Ok(m) => {
                sections.insert("mediator".into(), json!({
                    "id": m.id, "name": m.name, "email": m.email, "phone": m.phone,
                    "gender": m.gender.as_str(), "languages": m.languages.iter().map(|l| json!({"code": l.code.as_str(), "level": l.level.as_str()})).collect::<Vec<_>>(),
                    "sectors": m.sectors, "home": {"lat": m.home.lat, "lon": m.home.lon}, "remote": m.remote,
                    "availability": m.availability, "absences": m.absences,
                    "qualified_on": m.qualified_on.map(|d| d.to_string()),
                    "pledge_signed_on": m.pledge_signed_on.map(|d| d.to_string()), "active": m.active,
                }));
                objects.push(*id);
                let f = crate::requests::Filter {
                    mediator_id: Some(*id),
                    ..Default::default()
                };
                let rows = crate::requests::list(db, tenant, &f, 10_000).await?;
                sections.insert("assignments".into(), Value::Array(rows.iter().map(|r| json!({
                    "request": r.id, "start": ts(&r.start_at), "language": r.language, "status": r.status,
                })).collect()));
                let q = "SELECT request_id, status, created_at FROM invitations WHERE tenant_id = $1 AND mediator_id = $2 ORDER BY created_at";
                let inv: Vec<(Uuid, String, UtcTs)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_all(p).await)?;
                sections.insert(
                    "invitations".into(),
                    Value::Array(
                        inv.iter()
                            .map(|(r, st, at)| {
                                json!({
                    "request": r, "status": st, "sent_at": ts(at)})
                            })
                            .collect(),
                    ),
                );
                let f = crate::calls::Filter {
                    mediator: Some(*id),
                    ..Default::default()
                };
                let calls = crate::calls::list(db, tenant, &f, 10_000).await?;
                sections.insert(
                    "calls".into(),
                    Value::Array(calls.iter().map(call_json).collect()),
                );
                let q = "SELECT weekday, start_min, end_min FROM on_call_plan WHERE tenant_id = $1 AND mediator_id = $2";
                let plan: Vec<(i32, i32, i32)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_all(p).await)?;
                let q = "SELECT from_at, until_at FROM on_call WHERE tenant_id = $1 AND mediator_id = $2 ORDER BY from_at";
                let times: Vec<(UtcTs, UtcTs)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_all(p).await)?;
                sections.insert("on_call".into(), json!({
                    "plan": plan.iter().map(|(d, s, e)| json!({"weekday": d, "start_min": s, "end_min": e})).collect::<Vec<_>>(),
                    "times": times.iter().map(|(f, u)| json!({"from": ts(f), "until": ts(u)})).collect::<Vec<_>>(),
                }));
                let q = "SELECT month, status FROM statements WHERE tenant_id = $1 AND mediator_id = $2 ORDER BY month";
                let st: Vec<(String, String)> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(id).fetch_all(p).await)?;
                sections.insert(
                    "statements_kept_by_law".into(),
                    Value::Array(
                        st.iter()
                            .map(|(m, s)| {
                                json!({
                    "month": m, "status": s})
                            })
                            .collect(),
                    ),
                );
            }
            Err(crate::DbError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    if let Subject::Client(c) = s {
        let ids = client_requests(db, tenant, c).await?;
        let mut rows = Vec::new();
        for id in &ids {
            let r = crate::requests::get(db, tenant, *id).await?;
            let history = crate::requests::history(db, tenant, *id).await?;
            let mut v = request_json(&r);
            let history = Value::Array(
                history
                    .iter()
                    .map(|h| {
                        json!({
                "at": ts(&h.at), "event": h.event, "to_status": h.to_status, "reason": h.reason})
                    })
                    .collect(),
            );
            let reminder = match crate::requests::client_reminder(db, tenant, *id).await? {
                Some((contact, lang)) => json!({"contact": contact, "lang": lang}),
                None => Value::Null,
            };
            if let Value::Object(m) = &mut v {
                m.insert("history".into(), history);
                m.insert("reminder".into(), reminder);
            }
            rows.push(v);
        }
        if !rows.is_empty() {
            sections.insert("requests".into(), Value::Array(rows));
        }
        objects.extend(ids);
        let calls = calls_of_client(db, tenant, c).await?;
        if !calls.is_empty() {
            sections.insert(
                "calls".into(),
                Value::Array(calls.iter().map(call_json).collect()),
            );
        }
        objects.extend(calls.iter().map(|c| c.id));
    }
    if let Subject::Email(e) = s {
        let q = "SELECT r.id, r.offer_id, r.status, r.name, r.persons, r.children, r.lang, r.created_at \
                 FROM registrations r WHERE r.tenant_id = $1 AND LOWER(r.email) = $2 ORDER BY r.created_at";
        let regs: Vec<RegistrationRow> = with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(e.to_lowercase()).fetch_all(p).await)?;
        if !regs.is_empty() {
            sections.insert("registrations".into(), Value::Array(regs.iter().map(|(id, offer, st, name, persons, children, lang, at)| json!({
                "id": id, "offer": offer, "status": st, "name": name, "email": e, "persons": persons,
                "children": serde_json::from_str::<Value>(children).unwrap_or(Value::Null), "lang": lang, "registered_at": ts(at)})).collect()));
        }
        objects.extend(regs.iter().map(|r| r.0));
    }
    if !users.is_empty() {
        let mut list = Vec::new();
        for u in &users {
            let row = crate::users::get(db, tenant, *u).await?;
            list.push(json!({"id": row.id, "email": row.email, "name": row.name, "role": row.role.as_str(),
                "lang": row.lang, "active": row.active}));
            objects.push(*u);
        }
        sections.insert("accounts".into(), Value::Array(list));
        let q = "SELECT at, action, object_type, object_id FROM audit_log WHERE tenant_id = $1 AND actor_id = $2 ORDER BY at, seq";
        let mut acts = Vec::new();
        for u in &users {
            let rows: Vec<(UtcTs, String, String, Option<Uuid>)> =
                with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(u).fetch_all(p).await)?;
            acts.extend(rows.iter().map(
                |(at, a, k, o)| json!({"at": ts(at), "action": a, "object": k, "object_id": o}),
            ));
        }
        sections.insert("activity".into(), Value::Array(acts));
    }
    let address = match s {
        Subject::Email(e) => Some(e.to_lowercase()),
        Subject::Mediator(_) => sections
            .get("mediator")
            .and_then(|m| m["email"].as_str())
            .map(str::to_lowercase),
        Subject::User(_) => sections
            .get("accounts")
            .and_then(|a| a.get(0))
            .and_then(|a| a["email"].as_str())
            .map(str::to_lowercase),
        Subject::Client(_) => None,
    };
    if let Some(a) = address {
        let q = "SELECT subject, status, created_at FROM outbox WHERE tenant_id = $1 AND LOWER(to_addr) = $2 ORDER BY created_at";
        let mails: Vec<(String, String, UtcTs)> =
            with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(&a).fetch_all(p).await)?;
        if !mails.is_empty() {
            sections.insert(
                "mails".into(),
                Value::Array(
                    mails
                        .iter()
                        .map(|(sub, st, at)| {
                            json!({
                "subject": sub, "status": st, "queued_at": ts(at)})
                        })
                        .collect(),
                ),
            );
        }
    }
    if sections.is_empty() {
        return Ok(None);
    }
    sections.insert(
        "read_by".into(),
        Value::Array(readers(db, tenant, &objects).await?),
    );
    Ok(Some(Value::Object(sections)))
}

/// A call as the person's export shows it (nothing of a conversation is ever stored).
fn call_json(c: &crate::calls::CallRow) -> Value {
    json!({
        "id": c.id, "mode": c.mode, "language": c.language, "sector": c.sector, "status": c.status,
        "client_ref": c.client_ref, "created_at": ts(&c.created_at),
        "answered_at": c.answered_at.as_ref().map(ts), "ended_at": c.ended_at.as_ref().map(ts),
        "duration_s": c.duration_s, "mediator": c.mediator_id,
    })
}

/// The calls made for a client reference (found by its keyed hash).
async fn calls_of_client(
    db: &Db,
    tenant: Uuid,
    client: &str,
) -> Result<Vec<crate::calls::CallRow>> {
    let hash = db.sealer().hash(crate::requests::CLIENT_HASH, client);
    let q = "SELECT id FROM calls WHERE tenant_id = $1 AND client_hash = $2 AND client_hash <> ''";
    let ids: Vec<Uuid> =
        with_pool!(db, p => sqlx::query_scalar(q).bind(tenant).bind(&hash).fetch_all(p).await)?;
    let mut out = Vec::new();
    for id in ids {
        out.push(crate::calls::get(db, tenant, id).await?);
    }
    Ok(out)
}

/// Erases an account within the caller's transaction: name, address, secrets and
/// sessions go; the row stays (as "erased") for the ids that point at it.
pub async fn erase_account(
    tx: &mut Tx,
    tenant: Uuid,
    user: Uuid,
    now: jiff::Timestamp,
) -> Result<u64> {
    let statements = [
        "DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2",
        "DELETE FROM recovery_codes WHERE user_id = $2 AND EXISTS (SELECT 1 FROM users u WHERE u.id = $2 AND u.tenant_id = $1)",
        "DELETE FROM passkeys WHERE user_id = $2 AND EXISTS (SELECT 1 FROM users u WHERE u.id = $2 AND u.tenant_id = $1)",
        "DELETE FROM sign_in_pending WHERE user_id = $2 AND EXISTS (SELECT 1 FROM users u WHERE u.id = $2 AND u.tenant_id = $1)",
        "DELETE FROM push_subscriptions WHERE tenant_id = $1 AND user_id = $2",
        "UPDATE request_history SET actor = '' WHERE tenant_id = $1 AND actor_id = $2",
    ];
    for q in statements {
        with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(user).execute(c).await.map(|_| ()))?;
    }
    let q = "UPDATE users SET email = $3, name = '', password_hash = '', totp_secret = NULL, totp_pending = NULL, \
             active = FALSE, updated_at = $4 WHERE tenant_id = $1 AND id = $2";
    let gone = format!("erased-{}@invalid", user.simple());
    let n = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(user).bind(&gone).bind(UtcTs(now))
        .execute(c).await.map(|r| r.rows_affected()))?;
    crate::audit::remove_details(tx, tenant, Some(user), Some(user)).await?;
    Ok(n)
}

/// Deletes a tenant's mails whose address, subject or text contains one of `needles`
/// (their texts are sealed, so they are opened one by one).
async fn scrub_mails(db: &Db, tx: &mut Tx, tenant: Uuid, needles: &[String]) -> Result<u64> {
    let needles: Vec<String> = needles
        .iter()
        .filter(|n| n.len() >= 3)
        .map(|n| n.to_lowercase())
        .collect();
    if needles.is_empty() {
        return Ok(0);
    }
    let q = "SELECT id, to_addr, subject, body_text FROM outbox WHERE tenant_id = $1";
    let rows: Vec<(Uuid, String, String, String)> =
        with_tx!(tx, c => sqlx::query_as(q).bind(tenant).fetch_all(c).await)?;
    let s = db.sealer();
    let mut n = 0;
    for (id, to, subject, body) in rows {
        let body = s.open(crate::outbox::BODY, Some(body))?.unwrap_or_default();
        let text = format!("{to}\n{subject}\n{body}").to_lowercase();
        if needles.iter().any(|x| text.contains(x)) {
            with_tx!(tx, c => sqlx::query("DELETE FROM outbox WHERE id = $1").bind(id).execute(c).await.map(|_| ()))?;
            n += 1;
        }
    }
    Ok(n)
}

/// Erases a subject's personal data everywhere within one transaction of the caller.
pub async fn erase(
    db: &Db,
    tx: &mut Tx,
    tenant: Uuid,
    s: &Subject,
    now: jiff::Timestamp,
) -> Result<Erased> {
    let mut e = Erased::default();
    let mut needles = Vec::new();
    let users = accounts(db, tenant, s).await?;
    for u in &users {
        if let Ok(row) = crate::users::get(db, tenant, *u).await {
            needles.push(row.email.clone());
            if row.name.len() >= 5 {
                needles.push(row.name.clone());
            }
        }
    }
    match s {
        Subject::Mediator(id) => {
            if let Ok(m) = crate::mediators::get(db, tenant, *id).await {
                needles.extend([m.name.clone(), m.email.clone(), m.phone.clone()]);
            }
            let q = "UPDATE mediators SET name = $3, email = '', phone = '', home_lat = 0, home_lon = 0, availability = '[]', \
                     absences = '[]', qualified_on = NULL, pledge_signed_on = NULL, calendar_token_hash = NULL, active = FALSE, \
                     updated_at = $4 WHERE tenant_id = $1 AND id = $2";
            e.profiles = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).bind(format!("({})", &id.simple().to_string()[..8]))
                .bind(UtcTs(now)).execute(c).await.map(|r| r.rows_affected()))?;
            let q = "DELETE FROM on_call_plan WHERE tenant_id = $1 AND mediator_id = $2";
            e.calls += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
            let q = "DELETE FROM plans WHERE tenant_id = $1 AND proposal LIKE $2";
            e.plans = with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(format!("%{id}%")).execute(c).await.map(|r| r.rows_affected()))?;
            e.audit_details += crate::audit::remove_details(tx, tenant, Some(*id), None).await?;
        }
        Subject::User(_) => {}
        Subject::Client(c) => {
            let ids = client_requests(db, tenant, c).await?;
            needles.push(c.clone());
            // Read everything first: a read through the pool must not wait for this
            // transaction's own writes (SQLite's shared in-memory cache locks tables).
            for id in &ids {
                if let Ok(r) = crate::requests::get(db, tenant, *id).await {
                    needles.extend(r.notes.filter(|n| n.len() >= 8));
                }
            }
            for id in &ids {
                let q = "UPDATE requests SET client_ref = '', client_hash = NULL, notes = NULL WHERE tenant_id = $1 AND id = $2";
                e.requests += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
                let q = "UPDATE request_history SET reason = NULL WHERE tenant_id = $1 AND request_id = $2 AND reason IS NOT NULL";
                e.history += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
                let q = "DELETE FROM client_reminders WHERE tenant_id = $1 AND request_id = $2";
                e.reminders += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
                e.audit_details +=
                    crate::audit::remove_details(tx, tenant, Some(*id), None).await?;
            }
            let hash = db.sealer().hash(crate::requests::CLIENT_HASH, c);
            let q = "UPDATE calls SET client_ref = '', client_hash = '' WHERE tenant_id = $1 AND client_hash = $2 AND client_hash <> ''";
            e.calls += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(&hash).execute(c).await.map(|r| r.rows_affected()))?;
        }
        Subject::Email(addr) => {
            needles.push(addr.clone());
            let q = "SELECT id FROM registrations WHERE tenant_id = $1 AND LOWER(email) = $2";
            let regs: Vec<Uuid> = with_tx!(tx, c => sqlx::query_scalar(q).bind(tenant).bind(addr.to_lowercase()).fetch_all(c).await)?;
            for r in &regs {
                let q = "UPDATE registrations SET name = '', email = '', children = '[]', token_hash = $3, anonymised_at = $4 \
                         WHERE tenant_id = $1 AND id = $2";
                e.registrations += with_tx!(tx, c => sqlx::query(q).bind(tenant).bind(r).bind(format!("gone:{}", Uuid::new_v4()))
                    .bind(UtcTs(now)).execute(c).await.map(|r| r.rows_affected()))?;
                with_tx!(tx, c => sqlx::query("DELETE FROM registration_consents WHERE tenant_id = $1 AND registration_id = $2")
                    .bind(tenant).bind(r).execute(c).await.map(|_| ()))?;
                e.audit_details += crate::audit::remove_details(tx, tenant, Some(*r), None).await?;
            }
        }
    }
    for u in &users {
        e.accounts += erase_account(tx, tenant, *u, now).await?;
    }
    e.mails += scrub_mails(db, tx, tenant, &needles).await?;
    Ok(e)
}

/// After an erasure has committed: SQLite moves the write-ahead log into the database
/// (whose freed pages `secure_delete` has zeroed) and empties it, so that the erased
/// values linger in no file.
pub async fn settle(db: &Db) -> Result<()> {
    if let crate::Pool::Sqlite(p) = &db.pool {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(p)
            .await?;
    }
    Ok(())
}
