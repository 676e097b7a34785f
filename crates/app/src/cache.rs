//! Per-tenant caches of what matching reads on every call (the mediator pool, the places),
//! checked against a cheap fingerprint query so that a change anywhere, also by another
//! instance, is seen at once.

use crate::{App, Result};
use mittler_db::UtcTs;
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
    }
}

/// The tenant's mediators (all, active or not), sorted by name.
pub async fn pool(app: &App, tenant: Uuid) -> Result<Arc<Vec<Mediator>>> {
    let fp = mittler_db::mediators::fingerprint(&app.db, tenant).await?;
    if let Ok(map) = app.cache.pool.lock()
        && let Some((f, v)) = map.get(&tenant)
        && *f == fp
    {
        return Ok(v.clone());
    }
    let fresh = Arc::new(mittler_db::mediators::list(&app.db, tenant).await?);
    if let Ok(mut map) = app.cache.pool.lock() {
        map.insert(tenant, (fp, fresh.clone()));
    }
    Ok(fresh)
}

/// The coordinates of every place of the tenant.
pub async fn places(app: &App, tenant: Uuid) -> Result<Arc<HashMap<Uuid, Point>>> {
    let fp = mittler_db::institutions::fingerprint(&app.db, tenant).await?;
    if let Ok(map) = app.cache.places.lock()
        && let Some((f, v)) = map.get(&tenant)
        && *f == fp
    {
        return Ok(v.clone());
    }
    let fresh: HashMap<Uuid, Point> = mittler_db::institutions::list(&app.db, tenant)
        .await?
        .into_iter()
        .flat_map(|i| {
            i.places.into_iter().map(|p| {
                (
                    p.id,
                    Point {
                        lat: p.lat,
                        lon: p.lon,
                    },
                )
            })
        })
        .collect();
    let fresh = Arc::new(fresh);
    if let Ok(mut map) = app.cache.places.lock() {
        map.insert(tenant, (fp, fresh.clone()));
    }
    Ok(fresh)
}
