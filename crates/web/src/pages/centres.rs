//! The installation's centres (superadmins): the list, and a form that adds a centre
//! with its first administrator. Nothing inside a centre shows here.

use super::{Base, PageResult, fail, field_error, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, PageQuery, SignedIn};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mittler_app::centres::{self, NewCentre};
use mittler_app::{Actor, AppError};
use mittler_domain::{Action, FieldErrors};
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CentreForm {
    csrf: String,
    slug: String,
    name: String,
    admin_email: String,
    admin_name: String,
    admin_password: String,
    /// The name of the centre just added (after the redirect).
    added: String,
}

pub struct Field {
    name: &'static str,
    label: String,
    value: String,
    kind: &'static str,
    err: Option<String>,
}

pub struct Row {
    slug: String,
    name: String,
    users: i64,
    shares: String,
    created: String,
}

#[derive(Template)]
#[template(path = "centres.html")]
struct CentresPage {
    base: Base,
    rows: Vec<Row>,
    fields: Vec<Field>,
    has_errors: bool,
    added: Option<String>,
}

async fn page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    f: &CentreForm,
    e: &FieldErrors,
) -> Result<CentresPage, super::PageError> {
    let l = ctx.lang;
    let rows = centres::list(&s.app, a)
        .await
        .map_err(fail(ctx))?
        .into_iter()
        .map(|c| Row {
            slug: c.slug,
            name: c.name,
            users: c.users,
            shares: l.t(if c.share_figures { "yes" } else { "no" }),
            created: c
                .created_at
                .0
                .to_zoned(mittler_app::local_time::zone())
                .strftime("%d.%m.%Y")
                .to_string(),
        })
        .collect();
    let field = |name: &'static str, key: &str, value: &str, kind: &'static str| Field {
        name,
        label: l.t(key),
        value: value.to_owned(),
        kind,
        err: field_error(l, e, name),
    };
    Ok(CentresPage {
        base: Base::new(ctx, "centres-title"),
        rows,
        fields: vec![
            field("slug", "centres-slug", &f.slug, "text"),
            field("name", "centres-name", &f.name, "text"),
            field(
                "admin_email",
                "centres-admin-email",
                &f.admin_email,
                "email",
            ),
            field("admin_name", "centres-admin-name", &f.admin_name, "text"),
            // A password is never shown again.
            field("admin_password", "centres-admin-password", "", "password"),
        ],
        has_errors: !e.is_empty(),
        added: (!f.added.trim().is_empty())
            .then(|| l.t_args("centres-added", &[("name", f.added.trim().to_owned())])),
    })
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<CentreForm>,
) -> PageResult {
    require(&ctx, &a, Action::ManageCentres)?;
    let f = CentreForm {
        added: q.added,
        ..Default::default()
    };
    Ok(render(&page(&s, &ctx, &a, &f, &FieldErrors::new()).await?))
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<CentreForm>,
) -> PageResult {
    require(&ctx, &a, Action::ManageCentres)?;
    let c = NewCentre {
        slug: f.slug.clone(),
        name: f.name.clone(),
        admin_email: f.admin_email.clone(),
        admin_name: f.admin_name.clone(),
        admin_password: f.admin_password.clone(),
    };
    let result = centres::create(&s.app, &a, &c).await.map_err(|e| match e {
        AppError::Taken(field) => AppError::Invalid(FieldErrors::single(field, "taken")),
        other => other,
    });
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/centres?added={}",
            super::encode_query(f.name.trim())
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let p = page(
                &s,
                &ctx,
                &a,
                &CentreForm {
                    added: String::new(),
                    ..f
                },
                &e,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
