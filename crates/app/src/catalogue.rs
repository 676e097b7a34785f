//! The public catalogue: published offers of a tenant, searched and filtered in memory.
//! Registering, confirming and cancelling are in the `registrations` module.
//!
//! The catalogue of a tenant is held in memory and rebuilt when this process changed an
//! offer or a registration, or after [`FRESH_FOR_SECS`] (for changes made by another
//! process). Seats themselves are always decided in the database under the offer's lock.

use crate::{App, AppError, Result};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use mittler_db::offers::{self, Offer, OfferFilter};
use mittler_db::tenants::Tenant;
use mittler_domain::fuzzy::{self, Query};
use mittler_domain::offer::{Category, Registration, Status, TargetGroup};
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

/// The catalogues held in memory, with what tells them stale.
#[derive(Default)]
pub(crate) struct Store {
    /// Public catalogues by tenant slug.
    catalogues: std::sync::Mutex<HashMap<String, Arc<Catalogue>>>,
    /// One refresh of a tenant's catalogue at a time.
    catalogue_locks: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Bumped by every change of an offer made by this process.
    offers_generation: std::sync::atomic::AtomicU64,
    /// Bumped by every change of offers or registrations made by this process.
    catalogue_generation: std::sync::atomic::AtomicU64,
}

/// Marks every catalogue in memory as stale, in every instance (after a change of seats).
pub fn changed(app: &App) {
    crate::bus::publish(app, crate::bus::Message::Catalogue { offers: false });
}

/// Marks every catalogue and its index as stale, in every instance (after a change of
/// an offer).
pub fn offers_changed(app: &App) {
    crate::bus::publish(app, crate::bus::Message::Catalogue { offers: true });
}

/// Marks this instance's catalogues (and with `offers` their indexes) as stale.
pub(crate) fn forget(app: &App, offers: bool) {
    if offers {
        app.catalogues
            .offers_generation
            .fetch_add(1, Ordering::SeqCst);
    }
    app.catalogues
        .catalogue_generation
        .fetch_add(1, Ordering::SeqCst);
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
            t.to_zoned(tz.get_or_init(crate::local_time::zone).clone())
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
    app.catalogues.catalogues.lock().ok()?.get(slug).cloned()
}

/// The tenant's catalogue, from memory when fresh. One request per tenant refreshes it
/// while the others keep being served the previous one; the search index is rebuilt only
/// when the offers changed (their count or latest change), the seats on every refresh.
pub async fn catalogue(app: &App, slug: &str) -> Result<Arc<Catalogue>> {
    let generation = app.catalogues.catalogue_generation.load(Ordering::SeqCst);
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
        .catalogues
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
    let generation = app.catalogues.catalogue_generation.load(Ordering::SeqCst);
    let old = cached(app, slug);
    if let Some(c) = &old
        && fresh(c, app.now(), generation)
    {
        return Ok(c.clone());
    }
    let tenant = crate::tenants::by_slug(app, slug).await?;
    let fingerprint = offers::fingerprint(&app.db, tenant.id).await?;
    let offers_generation = app.catalogues.offers_generation.load(Ordering::SeqCst);
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
    if let Ok(mut map) = app.catalogues.catalogues.lock() {
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
