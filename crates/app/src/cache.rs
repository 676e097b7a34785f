//! Per-tenant caches of what matching reads on every call (the mediator pool, the places),
//! checked against a cheap fingerprint query so that a change anywhere, also by another
//! instance, is seen at once.

use crate::{App, Result};
use mittler_db::UtcTs;
use mittler_domain::institution::Institution;
use mittler_domain::matching::Point;
use mittler_domain::mediator::Mediator;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

type Fingerprint = (i64, Option<UtcTs>);
type Entries<T> = Mutex<HashMap<Uuid, (Fingerprint, Arc<T>)>>;

#[derive(Default)]
pub struct Cache {
    pool: Entries<Vec<Mediator>>,
    places: Entries<HashMap<Uuid, Point>>,
    institutions: Entries<Vec<Institution>>,
}

/// Forgets the tenant's entries in every instance after a change (the fingerprint
/// catches a change whose message was lost).
pub fn forget(app: &App, tenant: Uuid) {
    crate::bus::publish(app, crate::bus::Message::Pool(tenant));
}

impl Cache {
    /// Forgets the tenant's entries in this instance.
    pub(crate) fn forget_here(&self, tenant: Uuid) {
        if let Ok(mut m) = self.pool.lock() {
            m.remove(&tenant);
        }
        if let Ok(mut m) = self.places.lock() {
            m.remove(&tenant);
        }
        if let Ok(mut m) = self.institutions.lock() {
            m.remove(&tenant);
        }
    }
}

/// The entry of `tenant` if its fingerprint is still `fp`, else what `load` reads (kept).
async fn cached<T>(
    entries: &Entries<T>,
    tenant: Uuid,
    fp: Fingerprint,
    load: impl Future<Output = Result<T>>,
) -> Result<Arc<T>> {
    if let Ok(map) = entries.lock()
        && let Some((f, v)) = map.get(&tenant)
        && *f == fp
    {
        return Ok(v.clone());
    }
    let fresh = Arc::new(load.await?);
    if let Ok(mut map) = entries.lock() {
        map.insert(tenant, (fp, fresh.clone()));
    }
    Ok(fresh)
}

/// The tenant's mediators (all, active or not), sorted by name.
pub async fn pool(app: &App, tenant: Uuid) -> Result<Arc<Vec<Mediator>>> {
    let fp = mittler_db::mediators::fingerprint(&app.db, tenant).await?;
    cached(&app.cache.pool, tenant, fp, async {
        Ok(mittler_db::mediators::list(&app.db, tenant).await?)
    })
    .await
}

/// The tenant's institutions (all, active or not) with their active places, sorted by
/// name: the request lists name them on every load.
pub async fn institutions(app: &App, tenant: Uuid) -> Result<Arc<Vec<Institution>>> {
    let fp = mittler_db::institutions::fingerprint(&app.db, tenant).await?;
    cached(&app.cache.institutions, tenant, fp, async {
        Ok(mittler_db::institutions::list(&app.db, tenant).await?)
    })
    .await
}

/// The coordinates of every place of the tenant.
pub async fn places(app: &App, tenant: Uuid) -> Result<Arc<HashMap<Uuid, Point>>> {
    let fp = mittler_db::institutions::fingerprint(&app.db, tenant).await?;
    cached(&app.cache.places, tenant, fp, async {
        Ok(institutions(app, tenant)
            .await?
            .iter()
            .flat_map(|i| {
                i.places.iter().map(|p| {
                    (
                        p.id,
                        Point {
                            lat: p.lat,
                            lon: p.lon,
                        },
                    )
                })
            })
            .collect())
    })
    .await
}
