//! Housekeeping: forget expired sessions and old sign-in counters.

use crate::{App, Result};
use jiff::SignedDuration;
use mittler_db::{sessions, throttle};

/// Deletes expired sessions and sign-in counters older than a day; returns how many rows went.
pub async fn purge_expired(app: &App) -> Result<u64> {
    let now = app.now();
    let day_ago = now
        .checked_sub(SignedDuration::from_hours(24))
        .unwrap_or(now);
    Ok(sessions::purge(&app.db, now).await? + throttle::purge(&app.db, day_ago).await?)
}
