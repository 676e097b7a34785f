//! Interface languages through Fluent: German first, English complete, Arabic right-to-left.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
    Ar,
    /// Farsi: the public catalogue only (staff pages offer the three above).
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::De, Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    /// Interface languages of the public catalogue.
    pub const PUBLIC: [Lang; 4] = [Lang::De, Lang::En, Lang::Ar, Lang::Fa];

    /// A language of the public catalogue's interface.
    pub fn parse_public(s: &str) -> Option<Lang> {
        Lang::PUBLIC.into_iter().find(|l| l.code() == s)
    }

    /// Writing direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "rtl",
            _ => "ltr",
        }
    }

    /// How items of a list are joined (the Arabic comma in Arabic script).
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "، ",
            _ => ", ",
        }
    }

    /// The language's own name, for the switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::De => langid!("de"),
            Lang::En => langid!("en"),
            Lang::Ar => langid!("ar"),
            Lang::Fa => langid!("fa"),
        }
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .map(|tag| tag.trim().to_ascii_lowercase())
            .find_map(|tag| Lang::parse(tag.split('-').next().unwrap_or("")))
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &map)
    }

    /// The message `key` with a number `name`, so that plural forms are chosen.
    pub fn t_count(self, key: &str, name: &'static str, n: i64) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed(name), FluentValue::from(n));
        LOCALES.lookup_with_args(&self.id(), key, &map)
    }

    /// Whether the key exists in this language itself (not through the fallback).
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(&self.id(), key).is_some()
    }

    /// The name of a language code in this interface language.
    pub fn language_name(self, code: &str) -> String {
        match mittler_domain::language::lookup(code) {
            Some(l) if self == Lang::De => l.name_de.to_owned(),
            Some(l) => l.name_en.to_owned(),
            None => code.to_owned(),
        }
    }

    /// A field error reason (`required`, `invalid-email`, ...) as a sentence.
    pub fn reason(self, reason: &str) -> String {
        let key = format!("error-{reason}");
        if self.has(&key) || Lang::En.has(&key) {
            self.t(&key)
        } else {
            self.t("error-invalid")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language() {
        assert_eq!(Lang::from_accept("ar-SY,ar;q=0.9,en;q=0.5"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept("fr-FR, en-GB;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::from_accept("fr"), None);
    }

    #[test]
    fn lookups_in_each_language() {
        assert_eq!(Lang::De.t("nav-sign-out"), "Abmelden");
        assert_eq!(Lang::En.t("nav-sign-out"), "Sign out");
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::En.reason("required"), "This field is required.");
        assert_eq!(Lang::De.language_name("tir"), "Tigrinya");
    }
}
