//! The offers network, staff side: providers, offers and their review, registrations,
//! attendance, the CSV export and messages to registrants.
//!
//! Coordinators (and admins) see and review every offer of the tenant; a provider's users
//! see and change only their own organisation's offers. Others see none of it.

use crate::i18n::Lang;
pub use crate::registrations::Cancelled;
use crate::{Actor, App, AppError, Result};
use mittler_db::offers::{self, OfferFilter, Provider};
pub use mittler_db::offers::{Offer, Reg};
use mittler_db::outbox::NewMail;
use mittler_domain::Action;
use mittler_domain::audit::AuditAction;
use mittler_domain::offer::{self as dom, Event, OfferInput, Status, Texts};
use mittler_domain::registration::Status as RegStatus;
pub use mittler_domain::registration::{Confirmed, Release};
use mittler_domain::validation::{FieldErrors, required_text};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

fn may_see(actor: &Actor, offer: &Offer) -> bool {
    actor.may(Action::RunCatalogue)
        || (actor.may(Action::WriteOffers) && actor.provider_id == Some(offer.provider_id))
}

pub async fn create_provider(app: &App, actor: &Actor, name: &str) -> Result<Uuid> {
    if !actor.may(Action::RunCatalogue) {
        return Err(AppError::Forbidden);
    }
    let mut e = FieldErrors::new();
    let name = required_text(&mut e, "name", name, 120);
    e.finish(())?;
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "provider",
        None,
        serde_json::json!({ "name": name }),
    );
    Ok(offers::create_provider(&app.db, actor.tenant_id, &name, now, &entry).await?)
}

/// The providers the actor may see: all for the centre, the own one for a provider.
pub async fn providers(app: &App, actor: &Actor) -> Result<Vec<Provider>> {
    if actor.may(Action::RunCatalogue) {
        Ok(offers::providers(&app.db, actor.tenant_id).await?)
    } else if actor.may(Action::WriteOffers) {
        match actor.provider_id {
            Some(p) => Ok(vec![offers::provider(&app.db, actor.tenant_id, p).await?]),
            None => Ok(Vec::new()),
        }
    } else {
        Err(AppError::Forbidden)
    }
}

/// Offers the actor may see, optionally of one status.
pub async fn list(app: &App, actor: &Actor, status: Option<Status>) -> Result<Vec<Offer>> {
    actor.require(Action::WriteOffers)?;
    let provider = if actor.may(Action::RunCatalogue) {
        None
    } else {
        Some(actor.provider_id.ok_or(AppError::Forbidden)?)
    };
    Ok(offers::list(
        &app.db,
        actor.tenant_id,
        OfferFilter {
            provider,
            status,
            id: None,
        },
    )
    .await?)
}

/// One offer; not found when the actor may not see it.
pub async fn get(app: &App, actor: &Actor, id: Uuid) -> Result<Offer> {
    if !actor.may(Action::WriteOffers) {
        return Err(AppError::Forbidden);
    }
    let offer = offers::get(&app.db, actor.tenant_id, id).await?;
    if may_see(actor, &offer) {
        Ok(offer)
    } else {
        Err(AppError::NotFound)
    }
}

fn texts_of(d: &dom::OfferDraft, current: Option<&Texts>) -> Texts {
    current.cloned().unwrap_or_default().apply_edit(&d.texts)
}

/// Creates a draft. A provider creates for the own organisation; the centre names one.
pub async fn create(
    app: &App,
    actor: &Actor,
    provider_id: Option<Uuid>,
    input: &OfferInput,
) -> Result<Uuid> {
    actor.require(Action::WriteOffers)?;
    let provider = if actor.may(Action::RunCatalogue) {
        let p = provider_id
            .ok_or_else(|| AppError::Invalid(FieldErrors::single("provider_id", "required")))?;
        offers::provider(&app.db, actor.tenant_id, p)
            .await
            .map_err(|_| AppError::Invalid(FieldErrors::single("provider_id", "unknown")))?;
        p
    } else {
        let own = actor.provider_id.ok_or(AppError::Forbidden)?;
        if provider_id.is_some_and(|p| p != own) {
            return Err(AppError::Forbidden);
        }
        own
    };
    let d = input.validate(&crate::local_time::zone())?;
    let texts = texts_of(&d, None);
    let schedule = d.schedule.to_input(&crate::local_time::zone());
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Create,
        "offer",
        None,
        serde_json::json!({ "provider_id": provider }),
    );
    let id = offers::create(
        &app.db,
        actor.tenant_id,
        provider,
        &d,
        &texts,
        &schedule,
        now,
        &entry,
    )
    .await?;
    crate::catalogue::offers_changed(app);
    Ok(id)
}

