//! What a coordinator's desk and the day planner ask of the requests: what needs a hand,
//! which days have open requests, who already said no.

use super::*;

/// What needs a coordinator's hand (the home page's desk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    /// Open or invited, starting within the next 48 hours.
    Unstaffed,
    /// Invited, with an open invitation running out within 24 hours.
    Expiring,
    /// A time sheet waits for the institution's confirmation.
    Timesheets,
    /// A time sheet was disputed.
    Disputes,
}

impl Attention {
    pub const ALL: [Attention; 4] = [
        Attention::Unstaffed,
        Attention::Expiring,
        Attention::Timesheets,
        Attention::Disputes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attention::Unstaffed => "unstaffed",
            Attention::Expiring => "expiring",
            Attention::Timesheets => "timesheets",
            Attention::Disputes => "disputes",
        }
    }

    pub fn parse(s: &str) -> Option<Attention> {
        Attention::ALL.into_iter().find(|n| n.as_str() == s)
    }

    /// The condition (on `requests`) and whether it uses `$2`/`$3` (now, a bound).
    fn condition(self) -> &'static str {
        match self {
            Attention::Unstaffed => {
                "status IN ('open', 'invited') AND start_at >= $2 AND start_at < $3"
            }
            Attention::Expiring => {
                "status = 'invited' AND EXISTS (SELECT 1 FROM invitations i WHERE i.tenant_id = requests.tenant_id \
                 AND i.request_id = requests.id AND i.status = 'open' AND i.expires_at >= $2 AND i.expires_at < $3)"
            }
            Attention::Timesheets => "ts_status = 'submitted' AND $2 = $2 AND $3 = $3",
            Attention::Disputes => "ts_status = 'disputed' AND $2 = $2 AND $3 = $3",
        }
    }

    /// The window after `now` the need looks at.
    fn until(self, now: Timestamp) -> Timestamp {
        let hours = match self {
            Attention::Unstaffed => 48,
            Attention::Expiring => 24,
            Attention::Timesheets | Attention::Disputes => 0,
        };
        now.checked_add(jiff::SignedDuration::from_hours(hours))
            .unwrap_or(now)
    }
}

/// The requests of a need, soonest first.
pub async fn needing(
    db: &Db,
    tenant: Uuid,
    need: Attention,
    now: Timestamp,
) -> Result<Vec<RequestRow>> {
    let q = format!(
        "SELECT {COLUMNS} FROM requests WHERE tenant_id = $1 AND {} ORDER BY start_at, id LIMIT 500",
        need.condition()
    );
    let rows = with_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(q)).bind(tenant).bind(UtcTs(now))
        .bind(UtcTs(need.until(now))).fetch_all(p).await)?;
    RequestRow::all_opened(rows, &db.sealer())
}

/// How many requests each need has, in the order of `Attention::ALL`.
pub async fn desk(db: &Db, tenant: Uuid, now: Timestamp) -> Result<Vec<(Attention, i64)>> {
    let mut out = Vec::new();
    for need in Attention::ALL {
        let q = format!(
            "SELECT COUNT(*) FROM requests WHERE tenant_id = $1 AND {}",
            need.condition()
        );
        let n: i64 = with_pool!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(q)).bind(tenant)
            .bind(UtcTs(now)).bind(UtcTs(need.until(now))).fetch_one(p).await)?;
        out.push((need, n));
    }
    Ok(out)
}

/// Open requests per local date from `from` (inclusive) to `to` (exclusive), for the
/// day planner's choice of days: (date, count).
pub async fn open_days(db: &Db, tenant: Uuid, from: &str, to: &str) -> Result<Vec<(String, i64)>> {
    let q = "SELECT local_date, COUNT(*) FROM requests WHERE tenant_id = $1 AND status = 'open' \
             AND local_date >= $2 AND local_date < $3 GROUP BY local_date ORDER BY local_date";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(from).bind(to).fetch_all(p).await)?)
}

/// Who already said no to requests of a local date: (request, mediator) for each
/// declined invitation and each drop-out. The planner does not propose them again.
pub async fn refusals_on(db: &Db, tenant: Uuid, local_date: &str) -> Result<Vec<(Uuid, Uuid)>> {
    let q = "SELECT i.request_id, i.mediator_id FROM invitations i JOIN requests r \
             ON r.tenant_id = i.tenant_id AND r.id = i.request_id \
             WHERE i.tenant_id = $1 AND r.local_date = $2 AND i.status = 'declined' \
             UNION SELECT h.request_id, h.mediator_id FROM request_history h JOIN requests r \
             ON r.tenant_id = h.tenant_id AND r.id = h.request_id \
             WHERE h.tenant_id = $1 AND r.local_date = $2 AND h.event = 'drop_out' AND h.mediator_id IS NOT NULL";
    Ok(with_pool!(db, p => sqlx::query_as(q).bind(tenant).bind(local_date).fetch_all(p).await)?)
}
