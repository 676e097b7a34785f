//! The audit log page: admins read, nobody changes.

use super::{Base, PageResult, fail, render};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::SignedIn;
use askama::Template;
use axum::extract::State;
use mittler_app::audit;
use serde::Deserialize;

const PER_PAGE: i64 = 100;

pub struct Row {
    at: String,
    actor: String,
    action: String,
    object: String,
    detail: String,
    address: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    base: Base,
    rows: Vec<Row>,
    page: i64,
    pages: i64,
    total: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AuditQuery {
    page: Option<String>,
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<AuditQuery>,
) -> PageResult {
    let page = q
        .page
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(0)
        .clamp(0, 1_000_000);
    let result = audit::list(&s.app, &a, page, PER_PAGE)
        .await
        .map_err(fail(&ctx))?;
    let tz = mittler_app::local_time::zone();
    let rows = result
        .rows
        .into_iter()
        .map(|r| Row {
            at: r
                .at
                .0
                .to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string(),
            actor: r.actor,
            action: ctx.lang.t(&format!("audit-{}", r.action)),
            object: {
                let kind = ctx.lang.t(&format!("object-{}", r.object_type));
                match r.object_id {
                    Some(id) => {
                        format!("{kind} {}", id.simple().to_string().get(..8).unwrap_or(""))
                    }
                    None => kind,
                }
            },
            detail: r.detail,
            address: r.address.unwrap_or_default(),
        })
        .collect();
    let pages = (result.total + PER_PAGE - 1) / PER_PAGE;
    Ok(render(&AuditPage {
        base: Base::new(&ctx, "audit-title"),
        rows,
        page,
        pages,
        total: result.total,
    }))
}
