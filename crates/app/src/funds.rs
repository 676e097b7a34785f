//! Funds (Fördertöpfe, `billing.md`): a confirmed request commits its expected mediator
//! cost to the first matching fund with budget; completion spends the actual amount, a
//! late cancellation the cancellation pay, any other cancellation releases it. A request
//! no fund can pay is `unfunded` (shown before anyone is invited); coordinators may choose
//! the fund by hand. 80 % and 100 % of a budget are announced to the coordinators.

use crate::local_time::zone;
use crate::{Actor, App, AppError, Result};
use mittler_db::billing::{self as db, FundShare};
use mittler_db::requests::RequestRow;
use mittler_domain::audit::AuditAction;
use mittler_domain::billing::fund::{self, Fund, FundInput, Need};
use mittler_domain::billing::price::{Kind, Work};
use mittler_domain::billing::tariff;
use mittler_domain::institution::Category;
use mittler_domain::mediator::Sector;
use mittler_domain::request::Mode;
use mittler_domain::{Action, FieldErrors};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub async fn list(app: &App, actor: &Actor) -> Result<Vec<Fund>> {
    if !(actor.may(Action::CloseMonth) || actor.may(Action::RunMediation)) {
        return Err(AppError::Forbidden);
    }
    Ok(db::funds(&app.db, actor.tenant_id).await?)
}

/// Creates (`id` none) or changes a fund (admins and coordinators).
pub async fn save(app: &App, actor: &Actor, id: Option<Uuid>, input: &FundInput) -> Result<Fund> {
    actor.require(Action::CloseMonth)?;
    let d = input.validate().map_err(AppError::Invalid)?;
    let fid = id.unwrap_or_else(Uuid::new_v4);
    let now = app.now();
    db::save_fund(&app.db, actor.tenant_id, fid, &d, now, id.is_none()).await?;
    let entry = actor.audit(
        now,
        if id.is_none() {
            AuditAction::Create
        } else {
            AuditAction::Update
        },
        "fund",
        Some(fid),
        serde_json::json!({ "name": d.name, "budget_cents": d.budget_cents }),
    );
    mittler_db::audit::record(&app.db, &entry).await?;
    db::funds(&app.db, actor.tenant_id)
        .await?
        .into_iter()
        .find(|f| f.id == fid)
        .ok_or(AppError::NotFound)
}

/// What pricing a request's need takes: the institutions' categories, the tariffs and the
/// centre's allowance rule, loaded once for any number of requests.
struct Pricing {
    categories: HashMap<Uuid, Category>,
    tariffs: Vec<tariff::Tariff>,
    rule: mittler_domain::fee::FeeRule,
}

async fn pricing(app: &App, tenant: Uuid) -> Result<Pricing> {
    Ok(Pricing {
        categories: categories(app, tenant).await?,
        tariffs: db::tariffs(&app.db, tenant).await?,
        rule: crate::settings::fee_rule(app, tenant).await?,
    })
}

/// What the request needs of a fund, with its expected mediator cost (the tariff's
/// mediator card, else the centre's allowance rule).
fn need<'r>(row: &'r RequestRow, p: &Pricing) -> Result<Need<'r>> {
    let mode = Mode::parse(&row.mode).ok_or_else(|| AppError::Internal("mode".into()))?;
    let sector = Sector::parse(&row.sector).ok_or_else(|| AppError::Internal("sector".into()))?;
    let category = p
        .categories
        .get(&row.institution_id)
        .copied()
        .unwrap_or(Category::Other);
    let local = row.start_at.0.to_zoned(zone()).datetime();
    let minutes = i64::from(row.duration_min);
    let cents = match tariff::find(&p.tariffs, category, mode, local.date()) {
        Some(t) => mittler_domain::billing::price::expected(
            &t.mediator,
            local,
            minutes,
            mode == Mode::Onsite,
        ),
        None => mittler_domain::fee::expected_cents(&p.rule, minutes, mode == Mode::Onsite),
    };
    Ok(Need {
        sector,
        category,
        mode,
        language: &row.language,
        day: local.date(),
        cents,
    })
}

