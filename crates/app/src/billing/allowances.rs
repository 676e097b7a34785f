//! What is left of the volunteers' tax-free allowance this year, from issued statements.

use super::*;

/// What is left of a volunteer's allowance this year (issued statements); `None` for others.
pub async fn allowance_left(
    app: &App,
    tenant: Uuid,
    mediator: Uuid,
    year: i16,
) -> Result<Option<i64>> {
    let e = db::engagements(&app.db, tenant)
        .await?
        .get(&mediator)
        .copied()
        .unwrap_or_default();
    if e != Engagement::Volunteer {
        return Ok(None);
    }
    let settings = db::settings(&app.db, tenant).await?;
    let paid = db::paid_in_year(&app.db, tenant, year)
        .await?
        .get(&mediator)
        .copied()
        .unwrap_or(0);
    Ok(Some(allowance(&settings, year) - paid))
}

/// What is left of this year's allowance for every volunteer of a centre (issued statements).
pub async fn allowances_left(app: &App, tenant: Uuid, year: i16) -> Result<HashMap<Uuid, i64>> {
    let settings = db::settings(&app.db, tenant).await?;
    let allowance = allowance(&settings, year);
    let paid = db::paid_in_year(&app.db, tenant, year).await?;
    Ok(db::engagements(&app.db, tenant)
        .await?
        .into_iter()
        .filter(|(_, e)| *e == Engagement::Volunteer)
        .map(|(m, _)| (m, allowance - paid.get(&m).copied().unwrap_or(0)))
        .collect())
}
