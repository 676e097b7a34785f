//! Mails not sent yet or failed: admins see them, with the last error.

use super::requests::local;
use super::{Base, PageResult, fail, render, require};
use crate::AppState;
use crate::extract::SignedIn;
use askama::Template;
use axum::extract::State;
use mittler_domain::Action;

pub struct Row {
    created: String,
    to: String,
    subject: String,
    status: String,
    attempts: i32,
    error: String,
    next: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    base: Base,
    rows: Vec<Row>,
}

pub async fn list(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::ReadOutbox)?;
    let rows = mittler_app::mail::unsent(&s.app, &a, 200)
        .await
        .map_err(fail(&ctx))?
        .into_iter()
        .map(|m| Row {
            created: local(m.created_at.0),
            to: m.to_addr,
            subject: m.subject,
            status: ctx.lang.t(&format!("outbox-{}", m.status)),
            attempts: m.attempts,
            error: m.last_error.unwrap_or_default(),
            next: local(m.next_attempt_at.0),
        })
        .collect();
    Ok(render(&OutboxPage {
        base: Base::new(&ctx, "outbox-title"),
        rows,
    }))
}
