//! The mediator's secret calendar feed: subscribe in Outlook or on the phone, renew or revoke.

use super::{Base, PageResult, fail, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::calendar;
use mittler_domain::Action;

#[derive(Template)]
#[template(path = "me/calendar.html")]
struct CalendarPage {
    base: Base,
    active: bool,
    url: Option<String>,
}

pub async fn page(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::ServeAsMediator)?;
    let active = calendar::has_feed(&s.app, &a).await.map_err(fail(&ctx))?;
    Ok(render(&CalendarPage {
        base: Base::new(&ctx, "calendar-title"),
        active,
        url: None,
    }))
}

use super::CsrfForm;

pub async fn renew(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    let token = calendar::renew_feed(&s.app, &a).await.map_err(fail(&ctx))?;
    let url = format!("{}/calendar/{token}.ics", s.app.public_url);
    Ok(render(&CalendarPage {
        base: Base::new(&ctx, "calendar-title"),
        active: true,
        url: Some(url),
    }))
}

pub async fn revoke(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(_): CheckedForm<CsrfForm>,
) -> PageResult {
    calendar::revoke_feed(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/me/calendar").into_response())
}

/// The feed itself: whoever holds the secret address may read it (calendar apps cannot sign in).
pub async fn feed(State(s): State<AppState>, Path(token): Path<String>) -> Response {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    match calendar::feed(&s.app, token).await {
        Ok(ics) => (
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            ics,
        )
            .into_response(),
        Err(_) => (axum::http::StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
