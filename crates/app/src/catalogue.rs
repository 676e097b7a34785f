//! The public catalogue: published offers of a tenant, searched and filtered in memory,
//! registration with double opt-in, cancellation with promotion from the waiting list,
//! the lottery at its deadline and the deletion of registrations after their offer.
//!
//! The catalogue of a tenant is held in memory and rebuilt when this process changed an
//! offer or a registration, or after [`FRESH_FOR_SECS`] (for changes made by another
//! process). Seats themselves are always decided in the database under the offer's lock.

use crate::i18n::Lang;
use crate::{App, AppError, Result};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use mittler_db::offers::{self, Cancelled, Confirmed, Offer, OfferFilter, Reg, Release};
use mittler_db::outbox::NewMail;
use mittler_db::tenants::Tenant;
use mittler_domain::audit::AuditAction;
use mittler_domain::fuzzy::{self, Query};
use mittler_domain::lottery;
use mittler_domain::offer::{Category, Consent, Registration, Status, TargetGroup};
use mittler_domain::registration::{RegistrationInput, Requirements, Status as RegStatus};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use uuid::Uuid;

/// The longest search taken into account.
pub const MAX_QUERY_CHARS: usize = 120;

/// How long a catalogue is served from memory without looking at the database.
pub const FRESH_FOR_SECS: i64 = 2;

/// What is built once per change of the tenant's offers: the published offers with their
/// search index, and the choices of the filters.
struct Index {
    entries: Vec<Offer>,
    /// The texts of `entries`, in their order, for the search.
    search: fuzzy::Index,
    districts: Vec<String>,
    spoken: Vec<String>,
    fingerprint: (i64, Option<mittler_db::UtcTs>),
    /// The value of `offers_generation` it was built at.
    offers_generation: u64,
}

/// The published offers of a tenant, soonest first, with the seats taken.
pub struct Catalogue {
    pub tenant: Tenant,
    index: Arc<Index>,
    taken: HashMap<Uuid, u32>,
    checked_at: Timestamp,
    generation: u64,
}

/// Marks every catalogue in memory as stale (after a change of seats made by this process).
pub fn changed(app: &App) {
    app.cache
        .catalogue_generation
        .fetch_add(1, Ordering::SeqCst);
}

/// Marks every catalogue and its index as stale (after a change of an offer made here).
pub fn offers_changed(app: &App) {
    app.cache.offers_generation.fetch_add(1, Ordering::SeqCst);
    changed(app);
}

impl Catalogue {
    /// The offers that have not ended yet.
    pub fn entries(&self) -> impl Iterator<Item = &Offer> {
        self.index
            .entries
            .iter()
            .filter(|o| o.last_end > self.checked_at)
    }

    /// Seats still free, or `None` when the offer takes no registrations.
    pub fn seats_left(&self, o: &Offer) -> Option<u32> {
        (o.registration != Registration::None).then(|| {
            o.capacity
                .saturating_sub(self.taken.get(&o.id).copied().unwrap_or(0))
        })
    }

    pub fn get(&self, id: Uuid) -> Option<&Offer> {
        self.entries().find(|o| o.id == id)
    }

    /// The offers matching `f`: best search matches first, else soonest first.
    pub fn search(&self, f: &Filter) -> Vec<&Offer> {
        // A search is a few words; a long text would only cost time.
        let q = Query::new(&f.q.chars().take(MAX_QUERY_CHARS).collect::<String>());
        // The time zone is looked up only when a date filter needs it.
        let tz = std::cell::OnceCell::new();
        let day = |t: Timestamp| {
            t.to_zoned(tz.get_or_init(crate::requests::zone).clone())
                .date()
        };
        let scores = (!q.is_empty()).then(|| self.index.search.scores(&q));
        let mut hits: Vec<(u32, usize, &Offer)> = self
            .index
            .entries
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.last_end > self.checked_at
                    && f.category.is_none_or(|c| o.category == c)
                    && f.target.is_none_or(|t| o.target_groups.contains(&t))
                    && f.age.is_none_or(|a| {
                        o.age_min.is_none_or(|m| a >= m) && o.age_max.is_none_or(|m| a <= m)
                    })
                    && f.spoken
                        .as_deref()
                        .is_none_or(|s| o.languages.iter().any(|l| l == s))
                    && f.district.as_deref().is_none_or(|d| {
                        o.venue
                            .district
                            .as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(d))
                    })
                    && (!f.free || o.cost_cents == 0)
                    && (f.from.is_none() && f.to.is_none()
                        || o.sessions.iter().any(|(_, s)| {
                            let d = day(s.start);
                            f.from.is_none_or(|x| d >= x) && f.to.is_none_or(|x| d <= x)
                        }))
            })
            .filter_map(|(i, o)| match &scores {
                Some(s) => s.get(i).copied().flatten().map(|s| (s, i, o)),
                None => Some((1, i, o)),
            })
            .collect();
        if !q.is_empty() {
            hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        hits.into_iter().map(|(_, _, o)| o).collect()
    }

    /// The districts offers take place in, sorted.
    pub fn districts(&self) -> &[String] {
        &self.index.districts
    }

    /// The languages spoken at some offer (ISO 639-3), sorted.
    pub fn spoken(&self) -> &[String] {
        &self.index.spoken
    }
}

