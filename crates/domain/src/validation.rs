//! Field-level validation errors, shared by every form and API body.

use std::collections::BTreeMap;

/// Which fields of an input are invalid and why. The reason is a short code
/// (`required`, `too-long`, `invalid`, ...) that the web layer translates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, &'static str>);

/// The result of validating an input: the clean value or every field error.
pub type Validated<T> = Result<T, FieldErrors>;

/// A reason a person must give (an erasure, a cancelled invoice): trimmed, required, at
/// most 500 characters; an error names the field `reason`.
pub fn required_reason(reason: &str) -> Validated<&str> {
    let r = reason.trim();
    if r.is_empty() {
        Err(FieldErrors::single("reason", "required"))
    } else if r.chars().count() > 500 {
        Err(FieldErrors::single("reason", "too-long"))
    } else {
        Ok(r)
    }
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: impl Into<String>, reason: &'static str) -> Self {
        let mut e = Self::new();
        e.add(field, reason);
        e
    }

    /// Records the first reason for a field; later reasons for the same field are dropped.
    pub fn add(&mut self, field: impl Into<String>, reason: &'static str) {
        self.0.entry(field.into()).or_insert(reason);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.get(field).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// `Ok(value)` when no error was recorded.
    pub fn finish<T>(self, value: T) -> Validated<T> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    pub fn merge_prefixed(&mut self, prefix: &str, other: FieldErrors) {
        for (k, v) in other.0 {
            self.add(format!("{prefix}.{k}"), v);
        }
    }
}

/// Trims and checks a required text of at most `max` characters.
pub fn required_text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.add(field, "required");
    } else if v.chars().count() > max {
        errors.add(field, "too-long");
    }
    v.to_owned()
}

/// A phone number as people write it (digits, spaces, `+-/()`), at most 40 characters;
/// empty is allowed.
pub fn phone(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let phone = value.trim().to_owned();
    if phone.chars().count() > 40
        || !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
    {
        errors.add(field, "invalid-phone");
    }
    phone
}

/// Trims an optional text; empty becomes `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    if v.chars().count() > max {
        errors.add(field, "too-long");
    }
    Some(v.to_owned())
}

/// A plausible e-mail address: one `@`, something before, a dot after, no spaces.
pub fn email(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let v = value.trim().to_lowercase();
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.chars().any(char::is_whitespace)
                && v.len() <= 254
        }
        None => false,
    };
    if v.is_empty() {
        errors.add(field, "required");
    } else if !ok {
        errors.add(field, "invalid-email");
    }
    v
}

/// The mailbox an address delivers to, for per-mailbox limits: lower case, without a
/// `+tag` in the local part (`mina+1@example.org` and `Mina+2@example.org` are one).
pub fn mailbox(email: &str) -> String {
    let v = email.trim().to_lowercase();
    match v.split_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => v,
    }
}

/// Whether a word of a text looks like a link (`https://…`, `www.…`, `evil.example/x`).
pub fn looks_like_link(word: &str) -> bool {
    let w = word.to_lowercase();
    if w.contains("://") || w.starts_with("www.") || w.contains('@') {
        return true;
    }
    // A dotted name with a top-level part of two or more letters: example.org, bit.ly/x.
    let host = w.split('/').next().unwrap_or(&w);
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty())
        && parts
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A person's name as it may appear in a mail the centre sends: one line, no links,
/// at most 100 characters.
pub fn mail_safe_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty() && !looks_like_link(w))
        .collect();
    words.join(" ").chars().take(100).collect()
}

/// A person's name: required, one line, no links.
pub fn person_name(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let v = required_text(errors, field, value, max);
    if v.contains(['\n', '\r']) || v.split_whitespace().any(looks_like_link) {
        errors.add(field, "name-link");
    }
    v
}

/// Latitude and longitude in degrees, inside the valid ranges.
pub fn coordinates(errors: &mut FieldErrors, prefix: &str, lat: f64, lon: f64) {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        errors.add(format!("{prefix}lat"), "out-of-range");
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        errors.add(format!("{prefix}lon"), "out-of-range");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailboxes_ignore_tags_and_case() {
        assert_eq!(mailbox("Mina+1@Example.org"), "mina@example.org");
        assert_eq!(mailbox("mina@example.org"), "mina@example.org");
        assert_eq!(mailbox("a+b+c@x.de"), "a@x.de");
    }

    #[test]
    fn names_in_mails_are_one_line_without_links() {
        assert_eq!(
            mail_safe_name(
                "Mina\n\nIhr Konto ist gesperrt: https://evil.example/login www.evil.example bit.ly/x"
            ),
            "Mina Ihr Konto ist gesperrt:"
        );
        assert_eq!(
            mail_safe_name("Dr. Amal Haddad-Nour"),
            "Dr. Amal Haddad-Nour"
        );
        assert_eq!(mail_safe_name("Ольга Ковальчук"), "Ольга Ковальчук");
        assert!(looks_like_link("evil.example"));
        assert!(!looks_like_link("Dr."));
        assert!(!looks_like_link("St.Pauli2"));
    }

    #[test]
    fn email_rules() {
        let mut e = FieldErrors::new();
        assert_eq!(
            email(&mut e, "email", " A.B@Example.org "),
            "a.b@example.org"
        );
        assert!(e.is_empty());
        for bad in ["ab", "a@b", "@b.de", "a b@c.de", "a@.de", "a@b.de."] {
            let mut e = FieldErrors::new();
            email(&mut e, "email", bad);
            assert_eq!(e.get("email"), Some("invalid-email"), "{bad}");
        }
        let mut e = FieldErrors::new();
        email(&mut e, "email", "  ");
        assert_eq!(e.get("email"), Some("required"));
    }

    #[test]
    fn first_reason_wins() {
        let mut e = FieldErrors::new();
        e.add("x", "required");
        e.add("x", "too-long");
        assert_eq!(e.get("x"), Some("required"));
        assert_eq!(e.finish(()), Err(FieldErrors::single("x", "required")));
    }

    #[test]
    fn coordinates_in_range() {
        let mut e = FieldErrors::new();
        coordinates(&mut e, "home.", 91.0, f64::NAN);
        assert_eq!(e.get("home.lat"), Some("out-of-range"));
        assert_eq!(e.get("home.lon"), Some("out-of-range"));
    }
}
