//! The month's close (`billing.md`): tariffs and billing settings, billing runs (draft,
//! recompute, discard, issue), invoices as XRechnung and PDF, credit notes, statements.
//!
//! Issuing is one transaction: the run is claimed, every invoice gets the next gapless
//! number and its files, every statement its PDF, the mails are queued; a failure in the
//! middle leaves nothing behind.

use crate::local_time::zone;
use crate::{Actor, App, AppError, Result};
use jiff::civil::{Date, Weekday};
use mittler_db::billing::documents::{self as docs, DocFilter};
use mittler_db::billing::{self as db, ItemRow};
use mittler_documents::{DocKind, DocLine, InvoiceDoc, StatementDoc, StatementLabels};
use mittler_domain::audit::AuditAction;
use mittler_domain::billing::price::{Kind, Work};
use mittler_domain::billing::run::{self, Engagement, Item, YearSoFar};
use mittler_domain::billing::{
    self as rules, BillingAddress, Month, Seller, Tariff, TariffInput, Vat, tariff,
};
use mittler_domain::institution::Category;
use mittler_domain::request::{Mode, Status};
use mittler_domain::{Action, FieldErrors};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

mod allowances;
mod paper;
pub use allowances::{allowance_left, allowances_left};
mod read;
use paper::{doc_line, invoice_doc, labels, modes_of};

pub use mittler_db::billing::Settings;
pub use mittler_db::billing::documents::{InvoiceRow, RunRow, StatementRow};
pub use read::*;

/// Makes the files of issued documents. Injected like the clock, so that a test can make
/// one fail in the middle of issuing.
pub trait Renderer: Send + Sync {
    fn invoice_xml(&self, d: &InvoiceDoc) -> mittler_documents::Result<String>;
    fn invoice_pdf(&self, d: &InvoiceDoc) -> mittler_documents::Result<Vec<u8>>;
    fn statement_pdf(&self, d: &StatementDoc) -> mittler_documents::Result<Vec<u8>>;
}

/// The real documents.
pub struct Documents;

impl Renderer for Documents {
    fn invoice_xml(&self, d: &InvoiceDoc) -> mittler_documents::Result<String> {
        mittler_documents::xrechnung::invoice(d)
    }
    fn invoice_pdf(&self, d: &InvoiceDoc) -> mittler_documents::Result<Vec<u8>> {
        mittler_documents::invoice_pdf(d)
    }
    fn statement_pdf(&self, d: &StatementDoc) -> mittler_documents::Result<Vec<u8>> {
        mittler_documents::statement_pdf(d)
    }
}

pub(crate) fn default_renderer() -> Arc<dyn Renderer> {
    Arc::new(Documents)
}

fn doc_error(e: mittler_documents::DocError) -> AppError {
    AppError::Internal(format!("document: {e}"))
}

/// Days an invoice is payable in.
const DUE_DAYS: i64 = 30;

// ---- tariffs and settings ----

/// The centre's tariffs (admins and coordinators).
pub async fn tariffs(app: &App, actor: &Actor) -> Result<Vec<Tariff>> {
    if !(actor.may(Action::ChangeSettings) || actor.may(Action::CloseMonth)) {
        return Err(AppError::Forbidden);
    }
    Ok(db::tariffs(&app.db, actor.tenant_id).await?)
}

/// A tariff about to be changed (admins).
pub async fn tariff_for_change(app: &App, actor: &Actor, id: Uuid) -> Result<Tariff> {
    actor.require(Action::ChangeSettings)?;
    db::tariffs(&app.db, actor.tenant_id)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)
}