/// What a visitor filters by.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub category: Option<Category>,
    pub target: Option<TargetGroup>,
    pub age: Option<u8>,
    /// An ISO 639-3 code of a language spoken at the offer.
    pub spoken: Option<String>,
    pub district: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub free: bool,
    pub q: String,
}

fn fresh(c: &Catalogue, now: Timestamp, generation: u64) -> bool {
    c.generation == generation
        && c.checked_at <= now
        && now.duration_since(c.checked_at) < SignedDuration::from_secs(FRESH_FOR_SECS)
}

fn cached(app: &App, slug: &str) -> Option<Arc<Catalogue>> {
    app.cache.catalogues.lock().ok()?.get(slug).cloned()
}

/// The tenant's catalogue, from memory when fresh. One request per tenant refreshes it
/// while the others keep being served the previous one; the search index is rebuilt only
/// when the offers changed (their count or latest change), the seats on every refresh.
pub async fn catalogue(app: &App, slug: &str) -> Result<Arc<Catalogue>> {
    let generation = app.cache.catalogue_generation.load(Ordering::SeqCst);
    let old = cached(app, slug);
    if let Some(c) = &old
        && fresh(c, app.now(), generation)
    {
        return Ok(c.clone());
    }
    if old.is_none() {
        // Only known centres get a lock (a crawler's invented slugs must not fill memory).
        crate::tenants::by_slug(app, slug).await?;
    }
    let lock = app
        .cache
        .catalogue_locks
        .lock()
        .map_err(|_| AppError::Internal("catalogue lock poisoned".into()))?
        .entry(slug.to_owned())
        .or_default()
        .clone();
    let _guard = match (lock.try_lock(), &old) {
        (Ok(g), _) => g,
        // Someone else refreshes: the previous catalogue is good enough meanwhile.
        (Err(_), Some(c)) => return Ok(c.clone()),
        (Err(_), None) => lock.lock().await,
    };
    // Refreshed by someone else while this request waited?
    let generation = app.cache.catalogue_generation.load(Ordering::SeqCst);
    let old = cached(app, slug);
    if let Some(c) = &old
        && fresh(c, app.now(), generation)
    {
        return Ok(c.clone());
    }
    let tenant = crate::tenants::by_slug(app, slug).await?;
    let fingerprint = offers::fingerprint(&app.db, tenant.id).await?;
    let offers_generation = app.cache.offers_generation.load(Ordering::SeqCst);
    let index = match old.as_ref().map(|c| &c.index) {
        Some(i) if i.fingerprint == fingerprint && i.offers_generation == offers_generation => {
            i.clone()
        }
        _ => Arc::new(build_index(app, tenant.id, fingerprint, offers_generation).await?),
    };
    let taken = offers::seats_taken(&app.db, tenant.id).await?;
    let fresh = Arc::new(Catalogue {
        tenant,
        index,
        taken,
        checked_at: app.now(),
        generation,
    });
    if let Ok(mut map) = app.cache.catalogues.lock() {
        map.insert(slug.to_owned(), fresh.clone());
    }
    Ok(fresh)
}

async fn build_index(
    app: &App,
    tenant: Uuid,
    fingerprint: (i64, Option<mittler_db::UtcTs>),
    offers_generation: u64,
) -> Result<Index> {
    let all = offers::list(
        &app.db,
        tenant,
        OfferFilter {
            status: Some(Status::Published),
            ..Default::default()
        },
    )
    .await?;
    // Indexing thousands of texts is CPU work: off the async threads.
    tokio::task::spawn_blocking(move || {
        let mut districts: Vec<String> = all
            .iter()
            .filter_map(|o| o.venue.district.clone())
            .collect();
        districts.sort();
        districts.dedup();
        let mut spoken: Vec<String> = all
            .iter()
            .flat_map(|o| o.languages.iter().cloned())
            .collect();
        spoken.sort();
        spoken.dedup();
        let search = fuzzy::Index::new(all.iter().map(|o| {
            let mut texts: Vec<&str> = Vec::new();
            for t in o.texts.by_lang.values() {
                texts.push(&t.title);
                texts.push(&t.description);
            }
            texts.push(&o.venue.name);
            texts.push(&o.provider_name);
            if let Some(d) = &o.venue.district {
                texts.push(d);
            }
            texts
        }));
        Index {
            entries: all,
            search,
            districts,
            spoken,
            fingerprint,
            offers_generation,
        }
    })
    .await
    .map_err(|e| AppError::Internal(format!("catalogue index: {e}")))
}

