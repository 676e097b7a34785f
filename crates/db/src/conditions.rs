//! Filters that add only the conditions that are set: no catch-all `($n IS NULL OR …)`,
//! so each list's query is as narrow as its filter and can use its index.

use crate::UtcTs;
use uuid::Uuid;

/// A value bound to a condition.
pub(crate) enum Bind {
    Id(Uuid),
    Text(String),
    At(UtcTs),
}

/// `WHERE tenant_id = $1` and the conditions added after it, numbered from `$2`. Only
/// fixed fragments are joined; every value is bound.
pub(crate) struct Conditions {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl Conditions {
    pub fn of_tenant() -> Conditions {
        Conditions {
            sql: String::from(" WHERE tenant_id = $1"),
            binds: Vec::new(),
        }
    }

    /// Adds `AND {cond} $n` (`cond` ends with its operator, e.g. `"start_at >="`).
    pub fn add(&mut self, cond: &'static str, b: Bind) {
        self.binds.push(b);
        self.sql
            .push_str(&format!(" AND {cond} ${}", self.binds.len() + 1));
    }

    /// Adds the condition when the value is set.
    pub fn add_if<T>(&mut self, cond: &'static str, v: Option<T>, b: impl FnOnce(T) -> Bind) {
        if let Some(v) = v {
            self.add(cond, b(v));
        }
    }

    /// Adds "after this row in the order (start_at, id)" (keyset paging).
    pub fn add_after(&mut self, at: UtcTs, id: Uuid) {
        let n = self.binds.len() + 2;
        self.binds.push(Bind::At(at));
        self.binds.push(Bind::At(at));
        self.binds.push(Bind::Id(id));
        self.sql.push_str(&format!(
            " AND (start_at > ${n} OR (start_at = ${} AND id > ${}))",
            n + 1,
            n + 2
        ));
    }

    /// The number of the next placeholder.
    pub fn next(&self) -> usize {
        self.binds.len() + 2
    }
}

/// Binds the conditions' values to a query, in order.
macro_rules! bind_all {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds.iter() {
            q = match b {
                $crate::conditions::Bind::Id(u) => q.bind(*u),
                $crate::conditions::Bind::Text(s) => q.bind(s.clone()),
                $crate::conditions::Bind::At(t) => q.bind(*t),
            };
        }
        q
    }};
}
pub(crate) use bind_all;