/// Changes an offer. A provider's change of a published offer goes back to review;
/// the centre's changes keep the status. Archived offers are not changed. With `read_at`
/// (when the editor loaded the offer), a save over someone else's newer change is refused.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: Uuid,
    input: &OfferInput,
    read_at: Option<jiff::Timestamp>,
) -> Result<()> {
    let current = get(app, actor, id).await?;
    if current.status == Status::Archived {
        return Err(AppError::Conflict("archived".into()));
    }
    if read_at.is_some_and(|t| t != current.updated_at) {
        return Err(AppError::Conflict("changed meanwhile".into()));
    }
    let d = input.validate(&crate::local_time::zone())?;
    let regs = offers::registrations(&app.db, actor.tenant_id, id).await?;
    let open = regs
        .iter()
        .filter(|r| r.status != RegStatus::Cancelled)
        .count();
    let mode_changes = d.registration.as_str() != current.registration.as_str();
    dom::may_change_seats(
        d.capacity,
        taken(&regs),
        mode_changes,
        u32::try_from(open).unwrap_or(u32::MAX),
    )?;
    // Dates with recorded attendance stay: a change of times must not erase the record.
    let attended = offers::attendance(&app.db, actor.tenant_id, id).await?;
    let removes_attended = current
        .sessions
        .iter()
        .filter(|(_, s)| !d.sessions.contains(s))
        .any(|(sid, _)| attended.keys().any(|(_, x)| x == sid));
    if removes_attended {
        return Err(AppError::Invalid(FieldErrors::single(
            "sessions",
            "has-attendance",
        )));
    }
    let texts = texts_of(&d, Some(&current.texts));
    let schedule = d.schedule.to_input(&crate::local_time::zone());
    let status = if actor.may(Action::RunCatalogue) {
        current.status
    } else {
        dom::next(current.status, Event::ProviderEdit).unwrap_or(current.status)
    };
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "offer",
        Some(id),
        serde_json::json!({ "status": status.as_str() }),
    );
    // Seats are decided under the offer's lock: no confirmation slips in between the
    // checks and the change.
    let mut tx = app.db.begin().await?;
    let locked = offers::lock(&mut tx, actor.tenant_id, id).await?;
    let (taken, _) = offers::taken_and_waiting(&mut tx, actor.tenant_id, id).await?;
    let mode_changes = locked.registration.as_str() != d.registration.as_str();
    let active = if mode_changes {
        offers::active(&mut tx, actor.tenant_id, id).await?
    } else {
        0
    };
    // Someone may have registered between the check above and the lock.
    dom::may_change_seats(d.capacity, taken, mode_changes, active)?;
    offers::update(
        &mut tx,
        actor.tenant_id,
        &current,
        &d,
        &texts,
        &schedule,
        status,
        now,
        &entry,
    )
    .await?;
    tx.commit().await?;
    if d.capacity > current.capacity {
        crate::registrations::fill_from_waitlist(app, actor.tenant_id, id).await?;
    }
    crate::catalogue::offers_changed(app);
    Ok(())
}

/// Moves an offer through the review workflow.
pub async fn transition(
    app: &App,
    actor: &Actor,
    id: Uuid,
    event: Event,
    note: Option<&str>,
) -> Result<Status> {
    let offer = get(app, actor, id).await?;
    let allowed = match event {
        Event::Submit => true,
        Event::Publish | Event::ReturnToDraft => actor.may(Action::RunCatalogue),
        Event::Archive => true,
        Event::ProviderEdit => false,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let to = dom::next(offer.status, event)
        .ok_or_else(|| AppError::Conflict(format!("offer is {}", offer.status.as_str())))?;
    let from: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|s| dom::next(*s, event) == Some(to))
        .collect();
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::Update,
        "offer",
        Some(id),
        serde_json::json!({ "status": to.as_str() }),
    );
    let done =
        offers::set_status(&app.db, actor.tenant_id, id, &from, to, note, now, &entry).await?;
    if !done {
        return Err(AppError::Conflict("offer changed".into()));
    }
    crate::catalogue::offers_changed(app);
    Ok(to)
}

/// The registrations of an offer (provider of the offer, the centre). The access is
/// logged. A provider sees a registrant's e-mail address only with their consent to
/// passing the contact on; the centre sees it always (it runs the registration).
pub async fn registrations(app: &App, actor: &Actor, id: Uuid) -> Result<(Offer, Vec<Reg>)> {
    let offer = match get(app, actor, id).await {
        Ok(o) => o,
        Err(e) => {
            // A refused attempt is recorded too (the success below, with its count).
            return crate::audit::read(app, actor, "offer-registrations", Some(id), async {
                Err(e)
            })
            .await;
        }
    };
    let mut regs = offers::registrations(&app.db, actor.tenant_id, id).await?;
    if !actor.may(Action::RunCatalogue) {
        for r in &mut regs {
            let shared = r
                .consents
                .iter()
                .any(|(c, revoked)| *c == dom::Consent::ShareContact && revoked.is_none());
            if !shared {
                r.email.clear();
            }
        }
    }
    let now = app.now();
    let entry = actor.audit(
        now,
        AuditAction::View,
        "offer-registrations",
        Some(id),
        serde_json::json!({ "count": regs.len() }),
    );
    app.reads.record(&app.db, entry).await?;
    Ok((offer, regs))
}

/// Seats taken by confirmed registrations.
pub fn taken(regs: &[Reg]) -> u32 {
    regs.iter()
        .filter(|r| r.status == RegStatus::Confirmed)
        .map(|r| r.persons)
        .sum()
}