/// One published offer with its seats left.
pub async fn offer(app: &App, slug: &str, id: Uuid) -> Result<(Arc<Catalogue>, Offer)> {
    let c = catalogue(app, slug).await?;
    let o = c.get(id).cloned().ok_or(AppError::NotFound)?;
    Ok((c, o))
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
        .map(|(_, s)| crate::requests::local_text(s.start))
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
    kind: &str,
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
    NewMail {
        to: to.to_owned(),
        subject: lang.t_args(&format!("mail-reg-{kind}-subject"), &args),
        body_text: lang.t_args(&format!("mail-reg-{kind}-body"), &args),
        attachment: None,
    }
}

/// The mail telling someone from the waiting list that they have a place.
fn promoted_mail(o: &Offer, r: &Reg) -> Option<NewMail> {
    (!r.email.is_empty()).then(|| {
        reg_mail(
            o,
            &r.email,
            &r.lang,
            "promoted",
            &[("persons", r.persons.to_string())],
        )
    })
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
        "confirm",
        &[
            ("confirm", confirm),
            ("cancel", cancel),
            ("name", d.name.clone()),
            ("persons", d.persons.to_string()),
        ],
    );
    let id = offers::create_registration(
        &app.db,
        tenant.id,
        &offers::NewRegistration {
            offer_id,
            draft: &d,
            token_hash: crate::auth::token_hash(&token),
        },
        now,
        &[mail],
    )
    .await?;
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
    let key = format!("register-mail:{}", crate::auth::token_hash(email));
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
        .map(crate::requests::local_text)
        .unwrap_or_default();
    let mail = |st: RegStatus, pos: Option<u32>| {
        let kind = match st {
            RegStatus::Confirmed => "confirmed",
            RegStatus::Waitlisted => "waitlisted",
            RegStatus::Entered => "entered",
            _ => return None,
        };
        Some(reg_mail(
            &o,
            &reg.email,
            &reg.lang,
            kind,
            &[
                ("cancel", cancel.clone()),
                ("position", pos.unwrap_or(0).to_string()),
                ("lottery", lottery_at.clone()),
                ("persons", reg.persons.to_string()),
            ],
        ))
    };
    let out = offers::confirm(&app.db, &reg, app.now(), &mail).await?;
    changed(app);
    Ok((reg, o, out))
}

/// Follows the cancellation link: the whole registration or one child; freed seats go
/// to the first on the waiting list, who are told in their language.
pub async fn cancel(app: &App, token: &str, release: Release) -> Result<(Reg, Offer, Cancelled)> {
    let (reg, o) = by_token(app, token).await?;
    if let Release::Child(i) = release
        && i >= reg.children.len()
    {
        return Err(AppError::Invalid(mittler_domain::FieldErrors::single(
            "child",
            "out-of-range",
        )));
    }
    // Written only when the whole registration ends (also by its last child).
    let own =
        (!reg.email.is_empty()).then(|| reg_mail(&o, &reg.email, &reg.lang, "cancelled", &[]));
    let promoted = |r: &Reg| promoted_mail(&o, r);
    let out = offers::cancel(&app.db, &reg, release, app.now(), own, &promoted)
        .await
        .map_err(|e| match e {
            mittler_db::DbError::Conflict(_) => {
                AppError::Invalid(mittler_domain::FieldErrors::single("child", "out-of-range"))
            }
            other => other.into(),
        })?;
    changed(app);
    Ok((reg, o, out))
}

/// Gives seats freed by a larger capacity to the waiting list, telling each in their
/// language.
pub async fn fill_from_waitlist(app: &App, tenant: Uuid, offer_id: Uuid) -> Result<usize> {
    let o = offers::get(&app.db, tenant, offer_id).await?;
    let promoted = |r: &Reg| promoted_mail(&o, r);
    let up = offers::fill_from_waitlist(&app.db, tenant, offer_id, app.now(), &promoted).await?;
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
    let run = |capacity: u32, entries: &[Reg]| {
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
        let d = lottery::draw(capacity, &quotas, &e, seed);
        (d.winners, d.waitlist)
    };
    let mail = |r: &Reg, st: RegStatus, pos: Option<u32>| {
        let kind = if st == RegStatus::Confirmed {
            "won"
        } else {
            "lost"
        };
        (!r.email.is_empty()).then(|| {
            reg_mail(
                &o,
                &r.email,
                &r.lang,
                kind,
                &[("position", pos.unwrap_or(0).to_string())],
            )
        })
    };
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
    let out = offers::draw(&app.db, tenant, offer_id, stored, now, &run, &mail, &entry).await?;
    changed(app);
    Ok(out)
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
