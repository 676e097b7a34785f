//! A person's rights under the GDPR, for admins: everything held about a subject (Art. 15,
//! with who read it) and its erasure (Art. 17). Both are recorded in the audit log; the
//! entry of an erasure names the kind of subject and the counts, never the erased data.

use crate::{Actor, App, AppError, Result};
use mittler_db::privacy::{self, Erased, Subject};
use mittler_domain::audit::AuditAction;
use mittler_domain::{Action, FieldErrors};
use uuid::Uuid;

/// Reads `mediator:ID`, `user:ID`, `client:REF` or `email:ADDRESS`.
pub fn parse_subject(text: &str) -> Result<Subject> {
    let bad = || AppError::Invalid(FieldErrors::single("subject", "invalid-subject"));
    let (kind, value) = text.trim().split_once(':').ok_or_else(bad)?;
    let value = value.trim();
    if value.is_empty() || value.len() > 200 || value.chars().any(char::is_control) {
        return Err(bad());
    }
    match kind.trim() {
        "mediator" => value.parse().map(Subject::Mediator).map_err(|_| bad()),
        "user" => value.parse().map(Subject::User).map_err(|_| bad()),
        "client" => Ok(Subject::Client(value.to_owned())),
        "email" if value.contains('@') => Ok(Subject::Email(value.to_lowercase())),
        _ => Err(bad()),
    }
}

/// The audit entry's object: the subject's id where it has one; a client reference or an
/// address is not written into the log.
fn object(s: &Subject) -> (&'static str, Option<Uuid>) {
    match s {
        Subject::Mediator(id) => ("mediator", Some(*id)),
        Subject::User(id) => ("user", Some(*id)),
        Subject::Client(_) => ("client", None),
        Subject::Email(_) => ("email", None),
    }
}

/// Refuses anyone but admins, recording the refused attempt (without the subject asked
/// for) in the audit log.
pub async fn require(app: &App, actor: &Actor) -> Result<()> {
    if actor.may(Action::HandleDataSubjects) {
        return Ok(());
    }
    crate::audit::read(app, actor, "export", None, async {
        Err(AppError::Forbidden)
    })
    .await
}

/// Everything held about the subject (404 when nothing is).
pub async fn export(app: &App, actor: &Actor, subject: &str) -> Result<serde_json::Value> {
    require(app, actor).await?;
    let subject = &parse_subject(subject)?;
    let (kind, id) = object(subject);
    let found = privacy::export(&app.db, actor.tenant_id, subject).await?;
    let entry = actor.audit(
        app.now(),
        AuditAction::Export,
        kind,
        id,
        serde_json::json!({}),
    );
    mittler_db::audit::record(&app.db, &entry).await?;
    found.ok_or(AppError::NotFound)
}

/// Erases the subject's personal data everywhere but in the documents a law keeps; the
/// reason is required and recorded.
pub async fn erase(app: &App, actor: &Actor, subject: &str, reason: &str) -> Result<Erased> {
    actor.require(Action::HandleDataSubjects)?;
    let subject = &parse_subject(subject)?;
    let reason = mittler_domain::validation::required_reason(reason).map_err(AppError::Invalid)?;
    if privacy::export(&app.db, actor.tenant_id, subject)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    let (kind, id) = object(subject);
    let mut tx = app.db.begin().await?;
    let erased = privacy::erase(&app.db, &mut tx, actor.tenant_id, subject, app.now()).await?;
    let detail = serde_json::json!({ "reason": reason, "erased": erased });
    let entry = actor.audit(app.now(), AuditAction::Erase, kind, id, detail);
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    privacy::settle(&app.db).await?;
    crate::cache::forget(app, actor.tenant_id);
    Ok(erased)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_read_strictly() {
        let id = Uuid::new_v4();
        assert_eq!(
            parse_subject(&format!("mediator:{id}")).ok(),
            Some(Subject::Mediator(id))
        );
        assert_eq!(
            parse_subject(" email:A@Example.org ").ok(),
            Some(Subject::Email("a@example.org".into()))
        );
        assert_eq!(
            parse_subject("client:AK-17").ok(),
            Some(Subject::Client("AK-17".into()))
        );
        for bad in [
            "",
            "mediator:x",
            "client:",
            "email:nobody",
            "person:1",
            "client:a\u{0}b",
        ] {
            assert!(parse_subject(bad).is_err(), "{bad:?}");
        }
    }
}