/// Records attendance, (registration, session, present) each; cells of registrations
/// that are no longer confirmed (cancelled meanwhile) are left out. Returns how many
/// were recorded.
pub async fn set_attendance(
    app: &App,
    actor: &Actor,
    offer: Uuid,
    cells: &[(Uuid, Uuid, bool)],
) -> Result<usize> {
    let o = get(app, actor, offer).await?;
    let regs = offers::registrations(&app.db, actor.tenant_id, offer).await?;
    let valid: Vec<(Uuid, Uuid, bool)> = cells
        .iter()
        .copied()
        .filter(|(r, s, _)| {
            o.sessions.iter().any(|(id, _)| id == s)
                && regs
                    .iter()
                    .any(|x| x.id == *r && x.status == RegStatus::Confirmed)
        })
        .collect();
    offers::set_attendance(&app.db, actor.tenant_id, &valid, app.now()).await?;
    Ok(valid.len())
}

pub async fn attendance(
    app: &App,
    actor: &Actor,
    offer: Uuid,
) -> Result<HashMap<(Uuid, Uuid), bool>> {
    get(app, actor, offer).await?;
    Ok(offers::attendance(&app.db, actor.tenant_id, offer).await?)
}

/// Quotes a CSV field for German Excel (semicolon separated).
fn field(s: &str) -> String {
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The registrations as CSV that German Excel opens correctly: UTF-8 with a byte-order
/// mark, semicolons, CRLF line ends, one column per session with attendance.
pub fn csv(
    lang: Lang,
    offer: &Offer,
    regs: &[Reg],
    attendance: &HashMap<(Uuid, Uuid), bool>,
) -> String {
    let mut out = String::from("\u{feff}");
    let mut head: Vec<String> = [
        "csv-status",
        "csv-name",
        "csv-email",
        "csv-persons",
        "csv-ages",
        "csv-language",
        "csv-group",
        "csv-photos",
        "csv-share-contact",
        "csv-registered",
    ]
    .iter()
    .map(|k| lang.t(k))
    .collect();
    for (_, s) in &offer.sessions {
        head.push(crate::local_time::local_text(s.start));
    }
    out.push_str(&head.iter().map(|h| field(h)).collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
    for r in regs.iter().filter(|r| r.status != RegStatus::Pending) {
        let consent = |c: dom::Consent| {
            let given = r
                .consents
                .iter()
                .any(|(p, revoked)| *p == c && revoked.is_none());
            lang.t(if given { "csv-yes" } else { "csv-no" })
        };
        let mut row: Vec<String> = vec![
            lang.t(&format!("reg-status-{}", r.status.as_str())),
            r.name.clone(),
            r.email.clone(),
            r.persons.to_string(),
            r.children
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            r.lang.clone(),
            r.group
                .map(|g| lang.t(&format!("target-{}", g.as_str())))
                .unwrap_or_default(),
            consent(dom::Consent::Photos),
            consent(dom::Consent::ShareContact),
            crate::local_time::local_text(r.created_at),
        ];
        for (sid, _) in &offer.sessions {
            row.push(match attendance.get(&(r.id, *sid)) {
                Some(true) => lang.t("csv-present"),
                Some(false) => lang.t("csv-absent"),
                None => String::new(),
            });
        }
        out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// A message to everyone registered (confirmed, waiting or entered), each in their own
/// language when the sender wrote it, else in German. Returns how many were written.
pub async fn message(
    app: &App,
    actor: &Actor,
    offer: Uuid,
    texts: &BTreeMap<String, (String, String)>,
) -> Result<usize> {
    // The mail goes out without showing anyone the addresses.
    let o = get(app, actor, offer).await?;
    let regs = offers::registrations(&app.db, actor.tenant_id, offer).await?;
    let mut e = FieldErrors::new();
    let mut clean: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (lang, (subject, body)) in texts {
        if lang != "de" && subject.trim().is_empty() && body.trim().is_empty() {
            continue;
        }
        if !dom::is_text_lang(lang) {
            e.add(format!("subject.{lang}"), "unknown-language");
            continue;
        }
        let s = required_text(&mut e, &format!("subject.{lang}"), subject, 150);
        let b = required_text(&mut e, &format!("body.{lang}"), body, 5000);
        clean.insert(lang.clone(), (s, b));
    }
    if !clean.contains_key("de") {
        e.add("subject.de", "required");
    }
    e.finish(())?;
    let title = o
        .texts
        .german()
        .map(|t| t.title.clone())
        .unwrap_or_default();
    let mails: Vec<NewMail> = regs
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                RegStatus::Confirmed | RegStatus::Waitlisted | RegStatus::Entered
            ) && !r.email.is_empty()
        })
        .filter_map(|r| {
            let (s, b) = clean.get(&r.lang).or_else(|| clean.get("de"))?;
            Some(NewMail {
                to: r.email.clone(),
                subject: format!("{s} – {title}"),
                body_text: b.clone(),
                attachment: None,
            })
        })
        .collect();
    mittler_db::outbox::add(&app.db, Some(actor.tenant_id), &mails, app.now()).await?;
    Ok(mails.len())
}
