//! Registrations for published offers: double opt-in, seats and the waiting list,
//! cancellation with promotion, the lottery at its deadline, and the deletion of
//! registrations after their offer.
//!
//! Every change of seats is one transaction opened here: it locks the offer
//! (`offers::lock`), reads the seats, lets `domain::registration` decide, writes the new
//! state and the mails it causes, and commits. A mail is sent only when its change was
//! kept, and no two changes of one offer's seats interleave.

use crate::catalogue::changed;
use crate::i18n::Lang;
use crate::{App, AppError, Result};
use jiff::Timestamp;
use mittler_db::offers::{self, Locked, Offer, Reg};
use mittler_db::outbox::{NewMail, enqueue_in};
use mittler_db::{Tx, audit::append_in};
use mittler_domain::audit::AuditAction;
use mittler_domain::lottery;
use mittler_domain::offer::{Consent, Registration, Status};
use mittler_domain::registration::{
    self as rules, Cancellation, Confirmed, RegistrationInput, Release, Requirements, Seating,
    Seats, Status as RegStatus,
};
use uuid::Uuid;

/// The outcome of a cancellation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancelled {
    /// The registration's status after the change (`cancelled`, or unchanged for one child).
    pub status: RegStatus,
    /// Whether anything changed (a repeated link changes nothing).
    pub changed: bool,
    /// Registrations moved up from the waiting list.
    pub promoted: Vec<Reg>,
}

/// The mails a registrant gets, each with its own message in the locale files
/// (`mail-reg-<kind>-subject` and `-body`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegMail {
    /// The link to confirm (double opt-in).
    Confirm,
    Confirmed,
    Waitlisted,
    /// Taking part in the coming lottery.
    Entered,
    Cancelled,
    /// Moved up from the waiting list.
    Promoted,
    /// Drawn in the lottery.
    Won,
    /// Not drawn: on the waiting list.
    Lost,
}

impl RegMail {
    fn key(self) -> &'static str {
        match self {
            RegMail::Confirm => "confirm",
            RegMail::Confirmed => "confirmed",
            RegMail::Waitlisted => "waitlisted",
            RegMail::Entered => "entered",
            RegMail::Cancelled => "cancelled",
            RegMail::Promoted => "promoted",
            RegMail::Won => "won",
            RegMail::Lost => "lost",
        }
    }

    /// The mail telling a registrant of their new status, if any.
    fn on(status: RegStatus) -> Option<RegMail> {
        match status {
            RegStatus::Confirmed => Some(RegMail::Confirmed),
            RegStatus::Waitlisted => Some(RegMail::Waitlisted),
            RegStatus::Entered => Some(RegMail::Entered),
            RegStatus::Pending | RegStatus::Cancelled => None,
        }
    }
}

/// The interface language for mails to a registrant who chose `code`.
pub fn mail_lang(code: &str) -> Lang {
    Lang::parse_public(code).unwrap_or(if code == "de" { Lang::De } else { Lang::En })
}

fn title_in(o: &Offer, code: &str) -> String {
    o.texts
        .show(code)
        .map(|s| s.text.title.clone())
        .unwrap_or_default()
}

fn when(o: &Offer) -> String {
    o.sessions
        .first()
        .map(|(_, s)| crate::local_time::local_text(s.start))
        .unwrap_or_default()
}

fn links(app: &App, token: &str) -> (String, String) {
    (
        format!("{}/r/confirm/{token}", app.public_url),
        format!("{}/r/cancel/{token}", app.public_url),
    )
}

