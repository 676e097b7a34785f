//! The state's view: figures across every centre that shares them (a centre setting,
//! on by default), by centre, language, sector or month; no personal data, and rows from
//! fewer than five requests suppressed (`mittler_domain::state`).

use crate::{Actor, App, AppError, Result};
use jiff::civil::Date;
use mittler_domain::state::{self, By, Summary};
use mittler_domain::{Action, FieldErrors};

/// The longest period one summary covers (the generator's five years and a day).
pub const MAX_DAYS: i32 = 5 * 366;

/// Reads `from`, `to` (`YYYY-MM-DD`, inclusive) and `by`; each wrong one is named.
pub fn parse(from: Option<&str>, to: Option<&str>, by: Option<&str>) -> Result<(Date, Date, By)> {
    let mut e = FieldErrors::new();
    let mut date = |field: &'static str, v: Option<&str>| match v.map(str::trim) {
        None | Some("") => {
            e.add(field, "required");
            None
        }
        Some(v) => v.parse::<Date>().ok().or_else(|| {
            e.add(field, "invalid-date");
            None
        }),
    };
    let (from, to) = (date("from", from), date("to", to));
    let by = match by.map(str::trim).filter(|b| !b.is_empty()) {
        None => Some(By::Tenant),
        Some(b) => By::parse(b).or_else(|| {
            e.add("by", "invalid");
            None
        }),
    };
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            e.add("to", "before-from");
        } else if (t - f).get_days() > MAX_DAYS {
            e.add("to", "too-long");
        }
    }
    match (from, to, by) {
        (Some(f), Some(t), Some(b)) if e.is_empty() => Ok((f, t, b)),
        _ => Err(AppError::Invalid(e)),
    }
}

/// The summary of the period (state viewers only).
pub async fn summary(app: &App, actor: &Actor, from: Date, to: Date, by: By) -> Result<Summary> {
    actor.require(Action::ReadStateFigures)?;
    let groups = mittler_db::state::counts(&app.db, from, to, by).await?;
    Ok(state::summary(groups))
}

/// How many centre-months the worker counts afresh in one minute at most (a few
/// milliseconds each; a new installation's history is counted over a few minutes).
pub const COUNTS_PER_RUN: i64 = 1000;

/// Counts afresh the months of centres whose requests changed since they were last
/// counted (the worker, every minute); how many. Until then a summary counts those
/// months from the requests, so this only makes summaries fast, never different.
pub async fn keep_counts(app: &App) -> Result<usize> {
    Ok(mittler_db::state::refresh(&app.db, COUNTS_PER_RUN).await?)
}

/// The names of the centres by slug (for the rows of a summary by centre).
pub async fn centre_names(app: &App, actor: &Actor) -> Result<Vec<(String, String)>> {
    actor.require(Action::ReadStateFigures)?;
    Ok(mittler_db::tenants::list(&app.db)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.name))
        .collect())
}

/// Whether the actor's centre shares its figures with the state.
pub async fn shares(app: &App, actor: &Actor) -> Result<bool> {
    actor.require(Action::ChangeSettings)?;
    Ok(mittler_db::tenants::share_figures(&app.db, actor.tenant_id).await?)
}

/// Lets the actor's centre share its figures with the state, or stop (admins).
pub async fn set_shares(app: &App, actor: &Actor, on: bool) -> Result<()> {
    actor.require(Action::ChangeSettings)?;
    let entry = actor.audit(
        app.now(),
        mittler_domain::audit::AuditAction::Update,
        "settings",
        None,
        serde_json::json!({ "share_figures": on }),
    );
    Ok(mittler_db::tenants::set_share_figures(&app.db, actor.tenant_id, on, &entry).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wrong_field_is_named() {
        let Err(AppError::Invalid(e)) = parse(Some("2026-13-01"), None, Some("town")) else {
            panic!("invalid input passed");
        };
        let mut fields: Vec<&str> = e.iter().map(|(k, _)| k).collect();
        fields.sort_unstable();
        assert_eq!(fields, vec!["by", "from", "to"]);
        let Err(AppError::Invalid(e)) = parse(Some("2026-12-01"), Some("2026-11-01"), None) else {
            panic!("a period backwards passed");
        };
        assert_eq!(e.iter().next(), Some(("to", "before-from")));
        assert!(parse(Some("2020-01-01"), Some("2026-12-31"), None).is_err());
        let ok = parse(Some("2026-01-01"), Some("2026-12-31"), Some("month")).ok();
        assert_eq!(
            ok.map(|(f, t, b)| (f.to_string(), t.to_string(), b)),
            Some(("2026-01-01".into(), "2026-12-31".into(), By::Month))
        );
    }
}