/// Creates (`id` none) or replaces a tariff; overlapping tariffs are refused (admins).
pub async fn save_tariff(
    app: &App,
    actor: &Actor,
    id: Option<Uuid>,
    input: &TariffInput,
) -> Result<Tariff> {
    actor.require(Action::ChangeSettings)?;
    let draft = input.validate().map_err(AppError::Invalid)?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    db::lock_tariffs(&mut tx, actor.tenant_id).await?;
    let stored = db::tariffs_in(&mut tx, actor.tenant_id).await?;
    if let Some(id) = id
        && !stored.iter().any(|t| t.id == id)
    {
        return Err(AppError::NotFound);
    }
    tariff::check_overlap(&stored, &draft, id).map_err(AppError::Invalid)?;
    let tid = id.unwrap_or_else(Uuid::new_v4);
    db::save_tariff(&mut tx, actor.tenant_id, tid, &draft, now, id.is_none()).await?;
    let action = if id.is_none() {
        AuditAction::Create
    } else {
        AuditAction::Update
    };
    let entry = actor.audit(
        now,
        action,
        "tariff",
        Some(tid),
        serde_json::json!({ "name": draft.name }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    let all = db::tariffs(&app.db, actor.tenant_id).await?;
    all.into_iter()
        .find(|t| t.id == tid)
        .ok_or(AppError::NotFound)
}

/// The billing settings (admins).
pub async fn settings(app: &App, actor: &Actor) -> Result<Settings> {
    actor.require(Action::ChangeSettings)?;
    Ok(db::settings(&app.db, actor.tenant_id).await?)
}

/// A change of the billing settings: what is `None` stays.
#[derive(Debug, Clone, Default)]
pub struct SettingsPatch {
    pub seller: Option<Seller>,
    pub vat: Option<Vat>,
    /// `{"2027": 96000}`: the allowance per year in cents.
    pub allowance_cents: Vec<(String, i64)>,
}

pub async fn set_settings(app: &App, actor: &Actor, patch: &SettingsPatch) -> Result<Settings> {
    actor.require(Action::ChangeSettings)?;
    let mut e = FieldErrors::new();
    let seller = match &patch.seller {
        Some(s) => match s.validate() {
            Ok(s) => Some(s),
            Err(errs) => {
                for (k, v) in errs.iter() {
                    e.add(k, v);
                }
                None
            }
        },
        None => None,
    };
    match &patch.vat {
        Some(Vat::Exempt { note }) if note.trim().is_empty() || note.chars().count() > 300 => {
            e.add("vat.note", "required")
        }
        Some(Vat::Rate { percent }) if !(0..=100).contains(percent) => {
            e.add("vat.percent", "out-of-range")
        }
        _ => {}
    }
    let mut allowances = Vec::new();
    for (year, cents) in &patch.allowance_cents {
        let field = format!("allowance_cents.{year}");
        match year.parse::<i16>() {
            Ok(y) if year.len() == 4 && (2000..=2100).contains(&y) => {
                if (0..=10_000_000).contains(cents) {
                    allowances.push((y, *cents));
                } else {
                    e.add(field, "out-of-range");
                }
            }
            _ => e.add(field, "invalid"),
        }
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    db::set_settings(
        &mut tx,
        actor.tenant_id,
        seller.as_ref(),
        patch.vat.as_ref(),
        &allowances,
    )
    .await?;
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "billing-settings",
        Some(actor.tenant_id),
        serde_json::json!({ "seller": seller.is_some(), "vat": patch.vat.is_some(), "allowances": allowances.len() }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(db::settings(&app.db, actor.tenant_id).await?)
}

/// The allowance of `year`: the centre's setting, else the law's default.
pub fn allowance(settings: &Settings, year: i16) -> i64 {
    settings
        .allowances
        .get(&year)
        .copied()
        .unwrap_or_else(|| rules::default_allowance_cents(year))
}

/// Validates an institution's billing address (the web layer stores it with the institution).
pub fn check_billing(b: &BillingAddress) -> Result<BillingAddress> {
    b.validate().map_err(AppError::Invalid)
}

pub async fn set_institution_billing(
    app: &App,
    actor: &Actor,
    institution: Uuid,
    billing: Option<&BillingAddress>,
) -> Result<()> {
    actor.require(Action::RunMediation)?;
    let b = billing.map(check_billing).transpose()?;
    Ok(db::set_institution_billing(&app.db, actor.tenant_id, institution, b.as_ref()).await?)
}

pub async fn institution_billing(
    app: &App,
    actor: &Actor,
    institution: Uuid,
) -> Result<Option<BillingAddress>> {
    Ok(db::institution_billing(&app.db, actor.tenant_id)
        .await?
        .remove(&institution))
}

/// Sets a mediator's engagement (volunteer, freelance, employee).
pub async fn set_engagement(app: &App, actor: &Actor, mediator: Uuid, e: Engagement) -> Result<()> {
    actor.require(Action::RunMediation)?;
    Ok(db::set_engagement(&app.db, actor.tenant_id, mediator, e).await?)
}

pub async fn engagements(app: &App, tenant: Uuid) -> Result<HashMap<Uuid, Engagement>> {
    Ok(db::engagements(&app.db, tenant).await?)
}

/// What a mediator can expect for an appointment, by the mediator card of the tariff
/// valid for it; `None` where no tariff applies.
pub async fn expected_pay(
    app: &App,
    tenant: Uuid,
    category: Category,
    mode: Mode,
    start: jiff::Timestamp,
    minutes: i64,
) -> Result<Option<i64>> {
    let tariffs = db::tariffs(&app.db, tenant).await?;
    let local = start.to_zoned(zone()).datetime();
    Ok(tariff::find(&tariffs, category, mode, local.date())
        .map(|t| rules::price::expected(&t.mediator, local, minutes, mode == Mode::Onsite)))
}

// ---- runs ----

/// A run with its documents.
#[derive(Debug, Clone)]
pub struct RunView {
    pub run: RunRow,
    pub invoices: Vec<InvoiceRow>,
    pub statements: Vec<StatementRow>,
}

fn parse_month(s: &str) -> Result<Month> {
    Month::parse(s).ok_or_else(|| AppError::Invalid(FieldErrors::single("month", "invalid")))
}

fn corrupt(what: &str) -> AppError {
    AppError::Internal(format!("stored data: {what}"))
}

/// The priced view of a stored billable row.
fn item(r: &ItemRow) -> Result<Item> {
    let status = Status::parse(&r.status).ok_or_else(|| corrupt("status"))?;
    let kind = match run::kind_of(status, r.billable, r.ts_status == "confirmed") {
        // An answered call's record: its minutes, rounded up, no travel (rule 7).
        Some(Kind::Assignment) if r.call_id.is_some() => Kind::Call,
        Some(k) => k,
        None => return Err(corrupt("billable")),
    };
    let category = Category::parse(&r.category).ok_or_else(|| corrupt("category"))?;
    let mode = Mode::parse(&r.mode).ok_or_else(|| corrupt("mode"))?;
    let day: Date = r.local_date.parse().map_err(|_| corrupt("local date"))?;
    let tz = zone();
    let (start, minutes) = match (kind, r.ts_start, r.ts_end) {
        (Kind::Assignment, Some(s), Some(e)) => (
            s.0,
            rules::price::worked_minutes(
                s.0.as_second(),
                e.0.as_second(),
                i64::from(r.ts_waiting_min.unwrap_or(0)),
            ),
        ),
        (Kind::Call, Some(s), Some(e)) => (
            s.0,
            rules::price::call_minutes(mittler_domain::call::duration_s(s.0, e.0)),
        ),
        _ => (r.start_at.0, i64::from(r.duration_min)),
    };
    Ok(Item {
        request_id: r.id,
        institution_id: r.institution_id,
        category,
        mode,
        language: r.language.clone(),
        day,
        mediator: r.mediator_id.map(|m| {
            (
                m,
                r.engagement
                    .as_deref()
                    .and_then(Engagement::parse)
                    .unwrap_or_default(),
            )
        }),
        work: Work {
            kind,
            start: start.to_zoned(tz.clone()).datetime(),
            minutes,
            onsite: mode == Mode::Onsite,
            travel_km_tenths: r.ts_travel_km_tenths.unwrap_or(0),
            travel_min: i64::from(r.ts_travel_min.unwrap_or(0)),
        },
        invoiced: r.invoiced,
        paid: r.paid,
    })
}

async fn view(app: &App, tenant: Uuid, run: RunRow) -> Result<RunView> {
    let f = DocFilter {
        run: Some(run.id),
        ..DocFilter::default()
    };
    Ok(RunView {
        invoices: docs::invoices(&app.db, tenant, &f).await?,
        statements: docs::statements(&app.db, tenant, &f).await?,
        run,
    })
}

/// A draft of `month` ("YYYY-MM"); an earlier draft of the month is superseded.
pub async fn draft(app: &App, actor: &Actor, month: &str) -> Result<RunView> {
    actor.require(Action::CloseMonth)?;
    let m = parse_month(month)?;
    let tenant = actor.tenant_id;
    let rows = db::items(&app.db, tenant, m.first_day(), m.next().first_day()).await?;
    let items = rows.iter().map(item).collect::<Result<Vec<_>>>()?;
    let tariffs = db::tariffs(&app.db, tenant).await?;
    let settings = db::settings(&app.db, tenant).await?;
    let paid = db::paid_in_year(&app.db, tenant, m.year).await?;
    let d = run::draft(
        &items,
        &tariffs,
        &settings.vat,
        &YearSoFar {
            paid_cents: &paid,
            allowance_cents: allowance(&settings, m.year),
        },
    );
    let id = Uuid::new_v4();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    docs::insert_run(
        &mut tx,
        tenant,
        id,
        &m.to_string(),
        Some(actor.user_id),
        now,
        &settings.vat,
        &d,
    )
    .await?;
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "billing-run",
        Some(id),
        serde_json::json!({ "month": m.to_string(), "invoices": d.invoices.len(), "statements": d.statements.len(),
            "without_tariff": d.without_tariff.len() }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    view(app, tenant, docs::run(&app.db, tenant, id).await?).await
}

pub async fn runs(app: &App, actor: &Actor) -> Result<Vec<RunRow>> {
    actor.require(Action::CloseMonth)?;
    Ok(docs::runs(&app.db, actor.tenant_id).await?)
}

pub async fn run(app: &App, actor: &Actor, id: Uuid) -> Result<RunView> {
    actor.require(Action::CloseMonth)?;
    view(
        app,
        actor.tenant_id,
        docs::run(&app.db, actor.tenant_id, id).await?,
    )
    .await
}

/// Recomputes a draft: a new draft of its month supersedes it.
pub async fn recompute(app: &App, actor: &Actor, id: Uuid) -> Result<RunView> {
    actor.require(Action::CloseMonth)?;
    let r = docs::run(&app.db, actor.tenant_id, id).await?;
    if r.status != "draft" {
        return Err(AppError::Conflict(format!("run {}", r.status)));
    }
    draft(app, actor, &r.month).await
}

pub async fn discard(app: &App, actor: &Actor, id: Uuid) -> Result<()> {
    actor.require(Action::CloseMonth)?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    docs::close_run(&mut tx, actor.tenant_id, id, "discarded", now).await?;
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "billing-run",
        Some(id),
        serde_json::json!({ "status": "discarded" }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Issues a draft run: numbers, files, mails, in one transaction.
pub async fn issue(app: &App, actor: &Actor, id: Uuid) -> Result<RunView> {
    actor.require(Action::CloseMonth)?;
    let tenant = actor.tenant_id;
    let r = docs::run(&app.db, tenant, id).await?;
    if r.status != "draft" {
        return Err(AppError::Conflict(format!("run {}", r.status)));
    }
    let month = parse_month(&r.month)?;
    let v = view(app, tenant, r).await?;
    let settings = db::settings(&app.db, tenant).await?;
    let seller = settings
        .seller
        .clone()
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("seller", "required")))?;
    let billing = db::institution_billing(&app.db, tenant).await?;
    let mut missing = FieldErrors::new();
    for inv in &v.invoices {
        if !billing.contains_key(&inv.institution_id) {
            missing.add(
                format!("institutions.{}.billing", inv.institution_id),
                "required",
            );
        }
    }
    if !missing.is_empty() {
        return Err(AppError::Invalid(missing));
    }
    let modes = modes_of(app, tenant, month).await?;
    let mediators: HashMap<Uuid, String> = mittler_db::mediators::list(&app.db, tenant)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let langs: HashMap<Uuid, String> = mittler_db::users::list(&app.db, tenant)
        .await?
        .into_iter()
        .filter_map(|u| Some((u.mediator_id?, u.lang)))
        .collect();
    let now = app.now();
    let today = now.to_zoned(zone()).date();
    let seller_json =
        serde_json::to_string(&seller).map_err(|e| AppError::Internal(e.to_string()))?;
    let renderer = app.renderer.clone();
    let coordinators = crate::notify::coordinators(app, tenant).await;

    // Nothing below reads outside the transaction (SQLite's pool may hold one connection).
    let mut tx = app.db.begin().await?;
    docs::close_run(&mut tx, tenant, id, "issued", now).await?;
    for inv in &v.invoices {
        let buyer = billing.get(&inv.institution_id).ok_or(AppError::NotFound)?;
        let seq = docs::next_number(&mut tx, tenant, today.year()).await?;
        let number = rules::document_number(today.year(), seq);
        let d = invoice_doc(
            inv,
            DocKind::Invoice,
            &number,
            today,
            &seller,
            buyer,
            &modes,
        )?;
        let xml = renderer.invoice_xml(&d).map_err(doc_error)?;
        let pdf = renderer.invoice_pdf(&d).map_err(doc_error)?;
        let buyer_json =
            serde_json::to_string(buyer).map_err(|e| AppError::Internal(e.to_string()))?;
        docs::issue_invoice(
            &mut tx,
            tenant,
            inv.id,
            &docs::Issued {
                number: &number,
                issued_on: today,
                seller_json: &seller_json,
                buyer_json: &buyer_json,
                xml: &xml,
                pdf: &pdf,
            },
        )
        .await?;
        let mail = mittler_db::outbox::NewMail {
            to: buyer.email.clone(),
            subject: format!("Rechnung {number} – {}", seller.legal_name),
            body_text: format!(
                "Guten Tag,\n\nanbei erhalten Sie die Rechnung {number} über {} für die Sprachmittlung im {:02}/{:04}, \
                 als PDF und als XRechnung.\n\nMit freundlichen Grüßen\n{}\n{}\n{}\n",
                mittler_documents::euros(inv.total_cents),
                month.month,
                month.year,
                seller.contact_name,
                seller.legal_name,
                seller.phone
            ),
            attachment: None,
        };
        mittler_db::outbox::enqueue_invoice_in(&mut tx, tenant, &mail, inv.id, now).await?;
    }
    let mut crossed = Vec::new();
    for st in &v.statements {
        let lang = langs
            .get(&st.mediator_id)
            .and_then(|l| crate::i18n::Lang::parse(l));
        let d = StatementDoc {
            centre: seller.legal_name.clone(),
            centre_address: format!("{}, {} {}", seller.street, seller.postcode, seller.city),
            mediator: mediators.get(&st.mediator_id).cloned().unwrap_or_default(),
            month,
            engagement: st.engagement,
            lines: st
                .lines
                .iter()
                .map(|l| doc_line(l, modes.get(&l.request_id).copied()))
                .collect(),
            total_cents: st.total_cents,
            year_to_date_cents: st.year_to_date_cents,
            allowance_left_cents: st.allowance_left_cents,
            german: labels(crate::i18n::Lang::De, st.engagement),
            second: lang
                .filter(|l| *l != crate::i18n::Lang::De)
                .map(|l| labels(l, st.engagement)),
        };
        let pdf = renderer.statement_pdf(&d).map_err(doc_error)?;
        docs::issue_statement(&mut tx, tenant, st.id, &pdf).await?;
        if st.engagement == Engagement::Volunteer {
            let allowance = allowance(&settings, month.year);
            if let Some(pct) = rules::allowance_crossed(
                allowance,
                st.year_to_date_cents - st.total_cents,
                st.year_to_date_cents,
            ) {
                crossed.push((d.mediator.clone(), pct));
            }
        }
    }
    if !crossed.is_empty() {
        let mails: Vec<_> = coordinators
            .iter()
            .map(|r| {
                let lines: Vec<String> = crossed
                    .iter()
                    .map(|(name, pct)| {
                        r.lang.t_args(
                            "allowance-crossed-line",
                            &[("name", name.clone()), ("pct", pct.to_string())],
                        )
                    })
                    .collect();
                mittler_db::outbox::NewMail {
                    to: r.email.clone(),
                    subject: r.lang.t("allowance-crossed-subject"),
                    body_text: lines.join("\n"),
                    attachment: None,
                }
            })
            .collect();
        mittler_db::outbox::enqueue_in(&mut tx, Some(tenant), &mails, now).await?;
    }
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "billing-run",
        Some(id),
        serde_json::json!({ "status": "issued", "invoices": v.invoices.len(), "statements": v.statements.len() }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    view(app, tenant, docs::run(&app.db, tenant, id).await?).await
}

/// Cancels an issued invoice by a credit note with its own number; its lines are free again.
pub async fn cancel_invoice(
    app: &App,
    actor: &Actor,
    id: Uuid,
    reason: &str,
) -> Result<InvoiceRow> {
    actor.require(Action::CloseMonth)?;
    let tenant = actor.tenant_id;
    let reason = mittler_domain::validation::required_reason(reason).map_err(AppError::Invalid)?;
    let (seller_json, buyer_json) = docs::parties(&app.db, tenant, id).await?;
    let month = docs::invoice(&app.db, tenant, id).await?.month;
    let modes = modes_of(app, tenant, parse_month(&month)?).await?;
    let now = app.now();
    let today = now.to_zoned(zone()).date();
    // Nothing below reads outside the transaction (SQLite's pool may hold one connection).
    let mut tx = app.db.begin().await?;
    let of = docs::cancel_invoice(&mut tx, tenant, id).await?;
    let (Some(seller_json), Some(buyer_json), Some(of_number), Some(of_date)) =
        (seller_json, buyer_json, of.number.clone(), of.issued_on)
    else {
        return Err(AppError::Conflict("invoice not issued".into()));
    };
    let seller: Seller = serde_json::from_str(&seller_json).map_err(|_| corrupt("seller"))?;
    let buyer: BillingAddress = serde_json::from_str(&buyer_json).map_err(|_| corrupt("buyer"))?;
    let seq = docs::next_number(&mut tx, tenant, today.year()).await?;
    let number = rules::document_number(today.year(), seq);
    let kind = DocKind::CreditNote {
        of: of_number.clone(),
        of_date,
        reason: reason.to_owned(),
    };
    let d = invoice_doc(&of, kind, &number, today, &seller, &buyer, &modes)?;
    let xml = app.renderer.invoice_xml(&d).map_err(doc_error)?;
    let pdf = app.renderer.invoice_pdf(&d).map_err(doc_error)?;
    let credit = Uuid::new_v4();
    docs::insert_credit_note(
        &mut tx,
        tenant,
        &docs::CreditNote {
            id: credit,
            of: &of,
            reason,
            issued: docs::Issued {
                number: &number,
                issued_on: today,
                seller_json: &seller_json,
                buyer_json: &buyer_json,
                xml: &xml,
                pdf: &pdf,
            },
        },
        now,
    )
    .await?;
    let mail = mittler_db::outbox::NewMail {
        to: buyer.email.clone(),
        subject: format!(
            "Gutschrift {number} zur Rechnung {of_number} – {}",
            seller.legal_name
        ),
        body_text: format!(
            "Guten Tag,\n\ndie Rechnung {of_number} wird durch die anliegende Gutschrift {number} aufgehoben.\nGrund: {reason}\n\n\
             Mit freundlichen Grüßen\n{}\n{}\n",
            seller.contact_name, seller.legal_name
        ),
        attachment: None,
    };
    mittler_db::outbox::enqueue_invoice_in(&mut tx, tenant, &mail, credit, now).await?;
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "credit-note",
        Some(credit),
        serde_json::json!({ "invoice": id }),
    );
    mittler_db::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(docs::invoice(&app.db, tenant, credit).await?)
}