async fn categories(app: &App, tenant: Uuid) -> Result<HashMap<Uuid, Category>> {
    Ok(crate::cache::institutions(app, tenant)
        .await?
        .iter()
        .map(|i| (i.id, i.category))
        .collect())
}

/// Tells the coordinators when a fund crossed 80 or 100 percent (once each).
async fn announce(app: &App, tenant: Uuid, before: &Fund) -> Result<()> {
    let Some(after) = db::funds(&app.db, tenant)
        .await?
        .into_iter()
        .find(|f| f.id == before.id)
    else {
        return Ok(());
    };
    let Some(pct) = fund::crossed(before.used_pct(), after.used_pct()) else {
        return Ok(());
    };
    if !db::announce_fund(&app.db, tenant, after.id, pct).await? {
        return Ok(());
    }
    let mails: Vec<_> = crate::notify::coordinators(app, tenant)
        .await
        .into_iter()
        .map(|r| mittler_db::outbox::NewMail {
            to: r.email,
            subject: r.lang.t_args(
                "fund-crossed-subject",
                &[("name", after.name.clone()), ("pct", pct.to_string())],
            ),
            body_text: r.lang.t_args(
                "fund-crossed-body",
                &[
                    ("name", after.name.clone()),
                    ("pct", pct.to_string()),
                    ("left", mittler_domain::fee::euros(after.left_cents())),
                ],
            ),
            attachment: None,
        })
        .collect();
    mittler_db::outbox::add(&app.db, Some(tenant), &mails, app.now()).await?;
    Ok(())
}

/// A request was confirmed: commit its expected cost to its fund.
pub async fn on_confirmed(app: &App, tenant: Uuid, request: Uuid) -> Result<()> {
    let row = mittler_db::requests::get(&app.db, tenant, request).await?;
    let share = db::fund_share(&app.db, tenant, request).await?;
    let funds = db::funds(&app.db, tenant).await?;
    let need = need(&row, &pricing(app, tenant).await?)?;
    let chosen = match share.fund_id.filter(|_| share.fund_by_hand) {
        Some(id) => funds.iter().find(|f| f.id == id),
        None => fund::choose(&funds, &need),
    };
    let Some(f) = chosen else {
        return Ok(());
    };
    db::set_fund_share(
        &app.db,
        tenant,
        request,
        &FundShare {
            fund_id: Some(f.id),
            fund_cents: Some(need.cents),
            fund_state: Some("committed".into()),
            ..share
        },
    )
    .await?;
    announce(app, tenant, f).await
}

/// A request ended: completion spends what the mediator is paid, a late cancellation the
/// cancellation pay, any other end releases the commitment.
pub async fn on_ended(app: &App, tenant: Uuid, request: Uuid) -> Result<()> {
    let share = db::fund_share(&app.db, tenant, request).await?;
    if share.fund_id.is_none() || share.fund_state.as_deref() != Some("committed") {
        return Ok(());
    }
    let row = mittler_db::requests::get(&app.db, tenant, request).await?;
    let cats = categories(app, tenant).await?;
    let category = cats
        .get(&row.institution_id)
        .copied()
        .unwrap_or(Category::Other);
    let mode = Mode::parse(&row.mode).unwrap_or(Mode::Onsite);
    let status = row.status()?;
    let kind =
        mittler_domain::billing::run::kind_of(status, row.billable, row.ts_status == "confirmed");
    let tariffs = db::tariffs(&app.db, tenant).await?;
    let spent = kind.and_then(|kind| {
        let (start, minutes) = match (kind, row.ts_start, row.ts_end) {
            (Kind::Assignment, Some(s), Some(e)) => (
                s.0,
                mittler_domain::billing::price::worked_minutes(
                    s.0.as_second(),
                    e.0.as_second(),
                    i64::from(row.ts_waiting_min.unwrap_or(0)),
                ),
            ),
            _ => (row.start_at.0, i64::from(row.duration_min)),
        };
        let local = start.to_zoned(zone()).datetime();
        let t = tariff::find(&tariffs, category, mode, local.date())?;
        let work = Work {
            kind,
            start: local,
            minutes,
            onsite: mode == Mode::Onsite,
            travel_km_tenths: row.ts_travel_km_tenths.unwrap_or(0),
            travel_min: i64::from(row.ts_travel_min.unwrap_or(0)),
        };
        Some(mittler_domain::billing::price(&t.mediator, &work).total_cents)
    });
    let before = db::funds(&app.db, tenant)
        .await?
        .into_iter()
        .find(|f| Some(f.id) == share.fund_id);
    let next = match (kind, spent) {
        (Some(_), Some(cents)) => FundShare {
            fund_cents: Some(cents),
            fund_state: Some("spent".into()),
            ..share
        },
        // Billable but no tariff: the committed amount stands as spent.
        (Some(_), None) => FundShare {
            fund_state: Some("spent".into()),
            ..share
        },
        (None, _) => FundShare {
            fund_state: Some("released".into()),
            ..share
        },
    };
    db::set_fund_share(&app.db, tenant, request, &next).await?;
    match before {
        Some(f) => announce(app, tenant, &f).await,
        None => Ok(()),
    }
}