/// A mail about a registration, in the registrant's language.
fn reg_mail(
    o: &Offer,
    to: &str,
    code: &str,
    kind: RegMail,
    extra: &[(&'static str, String)],
) -> NewMail {
    let lang = mail_lang(code);
    let mut args: Vec<(&'static str, String)> = vec![
        ("title", title_in(o, code)),
        ("when", when(o)),
        ("place", format!("{}, {}", o.venue.name, o.venue.address)),
        ("provider", o.provider_name.clone()),
    ];
    args.extend_from_slice(extra);
    let kind = kind.key();
    NewMail {
        to: to.to_owned(),
        subject: lang.t_args(&format!("mail-reg-{kind}-subject"), &args),
        body_text: lang.t_args(&format!("mail-reg-{kind}-body"), &args),
        attachment: None,
    }
}

/// Writes a mail to a registrant within `tx`; none for an anonymised registration.
async fn tell(
    tx: &mut Tx,
    o: &Offer,
    r: &Reg,
    kind: RegMail,
    extra: &[(&'static str, String)],
    now: Timestamp,
) -> Result<()> {
    if r.email.is_empty() {
        return Ok(());
    }
    let mail = reg_mail(o, &r.email, &r.lang, kind, extra);
    enqueue_in(tx, Some(r.tenant_id), &[mail], now).await?;
    Ok(())
}

/// Registers for a published offer: stores it as pending and mails the confirmation link.
pub async fn register(
    app: &App,
    slug: &str,
    offer_id: Uuid,
    input: &RegistrationInput,
    address: Option<&str>,
) -> Result<Uuid> {
    let tenant = crate::tenants::by_slug(app, slug).await?;
    let o = offers::get(&app.db, tenant.id, offer_id).await?;
    let now = app.now();
    if o.status != Status::Published {
        return Err(AppError::NotFound);
    }
    if o.registration == Registration::None || o.last_end <= now {
        return Err(AppError::Conflict("registration closed".into()));
    }
    // A registration counts for a target group of the offer or a group with kept places.
    let mut groups = o.target_groups.clone();
    groups.extend(o.quotas.iter().map(|(g, _)| *g));
    let d = input.validate(Requirements {
        age_min: o.age_min,
        age_max: o.age_max,
        capacity: o.capacity,
        groups: &groups,
    })?;
    throttle(app, address, &d.email).await?;
    let token = crate::auth::random_token();
    let (confirm, cancel) = links(app, &token);
    let mail = reg_mail(
        &o,
        &d.email,
        &d.lang,
        RegMail::Confirm,
        &[
            ("confirm", confirm),
            ("cancel", cancel),
            ("name", mittler_domain::validation::mail_safe_name(&d.name)),
            ("persons", d.persons.to_string()),
        ],
    );
    let mut tx = app.db.begin().await?;
    let id = offers::create_registration(
        &mut tx,
        tenant.id,
        &offers::NewRegistration {
            offer_id,
            draft: &d,
            token_hash: crate::auth::token_hash(&token),
        },
        now,
    )
    .await?;
    enqueue_in(&mut tx, Some(tenant.id), &[mail], now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Refuses the registration when one address sent too many this hour, or one e-mail
/// address got too many confirmation mails.
async fn throttle(app: &App, address: Option<&str>, email: &str) -> Result<()> {
    use mittler_domain::registration::{PER_ADDRESS_PER_HOUR, PER_EMAIL_PER_HOUR};
    let now = app.now();
    let hour = 3600;
    let start = Timestamp::from_second(now.as_second() - now.as_second().rem_euclid(hour))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let retry = (start.as_second() + hour - now.as_second()).max(1);
    let too_many = AppError::TooMany {
        retry_after_secs: retry,
    };
    if let Some(a) = address
        && mittler_db::throttle::hit(&app.db, &format!("register:{a}"), start).await?
            > PER_ADDRESS_PER_HOUR
    {
        return Err(too_many);
    }
    // One mailbox, whatever `+tag` the address carries.
    let mailbox = mittler_domain::validation::mailbox(email);
    let key = format!("register-mail:{}", crate::auth::token_hash(&mailbox));
    if mittler_db::throttle::hit(&app.db, &key, start).await? > PER_EMAIL_PER_HOUR {
        return Err(too_many);
    }
    Ok(())
}

/// The registration and offer a link's token belongs to.
pub async fn by_token(app: &App, token: &str) -> Result<(Reg, Offer)> {
    let token = token.trim();
    if token.is_empty() || token.len() > 100 {
        return Err(AppError::NotFound);
    }
    let reg = offers::by_token(&app.db, &crate::auth::token_hash(token)).await?;
    let o = offers::get(&app.db, reg.tenant_id, reg.offer_id).await?;
    Ok((reg, o))
}

/// Locks the offer and reads its seats: the start of every seat change.
async fn seats(tx: &mut Tx, tenant: Uuid, offer: Uuid) -> Result<(Locked, Seats)> {
    let locked = offers::lock(tx, tenant, offer).await?;
    let (taken, waiting) = offers::taken_and_waiting(tx, tenant, offer).await?;
    let seats = Seats {
        capacity: locked.capacity,
        taken,
        waiting,
        seating: Seating::of(locked.registration, locked.drawn),
    };
    Ok((locked, seats))
}

/// The place on the waiting list of a registration in `status` numbered `seq`.
async fn position_of(
    tx: &mut Tx,
    reg: &Reg,
    status: RegStatus,
    seq: Option<i64>,
) -> Result<Option<u32>> {
    Ok(match (status, seq) {
        (RegStatus::Waitlisted, Some(s)) => {
            Some(offers::position(tx, reg.tenant_id, reg.offer_id, s).await?)
        }
        _ => None,
    })
}

/// Follows the confirmation link: a seat, the waiting list, or an entry in the lottery.
pub async fn confirm(app: &App, token: &str) -> Result<(Reg, Offer, Confirmed)> {
    let (reg, o) = by_token(app, token).await?;
    if reg.status == RegStatus::Cancelled {
        return Err(AppError::Conflict("registration cancelled".into()));
    }
    if reg.status == RegStatus::Pending
        && (o.status != Status::Published || o.last_end <= app.now())
    {
        return Err(AppError::Conflict("registration closed".into()));
    }
    // Past the lottery's time the draw comes first (the worker may not have run yet):
    // a confirmation after the deadline does not enter the draw.
    let o = match o.registration {
        Registration::Lottery { at }
            if o.drawn_at.is_none() && at <= app.now() && o.status == Status::Published =>
        {
            draw(app, reg.tenant_id, o.id, rand::random::<u64>()).await?;
            offers::get(&app.db, reg.tenant_id, o.id).await?
        }
        _ => o,
    };
    let (_, cancel) = links(app, token.trim());
    let lottery_at = o
        .registration
        .lottery_at()
        .map(crate::local_time::local_text)
        .unwrap_or_default();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let (locked, seats) = seats(&mut tx, reg.tenant_id, reg.offer_id).await?;
    let held = offers::held(&mut tx, reg.tenant_id, reg.id).await?;
    let out = match rules::confirmation(held.status, held.persons, seats) {
        Err(already) => {
            let pos = position_of(&mut tx, &reg, already, held.seq).await?;
            tx.rollback().await?;
            return Ok((reg, o, Confirmed::Already(already, pos)));
        }
        Ok(new) => {
            let seq = Some(locked.seq);
            if !offers::move_to(
                &mut tx,
                reg.tenant_id,
                reg.id,
                RegStatus::Pending,
                new,
                seq,
                now,
            )
            .await?
            {
                return Err(AppError::Conflict("registration changed".into()));
            }
            let pos = position_of(&mut tx, &reg, new, seq).await?;
            if let Some(kind) = RegMail::on(new) {
                let extra = [
                    ("cancel", cancel),
                    ("position", pos.unwrap_or(0).to_string()),
                    ("lottery", lottery_at),
                    ("persons", held.persons.to_string()),
                ];
                tell(&mut tx, &o, &reg, kind, &extra, now).await?;
            }
            Confirmed::Now(new, pos)
        }
    };
    tx.commit().await?;
    changed(app);
    Ok((reg, o, out))
}

/// Moves the first on the waiting list up while they fit, telling each in their
/// language, within `tx` (which holds the offer's lock).
async fn promote(
    tx: &mut Tx,
    tenant: Uuid,
    o: &Offer,
    capacity: u32,
    now: Timestamp,
) -> Result<Vec<Reg>> {
    let (taken, _) = offers::taken_and_waiting(tx, tenant, o.id).await?;
    let waiting = offers::in_status(tx, tenant, o.id, RegStatus::Waitlisted).await?;
    let queue: Vec<(Uuid, u32)> = waiting.iter().map(|r| (r.id, r.persons)).collect();
    let up = rules::promotions(capacity, taken, &queue);
    let mut promoted = Vec::new();
    for r in waiting.into_iter().filter(|r| up.contains(&r.id)) {
        let (from, to) = (RegStatus::Waitlisted, RegStatus::Confirmed);
        if offers::move_to(tx, tenant, r.id, from, to, None, now).await? {
            let persons = [("persons", r.persons.to_string())];
            tell(tx, o, &r, RegMail::Promoted, &persons, now).await?;
            promoted.push(Reg { status: to, ..r });
        }
    }
    Ok(promoted)
}

/// Follows the cancellation link: the whole registration or one child; freed seats go
/// to the first on the waiting list, who are told in their language.
pub async fn cancel(app: &App, token: &str, release: Release) -> Result<(Reg, Offer, Cancelled)> {
    let (reg, o) = by_token(app, token).await?;
    let no_child =
        || AppError::Invalid(mittler_domain::FieldErrors::single("child", "out-of-range"));
    if let Release::Child(i) = release
        && i >= reg.children.len()
    {
        return Err(no_child());
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let (locked, seats) = seats(&mut tx, reg.tenant_id, reg.offer_id).await?;
    let held = offers::held(&mut tx, reg.tenant_id, reg.id).await?;
    let status = match rules::cancellation(held.status, release, held.persons, held.children.len())
    {
        Cancellation::Nothing => {
            tx.rollback().await?;
            let out = Cancelled {
                status: held.status,
                changed: false,
                promoted: Vec::new(),
            };
            return Ok((reg, o, out));
        }
        Cancellation::NoSuchChild => return Err(no_child()),
        Cancellation::Whole => {
            let to = RegStatus::Cancelled;
            offers::move_to(&mut tx, reg.tenant_id, reg.id, held.status, to, None, now).await?;
            // Written only when the whole registration ends (also by its last child).
            tell(&mut tx, &o, &reg, RegMail::Cancelled, &[], now).await?;
            to
        }
        Cancellation::Child(i) => {
            let mut children = held.children.clone();
            children.remove(i);
            let persons = held.persons.saturating_sub(1);
            offers::keep(&mut tx, reg.tenant_id, reg.id, persons, &children).await?;
            held.status
        }
    };
    // Freed seats, or a waiting family that now fits or left the queue: the queue moves.
    let promoted = if rules::queue_moves(seats.seating) {
        promote(&mut tx, reg.tenant_id, &o, locked.capacity, now).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    changed(app);
    let out = Cancelled {
        status,
        changed: true,
        promoted,
    };
    Ok((reg, o, out))
}

/// Gives seats freed by a larger capacity to the waiting list, telling each in their
/// language.
pub async fn fill_from_waitlist(app: &App, tenant: Uuid, offer_id: Uuid) -> Result<usize> {
    let o = offers::get(&app.db, tenant, offer_id).await?;
    let mut tx = app.db.begin().await?;
    let (locked, seats) = seats(&mut tx, tenant, offer_id).await?;
    if !rules::queue_moves(seats.seating) {
        tx.rollback().await?;
        return Ok(0);
    }
    let up = promote(&mut tx, tenant, &o, locked.capacity, app.now()).await?;
    tx.commit().await?;
    changed(app);
    Ok(up.len())
}

/// Withdraws a consent given with the registration.
pub async fn revoke(app: &App, token: &str, purpose: Consent) -> Result<bool> {
    let (reg, _) = by_token(app, token).await?;
    if purpose == Consent::Participation {
        return Err(AppError::Conflict(
            "cancel to withdraw participation".into(),
        ));
    }
    Ok(offers::revoke_consent(&app.db, reg.tenant_id, reg.id, purpose, app.now()).await?)
}

/// Draws one offer's lottery with `seed` (recorded with the offer so that the draw can be
/// replayed). `None` when it was drawn before.
pub async fn draw(
    app: &App,
    tenant: Uuid,
    offer_id: Uuid,
    seed: u64,
) -> Result<Option<(usize, usize)>> {
    let o = offers::get(&app.db, tenant, offer_id).await?;
    let quotas: Vec<lottery::Quota> = o
        .quotas
        .iter()
        .map(|(g, n)| lottery::Quota {
            group: g.as_str().to_owned(),
            seats: *n,
        })
        .collect();
    let now = app.now();
    let entry = crate::users::system_entry(
        tenant,
        now,
        AuditAction::Update,
        "offer-lottery",
        serde_json::json!({ "offer_id": offer_id, "seed": seed.to_string() }),
    );
    // The seed is stored as a signed 64-bit number; the bits are the same.
    let stored = i64::from_ne_bytes(seed.to_ne_bytes());
    let mut tx = app.db.begin().await?;
    let (_, seats) = seats(&mut tx, tenant, offer_id).await?;
    if !offers::mark_drawn(&mut tx, tenant, offer_id, stored, now).await? {
        tx.rollback().await?;
        return Ok(None);
    }
    let entries = offers::in_status(&mut tx, tenant, offer_id, RegStatus::Entered).await?;
    let e: Vec<lottery::Entry> = entries
        .iter()
        .map(|r| lottery::Entry {
            id: r.id,
            seats: r.persons,
            group: r.group.map(|g| g.as_str().to_owned()),
            // Siblings registered one by one by the same parent win or lose together.
            family: Some(r.email.clone()),
            order: u64::try_from(r.seq.unwrap_or(0).max(0)).unwrap_or(0),
        })
        .collect();
    // Seats taken before a change of mode are not drawn again.
    let free = seats.capacity.saturating_sub(seats.taken);
    let d = lottery::draw(free, &quotas, &e, seed);
    // Drawn seats come first; later registrations queue behind the drawn waiting list.
    let drawn = i64::try_from(d.winners.len() + d.waitlist.len())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut seq = -drawn - 1;
    let mut position = 0u32;
    for (ids, to) in [
        (&d.winners, RegStatus::Confirmed),
        (&d.waitlist, RegStatus::Waitlisted),
    ] {
        for id in ids {
            seq += 1;
            let Some(r) = entries.iter().find(|r| r.id == *id) else {
                return Err(AppError::Internal(format!(
                    "lottery drew unknown entry {id}"
                )));
            };
            offers::move_to(
                &mut tx,
                tenant,
                r.id,
                RegStatus::Entered,
                to,
                Some(seq),
                now,
            )
            .await?;
            let (kind, pos) = if to == RegStatus::Confirmed {
                (RegMail::Won, 0)
            } else {
                position += 1;
                (RegMail::Lost, position)
            };
            tell(&mut tx, &o, r, kind, &[("position", pos.to_string())], now).await?;
        }
    }
    append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    changed(app);
    Ok(Some((d.winners.len(), d.waitlist.len())))
}

/// Draws every lottery whose time has come, each with a fresh random seed. One failing
/// offer is logged and does not hold up the others.
pub async fn draw_due(app: &App) -> Result<usize> {
    let mut n = 0;
    for (tenant, offer) in offers::due_lotteries(&app.db, app.now()).await? {
        let seed = rand::random::<u64>();
        match draw(app, tenant, offer, seed).await {
            Ok(Some(_)) => n += 1,
            Ok(None) => {}
            Err(e) => tracing::warn!("lottery of offer {offer}: {e}"),
        }
    }
    Ok(n)
}

/// Anonymises the registrations of offers whose last date is longer ago than their
/// tenant's retention days. Returns how many registrations were anonymised.
pub async fn apply_retention(app: &App) -> Result<u64> {
    let now = app.now();
    let mut n = 0;
    for (tenant, days) in offers::retention_by_tenant(&app.db).await? {
        let days = u32::try_from(days).unwrap_or(90);
        let cutoff = mittler_domain::offer::retention_cutoff(now, days);
        for offer in offers::ended_before(&app.db, tenant, cutoff).await? {
            let entry = crate::users::system_entry(
                tenant,
                now,
                AuditAction::Update,
                "offer-retention",
                serde_json::json!({ "offer_id": offer, "days": days }),
            );
            match offers::anonymise(&app.db, tenant, offer, now, &entry).await {
                Ok(k) => n += k,
                Err(e) => tracing::warn!("retention of offer {offer}: {e}"),
            }
        }
    }
    if n > 0 {
        changed(app);
    }
    Ok(n)
}
