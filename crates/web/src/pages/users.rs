//! Account pages for admins: list, create, change role, deactivate.

use super::{Base, PageResult, fail, field_error, parse_id, render, require};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, SignedIn};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mittler_app::users::UserPatch;
use mittler_app::{Actor, AppError, institutions, mediators, users};
use mittler_domain::Action;
use mittler_domain::user::{User, UserInput};
use mittler_domain::{FieldErrors, Role};
use serde::Deserialize;

pub struct Row {
    id: String,
    name: String,
    email: String,
    role: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "users/list.html")]
struct ListPage {
    base: Base,
    rows: Vec<Row>,
}

pub async fn list(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    let all = users::list(&s.app, &a).await.map_err(fail(&ctx))?;
    let rows = all
        .into_iter()
        .map(|u| Row {
            id: u.id.to_string(),
            role: ctx.lang.t(&format!("role-{}", u.role.as_str())),
            name: u.name,
            email: u.email,
            active: u.active,
        })
        .collect();
    Ok(render(&ListPage {
        base: Base::new(&ctx, "users-title"),
        rows,
    }))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct UserForm {
    csrf: String,
    email: String,
    name: String,
    role: String,
    password: String,
    lang: String,
    institution_id: String,
    mediator_id: String,
    provider_id: String,
    active: Option<String>,
}

#[derive(Template)]
#[template(path = "users/form.html")]
struct FormPage {
    base: Base,
    id: Option<String>,
    has_errors: bool,
    f: UserForm,
    errs: Vec<(&'static str, Option<String>)>,
    roles: Vec<(&'static str, String)>,
    langs: Vec<(&'static str, &'static str)>,
    institutions: Vec<(String, String)>,
    mediators: Vec<(String, String)>,
    providers: Vec<(String, String)>,
}

impl FormPage {
    fn err(&self, field: &str) -> Option<String> {
        self.errs
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, e)| e.clone())
    }
}

async fn form_page(
    s: &AppState,
    ctx: &PageCtx,
    a: &Actor,
    id: Option<String>,
    f: UserForm,
    e: &FieldErrors,
) -> Result<FormPage, super::PageError> {
    let lang = ctx.lang;
    let insts = institutions::list(&s.app, a, "", true)
        .await
        .map_err(fail(ctx))?;
    let meds = mediators::list(&s.app, a, "", true)
        .await
        .map_err(fail(ctx))?;
    let provs = mittler_app::offers::providers(&s.app, a)
        .await
        .map_err(fail(ctx))?;
    let fields = [
        "email",
        "name",
        "role",
        "password",
        "lang",
        "institution_id",
        "mediator_id",
        "provider_id",
        "active",
    ];
    Ok(FormPage {
        base: Base::new(
            ctx,
            if id.is_some() {
                "user-edit-title"
            } else {
                "user-new-title"
            },
        ),
        has_errors: !e.is_empty(),
        id,
        errs: fields
            .iter()
            .map(|k| (*k, field_error(lang, e, k)))
            .collect(),
        // A centre's administrator gives the centre's roles only.
        roles: Role::ALL
            .iter()
            .filter(|r| !r.installation_wide())
            .map(|r| (r.as_str(), lang.t(&format!("role-{}", r.as_str()))))
            .collect(),
        langs: crate::i18n::Lang::ALL
            .iter()
            .map(|l| (l.code(), l.autonym()))
            .collect(),
        institutions: insts
            .into_iter()
            .map(|i| (i.id.to_string(), i.name))
            .collect(),
        mediators: meds
            .into_iter()
            .map(|m| (m.id.to_string(), m.name))
            .collect(),
        providers: provs
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect(),
        f,
    })
}

fn uuid_field(v: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::parse_str(v.trim()).ok()
}

pub async fn new_form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::ManageUsers)?;
    let f = UserForm {
        lang: "de".into(),
        role: "coordinator".into(),
        ..Default::default()
    };
    Ok(render(
        &form_page(&s, &ctx, &a, None, f, &FieldErrors::new()).await?,
    ))
}

pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<UserForm>,
) -> PageResult {
    let input = UserInput {
        email: f.email.clone(),
        name: f.name.clone(),
        role: f.role.clone(),
        password: f.password.clone(),
        lang: Some(f.lang.clone()),
        institution_id: if f.role == "institution" {
            uuid_field(&f.institution_id)
        } else {
            None
        },
        mediator_id: if f.role == "mediator" {
            uuid_field(&f.mediator_id)
        } else {
            None
        },
        provider_id: if f.role == "provider" {
            uuid_field(&f.provider_id)
        } else {
            None
        },
    };
    match users::create(&s.app, &a, &input).await {
        Ok(_) => Ok(Redirect::to("/users").into_response()),
        Err(AppError::Invalid(e)) => {
            let f = UserForm {
                password: String::new(),
                ..f
            };
            let page = form_page(&s, &ctx, &a, None, f, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

fn form_of(u: &User) -> UserForm {
    UserForm {
        csrf: String::new(),
        email: u.email.clone(),
        name: u.name.clone(),
        role: u.role.as_str().into(),
        password: String::new(),
        lang: u.lang.clone(),
        institution_id: u.institution_id.map(|i| i.to_string()).unwrap_or_default(),
        mediator_id: u.mediator_id.map(|i| i.to_string()).unwrap_or_default(),
        provider_id: u.provider_id.map(|i| i.to_string()).unwrap_or_default(),
        active: u.active.then(|| "1".into()),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let u = users::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    require(&ctx, &a, Action::ManageUsers)?;
    Ok(render(
        &form_page(
            &s,
            &ctx,
            &a,
            Some(id.to_string()),
            form_of(&u),
            &FieldErrors::new(),
        )
        .await?,
    ))
}

pub async fn update(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<UserForm>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let patch = UserPatch {
        name: Some(f.name.clone()),
        role: Some(f.role.clone()),
        lang: Some(f.lang.clone()),
        active: Some(f.active.is_some()),
        institution_id: Some(uuid_field(&f.institution_id)),
        mediator_id: Some(uuid_field(&f.mediator_id)),
        provider_id: Some(uuid_field(&f.provider_id)),
    };
    match users::update(&s.app, &a, id, &patch).await {
        Ok(_) => Ok(Redirect::to("/users").into_response()),
        Err(AppError::Invalid(e)) => {
            let current = users::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
            let f = UserForm {
                email: current.email,
                ..f
            };
            let page = form_page(&s, &ctx, &a, Some(id.to_string()), f, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}
