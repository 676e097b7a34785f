//! User accounts: who signs in, with which role, linked to what.

use crate::Role;
use crate::validation::{self, FieldErrors, Validated};
use serde::Serialize;
use uuid::Uuid;

/// The interface languages.
pub const UI_LANGS: [&str; 7] = ["de", "en", "ar", "fa", "uk", "ru", "tr"];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub lang: String,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    pub active: bool,
}

#[derive(Clone, PartialEq, Default)]
pub struct UserInput {
    pub email: String,
    pub name: String,
    pub role: String,
    pub password: String,
    pub lang: Option<String>,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
}

#[derive(Clone, PartialEq)]
pub struct UserDraft {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password: String,
    pub lang: String,
    pub institution_id: Option<Uuid>,
    pub mediator_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
}

/// Never prints the password: inputs end up in logs and error messages.
impl std::fmt::Debug for UserInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserInput")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("password", &"[redacted]")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Never prints the password.
impl std::fmt::Debug for UserDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserDraft")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("password", &"[redacted]")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Minimum length of a password (ASVS 5.0: at least 8, we ask for 12).
pub const MIN_PASSWORD: usize = 12;
/// The lowest strength (zxcvbn's score, 0-4) a new password may have.
pub const MIN_STRENGTH: u8 = 3;

/// Leaked passwords of 10 or more characters, lower case (shorter ones fail on length).
const COMMON: &str = include_str!("../data/common-passwords.txt");

/// Whether a password is in the bundled list of common passwords (case ignored).
pub fn is_common_password(password: &str) -> bool {
    let p = password.trim().to_lowercase();
    COMMON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l == p)
}

/// Checks a new password: 12 to 128 characters, not a common one, and strong enough for
/// a strength estimator that also knows the account's own words (`inputs`: e-mail, name).
pub fn check_password(errors: &mut FieldErrors, field: &str, password: &str) {
    check_new_password(errors, field, password, &[]);
}

pub fn check_new_password(errors: &mut FieldErrors, field: &str, password: &str, inputs: &[&str]) {
    let n = password.chars().count();
    if n == 0 {
        errors.add(field, "required");
    } else if n < MIN_PASSWORD {
        errors.add(field, "too-short");
    } else if n > 128 {
        errors.add(field, "too-long");
    } else if is_common_password(password) {
        errors.add(field, "common-password");
    } else {
        // The account's own words (parts of the e-mail and name) count for nothing: the
        // estimator judges what is left without them.
        let mut rest = password.to_lowercase();
        for w in inputs
            .iter()
            .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 3)
        {
            rest = rest.replace(&w.to_lowercase(), "");
        }
        if rest.chars().count() < MIN_PASSWORD / 2
            || u8::from(zxcvbn::zxcvbn(&rest, &[]).score()) < MIN_STRENGTH
        {
            errors.add(field, "weak-password");
        }
    }
}

impl UserInput {
    pub fn validate(&self) -> Validated<UserDraft> {
        let mut e = FieldErrors::new();
        let email = validation::email(&mut e, "email", &self.email);
        let name = validation::required_text(&mut e, "name", &self.name, 200);
        let role = Role::parse(self.role.trim());
        if role.is_none() {
            e.add(
                "role",
                if self.role.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        check_new_password(
            &mut e,
            "password",
            &self.password,
            &[&self.email, &self.name],
        );
        let lang = self.lang.clone().unwrap_or_else(|| "de".into());
        if !UI_LANGS.contains(&lang.as_str()) {
            e.add("lang", "invalid");
        }
        // Each linked role needs its link, and no other role may carry one.
        let links = [
            (
                Role::Institution,
                "institution_id",
                self.institution_id.is_some(),
            ),
            (Role::Mediator, "mediator_id", self.mediator_id.is_some()),
            (Role::Provider, "provider_id", self.provider_id.is_some()),
        ];
        if let Some(role) = role {
            for (r, field, present) in links {
                if r == role && !present {
                    e.add(field, "required");
                } else if r != role && present {
                    e.add(field, "not-allowed");
                }
            }
        }
        let draft = UserDraft {
            email,
            name,
            role: role.unwrap_or(Role::State),
            password: self.password.clone(),
            lang,
            institution_id: self.institution_id,
            mediator_id: self.mediator_id,
            provider_id: self.provider_id,
        };
        e.finish(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn password_error(p: &str, inputs: &[&str]) -> Option<String> {
        let mut e = FieldErrors::new();
        check_new_password(&mut e, "password", p, inputs);
        e.get("password").map(str::to_owned)
    }

    #[test]
    fn weak_and_common_passwords_are_refused() {
        assert_eq!(
            password_error("password1234", &[]).as_deref(),
            Some("common-password")
        );
        assert_eq!(
            password_error("PassWord1234", &[]).as_deref(),
            Some("common-password")
        );
        assert_eq!(
            password_error("aaaaaaaaaaaaaaaa", &[]).as_deref(),
            Some("weak-password")
        );
        assert_eq!(
            password_error("abcdefgh12345678", &[]).as_deref(),
            Some("weak-password")
        );
        // The account's own words do not make a password.
        assert_eq!(
            password_error(
                "amira.haddad2026",
                &["amira.haddad@ki-essen.test", "Amira Haddad"]
            )
            .as_deref(),
            Some("weak-password")
        );
        assert_eq!(password_error("short", &[]).as_deref(), Some("too-short"));
        assert_eq!(password_error("correct horse battery staple", &[]), None);
        assert_eq!(password_error("Tigrinya-Tram-Linie-107", &[]), None);
        // The demo's password (shown on its sign-in page) passes for every demo account.
        assert_eq!(
            password_error(
                "demo-kaffee-tram-2026",
                &["koordination@essen.example", "Koordination Essen"]
            ),
            None
        );
    }

    #[test]
    fn institution_user_needs_institution() {
        let i = UserInput {
            email: "a@example.org".into(),
            name: "A".into(),
            role: "institution".into(),
            password: "long enough password".into(),
            ..Default::default()
        };
        assert_eq!(
            i.validate().unwrap_err().get("institution_id"),
            Some("required")
        );
        let ok = UserInput {
            institution_id: Some(Uuid::nil()),
            ..i.clone()
        };
        assert!(ok.validate().is_ok());
        let bad = UserInput {
            mediator_id: Some(Uuid::nil()),
            ..ok
        };
        assert_eq!(
            bad.validate().unwrap_err().get("mediator_id"),
            Some("not-allowed")
        );
    }

    #[test]
    fn debug_never_prints_the_password() {
        let input = UserInput {
            email: "a@example.org".into(),
            name: "A".into(),
            role: "admin".into(),
            password: "correct horse battery".into(),
            ..Default::default()
        };
        let draft = input.validate().unwrap();
        for text in [
            format!("{input:?}"),
            format!("{draft:?}"),
            format!("{input:#?}"),
        ] {
            assert!(!text.contains("correct horse"), "{text}");
            assert!(
                text.contains("[redacted]") && text.contains("a@example.org"),
                "{text}"
            );
        }
    }

    #[test]
    fn short_password_and_unknown_role() {
        let i = UserInput {
            email: "a@example.org".into(),
            name: "A".into(),
            role: "root".into(),
            password: "short".into(),
            ..Default::default()
        };
        let e = i.validate().unwrap_err();
        assert_eq!(e.get("role"), Some("invalid"));
        assert_eq!(e.get("password"), Some("too-short"));
    }
}
