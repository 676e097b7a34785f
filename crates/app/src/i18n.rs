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
    Fa,
    Uk,
    Ru,
    Tr,
}

impl Lang {
    /// Every interface language, staff and public pages alike: each is complete (a test
    /// compares every file with the English one), so no page mixes in another language.
    pub const ALL: [Lang; 7] = [
        Lang::De,
        Lang::En,
        Lang::Ar,
        Lang::Fa,
        Lang::Uk,
        Lang::Ru,
        Lang::Tr,
    ];

    /// Interface languages of the public catalogue (the same as the staff pages').
    pub const PUBLIC: [Lang; 7] = Lang::ALL;

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Tr => "tr",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    /// A language of the public catalogue's interface.
    pub fn parse_public(s: &str) -> Option<Lang> {
        Lang::parse(s)
    }

    /// Writing direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self.rtl() { "rtl" } else { "ltr" }
    }

    pub fn rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }

    /// How items of a list are joined (the Arabic comma in Arabic script).
    pub fn list_separator(self) -> &'static str {
        if self.rtl() { "، " } else { ", " }
    }

    /// The language's own name, for the switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
            Lang::Tr => "Türkçe",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::De => langid!("de"),
            Lang::En => langid!("en"),
            Lang::Ar => langid!("ar"),
            Lang::Fa => langid!("fa"),
            Lang::Uk => langid!("uk"),
            Lang::Ru => langid!("ru"),
            Lang::Tr => langid!("tr"),
        }
    }

    /// The first supported language of an `Accept-Language` header, in the order of
    /// the header's weights (`q`).
    pub fn from_accept(header: &str) -> Option<Lang> {
        let mut tags: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim().to_ascii_lowercase();
                let q = bits
                    .filter_map(|b| b.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                let base = tag.split('-').next().unwrap_or("");
                // Dari (prs) readers read Farsi.
                let base = if base == "prs" { "fa" } else { base };
                Lang::parse(base).filter(|_| q > 0.0).map(|l| (q, i, l))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        tags.first().map(|t| t.2)
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), value(v)))
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

    /// The name of a language code in this interface language (German and English
    /// curated, the others from the Unicode CLDR and, for the ten it lacks, the generator's
    /// own table; the English name only for codes outside the pool's 114).
    pub fn language_name(self, code: &str) -> String {
        use mittler_domain::language::{NameIn, lookup};
        let Some(l) = lookup(code) else {
            return code.to_owned();
        };
        let within = match self {
            Lang::De => return l.name_de.to_owned(),
            Lang::En => return l.name_en.to_owned(),
            Lang::Ar => NameIn::Ar,
            Lang::Fa => NameIn::Fa,
            Lang::Uk => NameIn::Uk,
            Lang::Ru => NameIn::Ru,
            Lang::Tr => NameIn::Tr,
        };
        l.name_in(within).unwrap_or(l.name_en).to_owned()
    }

    /// A number with one decimal, as the language writes it ("1,5"; in English "1.5").
    pub fn decimal(self, v: f64) -> String {
        let s = format!("{v:.1}");
        if self == Lang::En {
            s
        } else {
            s.replace('.', ",")
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

/// An argument as Fluent sees it: a whole number written plainly is a number, so that
/// plural forms are chosen ("in 1 minute", Arabic's dual); anything else is text.
fn value(v: &str) -> FluentValue<'static> {
    match v.parse::<i64>() {
        Ok(n) if n.to_string() == v => FluentValue::from(n),
        _ => FluentValue::from(v.to_owned()),
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
        // A Farsi or Ukrainian browser gets its language, weights respected.
        assert_eq!(Lang::from_accept("fa-IR,fa;q=0.9,en;q=0.8"), Some(Lang::Fa));
        assert_eq!(Lang::from_accept("uk-UA,uk;q=0.9,ru;q=0.8"), Some(Lang::Uk));
        assert_eq!(Lang::from_accept("en;q=0.5, tr;q=0.9"), Some(Lang::Tr));
        assert_eq!(Lang::from_accept("ru;q=0, de"), Some(Lang::De));
        assert_eq!(Lang::from_accept("prs-AF"), Some(Lang::Fa));
    }

    #[test]
    fn accounts_may_choose_every_interface_language() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, mittler_domain::user::UI_LANGS);
    }

    #[test]
    fn numbers_choose_plural_forms() {
        let one = Lang::En.t_args("login-locked", &[("minutes", "1".into())]);
        assert!(one.contains("one minute"), "{one}");
        let many = Lang::En.t_args("login-locked", &[("minutes", "12".into())]);
        assert!(many.contains("12 minutes"), "{many}");
        // A number with a leading zero stays as typed.
        assert_eq!(value("007"), FluentValue::from("007"));
    }

    #[test]
    fn language_names_in_the_interface_language() {
        assert_eq!(Lang::De.language_name("ukr"), "Ukrainisch");
        assert_eq!(Lang::Ar.language_name("deu"), "الألمانية");
        assert_eq!(Lang::Uk.language_name("prs"), "дарі");
        assert_eq!(Lang::Tr.language_name("acm"), "Arapça (Irak)");
        // CLDR has no name for Turoyo: the generator adds one, so no English shows.
        assert_eq!(Lang::Ar.language_name("tru"), "الطورويو (الآرامية)");
        // Every pool language has a name in every interface language.
        for (code, _, en) in mittler_domain::language::NAMED_LANGUAGES {
            for l in [Lang::Ar, Lang::Fa, Lang::Uk, Lang::Ru] {
                assert_ne!(l.language_name(code), *en, "{code} in {}", l.code());
            }
        }
    }

    /// Message ids (with attributes) and the variables each uses, of one file.
    fn messages(path: &std::path::Path) -> std::collections::BTreeMap<String, Vec<String>> {
        use fluent_syntax::ast;
        fn pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
            for e in &p.elements {
                if let ast::PatternElement::Placeable { expression } = e {
                    expr(expression, out);
                }
            }
        }
        fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        pattern(&v.value, out);
                    }
                }
                ast::Expression::Inline(i) => inline(i, out),
            }
        }
        fn inline(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
            match i {
                ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
                ast::InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let res = fluent_syntax::parser::parse(text.as_str());
        let res = match res {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
        };
        let mut map = std::collections::BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    pattern(v, &mut vars);
                }
                for a in &m.attributes {
                    pattern(&a.value, &mut vars);
                }
                vars.sort();
                vars.dedup();
                map.insert(m.id.name.to_owned(), vars);
            }
        }
        map
    }

    /// Every interface language has every English message, with the same variables:
    /// no page shows English text in another language's layout.
    #[test]
    fn every_interface_language_is_complete() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let files: Vec<_> = std::fs::read_dir(root.join("en"))
            .expect("locales/en")
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert!(files.len() >= 3);
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            for f in &files {
                let en = messages(&root.join("en").join(f));
                let there = messages(&root.join(lang.code()).join(f));
                for (key, vars) in &en {
                    match there.get(key) {
                        None => problems.push(format!("{}: {key} missing", lang.code())),
                        Some(v) if v != vars => problems
                            .push(format!("{}: {key} uses {v:?}, not {vars:?}", lang.code())),
                        Some(_) => {}
                    }
                }
                for key in there.keys().filter(|k| !en.contains_key(*k)) {
                    problems.push(format!("{}: {key} is not in English", lang.code()));
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{} problems: {:#?}",
            problems.len(),
            problems
        );
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
