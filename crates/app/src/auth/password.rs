//! Changing the own password: checked like a new one, the current one asked (and its
//! guesses counted like failed sign-ins), every other session ended, the change announced.

use super::*;
use mittler_domain::user::check_new_password;

/// Changes the own password; every other session of the account ends, and the account's
/// address is told by mail (someone else may have done it).
pub async fn change_password(
    app: &App,
    current: &CurrentSession,
    old: &str,
    new: &str,
    confirm: &str,
) -> Result<()> {
    let a = &current.actor;
    let now = app.now();
    let mut e = FieldErrors::new();
    check_new_password(&mut e, "new_password", new, &[&a.email, &a.name]);
    if new != confirm {
        e.add("confirm_password", "mismatch");
    } else if new == old && !new.is_empty() {
        e.add("new_password", "same-password");
    }
    let key = app.keyed_hash("sign-in", &a.email.to_lowercase());
    let lock = throttle::lock(&app.db, &key).await?;
    if lockout::is_locked(lock.locked_until, now) {
        return Err(retry_after(lock.locked_until, now));
    }
    let cred = users::credentials(&app.db, a.tenant_id, a.user_id).await?;
    if !app.verify(old, &cred.password_hash).await {
        // Guessing the current password through this form counts like failed sign-ins.
        record_failure(app, &key, a.address.as_deref().unwrap_or("unknown"), now).await?;
        e.add("old_password", "wrong-password");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let hash = hash_password(new).await?;
    let entry = a.audit(
        now,
        AuditAction::PasswordChanged,
        "user",
        Some(a.user_id),
        serde_json::json!({}),
    );
    users::set_password(
        &app.db,
        a.tenant_id,
        a.user_id,
        &hash,
        Some(&current.token_hash),
        now,
        &entry,
    )
    .await?;
    let lang = crate::i18n::Lang::parse(&a.lang).unwrap_or(crate::i18n::Lang::De);
    let args = [
        ("when", crate::local_time::local_text(now)),
        ("link", format!("{}/account/sessions", app.public_url)),
    ];
    let mail = mittler_db::outbox::NewMail {
        to: a.email.clone(),
        subject: lang.t_args("mail-password-changed-subject", &args),
        body_text: lang.t_args("mail-password-changed-body", &args),
        attachment: None,
    };
    mittler_db::outbox::add(&app.db, Some(a.tenant_id), &[mail], now).await?;
    Ok(())
}
