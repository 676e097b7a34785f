//! The request lists: only the conditions that are set, in the order of start and id,
//! a page after a given request.

use super::*;

/// Which requests to list; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub status: Option<Status>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub language: Option<String>,
    pub sector: Option<String>,
    /// Only those after this one in the list's order (start, id): the next page.
    pub after: Option<(Timestamp, Uuid)>,
}

pub async fn list(db: &Db, tenant: Uuid, f: &Filter, limit: i64) -> Result<Vec<RequestRow>> {
    use crate::conditions::{Bind, Conditions, bind_all};
    let mut c = Conditions::of_tenant();
    c.add_if("institution_id =", f.institution_id, Bind::Id);
    c.add_if("mediator_id =", f.mediator_id, Bind::Id);
    c.add_if(
        "status =",
        f.status.map(|s| s.as_str().to_owned()),
        Bind::Text,
    );
    c.add_if("start_at >=", f.from.map(UtcTs), Bind::At);
    c.add_if("start_at <", f.to.map(UtcTs), Bind::At);
    c.add_if("language =", f.language.clone(), Bind::Text);
    c.add_if("sector =", f.sector.clone(), Bind::Text);
    if let Some((at, id)) = f.after {
        c.add_after(UtcTs(at), id);
    }
    let q = format!(
        "SELECT {COLUMNS} FROM requests{} ORDER BY start_at, id LIMIT ${}",
        c.sql,
        c.next()
    );
    let rows = with_pool!(db, p => {
        let q = sqlx::query_as(sqlx::AssertSqlSafe(q.clone())).bind(tenant);
        bind_all!(q, c.binds).bind(limit).fetch_all(p).await
    })?;
    RequestRow::all_opened(rows, &db.sealer())
}
