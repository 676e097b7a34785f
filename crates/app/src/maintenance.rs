//! Housekeeping: forget expired sessions, old sign-in counters, sent mails and large
//! messages between instances.

use crate::{App, Result};
use jiff::SignedDuration;
use mittler_db::{sessions, throttle};

/// How long sent mails are kept (for questions like "did the mail go out?").
pub const SENT_MAIL_DAYS: i64 = 14;

/// Deletes expired sessions, sign-in counters older than a day and mails sent more than
/// [`SENT_MAIL_DAYS`] ago; returns how many rows went.
pub async fn purge_expired(app: &App) -> Result<u64> {
    let now = app.now();
    let ago = |h: i64| {
        now.checked_sub(SignedDuration::from_hours(h))
            .unwrap_or(now)
    };
    Ok(sessions::purge(&app.db, now).await?
        + throttle::purge(&app.db, ago(24)).await?
        + throttle::purge_locks(&app.db, ago(24)).await?
        + mittler_db::passkeys::purge_ceremonies(&app.db, now).await?
        + mittler_db::outbox::purge_sent(&app.db, ago(24 * SENT_MAIL_DAYS)).await?
        + mittler_db::bus::purge(&app.db, ago(1)).await?)
}
