//! Offers for providers and the centre: the list and review, the offer form, the
//! registrations with attendance, the CSV export, messages to registrants, providers.

mod form;
mod providers;
mod registrations;

pub use form::*;
pub use providers::*;
pub use registrations::*;

use super::{Base, PageResult, fail, parse_id, render, require};
use crate::AppState;
use crate::extract::PageQuery;
use crate::extract::{CheckedForm, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use mittler_app::offers;
use mittler_app::offers::Offer;
use mittler_app::{Actor, AppError};
use mittler_domain::offer::{
    self as dom, Category, Event, OfferInput, ScheduleInput, Status, TargetGroup, TextInput,
};
use mittler_domain::registration::Status as RegStatus;
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "offers/list.html")]
struct ListPage {
    base: Base,
    /// (id, title, provider, status code, status label, seats, outdated languages)
    rows: Vec<(String, String, String, String, String, String, String)>,
    manages: bool,
    message: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    status: String,
    done: String,
}

/// `GET /offers`: the centre sees every offer (in review first), a provider its own.
pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let mut all = offers::list(&s.app, &a, Status::parse(&q.status))
        .await
        .map_err(fail(&ctx))?;
    all.sort_by_key(|o| (o.status != Status::InReview, o.first_start));
    let lang = ctx.lang;
    let rows = all
        .iter()
        .map(|o| {
            let outdated: Vec<&str> = o
                .texts
                .by_lang
                .keys()
                .filter(|l| o.texts.is_outdated(l))
                .map(String::as_str)
                .collect();
            (
                o.id.to_string(),
                o.texts
                    .german()
                    .map(|t| t.title.clone())
                    .unwrap_or_default(),
                o.provider_name.clone(),
                o.status.as_str().to_owned(),
                lang.t(&format!("offer-status-{}", o.status.as_str())),
                o.capacity.to_string(),
                outdated.join(", "),
            )
        })
        .collect();
    let page = ListPage {
        base: Base::new(&ctx, "nav-offers"),
        rows,
        manages: a.may(Action::RunCatalogue),
        message: (!q.done.is_empty()).then(|| lang.t("form-saved")),
    };
    Ok(render(&page))
}
