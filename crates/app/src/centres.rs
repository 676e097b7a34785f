//! The installation's centres: a superadmin adds a centre and its first administrator,
//! and sees nothing inside any centre.

use crate::{Actor, App, AppError, Result};
use mittler_db::tenants::CentreRow;
use mittler_domain::user::UserInput;
use mittler_domain::{Action, FieldErrors};

/// A new centre and its first administrator.
#[derive(Debug, Clone, Default)]
pub struct NewCentre {
    pub slug: String,
    pub name: String,
    pub admin_email: String,
    pub admin_name: String,
    /// An initial password: the administrator must change it at the first sign-in.
    pub admin_password: String,
}

pub async fn list(app: &App, actor: &Actor) -> Result<Vec<CentreRow>> {
    actor.require(Action::ManageCentres)?;
    Ok(mittler_db::tenants::centres(&app.db).await?)
}

/// Adds the centre and its administrator; every wrong field is named at once.
pub async fn create(app: &App, actor: &Actor, c: &NewCentre) -> Result<uuid::Uuid> {
    actor.require(Action::ManageCentres)?;
    let admin = UserInput {
        email: c.admin_email.clone(),
        name: c.admin_name.clone(),
        role: "admin".into(),
        password: c.admin_password.clone(),
        ..Default::default()
    };
    // The administrator's fields are checked before the centre is made.
    let mut e = match admin.validate() {
        Ok(_) => FieldErrors::new(),
        Err(fe) => {
            let mut out = FieldErrors::new();
            for (k, r) in fe.iter() {
                let field = match k {
                    "email" => "admin_email",
                    "name" => "admin_name",
                    "password" => "admin_password",
                    other => other,
                };
                out.add(field, r);
            }
            out
        }
    };
    if !crate::tenants::valid_slug(c.slug.trim()) {
        e.add("slug", "invalid");
    }
    if c.name.trim().is_empty() {
        e.add("name", "required");
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let t = crate::tenants::add(app, c.slug.trim(), &c.name)
        .await
        .map_err(|e| match e {
            AppError::Conflict(_) => AppError::Taken("slug"),
            other => other,
        })?;
    crate::users::create_in(app, t.id, &admin, Some(actor)).await?;
    Ok(t.id)
}