/// Runs a fund step after a change that already landed; a failure is logged, not undone.
pub(crate) async fn follow(step: impl std::future::Future<Output = Result<()>>) {
    if let Err(e) = step.await {
        tracing::warn!("fund bookkeeping: {e}");
    }
}

/// The coordinator chooses the fund by hand (before or after confirmation).
pub async fn choose_by_hand(app: &App, actor: &Actor, request: Uuid, fund_id: Uuid) -> Result<()> {
    actor.require(Action::RunMediation)?;
    let tenant = actor.tenant_id;
    let row = mittler_db::requests::get(&app.db, tenant, request).await?;
    let funds = db::funds(&app.db, tenant).await?;
    if !funds.iter().any(|f| f.id == fund_id) {
        return Err(AppError::Invalid(FieldErrors::single("fund_id", "invalid")));
    }
    let share = db::fund_share(&app.db, tenant, request).await?;
    if matches!(share.fund_state.as_deref(), Some("spent")) {
        return Err(AppError::Conflict("fund spent".into()));
    }
    db::set_fund_share(
        &app.db,
        tenant,
        request,
        &FundShare {
            fund_id: Some(fund_id),
            fund_by_hand: true,
            ..share.clone()
        },
    )
    .await?;
    let confirmed = row.status == "confirmed";
    if confirmed {
        on_confirmed(app, tenant, request).await?;
    }
    let entry = actor.audit(
        app.now(),
        AuditAction::Update,
        "request-fund",
        Some(request),
        serde_json::json!({ "fund": fund_id }),
    );
    mittler_db::audit::record(&app.db, &entry).await?;
    Ok(())
}

/// Of these open requests, the ones no fund can pay (only where the centre has funds).
pub async fn unfunded(app: &App, tenant: Uuid, rows: &[RequestRow]) -> Result<HashSet<Uuid>> {
    let funds = db::funds(&app.db, tenant).await?;
    let (Some(first), Some(last)) = (
        rows.iter().map(|r| r.start_at.0).min(),
        rows.iter().map(|r| r.start_at.0).max(),
    ) else {
        return Ok(HashSet::new());
    };
    if funds.is_empty() {
        return Ok(HashSet::new());
    }
    // The shares of the rows' time span only: a page costs its rows, not every funded request.
    let shares = db::fund_shares_between(&app.db, tenant, first, last).await?;
    let pricing = pricing(app, tenant).await?;
    let mut out = HashSet::new();
    for row in rows
        .iter()
        .filter(|r| matches!(r.status.as_str(), "open" | "invited" | "confirmed"))
    {
        if shares.get(&row.id).is_some_and(|s| s.fund_id.is_some()) {
            continue;
        }
        if fund::choose(&funds, &need(row, &pricing)?).is_none() {
            out.insert(row.id);
        }
    }
    Ok(out)
}

/// A request's fund and whether it is unfunded (for its page and the API).
pub async fn of_request(app: &App, tenant: Uuid, row: &RequestRow) -> Result<(Option<Uuid>, bool)> {
    let share = db::fund_share(&app.db, tenant, row.id).await?;
    if share.fund_id.is_some() {
        return Ok((share.fund_id, false));
    }
    let unfunded = unfunded(app, tenant, std::slice::from_ref(row)).await?;
    Ok((None, unfunded.contains(&row.id)))
}
