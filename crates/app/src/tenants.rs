//! Tenants: created from the command line.

use crate::{App, AppError, Result};
use mittler_db::tenants::{self, Tenant};
use mittler_domain::FieldErrors;

/// A slug is what URLs of the public catalogue carry: lower-case letters, digits, dashes.
pub fn valid_slug(slug: &str) -> bool {
    (2..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

pub async fn add(app: &App, slug: &str, name: &str) -> Result<Tenant> {
    let mut e = FieldErrors::new();
    if !valid_slug(slug) {
        e.add("slug", "invalid");
    }
    let name = mittler_domain::validation::required_text(&mut e, "name", name, 200);
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    Ok(tenants::create(&app.db, slug, &name, app.now()).await?)
}

/// A tenant by its id (for pages reached by a mailed link, which name their centre).
pub async fn get(app: &App, id: uuid::Uuid) -> Result<Tenant> {
    Ok(tenants::get(&app.db, id).await?)
}

/// The installation's own tenant (users of no centre: `state`, `superadmin`).
pub async fn installation(app: &App) -> Result<Tenant> {
    Ok(tenants::installation(&app.db, app.now()).await?)
}

pub async fn by_slug(app: &App, slug: &str) -> Result<Tenant> {
    tenants::by_slug(&app.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert!(super::valid_slug("essen"));
        assert!(super::valid_slug("kreis-lippe"));
        assert!(!super::valid_slug("Essen"));
        assert!(!super::valid_slug("-x"));
        assert!(!super::valid_slug("a"));
    }
}
