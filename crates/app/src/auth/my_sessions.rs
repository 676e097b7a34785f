//! "My sessions": the own sessions and API tokens listed and ended; admins end a user's.

use super::*;

/// A session or token of the own account, as "my sessions" shows it.
#[derive(Debug, Clone)]
pub struct SessionView {
    pub id: String,
    pub kind: &'static str,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
    pub address: Option<String>,
    pub current: bool,
}

/// The own sessions and API tokens, or (for admins) those of a user of the centre.
pub async fn list_sessions(
    app: &App,
    actor: &Actor,
    user: uuid::Uuid,
    current: Option<&str>,
) -> Result<Vec<SessionView>> {
    may_manage_sessions(actor, user)?;
    let rows = sessions::list(&app.db, actor.tenant_id, user, app.now()).await?;
    Ok(rows
        .into_iter()
        .map(|r| SessionView {
            id: r.id().to_owned(),
            kind: if r.kind == "api" { "api" } else { "web" },
            created_at: r.created_at.0,
            last_seen_at: r.last_seen_at.map(|t| t.0).unwrap_or(r.created_at.0),
            expires_at: r.expires_at.0,
            address: r.address.clone(),
            current: current.is_some_and(|c| c == r.token_hash),
        })
        .collect())
}

fn may_manage_sessions(actor: &Actor, user: uuid::Uuid) -> Result<()> {
    if actor.user_id == user || actor.may(mittler_domain::Action::ManageUsers) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Ends one session or token (the own, or as admin one of a user of the centre).
pub async fn end_session(app: &App, actor: &Actor, user: uuid::Uuid, id: &str) -> Result<()> {
    may_manage_sessions(actor, user)?;
    users::get(&app.db, actor.tenant_id, user).await?;
    if !sessions::end(&app.db, actor.tenant_id, user, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &app.db,
        &actor.audit(
            app.now(),
            AuditAction::SessionEnded,
            "user",
            Some(user),
            serde_json::json!({ "session": id }),
        ),
    )
    .await?;
    Ok(())
}

/// Ends every session and token of a user (admins; or the own, "sign out everywhere").
pub async fn end_all_sessions(app: &App, actor: &Actor, user: uuid::Uuid) -> Result<u64> {
    may_manage_sessions(actor, user)?;
    users::get(&app.db, actor.tenant_id, user).await?;
    let n = sessions::end_all(&app.db, actor.tenant_id, user).await?;
    audit::record(
        &app.db,
        &actor.audit(
            app.now(),
            AuditAction::SessionEnded,
            "user",
            Some(user),
            serde_json::json!({ "sessions": n }),
        ),
    )
    .await?;
    Ok(n)
}
